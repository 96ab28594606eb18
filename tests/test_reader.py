"""Reader behaviours the expression corpus cannot show (values recorded from Emacs 28.2)."""

from conftest import run_elisp


def test_ten_thousand_levels_read_without_crashing():
    expr = ('(let ((o (car (read-from-string (concat (make-string 10000 ?\\() '
            '(make-string 10000 ?\\)))))) (n 0)) (while (consp o) (setq o (car o) n (1+ n))) (princ n))')
    out, err, code = run_elisp('--batch', '--eval', expr)
    assert (out, code) == ('9999', 0)


def test_deep_vectors_and_quotes():
    expr = ('(let ((v (car (read-from-string (concat (make-string 5000 ?\\[) (make-string 5000 ?\\]))))) '
            '(q (car (read-from-string (concat (make-string 5000 ?\\\') "x"))))) '
            '(princ (list (vectorp v) (car q))))')
    out, err, code = run_elisp('--batch', '--eval', expr)
    assert (out, code) == ('(t quote)', 0)


def test_read_from_buffer_moves_point():
    expr = ('(with-temp-buffer (insert "(a b) c ?x") (goto-char (point-min)) '
            '(prin1 (list (read (current-buffer)) (point) (read (current-buffer)) (point) '
            '(read (current-buffer)) (point))))')
    out, err, code = run_elisp('--batch', '--eval', expr)
    assert (out, code) == ('((a b) 6 c 8 120 11)', 0)
