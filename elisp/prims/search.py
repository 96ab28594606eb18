"""Primitives of Emacs's search.c: regexp and literal searches, the match data,
replace-match, regexp-quote, and skip-chars/skip-syntax (syntax.c's movers)."""

import re

from ..defun import defun, defvar
from ..lisp import Cons, NIL, T, intern, make_list, list_, UnibyteStr, PropStr, SpecialValue
from ..errors import LispSignal, Q, error, wrong_type, args_out_of_range, signal
from ..variables import state, symbol_value_or_unbound
from ..regex import compile_regexp, match_regs, SYNTAX_TABLES, invalid, _cls_char, LazyPattern
from ..regex import _cache as _rx_cache
from .buffer import Buffer, Marker, insert_text, delete_text
from .syntax import (buffer_table, _version as _syntax_version, LISP as LISP_TABLE,
                     STANDARD as STANDARD_TABLE)

Qcase_fold_search = intern('case-fold-search')
Qmajor_mode = intern('major-mode')
Qsearch_failed = Q('search-failed')
defvar('inhibit-changing-match-data', NIL)
defvar('search-spaces-regexp', NIL)

_LISP_MODES = frozenset(intern(m) for m in (
    'lisp-interaction-mode', 'emacs-lisp-mode', 'lisp-mode', 'lisp-data-mode'))


class _MatchData:
    """The match data.  `regs' is [start0, end0, start1, end1, ...], -1 when unset;
    `obj' is T after a string search and the Buffer after a buffer search.

    A search stores its `re' match object M (with compiled regexp C and position
    offset OFF) and leaves `regs' to be built on first use."""
    __slots__ = ('_regs', 'm', 'c', 'off', 'obj')

    def __init__(self):
        self._regs = None
        self.m = None
        self.c = None
        self.off = 0
        self.obj = NIL

    def _get_regs(self):
        r = self._regs
        if r is None and self.m is not None:
            r = self._regs = match_regs(self.c, self.m, self.off)
            self.m = None
        return r

    def _set_regs(self, regs):
        self._regs = regs
        self.m = None

    regs = property(_get_regs, _set_regs)

    def save(self):
        """The match data as it is now, for `restore' (without building regs)."""
        r = self._regs
        return (r[:] if r is not None else None, self.m, self.c, self.off, self.obj)

    def restore(self, saved):
        self._regs, self.m, self.c, self.off, self.obj = saved


md = _MatchData()


def _set_match(c, m, off, obj):
    """Record match M of C (positions shifted by OFF) in OBJ as the match data."""
    md._regs = None
    md.m = m
    md.c = c
    md.off = off
    md.obj = obj


def syntax_table_name(buf=None):
    """The ASCII syntax classes of BUF's syntax table (what compiled regexps depend on)."""
    if buf is None:
        buf = state.current_buffer
    t = buf.syntax_table or buffer_table(buf)     # string-match calls this in tight loops
    if t._parent_ascii == _syntax_version[0]:
        return t._ascii
    return t.ascii


def casefold():
    return symbol_value_or_unbound(Qcase_fold_search) is not NIL


def check_string(x):
    if not isinstance(x, str):
        wrong_type('stringp', x)
    return x


def compile_for_current(regexp):
    return compile_regexp(regexp, casefold(), syntax_table_name())


# ---------------------------------------------------------------- strings

@defun('string-match')
def string_match(regexp, string, start=NIL, inhibit_modify=NIL):
    """Return index of start of first match for REGEXP in STRING, or nil."""
    return _string_match(regexp, string, start, inhibit_modify is NIL)


@defun('string-match-p')
def string_match_p(regexp, string, start=NIL):
    """Same as `string-match' except this function does not change the match data."""
    return _string_match(regexp, string, start, False)


def _string_match(regexp, string, start, modify):
    if not isinstance(regexp, str):
        wrong_type('stringp', regexp)
    if not isinstance(string, str):
        wrong_type('stringp', string)
    n = len(string)
    if start is NIL:
        pos = 0
    elif start.__class__ is int:
        pos = start + n if start < 0 else start
        if not 0 <= pos <= n:
            args_out_of_range(string, start)
    else:
        wrong_type('fixnump', start)
    # compile_for_current, inline: string-match is called in tight loops
    fold = Qcase_fold_search.val
    if fold.__class__ is SpecialValue:
        fold = symbol_value_or_unbound(Qcase_fold_search)
    c = _rx_cache.get((regexp, fold is not NIL, syntax_table_name(), None))
    if c is None:
        c = compile_for_current(regexp)
    m = c.rx.search(string, pos)
    if m is None:
        return NIL
    if modify:
        _set_match(c, m, 0, T)
    return m.start()


# ---------------------------------------------------------------- buffers

def _text_and_offset(buf):
    """The accessible text of BUF as a string, and the buffer position of its index 0."""
    return buf.search_text(), buf.begv


def _fix_pos(pos):
    if pos.__class__ is int:
        return pos
    if pos.__class__ is Marker:
        if pos.buffer is None:
            error('Marker does not point anywhere')
        return pos.charpos
    wrong_type('integer-or-marker-p', pos)


@defun('looking-at')
def looking_at(regexp, inhibit_modify=NIL):
    """Return t if text after point matches regular expression REGEXP."""
    return _looking_at(regexp, inhibit_modify is NIL)


@defun('looking-at-p')
def looking_at_p(regexp):
    """Same as `looking-at' except this function does not change the match data."""
    return _looking_at(regexp, False)


def _looking_at(regexp, modify):
    if not isinstance(regexp, str):
        wrong_type('stringp', regexp)
    buf = state.current_buffer
    text = buf.search_text()
    off = buf.begv
    pt = buf.pt - off
    c = compile_regexp(regexp, casefold(), syntax_table_name(buf))
    if c.uses_point:
        c = compile_regexp(regexp, casefold(), syntax_table_name(buf), pt)
    m = c.rx.match(text, pt)
    if m is None:
        return NIL
    if modify:
        _set_match(c, m, off, buf)
    return T


_literal_rx = {}     # literal search string -> its regexp


def _search(string, bound, noerror, count, forward, regexp):
    if not isinstance(string, str):
        wrong_type('stringp', string)
    buf = state.current_buffer
    if count is NIL:
        n = 1
    elif count.__class__ is int:
        n = count
        if n < 0:
            n = -n
            forward = not forward
    else:
        wrong_type('fixnump', count)
    pt = buf.pt
    bt = buf.text
    zf = buf.zv_fixed
    zv = bt.before_len + len(bt.after) + 1 if zf is None else zf.charpos
    if bound is NIL:
        lim = zv if forward else buf.begv
    else:
        lim = _fix_pos(bound)
        if (lim < pt) if forward else (lim > pt):
            error('Invalid search bound (wrong side of point)')
        lim = min(lim, zv) if forward else max(lim, buf.begv)
    if regexp:
        pattern = string
    else:
        pattern = _literal_rx.get(string)
        if pattern is None:
            pattern = regexp_quote(string)
            if len(_literal_rx) > 500:
                _literal_rx.clear()
            _literal_rx[string] = pattern
    c = compile_regexp(pattern, symbol_value_or_unbound(Qcase_fold_search) is not NIL,
                       syntax_table_name(buf))
    bl = bt.before_len
    if (forward and bt._joined is None and buf.begv - 1 <= bl < pt - (c.ctx == 1)
            and c.ctx < 2):
        # The match can only look one char back: search just the text after
        # the gap rather than joining the whole buffer.
        text = bt.after
        off = bl + 1
    else:
        text = buf.search_text()
        off = buf.begv
    pos = pt - off
    limi = lim - off
    if c.uses_point:
        c = compile_regexp(pattern, casefold(), syntax_table_name(buf),
                           pos if forward else 'end')
    if n == 0:
        return pt
    if forward:
        search = c.rx.search
        last = None
        for _ in range(n):
            m = search(text, pos, limi)
            if m is None:
                break
            last = m
            pos = m.end()
        else:
            _set_match(c, m, off, buf)
            pos += off
            buf.pt = pos
            return pos
        if last is not None:
            # the matches found before the failure still set the match data
            _set_match(c, last, off, buf)
    else:
        for k in range(n):
            if k == 1 and c.uses_point:
                c = compile_regexp(pattern, casefold(), syntax_table_name(buf), pt - off)
            m = c.backward().match(text, limi, pos)
            if m is None:
                break
            s = m.end()
            md.regs = match_regs(c, m, off, s + off, m.start('_end_') + off)
            md.obj = buf
            pos = s
        else:
            buf.pt = pos + off
            return buf.pt
    if noerror is NIL:
        signal(Qsearch_failed, list_(string))
    if noerror is not T:
        buf.pt = lim
    return NIL


def _forward_once(string, pattern, noerror, regexp):
    """`_search' forward once to the end of the accessible text (the common case)."""
    buf = state.current_buffer
    st = buf.syntax_table
    if st is None:
        st = LISP_TABLE if buf.local_vars.get(Qmajor_mode) in _LISP_MODES else STANDARD_TABLE
    table = st._ascii if st._parent_ascii == _syntax_version[0] else st.ascii
    cf = symbol_value_or_unbound(Qcase_fold_search) is not NIL
    c = _rx_cache.get((pattern, cf, table, None))
    if c is None:
        c = compile_regexp(pattern, cf, table)
    if c.uses_point:
        return _search(string, NIL, noerror, NIL, True, regexp)
    bt = buf.text
    pt = buf.pt
    bl = bt.before_len
    after = bt.after
    zf = buf.zv_fixed
    zv = bl + len(after) + 1 if zf is None else zf.charpos
    begv = buf.begv
    j = bt._joined
    if j is None and begv - 1 <= bl < pt - (c.ctx == 1) and c.ctx < 2:
        # The match can only look one char back: search just the text after
        # the gap rather than joining the whole buffer.
        m = c.rx.search(after, pt - bl - 1, zv - bl - 1)
        off = bl + 1
    else:
        if j is None or zf is not None or begv != 1:
            j = buf.search_text()
        m = c.rx.search(j, pt - begv, zv - begv)
        off = begv
    if m is None:
        if noerror is NIL:
            signal(Qsearch_failed, list_(string))
        if noerror is not T:
            buf.pt = zv
        return NIL
    md._regs = None
    md.m = m
    md.c = c
    md.off = off
    md.obj = buf
    pt = buf.pt = m.end() + off
    return pt


@defun('re-search-forward')
def re_search_forward(regexp, bound=NIL, noerror=NIL, count=NIL):
    """Search forward from point for regular expression REGEXP."""
    if bound is NIL and count is NIL and isinstance(regexp, str):
        return _forward_once(regexp, regexp, noerror, True)
    return _search(regexp, bound, noerror, count, True, True)


@defun('re-search-backward')
def re_search_backward(regexp, bound=NIL, noerror=NIL, count=NIL):
    """Search backward from point for regular expression REGEXP."""
    return _search(regexp, bound, noerror, count, False, True)


@defun('search-forward')
def search_forward(string, bound=NIL, noerror=NIL, count=NIL):
    """Search forward from point for STRING."""
    if bound is NIL and count is NIL and isinstance(string, str):
        pattern = _literal_rx.get(string)
        if pattern is not None:
            return _forward_once(string, pattern, noerror, False)
    return _search(string, bound, noerror, count, True, False)


@defun('search-backward')
def search_backward(string, bound=NIL, noerror=NIL, count=NIL):
    """Search backward from point for STRING."""
    return _search(string, bound, noerror, count, False, False)


@defun('search-forward-regexp')
def search_forward_regexp(regexp, bound=NIL, noerror=NIL, count=NIL):
    """Search forward from point for regular expression REGEXP."""
    return _search(regexp, bound, noerror, count, True, True)


@defun('search-backward-regexp')
def search_backward_regexp(regexp, bound=NIL, noerror=NIL, count=NIL):
    """Search backward from point for regular expression REGEXP."""
    return _search(regexp, bound, noerror, count, False, True)


@defun('posix-string-match')
def posix_string_match(regexp, string, start=NIL, inhibit_modify=NIL):
    """Return index of start of first match for REGEXP in STRING (POSIX rules)."""
    return string_match(regexp, string, start, inhibit_modify)


@defun('posix-looking-at')
def posix_looking_at(regexp, inhibit_modify=NIL):
    """Return t if text after point matches REGEXP (POSIX rules)."""
    return looking_at(regexp, inhibit_modify)


@defun('posix-search-forward')
def posix_search_forward(regexp, bound=NIL, noerror=NIL, count=NIL):
    """Search forward from point for REGEXP (POSIX rules)."""
    return _search(regexp, bound, noerror, count, True, True)


@defun('posix-search-backward')
def posix_search_backward(regexp, bound=NIL, noerror=NIL, count=NIL):
    """Search backward from point for REGEXP (POSIX rules)."""
    return _search(regexp, bound, noerror, count, False, True)


# ---------------------------------------------------------------- match data

def _check_subexp(subexp):
    if subexp.__class__ is not int:
        wrong_type('fixnump', subexp)
    if subexp < 0:
        args_out_of_range(subexp, 0)
    return subexp


@defun('match-beginning')
def match_beginning(subexp):
    """Return position of start of text matched by last search."""
    return _match_position(subexp, False)


@defun('match-end')
def match_end(subexp):
    """Return position of end of text matched by last search."""
    return _match_position(subexp, True)


def _match_position(subexp, end):
    """Where group SUBEXP of the last match starts (ends, when END), or nil."""
    if subexp.__class__ is not int or subexp < 0:
        _check_subexp(subexp)
    m = md.m
    if m is not None:
        c = md.c
        if c.identity and subexp <= c.nsub:
            r = m.end(subexp) if end else m.start(subexp)
            return NIL if r < 0 else r + md.off
    regs = md.regs
    k = subexp + subexp
    if regs is None or k >= len(regs) or regs[k] < 0:
        return NIL
    return regs[k + 1] if end else regs[k]


@defun('match-data')
def match_data(integers=NIL, reuse=NIL, reseat=NIL):
    """Return a list of positions that record text matched by the last search."""
    regs = md.regs
    if regs is None or md.obj is NIL:
        data = []
    else:
        last = -1
        for k in range(0, len(regs), 2):
            if regs[k] >= 0:
                last = k
        obj = md.obj
        markers = obj.__class__ is Buffer and integers is NIL
        data = []
        for k in range(0, last + 1, 2):
            s = regs[k]
            if s < 0:
                data.append(NIL)
                data.append(NIL)
            elif markers:
                for p in (s, regs[k + 1]):
                    m = Marker()
                    if obj.live:
                        m.set(obj, p)
                    data.append(m)
            else:
                data.append(s)
                data.append(regs[k + 1])
        if obj.__class__ is Buffer and integers is not NIL and data:
            data.append(obj)
    if reuse.__class__ is not Cons:
        return make_list(data)
    tail = reuse
    i = 0
    prev = None
    while tail.__class__ is Cons:
        if reseat is not NIL and tail.car.__class__ is Marker:
            tail.car.set(None, None)
        tail.car = data[i] if i < len(data) else NIL
        prev = tail
        tail = tail.cdr
        i += 1
    if i < len(data):
        prev.cdr = make_list(data[i:])
    return reuse


@defun('set-match-data')
def set_match_data(list_arg, reseat=NIL):
    """Set internal data on last search match from elements of LIST."""
    if list_arg is not NIL and list_arg.__class__ is not Cons:
        wrong_type('listp', list_arg)
    items = []
    x = list_arg
    while x.__class__ is Cons:
        items.append(x.car)
        x = x.cdr
    if x is not NIL:
        wrong_type('listp', x)
    obj = T
    regs = []
    i = 0
    npairs = len(items) // 2
    for _ in range(npairs):
        a = items[i]
        if a.__class__ is Buffer:
            obj = a
            break
        if a is NIL:
            regs.append(-1)
            regs.append(-1)
            i += 2
            continue
        b = items[i + 1]
        vals = []
        for v in (a, b):
            if v.__class__ is Marker:
                if v.buffer is None:
                    v = 0
                else:
                    obj = v.buffer
                    v = v.charpos
            elif v.__class__ is not int:
                wrong_type('integer-or-marker-p', v)
            vals.append(v)
        regs.extend(vals)
        i += 2
    if len(items) % 2 == 1 and items[-1].__class__ is Buffer:
        obj = items[-1]
    md.regs = regs
    md.obj = obj
    if reseat is not NIL:
        for v in items:
            if v.__class__ is Marker:
                v.set(None, None)
    return NIL


@defun('match-data--translate')
def match_data_translate(n):
    """Add N to all positions of the match data.  Internal."""
    if n.__class__ is not int:
        wrong_type('fixnump', n)
    regs = md.regs
    if regs:
        md.regs = [max(r + n, 0) if r >= 0 else r for r in regs]
    return NIL


# ---------------------------------------------------------------- replace-match

def _word_char(ch, table):
    c = ord(ch)
    if c < 128:
        return table[c] == 'w'
    return ch.isalnum()


def _case_action(text, table):
    some_multiletter_word = some_lowercase = some_nonuppercase_initial = some_uppercase = False
    prev_word = False
    for ch in text:
        low = ch.lower()
        up = ch.upper()
        is_upper = low != ch
        is_lower = not is_upper and up != ch
        if is_lower:
            some_lowercase = True
            if not prev_word:
                some_nonuppercase_initial = True
            else:
                some_multiletter_word = True
        elif is_upper:
            some_uppercase = True
            if prev_word:
                some_multiletter_word = True
        else:
            if not prev_word:
                some_nonuppercase_initial = True
        prev_word = _word_char(ch, table)
    if not some_lowercase and some_multiletter_word:
        return 'all_caps'
    if not some_nonuppercase_initial and some_multiletter_word:
        return 'cap_initial'
    if not some_nonuppercase_initial and some_uppercase:
        return 'all_caps'
    return None


def _substitute(newtext, group_text, nregs, in_string=True):
    """Expand \\& \\N \\\\ in NEWTEXT; GROUP_TEXT(n) gives group N's text or None."""
    if '\\' not in newtext:
        return newtext
    out = []
    i = 0
    n = len(newtext)
    while i < n:
        j = newtext.find('\\', i)
        if j < 0:
            out.append(newtext[i:])
            break
        out.append(newtext[i:j])
        if j + 1 >= n:
            error('Invalid use of \u2018\\\u2019 in replacement text')
        c = newtext[j + 1]
        if c == '&':
            out.append(group_text(0) or '')
        elif '1' <= c <= '9':
            k = ord(c) - 48
            if k < nregs:
                out.append(group_text(k) or '')
        elif c == '\\':
            out.append('\\')
        elif c == '?' and in_string:
            out.append('\\?')
        else:
            error('Invalid use of \u2018\\\u2019 in replacement text')
        i = j + 2
    return ''.join(out)


def _apply_case(text, action, table):
    if action is None or not text:
        return text
    try:
        from . import casefiddle
        return casefiddle.upcase(text) if action == 'all_caps' else casefiddle.upcase_initials(text)
    except ImportError:
        pass
    if action == 'all_caps':
        return ''.join(ch.upper() if len(ch.upper()) == 1 else ch for ch in text)
    out = []
    prev_word = False
    for ch in text:
        if not prev_word:
            t = ch.title()
            out.append(t if len(t) == 1 else ch)
        else:
            out.append(ch)
        prev_word = _word_char(ch, table)
    return ''.join(out)


@defun('replace-match')
def replace_match(newtext, fixedcase=NIL, literal=NIL, string=NIL, subexp=NIL):
    """Replace text matched by last search with NEWTEXT."""
    check_string(newtext)
    if string is not NIL:
        check_string(string)
    regs = md.regs
    if regs is None:
        regs = []
    nregs = len(regs) // 2
    if subexp is NIL:
        sub = 0
    else:
        if subexp.__class__ is not int:
            wrong_type('integerp', subexp)
        sub = subexp
        # Emacs keeps one spare register beyond the groups of the last regexp
        if not 0 <= sub <= nregs:
            args_out_of_range(subexp, 0, nregs + 1)
    if sub >= nregs or regs[2 * sub] < 0:
        if sub == 0:
            error('replace-match called before any match found')
        signal(Q('error'), list_('replace-match subexpression does not exist', subexp))
    start, end = regs[2 * sub], regs[2 * sub + 1]
    table = syntax_table_name()
    if string is not NIL:
        if not (0 <= start <= end <= len(string)):
            args_out_of_range(start, end)

        def group_text(k):
            s, e = regs[2 * k], regs[2 * k + 1]
            if s < 0 or e > len(string) or s > e:
                return None
            return string[s:e]
        action = None if fixedcase is not NIL else _case_action(string[start:end], table)
        text = newtext if literal is not NIL else _substitute(newtext, group_text, nregs)
        text = _apply_case(text, action, table)
        return _concat_result(string[:start], text, string[end:], string)
    buf = state.current_buffer
    if not (buf.begv <= start <= end <= buf.zv):
        args_out_of_range(start, end)

    def group_text(k):
        s, e = regs[2 * k], regs[2 * k + 1]
        if s < buf.begv or e > buf.zv or s > e:
            return None
        return buf.text_between(s, e)
    action = None if fixedcase is not NIL else _case_action(buf.text_between(start, end), table)
    text = newtext if literal is not NIL else _substitute(newtext, group_text, nregs, False)
    text = _apply_case(text, action, table)
    buf.pt = start
    if end > start:
        delete_text(buf, start, end)
    buf.pt = start
    insert_text(buf, str(text))
    newend = start + len(text)
    change = newend - end
    new = list(regs)
    for k in range(len(new)):
        r = new[k]
        if r < 0:
            continue
        if r >= end:
            new[k] = r + change
        elif r > start:
            new[k] = start
    md.regs = new
    buf.pt = newend
    return NIL


def _concat_result(a, b, c, orig):
    from .fns import concat
    return concat(a, b, c)


# ---------------------------------------------------------------- regexp-quote

_SPECIAL_RX = LazyPattern(r'[\[*.\\?+^$]')


@defun('regexp-quote')
def regexp_quote(string):
    """Return a regexp string which matches exactly STRING and nothing else."""
    check_string(string)
    if _SPECIAL_RX.search(string) is None:
        return string
    out = _SPECIAL_RX.sub(r'\\\g<0>', string)
    if string.__class__ is UnibyteStr:
        return UnibyteStr(out)
    return out


# ---------------------------------------------------------------- skip-chars / skip-syntax

_skip_cache = {}


def _skip_class(string):
    """A one-char Python regexp for the chars described by skip-chars STRING."""
    key = string
    rx = _skip_cache.get(key)
    if rx is not None:
        return rx
    import re
    s = str(string)
    n = len(s)
    i = 0
    negate = False
    if n and s[0] == '^':
        negate = True
        i = 1
    items = []
    alts = []
    from ..regex import _Parser
    helper = _Parser('', syntax_table_name(), None)
    while i < n:
        c = s[i]
        if c == '[' and i + 1 < n and s[i + 1] == ':':
            j = s.find(':]', i + 2)
            if j >= 0:
                name = s[i + 2:j]
                try:
                    helper.add_class(name, items, alts)
                except LispSignal:
                    error('Invalid ISO C character class')
                i = j + 2
                continue
        if c == '\\':
            i += 1
            if i >= n:
                break
            c = s[i]
        i += 1
        if i + 1 < n and s[i] == '-':
            e = s[i + 1]
            i += 2
            if e == '\\' and i < n:
                e = s[i]
                i += 1
            if ord(e) >= ord(c):
                items.append(_cls_char(c) + '-' + _cls_char(e))
            continue
        items.append(_cls_char(c))
    all_alts = (['[' + ''.join(items) + ']'] if items else []) + alts
    if not all_alts:
        frag = '(?s:.)' if negate else '(?!)'
    else:
        body = '(?:' + '|'.join(all_alts) + ')'
        frag = '(?:(?!%s)(?s:.))' % body if negate else body
    rx = (re.compile(frag + '*'), re.compile(frag))
    _skip_cache[key] = rx
    return rx


def _skip(rxs, lim, forward):
    buf = state.current_buffer
    if lim is NIL:
        lim = buf.zv if forward else buf.begv
    else:
        lim = _fix_pos(lim)
        lim = max(buf.begv, min(lim, buf.zv))
    text, off = _text_and_offset(buf)
    pt = buf.pt
    if forward:
        if lim <= pt:
            return 0
        m = rxs[0].match(text, pt - off, lim - off)
        new = m.end() + off
    else:
        if lim >= pt:
            return 0
        one = rxs[1].match
        i = pt - off
        stop = lim - off
        while i > stop and one(text, i - 1, i):
            i -= 1
        new = i + off
    moved = new - pt
    buf.pt = new
    return moved


@defun('skip-chars-forward')
def skip_chars_forward(string, lim=NIL):
    """Move point forward, stopping before a char not in STRING, or at pos LIM."""
    check_string(string)
    return _skip(_skip_class(string), lim, True)


@defun('skip-chars-backward')
def skip_chars_backward(string, lim=NIL):
    """Move point backward, stopping after a char not in STRING, or at pos LIM."""
    check_string(string)
    return _skip(_skip_class(string), lim, False)


def _syntax_class(string):
    import re
    table = syntax_table_name()
    key = ('syn', table, string)
    rx = _skip_cache.get(key)
    if rx is not None:
        return rx
    from ..regex import syntax_alternatives, _SYNTAX_CODES, _positive, _negative
    s = str(string)
    negate = s.startswith('^')
    if negate:
        s = s[1:]
    alts = []
    for ch in s:
        code = _SYNTAX_CODES.get(ch)
        if code is None:        # Emacs ignores letters that name no syntax class
            continue
        alts.extend(syntax_alternatives(table, code))
    frag = _negative(alts) if negate else _positive(alts)
    frag = '(?:' + frag + ')'
    rx = (re.compile(frag + '*'), re.compile(frag))
    _skip_cache[key] = rx
    return rx


@defun('skip-syntax-forward')
def skip_syntax_forward(syntax, lim=NIL):
    """Move point forward across chars in specified syntax classes."""
    check_string(syntax)
    return _skip(_syntax_class(syntax), lim, True)


@defun('skip-syntax-backward')
def skip_syntax_backward(syntax, lim=NIL):
    """Move point backward across chars in specified syntax classes."""
    check_string(syntax)
    return _skip(_syntax_class(syntax), lim, False)
