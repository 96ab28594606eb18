"""The conformance corpus: our interpreter against outputs recorded from GNU Emacs 28.2."""

import io
import shutil

import pytest

from elisp import conformance


def test_corpus_matches_recorded_emacs_output():
    out = io.StringIO()
    paths = conformance.expr_files() + conformance.program_files()
    result, known = conformance.check(paths, out=out)
    print(out.getvalue())
    assert not result.unexpected, out.getvalue()


@pytest.mark.skipif(shutil.which('emacs') is None, reason='GNU Emacs is not installed')
def test_recorded_expectations_are_not_stale():
    out = io.StringIO()
    paths = conformance.expr_files() + conformance.program_files()
    changed = conformance.stale(paths, out=out)
    assert not changed, out.getvalue()
