"""The reader (Emacs's lread.c): Lisp text to Lisp objects, driven by grammar.lark.

The whole text is tokenized lazily by Lark's lexer; each datum is parsed by a
fresh LALR interactive parser that is fed tokens until the datum is complete,
so `read-from-string` knows where the datum ended and `load` evaluates each
form before a later syntax error is seen.
"""

import math
import os
import re
import unicodedata

from .lisp import (Cons, NIL, T, Symbol, Vector, Record, BoolVector, UnibyteStr, PropStr,
                   intern, make_list, list_, code_char, SURROGATE_BASE)
from .errors import LispSignal, Q

_parser = None

OPENERS = frozenset(('OPEN', 'VOPEN', 'ROPEN', 'BOPEN', 'POPEN'))
CLOSERS = frozenset(('CLOSE', 'VCLOSE'))
PREFIXES = frozenset(('QUOTE', 'BACKQUOTE', 'COMMA', 'COMMA_AT', 'FUNCTION', 'LABEL_DEF'))

Qquote = intern('quote')
Qfunction = intern('function')
Qbackquote = intern('`')
Qcomma = intern(',')
Qcomma_at = intern(',@')


def invalid_syntax(what):
    raise LispSignal(Q('invalid-read-syntax'), list_(what))


def end_of_file():
    raise LispSignal(Q('end-of-file'), NIL)


# ---------------------------------------------------------------- atoms

_NUMBER = re.compile(r'([+-]?)([0-9]*)(\.?)([0-9]*)(?:e([+-]?[0-9]+|\+INF|\+NaN))?\Z')


def parse_number(tok):
    """The number a symbol-like token denotes, or None (Emacs's string_to_number)."""
    m = _NUMBER.match(tok)
    if not m:
        return None
    sign, lead, dot, trail, exp = m.groups()
    if not lead and not trail:
        return None
    if exp is None:
        if trail:
            return float(tok)
        return int(sign + lead)
    if exp == '+INF':
        return -math.inf if sign == '-' else math.inf
    if exp == '+NaN':
        return -math.nan if sign == '-' else math.nan
    return float(tok)


def read_symbol_token(tok):
    if '\\' not in tok:
        n = parse_number(tok)
        if n is not None:
            return n
        return intern(tok)
    return intern(_unescape_symbol(tok))


def _unescape_symbol(tok):
    out = []
    i = 0
    n = len(tok)
    while i < n:
        c = tok[i]
        if c == '\\' and i + 1 < n:
            i += 1
            c = tok[i]
        out.append(c)
        i += 1
    return ''.join(out)


# ---------------------------------------------------------------- escapes

CHAR_ALT = 0x0400000
CHAR_SUPER = 0x0800000
CHAR_HYPER = 0x1000000
CHAR_SHIFT = 0x2000000
CHAR_CTL = 0x4000000
CHAR_META = 0x8000000
MODIFIER_MASK = CHAR_ALT | CHAR_SUPER | CHAR_HYPER | CHAR_SHIFT | CHAR_CTL | CHAR_META
_MODIFIER_BITS = {'M': CHAR_META, 'S': CHAR_SHIFT, 'H': CHAR_HYPER, 's': CHAR_SUPER,
                  'A': CHAR_ALT}
_SIMPLE_ESCAPES = {'a': 7, 'b': 8, 'd': 127, 'e': 27, 'f': 12, 'n': 10, 'r': 13,
                   't': 9, 'v': 11}


def control_char(c):
    """Apply the control modifier to character C, as \\C- and \\^ do."""
    base = c & ~MODIFIER_MASK
    mods = c & MODIFIER_MASK
    if base == 63:                           # ?
        return 127 | mods
    if base >= 256:
        return c | CHAR_CTL
    if 65 <= (base & 0o137) <= 90:           # letters, either case
        return (base & 0o37) | mods
    if 64 <= (base & 0o177) <= 95:           # @ [ \ ] ^ _
        return (base & 0o37) | mods
    return c | CHAR_CTL


class _Escape:
    """Result of decoding one escape: the character code and how it was written."""
    __slots__ = ('code', 'raw_byte', 'multibyte', 'end')

    def __init__(self, code, end, raw_byte=False, multibyte=False):
        self.code = code
        self.end = end
        self.raw_byte = raw_byte     # from \x or octal with value 128..255
        self.multibyte = multibyte   # from \u, \U, \N


def read_escape(s, i, in_string):
    """Decode the escape whose character (after the backslash) is at S[I]."""
    n = len(s)
    if i >= n:
        end_of_file()
    c = s[i]
    if c in _SIMPLE_ESCAPES:
        return _Escape(_SIMPLE_ESCAPES[c], i + 1)
    if c == 's':
        if i + 1 < n and s[i + 1] == '-':
            if in_string:
                invalid_syntax('Invalid modifier in string')
            inner = _read_char_or_escape(s, i + 2, in_string)
            inner.code |= CHAR_SUPER
            return inner
        return _Escape(32, i + 1)
    if c in 'MSHA' and i + 1 < n and s[i + 1] == '-':
        inner = _read_char_or_escape(s, i + 2, in_string)
        if in_string and c != 'M':
            invalid_syntax('Invalid modifier in string')
        inner.code |= _MODIFIER_BITS[c]
        return inner
    if (c == 'C' and i + 1 < n and s[i + 1] == '-') or c == '^':
        inner = _read_char_or_escape(s, i + (2 if c == 'C' else 1), in_string)
        inner.code = control_char(inner.code)
        return inner
    if c == 'x':
        j = i + 1
        while j < n and s[j] in '0123456789abcdefABCDEF':
            j += 1
        if j == i + 1:
            if in_string:
                invalid_syntax('Invalid escape character syntax')
            return _Escape(0, j)
        code = int(s[i + 1:j], 16)
        if code > 0x3FFFFF:
            invalid_syntax('Hex character out of range: \\x' + s[i + 1:j])
        return _Escape(code, j, raw_byte=128 <= code <= 255, multibyte=code > 255)
    if c in '01234567':
        j = i
        while j < n and j < i + 3 and s[j] in '01234567':
            j += 1
        code = int(s[i:j], 8)
        return _Escape(code, j, raw_byte=128 <= code <= 255)
    if c in 'uU':
        width = 4 if c == 'u' else 8
        digits = s[i + 1:i + 1 + width]
        if len(digits) < width or not all(d in '0123456789abcdefABCDEF' for d in digits):
            invalid_syntax('Non-hex character used for Unicode escape: %s (%d)'
                           % (digits[-1:] or ' ', ord(digits[-1:] or ' ')))
        code = int(digits, 16)
        if code > 0x10FFFF:
            invalid_syntax('Non-Unicode character: 0x%x' % code)
        return _Escape(code, i + 1 + width, multibyte=True)
    if c == 'N' and i + 1 < n and s[i + 1] == '{':
        j = s.find('}', i + 2)
        if j < 0:
            end_of_file()
        name = ' '.join(s[i + 2:j].split())
        if name.upper().startswith('U+'):
            code = int(name[2:], 16)
        else:
            try:
                code = ord(unicodedata.lookup(name))
            except KeyError:
                invalid_syntax('\\N{%s}' % name)
        return _Escape(code, j + 1, multibyte=True)
    return _Escape(ord(c), i + 1)


def _read_char_or_escape(s, i, in_string):
    if i >= len(s):
        end_of_file()
    if s[i] == '\\':
        return read_escape(s, i + 1, in_string)
    return _Escape(ord(s[i]), i + 1)


def read_char_token(tok):
    esc = _read_char_or_escape(tok, 1, False)
    return esc.code


def read_string_token(tok):
    """The string a string token denotes, with Emacs's unibyte/multibyte choice."""
    body = tok[1:-1]
    if '\\' not in body:
        return body
    parts = []
    raw_bytes = False
    multibyte = False
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c != '\\':
            j = body.find('\\', i)
            if j < 0:
                j = n
            parts.append(body[i:j])
            i = j
            continue
        nxt = body[i + 1] if i + 1 < n else ''
        if nxt == '\n' or nxt == ' ':
            i += 2
            continue
        esc = read_escape(body, i + 1, True)
        code = esc.code
        if code & CHAR_META:
            code = (code & ~CHAR_META)
            if code < 128:
                code |= 0x80
                esc.raw_byte = True
            else:
                invalid_syntax('Invalid modifier in string')
        if code & MODIFIER_MASK:
            invalid_syntax('Invalid modifier in string')
        if esc.raw_byte:
            raw_bytes = True
            parts.append(chr(SURROGATE_BASE + code))
        else:
            if esc.multibyte:
                multibyte = True
            parts.append(code_char(code))
        i = esc.end
    s = ''.join(parts)
    if raw_bytes:
        if multibyte or not all(ord(ch) < 128 or 0xDC80 <= ord(ch) <= 0xDCFF for ch in s):
            return s                           # raw bytes kept as raw-byte characters
        return UnibyteStr(s)
    return s


# ---------------------------------------------------------------- structure

class _Placeholder:
    __slots__ = ('label', 'value')

    def __init__(self, label):
        self.label = label
        self.value = None


def _make_list(items, kind):
    """Build a list from ITEMS that may contain a DOT token; KIND names the context."""
    dot_at = None
    for idx, x in enumerate(items):
        if x.__class__ is _DotMark:
            if dot_at is not None:
                invalid_syntax('. in wrong context')
            dot_at = idx
    if dot_at is None:
        return make_list(items)
    after = items[dot_at + 1:]
    if not after:
        invalid_syntax(')')
    if len(after) > 1:
        invalid_syntax('. in wrong context')
    return make_list(items[:dot_at], after[0])


class _DotMark:
    pass


DOT_MARK = _DotMark()


class _Builder:
    """Callbacks run by the LALR parser as each rule is reduced."""

    reader = None

    def start(self, children):
        return children[0]

    def atom(self, children):
        return read_symbol_token(str(children[0]))

    def string(self, children):
        return read_string_token(str(children[0]))

    def char(self, children):
        return read_char_token(str(children[0]))

    def radix(self, children):
        tok = str(children[0])
        kind = tok[1]
        if kind in 'xX':
            base, digits = 16, tok[2:]
        elif kind in 'oO':
            base, digits = 8, tok[2:]
        elif kind in 'bB':
            base, digits = 2, tok[2:]
        else:
            r = tok.lower().index('r')
            base, digits = int(tok[1:r]), tok[r + 1:]
            if not 2 <= base <= 36:
                invalid_syntax('integer, radix %d' % base)
        try:
            if not digits or digits[-1:] in '+-' or '_' in digits:
                raise ValueError
            return int(digits, base)
        except ValueError:
            invalid_syntax('integer, radix %d' % base)

    def uninterned(self, children):
        name = str(children[0])[2:]
        return Symbol(_unescape_symbol(name), interned=False)

    def empty_symbol(self, children):
        return intern('')

    def bool_vector(self, children):
        tok = str(children[0])
        q = tok.index('"')
        length = int(tok[2:q])
        data = read_string_token(tok[q:])
        bits = []
        for idx in range(length):
            byte = idx // 8
            if byte >= len(data):
                invalid_syntax('#&...')
            b = ord(data[byte])
            if b >= SURROGATE_BASE:
                b -= SURROGATE_BASE
            bits.append(bool(b >> (idx % 8) & 1))
        if (length + 7) // 8 != len(data):
            invalid_syntax('#&...')
        return BoolVector(bits)

    def label_ref(self, children):
        n = int(str(children[0])[1:-1])
        labels = self.reader.labels
        if n in labels:
            return labels[n]
        ph = labels.setdefault(('ph', n), _Placeholder(n))
        return ph

    def label_def(self, children):
        n = int(str(children[0])[1:-1])
        obj = children[1]
        ph = self.reader.labels.pop(('ph', n), None)
        self.reader.labels[n] = obj
        if ph is not None:
            _substitute(obj, ph, obj)
        return obj

    def list(self, children):
        items = [DOT_MARK if getattr(c, 'type', None) == 'DOT' else c for c in children[1:-1]]
        return _make_list(items, 'list')

    def vector(self, children):
        items = children[1:-1]
        for c in items:
            if getattr(c, 'type', None) == 'DOT':
                invalid_syntax(') or . in a vector')
        return Vector(items)

    def record(self, children):
        items = children[1:-1]
        for c in items:
            if getattr(c, 'type', None) == 'DOT':
                invalid_syntax('. in wrong context')
        if not items:
            invalid_syntax('#s')
        if items[0] is intern('hash-table'):
            from .prims.fns import hash_table_from_read_syntax
            return hash_table_from_read_syntax(items[1:])
        return Record(items)

    def byte_code(self, children):
        return Vector(children[1:-1])

    def string_with_props(self, children):
        items = children[1:-1]
        if not items or not isinstance(items[0], str):
            invalid_syntax('#')
        s = items[0]
        rest = items[1:]
        intervals = []
        for k in range(0, len(rest) - 2, 3):
            intervals.append((rest[k], rest[k + 1], rest[k + 2]))
        return PropStr(s, intervals) if intervals else s

    def _prefixed(self, sym, children):
        return Cons(sym, Cons(children[1], NIL))

    def quote(self, children):
        return self._prefixed(Qquote, children)

    def function(self, children):
        return self._prefixed(Qfunction, children)

    def backquote(self, children):
        return self._prefixed(Qbackquote, children)

    def unquote(self, children):
        return self._prefixed(Qcomma, children)

    def splice(self, children):
        return self._prefixed(Qcomma_at, children)


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


_BUILDER = None


def _get_parser():
    global _parser, _BUILDER
    if _parser is None:
        _BUILDER = _Builder()
        from lark import Lark
        path = os.path.join(os.path.dirname(__file__), 'grammar.lark')
        with open(path) as f:
            grammar = f.read()
        _parser = Lark(grammar, parser='lalr', lexer='basic', cache=_cache_path(grammar),
                       maybe_placeholders=False, transformer=_BUILDER)
    return _parser


def _cache_path(grammar):
    import hashlib
    import tempfile
    digest = hashlib.sha1(grammar.encode()).hexdigest()[:16]
    base = os.environ.get('XDG_CACHE_HOME') or os.path.join(os.path.expanduser('~'), '.cache')
    d = os.path.join(base, 'elisp')
    try:
        os.makedirs(d, exist_ok=True)
        return os.path.join(d, 'grammar-%s.lark-cache' % digest)
    except OSError:
        return os.path.join(tempfile.gettempdir(), 'elisp-grammar-%s.lark-cache' % digest)


class Reader:
    """Reads successive data from TEXT starting at START."""

    def __init__(self, text, start=0):
        self.text = text
        self.offset = start
        self.pos = start
        parser = _get_parser()
        self.parser = parser
        self.tokens = parser.lex(text[start:] if start else text)
        self.labels = {}

    def read(self):
        """Read the next datum; signal end-of-file when there is none."""
        from lark.exceptions import UnexpectedInput, UnexpectedToken, UnexpectedCharacters
        ip = self.parser.parse_interactive()
        depth = 0
        tok = None
        self.labels = {}
        _BUILDER.reader = self
        try:
            while True:
                try:
                    tok = next(self.tokens)
                except StopIteration:
                    end_of_file()
                ttype = tok.type
                if ttype in OPENERS:
                    depth += 1
                elif ttype in CLOSERS:
                    depth -= 1
                    if depth < 0:
                        invalid_syntax(str(tok))
                elif ttype == 'DOT' and depth == 0:
                    invalid_syntax('.')
                ip.feed_token(tok)
                if depth == 0 and ttype not in PREFIXES:
                    self.pos = self.offset + tok.end_pos
                    return ip.feed_eof(tok)
        except UnexpectedCharacters as e:
            self._lex_error(self.offset + e.pos_in_stream)
        except UnexpectedToken as e:
            if e.token.type == '$END':
                end_of_file()
            t = e.token.type
            if t == 'DOT':
                invalid_syntax('. in wrong context')
            invalid_syntax(str(e.token)[:1])
        except UnexpectedInput:
            end_of_file()

    def _lex_error(self, pos):
        text = self.text
        ch = text[pos]
        rest = text[pos:]
        if ch == '"':
            end_of_file()
        if ch == '?':
            if pos + 1 >= len(text) or rest in ('?\\',):
                end_of_file()
            invalid_syntax('?')
        if ch == '#':
            if rest.startswith('#&'):
                if rest.count('"') < 2:
                    end_of_file()
                invalid_syntax('#&...')
            if len(rest) == 1:
                end_of_file()
            invalid_syntax('#')
        if ch == '\\' and pos + 1 >= len(text):
            end_of_file()
        invalid_syntax(ch)


def read_from_string(text, start=0):
    """Read one datum from TEXT at START; return (object, end-index)."""
    r = Reader(text, start)
    obj = r.read()
    return obj, r.pos


def read_all(text):
    """Every datum in TEXT, in order (for tests and the REPL)."""
    r = Reader(text)
    out = []
    while True:
        try:
            out.append(r.read())
        except LispSignal as e:
            if e.symbol is Q('end-of-file') and _only_blank_after(text, r.pos):
                return out
            raise


def _only_blank_after(text, pos):
    r = Reader(text, pos)
    try:
        next(r.tokens)
    except StopIteration:
        return True
    except Exception:
        return False
    return False
