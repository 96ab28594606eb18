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
import pickle
import zlib

MAX_FILES = 200
_version = None


def _dir():
    base = os.environ.get('XDG_CACHE_HOME') or os.path.join(os.path.expanduser('~'), '.cache')
    return os.path.join(base, 'elisp', 'read')


def _reader_version():
    """Changes whenever the reader or the data model does."""
    global _version
    if _version is None:
        here = os.path.dirname(os.path.abspath(__file__))
        parts = []
        for name in ('reader.py', 'grammar.lark', 'lisp.py', 'readcache.py'):
            st = os.stat(os.path.join(here, name))
            parts.append('%s:%d:%d' % (name, st.st_size, st.st_mtime_ns))
        _version = ';'.join(parts)
    return _version


def _file_for(path, text):
    data = ('%s\0%s\0%s' % (_reader_version(), path, text)).encode('utf-8', 'surrogateescape')
    return os.path.join(_dir(), '%08x%08x.pickle' % (zlib.crc32(data), zlib.adler32(data)))


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
            blobs.append(pickle.dumps(form, pickle.HIGHEST_PROTOCOL))
        except Exception:
            return None
    return blobs


def store(path, text, blobs):
    """Save BLOBS, every form read from PATH holding TEXT."""
    target = _file_for(path, text)
    tmp = '%s.%d.tmp' % (target, os.getpid())
    try:
        os.makedirs(_dir(), exist_ok=True)
        with open(tmp, 'wb') as f:
            pickle.dump((_reader_version(), path, text, blobs), f, pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
        _prune()
    except Exception:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _prune():
    """Keep the most recently written MAX_FILES files."""
    d = _dir()
    names = os.listdir(d)
    if len(names) <= MAX_FILES:
        return
    paths = sorted((os.path.join(d, n) for n in names), key=lambda p: os.stat(p).st_mtime)
    for p in paths[:len(paths) - MAX_FILES]:
        try:
            os.unlink(p)
        except OSError:
            pass
