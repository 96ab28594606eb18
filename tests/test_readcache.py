"""Loading a file again from the read cache (elisp/readcache.py) behaves exactly
like reading it: each program is run twice by elisp (reading, then from the
cache) and compared with GNU Emacs 28.2 running it."""

import os
import shutil
import subprocess

import pytest

from conftest import run_elisp

PROGRAMS = {
    # Evaluation changes a quoted constant; the cache must hold it as read.
    'mutated.el': ';;; -*- lexical-binding: t -*-\n'
                  "(defvar rc-list '(1 2 3))\n"
                  '(nreverse rc-list)\n'
                  '(princ (format "%S %S\\n" rc-list (file-name-nondirectory #$)))\n'
                  "(defun rc-f () (let ((l '(0 b))) (setcar l (1+ (car l))) (copy-sequence l)))\n"
                  '(princ (format "%S %S\\n" (rc-f) (rc-f)))\n'
                  "(let ((l '(0 b))) (setcar l (1+ (car l))) (princ l))\n",
    # A macro defined by one form changes how later forms are evaluated.
    'macro.el': '(defmacro rc-twice (x) (list (quote progn) x x))\n'
                '(defvar rc-n 0)\n(rc-twice (setq rc-n (1+ rc-n)))\n(princ rc-n)\n'
                '(princ (list (quote #:u) (eq (quote #:u) (quote #:u)) ?\\N{LATIN SMALL LETTER E WITH ACUTE}))\n',
    # Circular read syntax is never saved; a read error stops the load.
    'circular.el': "(setq rc-c '#1=(a b . #1#))\n(princ (list (car rc-c) (nth 2 rc-c)))\n",
    'bad.el': '(princ "before")\n(princ (list 1 2)\n',
}


def _emacs(path):
    p = subprocess.run(['emacs', '-Q', '--batch', '-l', path], capture_output=True, timeout=60)
    return p.stdout.decode('utf-8', 'surrogateescape'), p.returncode


@pytest.mark.skipif(shutil.which('emacs') is None, reason='GNU Emacs is not installed')
@pytest.mark.parametrize('name', sorted(PROGRAMS))
def test_second_load_agrees_with_emacs(tmp_path, name):
    path = tmp_path / name
    path.write_text(PROGRAMS[name])
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / 'cache'))
    expected = _emacs(str(path))
    first = run_elisp('-Q', '--batch', '-l', str(path), env=env)
    second = run_elisp('-Q', '--batch', '-l', str(path), env=env)
    assert (first[0], first[2]) == expected
    assert (second[0], second[2]) == expected
    saved = os.listdir(tmp_path / 'cache' / 'elisp' / 'read') \
        if (tmp_path / 'cache' / 'elisp' / 'read').exists() else []
    assert len(saved) == (0 if name in ('circular.el', 'bad.el') else 1)
    # The same text in another file: #$ differs, so it is read afresh.
    other = tmp_path / 'sub'
    other.mkdir()
    shutil.copy(path, other / name)
    assert (run_elisp('-Q', '--batch', '-l', str(other / name), env=env)[0]
            == _emacs(str(other / name))[0])


EXPRESSIONS = [
    "(let ((l '(0 b))) (setcar l (1+ (car l))) (princ l))",
    "(princ (list 'a \"s\" ?c 1.5 (make-symbol \"u\") #'car [1 (2)]))",
    "(progn (setq rc-x '#1=(a . #1#)) (princ (car rc-x)))",
]


@pytest.mark.skipif(shutil.which('emacs') is None, reason='GNU Emacs is not installed')
@pytest.mark.parametrize('expr', EXPRESSIONS)
def test_repeated_eval_agrees_with_emacs(tmp_path, expr):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / 'cache'))
    p = subprocess.run(['emacs', '-Q', '--batch', '--eval', expr], capture_output=True, timeout=60)
    expected = (p.stdout.decode(), p.returncode)
    for _ in range(2):
        out, _, code = run_elisp('-Q', '--batch', '--eval', expr, env=env)
        assert (out, code) == expected


LIB_AUTOLOAD = os.path.join(os.path.dirname(__file__), 'conformance', 'programs', 'lib-autoload')


@pytest.mark.parametrize('writable', [True, False])
def test_run_that_builds_the_stdlib_cache_starts_like_later_runs(tmp_path, writable):
    """Building the stdlib cache loads every library, lazy ones included; the
    run that builds it must still start with only the preloaded ones, as every
    later run does (and as emacs -Q does: the recorded output), also when the
    cache cannot be written."""
    with open(LIB_AUTOLOAD + '.out', encoding='utf-8') as f:
        expected = f.read()
    cache = tmp_path / 'cache'
    if not writable:
        cache.write_text('not a directory')
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    for _ in range(2):
        out, _, code = run_elisp('-Q', '--batch', '-l', LIB_AUTOLOAD + '.el', env=env)
        assert (out, code) == (expected, 0)
    built = (cache / 'elisp').is_dir() and any(
        name.startswith('stdlib-') for name in os.listdir(cache / 'elisp'))
    assert built == writable


FUSED = os.path.join(os.path.dirname(__file__), 'conformance', 'programs', 'core-fused')


def test_fused_code_kept_across_runs_behaves_the_same(tmp_path):
    """Fused code (elisp/codegen.py) compiled by one run is kept, one file per
    function, and used by the next; a damaged file is compiled afresh."""
    with open(FUSED + '.out', encoding='utf-8') as f:
        expected = f.read()
    with open(FUSED + '.exit', encoding='utf-8') as f:
        expected_code = int(f.read())
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / 'cache'))
    out, _, code = run_elisp('-Q', '--batch', '-l', FUSED + '.el', env=env)
    assert (out, code) == (expected, expected_code)
    kept = [os.path.join(d, n) for d, _, names in os.walk(tmp_path / 'cache' / 'elisp')
            if os.path.basename(d).startswith('fused-') for n in names]
    assert kept
    written = {path: os.stat(path).st_mtime_ns for path in kept}
    out, _, code = run_elisp('-Q', '--batch', '-l', FUSED + '.el', env=env)
    assert (out, code) == (expected, expected_code)
    # Read, not compiled and written again.
    assert {path: os.stat(path).st_mtime_ns for path in kept} == written
    for path in kept:
        with open(path, 'wb') as f:
            f.write(b'not marshalled code')
    out, _, code = run_elisp('-Q', '--batch', '-l', FUSED + '.el', env=env)
    assert (out, code) == (expected, expected_code)
