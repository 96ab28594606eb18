"""The one way to register a primitive: the @defun decorator.

    @defun("car-safe")
    def car_safe(obj):
        "Return the car of OBJECT if it is a cons cell, or else nil."

Argument counts come from the Python signature: parameters without defaults are
required, parameters with a default (always NIL) are &optional, *args is &rest.
"""

import inspect

from .lisp import Subr, intern, NIL


def defun(name):
    def register(fn):
        params = inspect.signature(fn).parameters.values()
        required = optional = 0
        rest = False
        arglist = []
        for p in params:
            lisp_name = p.name.rstrip('_').replace('_', '-').upper()
            if p.kind is p.VAR_POSITIONAL:
                rest = True
                arglist.append('&rest')
                arglist.append(lisp_name)
            elif p.default is p.empty:
                required += 1
                arglist.append(lisp_name)
            else:
                if not optional:
                    arglist.append('&optional')
                optional += 1
                arglist.append(lisp_name)
        subr = Subr(name, fn, required, None if rest else required + optional,
                    inspect.getdoc(fn), arglist=arglist)
        intern(name).function = subr
        fn.subr = subr
        return fn
    return register


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
