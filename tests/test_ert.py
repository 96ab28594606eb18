"""ERT: batch output on stderr and exit codes, compared with GNU Emacs 28.2.

The expected outputs in tests/el/batch/*.stderr and *.exit were recorded from
real Emacs with `python3 tests/test_ert.py --record [NAME...]`.  Lines that can never
match (backtrace frames, timestamps, durations) are normalized on both sides.
"""

import os
import re
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BATCH = os.path.join(HERE, 'el', 'batch')

# (name, command-line arguments after -Q --batch), run from BATCH.
CASES = [
    ('ert-batch-output', ['-l', 'ert-batch-output.el', '-f', 'ert-run-tests-batch-and-exit']),
    ('ert-layout-fuzz', ['-l', 'ert-layout-fuzz.el', '-f', 'ert-run-tests-batch-and-exit']),
    ('pkg-demo-tests', ['-L', '.', '-l', 'pkg-demo-tests.el', '-f', 'ert-run-tests-batch-and-exit']),
    ('pkg-demo-failing', ['-L', '.', '-l', 'pkg-demo-failing-tests.el',
                          '-f', 'ert-run-tests-batch-and-exit']),
    ('pkg-demo-selector', ['-L', '.', '-l', 'pkg-demo-failing-tests.el',
                           '--eval', '(ert-run-tests-batch-and-exit "right")']),
    ('pkg-demo-quiet', ['-L', '.', '-l', 'pkg-demo-failing-tests.el',
                        '--eval', '(setq ert-quiet t)', '-f', 'ert-run-tests-batch-and-exit']),
]


def normalize(text):
    """Drop backtrace frames; replace durations and timestamps by placeholders."""
    out = []
    in_backtrace = False
    for line in text.split('\n'):
        if re.match(r'^Test .* backtrace:$', line):
            out.append(line)
            in_backtrace = True
            continue
        if in_backtrace:
            if line.startswith('  ') and not line.startswith('    '):
                continue
            in_backtrace = False
        line = re.sub(r'\(\d+\.\d+ sec\)', '(T sec)', line)
        line = re.sub(r'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[+-]\d{4}', 'DATE', line)
        line = re.sub(r'DATE, \d+\.\d+ sec', 'DATE, T sec', line)
        out.append(line)
    return '\n'.join(out)


def run(cmd, args):
    env = dict(os.environ, PYTHONPATH=ROOT)
    proc = subprocess.run(cmd + args, cwd=BATCH, capture_output=True, timeout=300, env=env)
    return (proc.stdout.decode('utf-8', 'replace'), proc.stderr.decode('utf-8', 'replace'),
            proc.returncode)


def elisp_cmd():
    return [sys.executable, '-m', 'elisp', '-Q', '--batch']


def expected(name):
    with open(os.path.join(BATCH, name + '.stderr'), encoding='utf-8') as f:
        err = f.read()
    with open(os.path.join(BATCH, name + '.exit'), encoding='utf-8') as f:
        code = int(f.read().strip())
    return err, code


@pytest.mark.parametrize('name,args', CASES, ids=[c[0] for c in CASES])
def test_batch_output_matches_emacs(name, args):
    want_err, want_code = expected(name)
    env_cmd = elisp_cmd()
    _, err, code = run(env_cmd, args)
    assert normalize(err) == want_err
    assert code == want_code


def test_condition_layout_uses_tabs_like_indent_sexp():
    _, err, _ = run(elisp_cmd(), ['-l', 'ert-batch-output.el', '--eval',
                                  "(ert-run-tests-batch-and-exit 't-fail)"])
    assert ('      (list-elt 1\n\t\t(different-atoms\n\t\t (2 "#x2" "?\\2")\n'
            '\t\t (3 "#x3" "?\\3")))))') in err


def test_exit_code_on_error_is_255_with_debugger_message():
    _, err, code = run(elisp_cmd(), ['-l', 'ert-batch-output.el', '--eval',
                                     "(ert-run-tests-batch-and-exit 'no-such-test)"])
    assert code == 255
    assert 'Debugger entered--Lisp error: (cl-assertion-failed (ert-test-boundp selector))' in err


def test_exit_code_on_non_local_exit_is_2():
    _, err, code = run(elisp_cmd(), ['-l', 'ert-batch-output.el', '--eval',
                                     "(catch 'out (ert-deftest t-escape () (throw 'out 1)) "
                                     "(ert-run-tests-batch-and-exit 't-escape))"])
    assert code == 2
    assert 'Error running tests' in err


PLUGIN_TESTS = r''';;; test-plugin-demo.el  -*- lexical-binding: t -*-
(require 'ert)
(ert-deftest demo-pass () (should (= 1 1)))
(ert-deftest demo-fail () (ert-info ("ctx") (should (equal '(1 2) '(1 3)))))
(ert-deftest demo-skip () (skip-unless nil))
(ert-deftest demo-xfail () :expected-result :failed (should nil))
(ert-deftest demo-xpass () :expected-result :failed (should t))
'''


def test_pytest_plugin_reports_ert_results(tmp_path):
    f = tmp_path / 'test-plugin-demo.el'
    f.write_text(PLUGIN_TESTS)
    env = dict(os.environ, PYTHONPATH=ROOT)
    from conftest import _ert_plugin_autoloaded
    plugin = [] if _ert_plugin_autoloaded() else ['-p', 'elisp.pytest_plugin']
    proc = subprocess.run([sys.executable, '-m', 'pytest', '-q', '-rA', '-p', 'no:cacheprovider']
                          + plugin + [str(f)],
                          cwd=str(tmp_path), capture_output=True, timeout=300, env=env)
    out = proc.stdout.decode('utf-8', 'replace')
    assert '2 failed, 1 passed, 1 skipped, 1 xfailed' in out, out
    assert 'Test demo-fail condition:\n    Info: ctx\n    (ert-test-failed' in out
    assert 'Test demo-xpass passed unexpectedly' in out
    assert 'PASSED test-plugin-demo.el::demo-pass' in out


def record(names=()):
    """Write the expected outputs (of the cases NAMES, or all) by running real Emacs."""
    for name, args in CASES:
        if names and name not in names:
            continue
        _, err, code = run(['emacs', '-Q', '--batch'], args)
        with open(os.path.join(BATCH, name + '.stderr'), 'w', encoding='utf-8') as f:
            f.write(normalize(err))
        with open(os.path.join(BATCH, name + '.exit'), 'w', encoding='utf-8') as f:
            f.write('%d\n' % code)
        print('recorded', name, code)


if __name__ == '__main__':
    if sys.argv[1:2] == ['--record']:
        record(sys.argv[2:])
    else:
        print(__doc__)
