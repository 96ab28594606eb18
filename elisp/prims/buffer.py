"""Buffers and markers (Emacs's buffer.c, marker.c, insdel.c and the buffer half of editfns.c).

Positions are 1-based character positions as in Emacs.  Text lives in a
BufferText (a gap buffer over string chunks) so that inserting at point is
amortised O(length of insertion).
"""

from ..defun import defun, defvar
from ..lisp import (Cons, Symbol, NIL, T, UNBOUND, UnibyteStr, intern, make_list, list_,
                    list_to_python, code_char, string_char_code, is_multibyte)
from ..errors import LispSignal, Q, error, wrong_type, args_out_of_range, signal
from ..variables import state, symbol_value, set_value, make_localized, symbol_value_or_unbound


class BufferText:
    """Text with a gap: `before` chunks (joined lazily) + `after` string.

    Insertion at the gap appends a chunk; moving the gap forward or deleting
    after it copies only the text after the gap.  `string()` joins everything
    once per change, for the regexp engine.
    """
    __slots__ = ('before', 'before_len', 'after', '_joined')

    def __init__(self):
        self.before = []
        self.before_len = 0
        self.after = ''
        self._joined = ''

    def __len__(self):
        return self.before_len + len(self.after)

    def string(self):
        """The whole text as one Python string (cached until the next change)."""
        j = self._joined
        if j is None:
            b = ''.join(self.before)
            self.before = [b]
            j = self._joined = b + self.after
        return j

    def _move_gap(self, pos):
        """Put the gap at 0-based index POS."""
        bl = self.before_len
        if pos == bl:
            return
        if pos > bl:
            k = pos - bl
            a = self.after
            self.before.append(a[:k])
            self.after = a[k:]
        else:
            j = self._joined
            if j is not None:
                self.before = [j[:pos]]
                self.after = j[pos:]
            else:
                b = ''.join(self.before)
                self.before = [b[:pos]]
                self.after = b[pos:] + self.after
        self.before_len = pos

    def insert(self, pos, s):
        if not s:
            return
        if pos != self.before_len:
            self._move_gap(pos)
        self.before.append(s)
        self.before_len += len(s)
        self._joined = None

    def delete(self, start, end):
        if start >= end:
            return
        bl = self.before_len
        if start >= bl:
            a = self.after
            k = start - bl
            if k:
                self.before.append(a[:k])
            self.after = a[k + end - start:]
        else:
            j = self.string()
            self.before = [j[:start]]
            self.after = j[end:]
        self.before_len = start
        self._joined = None

    def substring(self, start, end):
        j = self._joined
        if j is not None:
            return j[start:end]
        bl = self.before_len
        if start >= bl:
            return self.after[start - bl:end - bl]
        last = self.before[-1]
        if start >= bl - len(last) and end <= bl:
            base = bl - len(last)
            return last[start - base:end - base]
        return self.string()[start:end]

    def char(self, index):
        """The character at 0-based INDEX, joining as little as possible."""
        bl = self.before_len
        if index >= bl:
            return self.after[index - bl]
        j = self._joined
        if j is not None:
            return j[index]
        before = self.before
        last = before[-1]
        k = index - (bl - len(last))
        if k >= 0:
            return last[k]
        return self.string()[index]


class Marker:
    __slots__ = ('buffer', 'charpos', 'insertion_type')
    lisp_type = 'marker'

    def __init__(self):
        self.buffer = None
        self.charpos = None
        self.insertion_type = False

    def marker_position(self):
        return self.charpos if self.buffer is not None else None

    def lisp_equal(self, other):
        if other.__class__ is not Marker or self.buffer is not other.buffer:
            return False
        return self.buffer is None or self.charpos == other.charpos

    def set(self, buffer, pos):
        if self.buffer is not None and self.buffer is not buffer:
            self.buffer.markers.discard(self)
        if buffer is None:
            self.buffer = None
            self.charpos = None
            return
        self.buffer = buffer
        buffer.markers.add(self)
        self.charpos = max(1, min(pos, len(buffer.text) + 1))

    def lisp_print(self, printer):
        if self.buffer is None or not self.buffer.live:
            printer.out.append('#<marker in no buffer>')
        else:
            extra = '(moves after insertion) ' if self.insertion_type else ''
            printer.out.append('#<marker %sat %d in %s>' % (extra, self.charpos, self.buffer.name))

    def print_insert(self, text):
        buf = self.buffer
        if buf is None:
            error('Marker does not point anywhere')
        old = state.current_buffer
        set_buffer_internal(buf)
        saved_pt = buf.pt
        pos = self.charpos
        try:
            buf.pt = pos
            insert_text(buf, text)
            self.charpos = pos + len(text)
        finally:
            buf.pt = saved_pt + len(text) if saved_pt > pos else saved_pt
            set_buffer_internal(old)


class Buffer:
    lisp_type = 'buffer'
    syntax_table = None     # a SyntaxTable once `set-syntax-table' gives one

    def __init__(self, name):
        self.name = name
        self.text = BufferText()
        self.pt = 1
        self.begv = 1
        self.zv_marker = None
        self._narrowed = False
        self.zv_fixed = None
        self.markers = set()
        self.local_vars = {}
        self.live = True
        self.multibyte = True
        self.modified = False
        self.modiff = 1
        self.chars_modiff = 1
        self.save_modiff = 1
        self.mark = Marker()
        self.inhibit_hooks = False
        self.undo_list = NIL
        self.last_window_start = 1
        self._stext = self._stext_src = self._stext_bounds = None

    @property
    def z(self):
        return len(self.text) + 1

    @property
    def zv(self):
        if self.zv_fixed is None:
            t = self.text
            return t.before_len + len(t.after) + 1
        return self.zv_fixed.charpos

    def text_between(self, start, end):
        return self.text.substring(start - 1, end - 1)

    def search_text(self):
        """The accessible portion as one string (cached until text or bounds change)."""
        t = self.text._joined
        if t is None:
            t = self.text.string()
        if self.zv_fixed is None and self.begv == 1:
            return t
        begv = self.begv
        zv = self.zv
        if self._stext_src is t and self._stext_bounds == (begv, zv):
            return self._stext
        self._stext = t[begv - 1:zv - 1]
        self._stext_src = t
        self._stext_bounds = (begv, zv)
        return self._stext

    def char_at(self, pos):
        """Character code at POS (1-based)."""
        c = ord(self.text.char(pos - 1))
        if 0xDC80 <= c <= 0xDCFF:
            return c - 0xDC00 + (0 if not self.multibyte else 0x3FFF00)
        return c

    def lisp_print(self, printer):
        if self.live:
            printer.out.append('#<buffer %s>' % self.name)
        else:
            printer.out.append('#<killed buffer>')

    def print_insert(self, text):
        old = state.current_buffer
        set_buffer_internal(self)
        try:
            insert_text(self, text)
        finally:
            set_buffer_internal(old)


_buffers = []          # live buffers, in buffer-list order


def buffer_list():
    return _buffers


def set_buffer_internal(buf):
    state.current_buffer = buf


def check_buffer_live(buf):
    if not buf.live:
        error('Selecting deleted buffer')


def resolve_buffer(buffer_or_name, must_exist=True):
    """A live buffer from a buffer or name (nil: current buffer)."""
    if buffer_or_name is NIL:
        return state.current_buffer
    if buffer_or_name.__class__ is Buffer:
        return buffer_or_name
    if isinstance(buffer_or_name, str):
        buf = get_buffer(buffer_or_name)
        if buf is NIL:
            if must_exist:
                error('No such buffer %s' % buffer_or_name)
            return None
        return buf
    wrong_type('stringp', buffer_or_name)


def insert_text(buf, s, before_markers=False, inherit=False):
    """Insert S at point in BUF, moving markers as Emacs does."""
    if not s:
        return
    check_read_only(buf)
    pos = buf.pt
    n = len(s)
    buf.text.insert(pos - 1, s if s.__class__ is str else str(s))
    for m in buf.markers:
        c = m.charpos
        if c is not None and (c > pos or (c == pos and (m.insertion_type or before_markers))):
            m.charpos = c + n
    buf.pt = pos + n
    _modified(buf)


def check_read_only(buf):
    ro = buf.local_vars.get(Vbuffer_read_only, NIL)
    if ro is not NIL and symbol_value_or_unbound(Vinhibit_read_only) in (NIL, UNBOUND):
        signal(Q('buffer-read-only'), list_(buf))


def _modified(buf):
    buf.modiff += 1
    buf.chars_modiff = buf.modiff
    buf.modified = True


def delete_text(buf, start, end):
    """Delete the text between START and END (1-based, START <= END)."""
    if start >= end:
        return
    check_read_only(buf)
    buf.text.delete(start - 1, end - 1)
    n = end - start
    for m in buf.markers:
        if m.charpos is None:
            continue
        if m.charpos >= end:
            m.charpos -= n
        elif m.charpos > start:
            m.charpos = start
    if buf.pt >= end:
        buf.pt -= n
    elif buf.pt > start:
        buf.pt = start
    _modified(buf)


Vbuffer_read_only = defvar('buffer-read-only', NIL)
Vinhibit_read_only = defvar('inhibit-read-only', NIL)
for _name, _val in (('buffer-read-only', NIL), ('buffer-file-name', NIL),
                    ('default-directory', None), ('major-mode', intern('fundamental-mode')),
                    ('mode-name', 'Fundamental'), ('case-fold-search', T),
                    ('buffer-undo-list', NIL), ('fill-column', 70), ('tab-width', 8),
                    ('truncate-lines', NIL), ('enable-multibyte-characters', T),
                    ('buffer-file-coding-system', intern('utf-8-unix')),
                    ('indent-tabs-mode', T), ('left-margin', 0), ('local-abbrev-table', NIL),
                    ('buffer-saved-size', 0), ('mark-active', NIL), ('point-before-scroll', NIL),
                    ('buffer-display-table', NIL), ('buffer-invisibility-spec', T),
                    ('selective-display', NIL), ('ctl-arrow', T), ('cursor-type', T),
                    ('line-spacing', NIL), ('syntax-table', NIL), ('buffer-display-count', 0),
                    ('buffer-display-time', NIL), ('buffer-auto-save-file-name', NIL),
                    ('buffer-backed-up', NIL), ('local-minor-modes', NIL)):
    _sym = intern(_name)
    if _val is None:
        import os
        _val = os.getcwd().rstrip('/') + '/'
    _sym.val = _val
    _sym.special = True
    make_localized(_sym, True)


_window_buffer = [None]     # the buffer shown in the (only) window


def _initial_buffers():
    scratch = Buffer('*scratch*')
    _window_buffer[0] = scratch
    _buffers.append(scratch)
    state.current_buffer = scratch
    messages = Buffer('*Messages*')
    _buffers.append(messages)
    scratch.local_vars[intern('major-mode')] = intern('lisp-interaction-mode')


_initial_buffers()


# ---------------------------------------------------------------- primitives

@defun('current-buffer')
def current_buffer():
    """Return the current buffer as a Lisp object."""
    return state.current_buffer


@defun('set-buffer')
def set_buffer(buffer_or_name):
    """Make buffer BUFFER-OR-NAME current for editing operations."""
    buf = get_buffer(buffer_or_name)
    if buf is NIL:
        error('No buffer named %s' % buffer_or_name)
    if not buf.live:
        error('Selecting deleted buffer')
    set_buffer_internal(buf)
    return buf


@defun('get-buffer')
def get_buffer(buffer_or_name):
    """Return the buffer named BUFFER-OR-NAME."""
    if buffer_or_name.__class__ is Buffer:
        return buffer_or_name
    if not isinstance(buffer_or_name, str):
        wrong_type('stringp', buffer_or_name)
    for b in _buffers:
        if b.name == buffer_or_name:
            return b
    return NIL


@defun('get-buffer-create')
def get_buffer_create(buffer_or_name, inhibit_buffer_hooks=NIL):
    """Return the buffer specified by BUFFER-OR-NAME, creating a new one if needed."""
    buf = get_buffer(buffer_or_name)
    if buf is not NIL:
        return buf
    if buffer_or_name == '':
        error('Empty string for buffer name is not allowed')
    buf = Buffer(str(buffer_or_name))
    buf.inhibit_hooks = inhibit_buffer_hooks is not NIL
    _buffers.append(buf)
    return buf


@defun('generate-new-buffer-name')
def generate_new_buffer_name(name, ignore=NIL):
    """Return a string that is the name of no existing buffer based on NAME."""
    if not isinstance(name, str):
        wrong_type('stringp', name)
    if get_buffer(name) is NIL or (isinstance(ignore, str) and ignore == name):
        return name
    n = 2
    while True:
        cand = '%s<%d>' % (name, n)
        if (isinstance(ignore, str) and ignore == cand) or get_buffer(cand) is NIL:
            return cand
        n += 1


@defun('buffer-name')
def buffer_name(buffer=NIL):
    """Return the name of BUFFER, as a string."""
    buf = state.current_buffer if buffer is NIL else buffer
    if buf.__class__ is not Buffer:
        wrong_type('bufferp', buf)
    return buf.name if buf.live else NIL


@defun('rename-buffer')
def rename_buffer(newname, unique=NIL):
    """Change current buffer's name to NEWNAME (a string)."""
    if not isinstance(newname, str):
        wrong_type('stringp', newname)
    if newname == '':
        error('Empty string is invalid as a buffer name')
    buf = state.current_buffer
    other = get_buffer(newname)
    if other is not NIL and other is not buf:
        if unique is NIL:
            error('Buffer name \u2018%s\u2019 is in use' % newname)
        newname = generate_new_buffer_name(newname)
    buf.name = newname
    return newname


@defun('bufferp')
def bufferp(obj):
    """Return t if OBJECT is an editor buffer."""
    return T if obj.__class__ is Buffer else NIL


@defun('buffer-live-p')
def buffer_live_p(obj):
    """Return t if OBJECT is a buffer which has not been killed."""
    return T if obj.__class__ is Buffer and obj.live else NIL


@defun('buffer-list')
def buffer_list_(frame=NIL):
    """Return a list of all live buffers."""
    return make_list(list(_buffers))


Vkill_buffer_hook = defvar('kill-buffer-hook', NIL)
# The value Emacs starts with (simple.el adds the process query when it is dumped).
Vkill_buffer_query_functions = defvar('kill-buffer-query-functions',
                                      list_(intern('process-kill-buffer-query-function')))


@defun('kill-buffer')
def kill_buffer(buffer_or_name=NIL):
    """Kill the buffer specified by BUFFER-OR-NAME."""
    if buffer_or_name is NIL:
        buf = state.current_buffer
    else:
        buf = get_buffer(buffer_or_name)
        if buf is NIL:
            error('No such buffer')
    if not buf.live:
        return NIL
    from .eval import run_hook_with_args_until_failure, run_hooks
    old = state.current_buffer
    set_buffer_internal(buf)
    try:
        if not buf.inhibit_hooks:
            if run_hook_with_args_until_failure(Vkill_buffer_query_functions) is NIL:
                return NIL
            run_hooks(Vkill_buffer_hook)
    finally:
        set_buffer_internal(old if old.live else buf)
    for hook in _kill_buffer_hooks:
        hook(buf)
    buf.live = False
    if buf in _buffers:
        _buffers.remove(buf)
    for m in list(buf.markers):
        m.buffer = None
        m.charpos = None
    buf.markers.clear()
    if state.current_buffer is buf:
        # like `other-buffer': a visible buffer only as a last resort
        others = [b for b in _buffers if not b.name.startswith(' ')] or _buffers
        hidden = [b for b in others if b is not _window_buffer[0]]
        others = hidden or others
        if not others:
            others = [get_buffer_create('*scratch*')]
        set_buffer_internal(others[0])
    return T


_kill_buffer_hooks = []     # Python callbacks (e.g. processes) run when a buffer dies


@defun('buffer-string')
def buffer_string():
    """Return the contents of the current buffer as a string."""
    buf = state.current_buffer
    return _buffer_substring(buf, buf.begv, buf.zv)


def _buffer_substring(buf, start, end):
    s = buf.text_between(start, end)
    if not buf.multibyte:
        return UnibyteStr(s)
    return s


def check_region(buf, start, end):
    """Validate positions START and END; return them ordered."""
    s = start if start.__class__ is int else _pos_arg(start)
    e = end if end.__class__ is int else _pos_arg(end)
    if s > e:
        s, e = e, s
    if not (buf.begv <= s and e <= buf.zv):
        args_out_of_range(buf, start, end)
    return s, e


@defun('buffer-substring')
def buffer_substring(start, end):
    """Return the contents of part of the current buffer as a string."""
    buf = state.current_buffer
    if start.__class__ is int and end.__class__ is int and start <= end and buf.multibyte:
        t = buf.text
        j = t._joined
        zf = buf.zv_fixed
        if buf.begv <= start and end <= (t.before_len + len(t.after) + 1 if zf is None
                                         else zf.charpos):
            return j[start - 1:end - 1] if j is not None else t.substring(start - 1, end - 1)
    s, e = check_region(buf, start, end)
    return _buffer_substring(buf, s, e)


@defun('buffer-substring-no-properties')
def buffer_substring_no_properties(start, end):
    """Return the characters of part of the buffer, without the text properties."""
    return buffer_substring(start, end)


@defun('insert')
def insert(*args):
    """Insert the arguments, either strings or characters, at point."""
    buf = state.current_buffer
    if len(args) == 1 and args[0].__class__ is str and not buf.markers:
        # One plain string, no markers to relocate: append it at the gap.
        s = args[0]
        if s and buf.local_vars.get(Vbuffer_read_only, NIL) is NIL:
            t = buf.text
            pos = buf.pt - 1
            if pos != t.before_len:
                t._move_gap(pos)
            t.before.append(s)
            n = len(s)
            t.before_len += n
            t._joined = None
            buf.pt = pos + 1 + n
            m = buf.modiff = buf.modiff + 1
            buf.chars_modiff = m
            buf.modified = True
            return NIL
    for a in args:
        insert_text(buf, _insertion_text(a))
    return NIL


def _insertion_text(a):
    if isinstance(a, str):
        return a
    if a.__class__ is int and 0 <= a <= 0x3FFFFF:
        return code_char(a)
    wrong_type('char-or-string-p', a)


@defun('insert-before-markers')
def insert_before_markers(*args):
    """Insert strings or characters at point, relocating markers after the text."""
    buf = state.current_buffer
    for a in args:
        insert_text(buf, _insertion_text(a), before_markers=True)
    return NIL


@defun('insert-and-inherit')
def insert_and_inherit(*args):
    """Insert the arguments at point, inheriting properties from adjoining text."""
    return insert(*args)


@defun('insert-before-markers-and-inherit')
def insert_before_markers_and_inherit(*args):
    """Insert text at point, relocating markers and inheriting properties."""
    return insert_before_markers(*args)


@defun('point')
def point():
    """Return value of point, as an integer."""
    return state.current_buffer.pt


@defun('point-min')
def point_min():
    """Return the minimum permissible value of point in the current buffer."""
    return state.current_buffer.begv


@defun('point-max')
def point_max():
    """Return the maximum permissible value of point in the current buffer."""
    return state.current_buffer.zv


@defun('buffer-size')
def buffer_size(buffer=NIL):
    """Return the number of characters in the current buffer."""
    buf = state.current_buffer if buffer is NIL else buffer
    return len(buf.text)


@defun('goto-char')
def goto_char(position):
    """Set point to POSITION, a number or marker."""
    buf = state.current_buffer
    if position.__class__ is int:
        pos = position
    elif position.__class__ is Marker:
        if position.buffer is None:
            error('Marker does not point anywhere')
        pos = position.charpos
    else:
        wrong_type('integer-or-marker-p', position)
    if pos < buf.begv:
        pos = buf.begv
    else:
        zv = buf.zv
        if pos > zv:
            pos = zv
    buf.pt = pos
    return position


@defun('erase-buffer')
def erase_buffer():
    """Delete the entire contents of the current buffer."""
    buf = state.current_buffer
    widen()
    delete_text(buf, 1, buf.z)
    return NIL


@defun('delete-region')
def delete_region(start, end):
    """Delete the text between START and END."""
    buf = state.current_buffer
    s, e = check_region(buf, start, end)
    delete_text(buf, s, e)
    return NIL


@defun('char-after')
def char_after(pos=NIL):
    """Return character in current buffer at position POS."""
    buf = state.current_buffer
    if pos is NIL:
        p = buf.pt
    elif pos.__class__ is Marker:
        p = pos.charpos
        if p is None:
            return NIL
    elif pos.__class__ is int:
        p = pos
    else:
        wrong_type('integer-or-marker-p', pos)
    if p < buf.begv or p >= buf.zv:
        return NIL
    return buf.char_at(p)


@defun('char-before')
def char_before(pos=NIL):
    """Return character in current buffer preceding position POS."""
    buf = state.current_buffer
    if pos is NIL:
        p = buf.pt
    elif pos.__class__ is Marker:
        p = pos.charpos
        if p is None:
            return NIL
    elif pos.__class__ is int:
        p = pos
    else:
        wrong_type('integer-or-marker-p', pos)
    if p <= buf.begv or p > buf.zv:
        return NIL
    return buf.char_at(p - 1)


@defun('narrow-to-region')
def narrow_to_region(start, end):
    """Restrict editing in this buffer to the current region."""
    buf = state.current_buffer
    from .data import check_integer
    s = check_integer(start)
    e = check_integer(end)
    if s > e:
        s, e = e, s
    if not (1 <= s and e <= buf.z):
        args_out_of_range(start, end)
    buf.begv = s
    if buf.zv_fixed is not None:
        buf.markers.discard(buf.zv_fixed)
    m = Marker()
    m.set(buf, e)
    m.insertion_type = True
    buf.zv_fixed = m
    if buf.pt < s:
        buf.pt = s
    if buf.pt > e:
        buf.pt = e
    return NIL


@defun('widen')
def widen():
    """Remove restrictions (narrowing) from current buffer."""
    buf = state.current_buffer
    buf.begv = 1
    if buf.zv_fixed is not None:
        buf.markers.discard(buf.zv_fixed)
    buf.zv_fixed = None
    return NIL


@defun('buffer-modified-p')
def buffer_modified_p(buffer=NIL):
    """Return non-nil if BUFFER was modified since its file was last read or saved."""
    buf = state.current_buffer if buffer is NIL else buffer
    return T if buf.modified else NIL


@defun('set-buffer-modified-p')
def set_buffer_modified_p(flag):
    """Mark current buffer as modified or unmodified according to FLAG."""
    state.current_buffer.modified = flag is not NIL
    return flag


@defun('restore-buffer-modified-p')
def restore_buffer_modified_p(flag):
    """Like `set-buffer-modified-p' but doesn't redisplay buffer's mode line."""
    return set_buffer_modified_p(flag)


@defun('buffer-modified-tick')
def buffer_modified_tick(buffer=NIL):
    """Return BUFFER's tick counter, incremented for each change in text."""
    buf = state.current_buffer if buffer is NIL else buffer
    return buf.modiff


@defun('buffer-chars-modified-tick')
def buffer_chars_modified_tick(buffer=NIL):
    """Return BUFFER's character-change tick counter."""
    buf = state.current_buffer if buffer is NIL else buffer
    return buf.chars_modiff


@defun('set-buffer-multibyte')
def set_buffer_multibyte(flag):
    """Set the multibyte flag of the current buffer to FLAG."""
    buf = state.current_buffer
    buf.multibyte = flag is not NIL
    buf.local_vars[intern('enable-multibyte-characters')] = T if buf.multibyte else NIL
    return flag


@defun('buffer-local-variables')
def buffer_local_variables(buffer=NIL):
    """Return an alist of variables that are buffer-local in BUFFER."""
    buf = state.current_buffer if buffer is NIL else buffer
    out = []
    for sym, val in buf.local_vars.items():
        out.append(sym if val is UNBOUND else Cons(sym, val))
    return make_list(out)


@defun('kill-all-local-variables')
def kill_all_local_variables(kill_permanent=NIL):
    """Switch to Fundamental mode by killing current buffer's local variables."""
    from .data import get
    buf = state.current_buffer
    keep = {}
    for sym, val in buf.local_vars.items():
        if get(sym, intern('permanent-local')) is not NIL and kill_permanent is NIL:
            keep[sym] = val
    buf.local_vars = keep
    buf.syntax_table = None
    return NIL


# ---------------------------------------------------------------- markers

@defun('markerp')
def markerp(obj):
    """Return t if OBJECT is a marker (editor pointer)."""
    return T if obj.__class__ is Marker else NIL


@defun('make-marker')
def make_marker():
    """Return a newly allocated marker which does not point at any place."""
    return Marker()


@defun('point-marker')
def point_marker():
    """Return value of point, as a marker object."""
    m = Marker()
    m.set(state.current_buffer, state.current_buffer.pt)
    return m


@defun('point-min-marker')
def point_min_marker():
    """Return a marker to the minimum permissible value of point in this buffer."""
    m = Marker()
    m.set(state.current_buffer, state.current_buffer.begv)
    return m


@defun('point-max-marker')
def point_max_marker():
    """Return a marker to the maximum permissible value of point in this buffer."""
    m = Marker()
    m.set(state.current_buffer, state.current_buffer.zv)
    return m


@defun('marker-position')
def marker_position(marker):
    """Return the position of MARKER, or nil if it points nowhere."""
    if marker.__class__ is not Marker:
        wrong_type('markerp', marker)
    return NIL if marker.buffer is None else marker.charpos


@defun('marker-buffer')
def marker_buffer(marker):
    """Return the buffer that MARKER points into, or nil if none."""
    if marker.__class__ is not Marker:
        wrong_type('markerp', marker)
    return NIL if marker.buffer is None else marker.buffer


@defun('marker-insertion-type')
def marker_insertion_type(marker):
    """Return insertion type of MARKER: t if it stays after inserted text."""
    if marker.__class__ is not Marker:
        wrong_type('markerp', marker)
    return T if marker.insertion_type else NIL


@defun('set-marker-insertion-type')
def set_marker_insertion_type(marker, type_):
    """Set the insertion-type of MARKER to TYPE."""
    if marker.__class__ is not Marker:
        wrong_type('markerp', marker)
    marker.insertion_type = type_ is not NIL
    return type_


@defun('set-marker')
def set_marker(marker, position, buffer=NIL):
    """Position MARKER before character number POSITION in BUFFER."""
    if marker.__class__ is not Marker:
        wrong_type('markerp', marker)
    if position is NIL:
        marker.set(None, None)
        return marker
    if buffer is not NIL and buffer.__class__ is not Buffer:
        wrong_type('bufferp', buffer)
    buf = state.current_buffer if buffer is NIL else buffer
    if not buf.live:
        marker.set(None, None)
        return marker
    if position.__class__ is Marker:
        if position.buffer is None:
            error('Marker does not point anywhere')
        pos = position.charpos
    elif position.__class__ is int:
        pos = position
    else:
        wrong_type('integer-or-marker-p', position)
    marker.set(buf, pos)
    return marker


@defun('move-marker')
def move_marker(marker, position, buffer=NIL):
    """Position MARKER before character number POSITION in BUFFER."""
    return set_marker(marker, position, buffer)


@defun('copy-marker')
def copy_marker(marker=NIL, type_=NIL):
    """Return a new marker pointing at the same place as MARKER."""
    m = Marker()
    m.insertion_type = type_ is not NIL
    if marker is NIL:
        return m
    if marker.__class__ is Marker:
        if marker.buffer is not None:
            m.set(marker.buffer, marker.charpos)
        return m
    if marker.__class__ is int:
        m.set(state.current_buffer, marker)
        return m
    wrong_type('integer-or-marker-p', marker)


@defun('mark-marker')
def mark_marker():
    """Return this buffer's mark, as a marker object."""
    return state.current_buffer.mark


@defun('buffer-has-markers-at')
def buffer_has_markers_at(position):
    """Return t if there are markers pointing at POSITION in the current buffer."""
    return T if any(m.charpos == position for m in state.current_buffer.markers) else NIL


# ---------------------------------------------------------------- save-excursion & co

def save_excursion_save():
    buf = state.current_buffer
    m = Marker()
    m.set(buf, buf.pt)
    return (buf, m)


def save_excursion_restore(saved):
    buf, m = saved
    if not buf.live:
        return
    set_buffer_internal(buf)
    if m.buffer is buf:
        buf.pt = max(buf.begv, min(m.charpos, buf.zv))
    buf.markers.discard(m)


def save_restriction_save():
    buf = state.current_buffer
    if buf.zv_fixed is None and buf.begv == 1:
        return (buf, None, None)
    b = Marker()
    b.set(buf, buf.begv)
    e = Marker()
    e.set(buf, buf.zv)
    e.insertion_type = True
    return (buf, b, e)


def save_restriction_restore(saved):
    buf, b, e = saved
    if not buf.live:
        return
    if b is None:
        buf.begv = 1
        if buf.zv_fixed is not None:
            buf.markers.discard(buf.zv_fixed)
        buf.zv_fixed = None
        return
    buf.begv = b.charpos
    if buf.zv_fixed is not None:
        buf.markers.discard(buf.zv_fixed)
    m = Marker()
    m.set(buf, e.charpos)
    m.insertion_type = True
    buf.zv_fixed = m
    buf.markers.discard(b)
    buf.markers.discard(e)
    buf.pt = max(buf.begv, min(buf.pt, buf.zv))


# ---------------------------------------------------------------- lines and motion

def _pos_arg(pos):
    if pos.__class__ is int:
        return pos
    if pos.__class__ is Marker:
        if pos.buffer is None:
            error('Marker does not point anywhere')
        return pos.charpos
    wrong_type('integer-or-marker-p', pos)


def _count_arg(n):
    if n is NIL:
        return 1
    if n.__class__ is not int:
        wrong_type('fixnump', n)
    return n


def forward_view(buf, pt):
    """(TEXT, OFF): a string holding the accessible text from PT on, TEXT[0] being
    at position OFF; avoids joining the buffer when the gap is before PT."""
    bt = buf.text
    bl = bt.before_len
    if bt._joined is None and buf.begv - 1 <= bl < pt and buf.zv_fixed is None:
        return bt.after, bl + 1
    return buf.search_text(), buf.begv


def scan_lines(buf, pt, n):
    """Where `forward-line' N from PT lands, and the shortage it reports."""
    if n > 0:
        text, off = forward_view(buf, pt)
    else:
        text = buf.search_text()
        off = buf.begv
    i = pt - off
    if n > 0:
        found = 0
        find = text.find
        while found < n:
            j = find('\n', i)
            if j < 0:
                i = len(text)
                break
            i = j + 1
            found += 1
        shortage = n - found
        if shortage > 0 and i + off != pt and text[i - 1] != '\n':
            shortage -= 1
        return i + off, shortage
    need = 1 - n
    found = 0
    rfind = text.rfind
    while found < need:
        j = rfind('\n', 0, i)
        if j < 0:
            i = 0
            break
        found += 1
        i = j
    if found == need:
        i += 1
    shortage = need - found
    if shortage > 0:
        shortage -= 1
    return i + off, -shortage


@defun('forward-line')
def forward_line(n=NIL):
    """Move N lines forward (backward if N is negative)."""
    buf = state.current_buffer
    if n is not NIL and n.__class__ is not int:
        wrong_type('integerp', n)
    newpt, shortage = scan_lines(buf, buf.pt, _count_arg(n))
    buf.pt = newpt
    return shortage


@defun('line-beginning-position')
def line_beginning_position(n=NIL):
    """Return the position of the first character in the current line/field."""
    buf = state.current_buffer
    if n is NIL:
        off = buf.begv
        return buf.search_text().rfind('\n', 0, buf.pt - off) + 1 + off
    if n.__class__ is not int:
        wrong_type('integerp', n)
    return scan_lines(buf, buf.pt, n - 1)[0]


@defun('line-end-position')
def line_end_position(n=NIL):
    """Return the position of the last character in the current line/field."""
    buf = state.current_buffer
    if n is NIL:
        text, off = forward_view(buf, buf.pt)
        j = text.find('\n', buf.pt - off)
        return buf.zv if j < 0 else j + off
    if n.__class__ is not int:
        wrong_type('integerp', n)
    return _line_end(buf, buf.pt, n)


def _line_end(buf, pt, n):
    text = buf.search_text()
    off = buf.begv
    i = pt - off
    if n >= 1:
        for _ in range(n):
            j = text.find('\n', i)
            if j < 0:
                return buf.zv
            i = j + 1
        return i - 1 + off
    for _ in range(1 - n):
        j = text.rfind('\n', 0, i)
        if j < 0:
            return buf.begv
        i = j
    return i + off


@defun('beginning-of-line')
def beginning_of_line(n=NIL):
    """Move point to beginning of current line (in the logical order)."""
    buf = state.current_buffer
    if n is not NIL and n.__class__ is not int:
        wrong_type('fixnump', n)
    buf.pt = line_beginning_position(n)
    return NIL


@defun('end-of-line')
def end_of_line(n=NIL):
    """Move point to end of current line (in the logical order)."""
    buf = state.current_buffer
    if n is not NIL and n.__class__ is not int:
        wrong_type('fixnump', n)
    buf.pt = line_end_position(n)
    return NIL


@defun('pos-bol')
def pos_bol(n=NIL):
    """Return the position of the first character on the current line."""
    return line_beginning_position(n)


@defun('pos-eol')
def pos_eol(n=NIL):
    """Return the position of the last character on the current line."""
    return line_end_position(n)


@defun('line-number-at-pos')
def line_number_at_pos(position=NIL, absolute=NIL):
    """Return the line number at POSITION in the current buffer."""
    buf = state.current_buffer
    if position is NIL:
        pos = buf.pt
    elif position.__class__ is int or position.__class__ is Marker:
        pos = _pos_arg(position)
    else:
        wrong_type('fixnump', position)
    start = 1 if absolute is not NIL else buf.begv
    if pos < start or pos > buf.zv:
        args_out_of_range(pos, start, buf.zv)
    t = buf.text.string()
    return t.count('\n', start - 1, pos - 1) + 1


@defun('bolp')
def bolp():
    """Return t if point is at the beginning of a line."""
    buf = state.current_buffer
    pt = buf.pt
    return T if pt == buf.begv or buf.text.char(pt - 2) == '\n' else NIL


@defun('eolp')
def eolp():
    """Return t if point is at the end of a line."""
    buf = state.current_buffer
    pt = buf.pt
    return T if pt == buf.zv or buf.text.char(pt - 1) == '\n' else NIL


@defun('bobp')
def bobp():
    """Return t if point is at the beginning of the buffer."""
    buf = state.current_buffer
    return T if buf.pt == buf.begv else NIL


@defun('eobp')
def eobp():
    """Return t if point is at the end of the buffer."""
    buf = state.current_buffer
    return T if buf.pt == buf.zv else NIL


def _move_point(n):
    buf = state.current_buffer
    new = buf.pt + n
    if new < buf.begv:
        buf.pt = buf.begv
        signal(Q('beginning-of-buffer'), NIL)
    if new > buf.zv:
        buf.pt = buf.zv
        signal(Q('end-of-buffer'), NIL)
    buf.pt = new
    return NIL


@defun('forward-char')
def forward_char(n=NIL):
    """Move point N characters forward (backward if N is negative)."""
    return _move_point(_count_arg(n))


@defun('backward-char')
def backward_char(n=NIL):
    """Move point N characters backward (forward if N is negative)."""
    return _move_point(-_count_arg(n))


@defun('following-char')
def following_char():
    """Return the character following point, as a number."""
    buf = state.current_buffer
    return 0 if buf.pt >= buf.zv else buf.char_at(buf.pt)


@defun('preceding-char')
def preceding_char():
    """Return the character preceding point, as a number."""
    buf = state.current_buffer
    return 0 if buf.pt <= buf.begv else buf.char_at(buf.pt - 1)


@defun('delete-char')
def delete_char(n, killflag=NIL):
    """Delete the following N characters (previous if N is negative)."""
    if n.__class__ is not int:
        wrong_type('fixnump', n)
    buf = state.current_buffer
    pos = buf.pt + n
    if n < 0:
        if pos < buf.begv:
            signal(Q('beginning-of-buffer'), NIL)
        delete_text(buf, pos, buf.pt)
    else:
        if pos > buf.zv:
            signal(Q('end-of-buffer'), NIL)
        delete_text(buf, buf.pt, pos)
    return NIL


@defun('insert-char')
def insert_char(character, count=NIL, inherit=NIL):
    """Insert COUNT copies of CHARACTER."""
    if character.__class__ is not int or not 0 <= character <= 0x3FFFFF:
        wrong_type('characterp', character)
    n = 1 if count is NIL else count
    if n.__class__ is not int:
        wrong_type('fixnump', n)
    if n > 0:
        insert_text(state.current_buffer, code_char(character) * n)
    return NIL


@defun('delete-and-extract-region')
def delete_and_extract_region(start, end):
    """Delete the text between START and END and return it."""
    buf = state.current_buffer
    s, e = check_region(buf, _pos_arg(start), _pos_arg(end))
    text = _buffer_substring(buf, s, e)
    delete_text(buf, s, e)
    return text


@defun('insert-buffer-substring')
def insert_buffer_substring(buffer, start=NIL, end=NIL):
    """Insert before point a substring of the contents of BUFFER."""
    src = get_buffer(buffer)
    if src is NIL:
        error('No buffer named %s' % buffer)
    if not src.live:
        error('Selecting deleted buffer')
    s = src.begv if start is NIL else _pos_arg(start)
    e = src.zv if end is NIL else _pos_arg(end)
    if s > e:
        s, e = e, s
    if not (src.begv <= s and e <= src.zv):
        args_out_of_range(start, end)
    insert_text(state.current_buffer, src.text_between(s, e))
    return NIL


@defun('compare-buffer-substrings')
def compare_buffer_substrings(buffer1, start1, end1, buffer2, start2, end2):
    """Compare two substrings of two buffers; return result as number."""
    from ..variables import symbol_value_or_unbound

    def region(b, s, e):
        buf = state.current_buffer if b is NIL else get_buffer(b)
        if buf is NIL:
            error('No buffer named %s' % b)
        s = buf.begv if s is NIL else _pos_arg(s)
        e = buf.zv if e is NIL else _pos_arg(e)
        if s > e:
            s, e = e, s
        if not (buf.begv <= s and e <= buf.zv):
            args_out_of_range(s, e)
        return buf.text_between(s, e)
    a = region(buffer1, start1, end1)
    b = region(buffer2, start2, end2)
    fold = symbol_value_or_unbound(intern('case-fold-search')) is not NIL
    for i in range(min(len(a), len(b))):
        x, y = a[i], b[i]
        if fold:
            x, y = x.lower(), y.lower()
        if x != y:
            return -(i + 1) if x < y else i + 1
    if len(a) < len(b):
        return -(len(a) + 1)
    if len(a) > len(b):
        return len(b) + 1
    return 0


@defun('subst-char-in-region')
def subst_char_in_region(start, end, fromchar, tochar, noundo=NIL):
    """From START to END, replace FROMCHAR with TOCHAR each time it occurs."""
    buf = state.current_buffer
    s, e = check_region(buf, _pos_arg(start), _pos_arg(end))
    for c in (fromchar, tochar):
        if c.__class__ is not int or not 0 <= c <= 0x3FFFFF:
            wrong_type('characterp', c)
    old = buf.text_between(s, e)
    f, t = code_char(fromchar), code_char(tochar)
    if f in old:
        new = old.replace(f, t)
        _replace_span(buf, s, e, new)
    return NIL


def _replace_span(buf, s, e, new):
    """Overwrite [S, E) with NEW (same length), keeping point and markers."""
    check_read_only(buf)
    text = buf.text
    whole = text.string()
    text.before = [whole[:s - 1] + new]
    text.before_len = s - 1 + len(new)
    text.after = whole[e - 1:]
    text._joined = None
    _modified(buf)


@defun('gap-position')
def gap_position():
    """Return the position of the gap, in the current buffer."""
    buf = state.current_buffer
    return buf.text.before_len + 1


@defun('gap-size')
def gap_size():
    """Return the size of the current buffer's gap."""
    return 0


@defun('position-bytes')
def position_bytes(position):
    """Return the byte position for character position POSITION."""
    buf = state.current_buffer
    pos = _pos_arg(position)
    if not 1 <= pos <= buf.z:
        return NIL
    head = buf.text_between(1, pos)
    if head.isascii():
        return pos
    return len(head.encode('utf-8', 'surrogateescape')) + 1


@defun('byte-to-position')
def byte_to_position(bytepos):
    """Return the character position for byte position BYTEPOS."""
    buf = state.current_buffer
    t = buf.text.string()
    if t.isascii():
        return bytepos if 1 <= bytepos <= buf.z else NIL
    data = t.encode('utf-8', 'surrogateescape')
    if not 1 <= bytepos <= len(data) + 1:
        return NIL
    return len(data[:bytepos - 1].decode('utf-8', 'ignore')) + 1


# ---------------------------------------------------------------- case conversion of regions

def _case_region(start, end, how):
    buf = state.current_buffer
    s, e = check_region(buf, _pos_arg(start), _pos_arg(end))
    old = buf.text_between(s, e)
    from . import casefiddle
    fn = {'up': casefiddle.upcase, 'down': casefiddle.downcase,
          'cap': casefiddle.capitalize, 'initials': casefiddle.upcase_initials}[how]
    new = fn(old)
    if new != old:
        if len(new) == len(old):
            _replace_span(buf, s, e, str(new))
        else:
            pt = buf.pt
            buf.pt = s
            delete_text(buf, s, e)
            insert_text(buf, str(new))
            buf.pt = pt if pt <= s else min(pt, buf.zv)
    return NIL


@defun('upcase-region')
def upcase_region(beg, end, region_noncontiguous_p=NIL):
    """Convert the region to upper case."""
    return _case_region(beg, end, 'up')


@defun('downcase-region')
def downcase_region(beg, end, region_noncontiguous_p=NIL):
    """Convert the region to lower case."""
    return _case_region(beg, end, 'down')


@defun('capitalize-region')
def capitalize_region(beg, end, region_noncontiguous_p=NIL):
    """Convert the region to capitalized form."""
    return _case_region(beg, end, 'cap')


@defun('upcase-initials-region')
def upcase_initials_region(beg, end, region_noncontiguous_p=NIL):
    """Upcase the initial of each word in the region."""
    return _case_region(beg, end, 'initials')


@defun('region-beginning')
def region_beginning():
    """Return the integer value of point or mark, whichever is smaller."""
    buf = state.current_buffer
    if buf.mark.buffer is None:
        signal(Q('mark-inactive'), NIL)
    return max(buf.begv, min(buf.pt, buf.mark.charpos, buf.zv))


@defun('region-end')
def region_end():
    """Return the integer value of point or mark, whichever is larger."""
    buf = state.current_buffer
    if buf.mark.buffer is None:
        signal(Q('mark-inactive'), NIL)
    return min(buf.zv, max(buf.pt, buf.mark.charpos))


# ---------------------------------------------------------------- columns (indent.c)

Qtab_width = intern('tab-width')
Qindent_tabs_mode = intern('indent-tabs-mode')


def _tab_width():
    w = symbol_value_or_unbound(Qtab_width)
    return w if w.__class__ is int and 0 < w <= 1000 else 8


def _width(ch, col, tw):
    """Columns taken by CH starting at column COL."""
    if ch == '\t':
        return tw - col % tw
    c = ord(ch)
    if 0x20 <= c < 0x7F:
        return 1
    if c == 10:
        return 0
    try:
        from .character import char_width
    except ImportError:
        return 1
    return char_width(c if not 0xDC80 <= c <= 0xDCFF else c - 0xDC00 + 0x3FFF00)


def _column_at(buf, pos):
    text = buf.search_text()
    off = buf.begv
    i = pos - off
    bol = text.rfind('\n', 0, i) + 1
    line = text[bol:i]
    if line.isascii() and '\t' not in line and line.isprintable():
        return len(line)
    tw = _tab_width()
    col = 0
    for ch in line:
        col += _width(ch, col, tw)
    return col


@defun('current-column')
def current_column():
    """Return the horizontal position of point.  Beginning of line is column 0."""
    buf = state.current_buffer
    return _column_at(buf, buf.pt)


@defun('current-indentation')
def current_indentation():
    """Return the indentation of the current line."""
    buf = state.current_buffer
    text = buf.search_text()
    off = buf.begv
    i = text.rfind('\n', 0, buf.pt - off) + 1
    tw = _tab_width()
    col = 0
    n = len(text)
    while i < n and text[i] in ' \t':
        col += _width(text[i], col, tw)
        i += 1
    return col


@defun('move-to-column')
def move_to_column(column, force=NIL):
    """Move point to COLUMN in the current line."""
    if column.__class__ is not int or column < 0:
        wrong_type('wholenump', column)
    buf = state.current_buffer
    text = buf.search_text()
    off = buf.begv
    i = text.rfind('\n', 0, buf.pt - off) + 1
    n = len(text)
    tw = _tab_width()
    col = 0
    while i < n and col < column and text[i] != '\n':
        w = _width(text[i], col, tw)
        if col + w > column and force is T and text[i] == '\t':
            # split the tab so that COLUMN can be reached exactly
            buf.pt = i + off
            insert_text(buf, ' ' * (column - col))
            return column
        col += w
        i += 1
    buf.pt = i + off
    if col < column and force is T:
        indent_to(column)
        return column
    return col


@defun('indent-to')
def indent_to(column, minimum=NIL):
    """Indent from point with tabs and spaces until COLUMN is reached."""
    if column.__class__ is not int:
        wrong_type('fixnump', column)
    mincol = 0 if minimum is NIL else minimum
    buf = state.current_buffer
    fromcol = _column_at(buf, buf.pt)
    target = max(column, fromcol + mincol)
    if target <= fromcol:
        return fromcol
    tw = _tab_width()
    out = []
    col = fromcol
    if symbol_value_or_unbound(Qindent_tabs_mode) is not NIL:
        while (col // tw + 1) * tw <= target:
            out.append('\t')
            col = (col // tw + 1) * tw
    out.append(' ' * (target - col))
    insert_text(buf, ''.join(out))
    return target


# ---------------------------------------------------------------- words (syntax.c)

def _is_word(ch, table):
    c = ord(ch)
    if c < 128:
        return table[c] == 'w'
    return ch.isalnum()


def scan_words(buf, pos, count):
    """Position after moving over COUNT words from POS, or None if the buffer ends first."""
    from .search import syntax_table_name
    table = syntax_table_name(buf)
    text = buf.search_text()
    off = buf.begv
    i = pos - off
    n = len(text)
    while count > 0:
        while i < n and not _is_word(text[i], table):
            i += 1
        if i >= n:
            return None
        while i < n and _is_word(text[i], table):
            i += 1
        count -= 1
    while count < 0:
        while i > 0 and not _is_word(text[i - 1], table):
            i -= 1
        if i <= 0:
            return None
        while i > 0 and _is_word(text[i - 1], table):
            i -= 1
        count += 1
    return i + off


@defun('forward-word')
def forward_word(arg=NIL):
    """Move point forward ARG words (backward if ARG is negative)."""
    n = 1 if arg is NIL else arg
    if n.__class__ is not int:
        wrong_type('fixnump', n)
    buf = state.current_buffer
    val = scan_words(buf, buf.pt, n)
    if val is None:
        buf.pt = buf.zv if n > 0 else buf.begv
        return NIL
    buf.pt = val
    return T


@defun('backward-word')
def backward_word(arg=NIL):
    """Move backward until encountering the beginning of a word."""
    n = 1 if arg is NIL else arg
    if n.__class__ is not int:
        wrong_type('fixnump', n)
    return forward_word(-n)


@defun('insert-buffer-substring-no-properties')
def insert_buffer_substring_no_properties(buffer, start=NIL, end=NIL):
    """Insert before point a substring of BUFFER, without text properties."""
    return insert_buffer_substring(buffer, start, end)
