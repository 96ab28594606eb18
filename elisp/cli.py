"""The command line: `elisp` behaves like `emacs -Q --batch` (Emacs's startup.el command-line-1)."""

import os
import sys
import threading

USAGE = """Usage: elisp [OPTION-OR-FILENAME]...

Run Emacs Lisp the way `emacs -Q --batch` does.  Options act left to right:

  -Q, -q, --batch, --quick    accepted for compatibility (always batch, no init file)
  -L DIR, --directory DIR     prepend DIR to `load-path'
  -l FILE, --load FILE        load the Lisp file FILE
  --eval EXPR, --execute EXPR evaluate the Lisp expression EXPR (lexical binding)
  -f FUNC, --funcall FUNC     call the Lisp function FUNC with no arguments
  --script FILE               load FILE as a script (skips a #! line), then exit
  FILE [ARGS...]              same as --script FILE; ARGS stay in `command-line-args-left'
  --repl                      start the interactive REPL after processing the options
  --debug-internal            show Python tracebacks for internal errors
  --version                   print the version and exit
  --help                      print this help and exit

With no arguments on a terminal, elisp starts the interactive REPL.
"""

debug_internal = False
BIG_STACK = 512 * 1024 * 1024


class KillEmacs(Exception):
    def __init__(self, code):
        Exception.__init__(self)
        self.code = code


def _in_one_stack_chunk(fn, args):
    return fn(*args)


# CPython 3.11 keeps Python frames in 16 KiB chunks that it maps and unmaps as
# the call depth crosses a chunk boundary; recursion oscillating around one
# (any recursive Lisp function) then costs two system calls per call.  A frame
# declaring a huge operand stack makes its chunk large (2 MiB here), and every
# frame called from it lives in that same chunk.
_in_one_stack_chunk.__code__ = _in_one_stack_chunk.__code__.replace(co_stacksize=1 << 18)


def run_with_big_stack(fn, *args):
    """Run FN in a thread with a large C stack (deep Lisp recursion needs it)."""
    from .lisp import set_recursion_limits
    set_recursion_limits()
    result = {}
    done = threading.Event()

    def target():
        try:
            result['value'] = _in_one_stack_chunk(fn, args)
        except BaseException as e:      # re-raised in the calling thread
            result['exc'] = e
        finally:
            done.set()
    old = threading.stack_size()
    threading.stack_size(BIG_STACK)
    try:
        t = threading.Thread(target=target, name='lisp', daemon=True)
        t.start()
    finally:
        threading.stack_size(old)
    # Wait on an Event, not t.join(): in Python 3.11 a join interrupted by
    # Ctrl-C marks the thread as finished while it still runs.
    while not done.is_set():
        try:
            done.wait(0.25)
        except KeyboardInterrupt:
            from .variables import state
            state.interrupt_thread(t)
    if 'exc' in result:
        raise result['exc']
    return result.get('value')


def print_uncaught(err_symbol, data):
    """What Emacs 28 in batch mode writes for an error nobody caught."""
    from .printer import prin1_to_string
    from .lisp import Cons, T, intern
    from .errors import LispSignal
    from .variables import specbind, unbind
    from .prims.print import output
    output.fresh_line_stderr()
    # The debugger prints with print-escape-newlines and shortens long strings.
    rec = specbind(intern('print-escape-newlines'), T)
    try:
        if _needs_shortening(data):
            data = _shorten_strings(data, 0)
        text = prin1_to_string(Cons(err_symbol, data))
    except LispSignal:
        text = '%s ...' % prin1_to_string(err_symbol)
    finally:
        unbind(rec)
    output.write_stderr('Debugger entered--Lisp error: %s\n' % text)


def _needs_shortening(obj):
    """Does OBJ hold a string over 50 characters (and no shared structure)?"""
    from .lisp import Cons, Vector
    seen = set()
    stack = [obj]
    found = False
    while stack:
        x = stack.pop()
        if isinstance(x, str):
            found = found or len(x) > 50
        elif x.__class__ is Cons or x.__class__ is Vector:
            if id(x) in seen or len(seen) > 10000:
                return False
            seen.add(id(x))
            if x.__class__ is Cons:
                stack.append(x.car)
                stack.append(x.cdr)
            else:
                stack.extend(x)
    return found


def _shorten_strings(obj, depth):
    from .lisp import Cons, Vector
    if isinstance(obj, str):
        return obj[:50] + '...' if len(obj) > 50 else obj
    if depth > 20:
        return obj
    if obj.__class__ is Cons:
        items = []
        x = obj
        while x.__class__ is Cons and len(items) < 1000:
            items.append(_shorten_strings(x.car, depth + 1))
            x = x.cdr
        from .lisp import make_list
        return make_list(items, x)
    if obj.__class__ is Vector:
        return Vector(_shorten_strings(e, depth + 1) for e in obj)
    return obj


def process_args(argv):
    """Act on the command-line options left to right; return the exit code."""
    from . import runtime
    from .lisp import NIL, T, intern, make_list, Cons
    from .variables import symbol_value, set_value
    from .errors import LispSignal
    from .compiler import eval_form, apply_function
    from .prims.lread import read_from_string
    from .prims.print import output

    runtime.initialize()
    Vleft = intern('command-line-args-left')
    set_value(intern('command-line-args'), make_list(['elisp'] + argv))
    set_value(Vleft, make_list(argv))
    want_repl = not argv and sys.stdin.isatty()
    script_mode = False

    def next_arg(opt):
        left = symbol_value(Vleft)
        if left is NIL:
            print_uncaught(intern('error'), make_list(['Option \u2018%s\u2019 requires an argument' % opt]))
            raise KillEmacs(255)
        set_value(Vleft, left.cdr)
        return left.car

    try:
        while True:
            left = symbol_value(Vleft)
            if left is NIL or left.__class__ is not Cons:
                break
            arg = left.car
            set_value(Vleft, left.cdr)
            if not isinstance(arg, str):
                continue
            opt, eq, inline = arg.partition('=') if arg.startswith('--') else (arg, '', '')
            value = inline if eq else None
            if opt in ('-Q', '-q', '--quick', '-batch', '--batch', '--no-init-file',
                       '--no-site-file', '--no-site-lisp', '-nw', '--no-splash', '-no-splash',
                       '--no-x-resources', '--no-window-system', '-nsl', '--no-desktop'):
                continue
            if opt == '--debug-internal':
                global debug_internal
                debug_internal = True
                continue
            if opt in ('--version', '-version'):
                output.write_stdout('GNU Emacs 28.2 (elisp %s, an Emacs Lisp interpreter in Python)\n'
                                    % _version())
                return 0
            if opt in ('--help', '-help'):
                output.write_stdout(USAGE)
                return 0
            if opt == '--repl':
                want_repl = True
                continue
            if opt in ('-L', '--directory', '-directory'):
                d = value if value is not None else next_arg(opt)
                d = os.path.abspath(os.path.expanduser(d))
                lp = intern('load-path')
                set_value(lp, Cons(d, symbol_value(lp)))
                continue
            if opt in ('-l', '--load', '-load'):
                f = value if value is not None else next_arg(opt)
                _load_command_line_file(f)
                continue
            if opt in ('--eval', '-eval', '--execute', '-execute'):
                expr = value if value is not None else next_arg(opt)
                eval_form(_read_expression(expr, read_from_string), T)
                continue
            if opt in ('-f', '--funcall', '-funcall'):
                fn = value if value is not None else next_arg(opt)
                apply_function(intern(fn), ())
                continue
            if opt in ('--script', '-script', '-scriptload', '--scriptload'):
                f = value if value is not None else next_arg(opt)
                script_mode = True
                _load_command_line_file(f)
                continue
            if opt == '--':
                continue
            if arg.startswith('-') and arg != '-':
                print_uncaught(intern('error'), make_list(['Unknown option \u2018%s\u2019' % arg]))
                return 255
            # A bare FILE: run it as a script; the rest stays for it.
            script_mode = True
            _load_command_line_file(arg)
            break
        if want_repl and not script_mode:
            from .repl import run_repl
            run_repl()
        return _kill_emacs_hook_then(0)
    except KillEmacs as k:
        return k.code
    except LispSignal as e:
        print_uncaught(e.symbol, e.data)
        return 255


def _read_expression(text, read_from_string):
    """The form that --eval TEXT evaluates; what reading gave is kept across
    runs as for loaded files (elisp/readcache.py), so that a repeated command
    needs neither the reader nor Lark."""
    from . import readcache
    from .cachefiles import pickle
    saved = readcache.lookup(None, text)
    if saved is not None:
        return pickle.loads(saved[0])
    form = read_from_string(text).car
    if '#' not in text:                 # (#N= labels may make it circular)
        blobs = readcache.snapshot([], form)
        if blobs is not None:
            readcache.store(None, text, blobs)
    return form


def _version():
    from . import __version__
    return __version__


def _load_command_line_file(f):
    from .prims.lread import load
    path = os.path.expanduser(f)
    if os.path.exists(path) or os.path.exists(path + '.el'):
        path = os.path.abspath(path)
    load(path, _NIL(), _T())


def _NIL():
    from .lisp import NIL
    return NIL


def _T():
    from .lisp import T
    return T


def _kill_emacs_hook_then(code):
    from .lisp import intern
    from .prims.eval import run_hooks
    from .errors import LispSignal
    try:
        run_hooks(intern('kill-emacs-hook'))
    except LispSignal:
        pass
    return code


def main(argv=None):
    # Importing the primitives makes many objects that live for the whole run:
    # collecting meanwhile is wasted (runtime.initialize freezes them and
    # enables the collector again).
    import gc
    gc.disable()
    if argv is None:
        argv = sys.argv[1:]
    global debug_internal
    if '--debug-internal' in argv:
        debug_internal = True
    from .prims.print import output
    try:
        code = run_with_big_stack(_guarded, argv)
    except KeyboardInterrupt:
        code = 130
    output.flush()
    _kill_children()
    from . import codecache
    codecache.save()
    try:
        sys.stdout.flush()
    except Exception:
        pass
    os._exit(code if code.__class__ is int else 0)


def _kill_children():
    """Emacs kills its subprocesses when it exits."""
    try:
        from .prims import subproc
        subproc.kill_all_children()
    except Exception:
        pass


def _guarded(argv):
    """process_args, but a Python-level failure still ends like Emacs would."""
    from .prims.print import output
    try:
        return process_args(argv)
    except KillEmacs as k:
        return k.code
    except RecursionError:
        from .lisp import intern, list_
        print_uncaught(intern('error'), list_('Lisp nesting exceeds \u2018max-lisp-eval-depth\u2019'))
        return 255
    except Exception as e:
        if debug_internal:
            import traceback
            traceback.print_exc()
        from .lisp import intern, list_
        print_uncaught(intern('error'), list_('Internal error: %s: %s' % (type(e).__name__, e)))
        return 255
    finally:
        output.flush()
