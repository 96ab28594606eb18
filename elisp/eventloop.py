"""The event loop (Emacs's wait_reading_process_output): sockets watched with
`selectors` (epoll on Linux), timers, pending writes and status notifications.

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
"""

import errno
import selectors
import time

_selector = None
pending_status = {}         # Process -> True: status changed, sentinel not yet run
_idle_since = None          # time the front end became idle (None: not idle)


def selector():
    global _selector
    if _selector is None:
        _selector = selectors.DefaultSelector()
        _raise_nofile_limit()
    return _selector


def fileno():
    return selector().fileno()


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
    """Make the selector watch SOCK for MASK on behalf of OBJ (0 = stop watching)."""
    sel = selector()
    old = obj.watched
    if mask == old:
        return
    try:
        if not old:
            sel.register(sock, mask, obj)
        elif not mask:
            sel.unregister(sock)
        else:
            sel.modify(sock, mask, obj)
    except (KeyError, ValueError, OSError):
        mask = 0
    obj.watched = mask


def unwatch(obj, sock):
    if obj.watched:
        try:
            selector().unregister(sock)
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
    """Install FN(kind, lisp_signal) to handle errors escaping filters and sentinels."""
    global _callback_error_handler
    _callback_error_handler = fn if fn is not None else _batch_callback_error


def callback_error(kind, sig):
    _callback_error_handler(kind, sig)


def set_idle(flag):
    global _idle_since
    _idle_since = time.time() if flag else None


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
    sel = selector()
    timers = _timers()
    now = time.time()
    deadline = None if seconds is None else now + max(seconds, 0.0)
    got = False
    first = True
    while True:
        if run_timers:
            next_timer = timers.run_due_timers(_idle_since)
        else:
            next_timer = None
        if not just_this_one:
            status_notify()
        if got and (wait_proc is not None or return_on_output):
            break
        if wait_proc is not None:
            if not wait_proc.is_waitable():
                break
        now = time.time()
        if deadline is not None:
            timeout = deadline - now
            if timeout <= 0:
                if not first:
                    break
                timeout = 0
        elif wait_proc is None and not forever:
            timeout = 0 if first else None
            if not first:
                break
        else:
            timeout = None
        if next_timer is not None:
            nt = max(next_timer - now, 0)
            timeout = nt if timeout is None else min(timeout, nt)
        first = False
        if not sel.get_map() and timeout is None:
            if next_timer is None:
                # Nothing could ever happen: don't hang.
                if wait_proc is None and deadline is None:
                    break
                if wait_proc is not None:
                    break
        try:
            events = sel.select(timeout)
        except InterruptedError:
            events = []
        if len(events) > 1:
            # Emacs scans descriptors in ascending order.
            events.sort(key=_event_fd)
        for key, mask in events:
            obj = key.data
            if just_this_one and obj is not wait_proc:
                continue
            if obj.handle_event(mask):
                if wait_proc is None or obj is wait_proc:
                    got = True
    if not just_this_one:
        status_notify()
    return got


def _event_fd(ev):
    return ev[0].fd


def run_once(timeout=0):
    """One turn of the loop for an interactive front end: timers, I/O, sentinels."""
    return wait(timeout)


def flush_until(proc):
    """Service the loop until PROC's pending output is written or it dies."""
    sel = selector()
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
            events = sel.select(timeout)
        except InterruptedError:
            events = []
        for key, mask in events:
            key.data.handle_event(mask)


EAGAIN_ERRNOS = (errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR)
