"""elisp: Emacs Lisp, in Python, outside Emacs."""

import sys

__version__ = '0.1.0'

# Start-up time is dominated by importing our modules: keep their bytecode
# cached even where PYTHONDONTWRITEBYTECODE is set.
sys.dont_write_bytecode = False
