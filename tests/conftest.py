import os
import subprocess
import sys

import pytest


def _ert_plugin_autoloaded():
    """True when pytest already loads elisp.pytest_plugin through its entry point."""
    if os.environ.get('PYTEST_DISABLE_PLUGIN_AUTOLOAD'):
        return False
    try:
        from importlib.metadata import entry_points
        return any(ep.value == 'elisp.pytest_plugin' for ep in entry_points(group='pytest11'))
    except Exception:
        return False


# The ERT plugin (tests/el/test-*.el); loading it twice would be an error.
pytest_plugins = [] if _ert_plugin_autoloaded() else ["elisp.pytest_plugin"]

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
