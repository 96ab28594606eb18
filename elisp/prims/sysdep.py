"""Primitives of Emacs's sysdep.c and editfns.c about the system and the user."""

import os

from ..defun import defun
from ..lisp import NIL, T
from ..errors import wrong_type


def _pw(uid):
    try:
        import pwd
        return pwd.getpwuid(uid)
    except (ImportError, KeyError):
        return None


def _uid_arg(uid):
    """A uid argument as an int, with Emacs's error for anything else."""
    if uid.__class__ is int:
        return uid
    if uid.__class__ is float and uid.is_integer():
        return int(uid)
    from ..errors import error
    error('Not an in-range integer, integral float, or cons of integers')


@defun('system-name')
def system_name():
    """Return the host name of the machine you are running on, as a string."""
    return os.uname().nodename


@defun('user-login-name')
def user_login_name(uid=NIL):
    """Return the name under which the user logged in, as a string."""
    if uid is NIL:
        name = os.environ.get('LOGNAME') or os.environ.get('USER')
        if name:
            return name
        pw = _pw(os.getuid())
        return pw.pw_name if pw else NIL
    pw = _pw(_uid_arg(uid))
    return pw.pw_name if pw else NIL


@defun('user-real-login-name')
def user_real_login_name():
    """Return the name of the user's real uid, as a string."""
    pw = _pw(os.getuid())
    if pw:
        return pw.pw_name
    return os.environ.get('USER', '')


@defun('user-full-name')
def user_full_name(uid=NIL):
    """Return the full name of the user logged in, as a string."""
    if uid is NIL:
        name = os.environ.get('NAME')
        if name is not None:
            return name
        pw = _pw(os.getuid())
    elif isinstance(uid, str):
        try:
            import pwd
            pw = pwd.getpwnam(uid)
        except (ImportError, KeyError):
            pw = None
    elif uid.__class__ in (int, float):
        pw = _pw(_uid_arg(uid))
    else:
        from ..errors import error
        error('Invalid UID specification')
    if pw is None:
        return NIL
    return pw.pw_gecos.split(',')[0]


@defun('user-uid')
def user_uid():
    """Return the effective uid of Emacs."""
    return os.geteuid()


@defun('user-real-uid')
def user_real_uid():
    """Return the real uid of Emacs."""
    return os.getuid()


@defun('group-gid')
def group_gid():
    """Return the effective gid of Emacs."""
    return os.getegid()


@defun('group-real-gid')
def group_real_gid():
    """Return the real gid of Emacs."""
    return os.getgid()


@defun('system-users')
def system_users():
    """Return a list of user names currently registered in the system."""
    from ..lisp import make_list
    try:
        import pwd
        return make_list([p.pw_name for p in pwd.getpwall()])
    except ImportError:
        return make_list([user_login_name()])


def _time_list(ns):
    from .timefns import _list4
    return _list4(ns, 10 ** 9)


@defun('file-attributes')
def file_attributes(filename, id_format=NIL):
    """Return a list of attributes of file FILENAME."""
    import stat as _stat
    from ..lisp import list_, intern
    if not isinstance(filename, str):
        return NIL
    from .fileio import expand_file_name
    path = expand_file_name(filename)
    try:
        st = os.lstat(path)
    except OSError:
        return NIL
    if _stat.S_ISLNK(st.st_mode):
        try:
            ftype = os.readlink(path)
        except OSError:
            ftype = NIL
    elif _stat.S_ISDIR(st.st_mode):
        ftype = T
    else:
        ftype = NIL
    uid, gid = st.st_uid, st.st_gid
    if id_format is intern('string'):
        pw = _pw(uid)
        uid = pw.pw_name if pw else str(uid)
        try:
            import grp
            gid = grp.getgrgid(gid).gr_name
        except (ImportError, KeyError):
            gid = str(gid)
    return list_(ftype, st.st_nlink, uid, gid, _time_list(st.st_atime_ns),
                 _time_list(st.st_mtime_ns), _time_list(st.st_ctime_ns), st.st_size,
                 _stat.filemode(st.st_mode), T, st.st_ino, st.st_dev)
