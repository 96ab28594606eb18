"""Primitives, one module per area as in Emacs's C sources; imported in a fixed order."""

from . import data, alloc, fns, eval, print, editfns, lread, buffer, syntax, emacs, fileio, coding, floatfns, character, casefiddle, search, process, timer, timefns, sysdep  # noqa: F401
from . import ert_support, textprop  # noqa: F401
from . import callproc  # noqa: F401
from . import subproc  # noqa: F401
from . import gnutls  # noqa: F401
from . import fastpaths  # noqa: E402,F401  -- keep last: wraps primitives defined above
