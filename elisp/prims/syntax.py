"""Syntax tables (Emacs's syntax.c, the table half): syntax classes of characters.

A SyntaxTable keeps the class designator of each ASCII character in one
128-char string (`ascii`, what the regexp translator keys its cache on) plus
explicit entries for other characters; entries not set are inherited from the
parent table.  Non-ASCII characters without an entry get the standard table's
default classes (see elisp/regex.py).
"""

from ..defun import defun
from ..lisp import Cons, NIL, T, intern, make_list
from ..errors import error, wrong_type, args_out_of_range
from ..variables import state
from ..regex import SYNTAX_TABLES
from .buffer import Buffer

CLASS_CHARS = ' .w_()\'"$\\/<>@!|'
_DESIGNATORS = {'-': 0}
for _i, _c in enumerate(CLASS_CHARS):
    _DESIGNATORS[_c] = _i
_FLAGS = {'1': 16, '2': 17, '3': 18, '4': 19, 'p': 20, 'b': 21, 'n': 22, 'c': 23}
_OPEN_CLOSE = {'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{'}


_version = [0]


class SyntaxTable:
    lisp_type = 'char-table'

    def __init__(self, parent=None, entries=None):
        self.parent = parent
        self.entries = dict(entries or {})     # char code -> (class index, match, flag bits)
        self._ascii = None
        self._parent_ascii = -1         # the _version the cached `_ascii' was built at

    def lookup(self, c):
        t = self
        while t is not None:
            e = t.entries.get(c)
            if e is not None:
                return e
            t = t.parent
        return None

    @property
    def ascii(self):
        """Class designators of chars 0..127, as the regexp engine wants them."""
        if self._parent_ascii == _version[0]:
            return self._ascii
        chars = []
        for c in range(128):
            e = self.lookup(c)
            chars.append(CLASS_CHARS[e[0]] if e is not None else 'w')
        a = self._ascii = ''.join(chars)
        self._parent_ascii = _version[0]
        return a

    def changed(self):
        # any table may be another's parent: invalidate every cached string
        _version[0] += 1

    def lisp_print(self, printer):
        printer.out.append('#^[nil nil syntax-table nil]')


def _table_from(ascii_classes, parent=None):
    t = SyntaxTable(parent)
    for c, k in enumerate(ascii_classes):
        ch = chr(c)
        match = None
        if k in '()' and ch in _OPEN_CLOSE:
            match = ord(_OPEN_CLOSE[ch])
        t.entries[c] = (CLASS_CHARS.index(k), match, 0)
    return t


STANDARD = _table_from(SYNTAX_TABLES['std'])
LISP = _table_from(SYNTAX_TABLES['lisp'], STANDARD)
_LISP_MODES = frozenset(intern(m) for m in (
    'lisp-interaction-mode', 'emacs-lisp-mode', 'lisp-mode', 'lisp-data-mode'))
Qmajor_mode = intern('major-mode')


def buffer_table(buf):
    t = buf.syntax_table
    if t is None:
        t = LISP if buf.local_vars.get(Qmajor_mode) in _LISP_MODES else STANDARD
    return t


def _check_table(obj):
    if obj.__class__ is not SyntaxTable:
        wrong_type('syntax-table-p', obj)
    return obj


def _check_char(c):
    if c.__class__ is not int or not 0 <= c <= 0x3FFFFF:
        wrong_type('characterp', c)
    return c


def parse_descriptor(desc):
    if not isinstance(desc, str):
        wrong_type('stringp', desc)
    first = desc[0] if desc else ' '
    if desc == '' or first not in _DESIGNATORS:
        error('Invalid syntax description letter: %s' % (first if desc else '\x00'))
    cls = _DESIGNATORS[first]
    match = None
    if len(desc) > 1 and desc[1] != ' ':
        match = ord(desc[1])
    flags = 0
    for f in desc[2:]:
        if f in _FLAGS:
            flags |= 1 << _FLAGS[f]
    return cls, match, flags


def raw_descriptor(entry):
    cls, match, flags = entry
    return Cons(cls | flags, NIL if match is None else match)


def default_entry(c):
    """Class of a character no table mentions (non-ASCII defaults)."""
    ch = chr(c) if c <= 0x10FFFF else ' '
    if ch in '\u00a0\u1680\u2028\u2029\u202f\u205f\u3000' or 0x2000 <= c <= 0x200b:
        return (0, None, 0)
    if ch in '\u00b7\u00d7\u00ad':
        return (3, None, 0)
    if ch.isalnum():
        return (2, None, 0)
    return (1, None, 0)


def char_entry(table, c):
    e = table.lookup(c)
    return e if e is not None else default_entry(c)


@defun('syntax-table-p')
def syntax_table_p(obj):
    """Return t if OBJECT is a syntax table."""
    return T if obj.__class__ is SyntaxTable else NIL


@defun('standard-syntax-table')
def standard_syntax_table():
    """Return the standard syntax table."""
    return STANDARD


@defun('syntax-table')
def syntax_table():
    """Return the current syntax table."""
    return buffer_table(state.current_buffer)


@defun('set-syntax-table')
def set_syntax_table(table):
    """Select a new syntax table for the current buffer."""
    _check_table(table)
    state.current_buffer.syntax_table = table
    return table


@defun('make-syntax-table')
def make_syntax_table(oldtable=NIL):
    """Return a new syntax table inheriting from OLDTABLE (or the standard table)."""
    return SyntaxTable(STANDARD if oldtable is NIL else _check_table(oldtable))


@defun('copy-syntax-table')
def copy_syntax_table(table=NIL):
    """Construct a new syntax table and return it, a copy of TABLE."""
    src = STANDARD if table is NIL else _check_table(table)
    return SyntaxTable(src.parent if src.parent is not None else
                       (STANDARD if src is not STANDARD else None), src.entries)


@defun('char-table-parent')
def char_table_parent(char_table):
    """Return the parent char-table of CHAR-TABLE."""
    if char_table.__class__ is not SyntaxTable:
        wrong_type('char-table-p', char_table)
    return char_table.parent if char_table.parent is not None else NIL


@defun('modify-syntax-entry')
def modify_syntax_entry(char, newentry, table=NIL):
    """Set syntax for character CHAR according to string NEWENTRY."""
    if char.__class__ is Cons:
        lo, hi = _check_char(char.car), _check_char(char.cdr)
    else:
        lo = hi = _check_char(char)
    t = buffer_table(state.current_buffer) if table is NIL else _check_table(table)
    entry = parse_descriptor(newentry)
    for c in range(lo, hi + 1):
        t.entries[c] = entry
    t.changed()
    return NIL


@defun('char-syntax')
def char_syntax(character):
    """Return the syntax code of CHARACTER, described by a character."""
    c = _check_char(character)
    return ord(CLASS_CHARS[char_entry(buffer_table(state.current_buffer), c)[0]])


@defun('string-to-syntax')
def string_to_syntax(string):
    """Convert a syntax descriptor STRING into a raw syntax descriptor."""
    return raw_descriptor(parse_descriptor(string))


@defun('syntax-class-to-char')
def syntax_class_to_char(syntax):
    """Return the syntax char of CLASS, described by an integer."""
    if syntax.__class__ is not int:
        wrong_type('fixnump', syntax)
    if not 0 <= syntax <= 15:
        args_out_of_range(15, syntax)
    return ord(CLASS_CHARS[syntax])


@defun('matching-paren')
def matching_paren(character):
    """Return the matching parenthesis of CHARACTER, or nil if none."""
    c = _check_char(character)
    cls, match, _ = char_entry(buffer_table(state.current_buffer), c)
    if cls in (4, 5) and match is not None:
        return match
    return NIL


@defun('syntax-after')
def syntax_after(pos):
    """Return the raw syntax descriptor for the char after POS."""
    from .buffer import char_after
    c = char_after(pos)
    if c is NIL:
        return NIL
    return raw_descriptor(char_entry(buffer_table(state.current_buffer), c))


@defun('syntax-class')
def syntax_class(syntax):
    """Return the code for the syntax described by SYNTAX."""
    if syntax is NIL:
        return NIL
    if syntax.__class__ is Cons and syntax.car.__class__ is int:
        return syntax.car & 0xFFFF
    wrong_type('consp', syntax)


# ---------------------------------------------------------------- scanning lists and sexps

from ..errors import signal, Q  # noqa: E402

_WS, _PUNCT, _WORD, _SYMBOL, _OPEN, _CLOSE, _QUOTE, _STRING, _MATH, _ESCAPE, _CHARQUOTE, \
    _COMMENT, _ENDCOMMENT, _INHERIT, _COMFENCE, _STRFENCE = range(16)


def _scan_error(msg, a, b):
    signal(Q('scan-error'), make_list([msg, a, b]))


def scan_lists(buf, start, count, depth, sexpflag):
    """Emacs's scan_lists over BUF's accessible text (positions are 1-based)."""
    table = buffer_table(buf)
    text = buf.search_text()
    off = buf.begv
    n = len(text)
    min_depth = depth if depth < 0 else 0
    i = start - off

    def cls(k):
        return char_entry(table, ord(text[k]))[0]

    while count > 0:
        while True:
            if i >= n:
                if depth == 0:
                    return None
                _scan_error('Unbalanced parentheses', start, n + off)
            c = cls(i)
            if c in (_ESCAPE, _CHARQUOTE):
                i += 2
                if i > n:
                    _scan_error('Unbalanced parentheses', start, n + off)
                c = _WORD
                if depth or not sexpflag:
                    continue
                i -= 1
            if c in (_WORD, _SYMBOL):
                i += 1
                if depth or not sexpflag:
                    continue
                while i < n:
                    c2 = cls(i)
                    if c2 in (_ESCAPE, _CHARQUOTE):
                        i += 2
                        continue
                    if c2 not in (_WORD, _SYMBOL, _QUOTE):
                        break
                    i += 1
                i = min(i, n)
                break
            if c == _COMMENT:
                j = i + 1
                while j < n and cls(j) != _ENDCOMMENT:
                    j += 1
                i = j + 1 if j < n else n
                continue
            if c == _OPEN:
                i += 1
                depth += 1
                if depth == 0:
                    break
                continue
            if c == _CLOSE:
                i += 1
                depth -= 1
                if depth == 0:
                    break
                if depth < min_depth:
                    _scan_error('Containing expression ends prematurely', i - 1 + off, i + off)
                continue
            if c in (_STRING, _STRFENCE):
                term = text[i]
                j = i + 1
                while True:
                    if j >= n:
                        _scan_error('Unbalanced parentheses', start, n + off)
                    c2 = cls(j)
                    if (c == _STRING and text[j] == term and c2 == _STRING) or \
                            (c == _STRFENCE and c2 == _STRFENCE):
                        break
                    j += 2 if c2 in (_ESCAPE, _CHARQUOTE) else 1
                i = j + 1
                if depth == 0 and sexpflag:
                    break
                continue
            i += 1
        count -= 1

    while count < 0:
        while True:
            if i <= 0:
                if depth == 0:
                    return None
                _scan_error('Unbalanced parentheses', off, start)
            k = i - 1
            c = cls(k)
            quoted = k > 0 and cls(k - 1) in (_ESCAPE, _CHARQUOTE)
            if quoted:
                c = _WORD
                k -= 1
            if c in (_WORD, _SYMBOL):
                i = k
                if depth or not sexpflag:
                    continue
                while i > 0:
                    if i > 1 and cls(i - 2) in (_ESCAPE, _CHARQUOTE):
                        i -= 2
                        continue
                    if cls(i - 1) not in (_WORD, _SYMBOL, _QUOTE):
                        break
                    i -= 1
                break
            if c == _CLOSE:
                i = k
                depth += 1
                if depth == 0:
                    break
                continue
            if c == _OPEN:
                i = k
                depth -= 1
                if depth == 0:
                    break
                if depth < min_depth:
                    _scan_error('Containing expression ends prematurely', k + off, k + 1 + off)
                continue
            if c in (_STRING, _STRFENCE):
                term = text[k]
                j = k - 1
                while True:
                    if j < 0:
                        _scan_error('Unbalanced parentheses', off, start)
                    quoted_j = j > 0 and cls(j - 1) in (_ESCAPE, _CHARQUOTE)
                    if not quoted_j and ((c == _STRING and text[j] == term) or
                                         (c == _STRFENCE and cls(j) == _STRFENCE)):
                        break
                    j -= 1
                i = j
                if depth == 0 and sexpflag:
                    break
                continue
            i = k
        count += 1
        if sexpflag:
            while i > 0 and cls(i - 1) == _QUOTE:
                i -= 1
    return i + off


def _int_pos(x):
    from .buffer import _pos_arg
    return _pos_arg(x)


@defun('scan-lists')
def scan_lists_(from_, count, depth):
    """Scan from character number FROM by COUNT lists."""
    for v in (count, depth):
        if v.__class__ is not int:
            wrong_type('fixnump', v)
    buf = state.current_buffer
    pos = max(buf.begv, min(_int_pos(from_), buf.zv))
    r = scan_lists(buf, pos, count, depth, False)
    return NIL if r is None else r


@defun('scan-sexps')
def scan_sexps(from_, count):
    """Scan from character number FROM by COUNT balanced expressions."""
    if count.__class__ is not int:
        wrong_type('fixnump', count)
    buf = state.current_buffer
    pos = max(buf.begv, min(_int_pos(from_), buf.zv))
    r = scan_lists(buf, pos, count, 0, True)
    return NIL if r is None else r


@defun('backward-prefix-chars')
def backward_prefix_chars():
    """Move point backward over any number of chars with prefix syntax."""
    buf = state.current_buffer
    table = buffer_table(buf)
    while buf.pt > buf.begv and char_entry(table, buf.char_at(buf.pt - 1))[0] == _QUOTE:
        buf.pt -= 1
    return NIL
