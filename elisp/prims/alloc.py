"""Primitives of Emacs's alloc.c: making lists, vectors, strings, symbols."""

from ..defun import defun, defvar
from ..lisp import (Cons, Symbol, Vector, Record, BoolVector, UnibyteStr, MultibyteStr, NIL, T,
                    intern, make_list, list_, code_char, SURROGATE_BASE)
from ..errors import Q, error, wrong_type, args_out_of_range, signal

defvar('gc-cons-threshold', 800000)
defvar('gc-cons-percentage', 0.1)
defvar('gcs-done', 0)
defvar('gc-elapsed', 0.0)
defvar('purify-flag', NIL)
defvar('memory-full', NIL)


@defun('list')
def list_fn(*objects):
    """Return a newly created list with specified arguments as elements."""
    return make_list(objects)


@defun('make-list')
def make_list_(length, init):
    """Return a newly created list of length LENGTH, with each element being INIT."""
    if length.__class__ is not int or length < 0:
        wrong_type('wholenump', length)
    result = NIL
    for _ in range(length):
        result = Cons(init, result)
    return result


@defun('vector')
def vector(*objects):
    """Return a newly created vector with specified arguments as elements."""
    return Vector(objects)


@defun('make-vector')
def make_vector(length, init):
    """Return a newly created vector of length LENGTH, with each element being INIT."""
    if length.__class__ is not int or length < 0:
        wrong_type('wholenump', length)
    return Vector([init] * length)


@defun('record')
def record(type_, *slots):
    """Create a new record."""
    return Record((type_,) + slots)


@defun('make-record')
def make_record(type_, slots, init):
    """Create a new record."""
    if slots.__class__ is not int or slots < 0:
        wrong_type('wholenump', slots)
    return Record([type_] + [init] * slots)


@defun('make-bool-vector')
def make_bool_vector(length, init):
    """Return a new bool-vector of length LENGTH, using INIT for each element."""
    if length.__class__ is not int or length < 0:
        wrong_type('wholenump', length)
    return BoolVector([init is not NIL] * length)


@defun('bool-vector')
def bool_vector(*objects):
    """Return a new bool-vector with length equal to the number of arguments."""
    return BoolVector([x is not NIL for x in objects])


def check_char(c):
    if c.__class__ is not int or not 0 <= c <= 0x3FFFFF:
        wrong_type('characterp', c)
    return c


@defun('make-string')
def make_string(length, init, multibyte=NIL):
    """Return a newly created string of length LENGTH, with INIT in each element."""
    if length.__class__ is not int or length < 0:
        wrong_type('wholenump', length)
    check_char(init)
    s = code_char(init) * length
    if multibyte is not NIL and s.isascii() and s:
        return MultibyteStr(s)
    return s


@defun('string')
def string(*characters):
    """Concatenate all the argument characters and make the result a string."""
    return ''.join(code_char(check_char(c)) for c in characters)


@defun('unibyte-string')
def unibyte_string(*bytes_):
    """Concatenate all the argument bytes and make the result a unibyte string."""
    out = []
    for b in bytes_:
        if b.__class__ is not int or not 0 <= b <= 255:
            args_out_of_range(b, 0, 255)
        out.append(chr(b) if b < 128 else chr(SURROGATE_BASE + b))
    return UnibyteStr(''.join(out))


@defun('make-symbol')
def make_symbol(name):
    """Return a newly allocated uninterned symbol whose name is NAME."""
    if not isinstance(name, str):
        wrong_type('stringp', name)
    return Symbol(str(name), interned=False)


@defun('purecopy')
def purecopy(obj):
    """Make a copy of object OBJ in pure storage."""
    return obj


@defun('garbage-collect')
def garbage_collect():
    """Reclaim storage for Lisp objects no longer needed."""
    import gc
    gc.collect()
    return NIL


@defun('memory-use-counts')
def memory_use_counts():
    """Return a list of counters that measure how much consing there has been."""
    return list_(0, 0, 0, 0, 0, 0, 0)
