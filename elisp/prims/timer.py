"""Timers (Emacs's timer.el over keyboard.c's timer_check), kept in Python.

A timer is a 10-slot vector laid out as Emacs 28's:
  [TRIGGERED-P HIGH-SECONDS LOW-SECONDS USECS REPEAT-DELAY FUNCTION ARGS
   IDLE-DELAY PSECS INTEGRAL-MULTIPLE]
Active timers are in the Lisp variables `timer-list` and `timer-idle-list`,
sorted by time; the event loop runs due ones through `timer-event-handler`.
"""

import re
import time

from ..regex import LazyPattern
from ..defun import defun, defvar
from ..lisp import Cons, Vector, NIL, T, Symbol, make_list, list_, list_to_python
from ..errors import LispSignal, Q, error, wrong_type, signal
from ..variables import symbol_value, set_value
from ..compiler import apply_function

Vtimer_list = defvar('timer-list', NIL)
Vtimer_idle_list = defvar('timer-idle-list', NIL)
Vtimer_max_repeats = defvar('timer-max-repeats', 10)
Vwith_timeout_timers = defvar('with-timeout-timers', NIL)
Qtimerp = Q('timerp')


def is_timer(x):
    return x.__class__ is Vector and len(x) == 10


def check_timer(x):
    if not is_timer(x):
        signal(Q('wrong-type-argument'), list_(Qtimerp, x))
    return x


def encode_time_into(timer, t):
    secs = int(t // 1)
    frac = t - secs
    usecs = int(frac * 1e6)
    psecs = int(round((frac * 1e6 - usecs) * 1e6))
    if psecs >= 1000000:
        psecs = 999999
    timer[1] = secs >> 16
    timer[2] = secs & 0xFFFF
    timer[3] = usecs
    timer[8] = psecs


def timer_time(timer):
    h, lo, us, ps = timer[1], timer[2], timer[3], timer[8]
    if h.__class__ is not int:
        return None
    return (h << 16) + (lo if lo.__class__ is int else 0) + (us if us.__class__ is int else 0) / 1e6 \
        + (ps if ps.__class__ is int else 0) / 1e12


def make_timer():
    return Vector([T, NIL, NIL, NIL, NIL, NIL, NIL, NIL, NIL, NIL])


def lisp_time_to_float(t):
    """Seconds from a Lisp time value (number, (HI LO US PS), (TICKS . HZ))."""
    if t.__class__ in (int, float):
        return float(t)
    if t.__class__ is Cons:
        if t.cdr.__class__ is int:
            return t.car / t.cdr
        items = list(t)
        vals = [x if x.__class__ is int else 0 for x in items] + [0, 0, 0, 0]
        return (vals[0] << 16) + vals[1] + vals[2] / 1e6 + vals[3] / 1e12
    if t is NIL:
        return time.time()
    error('Invalid time specification')


def _insert_sorted(var, timer, key):
    lst = [x for x in list_to_python(symbol_value(var)) if x is not timer]
    t = key(timer)
    i = 0
    while i < len(lst) and key(lst[i]) <= t:
        i += 1
    lst.insert(i, timer)
    set_value(var, make_list(lst))


def _remove(var, timer):
    lst = list_to_python(symbol_value(var))
    items = [x for x in lst if x is not timer]
    if len(items) != len(lst):
        set_value(var, make_list(items))


@defun('timerp')
def timerp(obj):
    """Return t if OBJECT is a timer."""
    return T if is_timer(obj) else NIL


@defun('timer-create')
def timer_create():
    """Create a timer object."""
    return make_timer()


@defun('timer-set-time')
def timer_set_time(timer, time_, delta=NIL):
    """Set the trigger time of TIMER to TIME, repeating every DELTA seconds."""
    check_timer(timer)
    encode_time_into(timer, lisp_time_to_float(time_))
    timer[4] = delta if delta.__class__ in (int, float) and delta > 0 else NIL
    return timer


@defun('timer-set-idle-time')
def timer_set_idle_time(timer, secs, repeat=NIL):
    """Set the trigger idle time of TIMER to SECS."""
    check_timer(timer)
    encode_time_into(timer, lisp_time_to_float(secs))
    timer[4] = repeat
    return timer


@defun('timer-set-function')
def timer_set_function(timer, function, args=NIL):
    """Make TIMER call FUNCTION with optional ARGS when it triggers."""
    check_timer(timer)
    timer[5] = function
    timer[6] = args
    return function


@defun('timer-activate')
def timer_activate(timer, triggered_p=NIL, reuse_cell=NIL):
    """Insert TIMER into `timer-list'."""
    if not is_timer(timer) or timer_time(timer) is None:
        error('Invalid or uninitialized timer')
    timer[0] = triggered_p
    timer[7] = NIL
    _remove(Vtimer_idle_list, timer)
    _insert_sorted(Vtimer_list, timer, timer_time)
    return NIL


@defun('timer-activate-when-idle')
def timer_activate_when_idle(timer, dont_wait=NIL, reuse_cell=NIL):
    """Insert TIMER into `timer-idle-list'."""
    if not is_timer(timer) or timer_time(timer) is None:
        error('Invalid or uninitialized timer')
    timer[0] = NIL
    timer[7] = Q('idle')
    _remove(Vtimer_list, timer)
    _insert_sorted(Vtimer_idle_list, timer, timer_time)
    return NIL


@defun('cancel-timer')
def cancel_timer(timer):
    """Remove TIMER from the list of active timers."""
    check_timer(timer)
    _remove(Vtimer_list, timer)
    _remove(Vtimer_idle_list, timer)
    return NIL


_UNITS = {'microsec': 1e-6, 'microsecond': 1e-6, 'millisec': 0.001, 'millisecond': 0.001,
          'sec': 1, 'second': 1, 'min': 60, 'minute': 60, 'hour': 3600, 'day': 86400,
          'week': 604800, 'fortnight': 1209600, 'month': 2592000, 'year': 31557600}
_DURATION_RX = LazyPattern(r' *([0-9.]+)? *(microsecond|microsec|millisecond|millisec|second|sec'
                          r'|minute|min|hour|day|week|fortnight|month|year)s? *')


def _duration(s):
    """Seconds for a relative time string like \"2 min 3 sec\", or None."""
    total = 0
    pos = 0
    while pos < len(s):
        m = _DURATION_RX.match(s, pos)
        if not m or m.end() == pos:
            return None
        num = m.group(1)
        if num is None:
            n = 1
        else:
            try:
                n = int(num) if num.isdigit() else float(num)
            except ValueError:
                return None
        total += n * _UNITS[m.group(2)]
        pos = m.end()
    return total if s else None


@defun('timer-duration')
def timer_duration(string):
    """Return number of seconds specified by STRING, or nil if parsing fails."""
    if not isinstance(string, str):
        wrong_type('stringp', string)
    d = _duration(string)
    return NIL if d is None else d


@defun('current-idle-time')
def current_idle_time():
    """Return the current length of Emacs idleness, or nil if not idle."""
    from .. import eventloop
    since = eventloop._idle_since
    if since is None:
        return NIL
    t = time.time() - since
    secs = int(t)
    frac = t - secs
    usec = int(frac * 1e6)
    return list_(secs >> 16, secs & 0xFFFF, usec, int((frac * 1e6 - usec) * 1e6))


@defun('run-at-time')
def run_at_time(time_, repeat, function, *args):
    """Perform an action at time TIME, repeating every REPEAT seconds."""
    if repeat.__class__ in (int, float):
        if repeat < 0:
            error('Invalid repetition interval')
        if repeat == 0:
            repeat = NIL
    else:
        repeat = NIL
    now = time.time()
    if time_ is NIL:
        when = now
    elif time_ is T:
        when = now
        if repeat.__class__ in (int, float) and repeat > 0:
            when = (now // repeat + 1) * repeat
    elif time_.__class__ in (int, float):
        when = now + time_
    elif isinstance(time_, str):
        d = _duration(time_)
        if d is not None:
            when = now + float(d)
        else:
            m = re.match(r'^\s*(\d{1,2}):?(\d\d)?\s*([ap]\.?m\.?)?\s*$', time_, re.I)
            if not m:
                error('Invalid time specification')
            hour = int(m.group(1))
            minute = int(m.group(2) or 0)
            ampm = (m.group(3) or '').lower()
            if ampm.startswith('p') and hour < 12:
                hour += 12
            if ampm.startswith('a') and hour == 12:
                hour = 0
            lt = time.localtime(now)
            when = time.mktime((lt.tm_year, lt.tm_mon, lt.tm_mday, hour, minute, 0, 0, 0, -1))
            if when < now:
                when += 86400
    elif time_.__class__ is Cons:
        when = lisp_time_to_float(time_)
    else:
        error('Invalid time format')
    timer = make_timer()
    encode_time_into(timer, when)
    timer[4] = repeat
    timer_set_function(timer, function, make_list(args))
    timer_activate(timer)
    return timer


@defun('run-with-timer')
def run_with_timer(secs, repeat, function, *args):
    """Perform an action after a delay of SECS seconds."""
    return run_at_time(secs, repeat, function, *args)


@defun('run-with-idle-timer')
def run_with_idle_timer(secs, repeat, function, *args):
    """Perform an action the next time Emacs is idle for SECS seconds."""
    timer = make_timer()
    timer_set_function(timer, function, make_list(args))
    if secs.__class__ is Cons:
        secs = lisp_time_to_float(secs)
    if secs.__class__ not in (int, float):
        wrong_type('numberp', secs)
    encode_time_into(timer, float(secs))
    timer[4] = repeat
    timer_activate_when_idle(timer, T)
    return timer


def _fire(timer):
    fn = timer[5]
    args = timer[6]
    try:
        apply_function(fn, list_to_python(args))
    except LispSignal as e:
        from .editfns import message
        name = " \u2018%s\u2019" % fn.name if fn.__class__ is Symbol else ''
        message('Error running timer%s: %S', name, Cons(e.symbol, e.data))


@defun('timer-event-handler')
def timer_event_handler(timer):
    """Call the handler for the timer TIMER."""
    check_timer(timer)
    cancel_timer(timer)
    repeat = timer[4]
    idle = timer[7] is not NIL
    if idle and repeat is not NIL:
        timer_activate_when_idle(timer, T)
    elif repeat is not NIL and repeat.__class__ in (int, float) and repeat > 0:
        t = timer_time(timer) + repeat
        now = time.time()
        maxr = symbol_value(Vtimer_max_repeats)
        if maxr.__class__ is int and now - t > maxr * repeat:
            # Far behind (e.g. after a long wait): skip the missed runs.
            t = now + repeat
        encode_time_into(timer, t)
        timer_activate(timer, T)
    else:
        timer[0] = T
    _fire(timer)
    return NIL


_idle_fired = set()


def run_due_timers(idle_since=None):
    """Run every due timer; return the absolute time of the next one, or None."""
    while True:
        lst = symbol_value(Vtimer_list)
        now = time.time()
        due = None
        if lst.__class__ is Cons:
            t = timer_time(lst.car)
            if t is not None and t <= now:
                due = lst.car
        if due is None and idle_since is not None:
            idle_for = now - idle_since
            for timer in list_to_python(symbol_value(Vtimer_idle_list)):
                if id(timer) in _idle_fired:
                    continue
                t = timer_time(timer)
                if t is not None and t <= idle_for:
                    due = timer
                    _idle_fired.add(id(timer))
                    break
        if due is None:
            break
        timer_event_handler(due)
    if idle_since is None:
        _idle_fired.clear()
    lst = symbol_value(Vtimer_list)
    nxt = timer_time(lst.car) if lst.__class__ is Cons else None
    if idle_since is not None:
        for timer in list_to_python(symbol_value(Vtimer_idle_list)):
            if id(timer) not in _idle_fired:
                t = timer_time(timer)
                if t is not None:
                    nt = idle_since + t
                    nxt = nt if nxt is None else min(nxt, nt)
    return nxt
