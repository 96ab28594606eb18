"""The Emacs-regexp translator (elisp/regex.py), checked against values from GNU Emacs 28.2."""

import pytest

from elisp import runtime  # noqa: F401  (loads the primitives)
from elisp.errors import LispSignal
from elisp.regex import compile_regexp, match_regs


def regs(pattern, string, fold=True):
    c = compile_regexp(pattern, fold, 'lisp')
    m = c.rx.search(string)
    return None if m is None else match_regs(c, m)


@pytest.mark.parametrize('pattern,string,expected', [
    (r'\(a\|ab\)\(c\|bcd\)', 'abcd', [0, 4, 0, 1, 1, 4]),          # first alternative wins
    (r'\(?2:x\)\(y\)', 'xy', [0, 2, -1, -1, 0, 1, 1, 2]),          # explicit group numbers
    (r'\(?1:a\)\|\(?1:b\)', 'b', [0, 1, 0, 1]),                    # a number used twice
    (r'*a', 'x*a', [1, 3]),                                         # leading * is literal
    (r'a\{2,3\}?', 'aaaa', [0, 3]),                                 # ? after an interval is greedy
    (r'\w+', 'foo_bar', [0, 3]),                                    # _ is symbol syntax
    (r'\_<.+\_>', ' foo-bar ', [1, 8]),
    (r'[]a]+', 'a]]b', [0, 3]),
    (r'\b', '  ', [0, 0]),                                          # \b matches at the string start
    (r'a$b', 'a$b', [0, 3]),                                        # $ not at the end is literal
])
def test_matches_like_emacs(pattern, string, expected):
    assert regs(pattern, string) == expected


def test_case_fold_of_classes():
    assert regs('[[:upper:]]', 'a', fold=True) == [0, 1]
    assert regs('[[:upper:]]', 'a', fold=False) is None


@pytest.mark.parametrize('pattern,message', [
    (r'\(', 'Unmatched ( or \\('),
    (r'\)', 'Unmatched ) or \\)'),
    ('[a', 'Unmatched [ or [^'),
    ('a\\', 'Trailing backslash'),
    (r'\(a\)\2', 'Invalid back reference'),
    (r'a\{3,2\}', 'Invalid content of \\{\\}'),
    (r'a\{3', 'Unmatched \\{'),
    ('[[:foo:]]', 'Invalid character class name'),
    (r'\(?1', 'Premature end of regular expression'),
])
def test_invalid_regexps(pattern, message):
    with pytest.raises(LispSignal) as info:
        compile_regexp(pattern, True, 'lisp')
    assert info.value.symbol.name == 'invalid-regexp'
    assert info.value.data.car == message
