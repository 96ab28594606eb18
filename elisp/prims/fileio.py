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


def _expand_tilde(name):
    """Expand a leading ~ or ~USER; None if NAME does not start with one we know."""
    slash = name.find('/')
    head = name if slash < 0 else name[:slash]
    rest = '' if slash < 0 else name[slash:]
    if head == '~':
        home = os.environ.get('HOME') or os.path.expanduser('~')
        return home.rstrip('/') + rest if rest or home != '/' else '/'
    try:
        import pwd
        home = pwd.getpwnam(head[1:]).pw_dir
    except (KeyError, ImportError):
        return None
    return home.rstrip('/') + rest


def _normalize(path):
    """Collapse //, /./ and dir/../ in the absolute PATH as Emacs does."""
    trailing = path.endswith('/')
    out = []
    for comp in path.split('/')[1:]:
        if comp == '' or comp == '.':
            continue
        if comp == '..':
            if out and out[-1] != '..':
                out.pop()
            else:
                out.append('..')
            continue
        out.append(comp)
    result = '/' + '/'.join(out)
    if trailing and out:
        result += '/'
    return result


@defun('expand-file-name')
def expand_file_name(name, default_directory_=NIL):
    """Convert filename NAME to absolute, and canonicalize it."""
    check_string(name)
    if name.startswith('~'):
        t = _expand_tilde(name)
        if t is not None:
            name = t
    if not name.startswith('/'):
        if default_directory_ is NIL:
            base = default_directory()
        elif isinstance(default_directory_, str):
            base = default_directory_
        else:
            base = '/'
        if base.startswith('~'):
            base = _expand_tilde(base) or base
        if not base.startswith('/'):
            base = expand_file_name(base) if default_directory_ is not NIL else '/' + base
        base = base.rstrip('/')
        name = base + '/' + name if name else (base or '/')
    return _normalize(name)


def signal_file_error(message, err, filename):
    import errno
    strerr = os.strerror(err.errno) if getattr(err, 'errno', None) else str(err)
    sym = 'file-error'
    if getattr(err, 'errno', None) == errno.ENOENT:
        sym = 'file-missing'
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


# ---------------------------------------------------------------- file names

@defun('file-name-directory')
def file_name_directory(filename):
    """Return the directory component in file name FILENAME."""
    check_string(filename)
    i = filename.rfind('/')
    if i < 0:
        return NIL
    return filename[:i + 1]


@defun('file-name-nondirectory')
def file_name_nondirectory(filename):
    """Return file name FILENAME sans its directory."""
    check_string(filename)
    return filename[filename.rfind('/') + 1:]


@defun('file-name-as-directory')
def file_name_as_directory(file):
    """Return a string representing FILE interpreted as a directory."""
    check_string(file)
    if file == '':
        return './'
    return file if file.endswith('/') else file + '/'


@defun('directory-file-name')
def directory_file_name(directory):
    """Return the file name of the directory named DIRECTORY."""
    check_string(directory)
    if directory and directory.strip('/') == '':
        return '//' if len(directory) == 2 else '/'
    return directory.rstrip('/') if directory else directory


@defun('directory-name-p')
def directory_name_p(name):
    """Return non-nil if NAME ends with a directory separator character."""
    check_string(name)
    return T if name.endswith('/') else NIL


@defun('file-name-absolute-p')
def file_name_absolute_p(filename):
    """Return t if FILENAME is an absolute file name."""
    check_string(filename)
    if filename.startswith('/'):
        return T
    if filename.startswith('~'):
        return T if _expand_tilde(filename) is not None else NIL
    return NIL


@defun('file-name-concat')
def file_name_concat(directory, *components):
    """Append COMPONENTS to DIRECTORY and return the resulting string."""
    parts = []
    for c in (directory,) + components:
        if c is NIL:
            continue
        check_string(c)
        if c:
            parts.append(c)
    out = ''
    for i, c in enumerate(parts):
        if i < len(parts) - 1 and not c.endswith('/'):
            c += '/'
        out += c
    return out


@defun('substitute-in-file-name')
def substitute_in_file_name(filename):
    """Substitute environment variables referred to in FILENAME."""
    import re
    check_string(filename)
    s = filename

    def env(m):
        name = m.group(1) or m.group(2)
        if name == '$':
            return '$'
        v = os.environ.get(name)
        if v is None:
            return m.group(0)
        return v
    s = re.sub(r'\$(?:\{([^}]*)\}|([A-Za-z0-9_]+|\$))', env, s)
    # `//' or `/~' starts the name afresh
    for i in range(len(s) - 1, 0, -1):
        if s[i - 1] == '/' and s[i] in '/~':
            return s[i:]
    return s


@defun('file-writable-p')
def file_writable_p(filename):
    """Return t if file FILENAME can be written or created by you."""
    p = expand_file_name(check_string(filename))
    if os.path.exists(p):
        return T if os.access(p, os.W_OK) else NIL
    d = os.path.dirname(p.rstrip('/')) or '/'
    return T if os.path.isdir(d) and os.access(d, os.W_OK) else NIL


@defun('file-executable-p')
def file_executable_p(filename):
    """Return t if FILENAME can be executed by you."""
    p = expand_file_name(check_string(filename))
    return T if os.path.exists(p) and os.access(p, os.X_OK) else NIL


@defun('file-accessible-directory-p')
def file_accessible_directory_p(filename):
    """Return t if FILENAME names a directory you can open."""
    p = expand_file_name(check_string(filename))
    return T if os.path.isdir(p) and os.access(p, os.X_OK) else NIL


@defun('file-symlink-p')
def file_symlink_p(filename):
    """Return non-nil if file FILENAME is the name of a symbolic link."""
    p = expand_file_name(check_string(filename))
    if os.path.islink(p):
        return os.readlink(p)
    return NIL


@defun('file-newer-than-file-p')
def file_newer_than_file_p(file1, file2):
    """Return t if file FILE1 is newer than file FILE2."""
    a = expand_file_name(check_string(file1))
    b = expand_file_name(check_string(file2))
    if not os.path.exists(a):
        return NIL
    if not os.path.exists(b):
        return T
    return T if os.stat(a).st_mtime_ns > os.stat(b).st_mtime_ns else NIL


@defun('file-modes')
def file_modes(filename, flag=NIL):
    """Return mode bits of file named FILENAME, as an integer."""
    p = expand_file_name(check_string(filename))
    try:
        return os.stat(p).st_mode & 0o7777
    except OSError:
        return NIL


@defun('set-file-modes')
def set_file_modes(filename, mode, flag=NIL):
    """Set mode bits of file named FILENAME to MODE (an integer)."""
    p = expand_file_name(check_string(filename))
    try:
        os.chmod(p, mode)
    except OSError as e:
        signal_file_error('Doing chmod', e, p)
    return NIL


@defun('file-truename')
def file_truename(filename, counter=NIL, prev_dirs=NIL):
    """Return the truename of FILENAME."""
    p = expand_file_name(check_string(filename))
    r = os.path.realpath(p)
    if p.endswith('/') and not r.endswith('/'):
        r += '/'
    return r


@defun('make-directory-internal')
def make_directory_internal(directory):
    """Create a new directory named DIRECTORY."""
    p = expand_file_name(check_string(directory))
    try:
        os.mkdir(p)
    except OSError as e:
        signal_file_error('Creating directory', e, p)
    return NIL


@defun('make-directory')
def make_directory(dir_, parents=NIL):
    """Create the directory DIR and optionally any nonexistent parent dirs."""
    p = expand_file_name(check_string(dir_))
    if parents is NIL:
        make_directory_internal(dir_)
        return NIL
    if os.path.isdir(p):
        return T
    try:
        os.makedirs(p, exist_ok=True)
    except OSError as e:
        signal_file_error('Creating directory', e, p)
    return NIL


@defun('delete-directory')
def delete_directory(directory, recursive=NIL, trash=NIL):
    """Delete the directory named DIRECTORY.  Does not follow symlinks."""
    import shutil
    p = expand_file_name(check_string(directory))
    try:
        if recursive is not NIL and not os.path.islink(p):
            shutil.rmtree(p)
        else:
            os.rmdir(p)
    except OSError as e:
        signal_file_error('Removing directory', e, p)
    return NIL


@defun('rename-file')
def rename_file(file, newname, ok_if_already_exists=NIL):
    """Rename FILE as NEWNAME."""
    a = expand_file_name(check_string(file))
    b = expand_file_name(check_string(newname))
    if os.path.isdir(b) and newname.endswith('/'):
        b = os.path.join(b, os.path.basename(a.rstrip('/')))
    if ok_if_already_exists is NIL and os.path.lexists(b):
        signal(Q('file-already-exists'), list_('File already exists', b))
    try:
        os.replace(a, b)
    except OSError as e:
        signal_file_error('Renaming', e, a)
    return NIL


@defun('copy-file')
def copy_file(file, newname, ok_if_already_exists=NIL, keep_time=NIL,
              preserve_uid_gid=NIL, preserve_permissions=NIL):
    """Copy FILE to NEWNAME.  Both args must be strings."""
    import shutil
    a = expand_file_name(check_string(file))
    b = expand_file_name(check_string(newname))
    if os.path.isdir(b) and newname.endswith('/'):
        b = os.path.join(b, os.path.basename(a))
    if ok_if_already_exists is NIL and os.path.lexists(b):
        signal(Q('file-already-exists'), list_('File already exists', b))
    try:
        if keep_time is not NIL:
            shutil.copy2(a, b)
        else:
            shutil.copyfile(a, b)
            shutil.copymode(a, b)
    except OSError as e:
        signal_file_error('Copying file', e, a)
    return NIL


@defun('directory-files')
def directory_files(directory, full=NIL, match=NIL, nosort=NIL, count=NIL):
    """Return a list of names of files in DIRECTORY."""
    d = expand_file_name(check_string(directory))
    try:
        names = ['.', '..'] + os.listdir(d)
    except OSError as e:
        signal_file_error('Opening directory', e, d)
    if match is not NIL:
        from .search import string_match_p
        names = [n for n in names if string_match_p(match, n) is not NIL]
    if nosort is NIL:
        names.sort()
    if count.__class__ is int:
        names = names[:count]
    if full is not NIL:
        base = directory if directory.endswith('/') else directory + '/'
        names = [base + n for n in names]
    from ..lisp import make_list
    return make_list(names)


@defun('file-name-case-insensitive-p')
def file_name_case_insensitive_p(filename):
    """Return t if file FILENAME is on a case-insensitive filesystem."""
    return NIL
