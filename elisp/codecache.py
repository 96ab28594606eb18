"""Compiled code for the Python source the evaluator generates, kept across runs.

callgen.py builds call nodes from generated source, one per call shape.
Compiling that source is most of their cost (about half a millisecond a shape),
and the same shapes come back in every run (start-up alone needs some forty),
so the code objects are kept, marshalled, under ~/.cache/elisp and written back
at exit when a run compiled new ones.  Each is unmarshalled only when needed.  (The fused code of codegen.py is specific
to each program and is not kept.)
"""

import marshal
import sys

from .cachefiles import cache_dir, digest, keep_newest, write_atomically

MAX_ENTRIES = 2000      # beyond this, new code is not saved (the file stays small)

_codes = None       # key -> code object, or its marshalled bytes until used
_new = 0


def _path():
    tag = '%s-%d%d' % (sys.implementation.cache_tag, sys.version_info[2], marshal.version)
    return cache_dir('code-%s-2.marshal' % tag)


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


def save():
    """Write the cache back if this run compiled new code (called at exit)."""
    if not _new or len(_codes) > MAX_ENTRIES:
        return
    if write_atomically(_path(), lambda f: marshal.dump(
            {k: v if v.__class__ is bytes else marshal.dumps(v) for k, v in _codes.items()}, f)):
        # Other Python versions keep theirs; older layouts go.
        keep_newest(cache_dir(), 4, 'code-', '.marshal')
