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
        # Read the signature from the code object: inspect.signature is too slow
        # for start-up with hundreds of primitives.
        code = fn.__code__
        npos = code.co_argcount
        names = code.co_varnames
        optional = len(fn.__defaults__ or ())
        required = npos - optional
        rest = bool(code.co_flags & CO_VARARGS)
        arglist = [_lisp_arg_name(n) for n in names[:required]]
        if optional:
            arglist.append('&optional')
            arglist.extend(_lisp_arg_name(n) for n in names[required:npos])
        if rest:
            arglist.append('&rest')
            arglist.append(_lisp_arg_name(names[npos]))
        subr = Subr(name, fn, required, None if rest else npos, fn.__doc__, arglist=arglist)
        intern(name).function = subr
        fn.subr = subr
        return fn
    return register


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
