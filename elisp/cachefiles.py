"""Where elisp keeps its caches across runs, and how their files are named and written.

Under $XDG_CACHE_HOME/elisp (default ~/.cache/elisp): the macroexpanded stdlib
(runtime.py), compiled call-node code (codecache.py), forms read by `load`
(readcache.py) and Lark's grammar tables (reader.py).  Deleting it is safe.
"""

import os
import zlib

try:
    # The C pickler itself: importing the pickle module around it costs about
    # a millisecond of every start-up.
    import _pickle as pickle
except ImportError:
    import pickle

PICKLE_PROTOCOL = -1        # the highest protocol


def cache_dir(*parts):
    """The cache directory (or a path under it)."""
    base = os.environ.get('XDG_CACHE_HOME') or os.path.join(os.path.expanduser('~'), '.cache')
    return os.path.join(base, 'elisp', *parts)


def fingerprint(paths):
    """A string that changes whenever one of the files PATHS does."""
    parts = []
    for path in paths:
        st = os.stat(path)
        parts.append('%s:%d:%d;' % (path, st.st_size, st.st_mtime_ns))
    return ''.join(parts)


def digest(text):
    """A short hex digest of TEXT for file names (zlib rather than hashlib:
    importing hashlib costs start-up 4 ms)."""
    data = text.encode('utf-8', 'surrogateescape')
    return '%08x%08x' % (zlib.crc32(data), zlib.adler32(data))


def write_atomically(path, write):
    """Call WRITE(file) on a temporary file that then replaces PATH, so that
    concurrent runs never read half a file.  Returns False when it failed."""
    tmp = '%s.%d.tmp' % (path, os.getpid())
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, 'wb') as f:
            write(f)
        os.replace(tmp, path)
        return True
    except Exception:           # unwritable directory, unpicklable data, ...
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False


def keep_newest(directory, keep, prefix='', suffix=''):
    """Remove all but the KEEP newest files of DIRECTORY named PREFIX...SUFFIX."""
    try:
        paths = [os.path.join(directory, n) for n in os.listdir(directory)
                 if n.startswith(prefix) and n.endswith(suffix)]
        if len(paths) <= keep:
            return
        paths.sort(key=lambda p: os.stat(p).st_mtime, reverse=True)
    except OSError:
        return
    for p in paths[keep:]:
        try:
            os.unlink(p)
        except OSError:
            pass
