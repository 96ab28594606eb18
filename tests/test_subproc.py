"""Asynchronous subprocesses: what the conformance corpus can't check (zombies,
descriptor leaks, flooding children, children outliving the interpreter)."""

import os
import subprocess
import sys
import time

from conftest import ROOT, run_elisp

PRELUDE = r"""
import os, sys, threading
sys.setrecursionlimit(100000)
from elisp import runtime
from elisp.prims.lread import read_from_string
from elisp.compiler import eval_form
from elisp.lisp import T
runtime.initialize()
ev = lambda s: eval_form(read_from_string(s).car, T)
ev('''(defun wait-dead (p) (let ((n 0)) (while (and (process-live-p p) (< n 1000))
        (accept-process-output p 0.05) (setq n (1+ n))))
      (accept-process-output nil 0.01))''')
def fds():
    return len(os.listdir('/proc/self/fd'))
def children():
    me = str(os.getpid())
    out = []
    for pid in os.listdir('/proc'):
        if pid.isdigit():
            try:
                with open('/proc/%s/stat' % pid) as f:
                    fields = f.read().rsplit(')', 1)[1].split()
            except OSError:
                continue
            if fields[1] == me:
                out.append((pid, fields[0]))
    return out
"""


def _run(code):
    r = subprocess.run([sys.executable, '-c', PRELUDE + code], cwd=ROOT,
                       capture_output=True, timeout=120)
    return r.stdout.decode(), r.stderr.decode()


def test_many_short_children_leave_no_zombies_or_descriptors():
    out, err = _run(r"""
ev('(let ((p (make-process :name "warm" :command (list "true") :connection-type (quote pipe)))) (wait-dead p))')
base_fds, base_threads = fds(), threading.active_count()
print(ev('''(let ((finished 0))
  (dotimes (i 150)
    (let ((p (make-process :name "t" :command (list "sh" "-c" (format "exit %d" (% i 2)))
                           :connection-type (if (= (% i 3) 0) 'pty 'pipe)
                           :sentinel (lambda (_p m) (when (equal m "finished\n") (setq finished (1+ finished)))))))
      (wait-dead p)))
  (list finished (process-list)))'''))
import time
time.sleep(0.2)
print(fds() - base_fds, children(), threading.active_count() - base_threads)
""")
    assert out.splitlines() == ['(75 nil)', '0 [] 0'], err


def test_deleted_and_killed_children_are_reaped():
    out, err = _run(r"""
print(ev('''(let ((a (make-process :name "a" :command (list "sleep" "30") :connection-type 'pipe :sentinel #'ignore))
                 (b (make-process :name "b" :command (list "sleep" "30") :connection-type 'pty :sentinel #'ignore)))
  (delete-process a)
  (kill-process b)
  (wait-dead b)
  (sleep-for 0.2)
  (list (process-status a) (process-status b) (process-exit-status b)))'''))
print(children())
""")
    assert out.splitlines() == ['(signal signal 9)', '[]'], err


def test_flooding_child_does_not_stall_the_loop():
    """A child writing 20 MB as fast as it can: all of it arrives, in big reads,
    and a repeating timer keeps firing meanwhile."""
    out, err = _run(r"""
import time
t0 = time.time()
print(ev('''(let* ((n 0) (calls 0) (ticks 0)
       (read-process-output-max (* 256 1024))
       (timer (run-at-time 0 0.02 (lambda () (setq ticks (1+ ticks)))))
       (p (make-process :name "flood" :command (list "head" "-c" "20000000" "/dev/zero")
                        :connection-type 'pipe :coding 'binary
                        :filter (lambda (_p s) (setq n (+ n (length s)) calls (1+ calls))))))
  (wait-dead p)
  (cancel-timer timer)
  (list n (< calls 20000) (> ticks 0) (process-status p)))'''))
print(time.time() - t0 < 60)
""")
    assert out.splitlines() == ['(20000000 t t exit)', 'True'], err


def test_children_are_killed_when_the_interpreter_exits(tmp_path):
    f = tmp_path / 'exit.el'
    f.write_text(""";;; -*- lexical-binding: t -*-
(let ((p (make-process :name "s" :command '("sleep" "60") :connection-type 'pipe))
      (q (make-process :name "q" :command '("sh" "-c" "trap '' HUP TERM; sleep 60") :connection-type 'pty)))
  (princ (format "%d %d\\n" (process-id p) (process-id q))))
""")
    out, err, code = run_elisp('-Q', '--batch', '-l', str(f))
    assert code == 0, err
    pids = [int(x) for x in out.split()]
    deadline = time.time() + 10
    alive = pids
    while alive and time.time() < deadline:
        alive = [pid for pid in pids if _running(pid)]
        time.sleep(0.05)
    assert alive == []


def _running(pid):
    try:
        with open('/proc/%d/stat' % pid) as fh:
            state = fh.read().rsplit(')', 1)[1].split()[0]
    except OSError:
        return False
    return state != 'Z'


def test_sentinel_strings_of_signals():
    """Values from Emacs 28.2: strsignal text with its first letter downcased."""
    out, err = _run(r"""
print(ev('''(let (msgs)
  (dolist (sig '(SIGHUP SIGINT SIGTERM SIGUSR1 SIGKILL SIGALRM SIGPIPE))
    (let ((p (make-process :name "s" :command (list "sleep" "30") :connection-type 'pipe
                           :sentinel (lambda (_p m) (push m msgs)))))
      (signal-process p sig)
      (wait-dead p)))
  (nreverse msgs))'''))
""")
    assert out.strip() == ('("hangup\n" "interrupt\n" "terminated\n" "user defined signal 1\n" '
                           '"killed\n" "alarm clock\n" "broken pipe\n")'), err


def test_front_end_wakes_up_when_a_child_exits():
    """A front end selecting on eventloop.fileno() sees a child's exit and runs
    its sentinel with run_once."""
    out, err = _run(r"""
import select, time
from elisp import eventloop
ev('(defvar msgs nil)')
ev('''(make-process :name "fe" :command (list "sh" "-c" "sleep 0.2; exit 7") :connection-type 'pipe
                  :sentinel (lambda (_p m) (push m msgs)))''')
deadline = time.time() + 20
while ev('msgs') is ev('nil') and time.time() < deadline:
    r, _, _ = select.select([eventloop.fileno()], [], [], 1.0)
    eventloop.run_once(0)
print(ev('(prin1-to-string msgs)'))
""")
    assert out.strip() == '("exited abnormally with code 7\n")', err
