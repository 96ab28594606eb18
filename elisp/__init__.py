"""elisp: Emacs Lisp, in Python, outside Emacs."""

__version__ = '0.1.0'
