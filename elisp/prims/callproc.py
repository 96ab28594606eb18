"""Primitives of Emacs's callproc.c: running a program synchronously."""

import os

from ..defun import defun
from ..lisp import Cons, NIL, T, UnibyteStr, intern, list_, list_to_python
from ..errors import signal, wrong_type
from ..variables import state, symbol_value, symbol_value_or_unbound

Vprocess_environment = intern('process-environment')
Vexec_path = intern('exec-path')
Vdefault_directory = intern('default-directory')
Vcoding_system_for_read = intern('coding-system-for-read')
Qfile_missing = intern('file-missing')


def child_environment():
    """The environment a child gets: `process-environment', first entry winning."""
    env = {}
    removed = set()
    for entry in list_to_python(symbol_value(Vprocess_environment)):
        if not isinstance(entry, str):
            continue
        name, eq, value = entry.partition('=')
        if name in env or name in removed:
            continue
        if eq:
            env[name] = value
        else:
            removed.add(name)
    return env


def child_directory():
    d = symbol_value_or_unbound(Vdefault_directory)
    if isinstance(d, str):
        d = os.path.expanduser(d)
        if os.path.isdir(d):
            return d
    return '/'


def find_program(program):
    """Absolute file name of PROGRAM, searched along `exec-path' as Emacs does."""
    if not isinstance(program, str):
        wrong_type('stringp', program)
    program = os.path.expanduser(program)
    if os.sep in program:
        path = program if os.path.isabs(program) else os.path.join(child_directory(), program)
        if os.access(path, os.X_OK) and not os.path.isdir(path):
            return path
    else:
        for d in list_to_python(symbol_value(Vexec_path)):
            if not isinstance(d, str):
                continue
            path = os.path.join(os.path.expanduser(d), program)
            if os.access(path, os.X_OK) and not os.path.isdir(path):
                return path
    signal(Qfile_missing, list_('Searching for program', 'No such file or directory', program))


def decode_output(data):
    """Decode program output with `default-process-coding-system' (utf-8-unix
    here, as in Emacs 28 batch): UTF-8, invalid bytes kept as raw bytes, no
    end-of-line conversion."""
    if coding_is_binary():
        return UnibyteStr(data.decode('ascii', 'surrogateescape'))
    return data.decode('utf-8', 'surrogateescape')


def coding_is_binary():
    c = symbol_value_or_unbound(Vcoding_system_for_read)
    return c in (intern('binary'), intern('no-conversion'), intern('raw-text'),
                 intern('raw-text-unix'))


def signal_description(signum):
    try:
        import signal
        return signal.strsignal(signum) or 'Signal %d' % signum
    except ValueError:
        return 'Signal %d' % signum


def exit_value(returncode):
    if returncode < 0:
        return signal_description(-returncode)
    return returncode


def _destination(dest):
    """(stdout target, stderr target) for call-process's DESTINATION."""
    stderr = T
    if dest.__class__ is Cons:
        if dest.car is intern(':file'):
            return ('file', dest.cdr.car), T
        stderr = dest.cdr.car if dest.cdr.__class__ is Cons else NIL
        dest = dest.car
    return dest, stderr


def run_program(program, infile_bytes, infile_path, dest, args):
    import subprocess
    """Run PROGRAM with ARGS; put its output where DEST says; return the exit value."""
    path = find_program(program)
    argv = [path] + [str(a) if isinstance(a, str) else _arg_error(a) for a in args]
    out_target, err_target = _destination(dest)
    if out_target == 0 or out_target is intern('0'):
        out_target = 0
    stdin = subprocess.DEVNULL
    if infile_path is not None:
        try:
            stdin = open(infile_path, 'rb')
        except OSError as e:
            from .fileio import signal_file_error
            signal_file_error('Opening process input file', e, infile_path)
    stderr_opt = subprocess.STDOUT
    stderr_file = None
    if err_target is NIL:
        stderr_opt = subprocess.DEVNULL
    elif isinstance(err_target, str):
        stderr_file = open(os.path.expanduser(err_target), 'wb')
        stderr_opt = stderr_file
    kwargs = dict(cwd=child_directory(), env=child_environment(), stderr=stderr_opt,
                  start_new_session=False)
    if out_target == 0:
        subprocess.Popen(argv, stdin=subprocess.DEVNULL if infile_bytes is not None else stdin,
                         stdout=subprocess.DEVNULL, **kwargs)
        return NIL
    if out_target is NIL and stderr_opt is subprocess.STDOUT:
        kwargs['stderr'] = subprocess.DEVNULL
    try:
        proc = subprocess.run(argv, input=infile_bytes,
                              stdin=None if infile_bytes is not None else stdin,
                              stdout=subprocess.PIPE if out_target is not NIL else subprocess.DEVNULL,
                              **kwargs)
    except OSError as e:
        from .fileio import signal_file_error
        signal_file_error('Searching for program', e, program)
    finally:
        if stdin not in (subprocess.DEVNULL, None):
            stdin.close()
        if stderr_file is not None:
            stderr_file.close()
    if out_target is not NIL and proc.stdout:
        _deliver(out_target, proc.stdout)
    return exit_value(proc.returncode)


def _arg_error(a):
    wrong_type('stringp', a)


def _deliver(target, data):
    from .buffer import Buffer, insert_text, get_buffer_create
    if target.__class__ is tuple:
        with open(os.path.expanduser(target[1]), 'wb') as f:
            f.write(data)
        return
    if target is T:
        buf = state.current_buffer
    elif isinstance(target, str):
        buf = get_buffer_create(target)
    elif target.__class__ is Buffer:
        buf = target
    else:
        return
    text = decode_output(data)
    old = state.current_buffer
    state.current_buffer = buf
    try:
        insert_text(buf, text)
    finally:
        state.current_buffer = old


@defun('call-process')
def call_process(program, infile=NIL, destination=NIL, display=NIL, *args):
    """Call PROGRAM synchronously in separate process."""
    path = None if infile is NIL else os.path.expanduser(str(infile))
    return run_program(program, None, path, destination, args)


@defun('call-process-region')
def call_process_region(start, end, program, delete=NIL, buffer=NIL, display=NIL, *args):
    """Send text from START to END to a synchronous process running PROGRAM."""
    from .buffer import check_region, delete_text
    buf = state.current_buffer
    if isinstance(start, str):
        text = start
    elif start is NIL:
        text = buf.text_between(1, buf.z)
        if delete is not NIL:
            delete_text(buf, 1, buf.z)
    else:
        s, e = check_region(buf, start, end)
        text = buf.text_between(s, e)
        if delete is not NIL:
            delete_text(buf, s, e)
    data = text.encode('utf-8', 'surrogateescape')
    return run_program(program, data, None, buffer, args)


@defun('num-processors')
def num_processors(query=NIL):
    """Return the number of processors, a positive integer."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
