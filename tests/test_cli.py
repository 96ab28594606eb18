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
