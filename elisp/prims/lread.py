"""Primitives of Emacs's lread.c: reading, interning, loading files."""

import os
import sys

from ..regex import LazyPattern
from ..defun import defun, defvar
from ..lisp import (Cons, Symbol, NIL, T, UNBOUND, intern, obarray, make_list, list_,
                    list_to_python)
from ..errors import LispSignal, Q, error, wrong_type, signal
from .. import readcache
from ..cachefiles import pickle
from ..compiler import eval_toplevel, apply_function, Qautoload, Qmacro
from ..variables import symbol_value, specbind, unbind, set_value, state
from .fns import memq, assoc, list_elements

Vload_path = defvar('load-path', NIL)
Vload_file_name = defvar('load-file-name', NIL)
Vload_true_file_name = defvar('load-true-file-name', NIL)
Vload_in_progress = defvar('load-in-progress', NIL)
Vload_history = defvar('load-history', NIL)
Vafter_load_alist = defvar('after-load-alist', NIL)
Vstandard_input = defvar('standard-input', T)
Vload_suffixes = defvar('load-suffixes', list_('.elc', '.el'))
Vload_file_rep_suffixes = defvar('load-file-rep-suffixes', list_(''))
Vcurrent_load_list = defvar('current-load-list', NIL)
Vread_symbol_shorthands = defvar('read-symbol-shorthands', NIL)
Vload_prefer_newer = defvar('load-prefer-newer', NIL)
Vload_read_function = defvar('load-read-function', intern('read'))
Vlexical_binding = intern('lexical-binding')
Vobarray = defvar('obarray', NIL)


def _reader():
    """The reader module, imported when first needed (the read cache often spares it)."""
    from .. import reader
    return reader


def read_from_lisp_string(string, start=0, end=None):
    text = string if end is None else string[:end]
    return _reader().read_from_string(text, start)


@defun('read-from-string')
def read_from_string(string, start=NIL, end=NIL):
    """Read one Lisp expression which is represented as text by STRING."""
    if not isinstance(string, str):
        wrong_type('stringp', string)
    n = len(string)
    s = 0 if start is NIL else start
    e = n if end is NIL else end
    if s.__class__ is not int or e.__class__ is not int:
        wrong_type('integerp', s if s.__class__ is not int else e)
    if s < 0:
        s += n
    if e < 0:
        e += n
    if not (0 <= s <= e <= n):
        from ..errors import args_out_of_range
        args_out_of_range(string, start, end)
    obj, pos = _reader().read_from_string(string, s, e)
    return Cons(obj, pos)


@defun('read')
def read(stream=NIL):
    """Read one Lisp expression as text from STREAM, return as Lisp object."""
    if stream is NIL:
        stream = symbol_value(Vstandard_input)
    if isinstance(stream, str):
        return _reader().read_from_string(stream)[0]
    if stream is T:
        # Batch Emacs reads one line through read-minibuffer, prompt on stdout.
        from .print import output
        output.write_stdout('Lisp expression: ')
        output.flush()
        line = sys.stdin.readline()
        if not line:
            error('Error reading from stdin')
        line = line.rstrip('\n')
        obj, pos = _reader().read_from_string(line)
        r = _reader().Reader(line, pos)
        r.skip_space()
        if r.pos < len(line):
            _reader().invalid_syntax('Trailing garbage following expression')
        return obj
    from .buffer import Buffer, Marker
    if stream.__class__ is Buffer:
        buf = stream
        obj, pos = _read_buffer(buf, buf.pt)
        buf.pt = pos
        return obj
    if stream.__class__ is Marker:
        buf = stream.buffer
        if buf is None:
            error('Marker does not point anywhere')
        obj, pos = _read_buffer(buf, stream.charpos)
        stream.set(buf, pos)
        return obj
    reader_hook = getattr(stream, 'lisp_read', None)
    if reader_hook is not None:
        return reader_hook()
    # A function: call it for each character; call it with the last one to unread it.
    from ..lisp import code_char
    chars = []
    while True:
        c = apply_function(stream, ())
        if c.__class__ is not int or c < 0:
            break
        chars.append(code_char(c))
    text = ''.join(chars)
    obj, pos = _reader().read_from_string(text)
    if pos < len(text):
        apply_function(stream, (ord(text[pos]),))
    return obj


def _read_buffer(buf, start):
    """Read from BUF at START (1-based) within the accessible part; return (obj, newpos)."""
    begv, zv = buf.begv, buf.zv
    text = buf.text_between(1, zv)
    r = _reader().Reader(text, max(start, begv) - 1, zv - 1)
    try:
        obj = r.read()
    except LispSignal as e:
        if e.symbol is Q('invalid-read-syntax') and e.data.__class__ is Cons:
            pos = min(r.pos, zv - 1)
            line = text.count('\n', 0, pos) + 1
            col = pos - (text.rfind('\n', 0, pos) + 1)
            raise LispSignal(e.symbol, list_(e.data.car, line, col))
        raise
    return obj, min(r.pos, zv - 1) + 1


@defun('intern')
def intern_(string, obarray_=NIL):
    """Return the canonical symbol whose name is STRING."""
    if not isinstance(string, str):
        wrong_type('stringp', string)
    if obarray_ is not NIL and obarray_ is not symbol_value(Vobarray):
        return _obarray_of(obarray_).intern(str(string))
    return intern(str(string))


@defun('intern-soft')
def intern_soft(name, obarray_=NIL):
    """Return the canonical symbol named NAME, or nil if none exists."""
    if obarray_ is not NIL and obarray_ is not symbol_value(Vobarray):
        return _obarray_of(obarray_).intern_soft(name)
    if name.__class__ is Symbol:
        return name if obarray.get(name.name) is name else NIL
    if not isinstance(name, str):
        wrong_type('stringp', name)
    return obarray.get(str(name), NIL)


@defun('unintern')
def unintern(name, obarray_=NIL):
    """Delete the symbol named NAME, if any, from OBARRAY."""
    key = name.name if name.__class__ is Symbol else name
    sym = obarray.get(key)
    if sym is None or (name.__class__ is Symbol and sym is not name):
        return NIL
    del obarray[key]
    sym.interned = False
    return T


@defun('mapatoms')
def mapatoms(function, obarray_=NIL):
    """Call FUNCTION on every symbol in OBARRAY."""
    for sym in list(obarray.values()):
        apply_function(function, (sym,))
    return NIL


class ObarrayVector(list):
    """An obarray made with `obarray-make' or (make-vector N 0)."""


class _SubObarray:
    def __init__(self):
        self.table = {}

    def intern(self, name):
        sym = self.table.get(name)
        if sym is None:
            sym = self.table[name] = Symbol(name, interned=False)
        return sym

    def intern_soft(self, name):
        key = name.name if name.__class__ is Symbol else name
        return self.table.get(key, NIL)


_sub_obarrays = {}


def _obarray_of(vec):
    ob = _sub_obarrays.get(id(vec))
    if ob is None:
        ob = _sub_obarrays[id(vec)] = (_SubObarray(), vec)
    return ob[0]


# ---------------------------------------------------------------- loading

_LEXICAL_COOKIE = LazyPattern(r'-\*-.*lexical-binding:\s*([^\s;]+)')


def file_lexical_binding(text):
    first = text.split('\n', 1)[0]
    if text.startswith('#!'):
        # Emacs also looks at the second line after a #! line.
        lines = text.split('\n', 2)
        first = lines[1] if len(lines) > 1 else ''
        m = _LEXICAL_COOKIE.search(lines[0])
        if m:
            return m.group(1) != 'nil'
    m = _LEXICAL_COOKIE.search(first)
    return bool(m) and m.group(1) != 'nil'


def locate_file(filename, suffixes, path=None):
    if os.path.isabs(filename) or filename.startswith('~'):
        dirs = ['']
        filename = os.path.expanduser(filename)
    else:
        if path is None:
            path = [d if isinstance(d, str) else os.getcwd() for d in list_to_python(symbol_value(Vload_path))]
        dirs = path + ([] if path else [os.getcwd()])
    for d in dirs:
        base = os.path.join(_expand_dir(d), filename) if d else filename
        for suf in suffixes:
            cand = base + suf
            if os.path.isfile(cand):
                return os.path.abspath(cand)
    return None


def _expand_dir(d):
    from ..variables import symbol_value_or_unbound
    if not os.path.isabs(d):
        dd = symbol_value_or_unbound(intern('default-directory'))
        base = dd if isinstance(dd, str) else os.getcwd()
        return os.path.join(os.path.expanduser(base), d)
    return d


def load_file(path, nomessage=True, lexical=None):
    """Evaluate every form of the .el file PATH, in order."""
    with open(path, 'rb') as f:
        data = f.read()
    text = data.decode('utf-8', 'surrogateescape')
    lex = file_lexical_binding(text) if lexical is None else lexical
    if not nomessage:
        from .editfns import message
        message('Loading %s (source)...', path)
    records = [specbind(Vload_file_name, path), specbind(Vload_true_file_name, path),
               specbind(Vload_in_progress, T), specbind(Vlexical_binding, T if lex else NIL),
               specbind(intern('current-load-list'), NIL)]
    try:
        saved = readcache.lookup(path, text)
        if saved is not None:
            for blob in saved:
                eval_toplevel(pickle.loads(blob), lex)
        else:
            r = _reader().Reader(text)
            blobs = []
            while True:
                r.skip_space()
                if r.pos >= r.end:
                    break
                form = r.read()
                # (#N= labels may make a form circular: such files are not saved)
                blobs = None if r.labels else readcache.snapshot(blobs, form)
                eval_toplevel(form, lex)
            if blobs is not None:
                readcache.store(path, text, blobs)
    finally:
        for rec in reversed(records):
            unbind(rec)
    if not nomessage:
        from .editfns import message
        message('Loading %s (source)...done', path)
    set_value(Vload_history, Cons(list_(path), symbol_value(Vload_history)))
    return T


@defun('load')
def load(file, noerror=NIL, nomessage=NIL, nosuffix=NIL, must_suffix=NIL):
    """Execute a file of Lisp code named FILE."""
    if not isinstance(file, str):
        wrong_type('stringp', file)
    if nosuffix is not NIL:
        suffixes = ['']
    elif must_suffix is not NIL:
        suffixes = ['.el']
    else:
        suffixes = ['.el', '']
        if file.endswith('.el') or file.endswith('.elc'):
            suffixes = ['', '.el']
    path = locate_file(file, suffixes)
    if path is None or _is_stdlib_library(file, path):
        from ..runtime import load_lazy_unit
        if load_lazy_unit(file[:-3] if file.endswith('.el') else file,
                          None if nomessage is not NIL else file):
            return T
    if path is None:
        if noerror is not NIL:
            return NIL
        signal(Q('file-missing'), list_('Cannot open load file', 'No such file or directory', file))
    if path.endswith('.elc'):
        alt = path[:-1]
        if os.path.isfile(alt):
            path = alt
    load_file(path, nomessage is not NIL)
    return T


def _is_stdlib_library(file, path):
    """True when PATH, found for FILE, comes from the current directory's
    stand-in for an empty `load-path' while FILE names a library of stdlib/:
    Emacs would find its own library there."""
    return (os.sep not in file and not list_to_python(symbol_value(Vload_path))
            and os.path.dirname(path) == os.getcwd())


@defun('locate-file-internal')
def locate_file_internal(filename, path, suffixes=NIL, predicate=NIL):
    """Search for FILENAME through PATH."""
    dirs = [d for d in list_to_python(path) if isinstance(d, str)]
    sufs = list_to_python(suffixes) or ['']
    found = locate_file(filename, sufs, dirs)
    return found if found is not None else NIL


@defun('get-load-suffixes')
def get_load_suffixes():
    """Return the suffixes that `load' should try if a suffix is required."""
    return list_('.elc', '.el')


def require_feature(feature, filename, noerror):
    from .data import check_symbol
    check_symbol(feature)
    feats = symbol_value(intern('features'))
    if memq(feature, feats) is not NIL:
        return feature
    name = filename if filename is not NIL else feature.name
    loaded = load(name, NIL if noerror is NIL else T, T)
    if loaded is NIL:
        return NIL
    if memq(feature, symbol_value(intern('features'))) is NIL:
        if noerror is not NIL:
            return NIL
        error("Loading file %s failed to provide feature \u2018%s\u2019" % (
            locate_file(name, ['.el', '']) or name, feature.name))
    return feature


def run_after_load(feature):
    alist = symbol_value(Vafter_load_alist)
    entry = assoc(feature, alist)
    if entry is not NIL:
        for form in list_to_python(entry.cdr):
            if form.__class__ is Cons and form.car is not intern('lambda'):
                from ..compiler import eval_form
                eval_form(form, T)
            else:
                apply_function(form, ())


def autoload_do_load(fundef, funname):
    file = fundef.cdr.car
    load(file, NIL, T)
    fn = funname.function
    if fn is None or (fn.__class__ is Cons and fn.car is Qautoload):
        error('Autoloading file %s failed to define function %s' % (file, funname.name))
    return fn


@defun('autoload-do-load')
def autoload_do_load_(fundef, funname=NIL, macro_only=NIL):
    """Load FUNDEF which should be an autoload."""
    if fundef.__class__ is not Cons or fundef.car is not Qautoload:
        return fundef
    return autoload_do_load(fundef, funname)


@defun('eval-buffer')
def eval_buffer(buffer=NIL, printflag=NIL, filename=NIL, unibyte=NIL, do_allow_print=NIL):
    """Execute the accessible portion of current buffer as Lisp code."""
    from .buffer import resolve_buffer
    buf = resolve_buffer(buffer)
    text = buf.text_between(buf.begv, buf.zv)
    lex = file_lexical_binding(buf.text_between(1, buf.z))
    _eval_text(text, lex, printflag)
    return NIL


@defun('eval-region')
def eval_region(start, end, printflag=NIL, read_function=NIL):
    """Execute the region as Lisp code."""
    buf = state.current_buffer
    start = getattr(start, 'charpos', start)
    end = getattr(end, 'charpos', end)
    text = buf.text_between(min(start, end), max(start, end))
    _eval_text(text, symbol_value(Vlexical_binding) is not NIL, printflag)
    return NIL


def _eval_text(text, lex, printflag):
    """Emacs's readevalloop: output is discarded unless PRINTFLAG, which also prints values."""
    from .print import prin1, print_
    rec = specbind(intern('standard-output'), printflag if printflag is not NIL else intern('symbolp'))
    rec2 = specbind(Vlexical_binding, T if lex else NIL)
    try:
        r = _reader().Reader(text)
        while True:
            r.skip_space()
            if r.pos >= r.end:
                break
            val = eval_toplevel(r.read(), lex)
            if printflag is not NIL:
                if printflag is T:
                    prin1(val)
                else:
                    print_(val)
    finally:
        unbind(rec2)
        unbind(rec)
