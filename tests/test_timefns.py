"""Python-level checks of the time primitives; expected values were taken from GNU Emacs 28.2."""

from elisp import runtime
from elisp.lisp import Cons, NIL, T, intern, list_
from elisp.printer import prin1_to_string
from elisp.prims import timefns

runtime.initialize()


def lisp(x):
    return prin1_to_string(x)


def test_time_arithmetic_keeps_emacs_forms():
    assert lisp(timefns.time_add(list_(1, 2, 3, 4), list_(0, 1, 0, 0))) == '(1 3 3 4)'
    assert timefns.time_add(1, 2) == 3
    assert lisp(timefns.time_add(Cons(1, 10), 2)) == '(21 . 10)'
    assert lisp(timefns.time_subtract(5, list_(0, 2, 500000))) == '(0 2 500000 0)'


def test_time_convert_forms():
    assert lisp(timefns.time_convert(1.5, T)) == '(6755399441055744 . 4503599627370496)'
    assert lisp(timefns.time_convert(1.5, intern('list'))) == '(0 1 500000 0)'
    assert lisp(timefns.time_convert(Cons(5, 3), NIL)) == '(0 1 666666 666666)'
    assert timefns.time_convert(-1.5, intern('integer')) == -2


def test_decode_and_format_in_zones():
    assert lisp(timefns.decode_time(1234567890, 3600)) == '(30 31 0 14 2 2009 6 nil 3600)'
    assert timefns.format_time_string('%Y-%m-%d %H:%M:%S %Z %z', 1234567890, T) == \
        '2009-02-13 23:31:30 GMT +0000'
    assert timefns.format_time_string('%Z %z', 1246000000, 'EST5EDT') == 'EDT -0400'
    assert timefns.format_time_string('%z %:z %::z', 0, -19800) == '-0530 -05:30 -05:30:00'
    assert timefns.format_time_string('%3N|%-N|%_5d|%^a', 1234567890.5, T) == '500|5|   13|FRI'


def test_encode_time_respects_dst_flag():
    # nil DST means standard time even in July.
    paris = 'Europe/Paris'
    assert lisp(timefns.encode_time(list_(0, 0, 0, 1, 7, 2009, NIL, NIL, paris))) == '(19018 39152)'
    assert lisp(timefns.encode_time(list_(0, 0, 0, 1, 7, 2009, NIL, T, paris))) == '(19018 35552)'
