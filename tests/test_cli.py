"""The `emacs --batch` contract of the command line, checked against outputs of Emacs 28.2."""

from conftest import run_elisp


def test_eval_prints_to_stdout():
    out, err, code = run_elisp('-Q', '--batch', '--eval', '(princ (+ 1 2))')
    assert (out, code) == ('3', 0)


def test_message_goes_to_stderr():
    out, err, code = run_elisp('--batch', '--eval', '(message "m %d" 1)')
    assert out == '' and err == 'm 1\n' and code == 0


def test_kill_emacs_exit_code():
    out, err, code = run_elisp('--batch', '--eval', '(progn (princ "x") (kill-emacs 3))')
    assert (out, code) == ('x', 3)


def test_uncaught_error_exits_255():
    out, err, code = run_elisp('--batch', '--eval', '(progn (princ "hi") (car 1))')
    assert out == 'hi' and code == 255
    assert 'Debugger entered--Lisp error: (wrong-type-argument listp 1)' in err


def test_options_act_left_to_right(tmp_path):
    f = tmp_path / 'a.el'
    f.write_text('(setq x 10)\n')
    out, err, code = run_elisp('--eval', '(setq x 1)', '-l', str(f), '--eval', '(princ x)')
    assert (out, code) == ('10', 0)


def test_command_line_args_left(tmp_path):
    f = tmp_path / 's.el'
    f.write_text('#!/usr/bin/env elisp\n(prin1 command-line-args-left)\n'
                 '(setq command-line-args-left nil)\n')
    out, err, code = run_elisp('--script', str(f), 'a', 'b')
    assert (out, code) == ('("a" "b")', 0)


def test_funcall_option():
    out, err, code = run_elisp('--eval', '(defun hello () (princ "hello"))', '-f', 'hello')
    assert (out, code) == ('hello', 0)


def test_load_path_option(tmp_path):
    (tmp_path / 'mylib.el').write_text("(provide 'mylib)\n(defun mylib-f () 7)\n")
    out, err, code = run_elisp('-L', str(tmp_path), '--eval', "(progn (require 'mylib) (princ (mylib-f)))")
    assert (out, code) == ('7', 0)


def test_lexical_binding_cookie(tmp_path):
    f = tmp_path / 'lex.el'
    f.write_text(';;; -*- lexical-binding: t -*-\n(prin1 (let ((y 1)) (lambda (x) y)))\n')
    out, err, code = run_elisp('-l', str(f))
    assert out == '(closure ((y . 1) t) (x) y)'
    g = tmp_path / 'dyn.el'
    g.write_text('(prin1 (let ((y 1)) (lambda (x) y)))\n')
    out, err, code = run_elisp('-l', str(g))
    assert out == '(lambda (x) y)'


def test_uncaught_error_starts_a_fresh_line_on_stderr():
    # Emacs 28: stderr is "Debugger entered--Lisp error: ..." right away when stdout
    # ended a line (or had nothing), after a newline when stdout text is unfinished.
    out, err, code = run_elisp('--batch', '--eval', '(car 1)')
    assert (out, code) == ('', 255)
    assert err.startswith('Debugger entered--Lisp error: (wrong-type-argument listp 1)\n')
    out, err, code = run_elisp('--batch', '--eval', '(progn (princ "x") (message "m") (car 1))')
    assert (out, code) == ('x', 255)
    assert err.startswith('\nm\nDebugger entered--Lisp error: (wrong-type-argument listp 1)')


def test_load_of_missing_file_signals_file_missing():
    out, err, code = run_elisp('--batch', '-l', 'no-such-file-anywhere')
    assert (out, code) == ('', 255)
    assert ('Debugger entered--Lisp error: (file-missing "Cannot open load file" '
            '"No such file or directory" "no-such-file-anywhere")') in err


def test_script_missing_file_and_bad_eval():
    out, err, code = run_elisp('--script', '/nonexistent/x.el')
    assert code == 255 and '(file-missing "Cannot open load file"' in err
    out, err, code = run_elisp('--batch', '--eval', '(')
    assert code == 255 and 'Debugger entered--Lisp error: (end-of-file)' in err
    out, err, code = run_elisp('--batch', '--unknown-opt')
    assert code == 255 and "(error \"Unknown option \u2018--unknown-opt\u2019\")" in err


def test_runaway_recursion_is_a_lisp_error(tmp_path):
    f = tmp_path / 'r.el'
    f.write_text(';;; -*- lexical-binding: t -*-\n(defun r (n) (r (1+ n)))\n'
                 '(princ (condition-case e (r 0) (error e)))\n')
    out, err, code = run_elisp('--batch', '-l', str(f))
    assert (out, code) == ('(error Variable binding depth exceeds max-specpdl-size)', 0)


def test_unfinished_form_in_loaded_file(tmp_path):
    f = tmp_path / 'u.el'
    f.write_text('(princ "ran")\n(princ (list 1\n')
    out, err, code = run_elisp('--batch', '-l', str(f))
    assert (out, code) == ('ran', 255)
    assert 'Debugger entered--Lisp error: (end-of-file' in err


def test_read_from_stdin_reads_one_line():
    out, err, code = run_elisp('--batch', '--eval', '(print (read))', input=b'(1 2)\n')
    assert (out, code) == ('Lisp expression: \n(1 2)\n', 0)
    out, err, code = run_elisp('--batch', '--eval', '(print (read))', input=b'(1 2) foo\n')
    assert code == 255 and '(invalid-read-syntax "Trailing garbage following expression")' in err
    out, err, code = run_elisp('--batch', '--eval', '(print (read))', input=b'(1\n 2)\n')
    assert code == 255 and '(end-of-file)' in err
