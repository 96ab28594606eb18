"""Primitives of Emacs's casefiddle.c: upcase, downcase, capitalize, upcase-initials.

Characters use Emacs's case table (simple one-to-one mappings); strings also use
the unconditional special casings (e.g. "ß" upcases to "SS") and the Greek final
sigma rule, as Emacs 28 does.
"""

import unicodedata

from ..defun import defun
from ..lisp import UnibyteStr, MultibyteStr, PropStr
from ..errors import wrong_type

# Characters Emacs deliberately leaves out of its case table (Turkish dotless i
# and dotted I, long s).
_NO_CASE = frozenset('\u0131\u0130\u017f')
_SIGMA = '\u03a3'


def _char_up(ch):
    if ch in _NO_CASE:
        return ch
    u = ch.upper()
    if len(u) == 1:
        return u
    if ch == '\u00df':
        return '\u1e9e'
    t = ch.title()
    return t if len(t) == 1 else ch


def _char_down(ch):
    if ch in _NO_CASE or ch == '\u212a':
        return ch
    d = ch.lower()
    return d if len(d) == 1 else ch


def _char_title(ch):
    if ch == '\u0130':
        return ch
    t = ch.title()
    if len(t) == 1:
        return t
    return _char_up(ch)


def _str_up(ch):
    if ch in _NO_CASE:
        return ch
    return ch.upper()


def _str_down(ch):
    if ch == '\u0131' or ch == '\u017f' or ch == '\u212a':
        return ch
    return ch.lower()


def _str_title(ch):
    if ch == '\u0130':
        return ch
    return ch.title()


def is_word_char(ch):
    if ch < '\x80':
        return ch.isalnum()
    if '\udc80' <= ch <= '\udcff':
        return True
    cat = unicodedata.category(ch)
    return cat[0] in 'LNM'


_FLAG_BITS = 0xFC00000      # alt, super, hyper, shift, control, meta


def _case_char(c, fn):
    if c.__class__ is not int or c < 0 or c > 0x1FFFFFFFFFFFFFFF:
        wrong_type('char-or-string-p', c)
    if c >= 0x10000000:
        return c
    flags = c & _FLAG_BITS
    base = c & ~_FLAG_BITS
    if base > 0x10FFFF or 0xD800 <= base <= 0xDFFF:
        return c
    return ord(fn(chr(base))) | flags


def _rewrap(orig, text):
    cls = orig.__class__
    if cls is UnibyteStr:
        return UnibyteStr(text)
    if cls is MultibyteStr:
        return MultibyteStr(text) if text.isascii() else text
    if cls is PropStr:
        if len(text) == len(orig):
            return PropStr(text, orig.intervals, orig.multibyte)
        return PropStr(text, (), orig.multibyte)
    return text


def _unibyte_map(s, fn):
    # Only ASCII letters change case in a unibyte string.
    return ''.join(fn(ch) if ch < '\x80' else ch for ch in s)


def _downcase_text(s):
    if s.isascii():
        return s.lower()
    out = []
    n = len(s)
    inword = False
    for i, ch in enumerate(s):
        if ch == _SIGMA:
            nxt = s[i + 1] if i + 1 < n else ''
            out.append('\u03c2' if inword and not (nxt and is_word_char(nxt)) else '\u03c3')
        else:
            out.append(_str_down(ch))
        inword = is_word_char(ch)
    return ''.join(out)


def _capitalize_text(s, initials_only):
    out = []
    n = len(s)
    inword = False
    for i, ch in enumerate(s):
        if not inword:
            out.append(_str_title(ch) if is_word_char(ch) else ch)
        elif initials_only:
            out.append(ch)
        elif ch == _SIGMA:
            nxt = s[i + 1] if i + 1 < n else ''
            out.append('\u03c2' if not (nxt and is_word_char(nxt)) else '\u03c3')
        else:
            out.append(_str_down(ch))
        inword = is_word_char(ch)
    return ''.join(out)


@defun('upcase')
def upcase(obj):
    """Convert argument to upper case and return that."""
    if isinstance(obj, str):
        if obj.__class__ is UnibyteStr:
            return UnibyteStr(_unibyte_map(obj, str.upper))
        if obj.isascii():
            return _rewrap(obj, obj.upper())
        return _rewrap(obj, ''.join([_str_up(ch) for ch in obj]))
    return _case_char(obj, _char_up)


@defun('downcase')
def downcase(obj):
    """Convert argument to lower case and return that."""
    if isinstance(obj, str):
        if obj.__class__ is UnibyteStr:
            return UnibyteStr(_unibyte_map(obj, str.lower))
        return _rewrap(obj, _downcase_text(obj))
    return _case_char(obj, _char_down)


@defun('capitalize')
def capitalize(obj):
    """Convert argument to capitalized form and return that."""
    if isinstance(obj, str):
        if obj.__class__ is UnibyteStr:
            return UnibyteStr(_capitalize_text(obj, False))
        return _rewrap(obj, _capitalize_text(obj, False))
    return _case_char(obj, _char_title)


@defun('upcase-initials')
def upcase_initials(obj):
    """Convert the initial of each word in the argument to upper case."""
    if isinstance(obj, str):
        if obj.__class__ is UnibyteStr:
            return UnibyteStr(_capitalize_text(obj, True))
        return _rewrap(obj, _capitalize_text(obj, True))
    return _case_char(obj, _char_title)


def char_downcase(c):
    """Downcase character code C via the case table (for case-insensitive compares)."""
    if c > 0x10FFFF or 0xD800 <= c <= 0xDFFF:
        return c
    return ord(_char_down(chr(c)))


def char_upcase(c):
    if c > 0x10FFFF or 0xD800 <= c <= 0xDFFF:
        return c
    return ord(_char_up(chr(c)))
