"""Python-level checks of fns/data primitives; expected values were taken from GNU Emacs 28.2."""

import subprocess
import sys


def run(expr):
    p = subprocess.run([sys.executable, '-m', 'elisp', '-Q', '--batch', '--eval', '(prin1 %s)' % expr],
                       capture_output=True, text=True)
    return p.stdout


def test_seeded_random_matches_emacs():
    # emacs -Q --batch --eval '(prin1 (list (random "seed") (random 100) ...))'
    assert run('(list (random "seed") (random 100) (random 1000) (random) (random "") '
               '(random "abcdef") (random 7))') == \
        '(-1212212404989382288 22 828 -392937327419639620 -525573020410582217 1776043524114162448 4)'


def test_hash_table_slot_reuse_order():
    # Emacs reuses the slot freed by remhash first, so maphash order is c a b.
    assert run("(let ((h (make-hash-table)) (r nil)) (dolist (k '(c a b)) (puthash k t h)) "
               "(remhash 'a h) (puthash 'a t h) (maphash (lambda (k _v) (push k r)) h) "
               "(nreverse r))") == '(c a b)'


def test_format_cache_keeps_error_order():
    # The first spec's type error comes before the later invalid directive.
    assert run('(condition-case e (format "%d %z" "a") (error e))') == \
        '(error "Format specifier doesn’t match argument type")'
    # Emacs checks the argument count before the conversion character.
    assert run('(condition-case e (format "%d %z" 1) (error e))') == \
        '(error "Not enough arguments for format string")'
    assert run('(condition-case e (format "%z" 1) (error e))') == \
        '(error "Invalid format operation %z")'
