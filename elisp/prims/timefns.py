"""Primitives of Emacs's timefns.c: timestamps, time zones, formatting.

A Lisp timestamp is converted to an exact (TICKS, HZ) pair of Python ints:
  integer N -> (N, 1); float -> exact binary fraction; (HI LO) -> HZ 1;
  (HI LO US) -> HZ 10^6; (HI LO US PS) -> HZ 10^12; (TICKS . HZ); nil -> now.
Results follow Emacs 28 (`current-time-list' is t): an integer when HZ is 1,
else the four-element list when HZ divides 10^12 and no input used the
(TICKS . HZ) form, else (TICKS . HZ).
"""

import math
import os
import time as _time

from ..defun import defun, defvar
from ..lisp import Cons, NIL, T, intern, list_
from ..errors import Q, LispSignal, wrong_type

TRILLION = 10 ** 12
Qlist = intern('list')
Qinteger = intern('integer')
Qwall = intern('wall')

defvar('current-time-list', T)


def _invalid_time():
    raise LispSignal(Q('error'), list_('Invalid time specification'))


def _float_ticks(d, minimal=False):
    if d != d or d in (math.inf, -math.inf):
        raise LispSignal(Q('error'), list_('Invalid time specification'))
    if minimal:
        from fractions import Fraction
        fr = Fraction(d)
        return fr.numerator, fr.denominator
    m, e = math.frexp(d)
    scale = 53 - e
    if scale <= 0:
        return int(d), 1
    return int(d * (1 << scale)), 1 << scale


def _now():
    ns = _time.time_ns()
    return ns, 10 ** 9


def decode_time_value(x, minimal_float=False):
    """Return (TICKS, HZ, FORM) for a Lisp time value; FORM is 'int', 'float',
    'list' or 'tickshz'."""
    c = x.__class__
    if c is int:
        return x, 1, 'int'
    if c is float:
        t, h = _float_ticks(x, minimal_float)
        return t, h, 'float'
    if x is NIL:
        t, h = _now()
        return t, h, 'list'
    if c is Cons:
        hi = x.car
        rest = x.cdr
        if rest.__class__ is not Cons:
            # (TICKS . HZ)
            if hi.__class__ is int and rest.__class__ is int and rest > 0:
                return hi, rest, 'tickshz'
            _invalid_time()
        lo = rest.car
        parts = [hi, lo]
        r = rest.cdr
        while r.__class__ is Cons and len(parts) < 4:
            parts.append(r.car)
            r = r.cdr
        for p in parts:
            if p.__class__ is not int:
                _invalid_time()
        secs = parts[0] * 65536 + parts[1]
        if len(parts) == 2:
            return secs, 1, 'list'
        if len(parts) == 3:
            return secs * 10 ** 6 + parts[2], 10 ** 6, 'list'
        return secs * TRILLION + parts[2] * 10 ** 6 + parts[3], TRILLION, 'list'
    _invalid_time()


def _list4(ticks, hz):
    """(HI LO US PS) for TICKS/HZ where HZ divides 10^12."""
    total = ticks * (TRILLION // hz)
    secs, frac = divmod(total, TRILLION)
    us, ps = divmod(frac, 10 ** 6)
    hi, lo = divmod(secs, 65536)
    return list_(hi, lo, us, ps)


def _result(ticks, hz, tickshz_input):
    if hz == 1:
        return ticks
    if tickshz_input or TRILLION % hz != 0:
        return Cons(ticks, hz)
    return _list4(ticks, hz)


def _arith(a, b, sign):
    ta, ha, fa = decode_time_value(a)
    tb, hb, fb = decode_time_value(b)
    if fa == 'float' and fb == 'float':
        # Computed at the coarser of the two frequencies, like float addition.
        hz = min(ha, hb)
        from fractions import Fraction
        fr = Fraction(ta, ha) + sign * Fraction(tb, hb)
        return Cons(round(fr * hz), hz)
    hz = ha * hb // math.gcd(ha, hb)
    ticks = ta * (hz // ha) + sign * tb * (hz // hb)
    if fa == 'float' or fb == 'float':
        g = math.gcd(ticks, hz)
        ticks, hz = ticks // g, hz // g
    return _result(ticks, hz, fa == 'tickshz' or fb == 'tickshz')


@defun('time-add')
def time_add(a, b):
    """Return the sum of two time values A and B, as a time value."""
    return _arith(a, b, 1)


@defun('time-subtract')
def time_subtract(a, b):
    """Return the difference between two time values A and B, as a time value."""
    return _arith(a, b, -1)


def _frac(x):
    t, h, _ = decode_time_value(x)
    from fractions import Fraction
    return Fraction(t, h)


@defun('time-less-p')
def time_less_p(a, b):
    """Return non-nil if time value A is less than time value B."""
    return T if _frac(a) < _frac(b) else NIL


@defun('time-equal-p')
def time_equal_p(a, b):
    """Return non-nil if A and B are equal time values."""
    if a is NIL and b is NIL:
        return T
    return T if _frac(a) == _frac(b) else NIL


@defun('float-time')
def float_time(specified_time=NIL):
    """Return the current time, as a float number of seconds since the epoch."""
    if specified_time.__class__ is float:
        return specified_time
    t, h, _ = decode_time_value(specified_time)
    if h == 1:
        return float(t)
    return t / h


@defun('current-time')
def current_time():
    """Return the current time, as the number of seconds since 1970-01-01 00:00:00."""
    ns = _time.time_ns()
    return _list4(ns, 10 ** 9)


@defun('time-convert')
def time_convert(time_, form=NIL):
    """Convert TIME value to a Lisp timestamp of the given FORM."""
    t, h, f = decode_time_value(time_)
    if form is Qinteger:
        return t // h
    if form is Qlist:
        return _list4(t, h) if TRILLION % h == 0 else _list4_round(t, h)
    if form.__class__ is int:
        if form <= 0:
            _invalid_hz(form)
        return Cons((t * form) // h, form)
    if form is T:
        return Cons(t, h)
    if form is not NIL:
        raise LispSignal(Q('error'), list_('Invalid time frequency', form))
    # nil: the list form, as in Emacs 28 (`current-time-list' is t)
    return _list4(t, h) if TRILLION % h == 0 else _list4_round(t, h)


def _invalid_hz(x):
    raise LispSignal(Q('error'), list_('Invalid time frequency', x))


def _list4_round(t, h):
    return _list4((t * TRILLION) // h, TRILLION)


# ------------------------------------------------------------------ zones

class _Zone:
    """A resolved ZONE argument: fixed offset, or a TZ rule string / local."""
    __slots__ = ('offset', 'name', 'tz')

    def __init__(self, offset=None, name=None, tz=None):
        self.offset = offset
        self.name = name
        self.tz = tz        # TZ string for the C library, or '' for local


def _offset_name(off):
    sign = '-' if off < 0 else '+'
    a = abs(off)
    hh, rem = divmod(a, 3600)
    mm, ss = divmod(rem, 60)
    if ss:
        return '%s%02d%02d%02d' % (sign, hh, mm, ss)
    if mm:
        return '%s%02d%02d' % (sign, hh, mm)
    return '%s%02d' % (sign, hh)


def _zone(zone):
    if zone is T:
        return _Zone(0, 'GMT')
    if zone.__class__ is int:
        return _Zone(zone, _offset_name(zone))
    if zone.__class__ is Cons and zone.car.__class__ is int:
        off = zone.car
        nm = zone.cdr.car if zone.cdr.__class__ is Cons else NIL
        if nm is not NIL and not isinstance(nm, str):
            wrong_type('stringp', nm)
        if isinstance(nm, str) and len(nm) < 3:
            # Not a valid POSIX abbreviation: Emacs ends up with plain UTC.
            return _Zone(0, '')
        return _Zone(off, nm if isinstance(nm, str) else _offset_name(off))
    if isinstance(zone, str):
        return _Zone(tz=zone)
    if zone is NIL or zone is Qwall:
        return _Zone(tz=None)
    _invalid_time_zone(zone)


def _invalid_time_zone(zone):
    raise LispSignal(Q('error'), list_('Invalid time zone specification', zone))


def _with_tz(tz, fn):
    """Run FN under the TZ rule TZ (None: the process's own zone)."""
    if tz is None:
        return fn()
    old = os.environ.get('TZ')
    os.environ['TZ'] = tz
    _time.tzset()
    try:
        return fn()
    finally:
        if old is None:
            del os.environ['TZ']
        else:
            os.environ['TZ'] = old
        _time.tzset()


class _Broken:
    """Broken-down time: year mon day hour min sec wday yday dst gmtoff zone."""
    __slots__ = ('year', 'mon', 'day', 'hour', 'min', 'sec', 'wday', 'yday', 'dst',
                 'gmtoff', 'zone')


def _breakdown(secs, z):
    b = _Broken()
    if z.offset is not None:
        st = _time.gmtime(secs + z.offset) if _in_range(secs) else None
        if st is None:
            _time_overflow()
        b.dst = NIL if z.offset is not None else NIL
        b.gmtoff = z.offset
        b.zone = z.name
    else:
        if not _in_range(secs):
            _time_overflow()
        st = _with_tz(z.tz, lambda: _time.localtime(secs))
        b.dst = T if st.tm_isdst > 0 else NIL
        b.gmtoff = st.tm_gmtoff
        b.zone = st.tm_zone
    b.year, b.mon, b.day = st.tm_year, st.tm_mon, st.tm_mday
    b.hour, b.min, b.sec = st.tm_hour, st.tm_min, st.tm_sec
    b.wday = (st.tm_wday + 1) % 7
    b.yday = st.tm_yday
    return b


def _in_range(secs):
    return -(1 << 55) < secs < (1 << 55)


def _time_overflow():
    raise LispSignal(Q('error'), list_('Specified time is not representable'))


@defun('decode-time')
def decode_time(time_=NIL, zone=NIL, form=NIL):
    """Decode a timestamp into (SEC MINUTE HOUR DAY MONTH YEAR DOW DST UTCOFF)."""
    t, h, _ = decode_time_value(time_)
    secs = t // h
    b = _breakdown(secs, _zone(zone))
    if form is T and h != 1:
        sec = Cons(b.sec * h + (t - secs * h), h)
    else:
        sec = b.sec
    return list_(sec, b.min, b.hour, b.day, b.mon, b.year, b.wday, b.dst, b.gmtoff)


@defun('encode-time')
def encode_time(time_, *obsolescent):
    """Convert TIME to a timestamp."""
    if obsolescent:
        args = [time_] + list(obsolescent)
        if len(args) < 6:
            raise LispSignal(Q('wrong-number-of-arguments'),
                             list_(intern('encode-time'), len(args)))
        zone = args[-1] if len(args) > 6 else NIL
        sec, mi, hour, day, mon, year = args[:6]
        dst = -1
    else:
        if time_.__class__ is not Cons:
            wrong_type('consp', time_)
        items = []
        x = time_
        while x.__class__ is Cons:
            items.append(x.car)
            x = x.cdr
        if len(items) < 7:
            wrong_type('consp', NIL)
        while len(items) < 9:
            items.append(NIL)
        sec, mi, hour, day, mon, year, _dow, dst, zone = items[:9]
    for v in (mi, hour, day, mon, year):
        if v.__class__ is not int:
            wrong_type('fixnump', v)
    sub_t, sub_h = 0, 1
    if sec.__class__ is int:
        isec = sec
    else:
        st, sh, _ = decode_time_value(sec)
        isec = st // sh
        sub_t, sub_h = st - isec * sh, sh
    z = _zone(zone)
    if z.offset is not None:
        total = _timegm(year, mon, day, hour, mi, isec) - z.offset
    else:
        def local():
            if dst is NIL:
                isdst = 0
            elif dst.__class__ is int and dst < 0:
                isdst = -1
            else:
                isdst = 1
            return _mktime(year, mon, day, hour, mi, isec, isdst)
        total = _with_tz(z.tz, local)
    if sub_h == 1:
        hi, lo = divmod(total, 65536)
        return list_(hi, lo)
    return _result(total * sub_h + sub_t, sub_h, True)


def _timegm(year, mon, day, hour, mi, sec):
    # Normalise month overflow, then days since the epoch.
    y = year + (mon - 1) // 12
    m = (mon - 1) % 12 + 1
    days = _days_from_civil(y, m, 1) + (day - 1)
    return days * 86400 + hour * 3600 + mi * 60 + sec


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _mktime(year, mon, day, hour, mi, sec, isdst):
    try:
        return int(_time.mktime((year, mon, day, hour, mi, sec, 0, 0, isdst)))
    except (OverflowError, ValueError):
        pass
    guess = _timegm(year, mon, day, hour, mi, sec)
    # Find the offset in effect at the local time (two passes handle DST edges).
    off = _time.localtime(guess).tm_gmtoff
    t = guess - off
    off2 = _time.localtime(t).tm_gmtoff
    if off2 != off:
        t = guess - off2
    return t


@defun('current-time-string')
def current_time_string(specified_time=NIL, zone=NIL):
    """Return the current local time, as a human-readable string."""
    t, h, _ = decode_time_value(specified_time)
    b = _breakdown(t // h, _zone(zone))
    return '%s %s %2d %02d:%02d:%02d %d' % (_DAYS[b.wday][:3], _MONTHS[b.mon - 1][:3], b.day,
                                            b.hour, b.min, b.sec, b.year)


@defun('current-time-zone')
def current_time_zone(specified_time=NIL, zone=NIL):
    """Return the offset and name for the local time zone."""
    t, h, _ = decode_time_value(specified_time)
    b = _breakdown(t // h, _zone(zone))
    return list_(b.gmtoff, b.zone)


@defun('set-time-zone-rule')
def set_time_zone_rule(tz):
    """Set the process-wide time zone to TZ."""
    if tz is T:
        os.environ['TZ'] = 'UTC0'
    elif isinstance(tz, str):
        os.environ['TZ'] = tz
    elif tz is NIL or tz is Qwall:
        os.environ.pop('TZ', None)
    elif tz.__class__ is int:
        os.environ['TZ'] = '<%s>%s' % (_offset_name(tz), _posix_offset(tz))
    _time.tzset()
    return NIL


def _posix_offset(off):
    off = -off
    sign = '-' if off < 0 else ''
    a = abs(off)
    return '%s%d:%02d:%02d' % (sign, a // 3600, (a // 60) % 60, a % 60)


# ------------------------------------------------------------------ strftime

_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
           'September', 'October', 'November', 'December']


def _iso_week(b):
    """ISO 8601 (year, week) of broken-down time B."""
    import datetime
    try:
        d = datetime.date(b.year, b.mon, b.day)
        y, w, _ = d.isocalendar()
        return y, w
    except ValueError:
        return b.year, 1


def _num(n, width, pad, flag):
    """Format the number N with default WIDTH and padding PAD, honouring FLAG."""
    neg = n < 0
    s = str(abs(n))
    if flag == '-':
        return ('-' if neg else '') + s
    if flag == '_':
        pad = ' '
    elif flag == '0':
        pad = '0'
    s = ('-' if neg else '') + s
    if len(s) < width:
        if pad == '0' and neg:
            s = '-' + '0' * (width - len(s)) + s[1:]
        else:
            s = pad * (width - len(s)) + s
    return s


def _zone_num(off, colons, flag, width):
    sign = '-' if off < 0 else '+'
    a = abs(off)
    hh, rem = divmod(a, 3600)
    mm, ss = divmod(rem, 60)
    if colons == 0:
        body = '%02d%02d' % (hh, mm)
    elif colons == 1:
        body = '%02d:%02d' % (hh, mm)
    elif colons == 2:
        body = '%02d:%02d:%02d' % (hh, mm, ss)
    else:
        if ss:
            body = '%02d:%02d:%02d' % (hh, mm, ss)
        elif mm:
            body = '%02d:%02d' % (hh, mm)
        else:
            body = '%02d' % hh
    s = sign + body
    if width and len(s) < width:
        padc = ' ' if flag == '_' else '0'
        if padc == '0':
            s = sign + '0' * (width - len(s)) + body
        else:
            s = ' ' * (width - len(s)) + s
    return s


def _strftime(fmt, b, ticks, hz, secs):
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c != '%':
            out.append(c)
            i += 1
            continue
        i += 1
        flag = None
        upcase = swapcase = False
        while i < n and fmt[i] in '-_0^#':
            if fmt[i] == '^':
                upcase = True
            elif fmt[i] == '#':
                swapcase = True
            else:
                flag = fmt[i]
            i += 1
        wstart = i
        while i < n and fmt[i].isdigit():
            i += 1
        width = int(fmt[wstart:i]) if i > wstart else None
        colons = 0
        while i < n and fmt[i] == ':':
            colons += 1
            i += 1
        while i < n and fmt[i] in 'EO':
            i += 1
        if i >= n:
            out.append('%' + fmt[wstart - 0:i] if False else fmt[fmt.rfind('%', 0, i):i])
            break
        d = fmt[i]
        i += 1
        text = None
        numeric = None     # (value, default width, default pad)
        if d == '%':
            text = '%'
        elif d == 'a':
            text = _DAYS[b.wday][:3]
        elif d == 'A':
            text = _DAYS[b.wday]
        elif d in 'bh':
            text = _MONTHS[b.mon - 1][:3]
        elif d == 'B':
            text = _MONTHS[b.mon - 1]
        elif d == 'c':
            text = _strftime('%a %b %e %H:%M:%S %Y', b, ticks, hz, secs)
        elif d == 'C':
            numeric = (b.year // 100, 2, '0')
        elif d == 'd':
            numeric = (b.day, 2, '0')
        elif d == 'D':
            text = _strftime('%m/%d/%y', b, ticks, hz, secs)
        elif d == 'e':
            numeric = (b.day, 2, ' ')
        elif d == 'F':
            text = _strftime('%+4Y-%m-%d' if False else '%Y-%m-%d', b, ticks, hz, secs)
        elif d == 'g':
            numeric = (_iso_week(b)[0] % 100, 2, '0')
        elif d == 'G':
            numeric = (_iso_week(b)[0], 4, '0')
        elif d == 'H':
            numeric = (b.hour, 2, '0')
        elif d == 'I':
            numeric = ((b.hour + 11) % 12 + 1, 2, '0')
        elif d == 'j':
            numeric = (b.yday, 3, '0')
        elif d == 'k':
            numeric = (b.hour, 2, ' ')
        elif d == 'l':
            numeric = ((b.hour + 11) % 12 + 1, 2, ' ')
        elif d == 'm':
            numeric = (b.mon, 2, '0')
        elif d == 'M':
            numeric = (b.min, 2, '0')
        elif d == 'n':
            text = '\n'
        elif d == 'N':
            frac = ticks - secs * hz
            ns = (frac * 10 ** 9) // hz
            digits = '%09d' % ns
            w = width if width is not None else 9
            if flag == '-':
                text = digits.rstrip('0') or '0'
            elif flag == '_':
                text = (digits.rstrip('0') or '0').ljust(w if w <= 9 else 9)
            elif w <= 9:
                text = digits[:w]
            else:
                text = digits + '0' * (w - 9)
            width = None
        elif d == 'p':
            text = 'AM' if b.hour < 12 else 'PM'
        elif d == 'P':
            text = 'am' if b.hour < 12 else 'pm'
            upcase = swapcase = False
        elif d == 'q':
            numeric = ((b.mon - 1) // 3 + 1, 1, '0')
        elif d == 'r':
            text = _strftime('%I:%M:%S %p', b, ticks, hz, secs)
        elif d == 'R':
            text = _strftime('%H:%M', b, ticks, hz, secs)
        elif d == 's':
            numeric = (secs, 1, '0')
        elif d == 'S':
            numeric = (b.sec, 2, '0')
        elif d == 't':
            text = '\t'
        elif d == 'T':
            text = _strftime('%H:%M:%S', b, ticks, hz, secs)
        elif d == 'u':
            numeric = ((b.wday + 6) % 7 + 1, 1, '0')
        elif d == 'U':
            numeric = ((b.yday - 1 + 7 - b.wday) // 7, 2, '0')
        elif d == 'V':
            numeric = (_iso_week(b)[1], 2, '0')
        elif d == 'w':
            numeric = (b.wday, 1, '0')
        elif d == 'W':
            numeric = ((b.yday - 1 + 7 - (b.wday + 6) % 7) // 7, 2, '0')
        elif d == 'x':
            text = _strftime('%m/%d/%y', b, ticks, hz, secs)
        elif d == 'X':
            text = _strftime('%H:%M:%S', b, ticks, hz, secs)
        elif d == 'y':
            numeric = (b.year % 100, 2, '0')
        elif d == 'Y':
            numeric = (b.year, 4, '0')
        elif d == 'z':
            if colons == 0:
                off = b.gmtoff
                sign = '-' if off < 0 else '+'
                a = abs(off) // 60
                digits = str((a // 60) * 100 + a % 60)
                w = width if width is not None else 5
                if flag == '-':
                    text = sign + digits
                elif flag == '_':
                    text = (sign + digits).rjust(w)
                else:
                    text = sign + digits.rjust(w - 1, '0')
            else:
                text = _zone_num(b.gmtoff, colons, flag, width)
            width = None
        elif d == 'Z':
            text = b.zone
            if swapcase:
                text = text.lower()
        else:
            text = fmt[fmt.rfind('%', 0, i):i]
        if numeric is not None:
            val, dw, dpad = numeric
            text = _num(val, width if width is not None else dw, dpad, flag)
            width = None
        if upcase:
            text = text.upper()
        elif swapcase:
            if d in 'aAbBh':
                text = text.upper()
            elif d == 'p':
                text = text.lower()
        if width is not None and len(text) < width:
            padc = '0' if flag == '0' or (d == 'F' and flag is None) else ' '
            if flag == '-':
                pass
            else:
                text = padc * (width - len(text)) + text
        out.append(text)
    return ''.join(out)


@defun('format-time-string')
def format_time_string(format_string, time_=NIL, zone=NIL):
    """Use FORMAT-STRING to format the time value TIME."""
    if not isinstance(format_string, str):
        wrong_type('stringp', format_string)
    t, h, _ = decode_time_value(time_)
    secs = t // h
    b = _breakdown(secs, _zone(zone))
    return _strftime(format_string, b, t, h, secs)
