"""The interactive REPL, in the manner of Emacs's IELM.

`run_repl()` starts it: on a terminal it is a prompt_toolkit session (prompt
`ELISP> `, multi-line input decided by our reader, history, highlighting,
completion); otherwise it reads forms from stdin and prints the same results,
so it can be scripted.  Results print as IELM prints them: `prin1`, plus
` (#o1, #x1, ?\\C-a)` after integers; errors as `*** Eval error ***  MESSAGE`.

Network processes and timers keep running while the REPL waits for input:
`EventLoopAdapter` drives `elisp.eventloop` (run_once, set_idle,
set_callback_error_handler) every 50 ms from prompt_toolkit's event loop, and
what filters, sentinels and timers print appears above the line being typed.
Errors in them print `error in process filter: MESSAGE` and the session goes
on.  Ctrl-C during evaluation signals Lisp's `quit`.
"""

import os
import sys

PROMPT = 'ELISP> '

# ---------------------------------------------------------------- reading input


class InputStatus:
    """The outcome of reading a piece of REPL input with our reader."""
    __slots__ = ('complete', 'forms', 'error')

    def __init__(self, complete, forms, error):
        self.complete = complete    # False: the reader hit end-of-file mid-datum
        self.forms = forms          # the data read before any error
        self.error = error          # a LispSignal for a read error, or None


def read_input(text):
    """Read every datum of TEXT; end-of-file inside a datum means incomplete."""
    from .reader import read_from_string
    from .errors import LispSignal, Q
    forms = []
    pos = 0
    while True:
        if _only_blank(text, pos):
            return InputStatus(True, forms, None)
        try:
            obj, pos = read_from_string(text, pos)
            forms.append(obj)
        except LispSignal as e:
            if e.symbol is Q('end-of-file'):
                return InputStatus(False, forms, e)
            return InputStatus(True, forms, e)
        except RecursionError:
            from .lisp import list_
            return InputStatus(True, forms, LispSignal(Q('error'), list_('Input too deeply nested')))


def _only_blank(text, pos):
    """Is there nothing but blanks and comments in TEXT from POS on?"""
    for kind, s, e in scan(text[pos:]):
        if kind not in ('space', 'comment'):
            return False
    return True


def input_is_complete(text):
    return read_input(text).complete


# ---------------------------------------------------------------- a light Lisp scanner
# Used for indentation, paren matching and highlighting (not for reading).

_DELIMS = set(' \t\n\r\f()[]";\'`,')


def scan(text):
    """Split TEXT into (kind, start, end) tokens: open, close, string, comment,
    char, symbol, prefix, space; an unterminated string is kind 'string' too."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        start = i
        if c in ' \t\n\r\f':
            while i < n and text[i] in ' \t\n\r\f':
                i += 1
            out.append(('space', start, i))
        elif c == ';':
            while i < n and text[i] != '\n':
                i += 1
            out.append(('comment', start, i))
        elif c == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == '\\' else 1
            i = min(i + 1, n)
            out.append(('string', start, i))
        elif c in '([':
            out.append(('open', start, i + 1))
            i += 1
        elif c in ')]':
            out.append(('close', start, i + 1))
            i += 1
        elif c in '\'`':
            out.append(('prefix', start, i + 1))
            i += 1
        elif c == ',':
            i += 2 if text.startswith(',@', i) else 1
            out.append(('prefix', start, i))
        elif c == '#' and i + 1 < n and text[i + 1] in "'(":
            i += 1 if text[i + 1] == '(' else 2
            out.append(('prefix', start, i))
        elif c == '?':
            i = _scan_char(text, i + 1)
            out.append(('char', start, i))
        else:
            while i < n and text[i] not in _DELIMS:
                i += 2 if text[i] == '\\' else 1
            i = min(i, n)
            out.append(('symbol', start, i))
    return out


def _scan_char(text, i):
    """End of a character literal whose text (after `?`) starts at I."""
    n = len(text)
    while i < n:
        if text[i] != '\\':
            return i + 1
        if i + 1 >= n:
            return n
        c = text[i + 1]
        if c in 'CMSHAs' and i + 2 < n and text[i + 2] == '-':
            i += 3
            continue
        if c == '^':
            i += 2
            continue
        i += 2
        if c == 'N' and i < n and text[i] == '{':
            j = text.find('}', i)
            return n if j < 0 else j + 1
        if c in 'xuU01234567':
            while i < n and text[i] not in _DELIMS and text[i] != '?':
                i += 1
        return i
    return n


def paren_pairs(text):
    """Map each bracket position to its partner's; unmatched ones map to None."""
    pairs = {}
    stack = []
    for kind, s, e in scan(text):
        if kind == 'open' or (kind == 'prefix' and text[e - 1] == '('):
            stack.append(e - 1)
        elif kind == 'close':
            if stack:
                o = stack.pop()
                pairs[o] = s
                pairs[s] = o
            else:
                pairs[s] = None
    for o in stack:
        pairs[o] = None
    return pairs


_BODY_FORMS = {
    'lambda': 1, 'let': 1, 'let*': 1, 'when': 1, 'unless': 1, 'while': 1, 'dolist': 1,
    'dotimes': 1, 'catch': 1, 'condition-case': 2, 'unwind-protect': 1, 'progn': 0,
    'defun': 2, 'defmacro': 2, 'defvar': 1, 'defconst': 1, 'defcustom': 1, 'if': 2,
    'save-excursion': 0, 'save-restriction': 0, 'save-current-buffer': 0,
    'with-current-buffer': 1, 'with-temp-buffer': 0, 'pcase': 1, 'cl-defun': 2,
    'defsubst': 2, 'prog1': 1, 'prog2': 2, 'ignore-errors': 0, 'letrec': 1,
    'cl-loop': 0, 'cl-flet': 1, 'cl-labels': 1, 'named-let': 2, 'if-let': 2,
    'when-let': 1, 'if-let*': 2, 'when-let*': 1, 'while-let': 1, 'with-output-to-string': 0,
}


def indentation_for(text):
    """Columns to indent a new line following TEXT (in the manner of lisp-indent-line)."""
    toks = scan(text)
    stack = []          # for each open paren: the token indexes inside it
    for idx, (kind, s, e) in enumerate(toks):
        if kind == 'open' or (kind == 'prefix' and text[e - 1] == '('):
            if stack:
                stack[-1][1].append(idx)
            stack.append((s if kind == 'open' else e - 1, []))
        elif kind == 'close':
            if stack:
                stack.pop()
        elif kind not in ('space', 'comment') and stack:
            stack[-1][1].append(idx)
    if not stack:
        return 0
    open_pos, inner = stack[-1]
    line_start = text.rfind('\n', 0, open_pos) + 1
    col = open_pos - line_start
    if text[open_pos] == '[' or not inner:
        return col + 1
    first = toks[inner[0]]
    if first[0] != 'symbol':
        return first[1] - (text.rfind('\n', 0, first[1]) + 1)
    head = text[first[1]:first[2]]
    nbody = _BODY_FORMS.get(head)
    if nbody is None and (head.startswith('def') or head.startswith('with-')):
        nbody = 1
    if nbody is not None:
        nargs = len(inner) - 1
        return col + (4 if nargs < nbody else 2)
    if len(inner) >= 2:
        second = toks[inner[1]]
        if text.count('\n', first[1], second[1]) == 0:
            return second[1] - (text.rfind('\n', 0, second[1]) + 1)
    return col + 1


# ---------------------------------------------------------------- printing results

def prin1_char(c):
    """How IELM shows integer C as a character (prin1-char), or None."""
    if c.__class__ is not int or not 0 <= c <= 127:
        return None
    if c < 32:
        base = chr(c + 96) if 1 <= c <= 26 else chr(c + 64)
        return '?\\C-' + ('\\' + base if base in ';(){}[]"\'\\' else base)
    if c == 127:
        return '?\\C-?'
    ch = chr(c)
    return '?' + ('\\' + ch if ch in ';(){}[]"\'\\' else ch)


def print_format(value):
    """eval-expression-print-format: the ` (#o.., #x.., ?c)` after an integer."""
    if value.__class__ is not int:
        return ''
    o = ('-' if value < 0 else '') + format(abs(value), 'o')
    x = ('-' if value < 0 else '') + format(abs(value), 'x')
    ch = prin1_char(value)
    if ch is not None:
        return ' (#o%s, #x%s, %s)' % (o, x, ch)
    return ' (#o%s, #x%s)' % (o, x)


def format_value(value):
    from .printer import prin1_to_string
    return prin1_to_string(value) + print_format(value)


# ---------------------------------------------------------------- evaluation

class Evaluator:
    """Evaluates REPL input and produces the text IELM would show."""

    def __init__(self):
        from .lisp import intern, NIL, T
        from .variables import set_default
        self.star_syms = [intern('*'), intern('**'), intern('***')]
        for s in self.star_syms:
            s.special = True
            if s.val.__class__.__name__ == 'SpecialValue':
                s.val = NIL
        self.Vlexical_binding = intern('lexical-binding')
        set_default(self.Vlexical_binding, T)

    def eval_form(self, form):
        """Evaluate FORM; return (ok, value-or-message)."""
        from .compiler import eval_form
        from .errors import LispSignal, Throw
        from .lisp import Cons, NIL, T, list_
        from .prims.print import error_message_string
        from .variables import state, symbol_value
        from .cli import KillEmacs
        depth = state.lisp_eval_depth
        ntags = len(state.catch_tags)
        try:
            lexical = T if symbol_value(self.Vlexical_binding) is not NIL else NIL
            value = eval_form(form, lexical)
        except KillEmacs:
            raise
        except LispSignal as e:
            from .errors import Q
            if e.symbol is Q('quit'):
                return False, 'Quit during evaluation'
            return False, error_message_string(Cons(e.symbol, e.data))
        except Throw as t:
            from .errors import Q
            return False, error_message_string(list_(Q('no-catch'), t.tag, t.value))
        except KeyboardInterrupt:
            return False, 'Quit during evaluation'
        except RecursionError:
            return False, 'Lisp nesting exceeds \u2018max-lisp-eval-depth\u2019'
        except Exception as e:       # an interpreter bug: report it, keep going
            return False, 'Internal error: %s: %s' % (type(e).__name__, e)
        finally:
            state.lisp_eval_depth = depth
            del state.catch_tags[ntags:]
        s1, s2, s3 = self.star_syms
        s3.val = s2.val
        s2.val = s1.val
        s1.val = value
        return True, value

    def run_text(self, text, write):
        """Evaluate every form of TEXT, calling WRITE(str) with IELM's result lines."""
        from .prims.print import error_message_string, output
        from .lisp import Cons
        from .errors import LispSignal
        status = read_input(text)
        if not status.complete and not status.forms:
            err = status.error
            write('*** Read error ***  %s\n' % error_message_string(Cons(err.symbol, err.data)))
            return
        for form in status.forms:
            ok, result = self.eval_form(form)
            output.flush()
            if ok:
                try:
                    line = format_value(result)
                except (KeyboardInterrupt, LispSignal):
                    write('*** IELM Error ***  Quit during pretty-printing\n')
                    continue
                except Exception as e:
                    write('*** IELM Error ***  Error during pretty-printing: %s\n' % e)
                    continue
                write(line + '\n')
            else:
                write('*** Eval error ***  %s\n' % result)
        if status.error is not None:
            err = status.error
            write('*** Read error ***  %s\n' % error_message_string(Cons(err.symbol, err.data)))


def _write_stdout(text):
    from .prims.print import output
    output.write_stdout(text)
    output.flush()


# ---------------------------------------------------------------- the event loop

class EventLoopAdapter:
    """Drives elisp.eventloop (when present) while the REPL waits for input.

    Used from eventloop: run_once(timeout), set_callback_error_handler(fn) with
    fn(kind, lisp_signal), set_idle(flag) and fileno()."""

    def __init__(self, report=None):
        self.module = None
        self.broken = False
        self.report = report or self.default_report
        try:
            from . import eventloop
        except ImportError:
            return
        self.module = eventloop
        setter = getattr(eventloop, 'set_callback_error_handler', None)
        if setter is not None:
            setter(self._callback_error)

    @property
    def available(self):
        return (self.module is not None and not self.broken
                and hasattr(self.module, 'run_once'))

    def _callback_error(self, kind, sig):
        """An error escaped a filter or sentinel: show it as interactive Emacs does."""
        from .prims.print import error_message_string
        from .lisp import Cons
        self.report('error in process %s: %s\n'
                    % (kind, error_message_string(Cons(sig.symbol, sig.data))))

    @staticmethod
    def default_report(text):
        from .prims.print import output
        output.write_stderr(text)

    def set_idle(self, flag):
        fn = getattr(self.module, 'set_idle', None)
        if fn is not None and not self.broken:
            try:
                fn(flag)
            except Exception:
                pass

    def fileno(self):
        fn = getattr(self.module, 'fileno', None)
        try:
            return fn() if fn is not None and self.available else None
        except Exception:
            return None

    def run_once(self, timeout=0.0):
        """One iteration of the loop; errors in it are reported, never raised."""
        if not self.available:
            return
        from .errors import LispSignal, Throw
        from .variables import state
        depth = state.lisp_eval_depth
        ntags = len(state.catch_tags)
        try:
            self.module.run_once(timeout)
        except LispSignal as e:
            self._callback_error('filter', e)
        except Throw as t:
            from .errors import Q
            from .lisp import list_
            self._callback_error('filter', LispSignal(Q('no-catch'), list_(t.tag, t.value)))
        except (KeyboardInterrupt, RecursionError):
            pass
        except Exception as e:
            from . import cli
            if isinstance(e, cli.KillEmacs):
                raise
            self.broken = True
            self.report('elisp: event loop disabled after an internal error: %s: %s\n'
                        % (type(e).__name__, e))
        finally:
            state.lisp_eval_depth = depth
            del state.catch_tags[ntags:]


class _Capture:
    """A stand-in for sys.stdout/sys.stderr that collects text."""

    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass

    def isatty(self):
        return False

    def text(self):
        return ''.join(self.parts)


def run_captured(fn):
    """Run FN with standard output and error collected; return the text."""
    from .prims.print import output
    cap = _Capture()
    old = sys.stdout, sys.stderr
    output.flush()
    sys.stdout = sys.stderr = cap
    try:
        fn()
        output.flush()
    finally:
        sys.stdout, sys.stderr = old
    return cap.text()


# ---------------------------------------------------------------- prompt_toolkit parts

def history_path():
    base = os.environ.get('XDG_DATA_HOME') or os.path.join(os.path.expanduser('~'), '.local', 'share')
    return os.path.join(base, 'elisp', 'history')


def describe_symbol(sym):
    """Short description of SYM for completion menus: arglist and first doc line."""
    from .lisp import Subr, Cons, NIL
    from .compiler import Closure
    fn = sym.function
    kind = ''
    if fn.__class__ is Cons and getattr(fn.car, 'name', None) == 'macro':
        kind = 'macro '
        fn = fn.cdr
    if fn.__class__ is Subr:
        from .defun import subr_arglist
        arglist = subr_arglist(fn)
        args = ' '.join(arglist) if arglist is not None else '...'
        kind = 'special form ' if fn.special else kind
        return '%s(%s) %s' % (kind, args, _first_line(fn.doc))
    if fn.__class__ is Closure:
        info = fn.info
        names = [s.name for s in info.required]
        if info.optional:
            names += ['&optional'] + [s.name for s in info.optional]
        if info.rest is not None:
            names += ['&rest', info.rest.name]
        return '%s(%s) %s' % (kind, ' '.join(names).upper(), _first_line(info.doc))
    if fn is not None and fn is not NIL:
        return kind + 'function'
    from .errors import get
    from .lisp import intern
    doc = get(sym, intern('variable-documentation'))
    return 'variable ' + _first_line(doc if isinstance(doc, str) else None)


def _first_line(doc):
    if not doc:
        return ''
    return doc.strip().split('\n', 1)[0][:80]


def _symbol_prefix(text_before):
    i = len(text_before)
    while i > 0 and text_before[i - 1] not in _DELIMS and text_before[i - 1] not in '#?':
        i -= 1
    return text_before[i:]


def make_completer():
    from prompt_toolkit.completion import Completer, Completion
    from .lisp import obarray, UNBOUND

    class SymbolCompleter(Completer):
        """Completes interned symbols that are functions, variables or keywords."""

        def get_completions(self, document, complete_event):
            word = _symbol_prefix(document.text_before_cursor)
            if not word:
                return
            names = []
            for name, sym in list(obarray.items()):
                if name.startswith(word) and (sym.function is not None or sym.val is not UNBOUND):
                    names.append(name)
            names.sort()
            for name in names[:300]:
                try:
                    meta = describe_symbol(obarray[name])
                except Exception:
                    meta = ''
                yield Completion(name, start_position=-len(word), display_meta=meta)

    return SymbolCompleter()


def make_lexer():
    """Pygments' Emacs Lisp lexer when available, else simple token rules."""
    try:
        from pygments.lexers import EmacsLispLexer
        from prompt_toolkit.lexers import PygmentsLexer
        return PygmentsLexer(EmacsLispLexer)
    except ImportError:
        return SimpleLexer()


_KEYWORD_FORMS = frozenset(_BODY_FORMS) | {'quote', 'function', 'setq', 'cond', 'and', 'or',
                                           'interactive', 'setq-default', 'defalias'}


def _lexer_base():
    try:
        from prompt_toolkit.lexers import Lexer
    except ImportError:          # plain mode still works without prompt_toolkit
        return object
    return Lexer


class SimpleLexer(_lexer_base()):
    """Highlights strings, comments, characters, keywords, numbers and special forms."""

    STYLES = {'string': 'class:pygments.literal.string', 'comment': 'class:pygments.comment',
              'char': 'class:pygments.literal.string.char', 'prefix': 'class:pygments.operator'}

    def lex_document(self, document):
        text = document.text
        lines = document.lines
        starts = []
        pos = 0
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        styled = []
        for kind, s, e in scan(text):
            style = self.STYLES.get(kind, '')
            if kind == 'symbol':
                word = text[s:e]
                from .reader import parse_number
                if word.startswith(':'):
                    style = 'class:pygments.name.builtin'
                elif parse_number(word) is not None:
                    style = 'class:pygments.literal.number'
                elif word in _KEYWORD_FORMS:
                    style = 'class:pygments.keyword'
            styled.append((s, e, style))

        def get_line(lineno):
            if lineno >= len(lines):
                return []
            ls = starts[lineno]
            le = ls + len(lines[lineno])
            frags = []
            for s, e, style in styled:
                if e <= ls or s >= le:
                    continue
                frags.append((style, text[max(s, ls):min(e, le)]))
            return frags
        return get_line


def make_paren_processor():
    from prompt_toolkit.layout.processors import Processor, Transformation
    from prompt_toolkit.layout.utils import explode_text_fragments

    class MatchingParenProcessor(Processor):
        """Highlights the bracket matching the one at (or just before) the cursor,
        skipping strings, comments and character literals."""

        def __init__(self):
            self._cache = (None, None)

        def positions(self, document):
            key = (document.text, document.cursor_position)
            if self._cache[0] == key:
                return self._cache[1]
            pairs = paren_pairs(document.text)
            cur = document.cursor_position
            found = []
            for p in (cur, cur - 1):
                if p in pairs and (p == cur or document.text[p] in ')]'):
                    other = pairs[p]
                    if other is not None:
                        found = [document.translate_index_to_position(p),
                                 document.translate_index_to_position(other)]
                    break
            self._cache = (key, found)
            return found

        def apply_transformation(self, ti):
            fragments = ti.fragments
            try:
                positions = self.positions(ti.document)
            except Exception:
                positions = []
            for row, col in positions:
                if row == ti.lineno:
                    col = ti.source_to_display(col)
                    fragments = explode_text_fragments(fragments)
                    if col < len(fragments):
                        style, text = fragments[col][0], fragments[col][1]
                        fragments[col] = (style + ' class:matching-bracket.other', text)
            return Transformation(fragments)

    return MatchingParenProcessor()


def make_key_bindings():
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.filters import has_focus
    from prompt_toolkit.enums import DEFAULT_BUFFER
    kb = KeyBindings()
    editing = has_focus(DEFAULT_BUFFER)

    @kb.add('enter', filter=editing)
    @kb.add('c-j', filter=editing)
    def _(event):
        """Evaluate when the input reads as complete, else open an indented line."""
        buf = event.current_buffer
        if buf.complete_state is not None and buf.complete_state.current_completion is not None:
            buf.complete_state = None
            return
        if input_is_complete(buf.text):
            buf.validate_and_handle()
        else:
            before = buf.document.text_before_cursor
            buf.insert_text('\n' + ' ' * indentation_for(before))

    @kb.add('escape', 'enter', filter=editing)
    def _(event):
        buf = event.current_buffer
        buf.insert_text('\n' + ' ' * indentation_for(buf.document.text_before_cursor))

    @kb.add('escape', 'p', filter=editing)
    def _(event):
        """Previous input (comint's M-p)."""
        event.current_buffer.history_backward(count=event.arg)

    @kb.add('escape', 'n', filter=editing)
    def _(event):
        """Next input (comint's M-n)."""
        event.current_buffer.history_forward(count=event.arg)

    return kb


def make_session(input=None, output=None, history=None):
    """The PromptSession the REPL reads from (INPUT/OUTPUT are for tests)."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import FileHistory, InMemoryHistory
    from prompt_toolkit.styles import Style
    if history is None:
        path = history_path()
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            history = FileHistory(path)
        except OSError:
            history = InMemoryHistory()
    style = Style.from_dict({'matching-bracket.other': 'bg:#44aa44 #ffffff',
                             'prompt': 'bold'})
    return PromptSession(
        multiline=True, history=history, enable_history_search=False,
        lexer=make_lexer(), completer=make_completer(), complete_while_typing=False,
        input_processors=[make_paren_processor()], key_bindings=make_key_bindings(),
        prompt_continuation=lambda width, line, wrap: ' ' * width,
        style=style, include_default_pygments_style=True, input=input, output=output)


# ---------------------------------------------------------------- the loops

def _quit_class():
    from .errors import LispSignal, Q
    from .lisp import NIL

    class Quit(LispSignal):
        """The Lisp `quit` signal, raised asynchronously by Ctrl-C."""

        def __init__(self, *args):
            LispSignal.__init__(self, Q('quit'), NIL)
    return Quit


def _install_quit_on_interrupt():
    """Make Ctrl-C during evaluation signal Lisp's `quit` (catchable by condition-case)
    instead of ending the process, as it does in an interactive Emacs."""
    import ctypes
    from .variables import state
    quit_class = _quit_class()

    def interrupt_thread(thread):
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident),
                                                   ctypes.py_object(quit_class))
    state.interrupt_thread = interrupt_thread


class Repl:
    """One REPL session; `interactive()` on a terminal, `plain()` otherwise."""

    def __init__(self):
        from .prims.print import set_interactive_flush
        set_interactive_flush(True)
        _install_quit_on_interrupt()
        self.evaluator = Evaluator()
        self.events = EventLoopAdapter()

    def interactive(self, session=None):
        """Prompt, evaluate, print, until Ctrl-D on an empty line."""
        import asyncio
        from .cli import KillEmacs
        if session is None:
            session = make_session()
        self.session = session
        events = self.events

        async def pump():
            # Runs in prompt_toolkit's loop, so process output shows above the prompt.
            while True:
                await asyncio.sleep(0.05)
                try:
                    text = run_captured(lambda: events.run_once(0))
                except KillEmacs as k:
                    session.app.exit(exception=k)
                    return
                if text:
                    if not text.endswith('\n'):
                        text += '\n'
                    print_above_prompt(session.app, text)

        def pre_run():
            if events.available:
                session.app.create_background_task(pump())

        while True:
            events.set_idle(True)
            try:
                text = session.prompt(PROMPT, pre_run=pre_run)
            except KeyboardInterrupt:
                continue
            except EOFError:
                break
            finally:
                events.set_idle(False)
            self.run_text(text)

    def run_text(self, text):
        from .errors import LispSignal
        try:
            self.evaluator.run_text(text, _write_stdout)
        except (KeyboardInterrupt, LispSignal):
            _write_stdout('*** Eval error ***  Quit during evaluation\n')

    def plain(self, infile=None):
        """Read forms from INFILE (stdin) as they complete; print results the same way."""
        import select
        from .errors import LispSignal
        fd = (infile or sys.stdin).fileno()
        pending = ''
        raw = b''
        while True:
            try:
                if self.events.available:
                    self.events.set_idle(True)
                    r, _, _ = select.select([fd], [], [], 0.05)
                    if not r:
                        self.events.run_once(0)
                        continue
                    self.events.set_idle(False)
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                raw += chunk
                while b'\n' in raw:
                    line, raw = raw.split(b'\n', 1)
                    pending += line.decode('utf-8', 'surrogateescape') + '\n'
                    if input_is_complete(pending):
                        text, pending = pending, ''
                        self.run_text(text)
            except (KeyboardInterrupt, LispSignal):
                pending = ''
                _write_stdout('*** Eval error ***  Quit during evaluation\n')
        self.events.set_idle(False)
        pending += raw.decode('utf-8', 'surrogateescape')
        if pending.strip():
            self.run_text(pending)


def print_above_prompt(app, text):
    """Show TEXT above the input being edited, then redraw the prompt below it.

    Like prompt_toolkit's run_in_terminal, but synchronous: it never waits on a
    previous call (whose future may belong to an earlier prompt's event loop)."""
    if not app.is_running:
        _raw_write(text)
        return
    app.renderer.erase()
    _raw_write(text)
    app.renderer.request_absolute_cursor_position()
    app.invalidate()


def _raw_write(text):
    from .prims.print import encode_for_terminal
    out = sys.stdout
    try:
        if hasattr(out, 'buffer'):
            out.buffer.write(encode_for_terminal(text))
        else:
            out.write(text)
        out.flush()
    except (OSError, ValueError):
        pass


def run_repl():
    """Start the REPL: interactive on a terminal, plain when stdin is not one."""
    repl = Repl()
    if sys.stdin.isatty() and sys.stdout.isatty():
        try:
            import prompt_toolkit  # noqa: F401
        except ImportError:
            repl.plain()
            return
        repl.interactive()
    else:
        repl.plain()
