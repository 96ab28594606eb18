"""Primitives of Emacs's fileio.c: file names and reading/writing files."""

import os

from ..defun import defun, defvar
from ..lisp import NIL, T, UnibyteStr, intern, list_, Cons
from ..errors import Q, signal, wrong_type, error
from ..variables import state, symbol_value, symbol_value_or_unbound

Vcoding_system_for_read = defvar('coding-system-for-read', NIL)
Vcoding_system_for_write = defvar('coding-system-for-write', NIL)
Vlast_coding_system_used = defvar('last-coding-system-used', NIL)
Vfile_name_handler_alist = defvar('file-name-handler-alist', NIL)


def default_directory():
    d = symbol_value_or_unbound(intern('default-directory'))
    if isinstance(d, str):
        return os.path.expanduser(d)
    return os.getcwd() + '/'


def check_string(x):
    if not isinstance(x, str):
        wrong_type('stringp', x)
    return x


@defun('expand-file-name')
def expand_file_name(name, default_directory_=NIL):
    """Convert filename NAME to absolute, and canonicalize it."""
    check_string(name)
    base = default_directory() if default_directory_ is NIL else expand_file_name(default_directory_)
    trailing = name.endswith('/') or name in ('.', '..') or name.endswith('/.') or name.endswith('/..')
    if name.startswith('~'):
        name = os.path.expanduser(name)
    path = name if name.startswith('/') else os.path.join(base, name)
    # Emacs treats // as a root reset.
    if '//' in path:
        path = '/' + path.rsplit('//', 1)[1]
    result = os.path.normpath(path)
    if result.startswith('//'):
        result = result[1:]
    if trailing and name not in ('.', '..') and not result.endswith('/'):
        result += '/'
    return result


def signal_file_error(message, err, filename):
    import errno
    strerr = os.strerror(err.errno) if getattr(err, 'errno', None) else str(err)
    sym = 'file-error'
    if getattr(err, 'errno', None) == errno.ENOENT:
        sym = 'file-missing'
    elif getattr(err, 'errno', None) in (errno.EACCES, errno.EPERM):
        sym = 'permission-denied'
    elif getattr(err, 'errno', None) == errno.EEXIST:
        sym = 'file-already-exists'
    signal(Q(sym), list_(message, strerr, filename))


@defun('insert-file-contents')
def insert_file_contents(filename, visit=NIL, beg=NIL, end=NIL, replace=NIL):
    """Insert contents of file FILENAME after point."""
    from .buffer import insert_text, delete_text
    path = expand_file_name(check_string(filename))
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError as e:
        signal_file_error('Opening input file', e, path)
    if beg is not NIL or end is not NIL:
        data = data[(0 if beg is NIL else beg):(None if end is NIL else end)]
    from .coding import decode_for_insert
    text = decode_for_insert(data)
    buf = state.current_buffer
    if replace is not NIL:
        delete_text(buf, buf.begv, buf.zv)
    pt = buf.pt
    insert_text(buf, text)
    buf.pt = pt
    if visit is not NIL:
        buf.local_vars[intern('buffer-file-name')] = path
        buf.modified = False
    return list_(path, len(text))


@defun('write-region')
def write_region(start, end, filename, append=NIL, visit=NIL, lockname=NIL, mustbenew=NIL):
    """Write current region into specified file."""
    buf = state.current_buffer
    if isinstance(start, str):
        text = start
    elif start is NIL:
        text = buf.text_between(1, buf.z)
    else:
        from .buffer import check_region
        s, e = check_region(buf, start, end)
        text = buf.text_between(s, e)
    path = expand_file_name(check_string(filename))
    if mustbenew is not NIL and os.path.exists(path):
        signal(Q('file-already-exists'), list_('File exists', path))
    from .coding import encode_for_write
    data = encode_for_write(text)
    mode = 'ab' if append is not NIL else 'wb'
    try:
        with open(path, mode) as f:
            if append.__class__ is int:
                f.seek(append)
            f.write(data)
    except OSError as e:
        signal_file_error('Opening output file', e, path)
    return NIL


@defun('file-exists-p')
def file_exists_p(filename):
    """Return t if file FILENAME exists (whether or not you can read it)."""
    return T if os.path.exists(expand_file_name(check_string(filename))) else NIL


@defun('file-readable-p')
def file_readable_p(filename):
    """Return t if file FILENAME exists and you can read it."""
    p = expand_file_name(check_string(filename))
    return T if os.access(p, os.R_OK) else NIL


@defun('file-directory-p')
def file_directory_p(filename):
    """Return t if FILENAME names an existing directory."""
    return T if os.path.isdir(expand_file_name(check_string(filename))) else NIL


@defun('file-regular-p')
def file_regular_p(filename):
    """Return t if FILENAME names a regular file."""
    return T if os.path.isfile(expand_file_name(check_string(filename))) else NIL


@defun('make-temp-name')
def make_temp_name(prefix):
    """Generate a temporary file name (string) starting with PREFIX."""
    import random
    import string
    check_string(prefix)
    chars = string.ascii_letters + string.digits
    while True:
        name = prefix + ''.join(random.choice(chars) for _ in range(6))
        if not os.path.lexists(expand_file_name(name)):
            return name


@defun('delete-file')
def delete_file(filename, trash=NIL):
    """Delete file named FILENAME."""
    p = expand_file_name(check_string(filename))
    try:
        os.unlink(p)
    except FileNotFoundError:
        pass
    except OSError as e:
        signal_file_error('Removing old name', e, p)
    return NIL
