"""Exact-arity fast paths for the hottest primitives.

The compiler's call nodes call Subr.fn1/fn2 directly; for the primitives below
those entries are replaced by versions that handle the common fixnum case
inline and fall back to the full primitive otherwise.  Behaviour is the same;
only the dispatch is cheaper.  Imported last, after every primitive exists.
"""

from ..lisp import intern, T, NIL
from ..compiler import Closure, apply_function


def _subr(name):
    return intern(name).function


def _install():
    plus = _subr('+').fn
    minus = _subr('-').fn
    times = _subr('*').fn
    lt = _subr('<').fn
    gt = _subr('>').fn
    le = _subr('<=').fn
    ge = _subr('>=').fn
    num_eq = _subr('=').fn
    rem = _subr('%').fn
    add1 = _subr('1+').fn
    sub1 = _subr('1-').fn

    def plus2(a, b):
        if a.__class__ is int and b.__class__ is int:
            return a + b
        return plus(a, b)

    def minus2(a, b):
        if a.__class__ is int and b.__class__ is int:
            return a - b
        return minus(a, b)

    def minus1(a):
        if a.__class__ is int:
            return -a
        return minus(a)

    def times2(a, b):
        if a.__class__ is int and b.__class__ is int and -0x40000000 < a < 0x40000000 \
                and -0x40000000 < b < 0x40000000:
            return a * b
        return times(a, b)

    def lt2(a, b):
        if a.__class__ is int and b.__class__ is int:
            return T if a < b else NIL
        return lt(a, b)

    def gt2(a, b):
        if a.__class__ is int and b.__class__ is int:
            return T if a > b else NIL
        return gt(a, b)

    def le2(a, b):
        if a.__class__ is int and b.__class__ is int:
            return T if a <= b else NIL
        return le(a, b)

    def ge2(a, b):
        if a.__class__ is int and b.__class__ is int:
            return T if a >= b else NIL
        return ge(a, b)

    def eq2(a, b):
        if a.__class__ is int and b.__class__ is int:
            return T if a == b else NIL
        return num_eq(a, b)

    def rem2(a, b):
        if a.__class__ is int and b.__class__ is int and a >= 0 and b > 0:
            return a % b
        return rem(a, b)

    def add1_(a):
        if a.__class__ is int:
            return a + 1
        return add1(a)

    def sub1_(a):
        if a.__class__ is int:
            return a - 1
        return sub1(a)

    for name, n, fast in (('+', 2, plus2), ('-', 2, minus2), ('-', 1, minus1),
                          ('*', 2, times2), ('<', 2, lt2), ('>', 2, gt2), ('<=', 2, le2),
                          ('>=', 2, ge2), ('=', 2, eq2), ('%', 2, rem2), ('1+', 1, add1_),
                          ('1-', 1, sub1_)):
        setattr(_subr(name), 'fn%d' % n, fast)

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

    fc = _subr('funcall')
    fc.fn1, fc.fn2, fc.fn3 = funcall1, funcall2, funcall3


_install()
