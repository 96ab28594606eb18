"""Differential conformance against GNU Emacs 28.2.

    python -m elisp.conformance record [FILE...]   run the corpus in real Emacs, write expectations
    python -m elisp.conformance check  [FILE...]   run it in elisp, report pass rates and diffs
    python -m elisp.conformance live   [FILE...]   run both now and compare them directly
    python -m elisp.conformance stale  [FILE...]   re-run Emacs; list expectations that changed

The corpus lives in tests/conformance/:
  exprs/AREA.el        expression tables: one case per line; expectation AREA.expected
                       holds one line per case ("V value" or "E (error data)")
  programs/AREA-NAME.el  whole programs; expectations NAME.out (stdout) and NAME.exit
  known_failures.txt   cases we fail, one per line: "exprs/AREA.el:LINE  reason" or
                       "programs/NAME.el  reason"
Expectations are only ever written by `record`, from real Emacs.
"""

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, 'tests', 'conformance')
DRIVER = os.path.join(CORPUS, 'driver.el')
KNOWN = os.path.join(CORPUS, 'known_failures.txt')
TIMEOUT = 120


def emacs_command():
    return ['emacs', '-Q', '--batch']


def elisp_command():
    return [sys.executable, '-m', 'elisp', '-Q', '--batch']


def _corpus_files(sub):
    d = os.path.join(CORPUS, sub)
    if not os.path.isdir(d):
        return []
    return sorted(os.path.join(d, f) for f in os.listdir(d)
                  if f.endswith('.el') and os.path.exists(expected_paths(os.path.join(d, f))[0]))


def expr_files():
    """Expression tables that have recorded expectations."""
    return _corpus_files('exprs')


def program_files():
    """Whole programs that have recorded expectations."""
    return _corpus_files('programs')


def case_lines(path):
    """Line numbers (1-based) of the cases in an expression table."""
    with open(path, 'rb') as f:
        lines = f.read().split(b'\n')
    return [i + 1 for i, line in enumerate(lines) if line and not line.startswith(b';')]


def area_of(path):
    name = os.path.basename(path)[:-3]
    if os.path.basename(os.path.dirname(path)) == 'programs':
        return name.split('-', 1)[0]
    return name


def run(cmd, path, cwd):
    env = dict(os.environ)
    env['PYTHONPATH'] = ROOT + os.pathsep + env.get('PYTHONPATH', '')
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, cwd=cwd, env=env)
        return p.stdout, p.returncode, p.stderr
    except subprocess.TimeoutExpired as e:
        return (e.stdout or b'') + b'\n<timeout>', -1, b''


def run_exprs(cmd, path):
    out, code, err = run(cmd + ['-l', DRIVER, path], path, os.path.dirname(path))
    lines = out.split(b'\n')
    if lines and lines[-1] == b'':
        lines.pop()
    return lines, code, err


def run_program(cmd, path):
    return run(cmd + ['-l', path], path, os.path.dirname(path))


def expected_paths(path):
    base = path[:-3]
    if os.path.basename(os.path.dirname(path)) == 'programs':
        return base + '.out', base + '.exit'
    return base + '.expected', None


# ---------------------------------------------------------------- record

def record_file(path):
    if os.path.basename(os.path.dirname(path)) == 'programs':
        out, code, _ = run_program(emacs_command(), path)
        out_path, exit_path = expected_paths(path)
        with open(out_path, 'wb') as f:
            f.write(out)
        with open(exit_path, 'w') as f:
            f.write('%d\n' % code)
        return
    lines, code, err = run_exprs(emacs_command(), path)
    n = len(case_lines(path))
    if len(lines) != n:
        raise SystemExit('%s: Emacs printed %d lines for %d cases (exit %d)\n%s'
                         % (path, len(lines), n, code, err.decode(errors='replace')))
    with open(expected_paths(path)[0], 'wb') as f:
        f.write(b'\n'.join(lines) + b'\n')


# ---------------------------------------------------------------- check

def load_known_failures():
    known = {}
    if os.path.exists(KNOWN):
        with open(KNOWN) as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith('#'):
                    key, _, reason = line.partition(' ')
                    known[key] = reason.strip()
    return known


class Result:
    def __init__(self):
        self.cases = []          # (area, key, passed, diff)

    def add(self, area, key, passed, diff=''):
        self.cases.append((area, key, passed, diff))


def rel(path):
    return os.path.relpath(path, CORPUS)


def check_file(path, cmd=None, expected=None):
    """Compare one corpus file; yield (area, key, passed, diff)."""
    cmd = cmd or elisp_command()
    area = area_of(path)
    if os.path.basename(os.path.dirname(path)) == 'programs':
        out, code, err = run_program(cmd, path)
        if expected is None:
            out_path, exit_path = expected_paths(path)
            with open(out_path, 'rb') as f:
                exp_out = f.read()
            with open(exit_path) as f:
                exp_code = int(f.read().strip())
        else:
            exp_out, exp_code = expected
        ok = out == exp_out and code == exp_code
        diff = ''
        if not ok:
            diff = ('  expected exit %d, stdout:\n%s\n  got exit %d, stdout:\n%s\n  stderr:\n%s'
                    % (exp_code, _show(exp_out), code, _show(out), _show(err[-2000:])))
        yield area, rel(path), ok, diff
        return
    lines, code, err = run_exprs(cmd, path)
    if expected is None:
        with open(expected_paths(path)[0], 'rb') as f:
            exp_lines = f.read().split(b'\n')
        if exp_lines and exp_lines[-1] == b'':
            exp_lines.pop()
    else:
        exp_lines = expected
    with open(path, 'rb') as f:
        src = f.read().split(b'\n')
    for idx, lineno in enumerate(case_lines(path)):
        exp = exp_lines[idx] if idx < len(exp_lines) else b'<missing expectation>'
        got = lines[idx] if idx < len(lines) else b'<no output: run ended (exit %d)>' % code
        ok = exp == got
        diff = ''
        if not ok:
            diff = '  case:     %s\n  expected: %s\n  got:      %s' % (
                _show(src[lineno - 1]), _show(exp), _show(got))
            if idx >= len(lines) and err:
                diff += '\n  stderr:   %s' % _show(err[-600:])
        yield area, '%s:%d' % (rel(path), lineno), ok, diff


def _show(b):
    return b.decode('utf-8', 'backslashreplace')


def check(paths, cmd=None, expectations=None, verbose=True, out=sys.stdout):
    known = load_known_failures()
    result = Result()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [(p, pool.submit(lambda p=p: list(check_file(
            p, cmd, None if expectations is None else expectations.get(p))))) for p in paths]
        for p, fut in futures:
            for area, key, ok, diff in fut.result():
                result.add(area, key, ok, diff)
    report(result, known, verbose, out)
    return result, known


def report(result, known, verbose=True, out=sys.stdout):
    areas = {}
    unexpected = []
    newly_passing = []
    for area, key, ok, diff in result.cases:
        a = areas.setdefault(area, [0, 0])
        a[1] += 1
        if ok:
            a[0] += 1
            if key in known:
                newly_passing.append(key)
        elif key not in known:
            unexpected.append((key, diff))
    if verbose:
        for key, diff in unexpected:
            out.write('FAIL %s\n%s\n' % (key, diff))
    total_pass = sum(a[0] for a in areas.values())
    total = sum(a[1] for a in areas.values())
    out.write('\n%-14s %8s %8s %8s\n' % ('area', 'passed', 'cases', 'rate'))
    for area in sorted(areas):
        p, n = areas[area]
        out.write('%-14s %8d %8d %7.1f%%\n' % (area, p, n, 100.0 * p / n if n else 100))
    out.write('%-14s %8d %8d %7.1f%%\n' % ('overall', total_pass, total,
                                          100.0 * total_pass / total if total else 100))
    kf = [k for k in known if any(c[1] == k and not c[2] for c in result.cases)]
    out.write('known failures: %d; unexpected failures: %d; known failures now passing: %d\n'
              % (len(kf), len(unexpected), len(newly_passing)))
    for k in newly_passing:
        out.write('  now passing: %s\n' % k)
    result.unexpected = unexpected
    result.newly_passing = newly_passing


def stale(paths, out=sys.stdout):
    """Re-run Emacs and list corpus files whose recorded expectation changed."""
    changed = []
    for p in paths:
        if os.path.basename(os.path.dirname(p)) == 'programs':
            got_out, got_code, _ = run_program(emacs_command(), p)
            op, ep = expected_paths(p)
            with open(op, 'rb') as f:
                exp_out = f.read()
            with open(ep) as f:
                exp_code = int(f.read().strip())
            if (got_out, got_code) != (exp_out, exp_code):
                changed.append(rel(p))
        else:
            lines, code, err = run_exprs(emacs_command(), p)
            with open(expected_paths(p)[0], 'rb') as f:
                exp = f.read().split(b'\n')
            if exp and exp[-1] == b'':
                exp.pop()
            for idx, lineno in enumerate(case_lines(p)):
                if idx >= len(lines) or idx >= len(exp) or lines[idx] != exp[idx]:
                    changed.append('%s:%d' % (rel(p), lineno))
    for c in changed:
        out.write('stale: %s\n' % c)
    return changed


def live(paths, out=sys.stdout):
    """Run Emacs and elisp side by side and compare their outputs now."""
    expectations = {}
    for p in paths:
        if os.path.basename(os.path.dirname(p)) == 'programs':
            o, c, _ = run_program(emacs_command(), p)
            expectations[p] = (o, c)
        else:
            lines, _, _ = run_exprs(emacs_command(), p)
            expectations[p] = lines
    return check(paths, expectations=expectations, out=out)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in ('record', 'check', 'live', 'stale'):
        sys.stdout.write(__doc__)
        return 2
    cmd, files = argv[0], [os.path.abspath(f) for f in argv[1:]]
    paths = files or (expr_files() + program_files())
    if cmd == 'record':
        for p in paths:
            record_file(p)
            sys.stdout.write('recorded %s\n' % rel(p))
        return 0
    if cmd == 'stale':
        return 1 if stale(paths) else 0
    if cmd == 'live':
        result, _ = live(paths)
    else:
        result, _ = check(paths)
    return 1 if result.unexpected else 0


if __name__ == '__main__':
    sys.exit(main())
