"""Network processes: what the conformance corpus can't express (scale, peers
outside Emacs, TLS, the front-end hooks of the event loop)."""

import os
import resource
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time

import pytest

from conftest import ROOT, run_elisp


def _free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def _start(program, tmp_path):
    f = tmp_path / 'prog.el'
    f.write_text(';;; -*- lexical-binding: t -*-\n' + program)
    return subprocess.Popen([sys.executable, '-m', 'elisp', '-Q', '--batch', '-l', str(f)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _connect_retry(port, deadline):
    while True:
        try:
            return socket.create_connection(('127.0.0.1', port), timeout=30)
        except ConnectionRefusedError:
            if time.time() > deadline:
                raise
            time.sleep(0.05)


def test_server_holds_5000_concurrent_connections(tmp_path):
    n = 5000
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < n + 200:
        pytest.skip('file descriptor hard limit too low')
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    port = _free_port()
    program = """
(let* ((opened 0) (lines 0) (bytes 0) (n %d) (waited 0)
       (srv (make-network-process
             :name "big" :server 4096 :host "127.0.0.1" :service %d :coding 'binary
             :sentinel (lambda (_p e) (when (string-prefix-p "open from" e) (setq opened (1+ opened))))
             :filter (lambda (p s) (setq lines (1+ lines) bytes (+ bytes (length s)))
                       (process-send-string p (concat "ok " s))))))
  (while (and (< lines n) (< waited 1200))
    (accept-process-output nil 0.05)
    (setq waited (1+ waited)))
  (princ (format "opened %%d lines %%d bytes %%d live %%d\\n" opened lines bytes (length (process-list))))
  (sleep-for 0.5)
  (delete-process srv))
""" % (n, port)
    proc = _start(program, tmp_path)
    try:
        deadline = time.time() + 30
        socks = [_connect_retry(port, deadline)]
        for i in range(1, n):
            socks.append(_connect_retry(port, deadline))
        expected = 0
        for i, s in enumerate(socks):
            msg = b'client %d\n' % i
            expected += len(msg)
            s.sendall(msg)
        for i, s in enumerate(socks):
            want = b'ok client %d\n' % i
            got = b''
            while len(got) < len(want):
                chunk = s.recv(100)
                assert chunk, 'connection %d closed early' % i
                got += chunk
            assert got == want
        out, err = proc.communicate(timeout=120)
        assert out.decode() == 'opened %d lines %d bytes %d live %d\n' % (n, n, expected, n + 1), err
        assert proc.returncode == 0
    finally:
        for s in locals().get('socks', []):
            s.close()
        if proc.poll() is None:
            proc.kill()


def test_large_send_to_slow_reader_does_not_block_timers(tmp_path):
    """A write bigger than the socket buffers is queued and flushed while the loop
    keeps running timers; the slow peer receives every byte."""
    port = _free_port()
    size = 8 * 1024 * 1024
    received = []

    lst = socket.socket()
    lst.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lst.bind(('127.0.0.1', port))
    lst.listen(1)

    def reader():
        conn, _ = lst.accept()
        time.sleep(0.5)
        total = 0
        while True:
            b = conn.recv(1 << 16)
            if not b:
                break
            total += len(b)
        received.append(total)
        conn.close()

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    program = """
(let* ((ticks 0)
       (tm (run-with-timer 0.05 0.05 (lambda () (setq ticks (1+ ticks)))))
       (c (make-network-process :name "big" :host "127.0.0.1" :service %d :coding 'binary)))
  (process-send-string c (make-string %d ?x))
  (process-send-eof c)
  (cancel-timer tm)
  (princ (format "ticks>0 %%S status %%S\\n" (> ticks 0) (process-status c)))
  (delete-process c))
""" % (port, size)
    proc = _start(program, tmp_path)
    out, err = proc.communicate(timeout=60)
    t.join(10)
    lst.close()
    assert out.decode() == 'ticks>0 t status open\n', err
    assert received == [size]


def test_tls_client_against_python_server(tmp_path):
    cert = tmp_path / 'cert.pem'
    key = tmp_path / 'key.pem'
    r = subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
                        '-subj', '/CN=localhost', '-keyout', str(key), '-out', str(cert)],
                       capture_output=True)
    if r.returncode != 0:
        pytest.skip('openssl cannot make a certificate')
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(str(cert), str(key))
    lst = socket.socket()
    lst.bind(('127.0.0.1', 0))
    lst.listen(1)
    port = lst.getsockname()[1]

    def serve():
        conn, _ = lst.accept()
        with ctx.wrap_socket(conn, server_side=True) as s:
            data = s.recv(100)
            s.sendall(b'echo:' + data)
            s.recv(100)

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    program = """
(let* ((got "")
       (c (open-network-stream "tls" nil "127.0.0.1" %d :type 'tls)))
  (set-process-filter c (lambda (_p s) (setq got (concat got s))))
  (process-send-string c "hello")
  (let ((i 0)) (while (and (< (length got) 10) (< i 100)) (accept-process-output c 0.05) (setq i (1+ i))))
  (princ (format "%%S %%S\\n" got (process-status c)))
  (delete-process c))
""" % port
    proc = _start(program, tmp_path)
    out, err = proc.communicate(timeout=60)
    lst.close()
    assert out.decode() == '"echo:hello" open\n', err


def test_callback_error_handler_hook():
    """The REPL can replace batch's fatal handling of filter errors."""
    code = r"""
import sys
sys.setrecursionlimit(100000)
from elisp import runtime, eventloop
from elisp.prims.lread import read_from_string
from elisp.compiler import eval_form
from elisp.lisp import T
runtime.initialize()
seen = []
eventloop.set_callback_error_handler(lambda kind, sig: seen.append((kind, str(sig))))
form = read_from_string('''
(let* ((srv (make-network-process :name "s" :server t :host "127.0.0.1" :service t
                                  :filter (lambda (_p _s) (error "boom"))))
       (c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact srv :service))))
  (process-send-string c "x")
  (sleep-for 0.3)
  (delete-process c) (delete-process srv) 'survived)''').car
print(eval_form(form, T), seen)
assert eventloop.fileno() >= 0
eventloop.run_once(0)
form = read_from_string('''
(let* ((srv (make-network-process :name "s" :server t :host "127.0.0.1" :service t))
       (c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact srv :service))))
  (sleep-for 0.1)
  (delete-process (car (process-list)))
  (prog1 (condition-case e (progn (process-send-string c "x") (process-send-string c "y")) (error e))
    (delete-process srv)))''').car
print(eval_form(form, T))
"""
    r = subprocess.run([sys.executable, '-c', code], cwd=ROOT, capture_output=True, timeout=60)
    assert r.stdout.decode().splitlines() == [
        "survived [('filter', '(error \"boom\")')]",
        '(error "SIGPIPE raised on process c; closed it")'], r.stderr.decode()


def test_use_external_socket_takes_the_activated_socket(tmp_path):
    lst = socket.socket()
    lst.bind(('127.0.0.1', 0))
    lst.listen(5)
    port = lst.getsockname()[1]
    f = tmp_path / 'ext.el'
    f.write_text(""";;; -*- lexical-binding: t -*-
(let* ((got nil)
       (s (make-network-process :name "ext" :server t :host "127.0.0.1" :service t
                                :use-external-socket t :filter (lambda (_p d) (setq got d)))))
  (let ((i 0)) (while (and (not got) (< i 100)) (accept-process-output nil 0.05) (setq i (1+ i))))
  (princ (format "%%S %%S %%S\\n" got (process-status s) (= (process-contact s :service) %d)))
  (delete-process s))
""" % port)
    fd = lst.fileno()
    proc = subprocess.Popen(
        ['sh', '-c', 'export LISTEN_PID=$$ LISTEN_FDS=1; exec "$0" -m elisp -Q --batch -l "$1"',
         sys.executable, str(f)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: os.dup2(fd, 3), pass_fds=(3,))
    c = _connect_retry(port, time.time() + 10)
    c.sendall(b'via activation')
    out, err = proc.communicate(timeout=60)
    c.close()
    lst.close()
    assert out.decode() == '"via activation" listen t\n', err.decode()


def test_idle_timers_fire_when_the_front_end_is_idle():
    """Batch never fires idle timers (as Emacs); a front end that declares itself
    idle gets them, once per idle period, and current-idle-time is non-nil."""
    code = r"""
import sys
sys.setrecursionlimit(100000)
from elisp import runtime, eventloop
from elisp.prims.lread import read_from_string
from elisp.compiler import eval_form
from elisp.lisp import T
runtime.initialize()
ev = lambda s: eval_form(read_from_string(s).car, T)
ev('(progn (defvar n 0) (defvar idle nil) (run-with-idle-timer 0.05 t (lambda () (setq n (1+ n) idle (and (current-idle-time) t)))))')
ev('(sleep-for 0.15)')
print(ev('n'))
eventloop.set_idle(True)
for _ in range(4):
    eventloop.run_once(0.05)
print(ev('(list n idle)'))
eventloop.set_idle(False)
eventloop.set_idle(True)
for _ in range(4):
    eventloop.run_once(0.05)
print(ev('n'))
"""
    r = subprocess.run([sys.executable, '-c', code], cwd=ROOT, capture_output=True, timeout=60)
    assert r.stdout.decode().split('\n')[:3] == ['0', '(1 t)', '2'], r.stderr.decode()


GNUTLS_PROGRAM = os.path.join(ROOT, 'tests', 'el', 'gnutls-openssl.el')


@pytest.mark.skipif(not (shutil.which('openssl') and shutil.which('emacs')),
                    reason='needs openssl and GNU Emacs')
def test_gnutls_negotiate_and_peer_status_agree_with_emacs():
    """gnutls.el's `gnutls-negotiate' on a plain connection to an openssl
    server, then `gnutls-peer-status' and `gnutls-get-initstage', as Emacs 28
    reports them (protocol, cipher, certificate version, serial, names)."""
    emacs = subprocess.run(['emacs', '-Q', '--batch', '-l', GNUTLS_PROGRAM],
                           capture_output=True, timeout=60)
    out, _, code = run_elisp('-Q', '--batch', '-l', GNUTLS_PROGRAM)
    assert emacs.returncode == 0
    assert (out, code) == (emacs.stdout.decode(), 0)
