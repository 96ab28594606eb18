import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_elisp(*args, input=None, timeout=60, env=None):
    """Run the interpreter as a user would; return (stdout, stderr, exit code)."""
    proc = subprocess.run([sys.executable, '-m', 'elisp'] + list(args), input=input,
                          capture_output=True, timeout=timeout, cwd=ROOT, env=env)
    return (proc.stdout.decode('utf-8', 'surrogateescape'),
            proc.stderr.decode('utf-8', 'surrogateescape'), proc.returncode)


@pytest.fixture
def elisp_run():
    return run_elisp
