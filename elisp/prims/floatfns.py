"""Primitives of Emacs's floatfns.c: float functions and integer rounding."""

import math

from ..defun import defun
from ..lisp import Cons, NIL, T, MOST_POSITIVE_FIXNUM, MOST_NEGATIVE_FIXNUM
from ..errors import Q, signal, wrong_type

Qarith_error = Q('arith-error')
Qoverflow_error = Q('overflow-error')
NEG_NAN = -math.nan       # what glibc returns for most domain errors
POS_NAN = math.nan
INF = math.inf


def extract_float(x):
    c = x.__class__
    if c is float:
        return x
    if c is int:
        return int_to_float(x)
    wrong_type('numberp', x)


def int_to_float(n):
    try:
        return float(n)
    except OverflowError:
        return INF if n > 0 else -INF


def check_float(x):
    if x.__class__ is not float:
        wrong_type('floatp', x)
    return x


@defun('float')
def float_(arg):
    """Return the floating point number equal to ARG."""
    return extract_float(arg)


@defun('abs')
def abs_(arg):
    """Return the absolute value of ARG."""
    c = arg.__class__
    if c is int:
        return -arg if arg < 0 else arg
    if c is float:
        return math.fabs(arg)
    wrong_type('numberp', arg)


@defun('isnan')
def isnan(x):
    """Return non-nil if argument X is a NaN."""
    return T if check_float(x) != x else NIL


@defun('copysign')
def copysign(x1, x2):
    """Copy sign of X2 to value of X1, and return the result."""
    return math.copysign(check_float(x1), check_float(x2))


@defun('frexp')
def frexp(x):
    """Get significand and exponent of a floating point number."""
    f = extract_float(x)
    if f != f or f in (INF, -INF):
        return Cons(f, 0)
    m, e = math.frexp(f)
    return Cons(m, e)


@defun('ldexp')
def ldexp(sgnfcnd, exponent):
    """Return SGNFCND * 2**EXPONENT, as a floating point number."""
    if exponent.__class__ is not int or not MOST_NEGATIVE_FIXNUM <= exponent <= MOST_POSITIVE_FIXNUM:
        wrong_type('fixnump', exponent)
    f = extract_float(sgnfcnd)
    try:
        return math.ldexp(f, max(min(exponent, 100000), -100000))
    except OverflowError:
        return math.copysign(INF, f)


def _unary(name, fn, domain_nan=NEG_NAN):
    def prim(arg):
        d = extract_float(arg)
        try:
            return fn(d)
        except ValueError:
            return d if d != d else domain_nan
        except OverflowError:
            return INF
    prim.__doc__ = 'Return the %s of ARG.' % name
    prim.__name__ = name
    defun(name)(prim)
    return prim


def _exp(d):
    try:
        return math.exp(d)
    except OverflowError:
        return INF


_unary('exp', _exp)
_unary('sin', math.sin)
_unary('cos', math.cos)
_unary('tan', math.tan)
_unary('asin', math.asin, POS_NAN)
_unary('acos', math.acos, POS_NAN)


@defun('sqrt')
def sqrt(arg):
    """Return the square root of ARG."""
    d = extract_float(arg)
    if d < 0:
        return NEG_NAN
    if d != d:
        return d
    return math.sqrt(d)


@defun('atan')
def atan(y, x=NIL):
    """Return the inverse tangent of the arguments."""
    fy = extract_float(y)
    if x is NIL:
        return math.atan(fy)
    return math.atan2(fy, extract_float(x))


def _c_log(d, nan=NEG_NAN, fn=math.log):
    if d != d:
        return d
    if d == 0:
        return -INF
    if d < 0:
        return nan
    if d == INF:
        return INF
    return fn(d)


@defun('log')
def log(arg, base=NIL):
    """Return the natural logarithm of ARG."""
    d = extract_float(arg)
    if base is NIL:
        return _c_log(d)
    b = extract_float(base)
    if b == 10.0:
        return _c_log(d, POS_NAN, math.log10)
    if b == 2.0:
        return _c_log(d, NEG_NAN, math.log2)
    num = _c_log(d)
    den = _c_log(b)
    if den == 0.0:
        if num != num:
            return num
        if num == 0.0:
            return NEG_NAN
        return math.copysign(INF, num) * math.copysign(1.0, den)
    return num / den


def c_pow(x, y):
    """C's pow() as glibc computes it (no Python exceptions)."""
    try:
        return math.pow(x, y)
    except OverflowError:
        if x < 0 and y == int(y) and int(y) % 2 == 1:
            return -INF
        return INF
    except ValueError:
        if x == 0.0:
            if y == int(y) and int(y) % 2 == 1:
                return math.copysign(INF, x)
            return INF
        return NEG_NAN


@defun('expt')
def expt(arg1, arg2):
    """Return the exponential ARG1 ** ARG2."""
    c1 = arg1.__class__
    c2 = arg2.__class__
    if c1 is int and c2 is int and arg2 >= 0:
        if arg1 in (0, 1):
            return 1 if arg2 == 0 else arg1
        if arg1 == -1:
            return 1 if arg2 % 2 == 0 else -1
        if arg2 > 1 << 20 or abs(arg1).bit_length() * arg2 > 65536 + 64:
            signal(Qoverflow_error, NIL)
        return arg1 ** arg2
    return c_pow(extract_float(arg1), extract_float(arg2))


@defun('logb')
def logb(arg):
    """Returns largest integer <= the base 2 log of the magnitude of ARG."""
    c = arg.__class__
    if c is int:
        if arg == 0:
            return -INF
        return abs(arg).bit_length() - 1
    if c is float:
        if arg == 0:
            return -INF
        if arg != arg or arg in (INF, -INF):
            return math.fabs(arg)
        return math.frexp(arg)[1] - 1
    wrong_type('numberp', arg)


# ---------------------------------------------------------------- rounding

def _exact(x):
    if x.__class__ is float:
        if x != x or x in (INF, -INF):
            signal(Qoverflow_error, NIL)
        from fractions import Fraction
        return Fraction(x)
    return x


def _rounding(name, float_round, int_div):
    def prim(arg, divisor=NIL):
        c = arg.__class__
        if divisor is NIL:
            if c is int:
                return arg
            if c is float:
                if not math.isfinite(arg):
                    signal(Qoverflow_error, NIL)
                return int(float_round(arg))
            wrong_type('numberp', arg)
        if c is not int and c is not float:
            wrong_type('numberp', arg)
        dc = divisor.__class__
        if dc is int:
            if divisor == 0:
                signal(Qarith_error, NIL)
            if c is int:
                return int_div(arg, divisor)
        elif dc is float:
            if divisor == 0.0:
                signal(Qarith_error, NIL)
            if divisor in (INF, -INF) and c is int or (c is float and math.isfinite(arg)
                                                        and divisor in (INF, -INF)):
                return 0
        else:
            wrong_type('numberp', divisor)
        from fractions import Fraction
        q = Fraction(_exact(arg)) / Fraction(_exact(divisor))
        return int_div(q.numerator, q.denominator)
    prim.__name__ = name
    prim.__doc__ = 'Return ARG (or ARG divided by DIVISOR) converted to an integer (%s).' % name
    defun(name)(prim)
    return prim


def _floor_div(a, b):
    return a // b


def _ceil_div(a, b):
    return -(-a // b)


def _trunc_div(a, b):
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def _round_div(a, b):
    q, r = divmod(a, b)          # r has the sign of b
    twice = 2 * r
    ab = abs(b)
    if b < 0:
        twice = -twice
    if twice > ab or (twice == ab and q % 2 == 1):
        q += 1
    return q


_rounding('floor', math.floor, _floor_div)
_rounding('ceiling', math.ceil, _ceil_div)
_rounding('truncate', math.trunc, _trunc_div)
_rounding('round', round, _round_div)


def _fround_fn(name, fn):
    def prim(arg):
        d = check_float(arg)
        if not math.isfinite(d):
            return d
        r = float(fn(d))
        if r == 0.0:
            return math.copysign(0.0, d)
        return r
    prim.__name__ = name
    prim.__doc__ = 'Return the nearest integer to ARG, as a float (%s).' % name
    defun(name)(prim)


_fround_fn('ffloor', math.floor)
_fround_fn('fceiling', math.ceil)
_fround_fn('ftruncate', math.trunc)
_fround_fn('fround', round)
