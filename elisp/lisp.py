"""The data model: how Lisp objects are represented in Python (Emacs's lisp.h).

  nil, t, other symbols  Symbol (NIL and T are the two constants)
  cons cells             Cons
  integers               int (fixnums and bignums alike; never bool)
  floats                 float
  strings                str; UnibyteStr for unibyte strings with bytes >= 128,
                         MultibyteStr for ASCII strings forced multibyte;
                         raw bytes in multibyte text are U+DC80..U+DCFF
  vectors                Vector (a list subclass); records are Record
  functions              Subr (primitives), Closure (see compiler.py)
  others                 HashTable, BoolVector, Buffer, Marker, Process ...
"""

import sys

MOST_POSITIVE_FIXNUM = (1 << 61) - 1
MOST_NEGATIVE_FIXNUM = -(1 << 61)


class SpecialValue:
    """Marks a symbol value cell that is not a plain value (unbound, buffer-local)."""
    __slots__ = ('kind', 'default', 'local_if_set')

    def __init__(self, kind, default=None, local_if_set=False):
        self.kind = kind
        self.default = default
        self.local_if_set = local_if_set


UNBOUND = SpecialValue('unbound')


class Symbol:
    __slots__ = ('name', 'val', 'function', 'plist', 'special', 'constant',
                 'interned', 'str_cache', '__weakref__')

    def __init__(self, name, interned=True):
        self.name = name
        self.val = UNBOUND
        self.function = None           # None = void function cell (prints as nil)
        self.plist = None              # set to NIL lazily
        self.special = False
        self.constant = False
        self.interned = interned

    def __repr__(self):
        return self.name

    def __reduce__(self):
        if self.interned:
            return (intern, (self.name,))
        return (Symbol, (self.name, False))


obarray = {}


def intern(name):
    sym = obarray.get(name)
    if sym is None:
        sym = obarray[name] = Symbol(name)
        if name.startswith(':'):
            sym.val = sym
            sym.constant = True
            sym.special = True
    return sym


NIL = intern('nil')
T = intern('t')
NIL.val = NIL
T.val = T
NIL.constant = T.constant = True
NIL.special = T.special = True
NIL.plist = T.plist = NIL


class Cons:
    __slots__ = ('car', 'cdr')

    def __init__(self, car, cdr):
        self.car = car
        self.cdr = cdr

    def __iter__(self):
        """Iterate over the elements of a proper list (stops at a non-cons tail)."""
        x = self
        while x.__class__ is Cons:
            yield x.car
            x = x.cdr

    def __repr__(self):
        from .printer import prin1_to_string
        return prin1_to_string(self)

    def __reduce__(self):
        items = []
        x = self
        while x.__class__ is Cons:
            items.append(x.car)
            x = x.cdr
        return (_rebuild_list, (items, x))


def _rebuild_list(items, tail):
    return make_list(items, tail)


class Vector(list):
    """A Lisp vector (fixed length, mutable)."""
    __slots__ = ()

    def __hash__(self):
        return id(self)

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other


class Record(Vector):
    """A record: slot 0 is the type."""
    __slots__ = ()


class BoolVector:
    __slots__ = ('bits',)

    def __init__(self, bits):
        self.bits = bits            # a Python list of bool


class UnibyteStr(str):
    """A unibyte string: each character is a byte 0..255."""
    __slots__ = ()


class MultibyteStr(str):
    """An ASCII-only string that is nevertheless multibyte."""
    __slots__ = ()


class PropStr(str):
    """A string with text properties: `intervals` is a list of (start, end, plist)."""

    def __new__(cls, s, intervals=(), multibyte=None):
        self = str.__new__(cls, s)
        self.intervals = list(intervals)
        self.multibyte = multibyte
        return self


def is_multibyte(s):
    cls = s.__class__
    if cls is str:
        return not s.isascii()
    if cls is UnibyteStr:
        return False
    if cls is MultibyteStr:
        return True
    if cls is PropStr and s.multibyte is not None:
        return s.multibyte
    return not s.isascii()


RAW_BYTE_BASE = 0x3FFF00          # Emacs char code of raw byte N is RAW_BYTE_BASE + N
SURROGATE_BASE = 0xDC00           # we store raw byte N (>= 128) as chr(0xDC00 + N)


def char_code(ch):
    """Emacs character code of a Python character."""
    c = ord(ch)
    if 0xDC80 <= c <= 0xDCFF:
        return c - SURROGATE_BASE + RAW_BYTE_BASE
    return c


def code_char(c):
    """Python character for an Emacs character code."""
    if c >= 0x3FFF80:
        return chr(c - RAW_BYTE_BASE + SURROGATE_BASE)
    if c > 0x10FFFF:
        # Emacs has characters up to #x3FFF7F; Python strings stop at Unicode's end.
        from .errors import error
        error('Characters beyond #x10FFFF are not supported: %d' % c)
    return chr(c)


def string_char_code(s, i):
    c = ord(s[i])
    if 0xDC80 <= c <= 0xDCFF:
        if s.__class__ is UnibyteStr:
            return c - SURROGATE_BASE
        return c - SURROGATE_BASE + RAW_BYTE_BASE
    return c


def make_list(items, tail=NIL):
    result = tail
    for x in reversed(items):
        result = Cons(x, result)
    return result


def list_(*items):
    return make_list(items)


def list_to_python(lst):
    """Elements of a proper list as a Python list (dotted tail ignored)."""
    out = []
    while lst.__class__ is Cons:
        out.append(lst.car)
        lst = lst.cdr
    return out


def lisp_bool(x):
    return T if x else NIL


def fixnump(x):
    return x.__class__ is int and MOST_NEGATIVE_FIXNUM <= x <= MOST_POSITIVE_FIXNUM


def is_string(x):
    return isinstance(x, str)


def is_integer(x):
    return x.__class__ is int


def is_number(x):
    c = x.__class__
    return c is int or c is float


def is_vector(x):
    return x.__class__ is Vector


def is_list(x):
    return x is NIL or x.__class__ is Cons


class HashTable:
    """A hash table keeping insertion order, with eq/eql/equal or a user test."""
    __slots__ = ('test', 'table', 'weakness', 'size', 'user_test', 'rehash_size',
                 'rehash_threshold', 'purecopy')

    def __init__(self, test, weakness=None, size=65):
        self.test = test             # Symbol: eq, eql, equal, or a user-defined name
        self.table = {}              # key-wrapper -> (key, value)
        self.weakness = weakness
        self.size = size
        self.user_test = None
        self.rehash_size = 1.5
        self.rehash_threshold = 0.8125
        self.purecopy = False


class Subr:
    """A primitive implemented in Python.

    fn0..fn3 are the callables to use for a call with exactly 0..3 arguments, or
    None when the primitive does not accept that many (the compiler's call
    nodes use them to skip the generic arity check)."""
    __slots__ = ('name', 'fn', 'min_args', 'max_args', 'doc', 'special',
                 'fn0', 'fn1', 'fn2', 'fn3')

    def __init__(self, name, fn, min_args, max_args, doc=None, special=False):
        self.name = name
        self.fn = fn
        self.min_args = min_args
        self.max_args = max_args     # None means &rest (MANY)
        self.doc = doc
        self.special = special
        top = -1 if special else 3 if max_args is None else max_args
        self.fn0 = fn if min_args <= 0 <= top else None
        self.fn1 = fn if min_args <= 1 <= top else None
        self.fn2 = fn if min_args <= 2 <= top else None
        self.fn3 = fn if min_args <= 3 <= top else None

    def __repr__(self):
        return '#<subr %s>' % self.name


def set_recursion_limits():
    sys.setrecursionlimit(200000)
