"""Text properties on strings (Emacs's textprop.c, for string objects).

A string with properties is a PropStr whose `intervals` is a list of
(START, END, PLIST) triples.  Here the intervals of a string we change cover
it completely, in order, and are only ever split, never merged, as Emacs's
interval tree is, so that printing shows the same intervals Emacs shows.
Copies of a string (copy-sequence, substring, concat) reverse the order of
each plist's pairs and new properties go in front, as in Emacs; Emacs's
printer shows the pairs reversed (it prints a copy).
Python strings are immutable: properties can be added to a PropStr in place,
but not to a plain string that has none yet.

Buffers have no text properties yet: there the getters return nil.
"""

import unicodedata

from ..defun import defun
from ..lisp import NIL, T, Cons, PropStr, make_list, list_to_python, is_multibyte
from ..errors import wrong_type, args_out_of_range, error


def _plist_pairs(plist):
    out = []
    while plist.__class__ is Cons and plist.cdr.__class__ is Cons:
        out.append((plist.car, plist.cdr.car))
        plist = plist.cdr.cdr
    return out


def _plist_get(plist, prop):
    while plist.__class__ is Cons and plist.cdr.__class__ is Cons:
        if plist.car is prop:
            return plist.cdr.car
        plist = plist.cdr.cdr
    return NIL


def _full_intervals(s):
    """S's intervals covering [0, len) completely (a fresh list)."""
    n = len(s)
    ivs = sorted(getattr(s, 'intervals', ()) or (), key=lambda iv: iv[0])
    out = []
    pos = 0
    for a, b, p in ivs:
        a = max(a, pos)
        b = min(b, n)
        if a >= b:
            continue
        if a > pos:
            out.append([pos, a, NIL])
        out.append([a, b, p])
        pos = b
    if pos < n or not out:
        if n > pos:
            out.append([pos, n, NIL])
    return out


def _store(s, ivs):
    s.intervals = [(a, b, p) for a, b, p in ivs]


def _split_at(ivs, pos):
    for k, iv in enumerate(ivs):
        a, b, p = iv
        if a < pos < b:
            ivs[k:k + 1] = [[a, pos, p], [pos, b, _copy_plist(p)]]
            return


def _copy_plist(p):
    return make_list(list_to_python(p)) if p is not NIL else NIL


def _reversed_plist(p):
    """A copy of plist P with its pairs in reverse order, as Emacs's string copies make."""
    pairs = _plist_pairs(p)
    return make_list([x for kv in reversed(pairs) for x in kv]) if pairs else NIL


def _check_string_range(obj, start, end):
    if start.__class__ is not int:
        wrong_type('integer-or-marker-p', start)
    if end.__class__ is not int:
        wrong_type('integer-or-marker-p', end)
    n = len(obj)
    if not (0 <= start <= n and 0 <= end <= n):
        args_out_of_range(start, end)
    return (start, end) if start <= end else (end, start)


def _is_buffer_object(obj):
    return obj is NIL or obj.__class__.__name__ == 'Buffer'


def _modify(start, end, obj, change):
    """Apply CHANGE(plist) -> (new plist, changed?) to the intervals in [START, END)."""
    if _is_buffer_object(obj):
        return NIL
    if not isinstance(obj, str):
        wrong_type('buffer-or-string-p', obj)
    start, end = _check_string_range(obj, start, end)
    if start == end:
        return NIL
    if obj.__class__ is not PropStr:
        # A plain string: only a change that changes nothing is possible.
        _, changed = change(NIL)
        if changed:
            error('Cannot add text properties to a string without any: strings are immutable here')
        return NIL
    ivs = _full_intervals(obj)
    _split_at(ivs, start)
    _split_at(ivs, end)
    any_change = False
    for iv in ivs:
        if iv[0] >= start and iv[1] <= end:
            new, changed = change(iv[2])
            if changed:
                iv[2] = new
                any_change = True
    _store(obj, ivs)
    return T if any_change else NIL


def _adder(pairs, replace_all=False):
    def change(plist):
        if replace_all:
            new = make_list([x for kv in pairs for x in kv])
            return new, True
        items = list_to_python(plist)
        changed = False
        for prop, val in pairs:
            for k in range(0, len(items) - 1, 2):
                if items[k] is prop:
                    if items[k + 1] is not val:
                        items[k + 1] = val
                        changed = True
                    break
            else:
                items[:0] = [prop, val]
                changed = True
        return (make_list(items) if changed else plist), changed
    return change


def _remover(props):
    def change(plist):
        items = list_to_python(plist)
        out = []
        changed = False
        for k in range(0, len(items) - 1, 2):
            if any(items[k] is p for p in props):
                changed = True
            else:
                out += [items[k], items[k + 1]]
        return (make_list(out) if changed else plist), changed
    return change


def _props_at(obj, pos):
    for a, b, p in getattr(obj, 'intervals', ()) or ():
        if a <= pos < b:
            return p
    return NIL


def _check_pos(obj, pos):
    if pos.__class__ is not int:
        wrong_type('integer-or-marker-p', pos)
    if not 0 <= pos <= len(obj):
        args_out_of_range(pos, pos)


@defun("propertize")
def propertize(string, *properties):
    """Return a copy of STRING with text properties added."""
    if not isinstance(string, str):
        wrong_type('stringp', string)
    if len(properties) % 2:
        from ..errors import signal
        from ..lisp import intern
        signal(intern('wrong-number-of-arguments'), make_list([intern('propertize'),
                                                              len(properties) + 1]))
    pairs = []
    for k in range(len(properties) - 2, -1, -2):
        pairs.append((properties[k], properties[k + 1]))
    mb = is_multibyte(string)
    ivs = [(a, b, _reversed_plist(p)) for a, b, p in _full_intervals(string)]
    result = PropStr(str.__str__(string), ivs, mb)
    if pairs and len(string):
        _modify(0, len(string), result, _adder(pairs))
    return result


@defun("text-properties-at")
def text_properties_at(position, object=NIL):
    """Return the list of properties of the character at POSITION in OBJECT."""
    if _is_buffer_object(object):
        return NIL
    if not isinstance(object, str):
        wrong_type('buffer-or-string-p', object)
    _check_pos(object, position)
    return _props_at(object, position)


@defun("get-text-property")
def get_text_property(position, prop, object=NIL):
    """Return the value of POSITION's property PROP, in OBJECT."""
    return _plist_get(text_properties_at(position, object), prop)


@defun("get-char-property")
def get_char_property(position, prop, object=NIL):
    """Return the value of POSITION's property PROP (text properties only here)."""
    return get_text_property(position, prop, object)


@defun("put-text-property")
def put_text_property(start, end, property, value, object=NIL):
    """Set one property of the text from START to END."""
    _modify(start, end, object, _adder([(property, value)]))
    return NIL


@defun("add-text-properties")
def add_text_properties(start, end, properties, object=NIL):
    """Add properties to the text from START to END."""
    return _modify(start, end, object, _adder(_plist_pairs(properties)))


@defun("set-text-properties")
def set_text_properties(start, end, properties, object=NIL):
    """Completely replace properties of text from START to END."""
    if object.__class__ is not PropStr and properties is NIL:
        if isinstance(object, str):
            _check_string_range(object, start, end)
        return T if isinstance(object, str) else NIL
    _modify(start, end, object, _adder(_plist_pairs(properties), replace_all=True))
    return T


@defun("add-face-text-property")
def add_face_text_property(start, end, face, append=NIL, object=NIL):
    """Combine FACE with any existing faces from START to END."""
    from ..lisp import intern
    Qface = intern('face')

    def change(plist):
        old = _plist_get(plist, Qface)
        if old is NIL:
            new = face
        else:
            old_l = list_to_python(old) if old.__class__ is Cons and not _plist_like_face(old) else [old]
            new = make_list(old_l + [face] if append is not NIL else [face] + old_l)
        return _adder([(Qface, new)])(plist)
    _modify(start, end, object, change)
    return NIL


def _plist_like_face(x):
    from ..lisp import Symbol
    return x.__class__ is Cons and x.car.__class__ is Symbol and x.car.name.startswith(':')


@defun("remove-text-properties")
def remove_text_properties(start, end, properties, object=NIL):
    """Remove some properties from text from START to END."""
    props = [k for k, _ in _plist_pairs(properties)]
    return _modify(start, end, object, _remover(props))


@defun("remove-list-of-text-properties")
def remove_list_of_text_properties(start, end, list_of_properties, object=NIL):
    """Remove some properties from text from START to END."""
    return _modify(start, end, object, _remover(list_to_python(list_of_properties)))


def _intervals_or_empty(obj):
    if _is_buffer_object(obj):
        return None
    if not isinstance(obj, str):
        wrong_type('buffer-or-string-p', obj)
    return _full_intervals(obj)


@defun("next-single-property-change")
def next_single_property_change(position, prop, object=NIL, limit=NIL):
    """Return the position of next property change for a specific property."""
    ivs = _intervals_or_empty(object)
    if ivs is None:
        return limit
    _check_pos(object, position)
    here = _plist_get(_props_at(object, position), prop)
    for a, b, p in ivs:
        if a > position and _plist_get(p, prop) is not here:
            if limit is not NIL and a >= limit:
                return limit
            return a
    return limit


@defun("next-property-change")
def next_property_change(position, object=NIL, limit=NIL):
    """Return the position of next property change."""
    ivs = _intervals_or_empty(object)
    if ivs is None:
        return limit
    _check_pos(object, position)
    here = _props_at(object, position)
    from .fns import equal_p
    for a, b, p in ivs:
        if a > position and not _plist_equal(p, here):
            if limit is not NIL and a >= limit:
                return limit
            return a
    return limit


def _plist_equal(p1, p2):
    a = _plist_pairs(p1)
    b = _plist_pairs(p2)
    if len(a) != len(b):
        return False
    for k, v in a:
        if not any(k2 is k and v2 is v for k2, v2 in b):
            return False
    return True


@defun("previous-single-property-change")
def previous_single_property_change(position, prop, object=NIL, limit=NIL):
    """Return the position of previous property change for a specific property."""
    ivs = _intervals_or_empty(object)
    if ivs is None:
        return limit
    _check_pos(object, position)
    if position == 0:
        return limit
    here = _plist_get(_props_at(object, position - 1), prop)
    for a, b, p in reversed(ivs):
        if b < position and _plist_get(p, prop) is not here:
            if limit is not NIL and b <= limit:
                return limit
            return b
    return limit


@defun("previous-property-change")
def previous_property_change(position, object=NIL, limit=NIL):
    """Return the position of previous property change."""
    ivs = _intervals_or_empty(object)
    if ivs is None:
        return limit
    _check_pos(object, position)
    if position == 0:
        return limit
    here = _props_at(object, position - 1)
    for a, b, p in reversed(ivs):
        if b < position and not _plist_equal(p, here):
            if limit is not NIL and b <= limit:
                return limit
            return b
    return limit


@defun("text-property-any")
def text_property_any(start, end, property, value, object=NIL):
    """Check text from START to END for property PROPERTY equaling VALUE."""
    if _is_buffer_object(object):
        return NIL
    start, end = _check_string_range(object, start, end)
    for a, b, p in _full_intervals(object):
        if b > start and a < end and _plist_get(p, property) is value:
            return max(a, start)
    return NIL


@defun("text-property-not-all")
def text_property_not_all(start, end, property, value, object=NIL):
    """Check text from START to END for property PROPERTY not equaling VALUE."""
    if _is_buffer_object(object):
        return NIL
    start, end = _check_string_range(object, start, end)
    for a, b, p in _full_intervals(object):
        if b > start and a < end and _plist_get(p, property) is not value:
            return max(a, start)
    return NIL


def _normalize(form, string):
    if not isinstance(string, str):
        wrong_type('stringp', string)
    return unicodedata.normalize(form, str.__str__(string))


@defun("ucs-normalize-NFC-string")
def ucs_normalize_nfc_string(string):
    """Normalize STRING to Unicode NFC."""
    return _normalize('NFC', string)


@defun("ucs-normalize-NFD-string")
def ucs_normalize_nfd_string(string):
    """Normalize STRING to Unicode NFD."""
    return _normalize('NFD', string)


@defun("ucs-normalize-NFKC-string")
def ucs_normalize_nfkc_string(string):
    """Normalize STRING to Unicode NFKC."""
    return _normalize('NFKC', string)


@defun("ucs-normalize-NFKD-string")
def ucs_normalize_nfkd_string(string):
    """Normalize STRING to Unicode NFKD."""
    return _normalize('NFKD', string)


def concat_with_properties(parts):
    """Concatenate PARTS (strings), keeping the intervals of those that have them."""
    from .fns import concat_strings
    text = concat_strings(parts)
    ivs = []
    pos = 0
    for part in parts:
        n = len(part)
        if part.__class__ is PropStr:
            for a, b, p in _full_intervals(part):
                if p is not NIL:
                    ivs.append((pos + a, pos + b, _reversed_plist(p)))
        pos += n
    if not ivs:
        return text
    return PropStr(str.__str__(text), ivs, is_multibyte(text))


def substring_with_properties(string, start, end):
    """The substring of STRING from START to END, with its properties."""
    text = str.__str__(string)[start:end]
    ivs = []
    for a, b, p in _full_intervals(string):
        a2, b2 = max(a, start), min(b, end)
        if a2 < b2 and p is not NIL:
            ivs.append((a2 - start, b2 - start, _reversed_plist(p)))
    if not ivs:
        mb = string.multibyte
        if mb is None or mb == (not text.isascii()):
            return text
        from ..lisp import MultibyteStr
        return MultibyteStr(text) if mb else text
    return PropStr(text, ivs, string.multibyte)
