"""Processes (Emacs's process.c): network connections and servers over sockets,
the process list, filters, sentinels, coding, and the waiting primitives.

Only network processes (stream, datagram, seqpacket; IPv4, IPv6, unix) are
created here; the loop that services them is elisp/eventloop.py.
"""

import codecs
import errno
import os
import _socket
import struct
import sys

from ..defun import defun, defvar
from ..lisp import (Cons, Symbol, Vector, NIL, T, UNBOUND, SpecialValue, UnibyteStr, MultibyteStr, PropStr, intern,
                    make_list, list_, list_to_python, is_multibyte)
from ..errors import LispSignal, Q, error, wrong_type, signal
from ..variables import state, symbol_value, specbind, unbind
from ..compiler import funcall, Closure
from .. import eventloop
from . import buffer as B

Qprocess = Q('process')
Qprocessp = Q('processp')
Qrun = Q('run')
Qopen = Q('open')
Qlisten = Q('listen')
Qconnect = Q('connect')
Qstop = Q('stop')
Qexit = Q('exit')
Qclosed = Q('closed')
Qfailed = Q('failed')
Qsignal = Q('signal')
Qnetwork = Q('network')
Qlocal = Q('local')
Qipv4 = Q('ipv4')
Qipv6 = Q('ipv6')
Qdatagram = Q('datagram')
Qseqpacket = Q('seqpacket')
Qdefault_filter = Q('internal-default-process-filter')
Qdefault_sentinel = Q('internal-default-process-sentinel')
Qfile_error = Q('file-error')
Qbuffer_read_only = Q('buffer-read-only')
Qcheck_coding_system = Q('check-coding-system')

K = {k: Q(':' + k) for k in (
    'name', 'type', 'server', 'host', 'service', 'family', 'local', 'remote', 'nowait',
    'tls-parameters', 'stop', 'buffer', 'coding', 'noquery', 'filter', 'filter-multibyte',
    'sentinel', 'log', 'plist', 'use-external-socket', 'reuseaddr', 'keepalive', 'linger',
    'broadcast', 'dontroute', 'oobinline', 'priority', 'bindtodevice', 'nodelay')}

Vdelete_exited_processes = defvar('delete-exited-processes', T)
Vprocess_connection_type = defvar('process-connection-type', T)
Vread_process_output_max = defvar('read-process-output-max', 4096)
Vprocess_adaptive_read_buffering = defvar('process-adaptive-read-buffering', T)
Vdefault_process_coding_system = defvar('default-process-coding-system',
                                        Cons(Q('utf-8-unix'), Q('utf-8-unix')))
Vcoding_system_for_read = defvar('coding-system-for-read', NIL)
Vcoding_system_for_write = defvar('coding-system-for-write', NIL)
Vlast_coding_system_used = defvar('last-coding-system-used', NIL)
Vnetwork_coding_system_alist = defvar('network-coding-system-alist', NIL)
Vprocess_error_pause_time = defvar('process-error-pause-time', 1)
Vinternal__daemon_sockname = defvar('internal--daemon-sockname', NIL)
defvar('process-prioritize-lower-fds', NIL)

def _readmax():
    """Bytes per read: `read-process-output-max`, as Emacs 28 reads it each time."""
    v = Vread_process_output_max.val
    if v.__class__ is not int:
        v = symbol_value(Vread_process_output_max)
        if v.__class__ is not int:
            return 4096
    return v if v >= 1 else 1


# ---------------------------------------------------------------- plists

def plist_get(plist, key):
    p = plist
    while p.__class__ is Cons and p.cdr.__class__ is Cons:
        if p.car is key:
            return p.cdr.car
        p = p.cdr.cdr
    return NIL


def plist_member(plist, key):
    p = plist
    while p.__class__ is Cons and p.cdr.__class__ is Cons:
        if p.car is key:
            return True
        p = p.cdr.cdr
    return False


def plist_put(plist, key, value):
    """Replace KEY's value in place, or append; return the (possibly new) plist."""
    p = plist
    last = None
    while p.__class__ is Cons and p.cdr.__class__ is Cons:
        if p.car is key:
            p.cdr.car = value
            return plist
        last = p.cdr
        p = p.cdr.cdr
    cell = Cons(key, Cons(value, NIL))
    if last is None:
        return cell
    last.cdr = cell
    return plist


def _plist_dict(items):
    """{key: value} for the symbol keys of the flat plist ITEMS; first one wins."""
    d = {}
    for i in range(0, len(items) - 1, 2):
        k = items[i]
        if k.__class__ is Symbol and k not in d:
            d[k] = items[i + 1]
    return d


def plist_copy_with(plist, updates):
    """A copy of PLIST with the (KEY, VALUE) pairs of UPDATES (distinct symbol
    keys) put in: what copying it and calling plist_put for each pair gives."""
    todo = dict(updates)
    out = []
    p = plist
    while p.__class__ is Cons and p.cdr.__class__ is Cons:
        k = p.car
        out.append(k)
        if k.__class__ is Symbol and k in todo:
            out.append(todo.pop(k))
        else:
            out.append(p.cdr.car)
        p = p.cdr.cdr
    if not todo:
        # Nothing appended: a dangling odd element is kept, as copy_list does.
        return make_list(out + list_to_python(p))
    for k, v in updates:
        if k in todo:
            out.append(k)
            out.append(v)
    return make_list(out)


def copy_list(lst):
    return make_list(list_to_python(lst))


# ---------------------------------------------------------------- coding

_CANON = {'latin-1': 'iso-latin-1', 'iso-8859-1': 'iso-latin-1', 'latin1': 'iso-latin-1',
          'iso-latin-1': 'iso-latin-1', 'utf-8': 'utf-8', 'mule-utf-8': 'utf-8',
          'prefer-utf-8': 'utf-8', 'undecided': 'utf-8', 'raw-text': 'raw-text',
          'binary': 'binary', 'no-conversion': 'no-conversion', 'us-ascii': 'us-ascii',
          'ascii': 'us-ascii', 'utf-8-emacs': 'utf-8', 'utf-8-auto': 'utf-8',
          'utf-8-with-signature': 'utf-8'}


def parse_coding(sym):
    """(KIND, EOL, CANONICAL-BASE) for coding system symbol SYM.

    KIND is 'utf-8', 'raw' (unibyte result), 'latin-1' or 'ascii'; EOL is 'unix',
    'dos', 'mac' or None (to be detected)."""
    if sym is NIL or sym.__class__ is not Symbol:
        return ('raw', 'unix', 'no-conversion')
    name = sym.name
    eol = None
    for suffix in ('-unix', '-dos', '-mac'):
        if name.endswith(suffix):
            eol = suffix[1:]
            name = name[:-len(suffix)]
            break
    base = _CANON.get(name, name)
    if base in ('binary', 'no-conversion'):
        return ('raw', 'unix', base)
    if base == 'raw-text':
        return ('raw', eol, base)
    if base == 'iso-latin-1':
        return ('latin-1', eol, base)
    if base == 'us-ascii':
        return ('utf-8', eol, base)
    return ('utf-8', eol, base)


def coding_unibyte_p(sym):
    return parse_coding(sym)[0] == 'raw'


class Decoder:
    """Incremental decoding of a process's input, with EOL detection."""
    __slots__ = ('kind', 'eol', 'base', 'inc', 'cr_held', 'proc', 'binary')

    def __init__(self, proc, sym):
        self.proc = proc
        self.kind, self.eol, self.base = parse_coding(sym)
        # Bytes in, unibyte string out, nothing else to do (binary, raw-text-unix).
        self.binary = self.kind == 'raw' and self.eol == 'unix'
        self.inc = (codecs.getincrementaldecoder('utf-8')('surrogateescape')
                    if self.kind == 'utf-8' else None)
        self.cr_held = False

    def decode(self, data):
        if self.eol is None:
            eol = None
            i = data.find(b'\r')
            j = data.find(b'\n')
            if i >= 0 and (j < 0 or i < j):
                eol = 'dos' if data[i + 1:i + 2] == b'\n' else 'mac'
            elif j >= 0:
                eol = 'unix'
            if eol is not None:
                self.eol = eol
                self.proc.decode_coding = intern(self.base + '-' + eol)
        kind = self.kind
        if kind == 'utf-8':
            text = self.inc.decode(data)
        elif kind == 'latin-1':
            text = data.decode('latin-1')
        else:
            text = data.decode('ascii', 'surrogateescape') if not data.isascii() else data.decode('ascii')
        eol = self.eol
        if eol == 'dos':
            if self.cr_held:
                text = '\r' + text
                self.cr_held = False
            if text.endswith('\r'):
                text = text[:-1]
                self.cr_held = True
            if '\r' in text:
                text = text.replace('\r\n', '\n')
        elif eol == 'mac':
            text = text.replace('\r', '\n')
        if kind == 'raw':
            return UnibyteStr(text)
        if text.isascii():
            return MultibyteStr(text)
        if kind == 'latin-1':
            # Emacs marks text decoded by a charset coding system.
            return PropStr(text, [(0, len(text), list_(Q('charset'), Q('iso-8859-1')))], True)
        return text


_parse_cache = {}


def encode_string(proc, s):
    """The bytes to send for Lisp string S through PROC's encoding."""
    enc = proc.encode_coding
    parsed = _parse_cache.get(enc)
    if parsed is None:
        parsed = _parse_cache[enc] = parse_coding(enc)
    eol = parsed[1]
    if eol == 'dos' and '\n' in s:
        s = s.replace('\n', '\r\n')
    elif eol == 'mac' and '\n' in s:
        s = s.replace('\n', '\r')
    if s.isascii():
        return s.encode('ascii')
    if not is_multibyte(s):
        return s.encode('ascii', 'surrogateescape')
    if parsed[0] == 'latin-1':
        return s.encode('latin-1', 'replace')
    return s.encode('utf-8', 'surrogateescape')


# ---------------------------------------------------------------- the Process object

_DGRAM = _socket.SOCK_DGRAM
_STREAM = _socket.SOCK_STREAM
_processes = []           # live (listed) processes, oldest first
_seq = [0]
_accept_counter = [0]


class Process:
    lisp_type = 'process'

    def __init__(self, name):
        _seq[0] += 1
        self.seq = _seq[0]
        self.name = name
        self.buffer = NIL
        self.mark = B.Marker()
        self.filter = Qdefault_filter
        self.sentinel = Qdefault_sentinel
        self.plist = NIL
        self.childp = NIL               # contact plist
        self.kind = 'network'
        self.status = Qrun
        self.command = NIL              # t while stopped
        self.sock = None
        self.watched = 0
        self.is_server = False
        self.family = _socket.AF_INET
        self.socktype = _socket.SOCK_STREAM
        self.kill_without_query = False
        self.decode_coding = NIL
        self.encode_coding = NIL
        self.decoder = None
        self.log = NIL
        self.write_queue = []
        self.write_offset = 0
        self.eof_sent = False
        self.datagram_address = None
        self.connecting = False
        self.tls = None
        self.tls_handshaking = False
        self.listed = False

    def lisp_print(self, printer):
        if printer.escape:
            printer.out.append('#<process %s>' % self.name)
        else:
            printer.out.append(self.name)

    # ---- status

    def status_symbol(self):
        st = self.status
        return st.car if st.__class__ is Cons else st

    def is_waitable(self):
        st = self.status_symbol()
        return st is Qrun or st is Qconnect

    def exit_status(self):
        st = self.status
        if st.__class__ is Cons:
            return st.cdr.car
        return 0

    # ---- watching

    def update_watch(self):
        if self.sock is None:
            return
        mask = 0
        if self.connecting or self.tls_handshaking == 'write':
            mask = eventloop.EVENT_WRITE
        else:
            if self.command is NIL and self.filter is not T and self.status_symbol() in (Qrun, Qlisten):
                mask |= eventloop.EVENT_READ
            if self.tls_handshaking == 'read':
                mask |= eventloop.EVENT_READ
            if self.write_queue:
                mask |= eventloop.EVENT_WRITE
        eventloop.watch(self, self.sock, mask)

    def handle_event(self, mask):
        """Called by the loop when our socket is ready; True if output was read."""
        if self.sock is None:
            return False
        if self.connecting:
            finish_connect(self)
            return False
        if self.tls_handshaking:
            tls_step(self)
            return False
        if mask & 2 and self.write_queue:      # eventloop.EVENT_WRITE
            write_some(self)
        if mask & 1 and self.sock is not None:  # eventloop.EVENT_READ
            if self.status is Qlisten:
                server_accept(self)
                return False
            return read_output(self)
        return False

    def deactivate(self):
        peer = getattr(self, 'pipe_peer', None)
        if peer is not None:
            peer.close()
            self.pipe_peer = None
        if self.sock is not None:
            eventloop.unwatch(self, self.sock)
            try:
                self.sock.close()
            except OSError:
                pass
            self.sock = None
        self.write_queue = []
        self.connecting = False


def process_status_form(p):
    return p.status


def check_process(obj):
    if obj.__class__ is not Process:
        wrong_type('processp', obj)
    return obj


def get_process_arg(obj):
    """Emacs's get_process: a process from a process, name or buffer."""
    if obj.__class__ is Process:
        return obj
    if isinstance(obj, str):
        p = _names.get(obj)
        if p is not None:
            return p
        buf = B.get_buffer(obj)
        if buf is NIL:
            error('Process %s does not exist', obj)
        obj = buf
    if obj.__class__ is B.Buffer:
        for p in reversed(_processes):
            if p.buffer is obj:
                return p
        error('Buffer %s has no process', obj.name)
    if obj is NIL:
        buf = state.current_buffer
        for p in reversed(_processes):
            if p.buffer is buf:
                return p
        error('Buffer %s has no process', buf.name)
    wrong_type('processp', obj)


_names = {}              # name -> listed process
_next_suffix = {}         # base name -> next <N> to try


def unique_name(name):
    if name not in _names:
        return name
    i = _next_suffix.get(name, 1)
    while True:
        cand = '%s<%d>' % (name, i)
        if cand not in _names:
            _next_suffix[name] = i
            return cand
        i += 1


def add_process(p):
    _processes.append(p)
    _names[p.name] = p
    p.listed = True


def remove_process(p):
    if p.listed:
        try:
            if _processes[-1] is p:
                _processes.pop()
            else:
                _processes.remove(p)
        except (ValueError, IndexError):
            pass
        if _names.get(p.name) is p:
            del _names[p.name]
        _next_suffix.clear()
        p.listed = False
    p.deactivate()
    eventloop.pending_status.pop(p, None)


def set_status(p, status):
    p.status = status
    eventloop.pending_status[p] = True


# ---------------------------------------------------------------- sentinels and filters

def status_message(p):
    if p.kind == 'real':
        from . import subproc
        return subproc.status_message(p)
    st = p.status
    sym = st.car if st.__class__ is Cons else st
    if sym is Qexit:
        code = st.cdr.car
        if p.kind == 'network':
            return 'deleted\n' if code == 0 else 'connection broken by remote peer\n'
        if code == 0:
            return 'finished\n'
        return 'exited abnormally with code %d\n' % code
    if sym is Qfailed:
        code = st.cdr.car
        from ..printer import princ_to_string
        return 'failed with code %s\n' % princ_to_string(code)
    if sym is Qrun and p.kind == 'network':
        return 'open\n'
    return sym.name + '\n'


def status_notify():
    """Run the sentinels for every process whose status changed, newest first."""
    while eventloop.pending_status:
        procs = sorted(eventloop.pending_status, key=lambda p: -p.seq)
        eventloop.pending_status.clear()
        for p in procs:
            if p.kind == 'real':
                from . import subproc
                subproc.drain(p)
            sym = p.status_symbol()
            msg = status_message(p)
            if sym is Qexit or sym is Qsignal or sym is Qclosed:
                if symbol_value(Vdelete_exited_processes) is not NIL:
                    remove_process(p)
                else:
                    p.deactivate()
            exec_sentinel(p, msg)


Vinhibit_quit = intern('inhibit-quit')
if Vinhibit_quit.val is UNBOUND:
    defvar('inhibit-quit', NIL)


_md = None


def _run_callback(kind, fn, p, arg):
    """Call a filter or sentinel as Emacs does: inhibit-quit bound to t, the
    current buffer and the match data preserved."""
    global _md
    md = _md
    if md is None:
        from .search import md
        _md = md
    old = state.current_buffer
    saved_match = md.save()
    iq = Vinhibit_quit
    old_iq = iq.val
    if old_iq.__class__ is SpecialValue:
        rec = specbind(iq, T)
    else:
        # A plain global value: bind it by hand (what specbind would do).
        rec = None
        iq.val = T
    try:
        if fn.__class__ is Closure:
            fn.info.entry(fn, (p, arg))
        else:
            funcall(fn, p, arg)
    except LispSignal as e:
        eventloop.callback_error(kind, e)
    finally:
        if rec is not None:
            unbind(rec)
        elif iq.val.__class__ is not SpecialValue:
            iq.val = old_iq
        else:
            # Made buffer-local meanwhile: restore the default, as unbind would.
            unbind((iq, None, old_iq))
        md.restore(saved_match)
        if old is not state.current_buffer and old.live:
            B.set_buffer_internal(old)


def exec_sentinel(p, msg):
    sentinel = p.sentinel
    if sentinel is NIL:
        return
    _run_callback('sentinel', sentinel, p, msg)


def call_filter(p, text):
    filt = p.filter
    if filt is NIL:
        filt = Qdefault_filter
    _run_callback('filter', filt, p, text)


def _insert_at_mark(p, buf, text, before_markers, fix_mark):
    """Insert TEXT into BUF at P's mark; return nothing.  Keeps point and narrowing."""
    old = state.current_buffer
    B.set_buffer_internal(buf)
    try:
        opoint = buf.pt
        old_begv = buf.begv
        old_zv = buf.zv
        narrowed = buf.zv_fixed is not None or buf.begv != 1
        if p.mark.buffer is buf and p.mark.charpos is not None:
            pos = min(max(p.mark.charpos, buf.begv), buf.zv)
        else:
            pos = buf.zv
        buf.pt = pos
        ro = buf.local_vars.get(Qbuffer_read_only, NIL)
        if ro is not NIL:
            buf.local_vars[Qbuffer_read_only] = NIL
        try:
            B.insert_text(buf, text, before_markers=before_markers)
        finally:
            if ro is not NIL:
                buf.local_vars[Qbuffer_read_only] = ro
        n = len(text)
        p.mark.set(buf, pos + n)
        if opoint >= pos:
            opoint += n
        if narrowed:
            if old_begv > pos:
                old_begv += n
            if old_zv >= pos:
                old_zv += n
            if (old_begv, old_zv) != (buf.begv, buf.zv):
                B.narrow_to_region(old_begv, old_zv)
        buf.pt = opoint
    finally:
        if old.live:
            B.set_buffer_internal(old)


@defun('internal-default-process-filter')
def internal_default_process_filter(proc, text):
    """Function used as default process filter."""
    p = check_process(proc)
    if not isinstance(text, str):
        wrong_type('stringp', text)
    buf = p.buffer
    if buf is not NIL and buf.live:
        if not buf.multibyte and is_multibyte(text):
            text = UnibyteStr(text.encode('utf-8', 'surrogateescape').decode('ascii', 'surrogateescape'))
        _insert_at_mark(p, buf, text, True, True)
    return NIL


@defun('internal-default-process-sentinel')
def internal_default_process_sentinel(proc, msg):
    """Function used as default sentinel for processes."""
    p = check_process(proc)
    if p.status_symbol() is Qrun:
        return NIL
    buf = p.buffer
    if buf is NIL or not buf.live:
        return NIL
    if not isinstance(msg, str):
        wrong_type('stringp', msg)
    saved = B.save_excursion_save()
    try:
        _insert_at_mark(p, buf, '\nProcess ' + p.name + ' ' + msg, False, True)
    finally:
        B.save_excursion_restore(saved)
    return NIL


# ---------------------------------------------------------------- reading

def read_output(p):
    """Read what P's socket has (at most `read-process-output-max` bytes) and
    hand it to the filter; True if output was read."""
    sock = p.sock
    addr = None
    dgram = p.socktype == _DGRAM
    n = Vread_process_output_max.val
    if n.__class__ is not int or n < 1:
        n = _readmax()
    try:
        if dgram:
            data, addr = sock.recvfrom(n)
        else:
            data = sock.recv(n)
        if p.tls is not None:
            pending = sock.pending()
            while pending:
                data += sock.recv(pending)
                pending = sock.pending()
    except (BlockingIOError, InterruptedError):
        return False
    except OSError as e:
        if e.errno in eventloop.EAGAIN_ERRNOS or _ssl_want(e):
            return False
        data = b''
        if dgram:
            return False
    if not data and not dgram:
        if p.kind == 'real':
            from . import subproc
            subproc.read_eof(p)
            return False
        if p.status is Qrun:
            p.deactivate()
            set_status(p, list_(Qexit, 0 if p.kind == 'pipe' else 256))
        return False
    if addr is not None:
        p.datagram_address = addr
    decoder = p.decoder
    if decoder is None:
        buf = p.buffer
        if (p.filter is Qdefault_filter and buf is not NIL and buf.live and not buf.multibyte
                and not coding_unibyte_p(p.decode_coding)):
            eol = parse_coding(p.decode_coding)[1]
            p.decode_coding = Q('raw-text-' + (eol or 'unix'))
        decoder = p.decoder = Decoder(p, p.decode_coding)
    if decoder.binary:
        text = UnibyteStr(data.decode('ascii', 'surrogateescape'))
    else:
        text = decoder.decode(data)
    Vlast_coding_system_used.val = p.decode_coding
    if text:
        filt = p.filter
        if filt is NIL:
            filt = Qdefault_filter
        _run_callback('filter', filt, p, text)
    return True


def _ssl_want(e):
    ssl = sys.modules.get('ssl')        # no TLS connection ever made: not an SSL error
    return ssl is not None and isinstance(e, (ssl.SSLWantReadError, ssl.SSLWantWriteError))


# ---------------------------------------------------------------- writing

def write_some(p):
    """Write as much queued output as the socket takes without blocking."""
    sock = p.sock
    q = p.write_queue
    while q:
        chunk = q[0]
        try:
            if p.socktype == _socket.SOCK_DGRAM or p.socktype == _socket.SOCK_SEQPACKET:
                if p.socktype == _socket.SOCK_DGRAM and p.datagram_address is not None:
                    sock.sendto(chunk, p.datagram_address)
                else:
                    sock.send(chunk)
                q.pop(0)
                continue
            n = sock.send(memoryview(chunk)[p.write_offset:])
        except (BlockingIOError, InterruptedError):
            break
        except OSError as e:
            if e.errno in eventloop.EAGAIN_ERRNOS or _ssl_want(e):
                break
            p.write_queue = []
            p.write_offset = 0
            if p.socktype == _socket.SOCK_DGRAM:
                break
            p.deactivate()
            set_status(p, list_(Qexit, 256))
            p.write_error = e
            break
        p.write_offset += n
        if p.write_offset >= len(chunk):
            q.pop(0)
            p.write_offset = 0
    p.update_watch()


def send_bytes(p, data):
    if p.eof_sent or not data:
        return
    if not p.write_queue and p.socktype == _STREAM and p.tls is None:
        # Fast path: the socket usually takes it all at once.
        try:
            n = p.sock.send(data)
        except OSError:
            n = 0
        if n == len(data):
            return
        data = data[n:]
    p.write_queue.append(data)
    p.write_error = None
    write_some(p)
    if p.write_queue:
        eventloop.flush_until(p)
    err = getattr(p, 'write_error', None)
    if err is not None:
        p.write_error = None
        if err.errno == errno.EPIPE:
            eventloop.sigpipe(p)
            error('SIGPIPE raised on process %s; closed it', p.name)
        signal(Qfile_error, list_('Writing to process', os.strerror(err.errno), p))


def check_sendable(p):
    if p.connecting:
        wait_connected(p)
    if p.status_symbol() is not Qrun or p.sock is None:
        if p.eof_sent and p.status_symbol() is Qrun:
            return
        error('Process %s not running', p.name)


def wait_connected(p):
    while p.connecting and p.sock is not None:
        eventloop.wait(0.05)


# ---------------------------------------------------------------- addresses

def sockaddr_to_lisp(family, addr):
    if family == _socket.AF_INET:
        host, port = addr[0], addr[1]
        return Vector([int(x) for x in host.split('.')] + [port])
    if family == _socket.AF_INET6:
        host, port = addr[0], addr[1]
        packed = _socket.inet_pton(_socket.AF_INET6, host.split('%')[0])
        return Vector(list(struct.unpack('!8H', packed)) + [port])
    if family == _socket.AF_UNIX:
        if isinstance(addr, bytes):
            return addr.decode('utf-8', 'surrogateescape')
        return addr or ''
    return NIL


def lisp_to_sockaddr(address):
    """(family, python-address) for a Lisp address, or None if malformed."""
    if address.__class__ is Vector:
        n = len(address)
        if n == 5 and all(x.__class__ is int for x in address):
            return _socket.AF_INET, ('%d.%d.%d.%d' % tuple(x & 255 for x in address[:4]),
                                    address[4] & 0xFFFF)
        if n == 9 and all(x.__class__ is int for x in address):
            packed = struct.pack('!8H', *[x & 0xFFFF for x in address[:8]])
            return _socket.AF_INET6, (_socket.inet_ntop(_socket.AF_INET6, packed), address[8] & 0xFFFF)
        return None
    if isinstance(address, str):
        return _socket.AF_UNIX, address
    if address.__class__ is Cons and address.car.__class__ is int and address.cdr.__class__ is Vector:
        return address.car, address.cdr
    return None


def host_string_quirk(family, host):
    """The host text Emacs 28 shows for an accepted peer (IPv6 groups byte-swapped)."""
    if family == _socket.AF_INET6:
        packed = _socket.inet_pton(_socket.AF_INET6, host.split('%')[0])
        return ':'.join('%x' % g for g in struct.unpack('<8H', packed))
    return host


# ---------------------------------------------------------------- socket options

_BOOL_OPTS = {'broadcast': _socket.SO_BROADCAST, 'dontroute': _socket.SO_DONTROUTE,
              'keepalive': _socket.SO_KEEPALIVE, 'oobinline': _socket.SO_OOBINLINE,
              'reuseaddr': _socket.SO_REUSEADDR}


def set_socket_option(sock, key, value):
    """Apply network option KEY; False if unknown.  Raises OSError on failure."""
    name = key.name[1:] if key.__class__ is Symbol and key.name.startswith(':') else None
    if name in _BOOL_OPTS:
        sock.setsockopt(_socket.SOL_SOCKET, _BOOL_OPTS[name], 0 if value is NIL else 1)
        return True
    if name == 'priority':
        if value.__class__ is not int:
            error('Bad option value for %s', key.name)
        sock.setsockopt(_socket.SOL_SOCKET, getattr(_socket, 'SO_PRIORITY', 12), value)
        return True
    if name == 'linger':
        if value.__class__ is int:
            linger = struct.pack('ii', 1, value)
        else:
            linger = struct.pack('ii', 0 if value is NIL else 1, 0)
        sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_LINGER, linger)
        return True
    if name == 'bindtodevice':
        if value is not NIL and not isinstance(value, str):
            error('Bad option value for %s', key.name)
        dev = b'' if value is NIL else value.encode('utf-8', 'surrogateescape')
        sock.setsockopt(_socket.SOL_SOCKET, getattr(_socket, 'SO_BINDTODEVICE', 25), dev)
        return True
    return False


_OPTION_KEYS = frozenset(K[k] for k in ('broadcast', 'dontroute', 'keepalive', 'oobinline', 'reuseaddr',
                                          'priority', 'linger', 'bindtodevice'))


def _has_socket_options(opts):
    """Whether the contact dict OPTS names a socket option (options go by name,
    so an uninterned key might be one)."""
    if not _OPTION_KEYS.isdisjoint(opts):
        return True
    for k in opts:
        if not k.interned:
            return True
    return False


def apply_contact_options(sock, contact):
    p = contact
    while p.__class__ is Cons and p.cdr.__class__ is Cons:
        try:
            set_socket_option(sock, p.car, p.cdr.car)
        except (OSError, LispSignal, OverflowError, ValueError, TypeError):
            pass
        p = p.cdr.cdr


# ---------------------------------------------------------------- make-network-process

_SUBFEATURES = None


def _file_error(msg, errnum, tail=NIL):
    signal(Qfile_error, Cons(msg, Cons(os.strerror(errnum), tail)))


@defun('make-network-process')
def make_network_process(*args):
    """Create and return a network server or client process."""
    if not args:
        return NIL
    contact = make_list(args)
    opts = _plist_dict(args)
    get = opts.get
    tem = get(K['type'], NIL)
    if tem is NIL:
        socktype = _socket.SOCK_STREAM
    elif tem is Qdatagram:
        socktype = _socket.SOCK_DGRAM
    elif tem is Qseqpacket:
        socktype = _socket.SOCK_SEQPACKET
    else:
        error('Unsupported connection type')
    server_flag = get(K['server'], NIL)
    server = server_flag is not NIL
    backlog = server_flag if server_flag.__class__ is int else 5
    nowait = get(K['nowait'], NIL) is not NIL
    if server and nowait:
        error('\u2018:server\u2019 is incompatible with \u2018:nowait\u2019')
    name = get(K['name'], NIL)
    buffer = get(K['buffer'], NIL)
    filt = get(K['filter'], NIL)
    sentinel = get(K['sentinel'], NIL)
    if not isinstance(name, str):
        wrong_type('stringp', name)
    nowait = nowait and not server and socktype != _socket.SOCK_DGRAM
    address = get(K['local'] if server else K['remote'], NIL)
    addrinfos = None
    host = service = NIL
    if address is not NIL:
        conv = lisp_to_sockaddr(address)
        if conv is None:
            error('Malformed :address')
        addrinfos = [conv]
    else:
        tem = get(K['family'], NIL)
        if tem is NIL:
            family = _socket.AF_UNSPEC
        elif tem is Qlocal:
            family = _socket.AF_UNIX
        elif tem is Qipv6:
            family = _socket.AF_INET6
        elif tem is Qipv4:
            family = _socket.AF_INET
        else:
            error('Unknown address family')
        service = get(K['service'], NIL)
        host = get(K['host'], NIL)
        if host is NIL:
            if family != _socket.AF_UNIX:
                host = '::1' if family == _socket.AF_INET6 else '127.0.0.1'
        else:
            if host is Qlocal:
                host = '::1' if family == _socket.AF_INET6 else '127.0.0.1'
            if not isinstance(host, str):
                wrong_type('stringp', host)
        if family == _socket.AF_UNIX:
            if host is not NIL:
                from .editfns import message
                message(':family local ignores the :host property')
                contact = plist_put(contact, K['host'], NIL)
                opts[K['host']] = host = NIL
            if not isinstance(service, str):
                wrong_type('stringp', service)
            if len(service.encode('utf-8', 'surrogateescape')) >= 108:
                error('Service name too long')
            addrinfos = [(_socket.AF_UNIX, service)]
        else:
            if service is T:
                portstring = '0'
            elif service.__class__ is int and -(1 << 61) <= service < (1 << 61):
                portstring = str(service)
            else:
                if not isinstance(service, str):
                    wrong_type('stringp', service)
                portstring = service
            if '\0' in host:
                # Emacs hands the C string to the resolver and reports only its prefix.
                error('%s', host.split('\0', 1)[0])
            try:
                infos = _socket.getaddrinfo(host, portstring, family, socktype, 0,
                                            _socket.AI_PASSIVE if server else 0)
            except _socket.gaierror as e:
                if nowait:
                    return _dns_failed_process(name, contact, host, buffer, filt, sentinel)
                error('%s/%s %s', host, portstring, e.strerror)
            except (UnicodeError, ValueError):
                error('%s/%s %s', host, portstring, 'Name or service not known')
            addrinfos = [(fam, sa) for fam, _t, _p, _c, sa in infos]
    if buffer is not NIL:
        buffer = B.get_buffer_create(buffer)
    p = Process(unique_name(name))
    p.childp = contact
    p.buffer = buffer
    p.socktype = socktype
    p.is_server = server
    p.sentinel = Qdefault_sentinel if sentinel is NIL else sentinel
    p.filter = Qdefault_filter if filt is NIL else filt
    p.log = get(K['log'], NIL)
    p.plist = get(K['plist'], NIL)
    if get(K['noquery'], NIL) is not NIL:
        p.kill_without_query = True
    if get(K['stop'], NIL) is not NIL:
        p.command = T
    if buffer is not NIL:
        p.mark.set(buffer, buffer.z)
    add_process(p)
    try:
        connect_network_socket(p, addrinfos, nowait, backlog, opts)
        set_network_coding(p, p.childp, get(K['coding'], NIL))
    except BaseException:
        remove_process(p)
        raise
    tls = get(K['tls-parameters'], NIL)
    if tls is not NIL and not server:
        start_tls(p, tls)
    p.update_watch()
    return p


_external_socket = []


def _take_external_socket():
    """The socket passed by systemd-style activation (LISTEN_PID/LISTEN_FDS), once."""
    if _external_socket == [None]:
        return None
    _external_socket[:] = [None]
    try:
        if int(os.environ.get('LISTEN_PID', '0')) != os.getpid():
            return None
        if int(os.environ.get('LISTEN_FDS', '0')) < 1:
            return None
        return _socket.socket(fileno=3)
    except (ValueError, OSError):
        return None


_dns_failures = []


def _dns_failed_process(name, contact, host, buffer, filt, sentinel):
    """A :nowait client whose (asynchronous, in Emacs) name lookup failed: it reads
    `connect' until the next wait, then `failed', without a sentinel call (as 28 does)."""
    if buffer is not NIL:
        buffer = B.get_buffer_create(buffer)
    p = Process(unique_name(name))
    p.childp = contact
    p.buffer = buffer
    p.sentinel = Qdefault_sentinel if sentinel is NIL else sentinel
    p.filter = Qdefault_filter if filt is NIL else filt
    p.plist = plist_get(contact, K['plist'])
    p.status = Cons(Qconnect, NIL)
    if buffer is not NIL:
        p.mark.set(buffer, buffer.z)
    add_process(p)
    set_network_coding(p, contact)
    _dns_failures.append((p, 'Name lookup of %s failed' % host))
    if _check_dns not in eventloop.pre_wait_hooks:
        eventloop.pre_wait_hooks.append(_check_dns)
    return p


def _check_dns():
    while _dns_failures:
        p, msg = _dns_failures.pop(0)
        if p.status_symbol() is Qconnect:
            p.status = list_(Qfailed, msg)


def connect_network_socket(p, addrinfos, nowait, backlog, opts=None):
    """Open P's socket on the first address of ADDRINFOS that works; OPTS is
    the contact as a dict (built from P's contact when not given)."""
    contact = p.childp
    if opts is None:
        opts = _plist_dict(list_to_python(contact))
    server = p.is_server
    socktype = p.socktype
    last_err = None
    bind_err = False
    if server and opts.get(K['use-external-socket'], NIL) is not NIL:
        ext = _take_external_socket()
        if ext is not None:
            ext.setblocking(False)
            p.sock = ext
            p.family = ext.family
            if ext.family != _socket.AF_UNIX:
                contact = plist_put(contact, K['service'], ext.getsockname()[1])
            contact = plist_put(contact, K['local'], sockaddr_to_lisp(ext.family, ext.getsockname()))
            p.status = Qlisten if socktype != _socket.SOCK_DGRAM else Qrun
            p.childp = contact
            return
    for family, sa in addrinfos:
        try:
            sock = _socket.socket(family, socktype)
        except OSError as e:
            last_err = e.errno
            continue
        try:
            blocking_connect = not (server or nowait or socktype == _DGRAM)
            if not blocking_connect:
                sock.setblocking(False)
            if server and family != _socket.AF_UNIX and K['reuseaddr'] not in opts:
                sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEADDR, 1)
            if _has_socket_options(opts):
                apply_contact_options(sock, contact)
            if server:
                try:
                    sock.bind(sa)
                except OSError as e:
                    sock.close()
                    last_err = e.errno
                    bind_err = True
                    continue
                if socktype != _socket.SOCK_DGRAM:
                    try:
                        sock.listen(backlog)
                    except OSError as e:
                        sock.close()
                        _file_error('Cannot listen on server socket', e.errno)
            elif socktype == _socket.SOCK_DGRAM:
                p.datagram_address = sa
            else:
                if nowait:
                    rc = sock.connect_ex(sa)
                    if rc not in (0, errno.EINPROGRESS, errno.EAGAIN):
                        sock.close()
                        last_err = rc
                        continue
                    p.connecting = rc != 0
                else:
                    try:
                        sock.connect(sa)
                    except OSError as e:
                        sock.close()
                        last_err = e.errno
                        continue
                    sock.setblocking(False)
        except LispSignal:
            raise
        except OSError as e:
            sock.close()
            last_err = e.errno
            continue
        except (ValueError, TypeError, OverflowError):
            sock.close()
            last_err = errno.EINVAL
            continue
        break
    else:
        if server and bind_err:
            _file_error('Cannot bind server socket', last_err)
        if last_err is None:
            last_err = errno.ECONNREFUSED
        _file_error('make client process failed', last_err, contact)
    p.sock = sock
    p.family = family
    if server:
        if family != _socket.AF_UNIX:
            port = sock.getsockname()[1]
            contact = plist_put(contact, K['service'], port)
        contact = plist_put(contact, K['local'], sockaddr_to_lisp(family, sock.getsockname()))
        if socktype == _socket.SOCK_DGRAM:
            p.datagram_address = None
            remote = plist_get(contact, K['remote'])
            conv = lisp_to_sockaddr(remote) if remote is not NIL else None
            if conv is not None and conv[0] == family:
                p.datagram_address = conv[1]
        p.status = Qlisten if socktype != _socket.SOCK_DGRAM else Qrun
    else:
        if p.connecting:
            p.status = Cons(Qconnect, NIL)
            p.pending_remote = sa
        else:
            contact = plist_put(contact, K['remote'], sockaddr_to_lisp(family, sa))
            contact = plist_put(contact, K['local'], local_address(sock, family))
            p.status = Qrun
    p.childp = contact


def local_address(sock, family):
    try:
        return sockaddr_to_lisp(family, sock.getsockname())
    except OSError:
        return NIL


def finish_connect(p):
    sock = p.sock
    err = sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_ERROR)
    p.connecting = False
    if err:
        p.deactivate()
        set_status(p, list_(Qfailed, err))
        p.status = list_(Qfailed, err)
        eventloop.pending_status.pop(p, None)
        exec_sentinel(p, status_message(p))
        return
    contact = p.childp
    contact = plist_put(contact, K['remote'], sockaddr_to_lisp(p.family, p.pending_remote))
    contact = plist_put(contact, K['local'], local_address(sock, p.family))
    p.childp = contact
    if p.tls is not None:
        ctx, host = p.tls_ctx
        p.tls_nowait = True
        _wrap_tls(p, ctx, host)
        return
    p.status = Qrun
    p.update_watch()
    exec_sentinel(p, 'open\n')


def check_coding_system(sym):
    """Signal coding-system-error unless SYM names a coding system (nil is fine)."""
    if sym is NIL:
        return
    fn = Qcheck_coding_system
    if fn.function is not None:
        funcall(fn, sym)
    elif sym.__class__ is not Symbol:
        wrong_type('symbolp', sym)


def set_network_coding(p, contact, coding=None):
    """Set P's coding systems from CODING (by default its contact's :coding)."""
    if coding is None:
        coding = plist_get(contact, K['coding'])
    if coding.__class__ is Cons:
        dec, enc = coding.car, coding.cdr
    else:
        dec = enc = coding
    check_coding_system(dec)
    check_coding_system(enc)
    default = symbol_value(Vdefault_process_coding_system)
    buf = p.buffer
    if dec is NIL:
        dec = symbol_value(Vcoding_system_for_read)
        if dec is NIL:
            if buf is not NIL and buf.live and not buf.multibyte:
                dec = NIL
            else:
                dec = default.car if default.__class__ is Cons else NIL
    if enc is NIL:
        enc = symbol_value(Vcoding_system_for_write)
        if enc is NIL:
            enc = default.cdr if default.__class__ is Cons else NIL
    p.decode_coding = dec
    p.encode_coding = enc
    p.decoder = None


# ---------------------------------------------------------------- servers

def server_accept(server):
    lsock = server.sock
    for _ in range(256):
        try:
            fd, addr = lsock._accept()
            sock = _socket.socket(server.family, server.socktype, lsock.proto, fd)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as e:
            if e.errno in eventloop.EAGAIN_ERRNOS:
                return
            if server.log is not NIL:
                funcall(server.log, server, NIL, 'accept failed with code%d\n' % e.errno)
            return
        accept_one(server, sock, addr)
        if server.sock is not lsock or server.status is not Qlisten or server.command is not NIL:
            return


def accept_one(server, sock, addr):
    sock.setblocking(False)
    family = server.family
    _accept_counter[0] += 1
    if family == _socket.AF_INET:
        host = addr[0]
        caller = ' <%s:%d>' % (host, addr[1])
        host_obj = host
    elif family == _socket.AF_INET6:
        host = host_string_quirk(family, addr[0])
        caller = ' <[%s]:%d>' % (host, addr[1])
        host_obj = host
    else:
        host = '-'
        caller = ' <%d>' % _accept_counter[0]
        host_obj = T
    buffer = NIL
    if server.filter in (NIL, Qdefault_filter, T):
        base = server.buffer.name if server.buffer is not NIL and server.buffer.live else server.name
        buffer = B.get_buffer_create(base + caller)
    p = Process(unique_name(server.name + caller))
    p.sock = sock
    p.family = family
    p.socktype = server.socktype
    p.buffer = buffer
    p.filter = server.filter
    p.sentinel = server.sentinel
    p.plist = server.plist if server.plist is NIL else copy_list(server.plist)
    p.log = server.log
    p.decode_coding = server.decode_coding
    p.encode_coding = server.encode_coding
    if family != _socket.AF_UNIX:
        updates = ((K['server'], NIL), (K['host'], host_obj), (K['service'], addr[1]),
                   (K['remote'], sockaddr_to_lisp(family, addr)))
    else:
        updates = ((K['server'], NIL), (K['host'], host_obj), (K['remote'], sockaddr_to_lisp(family, addr)))
    p.childp = plist_copy_with(server.childp, updates)
    p.status = Qrun
    add_process(p)
    p.update_watch()
    if server.log is not NIL:
        funcall(server.log, server, p, 'accept from %s\n' % host)
    exec_sentinel(p, 'open from %s\n' % host)


# ---------------------------------------------------------------- TLS

def start_tls(p, params):
    import ssl
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    host = plist_get(params.cdr, Q(':hostname')) if params.__class__ is Cons else NIL
    if not isinstance(host, str):
        host = plist_get(p.childp, K['host'])
    p.tls_raw = p.sock
    p.tls = True
    if p.connecting:
        p.tls_ctx = (ctx, host)
        return
    _wrap_tls(p, ctx, host)
    while p.tls_handshaking:
        eventloop.wait(0.05)


def _wrap_tls(p, ctx, host):
    import socket
    eventloop.unwatch(p, p.sock)
    raw = p.sock
    if not isinstance(raw, socket.socket):
        # ssl wants the socket module's class, not _socket's.
        timeout = raw.gettimeout()
        raw = socket.socket(raw.family, raw.type, raw.proto, raw.detach())
        raw.settimeout(timeout)
    p.sock = ctx.wrap_socket(raw, server_hostname=host if isinstance(host, str) else None,
                             do_handshake_on_connect=False)
    p.tls_handshaking = 'write'
    p.update_watch()


def tls_step(p):
    import ssl
    try:
        p.sock.do_handshake()
    except ssl.SSLWantReadError:
        p.tls_handshaking = 'read'
        p.update_watch()
        return
    except ssl.SSLWantWriteError:
        p.tls_handshaking = 'write'
        p.update_watch()
        return
    except (ssl.SSLError, OSError):
        p.tls_handshaking = False
        p.deactivate()
        p.status = list_(Qfailed, 'TLS negotiation failed')
        exec_sentinel(p, status_message(p))
        return
    p.tls_handshaking = False
    p.status = Qrun
    p.update_watch()
    if getattr(p, 'tls_nowait', False):
        exec_sentinel(p, 'open\n')


# ---------------------------------------------------------------- the Lisp API

@defun('make-pipe-process')
def make_pipe_process(*args):
    """Create and return a bidirectional pipe process."""
    if not args:
        return NIL
    contact = make_list(args)
    name = plist_get(contact, K['name'])
    if not isinstance(name, str):
        wrong_type('stringp', name)
    buffer = plist_get(contact, K['buffer'])
    if buffer is not NIL:
        buffer = B.get_buffer_create(buffer)
    p = Process(unique_name(name))
    p.kind = 'pipe'
    p.childp = contact
    p.buffer = buffer
    filt = plist_get(contact, K['filter'])
    sentinel = plist_get(contact, K['sentinel'])
    p.filter = Qdefault_filter if filt is NIL else filt
    p.sentinel = Qdefault_sentinel if sentinel is NIL else sentinel
    if plist_get(contact, K['noquery']) is not NIL:
        p.kill_without_query = True
    if plist_get(contact, K['stop']) is not NIL:
        p.command = T
    if buffer is not NIL:
        p.mark.set(buffer, buffer.z)
    # Our ends of the two pipes, as one socket pair whose other end (the one a
    # subprocess would get) nobody uses here.
    a, b = _socket.socketpair()
    a.setblocking(False)
    p.sock = a
    p.pipe_peer = b
    p.family = _socket.AF_UNIX
    add_process(p)
    try:
        set_network_coding(p, contact)
    except BaseException:
        remove_process(p)
        raise
    p.update_watch()
    return p


@defun('processp')
def processp(obj):
    """Return t if OBJECT is a process."""
    return T if obj.__class__ is Process else NIL


@defun('get-process')
def get_process(name):
    """Return the process named NAME, or nil if there is none."""
    if name.__class__ is Process:
        return name
    if not isinstance(name, str):
        wrong_type('stringp', name)
    p = _names.get(name)
    return NIL if p is None else p


@defun('process-list')
def process_list():
    """Return a list of all processes that are Emacs sub-processes."""
    return make_list(list(reversed(_processes)))


@defun('get-buffer-process')
def get_buffer_process(buffer):
    """Return the (or a) live process associated with BUFFER."""
    if buffer is NIL:
        return NIL
    buf = B.get_buffer(buffer)
    if buf is NIL:
        return NIL
    for p in reversed(_processes):
        if p.buffer is buf:
            return p
    return NIL


@defun('process-status')
def process_status(process):
    """Return the status of PROCESS."""
    if isinstance(process, str):
        p = get_process(process)
        if p is NIL:
            return NIL
    else:
        p = get_process_arg(process)
    if p.kind == 'real':
        from . import subproc
        subproc.collect()
    sym = p.status_symbol()
    if p.kind != 'real':
        if sym is Qexit:
            return Qclosed
        if p.command is T:
            return Qstop
        if sym is Qrun:
            return Qopen
        return sym
    return sym


@defun('process-live-p')
def process_live_p(process):
    """Return non-nil if PROCESS is alive."""
    if process.__class__ is not Process:
        return NIL
    st = process_status(process)
    tail = list_(Qrun, Qopen, Qlisten, Qconnect, Qstop)
    while tail is not NIL:
        if tail.car is st:
            return tail
        tail = tail.cdr
    return NIL


@defun('process-exit-status')
def process_exit_status(process):
    """Return the exit status of PROCESS or the signal number that killed it."""
    p = check_process(process)
    st = p.status
    if st.__class__ is Cons and st.cdr.__class__ is Cons:
        return st.cdr.car
    return 0


@defun('process-id')
def process_id(process):
    """Return the process id of PROCESS."""
    check_process(process)
    return NIL


@defun('process-name')
def process_name(process):
    """Return the name of PROCESS, as a string."""
    return check_process(process).name


@defun('process-command')
def process_command(process):
    """Return the command that was executed to start PROCESS."""
    return check_process(process).command


@defun('process-tty-name')
def process_tty_name(process, stream=NIL):
    """Return the name of the terminal PROCESS uses, or nil if none."""
    check_process(process)
    return NIL


@defun('process-type')
def process_type(process):
    """Return the connection type of PROCESS."""
    p = get_process_arg(process)
    return Q(p.kind)


@defun('process-buffer')
def process_buffer(process):
    """Return the buffer PROCESS is associated with."""
    return check_process(process).buffer


@defun('set-process-buffer')
def set_process_buffer(process, buffer):
    """Set buffer associated with PROCESS to BUFFER (a buffer, or nil)."""
    p = check_process(process)
    if buffer is not NIL and buffer.__class__ is not B.Buffer:
        wrong_type('bufferp', buffer)
    p.buffer = buffer
    if p.kind != 'real':
        p.childp = plist_put(p.childp, K['buffer'], buffer)
    if buffer is not NIL and (p.mark.buffer is not buffer):
        p.mark.set(buffer, buffer.z)
    return buffer


@defun('process-mark')
def process_mark(process):
    """Return the marker for the end of the last output from PROCESS."""
    return check_process(process).mark


@defun('process-filter')
def process_filter(process):
    """Return the filter function of PROCESS."""
    return check_process(process).filter


@defun('set-process-filter')
def set_process_filter(process, filter_):
    """Give PROCESS the filter function FILTER; nil means default."""
    p = check_process(process)
    if filter_ is NIL:
        filter_ = Qdefault_filter
    p.filter = filter_
    if p.kind != 'real':
        p.childp = plist_put(p.childp, K['filter'], filter_)
    p.update_watch()
    return filter_


@defun('process-sentinel')
def process_sentinel(process):
    """Return the sentinel of PROCESS."""
    return check_process(process).sentinel


@defun('set-process-sentinel')
def set_process_sentinel(process, sentinel):
    """Give PROCESS the sentinel SENTINEL; nil for default."""
    p = check_process(process)
    if sentinel is NIL:
        sentinel = Qdefault_sentinel
    p.sentinel = sentinel
    if p.kind != 'real':
        p.childp = plist_put(p.childp, K['sentinel'], sentinel)
    return sentinel


@defun('process-plist')
def process_plist(process):
    """Return the plist of PROCESS."""
    return check_process(process).plist


@defun('set-process-plist')
def set_process_plist(process, plist):
    """Replace the plist of PROCESS with PLIST.  Return PLIST."""
    p = check_process(process)
    if plist is not NIL and plist.__class__ is not Cons:
        wrong_type('listp', plist)
    p.plist = plist
    return plist


@defun('process-contact')
def process_contact(process, key=NIL, no_block=NIL):
    """Return the contact info of PROCESS; for a network or serial connection, a plist."""
    p = check_process(process)
    if p.kind == 'real' or (p.kind == 'pipe' and key is NIL):
        return T
    if p.socktype == _socket.SOCK_DGRAM and (key is T or key is K['remote']):
        addr = process_datagram_address(p)
        if addr is not NIL:
            p.childp = plist_put(p.childp, K['remote'], addr)
    contact = p.childp
    if key is NIL:
        return list_(plist_get(contact, K['host']), plist_get(contact, K['service']))
    if key is T:
        return contact
    return plist_get(contact, key)


@defun('process-query-on-exit-flag')
def process_query_on_exit_flag(process):
    """Return the current value of query-on-exit flag for PROCESS."""
    return NIL if check_process(process).kill_without_query else T


@defun('set-process-query-on-exit-flag')
def set_process_query_on_exit_flag(process, flag):
    """Specify if query is needed for PROCESS when Emacs is exited."""
    check_process(process).kill_without_query = flag is NIL
    return flag


@defun('process-coding-system')
def process_coding_system(process):
    """Return a cons of coding systems for decoding and encoding of PROCESS."""
    p = check_process(process)
    return Cons(p.decode_coding, p.encode_coding)


@defun('set-process-coding-system')
def set_process_coding_system(process, decoding=NIL, encoding=NIL):
    """Set coding systems of PROCESS to DECODING and ENCODING."""
    p = check_process(process)
    check_coding_system(decoding)
    check_coding_system(encoding)
    p.decode_coding = decoding
    p.encode_coding = _inherit_unix_eol(encoding)
    p.decoder = None
    return NIL


def _inherit_unix_eol(enc):
    """Emacs fixes an undecided end-of-line of an encoding to the system's (unix)."""
    if enc is NIL:
        return Q('raw-text-unix')
    if enc.__class__ is Symbol:
        ekind, eeol, ebase = parse_coding(enc)
        if eeol is None and ebase not in ('binary', 'no-conversion'):
            return Q(enc.name + '-unix')
    return enc


@defun('process-filter-multibyte-p')
def process_filter_multibyte_p(process):
    """Return t if a multibyte string is given to PROCESS's filter."""
    p = check_process(process)
    return NIL if coding_unibyte_p(p.decode_coding) else T


@defun('set-process-filter-multibyte')
def set_process_filter_multibyte(process, flag):
    """Set multibyteness of the strings given to PROCESS's filter."""
    p = check_process(process)
    if flag is NIL:
        kind, eol, base = parse_coding(p.decode_coding)
        if kind != 'raw':
            p.decode_coding = Q('raw-text' + ('-' + eol if eol else ''))
        p.encode_coding = _inherit_unix_eol(p.encode_coding)
        p.decoder = None
    return NIL


@defun('process-datagram-address')
def process_datagram_address(process):
    """Get the current datagram address associated with PROCESS."""
    p = check_process(process)
    if p.socktype != _socket.SOCK_DGRAM:
        return NIL
    if p.datagram_address is None:
        return Cons(0, Vector([0] * 14))
    return sockaddr_to_lisp(p.family, p.datagram_address)


@defun('set-process-datagram-address')
def set_process_datagram_address(process, address):
    """Set the datagram address for PROCESS to ADDRESS."""
    p = check_process(process)
    if p.socktype != _socket.SOCK_DGRAM:
        return NIL
    conv = lisp_to_sockaddr(address)
    if conv is None or conv[0] != p.family:
        return NIL
    p.datagram_address = conv[1]
    return address


@defun('delete-process')
def delete_process(process=NIL):
    """Delete PROCESS: kill it and forget about it immediately."""
    p = get_process_arg(process)
    if p.kind == 'real':
        from . import subproc
        subproc.kill_on_delete(p)
    if p.kind != 'real':
        p.status = list_(Qexit, 0)
        p.deactivate()
        eventloop.pending_status[p] = True
        status_notify()
    remove_process(p)
    return NIL


def _kill_buffer_processes(buf):
    for p in list(reversed(_processes)):
        if p.buffer is buf:
            if p.kind == 'real':
                from . import subproc
                subproc.hangup(p)
                continue
            delete_process(p)


B._kill_buffer_hooks.append(_kill_buffer_processes)


@defun('process-send-string')
def process_send_string(process, string):
    """Send PROCESS the contents of STRING as input."""
    p = process if process.__class__ is Process else get_process_arg(process)
    if not isinstance(string, str):
        wrong_type('stringp', string)
    if p.status is not Qrun or p.connecting or p.sock is None:
        check_sendable(p)
    if string.isascii() and string and not p.write_queue and p.socktype == _STREAM and p.tls is None:
        parsed = _parse_cache.get(p.encode_coding)
        if parsed is not None and parsed[1] != 'dos' and parsed[1] != 'mac' and not p.eof_sent:
            # The usual case, inline: ASCII text that needs no conversion.
            data = string.encode('ascii')
            try:
                n = p.sock.send(data)
            except OSError:
                n = 0
            if n != len(data):
                send_bytes(p, data[n:])
            return NIL
    send_bytes(p, encode_string(p, string))
    return NIL


@defun('process-send-region')
def process_send_region(process, start, end):
    """Send current contents of region as input to PROCESS."""
    p = get_process_arg(process)
    buf = state.current_buffer
    s, e = B.check_region(buf, start, end)
    text = B._buffer_substring(buf, s, e)
    check_sendable(p)
    send_bytes(p, encode_string(p, text))
    return NIL


@defun('process-send-eof')
def process_send_eof(process=NIL):
    """Make PROCESS see end-of-file in its input."""
    p = get_process_arg(process)
    if p.connecting:
        wait_connected(p)
    if p.status_symbol() is not Qrun:
        error('Process %s not running', p.name)
    if p.socktype == _socket.SOCK_DGRAM:
        return p
    if p.write_queue:
        eventloop.flush_until(p)
    if p.sock is not None and not p.eof_sent:
        try:
            p.sock.shutdown(_socket.SHUT_WR)
        except OSError:
            pass
        p.eof_sent = True
    return p


@defun('stop-process')
def stop_process(process=NIL, current_group=NIL):
    """Stop process PROCESS."""
    p = get_process_arg(process)
    if p.kind != 'real':
        p.command = T
        p.update_watch()
        return p
    return p


@defun('continue-process')
def continue_process(process=NIL, current_group=NIL):
    """Continue process PROCESS."""
    p = get_process_arg(process)
    if p.kind != 'real':
        p.command = NIL
        p.update_watch()
        return p
    return p


def _send_signal(process):
    p = get_process_arg(process)
    if p.kind != 'real':
        error('Process %s is not a subprocess', p.name)
    return p


@defun('interrupt-process')
def interrupt_process(process=NIL, current_group=NIL):
    """Interrupt process PROCESS."""
    return _send_signal(process)


@defun('kill-process')
def kill_process(process=NIL, current_group=NIL):
    """Kill process PROCESS."""
    return _send_signal(process)


@defun('quit-process')
def quit_process(process=NIL, current_group=NIL):
    """Send QUIT signal to process PROCESS."""
    return _send_signal(process)


@defun('signal-process')
def signal_process(process, sigcode, remote=NIL):
    """Send PROCESS the signal with code SIGCODE."""
    import signal as _signal
    if process.__class__ is Process:
        error('Cannot signal process %s', process.name)
    if isinstance(process, str):
        p = get_process(process)
        if p is not NIL:
            error('Cannot signal process %s', p.name)
        error('Cannot signal process %s', process)
    if process.__class__ is not int:
        wrong_type('processp', process)
    if sigcode.__class__ is int:
        signum = sigcode
    elif sigcode.__class__ is Symbol:
        name = sigcode.name.upper()
        signum = getattr(_signal, name if name.startswith('SIG') else 'SIG' + name, None)
        if signum is None:
            error('Undefined signal name %s', sigcode.name)
        signum = int(signum)
    else:
        wrong_type('fixnump', sigcode)
    try:
        os.kill(process, signum)
    except OSError:
        return -1
    except (OverflowError, ValueError):
        return -1
    return 0


@defun('set-network-process-option')
def set_network_process_option(process, option, value, no_error=NIL):
    """For network process PROCESS set option OPTION to value VALUE."""
    p = check_process(process)
    if p.kind != 'network':
        error('Process is not a network process')
    if p.sock is None:
        if no_error is not NIL:
            return NIL
        error('Process is not running')
    try:
        ok = set_socket_option(p.sock, option, value)
    except (OverflowError, ValueError, TypeError):
        if no_error is not NIL:
            return NIL
        error('Bad option value for %s', option.name if option.__class__ is Symbol else option)
    except OSError as e:
        if no_error is not NIL:
            return NIL
        signal(Qfile_error, list_('Cannot set network option', os.strerror(e.errno)))
    if not ok:
        if no_error is not NIL:
            return NIL
        error('Unknown or unsupported option')
    p.childp = plist_put(p.childp, option, value)
    return T


@defun('format-network-address')
def format_network_address(address, omit_port=NIL):
    """Convert network ADDRESS to a string."""
    if isinstance(address, str):
        return address
    if address.__class__ is Vector:
        n = len(address)
        if n not in (4, 5, 8, 9):
            return NIL
        checked = address[:8] if n == 9 and omit_port is not NIL else address
        if n == 5 and omit_port is not NIL:
            checked = address[:4]
        for x in checked:
            if x.__class__ is not int or not 0 <= x <= 65535:
                return NIL
        if n in (4, 5):
            if any(x > 255 for x in address[:4]):
                return NIL
            text = '%d.%d.%d.%d' % tuple(address[:4])
            if n == 5 and omit_port is NIL:
                return '%s:%d' % (text, address[4])
            return text
        text = ':'.join('%x' % x for x in address[:8])
        if n == 9 and omit_port is NIL:
            return '[%s]:%d' % (text, address[8])
        return text
    if address.__class__ is Cons and address.car.__class__ is int:
        return '<Family %d>' % address.car
    return NIL


@defun('network-lookup-address-info')
def network_lookup_address_info(name, family=NIL, hint=NIL):
    """Look up Internet Protocol (IP) address info of NAME."""
    if not isinstance(name, str):
        wrong_type('stringp', name)
    if not name.isascii():
        error('Non-ASCII hostname %s detected, please use puny-encode-domain', name)
    if family is NIL:
        fam = _socket.AF_UNSPEC
    elif family is Qipv4:
        fam = _socket.AF_INET
    elif family is Qipv6:
        fam = _socket.AF_INET6
    else:
        error('Unsupported lookup type')
    try:
        infos = _socket.getaddrinfo(name, None, fam, _socket.SOCK_STREAM)
    except _socket.gaierror as e:
        from .editfns import message
        message('%s/0 %s', name, e.strerror)
        return NIL
    out = []
    for fam_, _t, _p, _c, sa in infos:
        out.append(sockaddr_to_lisp(fam_, (sa[0], 0) + tuple(sa[2:])))
    return make_list(out)


def _interfaces():
    """(name, family, address) triples from the OS."""
    result = []
    try:
        import fcntl
        import array
        s = _socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM)
        try:
            size = 40
            buf = array.array('B', b'\0' * (size * 64))
            res = fcntl.ioctl(s.fileno(), 0x8912, struct.pack('iL', len(buf), buf.buffer_info()[0]))
            outbytes = struct.unpack('iL', res)[0]
            data = buf.tobytes()[:outbytes]
            for i in range(0, outbytes, size):
                ifname = data[i:i + 16].split(b'\0', 1)[0].decode()
                ip = _socket.inet_ntoa(data[i + 20:i + 24])
                result.append((ifname, _socket.AF_INET, ip))
        finally:
            s.close()
    except (OSError, ImportError):
        pass
    try:
        with open('/proc/net/if_inet6') as f:
            for line in f:
                parts = line.split()
                hexaddr, ifname = parts[0], parts[5]
                ip = _socket.inet_ntop(_socket.AF_INET6, bytes.fromhex(hexaddr))
                result.append((ifname, _socket.AF_INET6, ip))
    except OSError:
        pass
    return result


def _ioctl_addr(ifname, req):
    import fcntl
    s = _socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM)
    try:
        res = fcntl.ioctl(s.fileno(), req, struct.pack('256s', ifname.encode()[:15]))
        return res
    finally:
        s.close()


@defun('network-interface-list')
def network_interface_list(full=NIL, family=NIL):
    """Return an alist of all network interfaces and their network address."""
    if family is NIL:
        fams = (_socket.AF_INET, _socket.AF_INET6)
    elif family is Qipv4:
        fams = (_socket.AF_INET,)
    elif family is Qipv6:
        fams = (_socket.AF_INET6,)
    else:
        error('Unsupported address family')
    out = []
    for ifname, fam, ip in _interfaces():
        if fam not in fams:
            continue
        addr = sockaddr_to_lisp(fam, (ip, 0))
        if full is NIL:
            out.append(Cons(ifname, addr))
        else:
            if fam == _socket.AF_INET:
                mask = _safe_ioctl_ip(ifname, 0x891b)
                bcast = Vector([(a | (~m & 255)) for a, m in zip(addr[:4], mask[:4])] + [0])
            else:
                bcast = NIL
                mask = NIL
            out.append(list_(ifname, addr, bcast, mask))
    return make_list(out)


def _safe_ioctl_ip(ifname, req):
    try:
        res = _ioctl_addr(ifname, req)
        return Vector(list(res[20:24]) + [0])
    except OSError:
        return Vector([0, 0, 0, 0, 0])


@defun('network-interface-info')
def network_interface_info(ifname):
    """Return information about network interface named IFNAME."""
    if not isinstance(ifname, str):
        wrong_type('stringp', ifname)
    if len(ifname) >= 16:
        error('interface name too long')
    try:
        _ioctl_addr(ifname, 0x8913)
    except OSError:
        return NIL
    addr = _safe_ioctl_ip(ifname, 0x8915)
    bcast = _safe_ioctl_ip(ifname, 0x8919)
    mask = _safe_ioctl_ip(ifname, 0x891b)
    try:
        res = _ioctl_addr(ifname, 0x8927)
        hwfam = struct.unpack('H', res[16:18])[0]
        hw = Cons(hwfam, Vector(list(res[18:24])))
    except OSError:
        hw = NIL
    try:
        res = _ioctl_addr(ifname, 0x8913)
        flags = struct.unpack('H', res[16:18])[0]
    except OSError:
        flags = 0
    names = [(0x1, 'up'), (0x2, 'broadcast'), (0x4, 'debug'), (0x8, 'loopback'),
             (0x10, 'pointopoint'), (0x20, 'notrailers'), (0x40, 'running'), (0x80, 'noarp'),
             (0x100, 'promisc'), (0x200, 'allmulti'), (0x400, 'master'), (0x800, 'slave'),
             (0x1000, 'multicast'), (0x2000, 'portsel'), (0x4000, 'automedia'),
             (0x8000, 'dynamic')]
    fl = NIL
    for bit, nm in names:
        if flags & bit:
            fl = Cons(Q(nm), fl)
    return list_(addr, bcast, mask, hw, fl)


# ---------------------------------------------------------------- waiting

def _seconds(seconds, millisec):
    if seconds is NIL:
        secs = None
    elif seconds.__class__ in (int, float):
        secs = float(seconds)
    else:
        wrong_type('numberp', seconds)
    if millisec is not NIL:
        if millisec.__class__ is not int:
            wrong_type('fixnump', millisec)
        secs = (secs or 0.0) + millisec / 1000.0
    return secs


@defun('accept-process-output')
def accept_process_output(process=NIL, seconds=NIL, millisec=NIL, just_this_one=NIL):
    """Allow any pending output from subprocesses to be read by Emacs."""
    if process is not NIL:
        if process.__class__ is not Process:
            wrong_type('processp', process)
        p = process
    else:
        p = None
    if millisec is NIL and seconds.__class__ is float:
        secs = seconds if seconds > 0 else 0.0
    else:
        if millisec is not NIL:
            # The obsolete integer calling convention.
            if millisec.__class__ is not int:
                wrong_type('fixnump', millisec)
            if seconds is not NIL and seconds.__class__ is not int:
                wrong_type('fixnump', seconds)
        secs = _seconds(seconds, millisec)
        if secs is not None and secs <= 0:
            secs = 0.0
        if p is None and secs is None:
            secs = 0.0
    if p is None:
        got = eventloop.wait(secs, None, False, True, False, True)
    else:
        got = eventloop.wait(secs, p, just_this_one is not NIL, just_this_one.__class__ is not int,
                             False, True)
    return T if got else NIL


@defun('sleep-for')
def sleep_for(seconds, millisec=NIL):
    """Pause, without updating display, for SECONDS seconds."""
    secs = _seconds(seconds, millisec)
    if secs is None:
        wrong_type('numberp', seconds)
    if secs > 0:
        eventloop.wait(secs)
    else:
        eventloop.wait(0.0)
    return NIL


@defun('waiting-for-user-input-p')
def waiting_for_user_input_p():
    """Return non-nil if Emacs is waiting for input from the user."""
    return NIL


def _subfeatures():
    feats = [Q(':reuseaddr'), Q(':priority'), Q(':oobinline'), Q(':linger'),
             Q(':keepalive'), Q(':dontroute'), Q(':broadcast'), Q(':bindtodevice'),
             list_(K['server'], T), list_(K['service'], T), list_(K['family'], Qipv6),
             list_(K['family'], Qipv4), list_(K['family'], Qlocal),
             list_(K['type'], Qseqpacket), list_(K['type'], Qdatagram), list_(K['nowait'], T)]
    from ..errors import put
    put(Q('make-network-process'), Q('subfeatures'), make_list(feats))


_subfeatures()
