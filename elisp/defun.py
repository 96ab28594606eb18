"""The one way to register a primitive: the @defun decorator.

    @defun("car-safe")
    def car_safe(obj):
        "Return the car of OBJECT if it is a cons cell, or else nil."

Argument counts come from the Python signature: parameters without defaults are
required, parameters with a default (always NIL) are &optional, *args is &rest.
"""

CO_VARARGS = 0x04      # inspect.CO_VARARGS, without importing inspect at start-up

from .lisp import Subr, intern, NIL


def defun(name):
    def register(fn):
        # Read the argument counts from the code object: inspect.signature is
        # too slow for start-up with hundreds of primitives.
        code = fn.__code__
        npos = code.co_argcount
        rest = code.co_flags & CO_VARARGS
        subr = Subr(name, fn, npos - len(fn.__defaults__ or ()), None if rest else npos,
                    fn.__doc__)
        intern(name).function = subr
        fn.subr = subr
        return fn
    return register


def subr_arglist(subr):
    """The argument names of primitive SUBR as Emacs shows them, e.g.
    ['OBJECT', '&optional', 'N'], or None for a special form."""
    if subr.special:
        return None
    code = subr.fn.__code__
    names = code.co_varnames
    npos = code.co_argcount
    required = subr.min_args
    arglist = [_lisp_arg_name(n) for n in names[:required]]
    if npos > required:
        arglist.append('&optional')
        arglist.extend(_lisp_arg_name(n) for n in names[required:npos])
    if subr.max_args is None:
        arglist.append('&rest')
        arglist.append(_lisp_arg_name(names[npos]))
    return arglist


def _lisp_arg_name(name):
    return name.rstrip('_').replace('_', '-').upper()


def defvar(name, value, special=True):
    """Define a variable that Emacs defines in C (DEFVAR_LISP)."""
    sym = intern(name)
    sym.val = value
    sym.special = special
    return sym


def defconst(name, value):
    sym = defvar(name, value)
    return sym


def optional(x):
    """True when an &optional argument was supplied non-nil."""
    return x is not NIL
