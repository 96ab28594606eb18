"""Primitives of Emacs's editfns.c that do not need buffers: format and message."""

import math

from ..defun import defun, defvar
from ..lisp import (Cons, Symbol, NIL, T, UnibyteStr, intern, list_, code_char, is_multibyte,
                    string_char_code)
from ..errors import LispSignal, Q, error, wrong_type, signal
from ..printer import prin1_to_string, princ_to_string, format_float
from ..variables import symbol_value

Vtext_quoting_style = defvar('text-quoting-style', NIL)


def _fmt_error(msg):
    raise LispSignal(Q('error'), list_(msg))


def _c_float(spec_flags, width, precision, conv, value):
    """Format VALUE as C's printf does for %e %f %g."""
    if value != value:
        body = 'nan'
        sign = '-' if math.copysign(1, value) < 0 else ('+' if '+' in spec_flags else
                                                         (' ' if ' ' in spec_flags else ''))
        s = sign + body
        return _pad(s, spec_flags.replace('0', ''), width)
    if value in (math.inf, -math.inf):
        sign = '-' if value < 0 else ('+' if '+' in spec_flags else (' ' if ' ' in spec_flags else ''))
        return _pad(sign + 'inf', spec_flags.replace('0', ''), width)
    fmt = '%' + spec_flags + (str(width) if width is not None else '') + \
        ('.' + str(precision) if precision is not None else '') + conv
    return fmt % value


def _pad(s, flags, width, w=None):
    """Pad S to WIDTH columns; W is S's display width when that is not len(S)."""
    if w is None:
        w = len(s)
    if width is None or w >= width:
        return s
    if '-' in flags:
        return s + ' ' * (width - w)
    return ' ' * (width - w) + s


def _text_width(s):
    if s.isascii():
        return len(s)
    from .character import char_width
    return sum(char_width(string_char_code(s, i)) for i in range(len(s)))


def _truncate_to_width(s, precision):
    if s.isascii():
        return s[:precision]
    from .character import char_width
    total = 0
    for i in range(len(s)):
        total += char_width(string_char_code(s, i))
        if total > precision:
            return s[:i]
    return s


def _int_text(n, conv, flags, width, precision, digits=None):
    """Format integer N as C's printf does for %d %o %x %X (DIGITS overrides, for nan/inf)."""
    if digits is None:
        neg = n < 0
        a = -n if neg else n
        if conv == 'd':
            digits = str(a)
        elif conv == 'o':
            digits = '%o' % a
        elif conv == 'x':
            digits = '%x' % a
        else:
            digits = '%X' % a
    else:
        a = 1
        neg = n
    if precision is not None:
        if precision == 0 and a == 0:
            digits = ''
        elif len(digits) < precision:
            digits = '0' * (precision - len(digits)) + digits
    prefix = ''
    if '#' in flags:
        if conv == 'o':
            if not digits.startswith('0'):
                prefix = '0'
        elif conv != 'd' and a != 0:
            prefix = '0x' if conv == 'x' else '0X'
    sign = '-' if neg else ('+' if '+' in flags else (' ' if ' ' in flags else ''))
    if width is not None and '0' in flags and '-' not in flags and precision is None:
        fill = width - len(sign) - len(prefix) - len(digits)
        if fill > 0:
            digits = '0' * fill + digits
    return _pad(sign + prefix + digits, flags, width)


_MISMATCH = 'Format specifier doesn\u2019t match argument type'
_parse_cache = {}


def _parse_format(fmt):
    """Split FMT into literal strings and spec tuples (field, flags, width, precision, conv).

    A format error becomes an ('error', message) item at the point where Emacs
    would signal it, so that errors keep their order relative to argument errors."""
    items = []
    n = len(fmt)
    i = 0
    while i < n:
        if fmt[i] != '%':
            j = fmt.find('%', i)
            if j < 0:
                j = n
            items.append(str.__getitem__(fmt, slice(i, j)))
            i = j
            continue
        i += 1
        field = None
        j = i
        while j < n and '0' <= fmt[j] <= '9':
            j += 1
        if j < n and fmt[j] == '$' and j > i:
            # Field 0 designates the format string itself, as in Emacs.
            field = int(fmt[i:j]) - 1
            i = j + 1
        flags = ''
        while i < n and fmt[i] in '-+ #0':
            if fmt[i] not in flags:
                flags += fmt[i]
            i += 1
        width = None
        j = i
        while j < n and '0' <= fmt[j] <= '9':
            j += 1
        if j > i:
            width = int(fmt[i:j])
            i = j
        precision = None
        if i < n and fmt[i] == '.':
            j = i + 1
            while j < n and '0' <= fmt[j] <= '9':
                j += 1
            precision = int(fmt[i + 1:j]) if j > i + 1 else 0
            i = j
        if i >= n:
            items.append(('error', 'Format string ends in middle of format specifier', None, None, None))
            break
        conv = fmt[i]
        i += 1
        if conv == '%':
            items.append('%')
            continue
        if conv == 'i':
            conv = 'd'
        if conv not in 'sSdoxXcefg':
            # Emacs checks the argument count before the conversion.
            items.append(('invalid', conv, field, None, None))
            break
        items.append((field, flags, width, precision, conv))
    return items


def _parsed(fmt):
    """The parsed items of FMT (cached)."""
    items = _parse_cache.get(fmt)
    if items is None:
        items = _parse_format(fmt)
        if len(_parse_cache) > 2000:
            _parse_cache.clear()
        _parse_cache[str.__str__(fmt)] = items
    return items


_simple_cache = {}
_PLAIN = frozenset((int, str))


class _Simple:
    """A format string whose specs are all bare %d or %s: its Python %-template,
    the specs' kinds (True for %d), and a generated argument checker."""
    __slots__ = ('template', 'kinds', 'n', 'check')

    def __init__(self, template, kinds):
        self.template = template
        self.kinds = kinds
        self.n = len(kinds)
        self.check = None

    def make_check(self):
        """Compile a checker: %d wants a fixnum, %s a plain string or an integer."""
        conds = ['a[%d].__class__ is int' % i if isd else 'a[%d].__class__ in _PLAIN' % i
                 for i, isd in enumerate(self.kinds)]
        self.check = eval('lambda a: ' + (' and '.join(conds) or 'True'), {'_PLAIN': _PLAIN})


def _simple_template(items):
    """A _Simple for ITEMS when it has only bare %d and %s specs, else False."""
    parts = []
    kinds = []
    for item in items:
        if item.__class__ is str:
            parts.append(item.replace('%', '%%'))
        elif (item[0] is None and not item[1] and item[2] is None and item[3] is None
              and item[4] in ('d', 's')):
            parts.append('%s')
            kinds.append(item[4] == 'd')
        else:
            return False
    return _Simple(''.join(parts), tuple(kinds))


def format_string(fmt, args, message=False):
    """Emacs's `format' (and `format-message' when MESSAGE)."""
    if fmt.__class__ is str and not message:
        # Fast path: bare %d of fixnums and %s of plain strings and integers.
        simple = _simple_cache.get(fmt)
        if simple is None:
            simple = _simple_template(_parsed(fmt))
            if len(_simple_cache) > 2000:
                _simple_cache.clear()
            _simple_cache[fmt] = simple
        elif simple:
            n = simple.n
            if len(args) >= n:
                check = simple.check
                if check is None:
                    # seen twice: worth compiling a checker
                    simple.make_check()
                    check = simple.check
                if check(args):
                    return simple.template % (args if len(args) == n and args.__class__ is tuple
                                              else tuple(args[:n]))
    elif not isinstance(fmt, str):
        wrong_type('stringp', fmt)
    items = _parse_cache.get(fmt)
    if items is None:
        items = _parsed(fmt)
    out = []
    argi = 0
    nargs = len(args)
    for item in items:
        if item.__class__ is str:
            out.append(curve_quotes(item) if message else item)
            continue
        field, flags, width, precision, conv = item
        if field.__class__ is str:
            if field == 'error':
                _fmt_error(flags)
            if width is not None:
                argi = width
            if argi >= nargs:
                _fmt_error('Not enough arguments for format string')
            _fmt_error('Invalid format operation %%%s' % flags)
        if field is not None:
            argi = field
        if argi >= nargs:
            _fmt_error('Not enough arguments for format string')
        arg = args[argi] if argi >= 0 else fmt
        argi += 1
        cls = arg.__class__
        if conv == 's' or conv == 'S':
            if conv == 's' and isinstance(arg, str):
                text = str.__str__(arg)
            elif conv == 's' and cls is int:
                text = str(arg)
            elif conv == 'S' or (cls is not Symbol and cls is not float):
                text = prin1_to_string(arg, conv == 'S')
            else:
                text = princ_to_string(arg)
            if precision is None and width is None:
                out.append(text)
                continue
            if precision is not None:
                text = _truncate_to_width(text, precision)
            out.append(_pad(text, flags, width, _text_width(text) if width is not None else None))
        elif conv == 'd' and cls is int and not flags and width is None and precision is None:
            out.append(str(arg))
        elif conv == 'c':
            if cls is not int or not -(1 << 61) <= arg < (1 << 61):
                _fmt_error(_MISMATCH)
            if not 0 <= arg <= 0x3FFFFF:
                wrong_type('characterp', arg)
            text = code_char(arg)
            out.append(_pad(text, flags, width, _text_width(text)))
        elif conv in 'doxX':
            if cls is float:
                if arg != arg or arg in (math.inf, -math.inf):
                    if conv != 'd':
                        signal(Q('overflow-error'), NIL)
                    out.append(_int_text(math.copysign(1.0, arg) < 0, conv, flags, width,
                                         precision, 'nan' if arg != arg else 'inf'))
                    continue
                arg = int(arg)
                if conv == 'd':
                    # Emacs prints a float's integer part for %d; precision 0
                    # does not make a zero vanish as it does for integers.
                    out.append(_int_text(arg < 0, conv, flags, width, precision, str(abs(arg))))
                    continue
            elif cls is not int:
                _fmt_error(_MISMATCH)
            out.append(_int_text(arg, conv, flags, width, precision))
        else:
            if cls is int:
                arg = float(arg)
            elif cls is not float:
                _fmt_error(_MISMATCH)
            out.append(_c_float(flags, width, precision, conv, arg))
    result = ''.join(out)
    if fmt.__class__ is UnibyteStr and not result.isascii() and not any(
            is_multibyte(a) for a in args if isinstance(a, str)):
        return UnibyteStr(result)
    return result


def curve_quotes(text):
    style = symbol_value(Vtext_quoting_style)
    if style is intern('grave'):
        return text
    if style is intern('straight'):
        return text.replace('`', "'")
    return text.replace('`', '\u2018').replace("'", '\u2019')


@defun('format')
def format_(string, *objects):
    """Format a string out of a format-string and arguments."""
    return format_string(string, objects)


@defun('format-message')
def format_message(string, *objects):
    """Format a string out of a format-string and arguments, curving quotes."""
    return format_string(string, objects, message=True)


@defun('message')
def message(format_string_, *args):
    """Display a message at the bottom of the screen."""
    if format_string_ is NIL:
        from .print import output
        output.write_stderr('\n')
        return NIL
    text = format_string(format_string_, args, message=True)
    from .print import output
    output.fresh_line_stderr()
    output.write_stderr(text + '\n')
    return text


@defun('current-message')
def current_message():
    """Return the string currently displayed in the echo area, or nil if none."""
    return NIL


# ---------------------------------------------------------------- characters

@defun('char-to-string')
def char_to_string(char):
    """Convert arg CHAR to a string containing that character."""
    if char.__class__ is not int or not 0 <= char <= 0x3FFFFF:
        wrong_type('characterp', char)
    return code_char(char)


@defun('string-to-char')
def string_to_char(string):
    """Return the first character in STRING."""
    if not isinstance(string, str):
        wrong_type('stringp', string)
    if not string:
        return 0
    return string_char_code(string, 0)


Vcase_fold_search = intern('case-fold-search')


@defun('char-equal')
def char_equal(c1, c2):
    """Return t if two characters match, optionally ignoring case."""
    if c1.__class__ is not int or not 0 <= c1 <= 0x3FFFFF:
        wrong_type('characterp', c1)
    if c2.__class__ is not int or not 0 <= c2 <= 0x3FFFFF:
        wrong_type('characterp', c2)
    if c1 == c2:
        return T
    if symbol_value(Vcase_fold_search) is NIL:
        return NIL
    from .casefiddle import char_downcase
    return T if char_downcase(c1) == char_downcase(c2) else NIL
