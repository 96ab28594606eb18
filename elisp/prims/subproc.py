"""Asynchronous subprocesses (the child-process half of Emacs's process.c).

A real process is a `process.Process` with kind 'real', serviced by the same
event loop, filters and sentinels as network processes.  Its output comes from
a pty master (`:connection-type' pty) or from our end of a socket pair that is
the child's stdin and stdout (pipe).  One thread per child blocks in waitpid
and queues the exit status, waking the loop through a pipe; the Lisp thread
applies the status (`collect'), drains what output remains and then runs the
sentinel, so the filter always sees all output before the sentinel.
"""

import errno
import os
import _socket
import threading

from ..defun import defun
from ..lisp import Cons, Symbol, NIL, T, UNBOUND, intern, list_, list_to_python, make_list
from ..errors import LispSignal, Q, error, signal, wrong_type
from ..variables import symbol_value, symbol_value_or_unbound
from .. import eventloop
from . import process as P
from . import buffer as B
from .callproc import find_program, child_environment


def _signals():
    """The signal module, imported when first needed (it costs start-up ~1 ms)."""
    import signal
    return signal

Qpipe = Q('pipe')
Qpty = Q('pty')
Qreal = Q('real')
Qfile_missing = Q('file-missing')
K = {k: Q(':' + k) for k in ('name', 'buffer', 'command', 'coding', 'noquery', 'stop',
                            'connection-type', 'filter', 'sentinel', 'stderr',
                            'file-handler')}

_children = {}           # pid -> Process, until reaped
_reaped = []              # (Process, raw waitpid status), appended by reaper threads
_wake = []                # [read fd, write fd] of the self-pipe


# ---------------------------------------------------------------- descriptors

class PtyMaster:
    """A pty master with the socket methods process.py uses."""

    def __init__(self, fd):
        self.fd = fd
        os.set_blocking(fd, False)

    def fileno(self):
        return self.fd

    def recv(self, n):
        try:
            return os.read(self.fd, n)
        except OSError as e:
            if e.errno == errno.EIO:        # the slave side is closed
                return b''
            raise

    def send(self, data):
        return os.write(self.fd, data)

    def shutdown(self, how):
        # End of input on a terminal: the EOF character at the start of a line.
        try:
            os.write(self.fd, b'\x04')
        except OSError:
            pass

    def setblocking(self, flag):
        os.set_blocking(self.fd, flag)

    def close(self):
        if self.fd >= 0:
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = -1


class _Waker:
    """The loop object for the self-pipe the reaper threads write to."""
    watched = 0

    def fileno(self):
        return _wake[0]

    def handle_event(self, mask):
        try:
            while os.read(_wake[0], 512):
                pass
        except OSError:
            pass
        collect()
        return False


_waker = _Waker()


def _ensure_waker():
    if not _wake:
        r, w = os.pipe()
        os.set_blocking(r, False)
        os.set_blocking(w, False)
        os.set_inheritable(r, False)
        os.set_inheritable(w, False)
        _wake[:] = [r, w]
    if not _waker.watched:
        eventloop.watch(_waker, _waker, eventloop.EVENT_READ)


def _reaper(p, pid):
    while True:
        try:
            _, status = os.waitpid(pid, 0)
        except InterruptedError:
            continue
        except ChildProcessError:
            status = 9          # reaped elsewhere: report as killed
        break
    _children.pop(pid, None)
    popen = getattr(p, 'popen', None)
    if popen is not None:
        popen.returncode = 0        # keep subprocess from waiting on it again
    _reaped.append((p, status))
    try:
        os.write(_wake[1], b'x')
    except (OSError, IndexError):
        pass


# ---------------------------------------------------------------- status

def collect():
    """Apply the statuses the reaper threads queued (Emacs's update_status)."""
    if _wake:
        try:
            while os.read(_wake[0], 512):
                pass
        except OSError:
            pass
    while _reaped:
        p, status = _reaped.pop(0)
        if not _children and _waker.watched:
            eventloop.unwatch(_waker, _waker)
        if getattr(p, 'deleted', False):
            continue
        if os.WIFSIGNALED(status):
            st = list_(P.Qsignal, os.WTERMSIG(status), T if os.WCOREDUMP(status) else NIL)
        elif os.WIFEXITED(status):
            st = list_(P.Qexit, os.WEXITSTATUS(status), NIL)
        else:
            continue
        P.set_status(p, st)


def _pre_wait():
    if _reaped:
        collect()


def signal_text(signum):
    try:
        name = _signals().strsignal(signum)
    except ValueError:
        name = None
    if not name:
        return 'unknown'
    return name[0].lower() + name[1:]


def status_message(p):
    """The sentinel string for a real process's status."""
    st = p.status
    sym = st.car if st.__class__ is Cons else st
    if sym is P.Qsignal:
        core = st.cdr.cdr.car if st.cdr.cdr.__class__ is Cons else NIL
        return signal_text(st.cdr.car) + (' (core dumped)\n' if core is not NIL else '\n')
    if sym is P.Qexit:
        code = st.cdr.car
        if code == 0:
            return 'finished\n'
        return 'exited abnormally with code %d%s\n' % (
            code, ' (core dumped)' if st.cdr.cdr.__class__ is Cons and st.cdr.cdr.car is not NIL else '')
    return sym.name


def drain(p):
    """Read what output remains before the sentinel runs, as Emacs does."""
    if getattr(p, 'deleted', False) or p.filter is T:
        return
    for _ in range(100000):
        if p.sock is None or getattr(p, 'read_eof', False):
            return
        if not P.read_output(p):
            return


def read_eof(p):
    """End of output from a child: stop reading; the exit comes from waitpid."""
    p.read_eof = True
    if p.sock is not None:
        eventloop.unwatch(p, p.sock)
    reaper = getattr(p, 'reaper', None)
    if reaper is not None:
        # The child has usually just exited: let its reaper catch up, so a
        # wait for this process alone (JUST-THIS-ONE) sees the exit.
        reaper.join(0.05)
    collect()


# ---------------------------------------------------------------- signals

def send_signal(p, signum, current_group=NIL):
    pid = getattr(p, 'pid', None)
    if pid not in _children or p.status_symbol() is not P.Qrun:
        return
    try:
        os.killpg(pid, signum)
    except OSError:
        try:
            os.kill(pid, signum)
        except OSError:
            pass


def kill_on_delete(p):
    """delete-process of a real process: SIGKILL, status, sentinel now."""
    send_signal(p, _signals().SIGKILL)
    collect()
    p.deleted = True
    had_fds = p.sock is not None
    p.deactivate()
    if had_fds and p.status_symbol() not in (P.Qexit, P.Qsignal):
        p.status = list_(P.Qsignal, int(_signals().SIGKILL), NIL)
        eventloop.pending_status[p] = True
    P.status_notify()


def hangup(p):
    """Killing a real process's buffer sends it SIGHUP, as Emacs does."""
    collect()
    if p.status_symbol() is P.Qrun and getattr(p, 'pid', None):
        send_signal(p, _signals().SIGHUP)


def kill_all_children():
    """At exit: kill every child still running, as Emacs does."""
    for pid in list(_children):
        try:
            os.killpg(pid, _signals().SIGKILL)
        except OSError:
            try:
                os.kill(pid, _signals().SIGKILL)
            except OSError:
                pass


# ---------------------------------------------------------------- starting

def _current_directory():
    d = symbol_value_or_unbound(intern('default-directory'))
    if not isinstance(d, str):
        wrong_type('stringp', NIL if d is UNBOUND else d)
    path = os.path.expanduser(d)
    if not os.path.isdir(path):
        signal(Qfile_missing, list_('Setting current directory', 'No such file or directory', d))
    return path


def _setup_tty(fd):
    import termios
    try:
        attrs = termios.tcgetattr(fd)
    except termios.error:
        return
    attrs[1] &= ~termios.ONLCR
    attrs[3] &= ~(termios.ECHO | termios.ECHOE | termios.ECHOK | termios.ECHONL)
    attrs[3] |= termios.ISIG | termios.ICANON
    attrs[0] &= ~termios.ICRNL
    try:
        termios.tcsetattr(fd, termios.TCSANOW, attrs)
    except termios.error:
        pass


def _take_controlling_tty():
    import fcntl
    import termios
    try:
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    except OSError:
        pass


def _spawn(p, argv, path, use_pty, stderr_fd):
    cwd = _current_directory()
    env = child_environment()
    if use_pty:
        import pty
        master, slave = pty.openpty()
        _setup_tty(slave)
        p.tty_name = os.ttyname(slave)
        ours = PtyMaster(master)
        child_fd = slave
        preexec = _take_controlling_tty
    else:
        a, b = _socket.socketpair()
        a.setblocking(False)
        ours = a
        child_fd = b.fileno()
        preexec = None
        p.tty_name = NIL
    import subprocess
    try:
        popen = subprocess.Popen(argv, executable=path, stdin=child_fd, stdout=child_fd,
                                 stderr=child_fd if stderr_fd is None else stderr_fd,
                                 cwd=cwd, env=env, start_new_session=True, close_fds=True,
                                 preexec_fn=preexec)
    except OSError as e:
        # As Emacs's child does when exec fails: a message on its stderr,
        # exit status 126 (cannot run) or 127 (not found).
        code = 127 if e.errno == errno.ENOENT else 126
        popen = subprocess.Popen(
            ['/bin/sh', '-c', 'printf "emacs: %s: %s\\n" "$1" "$2" >&2; exit $3', 'sh',
             path, os.strerror(e.errno or errno.ENOENT), str(code)],
            stdin=child_fd, stdout=child_fd, stderr=child_fd if stderr_fd is None else stderr_fd,
            cwd=cwd, env=env, start_new_session=True, close_fds=True)
    finally:
        if use_pty:
            os.close(slave)
        else:
            b.close()
    p.popen = popen
    p.pid = popen.pid
    p.sock = ours
    _children[p.pid] = p
    _ensure_waker()
    if _pre_wait not in eventloop.pre_wait_hooks:
        # From the first child on, every wait applies the exits reaped meanwhile.
        eventloop.pre_wait_hooks.append(_pre_wait)
    p.reaper = threading.Thread(target=_reaper, args=(p, p.pid), daemon=True,
                                name='reaper-%d' % p.pid)
    p.reaper.start()


def _program_path(program):
    """Where PROGRAM is: absolute names are taken as they are, others searched."""
    if not isinstance(program, str):
        wrong_type('stringp', program)
    if '\0' in program:
        wrong_type('filenamep', program)
    if program == '':
        signal(Q('file-error'), list_('Searching for program', 'Is a directory', program))
    if program.startswith('/'):
        if os.path.isdir(program):
            error('Specified program for new process is a directory')
        return program
    try:
        return find_program(program)
    except LispSignal as e:
        if e.symbol is Qfile_missing:
            signal(Qfile_missing, list_('Searching for program', 'No such file or directory', program))
        raise


@defun('make-process')
def make_process(*args):
    """Create and return a process object to run a program asynchronously."""
    if not args:
        return NIL
    contact = make_list(args)
    get = P.plist_get
    name = get(contact, K['name'])
    if not isinstance(name, str):
        wrong_type('stringp', name)
    buffer = get(contact, K['buffer'])
    if buffer is not NIL:
        buffer = B.get_buffer_create(buffer)
    command = get(contact, K['command'])
    if command is not NIL and command.__class__ is not Cons:
        wrong_type('listp', command)
    stop = get(contact, K['stop'])
    if stop is not NIL:
        wrong_type('null', stop)
    ctype = get(contact, K['connection-type'])
    if ctype is NIL:
        use_pty = symbol_value(P.Vprocess_connection_type) is not NIL
    elif ctype is Qpty:
        use_pty = True
    elif ctype is Qpipe:
        use_pty = False
    else:
        signal(Qfile_missing, Cons('Unknown connection type', Cons(
            'No such file or directory', ctype if ctype.__class__ is Cons else list_(ctype))))
    argv = list_to_python(command) if command is not NIL else []
    path = None
    if argv:
        if command.__class__ is Cons:
            tail = command
            while tail.__class__ is Cons:
                tail = tail.cdr
            if tail is not NIL:
                wrong_type('listp', tail)
        program = argv[0]
        if program is not NIL:
            path = _program_path(program)
        for a in argv[1:]:
            if not isinstance(a, str):
                wrong_type('stringp', a)
    stderr = get(contact, K['stderr'])
    stderrproc = None
    if stderr is not NIL:
        if stderr.__class__ is P.Process:
            if stderr.kind != 'pipe':
                error('Process is not a pipe process')
            stderrproc = stderr
        else:
            stderrproc = P.make_pipe_process(
                K['name'], name + ' stderr',
                K['buffer'], B.get_buffer_create(stderr),
                K['noquery'], get(contact, K['noquery']),
                K['coding'], get(contact, K['coding']))
    p = P.Process(P.unique_name(name))
    p.kind = 'real'
    p.childp = T
    p.buffer = buffer
    p.real_command = command
    p.pid = None if path is not None else -2
    p.tty_name = NIL
    filt = get(contact, K['filter'])
    sentinel = get(contact, K['sentinel'])
    p.filter = P.Qdefault_filter if filt is NIL else filt
    p.sentinel = P.Qdefault_sentinel if sentinel is NIL else sentinel
    p.kill_without_query = get(contact, K['noquery']) is not NIL
    p.stderrproc = stderrproc
    if buffer is not NIL:
        p.mark.set(buffer, buffer.z)
    P.add_process(p)
    try:
        P.set_network_coding(p, contact)
        if path is not None:
            err_fd = None
            if stderrproc is not None:
                peer = getattr(stderrproc, 'pipe_peer', None)
                err_fd = peer.fileno() if peer is not None else os.open(os.devnull, os.O_WRONLY)
            try:
                _spawn(p, [str(a).split('\0', 1)[0] for a in argv], path, use_pty, err_fd)
            finally:
                if stderrproc is not None:
                    peer = getattr(stderrproc, 'pipe_peer', None)
                    if peer is not None:
                        peer.close()
                        stderrproc.pipe_peer = None
                    elif err_fd is not None:
                        os.close(err_fd)
        elif use_pty:
            # No program: Emacs still allocates the terminal.
            import pty
            master, slave = pty.openpty()
            p.tty_name = os.ttyname(slave)
            p.sock = PtyMaster(master)
            p.pipe_peer = PtyMaster(slave)
    except BaseException:
        P.remove_process(p)
        raise
    p.update_watch()
    return p


# ---------------------------------------------------------------- the API for real processes

def _real(process):
    p = P.get_process_arg(process)
    return p if p.kind == 'real' else None


_orig = {name: intern(name).function.fn for name in (
    'process-id', 'process-command', 'process-tty-name', 'stop-process',
    'continue-process', 'interrupt-process', 'kill-process', 'quit-process',
    'signal-process', 'process-exit-status')}


@defun('process-exit-status')
def process_exit_status(process):
    """Return the exit status of PROCESS or the signal number that killed it."""
    if process.__class__ is P.Process and process.kind == 'real':
        collect()
    return _orig['process-exit-status'](process)


@defun('process-id')
def process_id(process):
    """Return the process id of PROCESS."""
    P.check_process(process)
    if process.kind == 'real':
        pid = getattr(process, 'pid', None)
        return NIL if pid is None else pid
    return _orig['process-id'](process)


@defun('process-command')
def process_command(process):
    """Return the command that was executed to start PROCESS."""
    P.check_process(process)
    if process.kind == 'real':
        return getattr(process, 'real_command', NIL)
    return _orig['process-command'](process)


@defun('process-tty-name')
def process_tty_name(process, stream=NIL):
    """Return the name of the terminal PROCESS uses, or nil if none."""
    P.check_process(process)
    if process.kind == 'real':
        return getattr(process, 'tty_name', NIL)
    return _orig['process-tty-name'](process, stream)


@defun('stop-process')
def stop_process(process=NIL, current_group=NIL):
    """Stop process PROCESS."""
    p = _real(process)
    if p is None:
        return _orig['stop-process'](process, current_group)
    _check_signalable(p)
    send_signal(p, _signals().SIGTSTP, current_group)
    return process


@defun('continue-process')
def continue_process(process=NIL, current_group=NIL):
    """Continue process PROCESS."""
    p = _real(process)
    if p is None:
        return _orig['continue-process'](process, current_group)
    _check_signalable(p)
    send_signal(p, _signals().SIGCONT, current_group)
    p.status = P.Qrun
    eventloop.pending_status[p] = True
    P.status_notify()
    return process


def _check_signalable(p):
    collect()
    if p.status_symbol() is not P.Qrun or getattr(p, 'pid', None) is None:
        error('Process %s is not active', p.name)


def _signaller(lisp_name, signame):
    def fn(process=NIL, current_group=NIL):
        p = _real(process)
        if p is None:
            return _orig[lisp_name](process, current_group)
        _check_signalable(p)
        send_signal(p, getattr(_signals(), signame), current_group)
        return process
    fn.__doc__ = _orig[lisp_name].__doc__
    fn.__name__ = lisp_name.replace('-', '_')
    defun(lisp_name)(fn)


_signaller('interrupt-process', 'SIGINT')
_signaller('kill-process', 'SIGKILL')
_signaller('quit-process', 'SIGQUIT')


@defun('signal-process')
def signal_process(process, sigcode, remote=NIL):
    """Send PROCESS the signal with code SIGCODE."""
    p = process
    if isinstance(process, str):
        p = P.get_process(process)
        if p is NIL:
            import re
            m = re.match(r'\s*[-+]?[0-9]+', process)
            if m is None:
                return NIL
            process = p = int(m.group())
    if p.__class__ is P.Process and p.kind == 'real':
        pid = getattr(p, 'pid', None)
        if pid is not None:
            if sigcode.__class__ is not int and sigcode.__class__ is not Symbol:
                wrong_type('symbolp', sigcode)
            return _orig['signal-process'](pid, sigcode, remote)
    return _orig['signal-process'](process, sigcode, remote)


@defun('process-running-child-p')
def process_running_child_p(process=NIL):
    """Return non-nil if PROCESS has given the terminal to a child."""
    p = P.get_process_arg(process)
    if p.kind != 'real':
        error('Process %s is not a subprocess', p.name)
    if p.sock is None:
        error('Process %s is not active', p.name)
    gid = -1
    if isinstance(getattr(p, 'tty_name', NIL), str):
        try:
            gid = os.tcgetpgrp(p.sock.fileno())
        except OSError:
            gid = -1
    if gid == p.pid:
        return NIL
    return gid if gid != -1 else T
