"""Emacs regular expressions, translated to Python `re` patterns.

Emacs's matcher is a backtracking NFA like Python's (leftmost match, first
alternative wins, greedy operators backtrack), so an Emacs regexp can be
rewritten construct by construct into an equivalent Python pattern and run at
C speed.  What differs is the surface syntax and the context rules (when `^`,
`$`, `*` are special), word/symbol syntax (taken from a syntax table), POSIX
classes, explicitly numbered groups and `\\=` (point).  Anything we cannot
translate signals `invalid-regexp`; nothing is silently approximated by a
different match.
"""

import re

from .errors import LispSignal, Q
from .lisp import list_

class LazyPattern:
    """re.compile(PATTERN, FLAGS), compiled when first used: start-up does not
    pay for patterns that a run may never need."""

    def __init__(self, pattern, flags=0):
        self._args = (pattern, flags)

    def __getattr__(self, name):
        rx = re.compile(*self._args)
        # Later uses go straight to the compiled pattern's methods.
        for method in ('match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'finditer',
                       'findall'):
            setattr(self, method, getattr(rx, method))
        return getattr(rx, name)


# ASCII syntax classes (one char per code 0..127) of the standard syntax table
# and of the Lisp modes' table, as Emacs 28 defines them.
_STD_SYNTAX = ('.........  .  .................. ."'
               '.ww_.()__._._wwwwwwwwww..___..wwwwwwwwwwwwwwwwwwwwwwwwww(\\)._.'
               'wwwwwwwwwwwwwwwwwwwwwwwwww(_)..')
_LISP_SYNTAX = ('_________ >_ ___________________ _"\'___\'()__\'___wwwwwwwwww_<_____'
                'wwwwwwwwwwwwwwwwwwwwwwwwww(\\)__\'wwwwwwwwwwwwwwwwwwwwwwwwww_____')
SYNTAX_TABLES = {'std': _STD_SYNTAX, 'lisp': _LISP_SYNTAX}
assert len(_STD_SYNTAX) == 128 and len(_LISP_SYNTAX) == 128

# Non-ASCII characters: single-char Python regexps for each syntax class.
_NA_WORD = r'[^\W\x00-\x7f]'
_NA_SPACE = '[\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]'
_NA_SYMBOL = '[\u00b7\u00d7\u00ad]'
_NA_PUNCT = r'(?![\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\u00b7\u00d7\u00ad])[^\w\x00-\x7f]'

_SYNTAX_CODES = {'-': ' ', ' ': ' ', '.': '.', 'w': 'w', '_': '_', '(': '(', ')': ')',
                 "'": "'", '"': '"', '$': '$', '\\': '\\', '/': '/', '<': '<', '>': '>',
                 '@': '@', '!': '!', '|': '|'}

_CATEGORIES = {
    'a': '[\x20-\x7e]', 'l': '[\u00a0-\u024f]', 'g': '[\u0370-\u03ff]',
    'y': '[\u0400-\u04ff]', 'k': '[\u30a0-\u30ff]', 'K': '[\uff61-\uff9f]',
    'r': '[\uff01-\uff5e]', 'H': '[\u3040-\u309f]', 'h': '[\u1100-\u11ff\uac00-\ud7a3\u3130-\u318f]',
    'j': '[\u3040-\u30ff\u4e00-\u9fff\uff00-\uffef]', 'C': '[\u4e00-\u9fff]',
    'c': '[\u3000-\u303f\u4e00-\u9fff]', 'A': '[\u0600-\u06ff]', 'b': '[\u0600-\u06ff]',
    'w': '[\u0590-\u05ff]', 'e': '[\u1200-\u137f]', 't': '[\u0e00-\u0e7f]',
    'o': '[\u0e80-\u0eff]', 'v': '[\u0100-\u024f]', 'i': '[\u0900-\u097f]',
    '^': r'[\u0300-\u036f]', '.': '[^\u0300-\u036f]',
}

_CLASS_NAMES = ('alpha', 'alnum', 'digit', 'xdigit', 'space', 'upper', 'lower', 'punct',
                'word', 'blank', 'cntrl', 'print', 'graph', 'ascii', 'nonascii',
                'multibyte', 'unibyte')

_case_ranges = {}


def _nonascii_case_ranges(upper):
    """Class body listing the non-ASCII upper (or lower) case letters."""
    r = _case_ranges.get(upper)
    if r is not None:
        return r
    out = []
    start = prev = None
    for c in range(0x80, 0x1E944):
        ch = chr(c)
        if upper:
            ok = ch.lower() != ch
        else:
            ok = ch.lower() == ch and ch.upper() != ch
        if ok:
            if start is None:
                start = c
            prev = c
        elif start is not None:
            out.append(chr(start) if start == prev else chr(start) + '-' + chr(prev))
            start = None
    if start is not None:
        out.append(chr(start) + '-' + chr(prev))
    r = _case_ranges[upper] = ''.join(out)
    return r


def invalid(msg):
    raise LispSignal(Q('invalid-regexp'), list_(msg))


def _cls_char(c):
    return '\\' + c if c in '\\]^-[' else c


def ascii_table(table):
    """TABLE is a table name ('std', 'lisp') or the 128 class designators themselves."""
    return SYNTAX_TABLES.get(table, table)


def _ascii_syntax_chars(table, code):
    return ''.join(_cls_char(chr(i)) for i, s in enumerate(ascii_table(table)) if s == code)


def syntax_alternatives(table, code):
    """Single-char regexps whose union is the set of chars with syntax CODE."""
    alts = []
    chars = _ascii_syntax_chars(table, code)
    if chars:
        alts.append('[' + chars + ']')
    if code == 'w':
        alts.append(_NA_WORD)
    elif code == ' ':
        alts.append(_NA_SPACE)
    elif code == '_':
        alts.append(_NA_SYMBOL)
    elif code == '.':
        alts.append(_NA_PUNCT)
    return alts


def _positive(alts):
    if not alts:
        return '(?!)'
    if len(alts) == 1:
        return alts[0]
    return '(?:' + '|'.join(alts) + ')'


def _negative(alts):
    if not alts:
        return '(?s:.)'
    if len(alts) == 1:
        a = alts[0]
        if a.startswith('[^') and a.endswith(']') and _simple_class(a):
            return '[' + a[2:]
        if a.startswith('[') and a.endswith(']') and _simple_class(a):
            return '[^' + a[1:]
    return '(?:(?!' + _positive(alts) + ')(?s:.))'


def _simple_class(a):
    """Is A one bracket expression (no nested alternatives)?"""
    i = 1
    n = len(a) - 1
    while i < n:
        if a[i] == '\\':
            i += 2
            continue
        if a[i] == ']':
            return False
        i += 1
    return True


class Compiled:
    __slots__ = ('rx', 'nsub', 'gmap', 'identity', 'pattern', '_back', 'flags', 'uses_point',
                 'ctx')

    def backward(self):
        """A pattern finding the rightmost start position: .* then the regexp ahead."""
        b = self._back
        if b is None:
            b = self._back = re.compile('(?s:.*)(?=(?:' + self.pattern + ')(?P<_end_>))',
                                        self.flags)
        return b


class _Parser:
    def __init__(self, pat, table, point):
        self.p = pat
        self.n = len(pat)
        self.i = 0
        self.table = table
        self.point = point
        self.nsub = 0
        self.pygroups = 0
        self.gmap = {}
        self.open = []
        self.uses_point = False
        self.ctx = 0              # looks before the match start: 1 one char, 2 further

    def parse(self):
        out = self.alt()
        if self.i < self.n:
            # only `\)` can stop the top level early
            invalid('Unmatched ) or \\)')
        return out

    def alt(self):
        branches = [self.seq()]
        p = self.p
        while self.i + 1 < self.n and p[self.i] == '\\' and p[self.i + 1] == '|':
            self.i += 2
            branches.append(self.seq())
        return '|'.join(branches)

    def seq(self):
        p = self.p
        n = self.n
        atoms = []           # Python fragments
        last = None          # index in atoms of the last repeatable atom
        start = self.i
        while self.i < n:
            c = p[self.i]
            if c == '\\':
                if self.i + 1 >= n:
                    invalid('Trailing backslash')
                d = p[self.i + 1]
                if d == ')' or d == '|':
                    break
                self.i += 2
                if d == '(':
                    atoms.append(self.group())
                    last = len(atoms) - 1
                elif d == '{':
                    save = self.i
                    op = self.interval()
                    if last is None:
                        # no operand: `\{' stands for itself (once it parsed)
                        self.i = save
                        atoms.append('\\{')
                        last = len(atoms) - 1
                    else:
                        atoms[last] = self.wrap(atoms[last]) + op
                elif '1' <= d <= '9':
                    atoms.append(self.backref(int(d)))
                    last = len(atoms) - 1
                elif d in 'wWsScC':
                    atoms.append(self.syntax_escape(d))
                    last = len(atoms) - 1
                elif d == '`':
                    self.ctx = 2
                    atoms.append(r'\A')
                    last = None
                elif d == "'":
                    atoms.append(r'\Z')
                    last = None
                elif d == '=':
                    self.uses_point = True
                    self.ctx = 2
                    pt = self.point
                    if pt is None:
                        atoms.append('(?!)')
                    elif pt == 'end':
                        atoms.append(r'\Z')
                    else:
                        atoms.append('(?<=\\A(?s:.){%d})' % pt)
                    last = None
                elif d in 'bB<>':
                    self.ctx = max(self.ctx, 1)
                    atoms.append(self.boundary(d))
                    last = None
                elif d == '_':
                    if self.i >= n or p[self.i] not in '<>':
                        invalid('Invalid regular expression')
                    e = p[self.i]
                    self.i += 1
                    self.ctx = max(self.ctx, 1)
                    s = self.symbol_char()
                    if e == '<':
                        atoms.append('(?<!%s)(?=%s)' % (s, s))
                    else:
                        atoms.append('(?<=%s)(?!%s)' % (s, s))
                    last = None
                else:
                    atoms.append(re.escape(d))
                    last = len(atoms) - 1
            elif c == '^' and self.i == start:
                self.ctx = max(self.ctx, 1)
                self.i += 1
                atoms.append('^')
                last = None
            elif c == '$' and (self.i + 1 == n or (p[self.i + 1] == '\\' and self.i + 2 < n
                                                   and p[self.i + 2] in ')|')):
                self.i += 1
                atoms.append('$')
                last = None
            elif c in '*+?' and last is not None:
                atoms[last] = self.wrap(atoms[last]) + self.repeat()
            elif c == '.':
                self.i += 1
                atoms.append('.')
                last = len(atoms) - 1
            elif c == '[':
                self.i += 1
                atoms.append(self.bracket())
                last = len(atoms) - 1
            else:
                self.i += 1
                atoms.append(re.escape(c))
                last = len(atoms) - 1
        return ''.join(atoms)

    @staticmethod
    def wrap(frag):
        if len(frag) == 1 or (len(frag) == 2 and frag[0] == '\\'):
            return frag
        if frag[0] == '[' and frag[-1] == ']' and _simple_class(frag):
            return frag
        if frag[0] == '(' and frag[-1] == ')' and _balanced_whole(frag):
            return frag
        return '(?:' + frag + ')'

    def repeat(self):
        p = self.p
        zero = many = False
        greedy = True
        c = p[self.i]
        self.i += 1
        while True:
            if c == '?' and (zero or many):
                greedy = False
            else:
                zero = zero or c != '+'
                many = many or c != '?'
            if self.i < self.n and p[self.i] in '*+?':
                c = p[self.i]
                self.i += 1
                continue
            break
        op = '*' if zero and many else ('+' if many else '?')
        return op if greedy else op + '?'

    def interval(self):
        p = self.p
        n = self.n
        i = self.i
        j = i
        while j < n and p[j] in '0123456789':
            j += 1
        lo = p[i:j]
        hi = lo
        comma = False
        if j < n and p[j] == ',':
            comma = True
            k = j + 1
            while k < n and p[k] in '0123456789':
                k += 1
            hi = p[j + 1:k]
            j = k
        if j >= n:
            invalid('Unmatched \\{')
        if p[j] != '\\':
            invalid('Invalid content of \\{\\}')
        if j + 1 >= n:
            invalid('Trailing backslash')
        if p[j + 1] != '}':
            invalid('Invalid content of \\{\\}')
        self.i = j + 2
        lo_n = int(lo) if lo else 0
        hi_n = (int(hi) if hi else None) if comma else lo_n
        if lo_n > 0xFFFF or (hi_n is not None and (hi_n > 0xFFFF or hi_n < lo_n)):
            invalid('Invalid content of \\{\\}')
        if hi_n is None:
            return '{%d,}' % lo_n
        if hi_n == lo_n:
            return '{%d}' % lo_n
        return '{%d,%d}' % (lo_n, hi_n)

    def group(self):
        p = self.p
        num = None
        shy = False
        if self.i < self.n and p[self.i] == '?':
            j = self.i + 1
            if j >= self.n:
                invalid('Unmatched ( or \\(')
            while j < self.n and p[j] in '0123456789':
                j += 1
            if j >= self.n:
                invalid('Premature end of regular expression')
            if p[j] != ':':
                invalid('Invalid regular expression')
            if j == self.i + 1:
                shy = True
            else:
                num = int(p[self.i + 1:j])
                if num == 0:
                    invalid('Invalid regular expression')
            self.i = j + 1
        if shy:
            inner = self.alt()
            self.close_group()
            return '(?:' + inner + ')'
        if num is None:
            self.nsub += 1
            num = self.nsub
        elif num > self.nsub:
            self.nsub = num
        elif num in self.open:
            invalid('Invalid regular expression')
        self.pygroups += 1
        self.gmap.setdefault(num, []).append(self.pygroups)
        self.open.append(num)
        inner = self.alt()
        self.close_group()
        self.open.pop()
        return '(' + inner + ')'

    def close_group(self):
        p = self.p
        if self.i + 1 < self.n and p[self.i] == '\\' and p[self.i + 1] == ')':
            self.i += 2
            return
        invalid('Unmatched ( or \\(')

    def backref(self, k):
        if k > self.nsub or k in self.open:
            invalid('Invalid back reference')
        idxs = self.gmap.get(k)
        if not idxs:
            return '(?!)'
        frag = '(?:\\%d)' % idxs[0]
        for idx in idxs[1:]:
            frag = '(?(%d)(?:\\%d)|%s)' % (idx, idx, frag)
        return frag

    def word_alts(self):
        return syntax_alternatives(self.table, 'w')

    def symbol_char(self):
        return _positive(syntax_alternatives(self.table, 'w') +
                         syntax_alternatives(self.table, '_'))

    def boundary(self, d):
        w = _positive(self.word_alts())
        if d == '<':
            return '(?<!%s)(?=%s)' % (w, w)
        if d == '>':
            return '(?<=%s)(?!%s)' % (w, w)
        b = r'(?:\A|\Z|(?<=%s)(?!%s)|(?<!%s)(?=%s))' % (w, w, w, w)
        if d == 'b':
            return b
        return '(?!' + b + ')'

    def syntax_escape(self, d):
        if d == 'w':
            return _positive(self.word_alts())
        if d == 'W':
            return _negative(self.word_alts())
        if self.i >= self.n:
            invalid('Premature end of regular expression')
        k = self.p[self.i]
        self.i += 1
        if d in 'sS':
            code = _SYNTAX_CODES.get(k)
            alts = syntax_alternatives(self.table, code) if code else []
        else:
            cat = _CATEGORIES.get(k)
            alts = [cat] if cat else []
        return _positive(alts) if d in 'sc' else _negative(alts)

    def bracket(self):
        p = self.p
        n = self.n
        negate = False
        if self.i < n and p[self.i] == '^':
            negate = True
            self.i += 1
        items = []
        alts = []
        first = True
        while True:
            if self.i >= n:
                invalid('Unmatched [ or [^')
            c = p[self.i]
            if c == ']' and not first:
                self.i += 1
                break
            first = False
            if c == '[' and self.i + 1 < n and p[self.i + 1] == ':':
                j = self.i + 2
                while j < n and p[j] not in ':]':
                    j += 1
                if j + 1 < n and p[j] == ':' and p[j + 1] == ']':
                    name = p[self.i + 2:j]
                    self.i = j + 2
                    self.add_class(name, items, alts)
                    continue
            self.i += 1
            if self.i + 1 < n and p[self.i] == '-' and p[self.i + 1] != ']':
                e = p[self.i + 1]
                self.i += 2
                if ord(e) >= ord(c):
                    items.append(_cls_char(c) + '-' + _cls_char(e))
                continue
            items.append(_cls_char(c))
        all_alts = (['[' + ''.join(items) + ']'] if items else []) + alts
        return _negative(all_alts) if negate else _positive(all_alts)

    def add_class(self, name, items, alts):
        if name == 'alpha':
            alts.append(r'[^\W\d_]')
        elif name == 'alnum':
            alts.append(r'[^\W_]')
        elif name == 'digit':
            items.append('0-9')
        elif name == 'xdigit':
            items.append('0-9A-Fa-f')
        elif name == 'space':
            alts.extend(syntax_alternatives(self.table, ' '))
        elif name == 'word':
            alts.extend(syntax_alternatives(self.table, 'w'))
        elif name == 'upper':
            items.append('A-Z' + _nonascii_case_ranges(True))
        elif name == 'lower':
            items.append('a-z' + _nonascii_case_ranges(False))
        elif name == 'punct':
            items.append('!-/:-@\\[-`{-~')
            alts.append(r'[^\w\x00-\x7f]')
        elif name == 'blank':
            items.append(' \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000')
        elif name == 'cntrl':
            items.append('\x00-\x1f')
        elif name == 'print':
            items.append(' -~\u00a0-\U0010ffff')
        elif name == 'graph':
            items.append('!-~\u00a1-\U0010ffff')
        elif name == 'ascii' or name == 'unibyte':
            items.append('\x00-\x7f')
        elif name == 'nonascii' or name == 'multibyte':
            items.append('\x80-\U0010ffff')
        else:
            invalid('Invalid character class name')


def _balanced_whole(frag):
    """Is FRAG one parenthesised group from its first to its last char?"""
    depth = 0
    i = 0
    n = len(frag)
    in_class = False
    while i < n:
        c = frag[i]
        if c == '\\':
            i += 2
            continue
        if in_class:
            if c == ']':
                in_class = False
        elif c == '[':
            in_class = True
            if i + 1 < n and frag[i + 1] == '^':
                i += 1
            if i + 1 < n and frag[i + 1] == ']':
                i += 1
        elif c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0 and i != n - 1:
                return False
        i += 1
    return depth == 0


_cache = {}


def compile_regexp(pattern, casefold=False, table='std', point=None):
    """Compile the Emacs regexp PATTERN (cached)."""
    key = (pattern, casefold, table, point)
    c = _cache.get(key)
    if c is not None:
        return c
    parser = _Parser(str(pattern), table, point)
    py = parser.parse()
    flags = re.MULTILINE | (re.IGNORECASE if casefold else 0)
    try:
        rx = re.compile(py, flags)
    except re.error as e:
        invalid('Invalid regular expression')
    except (OverflowError, RecursionError):
        invalid('Regular expression too big')
    c = Compiled()
    c.rx = rx
    c.pattern = py
    c.flags = flags
    c.nsub = parser.nsub
    c.uses_point = parser.uses_point
    c.ctx = parser.ctx
    c._back = None
    gmap = [None] * (parser.nsub + 1)
    identity = True
    for k in range(1, parser.nsub + 1):
        idxs = parser.gmap.get(k, [])
        gmap[k] = idxs
        if idxs != [k]:
            identity = False
    c.gmap = gmap
    c.identity = identity
    if len(_cache) > 2000:
        _cache.clear()
    _cache[key] = c
    return c


def match_regs(c, m, offset=0, start=None, end=None):
    """Match data (a list of [start, end, start, end, ...], -1 for unset) from M."""
    if c.identity:
        regs = m.regs
        if c.nsub == 0 and start is None:
            s, e = regs[0]
            return [s + offset, e + offset]
        out = []
        for s, e in regs[:c.nsub + 1]:
            if s >= 0:
                out.append(s + offset)
                out.append(e + offset)
            else:
                out.append(-1)
                out.append(-1)
    else:
        out = [m.start(0) + offset, m.end(0) + offset]
        for k in range(1, c.nsub + 1):
            best = (-1, -1)
            for idx in c.gmap[k]:
                s = m.start(idx)
                if s >= 0:
                    best = (s + offset, m.end(idx) + offset)
            out.append(best[0])
            out.append(best[1])
    if start is not None:
        out[0] = start
        out[1] = end
    return out
