"""Start the elisp REPL: `python repl.py [-l FILE]...` (options as for `elisp`)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from elisp.cli import main  # noqa: E402

if __name__ == '__main__':
    main(sys.argv[1:] + ['--repl'])
