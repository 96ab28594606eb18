"""The event loop (Emacs's wait_reading_process_output): sockets watched with
epoll (`selectors` elsewhere), timers, pending writes and status notifications.

Filters, sentinels and timers run only from `wait()` (accept-process-output,
sleep-for, sit-for), from `flush_writes()` while a send waits for the socket,
and from `status_notify()` inside delete-process.

Hooks for an interactive front end:
  set_callback_error_handler(fn)  fn(kind, signal) handles an error escaping a
                                  filter/sentinel ('filter' or 'sentinel');
                                  the default does what batch Emacs 28 does.
  run_once(timeout)               one turn of the loop (timers, I/O, sentinels)
  fileno()                        the epoll descriptor, readable when I/O is ready
  set_idle(flag)                  mark the front end idle (idle timers may fire)
  set_sigpipe_handler(fn)         what a write to a reset connection does (batch: die
                                  with exit 141 as Emacs 28 does)
"""

import errno
import select
import time

from .lisp import NIL, intern

_time = time.time
Qrun = intern('run')

EVENT_READ = 1
EVENT_WRITE = 2
pending_status = {}         # Process -> True: status changed, sentinel not yet run
pre_wait_hooks = []         # Python callables run at the start of every wait
_idle_since = None          # time the front end became idle (None: not idle)


_EP_READ = getattr(select, 'EPOLLIN', 0) | getattr(select, 'EPOLLERR', 0) | getattr(select, 'EPOLLHUP', 0)
_EP_WRITE = getattr(select, 'EPOLLOUT', 0) | getattr(select, 'EPOLLERR', 0) | getattr(select, 'EPOLLHUP', 0)


class _EpollPoller:
    """fd -> object registrations over select.epoll (no per-event key objects).

    `poll_raw(timeout, maxevents)` gives the unsorted (fd, bits) pairs, where
    RD and WR are the bits that mean readable and writable.  MAXEVENTS is the
    number of registered descriptors: epoll's default makes room for 1023
    events on every call."""
    RD = _EP_READ
    WR = _EP_WRITE

    def __init__(self):
        self.ep = select.epoll()
        self.poll_raw = self.ep.poll
        self.objs = {}

    def fileno(self):
        return self.ep.fileno()

    @staticmethod
    def _bits(mask):
        return (select.EPOLLIN if mask & EVENT_READ else 0) | (select.EPOLLOUT if mask & EVENT_WRITE else 0)

    def register(self, fd, mask, obj):
        self.ep.register(fd, self._bits(mask))
        self.objs[fd] = obj

    def modify(self, fd, mask, obj):
        self.ep.modify(fd, self._bits(mask))
        self.objs[fd] = obj

    def unregister(self, fd):
        self.objs.pop(fd, None)
        self.ep.unregister(fd)

    def empty(self):
        return not self.objs

    def poll(self, timeout):
        """Ready (fd, obj, mask) triples, in ascending fd order as Emacs scans them."""
        if timeout is None:
            timeout = -1
        elif not 0 <= timeout <= 1e7:
            timeout = 1e7 if timeout > 0 else 0
        evs = self.ep.poll(timeout)
        if not evs:
            return evs
        objs = self.objs
        if len(evs) == 1:
            fd, ev = evs[0]
            obj = objs.get(fd)
            if obj is None:
                return ()
            return ((fd, obj, (EVENT_READ if ev & _EP_READ else 0) | (EVENT_WRITE if ev & _EP_WRITE else 0)),)
        evs.sort()
        out = []
        for fd, ev in evs:
            obj = objs.get(fd)
            if obj is not None:
                out.append((fd, obj, (EVENT_READ if ev & _EP_READ else 0)
                            | (EVENT_WRITE if ev & _EP_WRITE else 0)))
        return out


class _SelectorsPoller(_EpollPoller):
    """The same interface over `selectors` where epoll is missing."""
    RD = EVENT_READ
    WR = EVENT_WRITE

    def __init__(self):
        import selectors
        self.sel = selectors.DefaultSelector()
        self.objs = {}

    def poll_raw(self, timeout, maxevents=-1):
        return [(k.fd, m) for k, m in self.sel.select(timeout)]

    def fileno(self):
        return self.sel.fileno()

    def register(self, fd, mask, obj):
        self.sel.register(fd, mask, obj)
        self.objs[fd] = obj

    def modify(self, fd, mask, obj):
        self.sel.modify(fd, mask, obj)
        self.objs[fd] = obj

    def unregister(self, fd):
        self.objs.pop(fd, None)
        self.sel.unregister(fd)

    def poll(self, timeout):
        if timeout is not None and not 0 <= timeout <= 1e7:
            timeout = 1e7 if timeout > 0 else 0
        evs = self.sel.select(timeout)
        return sorted(((k.fd, k.data, m) for k, m in evs), key=lambda e: e[0])


_poller = None


def poller():
    global _poller
    if _poller is None:
        _poller = _EpollPoller() if hasattr(select, 'epoll') else _SelectorsPoller()
        _raise_nofile_limit()
    return _poller


selector = poller


def fileno():
    """A descriptor that becomes readable when the loop has I/O to handle."""
    return poller().fileno()


def _raise_nofile_limit():
    try:
        import resource
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if hard == resource.RLIM_INFINITY:
            hard = 1 << 20
        if soft != resource.RLIM_INFINITY and soft < hard:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ImportError, ValueError, OSError):
        pass


def watch(obj, sock, mask):
    """Make the loop watch SOCK for MASK on behalf of OBJ (0 = stop watching)."""
    old = obj.watched
    if mask == old:
        return
    pl = poller()
    try:
        fd = sock.fileno()
        if not old:
            pl.register(fd, mask, obj)
        elif not mask:
            pl.unregister(fd)
        else:
            pl.modify(fd, mask, obj)
    except (KeyError, ValueError, OSError):
        mask = 0
    obj.watched = mask


def unwatch(obj, sock):
    if obj.watched:
        try:
            poller().unregister(sock.fileno())
        except (KeyError, ValueError, OSError):
            pass
        obj.watched = 0


# ---------------------------------------------------------------- errors in callbacks

def _batch_callback_error(kind, sig):
    """Batch Emacs 28: an error in a filter or sentinel is fatal (exit 255)."""
    from .cli import print_uncaught, KillEmacs
    from .prims.eval import run_hooks
    from .lisp import intern
    from .errors import LispSignal
    print_uncaught(sig.symbol, sig.data)
    try:
        run_hooks(intern('kill-emacs-hook'))
    except LispSignal:
        pass
    raise KillEmacs(255)


_callback_error_handler = _batch_callback_error


def set_callback_error_handler(fn):
    """Install FN(kind, lisp_signal) to handle errors escaping filters and sentinels.

    An interactive front end installing one also stops a write to a reset
    connection from killing the process (it becomes a Lisp error), unless it
    chose a SIGPIPE handler itself."""
    global _callback_error_handler, _sigpipe_handler
    _callback_error_handler = fn if fn is not None else _batch_callback_error
    if _sigpipe_handler is _batch_sigpipe and fn is not None:
        _sigpipe_handler = _interactive_sigpipe
    elif fn is None and _sigpipe_handler is _interactive_sigpipe:
        _sigpipe_handler = _batch_sigpipe


def callback_error(kind, sig):
    _callback_error_handler(kind, sig)


def _batch_sigpipe(proc):
    """Batch Emacs 28 does not ignore SIGPIPE: writing to a connection the peer
    reset kills it (exit 141), losing stdout text still in its stdio buffer."""
    import os
    from .prims.print import output
    data = ''.join(output.pending).encode('utf-8', 'surrogateescape')
    output.pending = []
    output.size = 0
    try:
        if os.isatty(1):
            keep = data.rfind(b'\n') + 1
        else:
            keep = len(data) - len(data) % 4096
        if keep:
            os.write(1, data[:keep])
    except OSError:
        pass
    import signal
    try:
        # Lisp runs in a thread, where signal.signal is refused: ask libc.
        import ctypes
        ctypes.CDLL(None).signal(signal.SIGPIPE, 0)     # SIG_DFL
        os.kill(os.getpid(), signal.SIGPIPE)
    except (OSError, AttributeError, ImportError):
        pass
    os._exit(141)


def _interactive_sigpipe(proc):
    """Interactively, the write just fails with a Lisp error."""


_sigpipe_handler = _batch_sigpipe


def set_sigpipe_handler(fn):
    """Install FN(process) for a write to a connection the peer reset (EPIPE);
    if FN returns, the write signals an error instead."""
    global _sigpipe_handler
    _sigpipe_handler = fn if fn is not None else _batch_sigpipe


def sigpipe(proc):
    _sigpipe_handler(proc)


def set_idle(flag):
    """Start (FLAG true) or end an idle period of the front end."""
    global _idle_since
    if flag and _idle_since is None:
        _timers()._idle_fired.clear()
    _idle_since = (_idle_since or time.time()) if flag else None


# ---------------------------------------------------------------- timers

_timer_module = None


def _timers():
    global _timer_module
    if _timer_module is None:
        from .prims import timer
        _timer_module = timer
    return _timer_module


# ---------------------------------------------------------------- the loop

def status_notify():
    """Run the sentinels of processes whose status changed (newest first)."""
    if not pending_status:
        return
    from .prims import process
    process.status_notify()


def wait(seconds=None, wait_proc=None, just_this_one=False, run_timers=True,
         forever=False, return_on_output=False):
    """Wait up to SECONDS (None: no limit) handling I/O, timers and sentinels.

    With WAIT_PROC, return as soon as output from it was read or it stopped
    running.  Returns True when output was read (from WAIT_PROC, or from any
    process when WAIT_PROC is None)."""
    if pre_wait_hooks:
        for hook in list(pre_wait_hooks):
            hook()
    pl = _poller or poller()
    timers = _timer_module or _timers()
    timer_list = timers.Vtimer_list
    if seconds is None:
        deadline = None
    else:
        if seconds != seconds:
            seconds = 0.0
        deadline = _time() + (seconds if seconds > 0.0 else 0.0)
    poll_raw = pl.poll_raw
    objs = pl.objs
    rd = pl.RD
    wr = pl.WR
    got = False
    first = True
    while True:
        # No timers (the usual case): skip the scan altogether.
        if run_timers and (timer_list.val is not NIL or _idle_since is not None):
            next_timer = timers.run_due_timers(_idle_since)
        else:
            next_timer = None
        if pending_status and not just_this_one:
            status_notify()
        if wait_proc is not None:
            if got:
                break
            if wait_proc.status is not Qrun and not wait_proc.is_waitable():
                break
        if deadline is not None:
            now = _time()
            timeout = deadline - now
            if timeout <= 0:
                if not first:
                    break
                timeout = 0
        elif wait_proc is None and not forever:
            if not first:
                break
            timeout = 0
        else:
            timeout = None
        if next_timer is not None:
            if deadline is None:
                now = _time()
            nt = next_timer - now
            if nt < 0:
                nt = 0
            timeout = nt if timeout is None or nt < timeout else timeout
        if got and return_on_output:
            # Output arrived: keep reading only what is already there.
            timeout = 0
        first = False
        if timeout is None:
            if not objs:
                # No limit, no timer, nothing watched: nothing could ever happen.
                break
        elif timeout > 1e7:
            timeout = 1e7
        try:
            evs = poll_raw(timeout, len(objs) or 1)
        except InterruptedError:
            evs = ()
        if not evs:
            if got and return_on_output:
                break
            continue
        if len(evs) == 1:
            fd, ev = evs[0]
            obj = objs.get(fd)
            if (obj is not None and (not just_this_one or obj is wait_proc)
                    and obj.handle_event((EVENT_READ if ev & rd else 0) | (EVENT_WRITE if ev & wr else 0))
                    and (wait_proc is None or obj is wait_proc)):
                got = True
            continue
        # Several ready: handle them in ascending fd order, as Emacs does.
        evs.sort()
        for obj, ev in [(objs.get(fd), ev) for fd, ev in evs]:
            if obj is None or (just_this_one and obj is not wait_proc):
                continue
            if obj.handle_event((EVENT_READ if ev & rd else 0) | (EVENT_WRITE if ev & wr else 0)):
                if wait_proc is None or obj is wait_proc:
                    got = True
    if pending_status and not just_this_one:
        status_notify()
    return got


def run_once(timeout=0):
    """One turn of the loop for an interactive front end: timers, I/O, sentinels."""
    return wait(timeout)


def flush_until(proc):
    """Service the loop until PROC's pending output is written or it dies."""
    pl = poller()
    timers = _timers()
    while proc.write_queue and proc.sock is not None:
        next_timer = timers.run_due_timers(_idle_since)
        status_notify()
        if not proc.write_queue or proc.sock is None:
            break
        timeout = None
        if next_timer is not None:
            timeout = max(next_timer - time.time(), 0)
        try:
            events = pl.poll(timeout)
        except InterruptedError:
            events = ()
        for fd, obj, mask in events:
            obj.handle_event(mask)


EAGAIN_ERRNOS = (errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR)
