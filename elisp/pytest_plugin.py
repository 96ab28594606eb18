"""pytest plugin: ERT test files (`test-*.el`) become pytest items.

Each `ert-deftest` in a collected file is one item.  A file is loaded and its
tests are listed in a subprocess (`python -m elisp`); when the first item of a
file runs, the selected tests of that file run together in one more
subprocess, and every item then reports its own result:

  ERT passed                      -> passed
  ERT failed / error              -> failed, with ERT's condition as the message
  ERT skipped                     -> skipped, with the skip reason
  failed, :expected-result :failed -> xfailed
  passed, :expected-result :failed -> failed ("passed unexpectedly")

Register it with `pytest_plugins = ["elisp.pytest_plugin"]` in a conftest.py,
or through the `pytest11` entry point once the package is installed.
"""

import os
import re
import subprocess
import sys

import pytest

RS = '\x1e'          # starts a record in the subprocess output
US = '\x1f'          # separates fields of a record

_LIST_FORM = r'''(dolist (n (progn (require 'ert) (ert--all-test-names)))
  (princ (concat "\x1e" (symbol-name n) "\x1f"
                 (prin1-to-string (ert-test-expected-result-type (ert-get-test n)))
                 "\n")))'''

_RUN_FORM = r'''(dolist (name (progn (require 'ert) (mapcar #'intern '(%s))))
  (let* ((test (ert-get-test name))
         (result (ert-run-test test))
         (expectedp (ert-test-result-expected-p test result))
         (kind (ert-string-for-test-result result t))
         (text (cond ((ert-test-skipped-p result)
                      (ert-reason-for-test-result result))
                     ((ert-test-result-with-condition-p result)
                      (concat (ert--infos-string (ert-test-result-with-condition-infos result))
                              "    "
                              (ert--pp-to-string
                               (ert-test-result-with-condition-condition result) 4)))
                     (t ""))))
    (princ (concat "\x1e" (symbol-name name) "\x1f" kind "\x1f" (if expectedp "t" "nil")
                   "\x1f" text "\n"))))'''


def _lisp_string(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def _run_elisp(path, form, timeout=600):
    directory = os.path.dirname(os.path.abspath(path))
    cmd = [sys.executable, '-m', 'elisp', '-Q', '--batch', '-L', directory,
           '-l', os.path.abspath(path), '--eval', form]
    env = dict(os.environ)
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env['PYTHONPATH'] = here + (os.pathsep + env['PYTHONPATH'] if env.get('PYTHONPATH') else '')
    proc = subprocess.run(cmd, capture_output=True, timeout=timeout, cwd=directory, env=env)
    return (proc.stdout.decode('utf-8', 'surrogateescape'),
            proc.stderr.decode('utf-8', 'surrogateescape'), proc.returncode)


def _records(stdout):
    for chunk in stdout.split(RS)[1:]:
        yield chunk.rstrip('\n').split(US)


class ErtFailure(Exception):
    """An ERT test did not have the expected result."""


class ErtFile(pytest.File):
    """A file of ERT tests."""

    def collect(self):
        out, err, code = _run_elisp(str(self.path), _LIST_FORM)
        if code != 0:
            raise ErtFailure('loading %s failed (exit code %d):\n%s' % (self.path, code, err))
        try:
            text = self.path.read_text(encoding='utf-8', errors='replace')
        except OSError:
            text = ''
        self.results = None
        for fields in _records(out):
            name, expected = fields[0], fields[1]
            m = re.search(r'^\s*\(ert-deftest\s+' + re.escape(name) + r'[\s)]', text, re.M)
            lineno = text.count('\n', 0, m.start() + m.group(0).index('(')) if m else 0
            yield ErtItem.from_parent(self, name=name, expected_failure=(expected == ':failed'),
                                      lineno=lineno)

    def run_tests(self, names):
        form = _RUN_FORM % ' '.join(_lisp_string(n) for n in names)
        out, err, code = _run_elisp(str(self.path), form)
        results = {}
        for fields in _records(out):
            if len(fields) >= 4:
                results[fields[0]] = (fields[1], fields[2] == 't', US.join(fields[3:]))
        self.results = results
        self.stderr = err
        self.exit_code = code


class ErtItem(pytest.Item):
    """One `ert-deftest`."""

    def __init__(self, *, expected_failure=False, lineno=0, **kwargs):
        super().__init__(**kwargs)
        self.expected_failure = expected_failure
        self.el_lineno = lineno
        if expected_failure:
            self.add_marker(pytest.mark.ert_expected_failure)

    def runtest(self):
        parent = self.parent
        if parent.results is None or self.name not in parent.results:
            names = [it.name for it in self.session.items
                     if isinstance(it, ErtItem) and it.parent is parent]
            if self.name not in names:
                names.append(self.name)
            parent.run_tests(names)
        result = parent.results.get(self.name)
        if result is None:
            raise ErtFailure('test %s produced no result (exit code %s):\n%s'
                             % (self.name, parent.exit_code, parent.stderr))
        kind, expectedp, text = result
        if kind == 'skipped':
            reason = text.strip() or 'skipped by ERT'
            pytest.skip(reason)
        if kind == 'passed':
            if not expectedp:
                raise ErtFailure('Test %s passed unexpectedly' % self.name)
            return
        if expectedp:
            pytest.xfail('expected failure (:expected-result :failed)')
        raise ErtFailure('Test %s condition:\n%s' % (self.name, text))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, ErtFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        return self.path, self.el_lineno, 'ert: %s' % self.name


def pytest_configure(config):
    config.addinivalue_line('markers', 'ert_expected_failure: ERT test with :expected-result :failed')


def pytest_collect_file(parent, file_path):
    name = file_path.name
    if file_path.suffix == '.el' and name.startswith('test-'):
        return ErtFile.from_parent(parent, path=file_path)
    return None
