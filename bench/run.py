"""Run each bench/*.el under GNU Emacs and under elisp, interleaved, and compare.

    python3 bench/run.py [--reps N] [FILE.el ...]

For every program: both outputs must be identical; the time of each whole process
is measured REPS times, alternating Emacs and elisp so that machine noise hits
both alike; the table shows the median times and their ratio (elisp / Emacs),
then the geometric mean of the ratios. The last line compares start-up:
`elisp -Q --batch --eval '(princ 1)'` against a bare `python3 -c pass`.
"""

import argparse
import math
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(cmd, env=None):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, env=env, cwd=HERE)
    return time.perf_counter() - t0, p.stdout, p.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--reps', type=int, default=5)
    ap.add_argument('files', nargs='*')
    args = ap.parse_args()
    files = [os.path.abspath(f) for f in args.files] or \
        sorted(os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith('.el'))
    env = dict(os.environ)
    env['PYTHONPATH'] = ROOT + os.pathsep + env.get('PYTHONPATH', '')
    elisp = [sys.executable, '-m', 'elisp', '-Q', '--batch']
    emacs = ['emacs', '-Q', '--batch']
    # Warm the stdlib cache once so no run pays for building it.
    subprocess.run(elisp + ['--eval', '(princ 1)'], capture_output=True, env=env)
    ratios = []
    mismatches = 0
    print('%-22s %10s %10s %8s  %s' % ('program', 'emacs (s)', 'elisp (s)', 'ratio', 'output'))
    for path in files:
        te, tl = [], []
        out_e = out_l = None
        for _ in range(args.reps):
            t, out_e, code_e = timed(emacs + ['-l', path])
            te.append(t)
            t, out_l, code_l = timed(elisp + ['-l', path], env)
            tl.append(t)
        same = out_e == out_l and code_e == code_l
        mismatches += not same
        me, ml = statistics.median(te), statistics.median(tl)
        ratio = ml / me
        ratios.append(ratio)
        print('%-22s %10.3f %10.3f %8.2f  %s' % (os.path.basename(path), me, ml, ratio,
                                                 'same' if same else 'DIFFERENT'))
        sys.stdout.flush()
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print('%-22s %10s %10s %8.2f' % ('geometric mean', '', '', geo))
    ts, tp = [], []
    for _ in range(max(args.reps, 5)):
        ts.append(timed(elisp + ['--eval', '(princ 1)'], env)[0])
        tp.append(timed([sys.executable, '-c', 'pass'])[0])
    print('start-up: elisp %.0f ms, bare python %.0f ms, difference %.0f ms'
          % (1000 * statistics.median(ts), 1000 * statistics.median(tp),
             1000 * (statistics.median(ts) - statistics.median(tp))))
    return 1 if mismatches else 0


if __name__ == '__main__':
    sys.exit(main())
