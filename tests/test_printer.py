"""Printer behaviours the expression corpus cannot show (values recorded from Emacs 28.2)."""

from conftest import run_elisp


def test_print_depth_error_after_partial_output():
    # Emacs prints 200 open parens to stdout before it gives up.
    expr = '(let ((x nil)) (dotimes (_ 300) (setq x (list x))) (prin1 x))'
    out, err, code = run_elisp('--batch', '--eval', expr)
    assert (out, code) == ('(' * 200, 255)
    assert 'Apparently circular structure being printed' in err


def test_raw_bytes_go_to_stdout_in_internal_form():
    out, err, code = run_elisp('--batch', '--eval', '(progn (prin1 "\\xff") (princ "\\351"))')
    assert code == 0
    assert out.encode('utf-8', 'surrogateescape') == b'"\xc1\xbf"\xc1\xa9'
