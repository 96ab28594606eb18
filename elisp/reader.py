"""The reader (Emacs's lread.c): Lisp text to Lisp objects.

A hand-written reader that follows Emacs 28's read0/read1 character by
character where it matters (escapes, `.`, `#` syntaxes) and uses regular
expressions for the common tokens.  Nesting is handled with an explicit stack,
so arbitrarily deep data never recurses in Python.
"""

import math
import re
import unicodedata

from .lisp import (Cons, NIL, T, Symbol, Vector, Record, BoolVector, UnibyteStr, PropStr,
                   intern, make_list, list_, code_char, SURROGATE_BASE, UNBOUND)
from .errors import LispSignal, Q

Qquote = intern('quote')
Qfunction = intern('function')
Qbackquote = intern('`')
Qcomma = intern(',')
Qcomma_at = intern(',@')
Qhash_table = intern('hash-table')
Vload_true_file_name = intern('load-true-file-name')
Vload_file_name = intern('load-file-name')


class ReadError(Exception):
    pass


def invalid_syntax(what):
    raise LispSignal(Q('invalid-read-syntax'), list_(what))


def end_of_file():
    from .variables import symbol_value_or_unbound
    f = symbol_value_or_unbound(Vload_true_file_name)
    if isinstance(f, str):
        raise LispSignal(Q('end-of-file'), list_(f))
    raise LispSignal(Q('end-of-file'), NIL)


def _lisp_error(msg):
    raise LispSignal(Q('error'), list_(msg))


# ---------------------------------------------------------------- numbers

_NUMBER = re.compile(r'([+-]?)([0-9]*)(\.?)([0-9]*)(?:[eE]([+-]?[0-9]+|\+INF|\+NaN))?\Z')


def parse_number(tok):
    """The number a symbol-like token denotes, or None (Emacs's string_to_number)."""
    m = _NUMBER.match(tok)
    if not m:
        return None
    sign, lead, dot, trail, exp = m.groups()
    if trail or (lead and exp is not None):
        if exp == '+INF':
            return -math.inf if sign == '-' else math.inf
        if exp == '+NaN':
            return -math.nan if sign == '-' else math.nan
        try:
            return float(tok)
        except OverflowError:
            return -math.inf if sign == '-' else math.inf
    if not lead or exp is not None:
        return None
    return int(sign + lead)


# ---------------------------------------------------------------- characters

CHAR_ALT = 0x0400000
CHAR_SUPER = 0x0800000
CHAR_HYPER = 0x1000000
CHAR_SHIFT = 0x2000000
CHAR_CTL = 0x4000000
CHAR_META = 0x8000000
MODIFIER_MASK = CHAR_ALT | CHAR_SUPER | CHAR_HYPER | CHAR_SHIFT | CHAR_CTL | CHAR_META
_SIMPLE_ESCAPES = {'a': 7, 'b': 8, 'd': 127, 'e': 27, 'f': 12, 'n': 10, 'r': 13,
                   't': 9, 'v': 11}
_MOD_ESCAPES = {'M': CHAR_META, 'S': CHAR_SHIFT, 'H': CHAR_HYPER, 'A': CHAR_ALT}
_HEX = '0123456789abcdefABCDEF'
BYTE8_BASE = 0x3FFF00


def control_char(c):
    """Apply the control modifier to character C, as \\C- and \\^ do."""
    base = c & ~MODIFIER_MASK
    if base == 63:
        return 127 | (c & MODIFIER_MASK)
    if base >= 256:
        return c | CHAR_CTL
    if 0o101 <= (c & 0o137) <= 0o132 or 0o100 <= (c & 0o177) <= 0o137:
        return c & (0o37 | ~0o177)
    return c | CHAR_CTL


# Characters that end a symbol (besides controls and space).
_SYMBOL_END = frozenset('"\';()[]#`,')
_SYMBOL_RUN = re.compile(r'[^\x00-\x20"\';()\[\]#`,\\\xa0]+')
_SPACE = re.compile(r'(?:[\x00-\x20\xa0]+|;[^\n]*)+')
_STRING_RUN = re.compile(r'[^"\\]*')
_AFTER_CHAR_OK = frozenset('"\';()[]#?`,.')


class _Label:
    """The placeholder for #N= while its object is being read."""
    __slots__ = ('n', 'value')

    def __init__(self, n):
        self.n = n
        self.value = None


class _Scanner:
    """Decodes the read syntax character by character, as Emacs 28's read1 does."""

    def __init__(self, text, start=0, end=None):
        self.text = text
        self.pos = start
        self.end = len(text) if end is None else end
        self.labels = {}

    # -- low level

    def getc(self):
        """Next character as a string, or '' at the end."""
        p = self.pos
        if p >= self.end:
            self.pos = p + 1      # so that unget() is symmetrical
            return ''
        self.pos = p + 1
        return self.text[p]

    def ungetc(self):
        self.pos -= 1

    def skip_space(self):
        text = self.text
        while True:
            p = self.pos
            if p >= self.end:
                return
            m = _SPACE.match(text, p, self.end)
            if m is None:
                return
            self.pos = m.end()

    # -- escapes

    def read_escape(self, in_string):
        c = self.getc()
        if c == '':
            end_of_file()
        v = _SIMPLE_ESCAPES.get(c)
        if v is not None:
            return v
        if c == '\n':
            return -1
        if c == ' ':
            return -1 if in_string else 32
        if c in _MOD_ESCAPES:
            if self.getc() != '-':
                _lisp_error('Invalid escape character syntax')
            return self._escaped_char() | _MOD_ESCAPES[c]
        if c == 's':
            c2 = self.getc()
            if in_string or c2 != '-':
                if c2 != '':
                    self.ungetc()
                else:
                    self.pos -= 1
                return 32
            return self._escaped_char() | CHAR_SUPER
        if c == 'C' or c == '^':
            if c == 'C' and self.getc() != '-':
                _lisp_error('Invalid escape character syntax')
            return control_char(self._escaped_char())
        if '0' <= c <= '7':
            i = ord(c) - 48
            for _ in range(2):
                d = self.getc()
                if '0' <= d <= '7' and d != '':
                    i = i * 8 + ord(d) - 48
                else:
                    self.ungetc()
                    break
            if 0x80 <= i < 0x100:
                i += BYTE8_BASE
            return i
        if c == 'x':
            i = 0
            count = 0
            while True:
                d = self.getc()
                if d == '' or d not in _HEX:
                    self.ungetc()
                    break
                i = i * 16 + int(d, 16)
                if i > CHAR_META | (CHAR_META - 1):
                    _lisp_error('Hex character out of range: \\x%x...' % i)
                if count < 3:
                    count += 1
            if count < 3 and i >= 0x80:
                return i + BYTE8_BASE
            return i
        if c == 'u' or c == 'U':
            width = 4 if c == 'u' else 8
            i = 0
            for _ in range(width):
                d = self.getc()
                if d == '':
                    _lisp_error('Malformed Unicode escape: \\%s%x' % (c, i))
                if d not in _HEX:
                    _lisp_error('Non-hex character used for Unicode escape: %s (%d)'
                                % (d, ord(d)))
                i = i * 16 + int(d, 16)
            if i > 0x10FFFF:
                _lisp_error('Non-Unicode character: 0x%x' % i)
            return i
        if c == 'N':
            if self.getc() != '{':
                invalid_syntax('Expected opening brace after \\N')
            name = []
            white = False
            while True:
                d = self.getc()
                if d == '':
                    end_of_file()
                if d == '}':
                    break
                if not (0 < ord(d) < 0x80):
                    invalid_syntax('Invalid character U+%04X in character name' % ord(d))
                if d in ' \t\n\r\f\v':
                    if white:
                        continue
                    d = ' '
                    white = True
                else:
                    white = False
                name.append(d)
            if not name:
                invalid_syntax('Empty character name')
            return _char_from_name(''.join(name))
        return _code_of(c)

    def _escaped_char(self):
        c = self.getc()
        if c == '':
            self.pos -= 1
            return -1
        if c == '\\':
            return self.read_escape(False)
        return _code_of(c)

    # -- atoms

    def read_string(self):
        text = self.text
        parts = []
        force_multi = force_single = False
        while True:
            m = _STRING_RUN.match(text, self.pos, self.end)
            run = m.group()
            if run:
                parts.append(run)
                if not run.isascii():
                    for ch in run:
                        o = ord(ch)
                        if 0xDC80 <= o <= 0xDCFF:
                            force_single = True
                        elif o > 127:
                            force_multi = True
            self.pos = m.end()
            c = self.getc()
            if c == '"':
                break
            if c == '':
                end_of_file()
            ch = self.read_escape(True)
            if ch == -1:
                continue
            mods = ch & MODIFIER_MASK
            ch &= ~MODIFIER_MASK
            if ch >= 0x3FFF80:
                force_single = True
            elif ch > 127:
                force_multi = True
            else:
                if mods == CHAR_CTL:
                    if ch == 32:
                        ch = mods = 0
                    elif ch == 63:
                        ch, mods = 127, 0
                if mods & CHAR_SHIFT:
                    if 65 <= ch <= 90:
                        mods &= ~CHAR_SHIFT
                    elif 97 <= ch <= 122:
                        ch -= 32
                        mods &= ~CHAR_SHIFT
                if mods & CHAR_META:
                    mods &= ~CHAR_META
                    ch = BYTE8_BASE + (ch | 0x80)
                    force_single = True
            if mods:
                invalid_syntax('Invalid modifier in string')
            parts.append(code_char(ch))
        s = ''.join(parts)
        if force_single and not force_multi:
            if s.isascii():
                return s
            return UnibyteStr(s)
        return s

    def read_char_literal(self):
        c = self.getc()
        if c == '':
            end_of_file()
        if c == ' ' or c == '\t':
            return ord(c)
        if c == '\\':
            code = self.read_escape(False)
        else:
            code = _code_of(c)
        mods = code & MODIFIER_MASK
        code &= ~MODIFIER_MASK
        if code >= 0x3FFF80:
            code -= BYTE8_BASE
        code |= mods
        p = self.pos
        if p < self.end:
            nxt = self.text[p]
            if not (nxt <= ' ' or nxt in _AFTER_CHAR_OK):
                invalid_syntax('?')
        return code

    def read_symbol(self, uninterned=False, first=None):
        """Read a symbol or number token; FIRST is an already consumed character."""
        text = self.text
        parts = [first] if first else []
        quoted = False
        while True:
            m = _SYMBOL_RUN.match(text, self.pos, self.end)
            if m is not None:
                parts.append(m.group())
                self.pos = m.end()
            p = self.pos
            if p < self.end and text[p] == '\\':
                self.pos = p + 1
                c = self.getc()
                if c == '':
                    end_of_file()
                parts.append(c)
                quoted = True
                continue
            break
        name = ''.join(parts)
        if uninterned:
            return Symbol(name, interned=False)
        if not quoted:
            c0 = name[:1]
            if c0 and (c0 in '0123456789+-.'):
                n = parse_number(name)
                if n is not None:
                    return n
        return intern(name)

    def read_integer(self, radix):
        text = self.text
        p = self.pos
        start = p
        end = self.end
        if p < end and text[p] in '+-':
            p += 1
        valid = -1
        digits_start = p
        while p < end:
            c = text[p]
            d = _digit(c, radix)
            if d == -2:
                break
            if d == -1:
                valid = 0
            elif valid < 0:
                valid = 1
            p += 1
        self.pos = p
        if valid != 1:
            invalid_syntax('integer, radix %d' % radix)
        tok = text[start:p]
        return int(tok, radix) if digits_start < p else 0

    # -- the main loop

    def read(self):
        """Read the next datum; signal end-of-file when there is none."""
        self.labels = {}
        try:
            return self._read0()
        except RecursionError:
            _lisp_error('Lisp nesting exceeds \u2018max-lisp-eval-depth\u2019')

    def _read0(self):
        obj, delim = self._read1()
        if delim:
            invalid_syntax(delim)
        return obj

    def _read1(self):
        """Read one datum; return (object, None) or (None, delimiter char)."""
        # Stack entries: [kind, items, extra]; kinds: '(' list, '[' vector,
        # '#s' record, '#[' byte-code, '#(' string with properties, 'q' prefix
        # (extra = its symbol), '=' label (extra = _Label), '.' dotted tail
        # (extra = None or [tail object]).
        stack = []
        token = self._token
        while True:
            kind, obj = token()
            if kind is _OPEN:
                stack.append(obj)
                continue
            if kind is _DELIM:
                delim = obj
                obj = None
            else:
                delim = None
            while True:
                if not stack:
                    return obj, delim
                top = stack[-1]
                k = top[0]
                if k == 'q':
                    if delim:
                        invalid_syntax(delim)
                    stack.pop()
                    obj = Cons(top[2], Cons(obj, NIL))
                    continue
                if k == '=':
                    if delim:
                        invalid_syntax(delim)
                    stack.pop()
                    obj = self._finish_label(top[2], obj)
                    continue
                if k == '.':
                    if top[2] is None:
                        if delim:
                            invalid_syntax(delim)
                        top[2] = [obj]
                        break
                    if delim == ')':
                        stack.pop()
                        lst = stack.pop()
                        obj = make_list(lst[1], top[2][0])
                        delim = None
                        continue
                    invalid_syntax('. in wrong context')
                if delim is None:
                    top[1].append(obj)
                    break
                if k == '(' or k == '#(' or k == '#s':
                    if delim == ')':
                        stack.pop()
                        obj = self._close(k, top[1])
                        delim = None
                        continue
                    if delim == '.':
                        if k == '(':
                            stack.append(['.', None, None])
                            break
                        invalid_syntax('. in wrong context')
                    invalid_syntax('] in a list')
                if delim == ']':
                    stack.pop()
                    obj = self._close(k, top[1])
                    delim = None
                    continue
                invalid_syntax(') or . in a vector')

    def _close(self, kind, items):
        if kind == '(':
            return make_list(items)
        if kind == '[':
            return Vector(items)
        if kind == '#s':
            if not items:
                from .errors import wrong_type
                wrong_type('wholenump', -1)
            if items[0] is Qhash_table:
                from .prims.fns import hash_table_from_read_syntax
                return hash_table_from_read_syntax(items[1:])
            return Record(items)
        if kind == '#[':
            if len(items) < 4:
                invalid_syntax('Invalid byte-code object')
            return Vector(items)
        if not items or not isinstance(items[0], str):
            invalid_syntax('#')
        s = items[0]
        rest = items[1:]
        if len(rest) % 3:
            invalid_syntax('Invalid string property list')
        intervals = [(rest[k], rest[k + 1], rest[k + 2]) for k in range(0, len(rest), 3)]
        return PropStr(s, intervals) if intervals else s

    def _finish_label(self, label, obj):
        if obj is label:
            obj = Cons(NIL, NIL)
        self.labels[label.n] = obj
        if _contains(obj, label):
            _substitute(obj, label, obj)
        return obj

    def _token(self):
        """The next token: (_OBJ, object), (_DELIM, char) or (_OPEN, stack entry)."""
        while True:
            self.skip_space()
            c = self.getc()
            if c == '':
                end_of_file()
            if c == '(':
                return _OPEN, ['(', [], None]
            if c == '[':
                return _OPEN, ['[', [], None]
            if c == ')' or c == ']':
                return _DELIM, c
            if c == '"':
                return _OBJ, self.read_string()
            if c == '?':
                return _OBJ, self.read_char_literal()
            if c == "'":
                return _OPEN, ['q', None, Qquote]
            if c == '`':
                return _OPEN, ['q', None, Qbackquote]
            if c == ',':
                if self.getc() == '@':
                    return _OPEN, ['q', None, Qcomma_at]
                self.ungetc()
                return _OPEN, ['q', None, Qcomma]
            if c == '.':
                p = self.pos
                if p >= self.end:
                    return _DELIM, '.'
                nxt = self.text[p]
                if nxt <= ' ' or nxt in '"\';([#?`,':
                    return _DELIM, '.'
                return _OBJ, self.read_symbol(first='.')
            if c == '#':
                r = self._read_hash()
                if r is _RETRY:
                    continue
                return r
            if c <= ' ' or c == '\xa0':
                continue
            if c == '\\':
                self.ungetc()
                return _OBJ, self.read_symbol()
            return _OBJ, self.read_symbol(first=c)

    def _read_hash(self):
        c = self.getc()
        if c == '':
            invalid_syntax('#')
        if c == '(':
            return _OPEN, ['#(', [], None]
        if c == '[':
            return _OPEN, ['#[', [], None]
        if c == "'":
            return _OPEN, ['q', None, Qfunction]
        if c == 's':
            if self.getc() == '(':
                return _OPEN, ['#s', [], None]
            self.ungetc()
            invalid_syntax('#')
        if c == ':':
            return _OBJ, self.read_symbol(uninterned=True)
        if c == '#':
            return _OBJ, intern('')
        if c == '_':
            return _OBJ, self.read_symbol()
        if c == '&':
            return self._read_bool_vector()
        if c == '!':
            while True:
                d = self.getc()
                if d == '' or d == '\n':
                    break
            return _RETRY
        if c == '@':
            return self._skip_doc()
        if c == '$':
            from .variables import symbol_value_or_unbound
            v = symbol_value_or_unbound(Vload_file_name)
            return _OBJ, (NIL if v is UNBOUND else v)
        if c in 'xX':
            return _OBJ, self.read_integer(16)
        if c in 'oO':
            return _OBJ, self.read_integer(8)
        if c in 'bB':
            return _OBJ, self.read_integer(2)
        if c == '^':
            invalid_syntax('#^')
        if '0' <= c <= '9' and c != '':
            n = ord(c) - 48
            while True:
                c = self.getc()
                if c == '' or not '0' <= c <= '9':
                    break
                n = n * 10 + ord(c) - 48
            if c == '=':
                label = _Label(n)
                self.labels[n] = label
                return _OPEN, ['=', None, label]
            if c == '#':
                if n in self.labels:
                    v = self.labels[n]
                    return _OBJ, v
            if c == 'r' or c == 'R':
                if not 2 <= n <= 36:
                    invalid_syntax('integer, radix %d' % n)
                return _OBJ, self.read_integer(n)
            if c != '':
                self.ungetc()
            invalid_syntax('#')
        if c == '':
            invalid_syntax('#')
        self.ungetc()
        invalid_syntax('#')

    def _read_bool_vector(self):
        length, delim = self._read1()
        if delim:
            invalid_syntax(delim)
        c = self.getc()
        if c != '"' or length.__class__ is not int or length < 0:
            invalid_syntax('#&...')
        data = self.read_string()
        nbytes = (length + 7) // 8
        if (data.__class__ is not UnibyteStr and not data.isascii()) or \
                (len(data) != nbytes and length != (len(data) - 1) * 8):
            invalid_syntax('#&...')
        bits = []
        for idx in range(length):
            b = ord(data[idx // 8])
            if b >= SURROGATE_BASE:
                b -= SURROGATE_BASE
            bits.append(bool(b >> (idx % 8) & 1))
        return _OBJ, BoolVector(bits)

    def _skip_doc(self):
        n = 0
        digits = 0
        while True:
            c = self.getc()
            if c == '' or not '0' <= c <= '9':
                break
            digits += 1
            n = n * 10 + ord(c) - 48
            if digits == 2 and n == 0:
                self.pos = self.end
                return _OBJ, NIL
        if n == 0 and c != '':
            self.ungetc()
        while True:
            c = self.getc()
            if c == '' or c == '\037':
                break
        if c == '':
            self.pos = self.end
        return _RETRY


_RETRY = object()
_OPEN = object()
_DELIM = object()
_OBJ = object()


def _code_of(ch):
    o = ord(ch)
    if 0xDC80 <= o <= 0xDCFF:
        return o - SURROGATE_BASE + BYTE8_BASE
    return o


def _digit(c, radix):
    """Emacs's digit_to_number: the value, -1 for a wrong alphanumeric, -2 otherwise."""
    if '0' <= c <= '9':
        d = ord(c) - 48
    elif 'a' <= c <= 'z':
        d = ord(c) - 87
    elif 'A' <= c <= 'Z':
        d = ord(c) - 55
    else:
        return -2
    return d if d < radix else -1


def _char_from_name(name):
    if name.startswith('U+'):
        digits = name[2:]
        code = None
        if digits and all(d in _HEX for d in digits):
            code = int(digits, 16)
        if code is None or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            invalid_syntax('\\N{%s}' % name)
        return code
    for candidate in (name, name.replace('LAMBDA', 'LAMDA')):
        try:
            return ord(unicodedata.lookup(candidate))
        except KeyError:
            pass
    from .compiler import funcall
    fn = intern('char-from-name')
    if fn.function is not None and fn.function is not NIL:
        r = funcall(fn, name, T)
        if r.__class__ is int:
            return r
    invalid_syntax('\\N{%s}' % name)


def _contains(obj, target):
    seen = set()
    stack = [obj]
    while stack:
        x = stack.pop()
        if x is target:
            return True
        if id(x) in seen:
            continue
        seen.add(id(x))
        if x.__class__ is Cons:
            stack.append(x.car)
            stack.append(x.cdr)
        elif isinstance(x, Vector):
            stack.extend(x)
    return False


def _substitute(obj, ph, value):
    """Replace placeholder PH by VALUE inside OBJ (for #N= / #N# labels)."""
    seen = set()
    stack = [obj]
    while stack:
        x = stack.pop()
        if id(x) in seen:
            continue
        seen.add(id(x))
        if x.__class__ is Cons:
            if x.car is ph:
                x.car = value
            else:
                stack.append(x.car)
            if x.cdr is ph:
                x.cdr = value
            else:
                stack.append(x.cdr)
        elif isinstance(x, Vector):
            for idx, e in enumerate(x):
                if e is ph:
                    x[idx] = value
                else:
                    stack.append(e)


# ---------------------------------------------------------------- the Lark-driven reader
#
# grammar.lark defines the tokens and the structure of the read syntax.  Each
# datum is parsed by a fresh LALR interactive parser fed one token at a time;
# atoms are decoded as they are lexed (by _Scanner, character by character,
# which also yields Emacs's exact error for a malformed token), and the
# bracket structure is checked before each token is fed so that misplaced
# dots and closers get the error Emacs gives.

_parser = None
_ATOMS = frozenset(('SYMBOL', 'STRING', 'CHAR', 'RADIX', 'UNINTERNED', 'EMPTY_SYMBOL',
                    'BOOL_VECTOR', 'LABEL_REF', 'LOAD_FILE_NAME'))
_OPENERS = {'OPEN': '(', 'VOPEN': '[', 'ROPEN': '#s', 'BOPEN': '#[', 'POPEN': '#('}
_PREFIX_SYMBOLS = {"'": Qquote, '`': Qbackquote, ',': Qcomma, ',@': Qcomma_at, "#'": Qfunction}


class _Builder:
    """Rule callbacks: the parser calls these as it reduces, bottom-up."""

    reader = None

    def start(self, children):
        return children[0]

    def _value(self, tok):
        return self.reader.values[int(tok.value)]

    symbol = string = char = radix = uninterned = empty_symbol = bool_vector = \
        load_file_name = (lambda self, children: self._value(children[0]))

    def label_ref(self, children):
        # Resolved only now: a #N= datum just before is finished by this point.
        return self.reader.labels[self._value(children[0])]

    def list(self, children):
        items = children[1:-1]
        for i, c in enumerate(items):
            if getattr(c, 'type', None) == 'DOT':
                return make_list(items[:i], items[i + 1])
        return make_list(items)

    def vector(self, children):
        return Vector(children[1:-1])

    def record(self, children):
        return _Scanner._close(None, '#s', children[1:-1])

    def byte_code(self, children):
        return _Scanner._close(None, '#[', children[1:-1])

    def string_with_props(self, children):
        return _Scanner._close(None, '#(', children[1:-1])

    def prefixed(self, children):
        return Cons(_PREFIX_SYMBOLS[children[0].value], Cons(children[1], NIL))

    def label_def(self, children):
        label = self.reader.values[int(children[0].value)]
        return _Scanner._finish_label(self.reader.scanner, label, children[1])


_BUILDER = _Builder()


def _import_lark():
    """Import lark, keeping it from importing the third-party `regex` module
    when that happens to be installed: our grammar needs only `re`, and
    `regex` would add about 8 ms to every start-up."""
    import sys
    if 'lark' in sys.modules or 'regex' in sys.modules:
        import lark
        return lark
    sys.modules['regex'] = None         # makes `import regex` fail
    try:
        import lark
    finally:
        del sys.modules['regex']
    return lark


def _get_parser():
    global _parser
    if _parser is None:
        import os
        Lark = _import_lark().Lark
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'grammar.lark')
        with open(path) as f:
            grammar = f.read()
        _parser = Lark(grammar, parser='lalr', lexer='basic', transformer=_BUILDER,
                       maybe_placeholders=False, cache=_grammar_cache_path(grammar))
    return _parser


def _grammar_cache_path(grammar):
    import hashlib
    import os
    from .cachefiles import cache_dir
    digest = hashlib.sha1(grammar.encode()).hexdigest()[:16]
    d = cache_dir()
    try:
        os.makedirs(d, exist_ok=True)
    except OSError:
        import tempfile
        d = tempfile.gettempdir()
    return os.path.join(d, 'grammar-%s.lark-cache' % digest)


class Reader:
    """Reads successive data from TEXT, starting at START (and not past END)."""

    def __init__(self, text, start=0, end=None):
        self.text = text
        self.pos = start
        self.end = len(text) if end is None else end
        self.labels = {}
        self.values = []
        self.scanner = _Scanner(text, start, self.end)
        self.scanner.labels = self.labels
        self._tokens = None
        self._lexed_from = None
        self._resume = None

    def skip_space(self):
        """Move past blanks and comments (so callers can tell a clean end of text)."""
        sc = self.scanner
        sc.pos = self.pos
        sc.skip_space()
        self.pos = sc.pos

    # -- tokens

    def _restart(self, pos):
        from lark.exceptions import UnexpectedCharacters  # noqa: F401
        self._base = pos
        self._tokens = _get_parser().lex(self.text[pos:self.end])
        self._lexed_from = pos

    def _next_token(self):
        """The next token (with atoms decoded into self.values), or None at the end."""
        from lark.exceptions import UnexpectedCharacters
        if self._tokens is None or self._resume != self.pos:
            self._restart(self.pos)
        try:
            tok = next(self._tokens)
        except StopIteration:
            self.pos = self.end
            self._resume = self.pos
            return None
        except UnexpectedCharacters as e:
            from lark import Token
            pos = self._base + e.pos_in_stream
            obj, end = self._scan_at(pos)
            self.values.append(obj)
            self._tokens = None
            self.pos = self._resume = end
            return Token('SYMBOL', str(len(self.values) - 1), pos - self._base)
        start = self._base + tok.start_pos
        end = self._base + tok.end_pos
        ttype = tok.type
        if ttype in _ATOMS:
            value, real_end = self._decode(ttype, start, end)
            self.values.append(value)
            tok = tok.__class__(ttype, str(len(self.values) - 1), tok.start_pos)
            if real_end != end:
                # The token's pattern and the character-level decoding disagree
                # on where it ends: the decoding is right, so lex again from there.
                self._tokens = None
                end = real_end
        elif ttype == 'LABEL_DEF':
            label = _Label(int(self.text[start + 1:end - 1]))
            self.labels[label.n] = label
            self.values.append(label)
            tok = tok.__class__(ttype, str(len(self.values) - 1), tok.start_pos)
        self.pos = end
        self._resume = end
        return tok

    def _decode(self, ttype, start, end):
        """Decode the atom token at START..END; return (object, where it really ends)."""
        sc = self.scanner
        sc.pos = start
        text = self.text
        if ttype == 'SYMBOL':
            if text.startswith('#_', start):
                sc.pos = start + 2
            obj = sc.read_symbol()
        elif ttype == 'STRING':
            sc.pos = start + 1
            obj = sc.read_string()
        elif ttype == 'CHAR':
            sc.pos = start + 1
            obj = sc.read_char_literal()
        elif ttype == 'RADIX':
            c = text[start + 1]
            sc.pos = start + 2
            if c in 'xX':
                obj = sc.read_integer(16)
            elif c in 'oO':
                obj = sc.read_integer(8)
            elif c in 'bB':
                obj = sc.read_integer(2)
            else:
                r = start + 1
                while text[r].isdigit():
                    r += 1
                radix = int(text[start + 1:r])
                if not 2 <= radix <= 36:
                    invalid_syntax('integer, radix %d' % radix)
                sc.pos = r + 1
                obj = sc.read_integer(radix)
        elif ttype == 'UNINTERNED':
            sc.pos = start + 2
            obj = sc.read_symbol(uninterned=True)
        elif ttype == 'EMPTY_SYMBOL':
            obj = intern('')
            sc.pos = end
        elif ttype == 'BOOL_VECTOR':
            sc.pos = start + 2
            obj = sc._read_bool_vector()[1]
        elif ttype == 'LOAD_FILE_NAME':
            from .variables import symbol_value_or_unbound
            v = symbol_value_or_unbound(Vload_file_name)
            obj = NIL if v is UNBOUND else v
            sc.pos = end
        else:                                   # LABEL_REF: its number
            obj = int(text[start + 1:end - 1])
            if obj not in self.labels:
                invalid_syntax('#')
            sc.pos = end
        return obj, sc.pos

    def _scan_at(self, pos):
        """Where no token matches, read the datum at POS character by character:
        this signals Emacs's exact error, or yields the atom as a SYMBOL token."""
        sc = self.scanner
        sc.pos = pos
        obj, delim = sc._read1()
        if delim:
            invalid_syntax(delim)
        return obj, sc.pos

    # -- structure

    def read(self):
        """Read the next datum; signal end-of-file when there is none."""
        parser = _get_parser()
        _BUILDER.reader = self
        self.labels.clear()
        ip = parser.parse_interactive()
        stack = []          # open frames: [kind, dot_state]; kind 'q' is a prefix
        while True:
            tok = self._next_token()
            if tok is None:
                end_of_file()
            ttype = tok.type
            if ttype != 'DOT' and ttype != 'CLOSE' and ttype != 'VCLOSE' and stack \
                    and stack[-1][1] == 2:
                invalid_syntax('. in wrong context')
            if ttype in _OPENERS:
                stack.append([_OPENERS[ttype], 0])
            elif ttype == 'PREFIX' or ttype == 'LABEL_DEF':
                stack.append(['q', 0])
            elif ttype == 'DOT':
                self._check_dot(stack)
            elif ttype == 'CLOSE' or ttype == 'VCLOSE':
                self._check_close(stack, ')' if ttype == 'CLOSE' else ']')
                stack.pop()
            ip.feed_token(tok)
            if ttype in _ATOMS or ttype == 'CLOSE' or ttype == 'VCLOSE':
                # A datum is complete: it finishes the prefixes waiting for it.
                while stack and stack[-1][0] == 'q':
                    stack.pop()
                if not stack:
                    return ip.feed_eof(tok)
                top = stack[-1]
                if top[1] == 1:
                    top[1] = 2

    @staticmethod
    def _check_dot(stack):
        if not stack or stack[-1][0] == 'q':
            invalid_syntax('.')
        kind, dot = stack[-1]
        if kind == '[' or kind == '#[':
            invalid_syntax(') or . in a vector')
        if kind != '(' or dot:
            invalid_syntax('. in wrong context')
        stack[-1][1] = 1

    @staticmethod
    def _check_close(stack, delim):
        if not stack or stack[-1][0] == 'q':
            invalid_syntax(delim)
        kind, dot = stack[-1]
        if dot == 1:
            invalid_syntax(delim)
        if dot == 2 and delim != ')':
            invalid_syntax('. in wrong context')
        if delim == ')' and (kind == '[' or kind == '#['):
            invalid_syntax(') or . in a vector')
        if delim == ']' and kind not in ('[', '#['):
            invalid_syntax('] in a list')


def read_from_string(text, start=0, end=None):
    """Read one datum from TEXT at START; return (object, end-index)."""
    r = Reader(text, start, end)
    obj = r.read()
    return obj, min(r.pos, r.end)


def read_all(text):
    """Every datum in TEXT, in order (for tests and the REPL)."""
    r = Reader(text)
    out = []
    while True:
        r.scanner.pos = r.pos
        r.scanner.skip_space()
        if r.scanner.pos >= r.end:
            return out
        out.append(r.read())


def _only_blank_after(text, pos):
    sc = _Scanner(text, pos)
    sc.skip_space()
    return sc.pos >= sc.end
