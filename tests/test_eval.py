"""Evaluator behaviours checked through the command line (values recorded from Emacs 28.2)."""

from conftest import run_elisp


def test_eval_progn_sees_macro_defined_earlier():
    expr = "(progn (defmacro m1 (x) (list 'quote x)) (princ (m1 hello)))"
    out, err, code = run_elisp('--batch', '--eval', expr)
    assert (out, code) == ('hello', 0)


def test_closure_prints_whole_environment():
    expr = '(let ((a 1) (b 2)) (prin1 (lambda () a)))'
    out, err, code = run_elisp('--batch', '--eval', expr)
    assert (out, code) == ('(closure ((b . 2) (a . 1) t) nil a)', 0)


def test_parameters_are_lexical_even_when_special():
    expr = ('(progn (defvar sp 1) (defun get-sp () sp) '
            '(princ (funcall (lambda (sp) (list sp (get-sp))) 5)))')
    out, err, code = run_elisp('--batch', '--eval', expr)
    assert (out, code) == ('(5 1)', 0)
