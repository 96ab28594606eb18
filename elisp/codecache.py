"""Compiled code for the Python source the evaluator generates, kept across runs.

callgen.py builds call nodes from generated source, one per call shape.
Compiling that source is most of their cost (about half a millisecond a shape),
and the same shapes come back in every run (start-up alone needs some forty),
so the code objects are kept, marshalled, in one file under ~/.cache/elisp,
written back at exit when a run compiled new ones.  Each is unmarshalled only
when needed.

The fused code of codegen.py is larger (often several kilobytes a function,
one to a few milliseconds to compile) and belongs to one program or library,
so each is kept in a file of its own, read only when the same source comes
back: `compiled_apart'.
"""

import marshal
import sys

from .cachefiles import cache_dir, digest, keep_newest, write_atomically

MAX_ENTRIES = 2000      # beyond this, new code is not saved (the file stays small)

_codes = None       # key -> code object, or its marshalled bytes until used
_new = 0


MAX_APART = 2000       # files of fused code kept (the newest)

_TAG = '%s-%d%d' % (sys.implementation.cache_tag, sys.version_info[2], marshal.version)
_apart_written = 0


def _path():
    return cache_dir('code-%s-2.marshal' % _TAG)


def _load():
    global _codes
    try:
        with open(_path(), 'rb') as f:
            codes = marshal.loads(f.read())     # faster than marshal.load(f)
        if codes.__class__ is not dict:
            codes = {}
    except (OSError, EOFError, ValueError, TypeError):
        codes = {}
    _codes = codes


def compiled(source, filename):
    """The code object for SOURCE (a module defining the generated function)."""
    global _new
    if _codes is None:
        _load()
    # A digest of the source (and its length) keeps the file, read by every
    # run, a third smaller than the sources themselves would.
    key = '%s:%d' % (digest(filename + '\0' + source), len(source))
    code = _codes.get(key)
    if code.__class__ is bytes:
        code = _codes[key] = marshal.loads(code)
    elif code is None:
        code = compile(source, filename, 'exec')
        _codes[key] = code
        _new += 1
    return code


def compiled_apart(source, filename):
    """The code object for SOURCE, kept across runs in a file of its own."""
    global _apart_written
    path = cache_dir('fused-' + _TAG, '%s.marshal' % digest(filename + '\0' + source))
    try:
        with open(path, 'rb') as f:
            saved_source, code = marshal.loads(f.read())
        if saved_source == source:
            return code
    except (OSError, EOFError, ValueError, TypeError):
        pass
    code = compile(source, filename, 'exec')
    if write_atomically(path, lambda f: marshal.dump((source, code), f)):
        _apart_written += 1
    return code


def save():
    """Write the cache back if this run compiled new code (called at exit)."""
    if _apart_written:
        keep_newest(cache_dir('fused-' + _TAG), MAX_APART, '', '.marshal')
    if not _new or len(_codes) > MAX_ENTRIES:
        return
    if write_atomically(_path(), lambda f: marshal.dump(
            {k: v if v.__class__ is bytes else marshal.dumps(v) for k, v in _codes.items()}, f)):
        # Other Python versions keep theirs; older layouts of this one go.
        keep_newest(cache_dir(), 1, 'code-%s' % _TAG, '.marshal')
