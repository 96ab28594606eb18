"""Primitives of Emacs's fns.c: sequences, equality, hash tables, features."""

import math
import struct

from ..defun import defun, defvar
from ..lisp import (fixnump, MOST_POSITIVE_FIXNUM, Cons, Symbol, Vector, Record, BoolVector, HashTable, UnibyteStr,
                    MultibyteStr, PropStr, NIL, T, intern, make_list, list_, lisp_bool,
                    list_to_python, is_multibyte, string_char_code, code_char)
from ..errors import (Q, signal, error, wrong_type, args_out_of_range, LispSignal)
from ..compiler import funcall, apply_function

defvar('features', NIL)


def check_list(x):
    if x is not NIL and x.__class__ is not Cons:
        wrong_type('listp', x)


def list_elements(lst, pred='listp'):
    """Elements of a proper list; signal wrong-type-argument for a dotted one."""
    out = []
    x = lst
    while x.__class__ is Cons:
        out.append(x.car)
        x = x.cdr
    if x is not NIL:
        wrong_type(pred, lst if pred == 'listp' and lst.__class__ is not Cons else x)
    return out


def sequence_elements(seq):
    """The elements of any sequence as a Python list."""
    cls = seq.__class__
    if seq is NIL:
        return []
    if cls is Cons:
        out = []
        x = seq
        while x.__class__ is Cons:
            out.append(x.car)
            x = x.cdr
        if x is not NIL:
            wrong_type('listp', x)
        return out
    if cls is Vector or cls is Record:
        return list(seq)
    if isinstance(seq, str):
        return [string_char_code(seq, i) for i in range(len(seq))]
    if cls is BoolVector:
        return [T if b else NIL for b in seq.bits]
    wrong_type('sequencep', seq)


@defun('identity')
def identity(arg):
    """Return the ARGUMENT unchanged."""
    return arg


def list_length(lst):
    """Length of a proper list; wrong-type for a dotted one, circular-list for a cycle."""
    n = 0
    x = lst
    mark = lst
    power = 2
    while x.__class__ is Cons:
        n += 1
        x = x.cdr
        if x is mark:
            signal(Q('circular-list'), list_(lst))
        if n == power:
            mark = x
            power <<= 1
    if x is not NIL:
        wrong_type('listp', x)
    return n


@defun('length')
def length(sequence):
    """Return the length of vector, list or string SEQUENCE."""
    cls = sequence.__class__
    if cls is Cons:
        return list_length(sequence)
    if sequence is NIL:
        return 0
    if isinstance(sequence, str) or cls is Vector or cls is Record:
        return len(sequence)
    if cls is BoolVector:
        return len(sequence.bits)
    wrong_type('sequencep', sequence)


@defun('safe-length')
def safe_length(lst):
    """Return the length of a list, but avoid error or infinite loop."""
    # Emacs's Brent-style cycle check (FOR_EACH_TAIL_SAFE), so that the count
    # for a circular list matches Emacs's.
    length = 0
    tail = tortoise = lst
    mx, n, q = 2, 0, 2
    while tail.__class__ is Cons:
        length += 1
        tail = tail.cdr
        q -= 1
        if q == 0:
            n -= 1
            if n <= 0:
                mx <<= 1
                q = n = mx
                n >>= 16
                tortoise = tail
                continue
        if tail is tortoise:
            break
    return length


@defun('proper-list-p')
def proper_list_p(obj):
    """Return OBJECT's length if it is a proper list, nil otherwise."""
    n = 0
    seen = set()
    while obj.__class__ is Cons:
        if id(obj) in seen:
            return NIL
        seen.add(id(obj))
        n += 1
        obj = obj.cdr
    return n if obj is NIL else NIL


@defun('nthcdr')
def nthcdr(n, lst):
    """Take cdr N times on LIST, return the result."""
    if n.__class__ is not int:
        wrong_type('integerp', n)
    x = lst
    for _ in range(n):
        if x.__class__ is Cons:
            x = x.cdr
        elif x is NIL:
            return NIL
        else:
            wrong_type('listp', lst)
    return x


@defun('nth')
def nth(n, lst):
    """Return the Nth element of LIST."""
    x = nthcdr(n, lst)
    if x.__class__ is Cons:
        return x.car
    if x is NIL:
        return NIL
    wrong_type('listp', x)


@defun('elt')
def elt(sequence, n):
    """Return element of SEQUENCE at index N."""
    if sequence is NIL or sequence.__class__ is Cons:
        if n.__class__ is not int:
            wrong_type('integerp', n)
        return nth(n, sequence)
    from .data import aref
    if not (sequence.__class__ in (Vector, BoolVector) or isinstance(sequence, str)):
        wrong_type('sequencep', sequence)
    return aref(sequence, n)


@defun('memq')
def memq(elt_, lst):
    """Return non-nil if ELT is an element of LIST.  Comparison done with `eq'."""
    x = lst
    if elt_.__class__ is int:
        from .data import eq
        while x.__class__ is Cons:
            if eq(x.car, elt_) is T:
                return x
            x = x.cdr
    else:
        while x.__class__ is Cons:
            if x.car is elt_:
                return x
            x = x.cdr
    if x is not NIL:
        wrong_type('listp', lst)
    return NIL


@defun('memql')
def memql(elt_, lst):
    """Return non-nil if ELT is an element of LIST.  Comparison done with `eql'."""
    x = lst
    while x.__class__ is Cons:
        if eql(x.car, elt_) is T:
            return x
        x = x.cdr
    if x is not NIL:
        wrong_type('listp', lst)
    return NIL


@defun('member')
def member(elt_, lst):
    """Return non-nil if ELT is an element of LIST.  Comparison done with `equal'."""
    x = lst
    while x.__class__ is Cons:
        if equal_p(x.car, elt_):
            return x
        x = x.cdr
    if x is not NIL:
        wrong_type('listp', lst)
    return NIL


@defun('assq')
def assq(key, alist):
    """Return non-nil if KEY is `eq' to the car of an element of ALIST."""
    x = alist
    while x.__class__ is Cons:
        e = x.car
        if e.__class__ is Cons and (e.car is key or (key.__class__ is int and eql(e.car, key) is T
                                                      and e.car.__class__ is int)):
            return e
        x = x.cdr
    if x is not NIL:
        wrong_type('listp', alist)
    return NIL


@defun('assoc')
def assoc(key, alist, testfn=NIL):
    """Return non-nil if KEY is equal to the car of an element of ALIST."""
    x = alist
    while x.__class__ is Cons:
        e = x.car
        if e.__class__ is Cons:
            if testfn is NIL:
                if equal_p(e.car, key):
                    return e
            elif funcall(testfn, e.car, key) is not NIL:
                return e
        x = x.cdr
    if x is not NIL:
        wrong_type('listp', alist)
    return NIL


@defun('rassq')
def rassq(key, alist):
    """Return non-nil if KEY is `eq' to the cdr of an element of ALIST."""
    x = alist
    while x.__class__ is Cons:
        e = x.car
        if e.__class__ is Cons and (e.cdr is key or (key.__class__ is int and e.cdr.__class__ is int
                                                     and e.cdr == key and fixnump(key))):
            return e
        x = x.cdr
    if x is not NIL:
        wrong_type('listp', alist)
    return NIL


@defun('rassoc')
def rassoc(key, alist):
    """Return non-nil if KEY is `equal' to the cdr of an element of ALIST."""
    x = alist
    while x.__class__ is Cons:
        e = x.car
        if e.__class__ is Cons and equal_p(e.cdr, key):
            return e
        x = x.cdr
    if x is not NIL:
        wrong_type('listp', alist)
    return NIL


@defun('delq')
def delq(elt_, lst):
    """Delete members of LIST which are `eq' to ELT, and return the result."""
    from .data import eq
    prev = None
    head = lst
    x = lst
    while x.__class__ is Cons:
        if eq(x.car, elt_) is T:
            if prev is None:
                head = x.cdr
            else:
                prev.cdr = x.cdr
        else:
            prev = x
        x = x.cdr
    return head


@defun('delete')
def delete(elt_, seq):
    """Delete members of SEQ which are `equal' to ELT, and return the result."""
    if seq.__class__ is Vector:
        return Vector([x for x in seq if not equal_p(x, elt_)])
    if isinstance(seq, str):
        chars = [seq[i] for i in range(len(seq)) if not equal_p(string_char_code(seq, i), elt_)]
        return ''.join(chars)
    if seq is not NIL and seq.__class__ is not Cons:
        wrong_type('listp', seq)
    prev = None
    head = seq
    x = seq
    while x.__class__ is Cons:
        if equal_p(x.car, elt_):
            if prev is None:
                head = x.cdr
            else:
                prev.cdr = x.cdr
        else:
            prev = x
        x = x.cdr
    return head


@defun('nreverse')
def nreverse(seq):
    """Reverse order of items in a list, vector or string SEQ."""
    if seq is NIL:
        return NIL
    if seq.__class__ is Cons:
        prev = NIL
        x = seq
        while x.__class__ is Cons:
            nxt = x.cdr
            x.cdr = prev
            prev = x
            x = nxt
        if x is not NIL:
            wrong_type('listp', seq)
        return prev
    if seq.__class__ is Vector:
        seq.reverse()
        return seq
    if seq.__class__ is BoolVector:
        seq.bits.reverse()
        return seq
    if not isinstance(seq, str):
        wrong_type('arrayp', seq)
    return reverse(seq)


@defun('reverse')
def reverse(seq):
    """Return the reversed copy of list, vector, or string SEQ."""
    if seq is NIL:
        return NIL
    if seq.__class__ is Cons:
        result = NIL
        x = seq
        while x.__class__ is Cons:
            result = Cons(x.car, result)
            x = x.cdr
        if x is not NIL:
            wrong_type('listp', x)
        return result
    if seq.__class__ is Vector:
        return Vector(reversed(seq))
    if isinstance(seq, str):
        return _same_kind(seq, seq[::-1])
    if seq.__class__ is BoolVector:
        return BoolVector(list(reversed(seq.bits)))
    wrong_type('sequencep', seq)


def _same_kind(model, s):
    if model.__class__ is UnibyteStr:
        return UnibyteStr(s)
    return s


@defun('append')
def append(*sequences):
    """Concatenate all the arguments and make the result a list."""
    if not sequences:
        return NIL
    result = sequences[-1]
    for seq in reversed(sequences[:-1]):
        items = sequence_elements(seq)
        for x in reversed(items):
            result = Cons(x, result)
    return result


@defun('nconc')
def nconc(*lists):
    """Concatenate any number of lists by altering them."""
    result = NIL
    last = None
    for i, lst in enumerate(lists):
        if lst is NIL:
            continue
        if lst.__class__ is not Cons:
            if i == len(lists) - 1:
                if last is None:
                    return lst
                last.cdr = lst
                return result
            wrong_type('consp', lst)
        if last is None:
            result = lst
        else:
            last.cdr = lst
        if i == len(lists) - 1:
            break
        x = lst
        while x.cdr.__class__ is Cons:
            x = x.cdr
        last = x
    return result


@defun('copy-sequence')
def copy_sequence(arg):
    """Return a copy of a list, vector, string, char-table or record."""
    if arg is NIL:
        return NIL
    cls = arg.__class__
    if cls is Cons:
        return make_list(list_elements(arg))
    if cls is Vector:
        return Vector(arg)
    if cls is Record:
        return Record(arg)
    if cls is BoolVector:
        return BoolVector(list(arg.bits))
    if cls is PropStr:
        from .textprop import _reversed_plist    # copies reverse each plist's pairs, as in Emacs
        return PropStr(str(arg), [(s, e, _reversed_plist(p)) for s, e, p in arg.intervals], arg.multibyte)
    if isinstance(arg, str):
        if cls is not str:
            return cls(arg)
        # A fresh object where Python allows it (one-char strings are shared).
        return arg[:1] + arg[1:] if len(arg) > 1 else arg
    copier = getattr(arg, 'copy', None)
    if copier is not None:
        return copier()
    wrong_type('sequencep', arg)


def concat_strings(parts):
    """Join Lisp strings keeping Emacs's multibyte rules."""
    s = ''.join(parts)
    for p in parts:
        if p.__class__ is not str:
            break
    else:
        return s
    if any(p.__class__ is UnibyteStr for p in parts) and not any(is_multibyte(p) for p in parts):
        return UnibyteStr(s)
    if any(p.__class__ is MultibyteStr for p in parts) and s.isascii():
        return MultibyteStr(s)
    return s


@defun('concat')
def concat(*sequences):
    """Concatenate all the arguments and make the result a string."""
    unibyte = False
    for seq in sequences:
        if seq.__class__ is not str:
            if seq.__class__ is not UnibyteStr:
                break
            unibyte = True
    else:
        s = ''.join(sequences)
        if not unibyte:
            return s
        # Unibyte with ASCII text is unibyte; other text makes it multibyte.
        if s.isascii() or all(seq.__class__ is UnibyteStr or seq.isascii() for seq in sequences):
            return UnibyteStr(s)
        return s
    parts = []
    for seq in sequences:
        if isinstance(seq, str):
            parts.append(seq)
        else:
            chars = []
            for c in sequence_elements(seq):
                if c.__class__ is not int or not 0 <= c <= 0x3FFFFF:
                    wrong_type('integerp' if seq.__class__ is BoolVector else 'characterp', c)
                chars.append(code_char(c))
            parts.append(''.join(chars))
    if PropStr in map(type, parts):
        from .textprop import concat_with_properties
        return concat_with_properties(parts)
    return concat_strings(parts)


@defun('vconcat')
def vconcat(*sequences):
    """Concatenate all the arguments and make the result a vector."""
    out = []
    for seq in sequences:
        out.extend(sequence_elements(seq))
    return Vector(out)


@defun('mapcar')
def mapcar(function, sequence):
    """Apply FUNCTION to each element of SEQUENCE, and make a list of the results."""
    return make_list([funcall(function, x) for x in _mapping_elements(sequence)])


def _mapping_elements(sequence):
    if sequence.__class__ is Cons:
        list_length(sequence)
        out = []
        x = sequence
        while x.__class__ is Cons:
            out.append(x.car)
            x = x.cdr
        return out
    return sequence_elements(sequence)


@defun('mapc')
def mapc(function, sequence):
    """Apply FUNCTION to each element of SEQUENCE for side effects only."""
    if sequence.__class__ is Cons:
        list_length(sequence)
        x = sequence
        while x.__class__ is Cons:
            funcall(function, x.car)
            x = x.cdr
        return sequence
    for x in sequence_elements(sequence):
        funcall(function, x)
    return sequence


@defun('mapcan')
def mapcan(function, sequence):
    """Apply FUNCTION to each element of SEQUENCE, and concatenate the results by altering them."""
    results = [funcall(function, x) for x in _mapping_elements(sequence)]
    return nconc(*results) if results else NIL


@defun('mapconcat')
def mapconcat(function, sequence, separator):
    """Apply FUNCTION to each element of SEQUENCE, and concat the results as strings."""
    parts = []
    sep = NIL if separator is NIL else separator
    for i, x in enumerate(_mapping_elements(sequence)):
        if i and sep is not NIL:
            parts.append(sep)
        parts.append(funcall(function, x))
    return concat(*parts)


@defun('sort')
def sort(seq, predicate):
    """Sort SEQ, stably, comparing elements using PREDICATE."""
    import functools
    if seq is NIL:
        return NIL

    def cmp(a, b):
        if funcall(predicate, a, b) is not NIL:
            return -1
        if funcall(predicate, b, a) is not NIL:
            return 1
        return 0
    if seq.__class__ is Cons:
        items = list_elements(seq)
        items = _merge_sort(items, predicate)
        x = seq
        for item in items:
            x.car = item
            x = x.cdr
        return seq
    if seq.__class__ is Vector:
        seq[:] = _merge_sort(list(seq), predicate)
        return seq
    wrong_type('list-or-vector-p', seq)


def _merge_sort(items, predicate):
    """Stable sort asking PREDICATE only `a < b' questions, as Emacs's merge sort does.

    Python's list.sort is a stable merge sort that only uses `<`, so wrapping
    each element with a `__lt__` that calls PREDICATE gives Emacs's order."""
    if len(items) <= 1:
        return items
    fn = predicate
    if fn.__class__ is Symbol and fn.function is not None:
        fn = fn.function
    if (fn is _LT_SUBR or fn is _GT_SUBR) and all(x.__class__ is int for x in items):
        # Plain numeric order; Python's sort is stable like Emacs's.
        items.sort(key=(lambda x: -x) if fn is _GT_SUBR else None)
        return items
    items.sort(key=_predicate_key(predicate))
    return items


def _predicate_key(predicate):
    class Key:
        __slots__ = ('x',)

        def __init__(self, x):
            self.x = x

        def __lt__(self, other):
            return funcall(predicate, self.x, other.x) is not NIL
    return Key


_LT_SUBR = intern('<').function
_GT_SUBR = intern('>').function


# ---------------------------------------------------------------- equality

def eql(a, b):
    if a is b:
        return T
    ca = a.__class__
    if ca is int and b.__class__ is int:
        return T if a == b else NIL
    if ca is float and b.__class__ is float:
        return T if _float_bits(a) == _float_bits(b) else NIL
    return NIL


_pack_double = struct.Struct('<d').pack


def _float_bits(x):
    return _pack_double(x)


@defun('eql')
def eql_(obj1, obj2):
    """Return t if the two args are `eq' or are indistinguishable numbers."""
    return eql(obj1, obj2)


def equal_p(a, b, depth=0):
    if a is b:
        return True
    ca = a.__class__
    cb = b.__class__
    if ca is Cons:
        if cb is not Cons:
            return False
        if depth > 10000:
            error('Stack overflow in equal')
        while a.__class__ is Cons and b.__class__ is Cons:
            if a is b:
                return True
            if not equal_p(a.car, b.car, depth + 1):
                return False
            a = a.cdr
            b = b.cdr
        return equal_p(a, b, depth + 1)
    if isinstance(a, str):
        if not isinstance(b, str):
            return False
        if str.__eq__(a, b):
            if is_multibyte(a) != is_multibyte(b) and not a.isascii():
                return False
            return True
        return False
    if ca is int:
        return cb is int and a == b
    if ca is float:
        return cb is float and _float_bits(a) == _float_bits(b)
    if ca is Vector or ca is Record:
        if cb is not ca or len(a) != len(b):
            return False
        return all(equal_p(x, y, depth + 1) for x, y in zip(a, b))
    if ca is BoolVector:
        return cb is BoolVector and a.bits == b.bits
    eqfn = getattr(a, 'lisp_equal', None)
    if eqfn is not None:
        return eqfn(b)
    return False


@defun('equal')
def equal(o1, o2):
    """Return t if two Lisp objects have similar structure and contents."""
    return T if equal_p(o1, o2) else NIL


# ---------------------------------------------------------------- plists

@defun('plist-get')
def plist_get(plist, prop):
    """Extract a value from a property list."""
    x = plist
    while x.__class__ is Cons and x.cdr.__class__ is Cons:
        if x.car is prop:
            return x.cdr.car
        x = x.cdr.cdr
    return NIL


@defun('plist-put')
def plist_put(plist, prop, val):
    """Change value in PLIST of PROP to VAL."""
    x = plist
    last = None
    while x.__class__ is Cons and x.cdr.__class__ is Cons:
        if x.car is prop:
            x.cdr.car = val
            return plist
        last = x.cdr
        x = x.cdr.cdr
    if x is not NIL:
        wrong_type('plistp', plist)
    new = Cons(prop, Cons(val, NIL))
    if last is None:
        return new
    last.cdr = new
    return plist


@defun('lax-plist-get')
def lax_plist_get(plist, prop):
    """Extract a value from a property list, comparing with `equal'."""
    x = plist
    while x.__class__ is Cons and x.cdr.__class__ is Cons:
        if equal_p(x.car, prop):
            return x.cdr.car
        x = x.cdr.cdr
    if x is not NIL:
        wrong_type('plistp', plist)
    return NIL


@defun('lax-plist-put')
def lax_plist_put(plist, prop, val):
    """Change value in PLIST of PROP to VAL, comparing with `equal'."""
    x = plist
    last = None
    while x.__class__ is Cons and x.cdr.__class__ is Cons:
        if equal_p(x.car, prop):
            x.cdr.car = val
            return plist
        last = x.cdr
        x = x.cdr.cdr
    new = Cons(prop, Cons(val, NIL))
    if last is None:
        return new
    last.cdr = new
    return plist


@defun('plist-member')
def plist_member(plist, prop):
    """Return non-nil if PLIST has the property PROP."""
    x = plist
    while x.__class__ is Cons:
        if x.car is prop:
            return x
        x = x.cdr
        if x.__class__ is not Cons:
            break
        x = x.cdr
    if x is not NIL:
        wrong_type('plistp', plist)
    return NIL


def _length_upto(seq, limit):
    if seq.__class__ is Cons:
        n = 0
        while seq.__class__ is Cons and n <= limit:
            n += 1
            seq = seq.cdr
        return n
    return length(seq)


def _check_fixnum(n):
    if n.__class__ is not int or not -(1 << 61) <= n < (1 << 61):
        wrong_type('fixnump', n)
    return n


@defun('length<')
def length_lt(sequence, length_):
    """Return non-nil if SEQUENCE is shorter than LENGTH."""
    return T if _length_upto(sequence, _check_fixnum(length_)) < length_ else NIL


@defun('length>')
def length_gt(sequence, length_):
    """Return non-nil if SEQUENCE is longer than LENGTH."""
    return T if _length_upto(sequence, _check_fixnum(length_)) > length_ else NIL


@defun('length=')
def length_eq(sequence, length_):
    """Return non-nil if SEQUENCE has length equal to LENGTH."""
    return T if _length_upto(sequence, _check_fixnum(length_)) == length_ else NIL


# ---------------------------------------------------------------- features

@defun('featurep')
def featurep(feature, subfeature=NIL):
    """Return t if FEATURE is present in this Emacs."""
    from .data import check_symbol, get
    from ..variables import symbol_value
    check_symbol(feature)
    present = memq(feature, symbol_value(Q('features'))) is not NIL
    if present and subfeature is not NIL:
        subs = get(feature, Q('subfeatures'))
        if subfeature.__class__ is Cons and subfeature.cdr is NIL:
            pass
        present = member(subfeature, subs) is not NIL
    return T if present else NIL


@defun('provide')
def provide(feature, subfeatures=NIL):
    """Announce that FEATURE is a feature of the current Emacs."""
    from .data import check_symbol, put
    from ..variables import symbol_value, set_value
    check_symbol(feature)
    feats = symbol_value(Q('features'))
    if memq(feature, feats) is NIL:
        set_value(Q('features'), Cons(feature, feats))
    if subfeatures is not NIL:
        put(feature, Q('subfeatures'), subfeatures)
    from .lread import run_after_load
    run_after_load(feature)
    return feature


@defun('require')
def require(feature, filename=NIL, noerror=NIL):
    """If FEATURE is not already loaded, load it from FILENAME."""
    from .lread import require_feature
    return require_feature(feature, filename, noerror)


# ---------------------------------------------------------------- hash tables

class _EqualKey:
    """Wraps a cons/vector key so that Python's dict uses Emacs's `equal'."""
    __slots__ = ('obj', 'h')

    def __init__(self, obj):
        self.obj = obj
        self.h = sxhash_equal(obj)

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        return other.__class__ is _EqualKey and equal_p(self.obj, other.obj)


class _UserKey:
    __slots__ = ('obj', 'h', 'test')

    def __init__(self, obj, test):
        self.obj = obj
        self.test = test
        self.h = funcall(test[1], obj)

    def __hash__(self):
        return hash(_hashable(self.h))

    def __eq__(self, other):
        return other.__class__ is _UserKey and funcall(self.test[0], self.obj, other.obj) is not NIL


def _hashable(x):
    if x.__class__ is int or x.__class__ is float or isinstance(x, str):
        return x
    return id(x)


Qeq = intern('eq')
Qeql = intern('eql')
Qequal = intern('equal')
_EMPTY = object()


class HashStore:
    """The entries of a hash table in Emacs's slot order.

    Removed slots are reused last-freed-first, as Emacs's free list does, so
    `maphash' and printing visit entries in the same order as Emacs."""
    __slots__ = ('index', 'keys', 'vals', 'free')

    def __init__(self):
        self.index = {}
        self.keys = []
        self.vals = []
        self.free = []

    def __len__(self):
        return len(self.index)

    def values(self):
        keys = self.keys
        vals = self.vals
        return [(keys[i], vals[i]) for i in range(len(keys)) if keys[i] is not _EMPTY]

    def copy(self):
        c = HashStore()
        c.index = dict(self.index)
        c.keys = list(self.keys)
        c.vals = list(self.vals)
        c.free = list(self.free)
        return c


def _float_key(x):
    return ('f', _float_bits(x))


def hash_key(h, key):
    """The Python dict key standing for KEY under H's test."""
    test = h.test
    cls = key.__class__
    if test is Qeql:
        if cls is int:
            return key
        if cls is float:
            return _float_key(key)
        if isinstance(key, str):
            return ('o', id(key))
        return key
    if test is Qeq:
        if cls is int:
            return key if -0x2000000000000000 <= key <= 0x1FFFFFFFFFFFFFFF else ('o', id(key))
        if cls is float or isinstance(key, str):
            return ('o', id(key))
        return key
    if test is Qequal:
        if cls is int or cls is Symbol:
            return key
        if cls is float:
            return _float_key(key)
        if isinstance(key, str):
            if key.isascii():
                return ('s', str.__str__(key))
            return ('s', str.__str__(key), is_multibyte(key))
        if cls is Cons or cls is Vector or cls is Record or cls is BoolVector:
            return _EqualKey(key)
        if hasattr(key, 'marker_position'):
            return _EqualKey(key)
        return key
    return _UserKey(key, h.user_test)


def sxhash_equal(obj, depth=0):
    cls = obj.__class__
    if cls is int:
        return hash(obj)
    if cls is float:
        return hash(_float_bits(obj))
    if isinstance(obj, str):
        return hash(str.__str__(obj))
    if cls is Symbol:
        return id(obj) >> 4
    if cls is Cons:
        h = 17
        n = 0
        while obj.__class__ is Cons and n < 7:
            if depth < 3:
                h = h * 31 + sxhash_equal(obj.car, depth + 1)
            obj = obj.cdr
            n += 1
        return h & 0xFFFFFFFFFFFF
    if cls is Vector or cls is Record:
        h = len(obj)
        for x in obj[:7]:
            if depth < 3:
                h = h * 31 + sxhash_equal(x, depth + 1)
        return h & 0xFFFFFFFFFFFF
    if cls is BoolVector:
        return hash(tuple(obj.bits))
    if hasattr(obj, 'marker_position'):
        return 7
    return id(obj) >> 4


_user_tests = {}
Qhash_table_test = intern('hash-table-test')


@defun('define-hash-table-test')
def define_hash_table_test(name, test, hash_):
    """Define a new hash table test with name NAME, a symbol."""
    from .data import put
    _user_tests[name] = (test, hash_)
    return put(name, Qhash_table_test, list_(test, hash_))


_WEAKNESS = {intern('key'), intern('value'), intern('key-or-value'), intern('key-and-value')}
Qkey_and_value = intern('key-and-value')
_KW = {intern(k): k for k in (':test', ':weakness', ':size', ':rehash-size',
                                 ':rehash-threshold', ':purecopy')}


@defun('make-hash-table')
def make_hash_table(*keyword_args):
    """Create and return a new hash table."""
    args = keyword_args
    n = len(args)
    opts = {}
    used = [False] * n
    # Emacs looks each keyword up from the end; a keyword's value is the next arg.
    for kw in _KW:
        i = n - 1
        while i >= 0:
            if args[i] is kw:
                if i + 1 >= n:
                    signal(Q('error'), list_('Invalid argument list', kw))
                opts[_KW[kw]] = args[i + 1]
                used[i] = used[i + 1] = True
                break
            i -= 1
    for i in range(n):
        if not used[i]:
            signal(Q('error'), list_('Invalid argument list', args[i]))
    test = opts.get(':test', Qeql)
    if test is NIL:
        signal(Q('error'), list_('Invalid hash table test'))
    user = None
    if test not in (Qeq, Qeql, Qequal):
        user = _user_tests.get(test)
        if user is None:
            signal(Q('error'), list_('Invalid hash table test', test))
    size = opts.get(':size', NIL)
    if size is NIL:
        size = 65
    elif size.__class__ is not int or size < 0:
        signal(Q('error'), list_('Invalid hash table size', size))
    elif size == 0:
        size = 1
    weakness = opts.get(':weakness', NIL)
    if weakness is T:
        weakness = Qkey_and_value
    if weakness is not NIL and weakness not in _WEAKNESS:
        signal(Q('error'), list_('Invalid hash table weakness', weakness))
    h = HashTable(test, weakness, size)
    h.table = HashStore()
    h.user_test = user
    rs = opts.get(':rehash-size', NIL)
    if rs is not NIL:
        h.rehash_size = rs
    rt = opts.get(':rehash-threshold', NIL)
    if rt is not NIL:
        h.rehash_threshold = rt
    h.purecopy = opts.get(':purecopy', NIL) is not NIL
    return h


def check_hash_table(h):
    if h.__class__ is not HashTable:
        wrong_type('hash-table-p', h)
    return h


def _grow(h):
    old = h.size
    rs = h.rehash_size
    if rs.__class__ is float:
        new = int(old * rs)
    else:
        new = old + rs
    if new <= old:
        new = old + 1
    h.size = new


@defun('gethash')
def gethash(key, table, dflt=NIL):
    """Look up KEY in TABLE and return its associated value."""
    if table.__class__ is not HashTable:
        wrong_type('hash-table-p', table)
    st = table.table
    i = st.index.get(hash_key(table, key))
    return dflt if i is None else st.vals[i]


@defun('puthash')
def puthash(key, value, table):
    """Associate KEY with VALUE in hash table TABLE."""
    if table.__class__ is not HashTable:
        wrong_type('hash-table-p', table)
    st = table.table
    k = hash_key(table, key)
    i = st.index.get(k)
    if i is not None:
        st.vals[i] = value
        return value
    if st.free:
        i = st.free.pop()
        st.keys[i] = key
        st.vals[i] = value
    else:
        if len(st.keys) >= table.size:
            _grow(table)
        i = len(st.keys)
        st.keys.append(key)
        st.vals.append(value)
    st.index[k] = i
    return value


@defun('remhash')
def remhash(key, table):
    """Remove KEY from TABLE."""
    check_hash_table(table)
    st = table.table
    i = st.index.pop(hash_key(table, key), None)
    if i is not None:
        st.keys[i] = _EMPTY
        st.vals[i] = NIL
        st.free.append(i)
    return NIL


@defun('clrhash')
def clrhash(table):
    """Clear hash table TABLE and return it."""
    check_hash_table(table)
    table.table = HashStore()
    return table


@defun('maphash')
def maphash(function, table):
    """Call FUNCTION for all entries in hash table TABLE."""
    check_hash_table(table)
    st = table.table
    i = 0
    while i < len(st.keys):
        k = st.keys[i]
        if k is not _EMPTY:
            funcall(function, k, st.vals[i])
        st = table.table
        i += 1
    return NIL


@defun('hash-table-count')
def hash_table_count(table):
    """Return the number of elements in TABLE."""
    return len(check_hash_table(table).table.index)


@defun('hash-table-p')
def hash_table_p(obj):
    """Return t if OBJ is a Lisp hash table object."""
    return T if obj.__class__ is HashTable else NIL


@defun('hash-table-test')
def hash_table_test(table):
    """Return the test TABLE uses."""
    return check_hash_table(table).test


@defun('hash-table-weakness')
def hash_table_weakness(table):
    """Return the weakness of TABLE."""
    w = check_hash_table(table).weakness
    return NIL if w is None else w


@defun('hash-table-size')
def hash_table_size(table):
    """Return the size of TABLE."""
    return check_hash_table(table).size


@defun('hash-table-rehash-size')
def hash_table_rehash_size(table):
    """Return the current rehash size of TABLE."""
    return check_hash_table(table).rehash_size


@defun('hash-table-rehash-threshold')
def hash_table_rehash_threshold(table):
    """Return the current rehash threshold of TABLE."""
    return check_hash_table(table).rehash_threshold


@defun('copy-hash-table')
def copy_hash_table(table):
    """Return a copy of hash table TABLE."""
    check_hash_table(table)
    h = HashTable(table.test, table.weakness, table.size)
    h.user_test = table.user_test
    h.rehash_size = table.rehash_size
    h.rehash_threshold = table.rehash_threshold
    h.purecopy = table.purecopy
    h.table = table.table.copy()
    return h


_FIXNUM_MASK = (1 << 61) - 1


@defun('sxhash-equal')
def sxhash_equal_(obj):
    """Return an integer hash code for OBJ suitable for `equal'."""
    return sxhash_equal(obj) & _FIXNUM_MASK


@defun('sxhash-equal-including-properties')
def sxhash_equal_including_properties(obj):
    """Return an integer hash code for OBJ suitable for `equal-including-properties'."""
    return sxhash_equal(obj) & _FIXNUM_MASK


@defun('sxhash-eq')
def sxhash_eq(obj):
    """Return an integer hash code for OBJ suitable for `eq'."""
    if obj.__class__ is int:
        return obj & _FIXNUM_MASK
    return (id(obj) >> 4) & _FIXNUM_MASK


@defun('sxhash-eql')
def sxhash_eql(obj):
    """Return an integer hash code for OBJ suitable for `eql'."""
    if obj.__class__ is float:
        return hash(_float_bits(obj)) & _FIXNUM_MASK
    return sxhash_eq(obj)


def hash_table_from_read_syntax(items):
    """Build a hash table from the contents of #s(hash-table ...)."""
    props = {}
    for i in range(0, len(items) - 1, 2):
        if items[i].__class__ is Symbol:
            props.setdefault(items[i].name, items[i + 1])
    args = []
    for name in ('test', 'size', 'weakness', 'rehash-size', 'rehash-threshold', 'purecopy'):
        if name in props:
            args += [intern(':' + name), props[name]]
    h = make_hash_table(*args)
    data = props.get('data', NIL)
    items = []
    while data.__class__ is Cons:
        items.append(data.car)
        data = data.cdr
    if len(items) % 2:
        error('Hash table data is not a list of even length')
    for i in range(0, len(items), 2):
        puthash(items[i], items[i + 1], h)
    return h


# ---------------------------------------------------------------- strings

def check_string(x):
    if not isinstance(x, str):
        if x.__class__ is Symbol:
            return x.name
        wrong_type('stringp', x)
    return x


@defun('string-equal')
def string_equal(s1, s2):
    """Return t if two strings have identical contents."""
    a = check_string(s1)
    b = check_string(s2)
    return T if str.__eq__(a, b) else NIL


@defun('string=')
def string_eq(s1, s2):
    """Return t if two strings have identical contents."""
    return string_equal(s1, s2)


@defun('string-lessp')
def string_lessp(string1, string2):
    """Return non-nil if STRING1 is less than STRING2 in lexicographic order."""
    a = check_string(string1)
    b = check_string(string2)
    if a.isascii() and b.isascii():
        return T if a < b else NIL
    ca, cb = _codes(a), _codes(b)
    if ca.__class__ is str:
        ca = [ord(c) for c in ca]
    if cb.__class__ is str:
        cb = [ord(c) for c in cb]
    return T if ca < cb else NIL


def _codes(s):
    if s.isascii():
        return s
    return [string_char_code(s, i) for i in range(len(s))]


@defun('string<')
def string_lt(string1, string2):
    """Return non-nil if STRING1 is less than STRING2 in lexicographic order."""
    return string_lessp(string1, string2)


@defun('string-greaterp')
def string_greaterp(string1, string2):
    """Return non-nil if STRING1 is greater than STRING2 in lexicographic order."""
    return string_lessp(string2, string1)


@defun('string>')
def string_gt(string1, string2):
    """Return non-nil if STRING1 is greater than STRING2 in lexicographic order."""
    return string_lessp(string2, string1)


def _substring_index(s, idx, length, default):
    if idx is NIL:
        return default
    if idx.__class__ is not int or not -0x2000000000000000 <= idx <= 0x1FFFFFFFFFFFFFFF:
        wrong_type('integerp', idx)
    return idx + length if idx < 0 else idx


@defun('substring')
def substring(string, from_=NIL, to=NIL):
    """Return a new string whose contents are a substring of STRING."""
    cls = string.__class__
    if cls is UnibyteStr or (cls is str and string.isascii()):
        # The usual cases, inline: no multibyte or property rules to apply.
        n = len(string)
        f = 0 if from_ is NIL else from_
        t = n if to is NIL else to
        if f.__class__ is int and t.__class__ is int and -n <= f <= n and -n <= t <= n:
            if f < 0:
                f += n
            if t < 0:
                t += n
            if 0 <= f <= t <= n:
                return string[f:t] if cls is str else UnibyteStr(string[f:t])
    if string.__class__ is Vector:
        n = len(string)
        f = _substring_index(string, from_, n, 0)
        t = _substring_index(string, to, n, n)
        if not (0 <= f <= t <= n):
            args_out_of_range(string, from_, to)
        return Vector(string[f:t])
    if not isinstance(string, str):
        wrong_type('arrayp', string)
    n = len(string)
    f = _substring_index(string, from_, n, 0)
    t = _substring_index(string, to, n, n)
    if not (0 <= f <= t <= n):
        args_out_of_range(string, from_, to)
    if string.__class__ is PropStr:
        from .textprop import substring_with_properties
        return substring_with_properties(string, f, t)
    sub = str.__getitem__(string, slice(f, t))
    if string.__class__ is str and sub.isascii() and not string.isascii():
        return MultibyteStr(sub)
    return _same_kind(string, sub)


@defun('substring-no-properties')
def substring_no_properties(string, from_=NIL, to=NIL):
    """Return a substring of STRING, without text properties."""
    s = substring(string, from_, to)
    if s.__class__ is PropStr:
        return str(s)
    return s


@defun('string-to-list')
def string_to_list(string):
    """Return a list of characters in STRING."""
    if isinstance(string, str):
        return make_list(sequence_elements(string))
    return append(string, NIL)


class _GlibcRandom:
    """glibc's random()/srandom() (the TYPE_3 additive feedback generator),
    which Emacs's `random' draws from; same seed, same numbers as Emacs."""

    def __init__(self, seed):
        self.seed(seed)

    def seed(self, seed):
        seed &= 0xFFFFFFFF
        if seed == 0:
            seed = 1
        state = [seed]
        word = seed
        for _ in range(30):
            hi, lo = divmod(word, 127773)
            word = 16807 * lo - 2836 * hi
            if word < 0:
                word += 2147483647
            state.append(word)
        self.state = state
        self.f = 3
        self.r = 0
        for _ in range(310):
            self.next()

    def next(self):
        st = self.state
        f = self.f
        r = self.r
        val = (st[f] + st[r]) & 0xFFFFFFFF
        st[f] = val
        f += 1
        r += 1
        if f >= 31:
            f = 0
        elif r >= 31:
            r = 0
        self.f = f
        self.r = r
        return val >> 1


_M64 = (1 << 64) - 1
_INTMASK = (1 << 62) - 1


def _urandom_seed():
    import os
    return int.from_bytes(os.urandom(4), 'little')


_rng = _GlibcRandom(_urandom_seed())


def _get_random():
    """Emacs's get_random: 62 random bits built from two random() calls."""
    val = 0
    for _ in range(2):
        val = (_rng.next() ^ (val << 31) ^ (val >> 33)) & _M64
    val ^= val >> 2
    return val & _INTMASK


@defun('random')
def random_(limit=NIL):
    """Return a pseudo-random integer."""
    if limit is T:
        _rng.seed(_urandom_seed())
    elif isinstance(limit, str):
        from .character import internal_bytes
        arg = bytearray(4)
        for i, c in enumerate(internal_bytes(limit)):
            arg[i % 4] ^= c
        _rng.seed(int.from_bytes(arg, 'little'))
    if limit.__class__ is int and limit > 0:
        if limit > MOST_POSITIVE_FIXNUM:
            # Bignum limit: enough random words, reduced (not Emacs's exact stream).
            nwords = (limit.bit_length() + 61) // 62 + 1
            val = 0
            for _ in range(nwords):
                val = (val << 62) | _get_random()
            return val % limit
        while True:
            val = _get_random()
            rem = val % limit
            if val - rem <= _INTMASK - limit + 1:
                return rem
    val = _get_random()
    return val - (1 << 62) if val > MOST_POSITIVE_FIXNUM else val


def _sub_range(s, start, end, n):
    f = 0 if start is NIL else start
    t = n if end is NIL else end
    if f.__class__ is not int:
        wrong_type('integerp', f)
    if t.__class__ is not int:
        wrong_type('integerp', t)
    if f < 0:
        f += n
    if t < 0:
        t += n
    if not 0 <= f <= t <= n:
        args_out_of_range(s, start, end)
    return f, t


@defun('compare-strings')
def compare_strings(str1, start1, end1, str2, start2, end2, ignore_case=NIL):
    """Compare the contents of two strings, converting to multibyte if needed."""
    if not isinstance(str1, str):
        wrong_type('stringp', str1)
    if not isinstance(str2, str):
        wrong_type('stringp', str2)
    n1 = len(str1)
    n2 = len(str2)
    if end1.__class__ is int and end1 > n1:
        end1 = n1
    if end2.__class__ is int and end2 > n2:
        end2 = n2
    b1, e1 = _sub_range(str1, start1, end1, n1)
    b2, e2 = _sub_range(str2, start2, end2, n2)
    fold = ignore_case is not NIL
    if fold:
        from .casefiddle import char_upcase
    i1, i2 = b1, b2
    while i1 < e1 and i2 < e2:
        c1 = string_char_code(str1, i1)
        c2 = string_char_code(str2, i2)
        if c1 != c2 and fold:
            c1 = char_upcase(c1)
            c2 = char_upcase(c2)
        if c1 != c2:
            return -(i1 - b1 + 1) if c1 < c2 else i1 - b1 + 1
        i1 += 1
        i2 += 1
    if i1 < e1:
        return i1 - b1 + 1
    if i2 < e2:
        return -(i1 - b1 + 1)
    return T


@defun('string-distance')
def string_distance(string1, string2, bytecompare=NIL):
    """Return Levenshtein distance between STRING1 and STRING2."""
    a = check_string_only(string1)
    b = check_string_only(string2)
    if bytecompare is not NIL:
        from .character import internal_bytes
        a = internal_bytes(a)
        b = internal_bytes(b)
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def check_string_only(x):
    if not isinstance(x, str):
        wrong_type('stringp', x)
    return x


@defun('string-search')
def string_search(needle, haystack, start_pos=NIL):
    """Search for the string NEEDLE in the string HAYSTACK."""
    check_string_only(needle)
    check_string_only(haystack)
    start = 0
    if start_pos is not NIL:
        if start_pos.__class__ is not int:
            wrong_type('fixnump', start_pos)
        if not 0 <= start_pos <= len(haystack):
            args_out_of_range(start_pos)
        start = start_pos
    i = str.find(haystack, needle, start)
    return NIL if i < 0 else i


def _ver_order(c):
    if 48 <= c <= 57:
        return 0
    if c < 128 and chr(c).isalpha():
        return c
    if c == 126:            # ~ sorts before everything, even the end
        return -1
    return c + 256


def _version_key_cmp(a, b):
    """gnulib's filevercmp core on code lists A and B (-1, 0, 1)."""
    i = j = 0
    na, nb = len(a), len(b)
    while i < na or j < nb:
        first_diff = 0
        while (i < na and not 48 <= a[i] <= 57) or (j < nb and not 48 <= b[j] <= 57):
            ca = _ver_order(a[i]) if i < na else 0
            cb = _ver_order(b[j]) if j < nb else 0
            if ca != cb:
                return -1 if ca < cb else 1
            i += 1
            j += 1
        while i < na and a[i] == 48:
            i += 1
        while j < nb and b[j] == 48:
            j += 1
        while i < na and 48 <= a[i] <= 57 and j < nb and 48 <= b[j] <= 57:
            if not first_diff:
                first_diff = a[i] - b[j]
            i += 1
            j += 1
        if i < na and 48 <= a[i] <= 57:
            return 1
        if j < nb and 48 <= b[j] <= 57:
            return -1
        if first_diff:
            return -1 if first_diff < 0 else 1
    return 0


@defun('string-version-lessp')
def string_version_lessp(string1, string2):
    """Return non-nil if S1 is less than S2, as version strings."""
    a = check_string(string1)
    b = check_string(string2)
    # Emacs compares the NUL-separated parts in turn; when all the parts the
    # two have in common are equal, the one with more parts is the lesser.
    parts_a = a.split('\0')
    parts_b = b.split('\0')
    for pa, pb in zip(parts_a, parts_b):
        if not pa or not pb:            # an empty part precedes any other, even "~"
            if pa or pb:
                return T if not pa else NIL
            continue
        ca = [string_char_code(pa, i) for i in range(len(pa))]
        cb = [string_char_code(pb, i) for i in range(len(pb))]
        r = _version_key_cmp(ca, cb)
        if r == 0:
            r = (ca > cb) - (ca < cb)
        if r:
            return T if r < 0 else NIL
    return T if len(parts_a) > len(parts_b) else NIL


@defun('string-collate-lessp')
def string_collate_lessp(s1, s2, locale=NIL, ignore_case=NIL):
    """Return t if first arg string is less than second in collation order."""
    a = check_string(s1)
    b = check_string(s2)
    if ignore_case is not NIL:
        a = a.lower()
        b = b.lower()
    return T if _codes(a) < _codes(b) else NIL


@defun('string-collate-equalp')
def string_collate_equalp(s1, s2, locale=NIL, ignore_case=NIL):
    """Return t if two strings have identical contents in collation order."""
    a = check_string(s1)
    b = check_string(s2)
    if ignore_case is not NIL:
        a = a.lower()
        b = b.lower()
    return T if str.__eq__(a, b) else NIL


# ---------------------------------------------------------------- hashing and base64

def _object_bytes(obj, start=NIL, end=NIL):
    if not isinstance(obj, str):
        if hasattr(obj, 'text_for_hash'):
            obj = obj.text_for_hash()
        else:
            wrong_type('stringp', obj)
    if start is not NIL or end is not NIL:
        obj = substring(obj, start, end)
    from .character import internal_bytes
    return internal_bytes(obj)


_DIGESTS = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512')


@defun('secure-hash-algorithms')
def secure_hash_algorithms():
    """Return a list of all the supported `secure-hash' algorithms."""
    return make_list([intern(n) for n in _DIGESTS])


@defun('secure-hash')
def secure_hash(algorithm, object_, start=NIL, end=NIL, binary=NIL):
    """Return the secure hash of OBJECT, a buffer or string."""
    import hashlib
    if algorithm.__class__ is not Symbol or algorithm.name not in _DIGESTS:
        error('Invalid algorithm arg: %s' % (algorithm.name if algorithm.__class__ is Symbol
                                              else algorithm))
    h = hashlib.new(algorithm.name, _object_bytes(object_, start, end))
    if binary is not NIL:
        from .character import bytes_to_unibyte
        return bytes_to_unibyte(h.digest())
    return h.hexdigest()


@defun('md5')
def md5(object_, start=NIL, end=NIL, coding_system=NIL, noerror=NIL):
    """Return MD5 message digest of OBJECT, a buffer or string."""
    return secure_hash(intern('md5'), object_, start, end)


def _base64_input(string):
    if not isinstance(string, str):
        wrong_type('stringp', string)
    out = bytearray()
    for ch in string:
        c = ord(ch)
        if c < 256:
            out.append(c)
        elif 0xDC80 <= c <= 0xDCFF:
            out.append(c - 0xDC00)
        else:
            error('Multibyte character in data for base64 encoding')
    return bytes(out)


def _base64_encode(string, no_line_break, url, no_pad):
    import base64
    data = _base64_input(string)
    enc = (base64.urlsafe_b64encode(data) if url else base64.b64encode(data)).decode('ascii')
    if no_pad:
        enc = enc.rstrip('=')
    if no_line_break is NIL and len(enc) > 76:
        enc = '\n'.join(enc[i:i + 76] for i in range(0, len(enc), 76))
    return enc


@defun('base64-encode-string')
def base64_encode_string(string, no_line_break=NIL):
    """Base64-encode STRING and return the result."""
    return _base64_encode(string, no_line_break, False, False)


@defun('base64url-encode-string')
def base64url_encode_string(string, no_pad=NIL):
    """Base64url-encode STRING and return the result."""
    return _base64_encode(string, T, True, no_pad is not NIL)


@defun('base64-decode-string')
def base64_decode_string(string, base64url=NIL, ignore_invalid=NIL):
    """Base64-decode STRING and return the result as a string."""
    import binascii
    if not isinstance(string, str):
        wrong_type('stringp', string)
    alphabet = ('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
                + ('-_' if base64url is not NIL else '+/'))
    bits = 0
    nbits = 0
    out = bytearray()
    seen_pad = False
    for ch in string:
        if ch in ' \t\n\r\f':
            continue
        if ch == '=':
            seen_pad = True
            continue
        v = alphabet.find(ch)
        if v < 0 or seen_pad:
            if ignore_invalid is not NIL:
                continue
            error('Invalid base64 data')
        bits = (bits << 6) | v
        nbits += 6
        if nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 0xFF)
    from .character import bytes_to_unibyte
    return bytes_to_unibyte(bytes(out))


@defun('equal-including-properties')
def equal_including_properties(o1, o2):
    """Return t if two Lisp objects have similar structure and contents, including properties."""
    if not equal_p(o1, o2):
        return NIL
    if isinstance(o1, str) and isinstance(o2, str):
        i1 = [(a, b, p) for a, b, p in getattr(o1, 'intervals', ()) if p is not NIL]
        i2 = [(a, b, p) for a, b, p in getattr(o2, 'intervals', ()) if p is not NIL]
        if len(i1) != len(i2):
            return NIL
        for (a1, b1, p1), (a2, b2, p2) in zip(i1, i2):
            if a1 != a2 or b1 != b2 or not _plists_eq(p1, p2):
                return NIL
    return T


def _plists_eq(p1, p2):
    """Do two text-property plists have the same properties with `eq' values?
    (Emacs 28 compares interval properties with eq, not equal.)"""
    from .data import eq
    items1 = list_elements(p1)
    items2 = list_elements(p2)
    if len(items1) != len(items2):
        return False
    values2 = {}
    for i in range(0, len(items2) - 1, 2):
        values2.setdefault(id(items2[i]), items2[i + 1])
    for i in range(0, len(items1) - 1, 2):
        k = items1[i]
        if id(k) not in values2 or eq(items1[i + 1], values2[id(k)]) is NIL:
            return False
    return True
