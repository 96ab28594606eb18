"""Primitives of Emacs's character.c (and the unibyte/multibyte parts of fns.c):
characters, display widths, unibyte/multibyte conversion."""

import unicodedata

from ..defun import defun
from ..lisp import (NIL, T, UnibyteStr, MultibyteStr, PropStr, Symbol, is_multibyte,
                    code_char, string_char_code, SURROGATE_BASE, RAW_BYTE_BASE, intern)
from ..errors import wrong_type, args_out_of_range, error, signal, Q
from ..variables import symbol_value

MAX_CHAR = 0x3FFFFF
Vtab_width = intern('tab-width')


def check_character(c):
    if c.__class__ is not int or not 0 <= c <= MAX_CHAR:
        wrong_type('characterp', c)
    return c


def check_string(s):
    if not isinstance(s, str):
        wrong_type('stringp', s)
    return s


@defun('max-char')
def max_char():
    """Return the maximum character code."""
    return MAX_CHAR


def _tab_width():
    try:
        w = symbol_value(Vtab_width)
    except Exception:
        return 8
    return w if w.__class__ is int and 0 < w <= 1000 else 8


def char_width(c):
    if c < 0x20:
        return _tab_width() if c == 9 else 2
    if c < 0x7F:
        return 1
    if c < 0xA0:
        return 2 if c == 0x7F else 4
    if c >= 0x3FFF80:
        return 4
    if c > 0x10FFFF or 0xD800 <= c <= 0xDFFF:
        return 1
    ch = chr(c)
    if c == 0xAD:
        return 1
    cat = unicodedata.category(ch)
    if cat in ('Mn', 'Me') or (cat == 'Cf' and c != 0xAD) or 0x1160 <= c <= 0x11FF:
        return 0
    if unicodedata.east_asian_width(ch) in 'WF':
        return 2
    return 1


def string_chars(s):
    """The Emacs character codes of Lisp string S."""
    if s.__class__ is UnibyteStr:
        return [ord(ch) - SURROGATE_BASE if ch >= '\udc80' and ch <= '\udcff' else ord(ch)
                for ch in s]
    return [string_char_code(s, i) for i in range(len(s))]


@defun('char-width')
def char_width_(char):
    """Return width of CHAR in columns when displayed in the current buffer."""
    return char_width(check_character(char))


@defun('string-width')
def string_width(string, from_=NIL, to=NIL):
    """Return width of STRING when displayed in the current buffer."""
    check_string(string)
    n = len(string)
    f = 0 if from_ is NIL else from_
    t = n if to is NIL else to
    if f.__class__ is not int:
        wrong_type('integerp', f)
    if t.__class__ is not int:
        wrong_type('integerp', t)
    if f < 0:
        f += n
    if t < 0:
        t += n
    if not 0 <= f <= t <= n:
        args_out_of_range(string, from_, to)
    s = str.__getitem__(string, slice(f, t))
    if s.isascii() and s.isprintable():
        return len(s)
    if s.__class__ is UnibyteStr or string.__class__ is UnibyteStr:
        return sum(4 if ch >= '\udc80' and ch <= '\udcff' else char_width(ord(ch)) for ch in s)
    return sum(char_width(string_char_code(s, i)) for i in range(len(s)))


@defun('multibyte-string-p')
def multibyte_string_p(obj):
    """Return t if OBJECT is a multibyte string."""
    return T if isinstance(obj, str) and is_multibyte(obj) else NIL


@defun('string-bytes')
def string_bytes(string):
    """Return the number of bytes in STRING."""
    check_string(string)
    if not is_multibyte(string):
        return len(string)
    n = 0
    for i in range(len(string)):
        c = string_char_code(string, i)
        n += (1 if c < 0x80 else 2 if c < 0x800 else 3 if c < 0x10000 else
              4 if c < 0x200000 else 5 if c < 0x3FFF80 else 2)
    return n


def _unibyte_text(s):
    """Bytes of a unibyte Lisp string as a Python bytes object."""
    return bytes(ord(ch) - SURROGATE_BASE if ch >= '\udc80' and ch <= '\udcff' else ord(ch)
                 for ch in s)


def bytes_to_unibyte(b):
    """A unibyte Lisp string holding the bytes B."""
    if b.isascii():
        return b.decode('ascii')
    return UnibyteStr(b.decode('ascii', 'surrogateescape'))


def _plain(s):
    return str.__str__(s) if s.__class__ is not str else s


@defun('string-to-multibyte')
def string_to_multibyte(string):
    """Return a multibyte string with the same individual chars as STRING."""
    check_string(string)
    if is_multibyte(string):
        return string
    if string.isascii():
        return MultibyteStr(string)
    # Raw bytes of a unibyte string become raw-byte characters (same surrogates).
    return str.__str__(string) if string.__class__ is not PropStr else PropStr(
        str.__str__(string), string.intervals, True)


@defun('string-to-unibyte')
def string_to_unibyte(string):
    """Return a unibyte string with the same individual chars as STRING."""
    check_string(string)
    if not is_multibyte(string):
        return string
    out = []
    for i, ch in enumerate(string):
        c = ord(ch)
        if c < 0x80:
            out.append(ch)
        elif 0xDC80 <= c <= 0xDCFF:
            out.append(ch)
        else:
            error('Can\u2019t convert the %dth character to unibyte' % i)
    s = ''.join(out)
    return UnibyteStr(s) if not s.isascii() else s


@defun('string-as-unibyte')
def string_as_unibyte(string):
    """Return a unibyte string with the same individual bytes as STRING."""
    check_string(string)
    if not is_multibyte(string):
        return string
    b = _plain(string).encode('utf-8', 'surrogateescape')
    return bytes_to_unibyte(b)


def internal_bytes(s):
    """The bytes of string S: UTF-8, with raw-byte characters as the bytes themselves."""
    if not is_multibyte(s):
        return _unibyte_text(s)
    return str.__str__(s).encode('utf-8', 'surrogateescape')


def decode_internal(b):
    """Decode bytes as multibyte text: invalid sequences become raw-byte characters."""
    return b.decode('utf-8', 'surrogateescape')


@defun('string-as-multibyte')
def string_as_multibyte(string):
    """Return a multibyte string with the same individual bytes as STRING."""
    check_string(string)
    if is_multibyte(string):
        return string
    s = decode_internal(_unibyte_text(string))
    return MultibyteStr(s) if s.isascii() else s


@defun('string-make-unibyte')
def string_make_unibyte(string):
    """Return the unibyte equivalent of STRING (chars keep their low 8 bits)."""
    check_string(string)
    if not is_multibyte(string):
        return string
    out = []
    for i in range(len(string)):
        c = string_char_code(string, i)
        if c >= 0x3FFF80:
            c -= RAW_BYTE_BASE
        else:
            c &= 0xFF
        out.append(chr(c) if c < 0x80 else chr(SURROGATE_BASE + c))
    s = ''.join(out)
    return UnibyteStr(s) if not s.isascii() else s


@defun('string-make-multibyte')
def string_make_multibyte(string):
    """Return the multibyte equivalent of STRING (bytes become raw-byte chars)."""
    return string_to_multibyte(string)


@defun('unibyte-char-to-multibyte')
def unibyte_char_to_multibyte(ch):
    """Convert the byte CH to multibyte character."""
    check_character(ch)
    if ch >= 0x100:
        error('Not a unibyte character: %d' % ch)
    return ch if ch < 0x80 else ch + RAW_BYTE_BASE


@defun('multibyte-char-to-unibyte')
def multibyte_char_to_unibyte(ch):
    """Convert the multibyte character CH to a byte."""
    check_character(ch)
    if ch < 0x100:
        return ch
    if ch >= 0x3FFF80:
        return ch - RAW_BYTE_BASE
    return -1


@defun('byte-to-string')
def byte_to_string(byte):
    """Convert arg BYTE to a unibyte string containing that byte."""
    if byte.__class__ is not int:
        wrong_type('integerp', byte)
    if not 0 <= byte <= 255:
        error('Invalid byte')
    return chr(byte) if byte < 0x80 else UnibyteStr(chr(SURROGATE_BASE + byte))


@defun('get-byte')
def get_byte(position=NIL, string=NIL):
    """Return a byte value of a character at point (or at POSITION in STRING)."""
    if string is NIL:
        from .buffer import char_after
        c = char_after(position)
        if c is NIL:
            return NIL
    else:
        check_string(string)
        if position is NIL:
            position = 0
        if position.__class__ is not int:
            wrong_type('fixnump', position)
        if not 0 <= position < len(string):
            args_out_of_range(string, position)
        if string.__class__ is UnibyteStr:
            ch = string[position]
            return ord(ch) - SURROGATE_BASE if ch >= '\udc80' and ch <= '\udcff' else ord(ch)
        c = string_char_code(string, position)
    if c < 0x80:
        return c
    if c >= 0x3FFF80:
        return c - RAW_BYTE_BASE
    error('Not an ASCII nor an 8-bit character: %d' % c)


@defun('char-resolve-modifiers')
def char_resolve_modifiers(char):
    """Resolve modifiers in the character CHAR."""
    if char.__class__ is not int:
        wrong_type('fixnump', char)
    return char
