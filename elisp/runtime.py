"""Start-up: the primitives, the global variables Emacs defines in C, and the
Lisp library in stdlib/, loaded in a fixed order.

Loading stdlib/ from source means reading and macroexpanding every form; the
macroexpanded forms are cached (pickled) under ~/.cache/elisp, keyed by the
contents of stdlib/ and of the interpreter, so later start-ups only evaluate
them.
"""

import os
import sys

from . import prims  # noqa: F401  (registers every primitive)
from .defun import defvar
from .lisp import NIL, T, intern, make_list, list_, Cons, Symbol, list_to_python
from .compiler import (macroexpand, expand_all, eval_form, Qlambda, Scope, compile_form,
                       apply_function, define_variable, define_constant, SPECIAL_FORMS,
                       Closure, LambdaInfo)
from .prims.data import defalias
from . import codegen
from .cachefiles import (cache_dir, digest, fingerprint, keep_newest, write_atomically,
                         pickle, PICKLE_PROTOCOL)

_EMPTY_SITE = ([], (), None)     # what Scope.env_site() gives at top level

PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
STDLIB_DIR = os.path.join(PACKAGE_DIR, 'stdlib')
if not os.path.isdir(STDLIB_DIR):
    STDLIB_DIR = os.path.join(os.path.dirname(PACKAGE_DIR), 'stdlib')

# The order in which stdlib/ is loaded (each file may use the ones before it).
STDLIB_ORDER = [
    'byte-run', 'backquote', 'subr', 'subr-x', 'mule-util', 'env', 'gv', 'cl-lib', 'cl-macs', 'cl-print', 'cl-seq', 'cl-generic', 'seq', 'puny', 'pcase',
    'simple', 'rx', 'regexp-opt', 'process', 'nsm', 'gnutls', 'network-stream', 'callproc', 'subproc', 'timer', 'modes', 'inline', 'ert',
]

# The libraries Emacs 28 does not preload: start-up only defines their
# ;;;###autoload functions (and runs their other ;;;###autoload forms), and
# `require' or an autoload loads them, from the cache, when first needed.
LAZY_FILES = frozenset([
    'subr-x', 'mule-util', 'gv', 'cl-lib', 'cl-macs', 'cl-print', 'cl-seq', 'seq', 'puny', 'pcase',
    'rx', 'nsm', 'gnutls', 'network-stream', 'inline', 'ert',
])

# Libraries whose ;;;###autoload functions are defined when another one is
# loaded rather than at start-up: Emacs's cl-lib loads cl-loaddefs.el.
AUTOLOADS_LOADED_BY = {'cl-macs': 'cl-lib', 'cl-seq': 'cl-lib'}

AUTOLOAD_COOKIE = ';;;###autoload'

CACHE_VERSION = '4'


def _define_globals():
    defvar('noninteractive', T)
    defvar('emacs-version', '28.2')
    defvar('emacs-major-version', 28)
    defvar('emacs-minor-version', 2)
    defvar('emacs-build-number', 1)
    defvar('system-type', intern('gnu/linux'))
    defvar('system-configuration', 'x86_64-pc-linux-gnu')
    defvar('command-line-args', NIL)
    defvar('command-line-args-left', NIL)
    defvar('command-line-functions', NIL)
    defvar('command-line-processed', T)
    defvar('invocation-name', 'elisp')
    defvar('invocation-directory', os.path.dirname(sys.executable) + '/')
    defvar('installation-directory', NIL)
    defvar('data-directory', STDLIB_DIR + '/')
    defvar('doc-directory', STDLIB_DIR + '/')
    defvar('exec-directory', os.path.dirname(sys.executable) + '/')
    defvar('user-emacs-directory', os.path.expanduser('~/.emacs.d/'))
    defvar('user-init-file', NIL)
    defvar('kill-emacs-hook', NIL)
    defvar('after-init-hook', NIL)
    defvar('emacs-startup-hook', NIL)
    defvar('window-system', NIL)
    defvar('initial-window-system', NIL)
    defvar('purify-flag', NIL)
    defvar('current-prefix-arg', NIL)
    defvar('prefix-arg', NIL)
    defvar('this-command', NIL)
    defvar('last-command', NIL)
    defvar('real-this-command', NIL)
    defvar('unread-command-events', NIL)
    defvar('executing-kbd-macro', NIL)
    defvar('load-path', NIL)
    defvar('inhibit-message', NIL)
    defvar('message-log-max', 1000)
    defvar('shell-file-name', os.environ.get('SHELL') or '/bin/sh')
    defvar('shell-command-switch', '-c')
    defvar('case-replace', T)
    defvar('most-positive-float', sys.float_info.max) if False else None
    defvar('float-pi', 3.141592653589793)
    defvar('float-e', 2.718281828459045)
    defvar('print-circle', NIL)
    defvar('print-charset-text-property', NIL)
    defvar('print-symbols-bare', NIL)
    defvar('print-integers-as-characters', NIL)
    defvar('read-circle', T)
    defvar('load-read-function', intern('read'))
    defvar('byte-compile-current-file', NIL)
    defvar('macroexp--dynvars', NIL)
    defvar('operating-system-release', os.uname().release)
    defvar('temporary-file-directory', (os.environ.get('TMPDIR') or '/tmp').rstrip('/') + '/')
    from .prims.sysdep import user_full_name
    defvar('user-full-name', user_full_name())
    defvar('user-login-name', os.environ.get('USER', os.environ.get('LOGNAME', 'root')))
    defvar('user-real-login-name', os.environ.get('USER', os.environ.get('LOGNAME', 'root')))
    defvar('path-separator', ':')
    defvar('exec-path', make_list([d + ('' if d.endswith('/') else '') for d in
                                   os.environ.get('PATH', '').split(':') if d]
                                  + [os.path.dirname(sys.executable)]))
    defvar('process-environment', make_list(['%s=%s' % kv for kv in os.environ.items()]))
    defvar('initial-environment', make_list(['%s=%s' % kv for kv in os.environ.items()]))


def _stdlib_files():
    return [os.path.join(STDLIB_DIR, name + '.el') for name in STDLIB_ORDER
            if os.path.exists(os.path.join(STDLIB_DIR, name + '.el'))]


def _cache_key(files):
    modules = [os.path.join(PACKAGE_DIR, mod)
               for mod in ('compiler.py', 'reader.py', 'lisp.py', 'runtime.py')]
    return digest(CACHE_VERSION + fingerprint(files + modules))


def load_stdlib():
    """Evaluate stdlib/, from the macroexpanded cache when it is fresh.

    Making the cache loads every file, lazy ones included; a child process
    makes it, so that this run starts from the same state as later ones."""
    files = _stdlib_files()
    cache_path = cache_dir('stdlib-%s.pickle' % _cache_key(files))
    units = _read_cache(cache_path)
    if units is None:
        units = _units_from_child()
    replay = units is not None
    if not replay:
        units = build_stdlib_cache()    # no child possible: everything is loaded here
    for path, lexical, entries, lazy in units:
        name = os.path.basename(path)[:-3]
        if lazy is not None:
            unit = (name, path, lexical, lazy[0])
            for feature in lazy[1]:
                _lazy_units[feature] = unit
            _lazy_units[name] = unit
        loader = AUTOLOADS_LOADED_BY.get(name)
        if loader is not None:
            _autoloads_loaded_with.setdefault(loader, []).append((path, lexical, entries))
        elif replay:
            _eval_expanded(path, lexical, entries)


def _read_cache(path):
    try:
        with open(path, 'rb') as f:
            return pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return None


def _units_from_child():
    """The cache units as a child process builds them (it also saves them)."""
    if not sys.executable:
        return None
    import subprocess
    env = dict(os.environ)
    root = os.path.dirname(PACKAGE_DIR)
    env['PYTHONPATH'] = root + (os.pathsep + env['PYTHONPATH'] if env.get('PYTHONPATH') else '')
    try:
        done = subprocess.run([sys.executable, '-c', 'from elisp import runtime; '
                               'runtime.build_for_parent()'],
                              capture_output=True, env=env)
    except (OSError, ValueError):
        return None
    if done.returncode != 0:
        return None
    try:
        return pickle.loads(done.stdout)
    except Exception:
        return None


def build_for_parent():
    """In the child process of _units_from_child: build, save and write the units."""
    global _initialized
    _initialized = True
    import gc
    gc.disable()
    codegen.paused = True
    _define_globals()
    units = build_stdlib_cache()
    sys.stdout.buffer.write(pickle.dumps(units, protocol=PICKLE_PROTOCOL))
    sys.stdout.flush()


def build_stdlib_cache():
    """Load every stdlib/ file from source; save and return the cache units."""
    files = _stdlib_files()
    units = [_load_and_expand(path) for path in files]
    cache_path = cache_dir('stdlib-%s.pickle' % _cache_key(files))
    if write_atomically(cache_path,
                        lambda f: pickle.dump(units, f, protocol=PICKLE_PROTOCOL)):
        # Older versions of the sources leave their caches behind; a few stay
        # for other installations.
        keep_newest(cache_dir(), 4, 'stdlib-', '.pickle')
    return units


def _load_and_expand(path):
    """Load PATH form by form; return its cache unit (PATH LEXICAL ENTRIES LAZY).

    For a file of LAZY_FILES, ENTRIES are what start-up evaluates (autoloads
    for its ;;;###autoload functions, its other ;;;###autoload forms) and LAZY
    is (PICKLED-ENTRIES FEATURES): all of it, and the features it provides."""
    from .prims.lread import file_lexical_binding, Vload_file_name, Vlexical_binding
    from .variables import specbind, unbind
    from . import reader
    with open(path, encoding='utf-8') as f:
        text = f.read()
    lexical = file_lexical_binding(text)
    name = os.path.basename(path)[:-3]
    lazy = name in LAZY_FILES
    expanded = []
    startup = []
    recs = [specbind(Vload_file_name, path), specbind(Vlexical_binding, T if lexical else NIL)]
    try:
        r = reader.Reader(text)
        end_of_last = 0
        while True:
            r.skip_space()
            if r.pos >= r.end:
                break
            start = r.pos
            form = r.read()
            first = len(expanded)
            _expand_eval(form, lexical, expanded)
            if lazy and text[end_of_last:start].rstrip().endswith(AUTOLOAD_COOKIE):
                startup.extend(_autoload_entries(expanded[first:], name))
            end_of_last = r.pos
    finally:
        for rec in reversed(recs):
            unbind(rec)
    if not lazy:
        return (path, lexical, expanded, None)
    features = [e.args[0].name for e in expanded
                if e.__class__ is _Call and e.function is Qprovide and e.args]
    return (path, lexical, startup, (pickle.dumps(expanded, protocol=PICKLE_PROTOCOL), features))


def _autoload_entries(entries, file):
    """What start-up evaluates for the ;;;###autoload form that gave ENTRIES:
    an autoload for each function it defines, and any other entry as it is."""
    out = []
    for e in entries:
        if e.__class__ is _LazyDefun:
            lam = pickle.loads(e.blob)
            body = list_to_python(lam.cdr.cdr)
            doc = body[0] if len(body) > 1 and body[0].__class__ is str else NIL
            rest = body[1:] if doc is not NIL else body
            interactive = T if rest and rest[0].__class__ is Cons and rest[0].car is Qinteractive \
                else NIL
            out.append(_Call(Qautoload, (e.name, file, doc, interactive, T if e.macro else NIL)))
        else:
            out.append(e)
    return out


_lazy_units = {}    # feature or file name -> (file name, path, lexical, pickled entries)
_autoloads_loaded_with = {}     # file name -> [(path, lexical, autoload entries)]


def load_lazy_unit(name, announce=None):
    """Load the stdlib library NAME (a lazy one) from the cache, as `load'
    would load its file; False if there is no such library.  With ANNOUNCE
    (the name `load' was given), say so first, as Emacs does for a compiled
    library."""
    unit = _lazy_units.get(name)
    if unit is None:
        return False
    if announce is not None:
        from .prims.editfns import message
        message('Loading %s...', announce)
    from .prims.lread import Vload_history, Vload_in_progress, Vload_true_file_name
    from .variables import specbind, unbind, set_value, symbol_value
    name, path, lexical, blob = unit
    recs = [specbind(Vload_true_file_name, path), specbind(Vload_in_progress, T)]
    try:
        _eval_expanded(path, lexical, pickle.loads(blob))
        for other_path, other_lexical, autoloads in _autoloads_loaded_with.get(name, ()):
            _eval_expanded(other_path, other_lexical, autoloads)
    finally:
        for rec in reversed(recs):
            unbind(rec)
    set_value(Vload_history, Cons(list_(path), symbol_value(Vload_history)))
    return True


def _expand_eval(form, lexical, out):
    form = macroexpand(form)
    if form.__class__ is Cons and form.car is intern('progn'):
        x = form.cdr
        while x.__class__ is Cons:
            _expand_eval(x.car, lexical, out)
            x = x.cdr
        return
    full = expand_all(form)
    out.extend(_lazy_entries(full))
    eval_form(full, T if lexical else NIL)


Qdefalias = intern('defalias')
Qprog1 = intern('prog1')
Qcons = intern('cons')
Qmacro = intern('macro')
Qquote = intern('quote')
Qfunction = intern('function')
Qif = intern('if')
Qprovide = intern('provide')
Qautoload = intern('autoload')
Qinteractive = intern('interactive')
Qdefvar = intern('defvar')
Qdefconst = intern('defconst')
Qfboundp = intern('fboundp')


def _lazy_entries(form):
    """Cache entries for FORM.

    - (defalias 'NAME #'(lambda ...)), or a macro's (defalias 'NAME (cons
      'macro #'(lambda ...))), becomes a _LazyDefun whose lambda stays pickled
      until first used; under (if (fboundp 'NAME) nil ...) it is defined only
      when NAME is still unbound.
    - A call of a function with constant arguments, like (put 'SYMBOL 'PROP
      VALUE) or (provide 'FEATURE), becomes a _Call, replayed without compiling.
    - A `prog1' is taken apart: its value is unused at top level.
    - A quoted constant is dropped: evaluating it has no effect."""
    if form.__class__ is Cons and form.car is Qprog1 and form.cdr.__class__ is Cons:
        entries = []
        for sub in list_to_python(form.cdr):
            entries += _lazy_entries(sub)
        return entries
    if _is_constant(form):
        return []
    lazy = _lazy_defun(form)
    if lazy is not None:
        return [lazy]
    call = _constant_call(form)
    if call is not None:
        return [call]
    definition = _constant_definition(form)
    if definition is not None:
        return [definition]
    name, definition = _if_unbound(form)
    if definition is not None:
        lazy = _lazy_defun(definition)
        if lazy is not None and lazy.name is name:
            lazy.unless_bound = True
            return [lazy]
    return [form]


def _lazy_defun(form):
    """FORM as a _LazyDefun, or None if it is not a defalias of a lambda."""
    if not (form.__class__ is Cons and form.car is Qdefalias):
        return None
    args = form.cdr
    if not (args.__class__ is Cons and args.cdr.__class__ is Cons and args.cdr.cdr is NIL):
        return None
    name, fn = args.car, args.cdr.car
    if not (name.__class__ is Cons and name.car is Qquote and name.cdr.__class__ is Cons):
        return None
    name = name.cdr.car
    if name.__class__ is not Symbol or not name.interned:
        return None
    macro = False
    if (fn.__class__ is Cons and fn.car is Qcons and fn.cdr.__class__ is Cons
            and fn.cdr.car.__class__ is Cons and fn.cdr.car.car is Qquote
            and fn.cdr.car.cdr.__class__ is Cons and fn.cdr.car.cdr.car is Qmacro
            and fn.cdr.cdr.__class__ is Cons and fn.cdr.cdr.cdr is NIL):
        macro = True
        fn = fn.cdr.cdr.car
    if not (fn.__class__ is Cons and fn.car is Qfunction and fn.cdr.__class__ is Cons
            and fn.cdr.car.__class__ is Cons and fn.cdr.car.car is Qlambda):
        return None
    blob = pickle.dumps(fn.cdr.car, protocol=PICKLE_PROTOCOL)
    return _LazyDefun(name, blob, macro)


def _if_unbound(form):
    """(NAME, ELSE) if FORM is (if (fboundp 'NAME) nil ELSE), else (None, None)."""
    items = list_to_python(form) if form.__class__ is Cons and form.car is Qif else None
    if not items or len(items) != 4 or items[2] is not NIL:
        return None, None
    test = items[1]
    if not (test.__class__ is Cons and test.car is Qfboundp and test.cdr.__class__ is Cons
            and test.cdr.cdr is NIL):
        return None, None
    name = _constant_value(test.cdr.car)
    return (name, items[3]) if name.__class__ is Symbol else (None, None)


def _is_constant(form):
    """True for a quoted form or a self-evaluating atom other than a symbol."""
    if form.__class__ is Cons:
        return form.car is Qquote and form.cdr.__class__ is Cons and form.cdr.cdr is NIL
    return form.__class__ in (int, float, str)


_NOT_CONSTANT = object()


def _constant_value(form):
    """The value of FORM if it is a constant (quoted, self-evaluating, nil, t
    or a keyword), else _NOT_CONSTANT."""
    if _is_constant(form):
        return form.cdr.car if form.__class__ is Cons else form
    if form is NIL or form is T or (form.__class__ is Symbol and form.name.startswith(':')
                                    and form.interned):
        return form
    return _NOT_CONSTANT


def _constant_call(form):
    """FORM as a _Call if it calls a function (not a macro or special form)
    with arguments that are all constants or top-level lambdas."""
    if not (form.__class__ is Cons and form.car.__class__ is Symbol and form.car.interned):
        return None
    fn = form.car.function
    if fn is None or fn is NIL or form.car in SPECIAL_FORMS or (
            fn.__class__ is Cons and fn.car is Qmacro):
        return None
    args = []
    for a in list_to_python(form.cdr):
        value = _constant_value(a)
        if value is not _NOT_CONSTANT:
            args.append(value)
        elif (a.__class__ is Cons and a.car is Qfunction and a.cdr.__class__ is Cons
              and a.cdr.cdr is NIL):
            fn = a.cdr.car
            if fn.__class__ is Symbol:
                args.append(fn)
            elif fn.__class__ is Cons and fn.car is Qlambda:
                args.append(_LazyLambda(pickle.dumps(fn, protocol=PICKLE_PROTOCOL)))
            else:
                return None
        else:
            return None
    return _Call(form.car, tuple(args))


def _constant_definition(form):
    """FORM as a _Definition if it is (defvar SYMBOL VALUE [DOC]) or (defconst
    SYMBOL VALUE [DOC]) with a constant VALUE and a string DOC."""
    if not (form.__class__ is Cons and (form.car is Qdefvar or form.car is Qdefconst)):
        return None
    items = list_to_python(form.cdr)
    if not 2 <= len(items) <= 3 or items[0].__class__ is not Symbol:
        return None
    value = _constant_value(items[1])
    if value is _NOT_CONSTANT:
        return None
    doc = items[2] if len(items) == 3 else None
    if doc is not None and doc.__class__ is not str:
        return None
    return _Definition(form.car is Qdefconst, items[0], value, doc)


class _Definition:
    """A cached defvar or defconst of a constant value."""
    __slots__ = ('constant', 'symbol', 'value', 'doc')

    def __init__(self, constant, symbol, value, doc):
        self.constant = constant
        self.symbol = symbol
        self.value = value
        self.doc = doc

    def __reduce__(self):
        return (_Definition, (self.constant, self.symbol, self.value, self.doc))


class _Call:
    """A cached call of FUNCTION with constant ARGS: start-up calls it directly."""
    __slots__ = ('function', 'args')

    def __init__(self, function, args):
        self.function = function
        self.args = args

    def __reduce__(self):
        return (_Call, (self.function, self.args))


class _LazyLambda:
    """A #'(lambda ...) argument of a _Call, still pickled."""
    __slots__ = ('blob',)

    def __init__(self, blob):
        self.blob = blob

    def __reduce__(self):
        return (_LazyLambda, (self.blob,))


class _LazyDefun:
    """A cached (defalias 'NAME #'(lambda ...)) whose lambda is still pickled."""
    __slots__ = ('name', 'blob', 'macro', 'unless_bound')

    def __init__(self, name, blob, macro=False, unless_bound=False):
        self.name = name
        self.blob = blob
        self.macro = macro
        self.unless_bound = unless_bound

    def __reduce__(self):
        return (_LazyDefun, (self.name, self.blob, self.macro, self.unless_bound))


class _LazyLambdaInfo:
    """Stands for a LambdaInfo until the function is first used."""

    def __init__(self, blob, lexical):
        self.blob = blob
        self.lexical = lexical
        self.real = None

    def materialize(self):
        if self.real is None:
            self.real = LambdaInfo(pickle.loads(self.blob), self.lexical, None)
        return self.real

    @staticmethod
    def entry(closure, args):
        info = closure.info
        # Re-entered (a recursive first call) after the swap below: already real.
        real = info.materialize() if info.__class__ is _LazyLambdaInfo else info
        closure.info = real
        return real.entry(closure, args)

    def __getattr__(self, name):
        return getattr(self.materialize(), name)


def _lazy_closure(blob, lexical):
    """The top-level closure of the pickled lambda BLOB, compiled when first called."""
    info = _LazyLambdaInfo(blob, lexical)
    return Closure(info, [], None, (_EMPTY_SITE, [], [])) if lexical else Closure(info, [])


def _eval_expanded(path, lexical, forms):
    from .prims.lread import Vload_file_name, Vlexical_binding
    from .variables import specbind, unbind
    recs = [specbind(Vload_file_name, path), specbind(Vlexical_binding, T if lexical else NIL)]
    try:
        for form in forms:
            if form.__class__ is _Call:
                args = form.args
                if any(a.__class__ is _LazyLambda for a in args):
                    args = [_lazy_closure(a.blob, lexical) if a.__class__ is _LazyLambda else a
                            for a in args]
                apply_function(form.function, args)
                continue
            if form.__class__ is _Definition:
                if form.constant:
                    define_constant(form.symbol, form.value, form.doc)
                else:
                    value = form.value
                    define_variable(form.symbol, lambda: value, form.doc)
                continue
            if form.__class__ is _LazyDefun:
                if form.unless_bound and form.name.function not in (None, NIL):
                    continue
                closure = _lazy_closure(form.blob, lexical)
                defalias(form.name, Cons(Qmacro, closure) if form.macro else closure)
                continue
            # Already macroexpanded when the cache was made: compile and run.
            scope = Scope(None, lexical)
            node = compile_form(form, scope)
            node([None] * scope.nslots)
    finally:
        for r in reversed(recs):
            unbind(r)


_initialized = False


def initialize():
    global _initialized
    if _initialized:
        return
    _initialized = True
    import gc
    # Loading creates some hundred thousand objects that live for the whole
    # run: collecting meanwhile is wasted work, and freezing them afterwards
    # keeps later collections from scanning them again.
    gc.disable()
    # Fusing what start-up runs would cost more than it saves (see codegen.py).
    codegen.paused = True
    try:
        _define_globals()
        load_stdlib()
    finally:
        codegen.paused = False
        gc.freeze()
        gc.enable()
