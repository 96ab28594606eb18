"""Primitives of Emacs's emacs.c and callproc.c environment: exiting, the environment."""

import os

from ..defun import defun
from ..lisp import NIL, T, intern, Cons
from ..errors import wrong_type
from ..variables import symbol_value


def _provide_emacs():
    from ..lisp import Cons
    sym = intern('features')
    feats = sym.val
    if feats.__class__ is not Cons or intern('emacs') not in list(feats):
        sym.val = Cons(intern('emacs'), feats if feats.__class__ is Cons else NIL)


_provide_emacs()


@defun('kill-emacs')
def kill_emacs(arg=NIL, restart=NIL):
    """Exit the Emacs job and kill it."""
    from ..cli import KillEmacs
    from .eval import run_hooks
    run_hooks(intern('kill-emacs-hook'))
    if arg.__class__ is int:
        raise KillEmacs(arg & 0xFF)
    if isinstance(arg, str):
        raise KillEmacs(0)
    raise KillEmacs(0)


@defun('emacs-pid')
def emacs_pid():
    """Return the process ID of Emacs, as an integer."""
    return os.getpid()


@defun('getenv-internal')
def getenv_internal(variable, env=NIL):
    """Get the value of environment variable VARIABLE."""
    if not isinstance(variable, str):
        wrong_type('stringp', variable)
    lst = env if env.__class__ is Cons else symbol_value(intern('process-environment'))
    prefix = variable + '='
    while lst.__class__ is Cons:
        e = lst.car
        if isinstance(e, str):
            if e.startswith(prefix):
                return e[len(prefix):]
            if e == variable:
                return NIL
        lst = lst.cdr
    return NIL


@defun('daemonp')
def daemonp():
    """Return non-nil if the current emacs process is a daemon."""
    return NIL


@defun('invocation-name')
def invocation_name():
    """Return the program name that was used to run Emacs."""
    return 'elisp'
