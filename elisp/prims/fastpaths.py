"""Exact-arity entries for `funcall', the hottest primitive that calls back into Lisp.

The compiler's call nodes call Subr.fn1/fn2/fn3 directly.  For `funcall' those
entries are replaced by versions that enter a closure without building the
generic argument tuple twice.  (The fixnum and cons fast paths of arithmetic
and list primitives are inlined by the generated call nodes, elisp/callgen.py.)
Imported last, after every primitive exists.
"""

from ..lisp import intern
from ..compiler import Closure, apply_function


def _install():
    def funcall1(f):
        if f.__class__ is Closure:
            return f.call(())
        return apply_function(f, ())

    def funcall2(f, a):
        if f.__class__ is Closure:
            return f.call((a,))
        return apply_function(f, (a,))

    def funcall3(f, a, b):
        if f.__class__ is Closure:
            return f.call((a, b))
        return apply_function(f, (a, b))

    fc = intern('funcall').function
    fc.fn1, fc.fn2, fc.fn3 = funcall1, funcall2, funcall3


_install()
