"""The REPL: input completeness by our reader, IELM's result format, and real
sessions driven through prompt_toolkit's pipe input and through a pseudo-terminal.

Expected strings come from Emacs 28.2's IELM (`ielm-eval-input`) and
`eval-expression-print-format`."""

import os
import pty
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from conftest import ROOT

from elisp import runtime

runtime.initialize()

from elisp import repl  # noqa: E402
from elisp.repl import read_input, print_format, indentation_for, paren_pairs  # noqa: E402


@pytest.fixture(autouse=True)
def restore_interpreter_state():
    """In-process REPL sessions change global settings: put them back afterwards."""
    from elisp.lisp import intern
    from elisp.variables import state, default_value, set_default
    from elisp.prims import print as print_mod
    lb = intern('lexical-binding')
    saved = (default_value(lb), print_mod._interactive_flush, state.__dict__.get('interrupt_thread'))
    yield
    set_default(lb, saved[0])
    print_mod.set_interactive_flush(saved[1])
    if saved[2] is None:
        state.__dict__.pop('interrupt_thread', None)
    else:
        state.interrupt_thread = saved[2]


# ---------------------------------------------------------------- completeness

@pytest.mark.parametrize('text, complete', [
    ('(+ 1 2)', True), ('(+ 1', False), ('?(', True), ('"("', True), ('("(" ', False),
    ('; (', True), ('(a ; )\n', False), ('\\(', True), ('(foo \\(', False), ('?\\(', True),
    ('(list ?( ?) )', True), ('(1 2) (3', False), (')', True), ('', True), ("'", False),
    ('"abc', False), ('(+ 1 2) ; comment (', True), ('#s(a', False), ('1 2 3', True),
    ('(a ?\\C-( b', False), ('(a ?\\C-( b)', True), ('"\\""', True), ('"\\"', False),
    ('[1 (2', False), ('#(', False),
])
def test_completeness_is_decided_by_the_reader(text, complete):
    assert read_input(text).complete is complete


def test_several_forms_and_read_errors():
    s = read_input('1 2 (3)')
    assert len(s.forms) == 3 and s.error is None
    s = read_input('(a))')
    assert len(s.forms) == 1 and s.error.symbol.name == 'invalid-read-syntax'


# ---------------------------------------------------------------- printing

# From Emacs 28.2: (eval-expression-print-format N)
EMACS_FORMATS = {
    0: ' (#o0, #x0, ?\\C-@)', 1: ' (#o1, #x1, ?\\C-a)', 7: ' (#o7, #x7, ?\\C-g)',
    9: ' (#o11, #x9, ?\\C-i)', 10: ' (#o12, #xa, ?\\C-j)', 27: ' (#o33, #x1b, ?\\C-\\[)',
    31: ' (#o37, #x1f, ?\\C-_)', 32: ' (#o40, #x20, ? )', 34: ' (#o42, #x22, ?\\")',
    39: " (#o47, #x27, ?\\')", 40: ' (#o50, #x28, ?\\()', 59: ' (#o73, #x3b, ?\\;)',
    63: ' (#o77, #x3f, ??)', 65: ' (#o101, #x41, ?A)', 92: ' (#o134, #x5c, ?\\\\)',
    127: ' (#o177, #x7f, ?\\C-?)', 128: ' (#o200, #x80)', -1: ' (#o-1, #x-1)',
    4194304: ' (#o20000000, #x400000)',
    10 ** 21: ' (#o154327115334273650000000, #x3635c9adc5dea00000)',
}


@pytest.mark.parametrize('n', sorted(EMACS_FORMATS))
def test_integer_format_matches_emacs(n):
    assert print_format(n) == EMACS_FORMATS[n]


def test_non_integers_get_no_suffix():
    assert print_format(1.5) == '' and print_format('a') == ''


@pytest.mark.skipif(shutil.which('emacs') is None, reason='needs emacs')
def test_integer_format_for_all_ascii_live():
    prog = '(dotimes (i 140) (princ (format "%s\\n" (eval-expression-print-format (- i 5)))))'
    out = subprocess.run(['emacs', '-Q', '--batch', '--eval', prog], capture_output=True,
                         timeout=60).stdout.decode()
    assert out.split('\n')[:-1] == [print_format(i - 5) for i in range(140)]


def run_lines(text):
    ev = repl.Evaluator()
    out = []
    ev.run_text(text, out.append)
    return ''.join(out)


def test_results_print_as_in_ielm(capfd):
    # Each expected line is what IELM in Emacs 28.2 shows for the input.
    cases = [
        ('(+ 1 2)', '3 (#o3, #x3, ?\\C-c)\n'),
        ('(car 1)', '*** Eval error ***  Wrong type argument: listp, 1\n'),
        ('"abc"', '"abc"\n'),
        ('(throw \'x 1)', '*** Eval error ***  No catch for tag: x, 1\n'),
        ('(signal \'quit nil)', '*** Eval error ***  Quit during evaluation\n'),
        ('(error "boo %d" 3)', '*** Eval error ***  boo 3\n'),
        (')', '*** Read error ***  Invalid read syntax: ")"\n'),
        ('1.5', '1.5\n'), ("'a", 'a\n'), ('(user-error "u")', '*** Eval error ***  u\n'),
        ('(list 1 "a" ?b)', '(1 "a" 98)\n'), ('nil', 'nil\n'), ('-1', '-1 (#o-1, #x-1)\n'),
    ]
    for text, expected in cases:
        assert run_lines(text) == expected, text


def test_stars_hold_last_three_values():
    ev = repl.Evaluator()
    out = []
    for t in ['"abc"', '"hi"', '(car 1)', '"m"', '(list * ** ***)']:
        ev.run_text(t, out.append)
    assert out[-1] == '("m" "hi" "abc")\n'


def test_lexical_binding_is_on():
    assert run_lines('(let ((x 1)) (lambda () x))') == '(closure ((x . 1) t) nil x)\n'


def test_several_forms_on_one_line():
    assert run_lines('1 "a" (car 1) 2') == ('1 (#o1, #x1, ?\\C-a)\n"a"\n*** Eval error ***  '
                                             'Wrong type argument: listp, 1\n2 (#o2, #x2, ?\\C-b)\n')


# ---------------------------------------------------------------- editing helpers

def test_indentation():
    assert indentation_for('(let ((x 1))') == 2
    assert indentation_for('(foo a') == 5
    assert indentation_for('(list x "(" ?( ; )') == 6
    assert indentation_for('(defun f (x)') == 2
    assert indentation_for('(if a') == 4
    assert indentation_for('(+ 1 2)') == 0


def test_paren_pairs_skip_strings_chars_and_comments():
    text = '(a "(" ?( ?\\) ; )\n b)'
    pairs = paren_pairs(text)
    assert pairs[0] == len(text) - 1


def test_completion_offers_symbols_with_arglists():
    from prompt_toolkit.document import Document
    comp = repl.make_completer()
    got = {c.text: c.display_meta_text for c in comp.get_completions(Document('(mapc'), None)}
    assert 'mapcar' in got and 'FUNCTION SEQUENCE' in got['mapcar']
    run_lines('(defun my-repl-test-fn (a &optional b) "Do things.\nMore." a)')
    got = {c.text: c.display_meta_text for c in
           comp.get_completions(Document('(my-repl-test'), None)}
    assert got == {'my-repl-test-fn': '(A &OPTIONAL B) Do things.'}


# ---------------------------------------------------------------- pipe input

def drive_session(keys, capfd):
    """Run an interactive session on prompt_toolkit's pipe input; return stdout."""
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput
    from prompt_toolkit.history import InMemoryHistory
    with create_pipe_input() as inp:
        session = repl.make_session(input=inp, output=DummyOutput(), history=InMemoryHistory())
        r = repl.Repl()

        def feed():
            for k in keys:
                time.sleep(0.15)
                inp.send_text(k)
            time.sleep(0.15)
            inp.send_text('\x04')
        t = threading.Thread(target=feed)
        t.start()
        r.interactive(session)
        t.join()
    return capfd.readouterr().out


def test_pipe_history_search(capfd):
    out = drive_session(['(concat "a" "b")\r', '(+ 1 2)\r', '\x12conc', '\r', '\r',
                         '\x1bp\x1bp\r'], capfd)
    assert out == '"ab"\n3 (#o3, #x3, ?\\C-c)\n"ab"\n3 (#o3, #x3, ?\\C-c)\n'


def test_pipe_session(capfd):
    out = drive_session(['(+ 1 2)\r', '(let ((x 1))\r', '(+ x 41))\r', '(car 1)\r',
                         '(princ "hi")\r', '\x1b[A\x1b[A\r', '(+ 1\x03', '"ok"\r'], capfd)
    assert out == ('3 (#o3, #x3, ?\\C-c)\n'
                   '42 (#o52, #x2a, ?*)\n'
                   '*** Eval error ***  Wrong type argument: listp, 1\n'
                   'hi"hi"\n'
                   '*** Eval error ***  Wrong type argument: listp, 1\n'
                   '"ok"\n')


# ---------------------------------------------------------------- a pseudo-terminal

ANSI = re.compile(r'\x1b(\[[0-9;?]*[A-Za-z]|\][^\x07]*\x07|[()][A-Z0-9]|[=>])')


class Pty:
    """The REPL on a pseudo-terminal, typed at as a person would."""

    def __init__(self, tmp_path, args=()):
        env = dict(os.environ, XDG_DATA_HOME=str(tmp_path), TERM='xterm',
                   PROMPT_TOOLKIT_NO_CPR='1', COLUMNS='100', LINES='30')
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(ROOT)
            os.execvpe(sys.executable, [sys.executable, 'repl.py'] + list(args), env)
        self.buf = b''

    def read(self, secs=0.3):
        end = time.time() + secs
        while time.time() < end:
            r, _, _ = select.select([self.fd], [], [], 0.05)
            if r:
                try:
                    d = os.read(self.fd, 65536)
                except OSError:
                    break
                if not d:
                    break
                self.buf += d
        return self.text()

    def text(self):
        return ANSI.sub('', self.buf.decode('utf-8', 'replace')).replace('\r', '')

    def wait_for(self, s, secs=15):
        end = time.time() + secs
        while time.time() < end:
            if s in self.read(0.1):
                return True
        return False

    def send(self, keys):
        os.write(self.fd, keys.encode())

    def close(self):
        if self.pid <= 0:
            os.close(self.fd)
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.fd)


@pytest.fixture
def term(tmp_path):
    terms = []

    def start(*args):
        t = Pty(tmp_path, args)
        terms.append(t)
        assert t.wait_for('ELISP>'), t.text()
        return t
    yield start
    for t in terms:
        t.close()


def test_pty_session(term, tmp_path):
    t = term()
    t.send('(+ 1 2)\r')
    assert t.wait_for('3 (#o3, #x3, ?\\C-c)')
    t.send('(let ((s "(")) ; a ( comment\r')
    time.sleep(0.3)
    t.send('(concat s ")"))\r')
    assert t.wait_for('"()"')
    t.send('(car 1)\r')
    assert t.wait_for('*** Eval error ***  Wrong type argument: listp, 1')
    t.send('(+ 2 ')
    time.sleep(0.2)
    t.send('\x03')                      # Ctrl-C at the prompt clears the input
    time.sleep(0.2)
    t.send('\x1b[A\x1b[A\r')            # history: the multi-line form again
    assert t.wait_for('"()"\n' * 1) and t.read(1.0).count('"()"') == 2
    t.send('\x04')                      # Ctrl-D on an empty line exits
    pid, status = os.waitpid(t.pid, 0)
    t.pid = 0
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    hist = (tmp_path / 'elisp' / 'history').read_text()
    assert '+(car 1)' in hist and '+  (concat s ")"))' in hist


def test_pty_load_option(term, tmp_path):
    f = tmp_path / 'lib.el'
    f.write_text('(defun lib-double (x) (* 2 x))\n')
    t = term('-l', str(f))
    t.send('(lib-double 21)\r')
    assert t.wait_for('42 (#o52, #x2a, ?*)')


def test_pty_ctrl_c_during_evaluation(term):
    t = term()
    t.send('(let ((i 0)) (while t (setq i (1+ i))))\r')
    time.sleep(1.0)
    t.send('\x03')
    assert t.wait_for('*** Eval error ***  Quit during evaluation')
    t.send('(+ 2 2)\r')
    assert t.wait_for('4 (#o4, #x4, ?\\C-d)')
    # Ctrl-C is the Lisp `quit` signal: condition-case can catch it.
    t.send('(condition-case nil (while t) (quit (quote caught)))\r')
    time.sleep(1.0)
    t.send('\x03')
    assert t.wait_for('caught\n')


# ---------------------------------------------------------------- plain (not a terminal)

def test_plain_mode_from_a_pipe(tmp_path):
    f = tmp_path / 'lib.el'
    f.write_text('(defvar lib-x 5)\n')
    text = '(+ 1 2)\n(let ((x 1))\n  (+ x lib-x))\n(car 1) "a"\n(princ "hi")\n(message "m")\n(+ 1\n'
    p = subprocess.run([sys.executable, 'repl.py', '-l', str(f)], input=text.encode(),
                       capture_output=True, cwd=ROOT, timeout=60,
                       env=dict(os.environ, XDG_DATA_HOME=str(tmp_path)))
    assert p.stdout.decode() == ('3 (#o3, #x3, ?\\C-c)\n6 (#o6, #x6, ?\\C-f)\n'
                                 '*** Eval error ***  Wrong type argument: listp, 1\n"a"\n'
                                 'hi"hi"\n"m"\n*** Read error ***  End of file during parsing\n')
    assert p.stderr.decode() == 'm\n'
    assert p.returncode == 0


# ---------------------------------------------------------------- the event loop at the prompt

def test_pty_network_filter_timer_and_errors_while_prompt_waits(term):
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(('127.0.0.1', 0))
    srv.listen(1)
    port = srv.getsockname()[1]
    go = [threading.Event() for _ in range(3)]

    def serve():
        c, _ = srv.accept()
        go[0].wait(30)
        c.sendall(b'hello\n')
        go[1].wait(30)
        c.sendall(b'boom\n')
        go[2].wait(30)
        c.close()
        srv.close()
    th = threading.Thread(target=serve, daemon=True)
    th.start()
    t = term()
    t.send('(progn (make-network-process :name "n" :host "127.0.0.1" :service %d :filter '
           '(lambda (p s) (if (string-prefix-p "boom" s) (car 1) (princ (format "got: %%s" s)))) '
           ':sentinel (lambda (p e) (princ (format "sentinel: %%s" e)))) nil)\r' % port)
    assert t.wait_for('nil\n')
    t.send('(progn (run-at-time 0.3 nil (lambda () (princ "tick\\n"))) nil)\r')
    assert t.wait_for('tick\n')
    t.send('(+ 1')                    # typed but not entered while output arrives
    time.sleep(0.3)
    go[0].set()
    assert t.wait_for('got: hello\n')
    go[1].set()
    assert t.wait_for('error in process filter: Wrong type argument: listp, 1\n')
    go[2].set()
    assert t.wait_for('sentinel: connection broken by remote peer\n')
    # The line being typed survived and is redrawn below the output.
    assert t.text().rstrip().endswith('ELISP> (+ 1')
    t.send(' 2)\r')
    assert t.wait_for('3 (#o3, #x3, ?\\C-c)')
    th.join(5)


def test_plain_mode_runs_the_event_loop_between_inputs(tmp_path):
    code = ('(progn (run-at-time 0.2 nil (lambda () (princ "tick\\n"))) nil)\n')
    p = subprocess.Popen([sys.executable, 'repl.py'], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, cwd=ROOT,
                         env=dict(os.environ, XDG_DATA_HOME=str(tmp_path)))
    p.stdin.write(code.encode())
    p.stdin.flush()
    time.sleep(3)                       # idle: the timer fires while waiting for input
    out, err = p.communicate(b'(+ 1 1)\n', timeout=30)
    assert out.decode() == 'nil\ntick\n2 (#o2, #x2, ?\\C-b)\n'


def test_matching_paren_processor_ignores_char_literals():
    from prompt_toolkit.document import Document
    proc = repl.make_paren_processor()
    text = '(list ?( "(" x)'
    assert proc.positions(Document(text, len(text))) == [(0, len(text) - 1), (0, 0)]
    assert proc.positions(Document(text, 0)) == [(0, 0), (0, len(text) - 1)]
    assert proc.positions(Document(text, 3)) == []


def test_fallback_lexer_styles_tokens():
    from prompt_toolkit.document import Document
    lines = repl.SimpleLexer().lex_document(Document('(let ((s "a;b")) ; c\n  :k 12)'))
    first = lines(0)
    assert ''.join(t for _, t in first) == '(let ((s "a;b")) ; c'
    styles = {t: st for st, t in first}
    assert 'string' in styles['"a;b"'] and 'comment' in styles['; c']
    assert 'keyword' in styles['let']
    second = {t: st for st, t in lines(1)}
    assert 'builtin' in second[':k'] and 'number' in second['12']


# ---------------------------------------------------------------- a real terminal emulator

@pytest.mark.skipif(shutil.which('tmux') is None, reason='needs tmux')
def test_tmux_screen_keeps_the_typed_line_below_process_output(tmp_path):
    """What a person sees: timer output lands above the prompt, the typed line survives."""
    sock = 'elisp-repl-test-%d' % os.getpid()
    tmux = ['tmux', '-L', sock]
    cmd = 'cd %s && XDG_DATA_HOME=%s %s repl.py' % (ROOT, tmp_path, sys.executable)
    subprocess.run(tmux + ['new-session', '-d', '-s', 't', '-x', '90', '-y', '20', cmd], check=True)

    def screen():
        return subprocess.run(tmux + ['capture-pane', '-p', '-t', 't'], capture_output=True,
                              text=True).stdout

    def wait(pred, secs=20):
        end = time.time() + secs
        while time.time() < end:
            s = screen()
            if pred(s):
                return s
            time.sleep(0.1)
        return screen()

    try:
        s = wait(lambda s: 'ELISP>' in s)
        subprocess.run(tmux + ['send-keys', '-t', 't',
                               '(progn (run-at-time 1.5 nil (lambda () (princ "tick!\\n"))) t)',
                               'Enter'], check=True)
        wait(lambda s: '\nt\n' in s)
        subprocess.run(tmux + ['send-keys', '-t', 't', '(list 1'], check=True)
        s = wait(lambda s: '\ntick!\n' in s and s.rstrip().endswith('ELISP> (list 1'))
        lines = [l for l in s.split('\n') if l.strip()]
        assert lines[-2:] == ['tick!', 'ELISP> (list 1'], s
        subprocess.run(tmux + ['send-keys', '-t', 't', ' 2)', 'Enter'], check=True)
        # Wait for the whole final state: the next prompt is drawn a moment after
        # the value is printed.
        s = wait(lambda s: '(1 2)' in s and s.rstrip().endswith('ELISP>'))
        lines = [l for l in s.split('\n') if l.strip()]
        assert lines[-3:] == ['ELISP> (list 1 2)', '(1 2)', 'ELISP>'], s
    finally:
        subprocess.run(tmux + ['kill-server'], capture_output=True)
