"""What reading a loaded file (or an --eval expression) gave, kept across runs,
as Python keeps .pyc files.

`load` reads a file form by form, evaluating each before reading the next.
When every form of a file has been read, their snapshots (pickled as each was
read, before evaluation could change it) are saved under ~/.cache/elisp/read,
together with the file's name and whole text.  Loading the same text from the
same place again evaluates fresh copies of those forms and skips the reader
(and importing Lark).  Reading depends only on the text and `load-file-name`
(for #$), so the saved forms are exactly what reading would give.
"""

import os

from .cachefiles import (cache_dir, digest, fingerprint, keep_newest, write_atomically,
                         pickle, PICKLE_PROTOCOL)

MAX_FILES = 200
_version = None


def _reader_version():
    """Changes whenever the reader or the data model does."""
    global _version
    if _version is None:
        here = os.path.dirname(os.path.abspath(__file__))
        _version = fingerprint([os.path.join(here, name) for name in
                                ('reader.py', 'grammar.lark', 'lisp.py', 'readcache.py')])
    return _version


def _file_for(path, text):
    return cache_dir('read', '%s.pickle' % digest('%s\0%s\0%s' % (_reader_version(), path, text)))


def lookup(path, text):
    """The pickled forms saved for PATH holding TEXT (PATH None for an --eval
    expression), or None."""
    try:
        with open(_file_for(path, text), 'rb') as f:
            version, saved_path, saved_text, blobs = pickle.load(f)
    except Exception:           # missing, unreadable or from another version
        return None
    if version != _reader_version() or saved_path != path or saved_text != text:
        return None
    return blobs


def snapshot(blobs, form):
    """BLOBS with FORM's snapshot added, or None once a form cannot be pickled
    (a circular or very deep one): then the file is not saved."""
    if blobs is not None:
        try:
            blobs.append(pickle.dumps(form, PICKLE_PROTOCOL))
        except Exception:
            return None
    return blobs


def store(path, text, blobs):
    """Save BLOBS, every form read from PATH holding TEXT."""
    saved = (_reader_version(), path, text, blobs)
    if write_atomically(_file_for(path, text),
                        lambda f: pickle.dump(saved, f, PICKLE_PROTOCOL)):
        keep_newest(cache_dir('read'), MAX_FILES)
