"""Coding systems (Emacs's coding.c): decoding bytes to text and encoding text to bytes."""

from ..defun import defun
from ..lisp import NIL, T, UnibyteStr, intern
from ..errors import wrong_type


def decode_for_insert(data):
    """Decode file bytes as Emacs does by default here: UTF-8, raw bytes kept."""
    return data.decode('utf-8', 'surrogateescape')


def encode_for_write(text):
    """Encode text for a file: UTF-8, raw-byte characters written as themselves."""
    return text.encode('utf-8', 'surrogateescape')
