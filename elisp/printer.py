"""The printer (Emacs's print.c): Lisp objects to text, exactly as Emacs 28 prints them."""

import math

from .regex import LazyPattern
from .lisp import (Cons, Symbol, Vector, Record, BoolVector, HashTable, Subr, UnibyteStr,
                   NIL, T, intern, SURROGATE_BASE)
from .errors import LispSignal, Q
from .lisp import UNBOUND, PropStr
from . import variables

PRINT_DEPTH_LIMIT = 200

Qquote = intern('quote')
Qfunction = intern('function')
Qbackquote = intern('`')
Qcomma = intern(',')
Qcomma_at = intern(',@')
_ABBREVIATIONS = {Qquote: "'", Qfunction: "#'", Qbackquote: '`', Qcomma: ',', Qcomma_at: ',@'}

Vprint_length = intern('print-length')
Vprint_level = intern('print-level')
Vprint_escape_newlines = intern('print-escape-newlines')
Vprint_escape_control = intern('print-escape-control-characters')
Vprint_escape_nonascii = intern('print-escape-nonascii')
Vprint_escape_multibyte = intern('print-escape-multibyte')
Vprint_gensym = intern('print-gensym')
Vprint_quoted = intern('print-quoted')
Vprint_circle = intern('print-circle')
Vfloat_output_format = intern('float-output-format')
for _v, _init in ((Vprint_length, NIL), (Vprint_level, NIL), (Vprint_escape_newlines, NIL),
                  (Vprint_escape_control, NIL), (Vprint_escape_nonascii, NIL),
                  (Vprint_escape_multibyte, NIL), (Vprint_gensym, NIL), (Vprint_quoted, T), (Vprint_circle, NIL),
                  (Vfloat_output_format, NIL)):
    _v.val = _init
    _v.special = True


def format_float(x):
    """Emacs's float_to_string."""
    fmt = Vfloat_output_format.val
    if fmt is not NIL and isinstance(fmt, str):
        m = _FLOAT_FORMAT.match(fmt)
        if m and x == x and x not in (math.inf, -math.inf):
            digits = m.group(1)
            prec = 6 if digits is None else int(digits or '0')
            s = ('%.' + str(prec) + m.group(2)) % x
            if m.group(2) == 'f' and prec == 0:
                return s
            if '.' not in s and 'e' not in s:
                s += '.0'
            return s
    if x != x:
        return '-0.0e+NaN' if math.copysign(1.0, x) < 0 else '0.0e+NaN'
    if x == math.inf:
        return '1.0e+INF'
    if x == -math.inf:
        return '-1.0e+INF'
    for prec in ((15, 16, 17) if abs(x) >= 2.2250738585072014e-308 else range(1, 18)):
        s = '%.*g' % (prec, x)
        if float(s) == x:
            break
    if '.' not in s and 'e' not in s and 'n' not in s:
        s += '.0'
    return s


_FLOAT_FORMAT = LazyPattern(r'%(?:\.([0-9]*))?([efg])\Z')
_SYMBOL_ESCAPES = frozenset('"\\\';#()[],`?.')


def _looks_like_number(name):
    from .reader import parse_number
    return parse_number(name) is not None


def symbol_text(sym, escape=True):
    name = sym.name
    if not sym.interned and _symbol_value(Vprint_gensym) is not NIL:
        prefix = '#:'
    elif name == '':
        return '##'
    else:
        prefix = ''
        if not escape or _PLAIN_SYMBOL.match(name):
            return name
    if not escape:
        return prefix + name
    out = []
    confusing = _looks_like_number(name)
    for ch in name:
        if ch in _SYMBOL_ESCAPES or ch <= ' ' or ch == '\u00a0' or confusing:
            out.append('\\')
            confusing = False
        out.append(ch)
    return prefix + ''.join(out)


_PLAIN_SYMBOL = LazyPattern(r'[^\x00-\x20"\\\';#()\[\],`?.\xa0+\-0-9][^\x00-\x20"\\\';#()\[\],`?.\xa0]*\Z')


def _symbol_value(sym):
    v = variables.symbol_value_or_unbound(sym)
    return NIL if v is UNBOUND else v


def string_text(s, escape, stream=False):
    """The printed form of string S (prin1 when ESCAPE, else princ).

    Printing into a buffer or string (not STREAM) escapes the non-ASCII bytes of
    unibyte strings as octal, as Emacs does when it binds print-escape-nonascii."""
    unibyte = s.__class__ is UnibyteStr
    esc_nonascii = not stream or _symbol_value(Vprint_escape_nonascii) is not NIL
    if stream and not escape and not esc_nonascii and _HAS_RAW.search(s):
        # Emacs writes raw bytes to a stream in its internal two-byte form.
        return _HAS_RAW.sub(_raw_internal, s)
    if not escape:
        if unibyte:
            if esc_nonascii:
                return ''.join('\\%o' % (ord(c) - SURROGATE_BASE) if '\udc80' <= c <= '\udcff'
                               else c for c in s)
            return ''.join(chr(ord(c) - SURROGATE_BASE) if '\udc80' <= c <= '\udcff' else c
                           for c in s)
        return s
    esc_nl = _symbol_value(Vprint_escape_newlines) is not NIL
    esc_ctl = _symbol_value(Vprint_escape_control) is not NIL
    esc_multibyte = _symbol_value(Vprint_escape_multibyte) is not NIL
    if not (esc_nl or esc_ctl or esc_multibyte) and _PLAIN_STRING.match(s):
        return '"' + s + '"'
    out = ['"']
    n = len(s)
    need_nonhex = False
    for i in range(n):
        c = s[i]
        o = ord(c)
        if need_nonhex:
            need_nonhex = False
            if c in '0123456789abcdefABCDEF':
                out.append('\\ ')
        if c == '"' or c == '\\':
            out.append('\\')
            out.append(c)
        elif 0xDC80 <= o <= 0xDCFF:
            if unibyte and not esc_nonascii:
                out.append(_raw_internal(c))
            else:
                out.append(_octal(o - SURROGATE_BASE, s, i + 1))
        elif esc_nl and c == '\n':
            out.append('\\n')
        elif esc_nl and c == '\f':
            out.append('\\f')
        elif esc_ctl and (o < 32 or o == 127):
            out.append(_octal(o, s, i + 1))
        elif o > 127 and esc_multibyte:
            out.append('\\x%04x' % o)
            need_nonhex = True
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)


_PLAIN_STRING = LazyPattern(r'[^"\\\udc80-\udcff]*\Z')


_HAS_RAW = LazyPattern('[\udc80-\udcff]')


def _raw_internal(m):
    b = ord(m if m.__class__ is str else m.group()) - SURROGATE_BASE
    return chr(SURROGATE_BASE + (0xC0 | ((b >> 6) & 1))) + chr(SURROGATE_BASE + (0x80 | (b & 0x3F)))


def _octal(c, s, j):
    """Emacs's octalout: as few digits as possible unless an octal digit follows."""
    if c > 0o77 or (j < len(s) and '0' <= s[j] <= '7'):
        return '\\%03o' % c
    return '\\%o' % c


def prin1_to_string(obj, escape=True, stream=False):
    p = _Printer(escape, stream)
    from .compiler import print_cache
    outer = print_cache[0]
    if outer is None:
        print_cache[0] = {}
    try:
        p.print_top(obj)
    except LispSignal as e:
        e.partial_output = ''.join(p.out)     # Emacs has already sent this much
        raise
    finally:
        if outer is None:
            print_cache[0] = None
    return ''.join(p.out)


def princ_to_string(obj):
    return prin1_to_string(obj, False)


class _Printer:
    def __init__(self, escape, stream=False):
        self.escape = escape
        self.stream = stream
        self.out = []
        self.being_printed = []
        pl = _symbol_value(Vprint_length)
        self.print_length = pl if pl.__class__ is int and pl >= 0 else None
        lv = _symbol_value(Vprint_level)
        self.print_level = lv if lv.__class__ is int and lv >= 0 else None
        self.level = 0
        self.backquote = 0
        self.circle = None
        self.counter = 0

    def print_top(self, obj):
        if _symbol_value(Vprint_circle) is not NIL:
            self.circle = _shared_objects(obj, _symbol_value(Vprint_gensym) is not NIL)
        self.print(obj)

    def print(self, obj):
        out = self.out
        if len(self.being_printed) >= PRINT_DEPTH_LIMIT:
            raise LispSignal(Q('error'), Cons('Apparently circular structure being printed', NIL))
        cls = obj.__class__
        if cls is int:
            out.append(str(obj))
        elif cls is Symbol:
            if self.circle and not obj.interned and self._label(obj):
                return
            out.append(symbol_text(obj, self.escape))
        elif isinstance(obj, str):
            if cls is PropStr and self.escape and any(p is not NIL for _, _, p in obj.intervals):
                self.print_propertized(obj)
                return
            out.append(string_text(obj, self.escape, self.stream))
        elif cls is float:
            out.append(format_float(obj))
        elif cls is Cons:
            self.print_cons(obj)
        elif cls is Vector or cls is Record:
            self.print_vector(obj, '#s(' if cls is Record else '[', ')' if cls is Record else ']')
        else:
            self.print_other(obj)

    def print_propertized(self, obj):
        """#("TEXT" START END PLIST ...), as Emacs prints a string with properties."""
        self.out.append('#(')
        self.out.append(string_text(obj, self.escape, self.stream))
        for a, b, p in obj.intervals:
            if p is not NIL:
                self.out.append(' %d %d ' % (a, b))
                # Emacs prints a copy of the string, whose plists have their pairs reversed.
                from .prims.textprop import _reversed_plist
                self.print(_reversed_plist(p))
        self.out.append(')')

    def _label(self, obj):
        """With print-circle: print #N# (and return True) or #N= for a shared OBJ."""
        n = self.circle.get(id(obj))
        if n is None:
            return False
        if n < 0:
            self.out.append('#%d#' % -n)
            return True
        self.circle[id(obj)] = -n          # printed once: later references use #N#
        self.out.append('#%d=' % n)
        return False

    def _enter(self, obj):
        """Check for circularity and depth; return True when OBJ was printed as #N."""
        if self.circle is not None:
            return self._label(obj)
        bp = self.being_printed
        for i, x in enumerate(bp):
            if x is obj:
                self.out.append('#%d' % i)
                return True
        return False

    def print_cons(self, obj):
        out = self.out
        if self._enter(obj):
            return
        self.being_printed.append(obj)
        self.level += 1
        try:
            if self.print_level is not None and self.level > self.print_level:
                out.append('...')
                return
            car = obj.car
            if (car.__class__ is Symbol and car in _ABBREVIATIONS and obj.cdr.__class__ is Cons
                    and obj.cdr.cdr is NIL and _symbol_value(Vprint_quoted) is not NIL):
                if car is Qbackquote:
                    out.append('`')
                    self.backquote += 1
                    self.print(obj.cdr.car)
                    self.backquote -= 1
                    return
                if car is Qcomma or car is Qcomma_at:
                    if self.backquote:
                        out.append(_ABBREVIATIONS[car])
                        self.backquote -= 1
                        self.print(obj.cdr.car)
                        self.backquote += 1
                        return
                else:
                    out.append(_ABBREVIATIONS[car])
                    self.print(obj.cdr.car)
                    return
            self._print_list(obj)
        finally:
            self.level -= 1
            self.being_printed.pop()

    def _print_list(self, obj):
        out = self.out
        out.append('(')
        print_length = self.print_length
        circle = self.circle
        tortoise = obj
        n_max, q = 2, 2
        i = 0
        tail = obj
        while True:
            if i:
                out.append(' ')
            if print_length is not None and i >= print_length:
                out.append('...')
                break
            i += 1
            self.print(tail.car)
            tail = tail.cdr
            if tail.__class__ is not Cons and tail is not NIL:
                as_list = getattr(tail, 'as_list', None)
                if as_list is not None:
                    tail = as_list()
            if tail.__class__ is not Cons:
                if tail is not NIL:
                    out.append(' . ')
                    self.print(tail)
                break
            if circle is not None:
                if id(tail) in circle:
                    out.append(' . ')
                    self.print(tail)
                    break
                continue
            # Brent's cycle detection, as Emacs's FOR_EACH_TAIL_SAFE does it.
            q -= 1
            if q == 0:
                n_max <<= 1
                q = n_max
                tortoise = tail
            elif tail is tortoise:
                out.append(' . #%d' % (i >> 1))
                break
        out.append(')')

    def print_vector(self, obj, open_, close):
        out = self.out
        if self._enter(obj):
            return
        self.being_printed.append(obj)
        self.level += 1
        try:
            out.append(open_)
            n = len(obj)
            limit = n if self.print_length is None else min(n, self.print_length)
            for i in range(limit):
                if i:
                    out.append(' ')
                self.print(obj[i])
            if limit < n:
                out.append(' ...')
            out.append(close)
        finally:
            self.level -= 1
            self.being_printed.pop()

    def print_other(self, obj):
        out = self.out
        cls = obj.__class__
        if cls is Subr:
            out.append('#<subr %s>' % obj.name)
        elif cls is BoolVector:
            out.append(bool_vector_text(obj))
        elif cls is HashTable:
            self.print_hash_table(obj)
        else:
            printer = getattr(obj, 'lisp_print', None)
            if printer is not None:
                printer(self)
            else:
                out.append('#<%s>' % type(obj).__name__.lower())

    def print_hash_table(self, h):
        out = self.out
        out.append('#s(hash-table size %d test %s' % (h.size, symbol_text(h.test)))
        if h.weakness is not None and h.weakness is not NIL:
            out.append(' weakness ')
            self.print(h.weakness)
        out.append(' rehash-size ')
        self.print(h.rehash_size)
        out.append(' rehash-threshold ')
        self.print(h.rehash_threshold)
        if h.purecopy:
            out.append(' purecopy t')
        out.append(' data (')
        first = True
        limit = self.print_length
        for n, (k, v) in enumerate(list(h.table.values())):
            if not first:
                out.append(' ')
            first = False
            if limit is not None and n >= limit:
                out.append('...')
                break
            self.print(k)
            out.append(' ')
            self.print(v)
        out.append('))')


def bool_vector_text(bv):
    bits = bv.bits
    nbytes = (len(bits) + 7) // 8
    chars = []
    for b in range(nbytes):
        byte = 0
        for k in range(8):
            idx = b * 8 + k
            if idx < len(bits) and bits[idx]:
                byte |= 1 << k
        if byte == 34 or byte == 92:
            chars.append('\\' + chr(byte))
        elif byte >= 128:
            chars.append('\\%o' % byte)
        else:
            chars.append(chr(byte))
    return '#&%d"%s"' % (len(bits), ''.join(chars))


def _shared_objects(obj, gensym):
    """Objects reachable from OBJ more than once (print-circle): id -> label number,
    numbered as Emacs's print_preprocess does, at their second encounter."""
    seen = set()
    shared = {}
    stack = [obj]
    while stack:
        x = stack.pop()
        cls = x.__class__
        if cls is Cons or cls is Vector or cls is Record or (
                gensym and cls is Symbol and not x.interned):
            k = id(x)
            if k in seen:
                if k not in shared:
                    shared[k] = len(shared) + 1
                continue
            seen.add(k)
            if cls is Cons:
                stack.append(x.cdr)
                stack.append(x.car)
            elif cls is not Symbol:
                stack.extend(reversed(x))
    return shared
