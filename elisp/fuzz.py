"""A differential fuzzer: random well-formed forms, evaluated by Emacs and by us.

    python -m elisp.fuzz --seed N --count N [--depth D] [--no-shrink] [--show K] [--fused]

Forms come from a small typed grammar of supported functions and special forms
(seeded, bounded depth).  They are written as an expression table, one per
line, and run through tests/conformance/driver.el in `emacs -Q --batch` and in
our interpreter; the result lines are compared.  Diverging forms are shrunk
(replacing subforms by their own subforms or by simple literals, dropping
arguments) while they still diverge, and reported with both results.
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DRIVER = os.path.join(ROOT, 'tests', 'conformance', 'driver.el')
TIMEOUT = 120


# ---------------------------------------------------------------- form model
# A form is a Python int, float, Str, Sym, or a list of forms (a Lisp list).

class Sym(str):
    """A Lisp symbol in a generated form."""
    __slots__ = ()


class Str(str):
    """A Lisp string literal in a generated form."""
    __slots__ = ()


def to_text(form):
    """The Lisp source text of FORM (on one line)."""
    if isinstance(form, list):
        if len(form) == 2 and form[0] == Sym('quote') and isinstance(form[0], Sym):
            return "'" + to_text(form[1])
        if len(form) == 2 and form[0] == Sym('function') and isinstance(form[0], Sym):
            return "#'" + to_text(form[1])
        return '(' + ' '.join(to_text(x) for x in form) + ')'
    if isinstance(form, Str):
        return '"' + form.replace('\\', '\\\\').replace('"', '\\"') + '"'
    if isinstance(form, Sym):
        return str(form)
    if isinstance(form, bool):
        raise TypeError('bool is not a Lisp value')
    if isinstance(form, float):
        return repr(form)
    return str(form)


def size(form):
    if isinstance(form, list):
        return 1 + sum(size(x) for x in form)
    return 1


def measure(form):
    """What shrinking minimizes: node count, then text length."""
    return (size(form), len(to_text(form)))


def S(name):
    return Sym(name)


def Q(x):
    return [S('quote'), x]


# ---------------------------------------------------------------- the generator

WORDS = ['', 'a', 'abc', 'Hello', 'foo bar', 'x-y', 'ÅÄÖ', '12', '  pad ', 'CamelCase', 'é']
SYMS = ['a', 'b', 'foo', 'bar', 'nil', 't', ':key']


class Generator:
    """Random typed forms; `form()` returns one top-level form."""

    def __init__(self, seed, max_depth=4):
        self.rng = random.Random(seed)
        self.max_depth = max_depth
        self.counter = 0

    def form(self):
        ty = self.rng.choice(['int', 'int', 'num', 'str', 'str', 'list', 'list', 'bool', 'any'])
        return self.gen(ty, self.max_depth, ())

    # -- helpers

    def pick(self, seq):
        return self.rng.choice(seq)

    def var_of(self, ty, env):
        cands = [name for name, t in env if t == ty or ty == 'any']
        return S(self.pick(cands)) if cands else None

    def fresh(self):
        self.counter += 1
        return 'v%d' % (self.counter % 7)

    def gen(self, ty, depth, env):
        """A form whose value (when it does not signal) has type TY."""
        r = self.rng.random()
        if depth <= 0 or r < 0.25:
            v = self.var_of(ty, env) if env and self.rng.random() < 0.5 else None
            return v if v is not None else self.literal(ty)
        if self.rng.random() < 0.22:
            return self.control(ty, depth, env)
        if ty in EXTRAS and self.rng.random() < 0.3:
            return self.pick(EXTRAS[ty])(self, depth - 1, env)
        return getattr(self, 'gen_' + ty)(depth - 1, env)

    def literal(self, ty):
        rng = self.rng
        if ty == 'any':
            ty = self.pick(['int', 'num', 'str', 'list', 'bool', 'sym'])
        if ty == 'int':
            return self.pick([0, 1, 2, 3, -1, 7, 10, 42, -17, 255, 1000, rng.randint(-100, 100),
                              2 ** 61 - 1, -2 ** 61, 2 ** 64 + 3])
        if ty == 'num':
            return self.pick([0.0, 1.5, -2.25, 0.1, 3.0, 1e10, 1e-5, 123.456, -0.0, 2, 5])
        if ty == 'str':
            return Str(self.pick(WORDS))
        if ty == 'list':
            n = rng.randint(0, 4)
            kind = self.pick(['int', 'int', 'str', 'sym', 'mixed'])
            items = []
            for _ in range(n):
                k = kind if kind != 'mixed' else self.pick(['int', 'str', 'sym', 'num'])
                items.append(self.literal(k) if k != 'sym' else S(self.pick(SYMS[:4])))
            return Q(items) if items else S('nil')
        if ty == 'bool':
            return S(self.pick(['t', 'nil']))
        if ty == 'sym':
            return Q(S(self.pick(SYMS[:4])))
        return 0

    def control(self, ty, depth, env):
        """Special forms and macros: let, if, cond, and/or, when/unless, condition-case..."""
        rng = self.rng
        d = depth - 1
        k = rng.randrange(10)
        if k == 0 or k == 1:
            n = rng.randint(1, 2)
            names = []
            bindings = []
            inner = list(env)
            for _ in range(n):
                t = self.pick(['int', 'str', 'list'])
                name = self.fresh()
                bindings.append([S(name), self.gen(t, d, env if k == 0 else tuple(inner))])
                inner.append((name, t))
                names.append(name)
            return [S('let' if k == 0 else 'let*'), bindings, self.gen(ty, d, tuple(inner))]
        if k == 2:
            return [S('if'), self.gen('bool', d, env), self.gen(ty, d, env), self.gen(ty, d, env)]
        if k == 3:
            return [S('cond'), [self.gen('bool', d, env), self.gen(ty, d, env)],
                    [S('t'), self.gen(ty, d, env)]]
        if k == 4:
            op = self.pick(['and', 'or'])
            return [S(op)] + [self.gen(ty, d, env) for _ in range(rng.randint(1, 3))]
        if k == 5:
            op = self.pick(['when', 'unless'])
            if ty == 'bool' or ty == 'any':
                return [S(op), self.gen('bool', d, env), self.gen(ty, d, env)]
            return [S('or'), [S(op), self.gen('bool', d, env), self.gen(ty, d, env)],
                    self.gen(ty, d, env)]
        if k == 6:
            return [S('condition-case'), S('err'), self.gen(ty, d, env),
                    [S(self.pick(['error', 'arith-error', 'wrong-type-argument',
                                  'args-out-of-range'])),
                     self.pick([[S('car'), S('err')], S('err'), self.literal(ty)])]]
        if k == 7:
            x = self.fresh()
            t = self.pick(['int', 'str'])
            return [S('funcall'), [S('lambda'), [S(x)], self.gen(ty, d, env + ((x, t),))],
                    self.gen(t, d, env)]
        if k == 8:
            return [S('catch'), Q(S('tag')),
                    [S('progn'), self.pick([[S('throw'), Q(S('tag')), self.gen(ty, d, env)],
                                            S('nil')]), self.gen(ty, d, env)]]
        return [S('progn'), self.gen('any', d, env), self.gen(ty, d, env)]

    # -- typed productions

    def gen_int(self, d, env):
        g = self.gen
        k = self.rng.randrange(16)
        if k == 0:
            return [S(self.pick(['+', '-', '*']))] + [g('int', d, env) for _ in range(self.rng.randint(0, 3))]
        if k == 1:
            return [S(self.pick(['/', '%', 'mod'])), g('int', d, env), g('int', d, env)]
        if k == 2:
            return [S(self.pick(['1+', '1-', 'abs', 'lognot']))] + [g('int', d, env)]
        if k == 3:
            return [S(self.pick(['max', 'min']))] + [g('int', d, env) for _ in range(self.rng.randint(1, 3))]
        if k == 4:
            return [S('length'), g(self.pick(['str', 'list']), d, env)]
        if k == 5:
            return [S(self.pick(['logand', 'logior', 'logxor']))] + [g('int', d, env) for _ in range(2)]
        if k == 6:
            return [S('ash'), g('int', d, env), self.rng.randint(-5, 70)]
        if k == 7:
            return [S(self.pick(['truncate', 'floor', 'ceiling', 'round'])), g('num', d, env)]
        if k == 8:
            return [S('string-to-number'), g('str', d, env)]
        if k == 9:
            return [S('car'), g('list', d, env)]
        if k == 10:
            return [S('nth'), g('int', d, env), g('list', d, env)]
        if k == 11:
            return [S('apply'), [S('function'), S(self.pick(['+', 'max', '*']))], g('list', d, env)]
        if k == 12:
            return [S('aref'), g('str', d, env), self.rng.randint(0, 3)]
        if k == 13:
            return [S('string-width'), g('str', d, env)]
        if k == 14:
            return [S('expt'), g('int', d, env), self.rng.randint(0, 5)]
        return [S('safe-length'), g('list', d, env)]

    def gen_num(self, d, env):
        g = self.gen
        k = self.rng.randrange(6)
        if k == 0:
            return [S(self.pick(['+', '-', '*', '/']))] + [g('num', d, env) for _ in range(self.rng.randint(1, 3))]
        if k == 1:
            return [S('float'), g('int', d, env)]
        if k == 2:
            return [S(self.pick(['ffloor', 'fround', 'ftruncate', 'fceiling', 'abs'])), g('num', d, env)]
        if k == 3:
            return [S(self.pick(['max', 'min']))] + [g('num', d, env) for _ in range(2)]
        if k == 4:
            return [S('string-to-number'), g('str', d, env)]
        return g('int', d, env)

    def gen_str(self, d, env):
        g = self.gen
        k = self.rng.randrange(15)
        if k == 0:
            return [S('concat')] + [g('str', d, env) for _ in range(self.rng.randint(0, 3))]
        if k == 1:
            return [S('substring'), g('str', d, env), self.rng.randint(-2, 3)]
        if k == 2:
            return [S(self.pick(['upcase', 'downcase', 'capitalize', 'upcase-initials'])), g('str', d, env)]
        if k == 3:
            return [S('format'), Str(self.pick(['%d', '%5d', '%-4d|', '%x', '%o', '%c'])), g('int', d, env)]
        if k == 4:
            return [S('format'), Str(self.pick(['%s', '%S', '[%s]', '%-6s|', '%.2s'])), g('any', d, env)]
        if k == 5:
            return [S('format'), Str(self.pick(['%f', '%.2f', '%e', '%g', '%s'])), g('num', d, env)]
        if k == 6:
            return [S('number-to-string'), g('num', d, env)]
        if k == 7:
            return [S('symbol-name'), Q(S(self.pick(SYMS)))]
        if k == 8:
            return [S('mapconcat'), [S('function'), S('identity')],
                    [S('list')] + [g('str', d, env) for _ in range(self.rng.randint(0, 3))],
                    Str(self.pick([' ', ', ', '']))]
        if k == 9:
            return [S('prin1-to-string'), g('any', d, env)]
        if k == 10:
            return [S('string'), self.rng.choice([65, 97, 48, 233, 955])]
        if k == 11:
            return [S('make-string'), self.rng.randint(0, 4), self.rng.choice([120, 45, 233])]
        if k == 12:
            return [S(self.pick(['string-trim', 'string-trim-left', 'string-trim-right'])), g('str', d, env)]
        if k == 13:
            return [S('replace-regexp-in-string'), Str(self.pick(['a', '[0-9]+', 'o+', '^'])),
                    Str(self.pick(['_', 'X', ''])), g('str', d, env)]
        return [S('concat'), g('str', d, env), Str('-'), g('str', d, env)]

    def gen_list(self, d, env):
        g = self.gen
        k = self.rng.randrange(16)
        t = self.pick(['int', 'str', 'any'])
        if k == 0:
            return [S('list')] + [g(t, d, env) for _ in range(self.rng.randint(0, 3))]
        if k == 1:
            return [S('cons'), g('any', d, env), g('list', d, env)]
        if k == 2:
            return [S('append')] + [g('list', d, env) for _ in range(self.rng.randint(0, 3))]
        if k == 3:
            return [S('reverse'), g('list', d, env)]
        if k == 4:
            x = self.fresh()
            return [S('mapcar'), [S('function'), [S('lambda'), [S(x)], g('any', d, env + ((x, 'any'),))]],
                    g('list', d, env)]
        if k == 5:
            return [S('number-sequence'), self.rng.randint(-3, 3), self.rng.randint(-3, 8)]
        if k == 6:
            return [S('sort'), [S('list')] + [g('int', d, env) for _ in range(self.rng.randint(0, 4))],
                    [S('function'), S(self.pick(['<', '>']))]]
        if k == 7:
            return [S('cdr'), g('list', d, env)]
        if k == 8:
            return [S('nthcdr'), self.rng.randint(0, 3), g('list', d, env)]
        if k == 9:
            return [S(self.pick(['last', 'butlast'])), g('list', d, env)]
        if k == 10:
            if self.rng.random() < 0.25:
                return [S('delete-dups'), [S('copy-sequence'), g('list', d, env)]]
            return [S(self.pick(['member', 'memq', 'remove'])), g('any', d, env), g('list', d, env)]
        if k == 11:
            return [S('split-string'), g('str', d, env)]
        if k == 12:
            return [S('append'), g('str', d, env), S('nil')]
        if k == 13:
            x = self.fresh()
            return [S('seq-filter'), [S('lambda'), [S(x)], [S(self.pick(['numberp', 'stringp', 'symbolp'])), S(x)]],
                    g('list', d, env)]
        if k == 14:
            return [S('copy-sequence'), g('list', d, env)]
        return [S('assq'), Q(S(self.pick(SYMS[:4]))),
                Q([[S(s), i] for i, s in enumerate(SYMS[:3])])]

    def gen_bool(self, d, env):
        g = self.gen
        k = self.rng.randrange(9)
        if k == 0:
            return [S(self.pick(['=', '<', '>', '<=', '>=', '/=']))] + [g('num', d, env) for _ in range(2)]
        if k == 1:
            return [S(self.pick(['eq', 'eql', 'equal']))] + [g('any', d, env) for _ in range(2)]
        if k == 2:
            return [S(self.pick(['null', 'not', 'consp', 'stringp', 'numberp', 'integerp',
                                 'floatp', 'listp', 'symbolp', 'atom', 'natnump', 'keywordp'])),
                    g('any', d, env)]
        if k == 3:
            return [S('zerop'), g('num', d, env)]
        if k == 4:
            return [S(self.pick(['string=', 'string<', 'string-prefix-p', 'string-suffix-p'])),
                    g('str', d, env), g('str', d, env)]
        if k == 5:
            return [S('string-match-p'), Str(self.pick(['a', '^[A-Z]', '[0-9]', 'o\\\\|e'])), g('str', d, env)]
        if k == 6:
            return [S(self.pick(['and', 'or']))] + [g('bool', d, env) for _ in range(2)]
        if k == 7:
            return [S('not'), g('bool', d, env)]
        return [S('proper-list-p'), g('list', d, env)]

    def gen_any(self, d, env):
        return self.gen(self.pick(['int', 'num', 'str', 'list', 'bool']), d + 1, env)


def _ints(g, d, env, n=None):
    return [S('list')] + [g.gen('int', d, env) for _ in range(g.rng.randint(0, 4) if n is None else n)]


def _strs(g, d, env):
    return [S('list')] + [g.gen('str', d, env) for _ in range(g.rng.randint(0, 3))]


def _small(g):
    return g.rng.randint(-3, 6)


def _dotimes_sum(g, d, env):
    i = g.fresh()
    return [S('let'), [[S('acc'), 0]],
            [S('dotimes'), [S(i), g.rng.randint(0, 5)],
             [S('setq'), S('acc'), [S('+'), S('acc'), g.gen('int', d, env + ((i, 'int'),))]]],
            S('acc')]


def _dolist_push(g, d, env):
    x = g.fresh()
    return [S('let'), [S('acc')],
            [S('dolist'), [S(x), g.gen('list', d, env)],
             [S('push'), g.gen('any', d, env + ((x, 'any'),)), S('acc')]],
            S('acc')]


def _buffer_str(g, d, env):
    ops = g.pick([
        [[S('upcase-region'), [S('point-min')], [S('point-max')]]],
        [[S('goto-char'), [S('point-min')]], [S('insert'), Str('<')],
         [S('goto-char'), [S('point-max')]], [S('insert'), Str('>')]],
        [[S('goto-char'), [S('point-min')]],
         [S('while'), [S('search-forward'), Str('a'), S('nil'), S('t')],
          [S('replace-match'), Str('A')]]],
        [[S('delete-region'), [S('point-min')], [S('min'), [S('point-max')], 3]]],
        [[S('goto-char'), 2], [S('delete-char'), 1]],
    ])
    return [S('with-temp-buffer'), [S('insert'), g.gen('str', d, env), g.gen('str', d, env)]] + ops \
        + [[S('buffer-string')]]


def _buffer_int(g, d, env):
    return [S('with-temp-buffer'), [S('insert'), g.gen('str', d, env)],
            g.pick([[S('point')], [S('buffer-size')],
                    [S('progn'), [S('goto-char'), [S('point-min')]],
                     [S('or'), [S('re-search-forward'), Str(g.pick(['[a-z]+', 'o', '[0-9]'])), S('nil'), S('t')], -1]],
                    [S('progn'), [S('goto-char'), [S('point-min')]], [S('skip-chars-forward'), Str('a-z')]],
                    [S('count-lines'), [S('point-min')], [S('point-max')]]])]


def _hash(g, d, env):
    return [S('let'), [[S('h'), [S('make-hash-table'), S(':test'), [S('function'), S(g.pick(['equal', 'eql', 'eq']))]]]],
            [S('puthash'), g.gen('any', d, env), g.gen('any', d, env), S('h')],
            [S('puthash'), g.gen('str', d, env), 1, S('h')],
            g.pick([[S('hash-table-count'), S('h')],
                    [S('gethash'), g.gen('any', d, env), S('h'), Q(S('none'))],
                    [S('let'), [S('ks')], [S('maphash'), [S('lambda'), [S('k'), S('_v')], [S('push'), S('k'), S('ks')]], S('h')], S('ks')]])]


def _pcase(g, d, env):
    return [S('pcase'), g.gen('any', d, env),
            [0, Q(S('zero'))],
            [[S('pred'), S('stringp')], [S('list'), Q(S('str')), g.gen('int', d, env)]],
            [[S('and'), [S('pred'), S('integerp')], S('n')], [S('list'), Q(S('int')), S('n')]],
            [S('_'), Q(S('other'))]]


EXTRAS = {
    'int': [
        lambda g, d, env: [S(g.pick(['truncate', 'floor', 'ceiling', 'round'])), g.gen('int', d, env),
                           g.pick([2, -2, 3, 7, 0])],
        lambda g, d, env: [S('string-to-number'), g.gen('str', d, env), g.pick([16, 8, 2, 10])],
        lambda g, d, env: [S('logcount'), g.gen('int', d, env)],
        lambda g, d, env: [S('aref'), [S('vector')] + [g.gen('int', d, env) for _ in range(3)], _small(g)],
        lambda g, d, env: [S(g.pick(['/', '%'])), g.gen('int', d, env), g.pick([0, 1, -3])],
        lambda g, d, env: [S('or'), [S('string-search'), Str(g.pick(['a', 'o', '-', ''])), g.gen('str', d, env)], -1],
        lambda g, d, env: [S('alist-get'), Q(S(g.pick(['a', 'b', 'z']))), Q([[S('a'), S('.'), 1], [S('b'), S('.'), 2]]), 0],
        lambda g, d, env: [S('plist-get'), Q([S(':a'), 1, S(':b'), 2]), S(g.pick([':a', ':b', ':c']))],
        _dotimes_sum, _buffer_int,
        lambda g, d, env: [S('length'), [S('vconcat'), g.gen('list', d, env), g.gen('str', d, env)]],
        lambda g, d, env: [S('*'), g.gen('int', d, env), g.pick([2 ** 40, -2 ** 62, 3 ** 30])],
        lambda g, d, env: [S('seq-reduce'), [S('function'), S('+')], _ints(g, d, env), 0],
    ],
    'num': [
        lambda g, d, env: [S('/'), g.gen('num', d, env), g.pick([0.0, 3, 7.0, -0.0])],
        lambda g, d, env: [S(g.pick(['sqrt', 'exp', 'log', 'sin', 'atan'])), g.gen('num', d, env)],
        lambda g, d, env: [S('mod'), g.gen('num', d, env), g.pick([2.5, -3, 1.0])],
        lambda g, d, env: [S('expt'), g.gen('num', d, env), g.pick([0.5, 2, -1, 3.0])],
        lambda g, d, env: [S('+'), 0.1, g.pick([0.2, 1e21, 1e-7, 123456789.123])],
    ],
    'str': [
        lambda g, d, env: [S('string-replace'), Str(g.pick(['a', 'o', ' '])), Str(g.pick(['', 'XY'])), g.gen('str', d, env)],
        lambda g, d, env: [S('format'), Str(g.pick(['%s-%d', '%S:%x', '%5s|%-3d', '%c%s'])), g.gen('any', d, env), g.gen('int', d, env)],
        lambda g, d, env: [S('reverse'), g.gen('str', d, env)],
        lambda g, d, env: [S('symbol-name'), [S('intern'), g.gen('str', d, env)]],
        lambda g, d, env: [S('format'), Str(g.pick(['%.3g', '%10.4f', '%-8.2e|', '%S', '%d'])), g.gen('num', d, env)],
        lambda g, d, env: [S('apply'), [S('function'), S('string')], _ints(g, d, env)],
        lambda g, d, env: [S('char-to-string'), [S(g.pick(['upcase', 'downcase'])), g.pick([97, 65, 233, 223, 48])]],
        lambda g, d, env: [S('mapconcat'), [S('function'), S(g.pick(['upcase', 'identity', 'symbol-name']))],
                           g.gen('list', d, env), Str(',')],
        lambda g, d, env: [S('prin1-to-string'), [S('vector'), g.gen('any', d, env), g.gen('str', d, env)]],
        lambda g, d, env: [S('substring'), g.gen('str', d, env), _small(g), _small(g)],
        _buffer_str,
        lambda g, d, env: [S('number-to-string'), [S('/'), g.gen('num', d, env), 3]],
        lambda g, d, env: [S('string-trim'), g.gen('str', d, env), Str('[ xa]+')],
    ],
    'list': [
        lambda g, d, env: [S('string-to-list'), g.gen('str', d, env)],
        lambda g, d, env: [S('split-string'), g.gen('str', d, env), Str(g.pick(['-', ' ', 'a', '[ -]+'])), S(g.pick(['t', 'nil']))],
        lambda g, d, env: [S('mapcar'), [S('function'), S(g.pick(['1+', 'abs', '-', 'number-to-string']))], _ints(g, d, env)],
        _dolist_push,
        lambda g, d, env: [S('nreverse'), [S('copy-sequence'), g.gen('list', d, env)]],
        lambda g, d, env: [S('sort'), _strs(g, d, env), [S('function'), S(g.pick(['string<', 'string>']))]],
        lambda g, d, env: [S(g.pick(['seq-uniq', 'flatten-tree'])), g.gen('list', d, env)],
        lambda g, d, env: [S('seq-take'), g.gen('list', d, env), _small(g)],
        lambda g, d, env: [S('number-sequence'), _small(g), g.rng.randint(-3, 12), g.pick([1, 2, 3, -1])],
        lambda g, d, env: [S('append'), [S('vector'), g.gen('any', d, env), g.gen('int', d, env)], S('nil')],
        lambda g, d, env: [S('assoc'), g.gen('str', d, env), Q([[Str('a'), S('.'), 1], [Str(''), S('.'), 2], [Str('abc'), 3]])],
        _hash, _pcase,
        lambda g, d, env: [S('let'), [[S('l'), [S('copy-sequence'), g.gen('list', d, env)]]],
                           [S('setcar'), S('l'), g.gen('any', d, env)], S('l')],
        lambda g, d, env: [S('seq-remove'),
                           [S('function'), S(g.pick(['numberp', 'stringp', 'null']))], g.gen('list', d, env)],
    ],
    'bool': [
        lambda g, d, env: [S('char-equal'), g.pick([97, 65, 233]), g.pick([65, 97, 201])],
        lambda g, d, env: [S(g.pick(['functionp', 'fboundp', 'boundp', 'special-form-p', 'macrop'])),
                           Q(S(g.pick(['car', 'if', 'when', 'nil', 'foo', 'fill-column', 'lambda'])))],
        lambda g, d, env: [S('string-version-lessp'), g.gen('str', d, env), g.gen('str', d, env)],
        lambda g, d, env: [S('equal'), g.gen('list', d, env), g.gen('list', d, env)],
        lambda g, d, env: [S(g.pick(['natnump', 'fixnump', 'bignump'])), g.gen('int', d, env)],
        lambda g, d, env: [S('seq-every-p'), [S('function'), S('integerp')], g.gen('list', d, env)],
    ],
}


def generate(seed, count, max_depth=4):
    """COUNT forms from SEED (deterministic)."""
    g = Generator(seed, max_depth)
    return [g.form() for _ in range(count)]


# ---------------------------------------------------------------- running

def emacs_command():
    return ['emacs', '-Q', '--batch']


def elisp_command():
    return [sys.executable, '-m', 'elisp', '-Q', '--batch']


def _run_table(cmd, lines):
    """Run the expression table LINES under CMD; one result string per line."""
    results = []
    start = 0
    while start < len(lines):
        with tempfile.NamedTemporaryFile('w', suffix='.el', delete=False, encoding='utf-8') as f:
            f.write('\n'.join(lines[start:]) + '\n')
            path = f.name
        env = dict(os.environ)
        env['PYTHONPATH'] = ROOT + os.pathsep + env.get('PYTHONPATH', '')
        try:
            p = subprocess.run(cmd + ['-l', DRIVER, path], capture_output=True, timeout=TIMEOUT,
                               cwd=ROOT, env=env)
            out = p.stdout
        except subprocess.TimeoutExpired as e:
            out = e.stdout or b''
        finally:
            os.unlink(path)
        got = out.decode('utf-8', 'replace').split('\n')
        if got and got[-1] == '':
            got.pop()
        else:
            got = got[:-1]             # a partial last line: the process died in it
        got = got[:len(lines) - start]
        results.extend(got)
        start += len(got)
        if start < len(lines):
            results.append('<crash or timeout>')
            start += 1
    return results


# With --fused, each form is the body of a function called 20 times (the
# result is the last call's): the last calls run our fused code (codegen.py
# fuses a function at its 16th call).
FUSED_WRAPPER = ('(let ((fuzz-fn (lambda () %s)) (fuzz-r nil))'
                 ' (dotimes (_ 20) (setq fuzz-r (funcall fuzz-fn))) fuzz-r)')
wrap_fused = False


def run_both(forms):
    """(emacs results, elisp results) for FORMS."""
    lines = [to_text(f) for f in forms]
    if wrap_fused:
        lines = [FUSED_WRAPPER % line for line in lines]
    return _run_table(emacs_command(), lines), _run_table(elisp_command(), lines)


def kind(result):
    """The kind of a result line: 'V' for a value, else 'E ERROR-SYMBOL'."""
    if result.startswith('E ('):
        return 'E ' + result[3:].split(' ', 1)[0].rstrip(')')
    return result[:1]


def divergence_key(emacs, elisp):
    """None when the results agree; else the pair of their kinds."""
    if emacs == elisp:
        return None
    return (kind(emacs), kind(elisp))


def oracle(forms):
    """For each of FORMS, its divergence key between Emacs and elisp (None: agree)."""
    a, b = run_both(forms)
    return [divergence_key(x, y) for x, y in zip(a, b)]


# ---------------------------------------------------------------- shrinking

SIMPLE = [0, 1, S('nil'), Str('a'), S('t')]


def candidates(form):
    """Smaller variants of FORM, smallest first."""
    out = []
    if not isinstance(form, list) or not form:
        if isinstance(form, int) and not isinstance(form, bool) and form not in (0, 1):
            out.append(0)
            out.append(1)
        elif isinstance(form, Str) and len(form) > 1:
            out.append(Str(form[:1]))
        return out
    # Each proper subform on its own.
    for sub in form[1:]:
        if isinstance(sub, list):
            out.append(sub)
    # Drop one argument.
    if form[0] not in (S('quote'), S('function'), S('lambda')):
        for i in range(1, len(form)):
            out.append(form[:i] + form[i + 1:])
    # Shrink one element in place.
    for i in range(1, len(form)):
        for c in candidates(form[i]):
            out.append(form[:i] + [c] + form[i + 1:])
        if isinstance(form[i], list) and form[0] != S('quote'):
            for s in SIMPLE:
                out.append(form[:i] + [s] + form[i + 1:])
    seen = set()
    uniq = []
    limit = measure(form)
    for c in sorted(out, key=measure):
        key = to_text(c)
        if key not in seen and measure(c) < limit:
            seen.add(key)
            uniq.append(c)
    return uniq


def shrink(forms, keys, judge, max_rounds=12, per_form=60):
    """Shrink each of FORMS while it diverges the same way (its key in KEYS).

    JUDGE maps a list of forms to their divergence keys (None: no divergence).
    Each round tries up to PER_FORM candidates for every form in one batch and
    keeps the smallest that still diverges with the same key."""
    current = list(forms)
    active = list(range(len(forms)))
    for _ in range(max_rounds):
        batch = []
        owners = []
        for i in active:
            for c in candidates(current[i])[:per_form]:
                batch.append(c)
                owners.append(i)
        if not batch:
            break
        verdicts = judge(batch)
        improved = set()
        for c, i, v in zip(batch, owners, verdicts):
            if v is not None and v == keys[i] and i not in improved:
                current[i] = c          # candidates are smallest first
                improved.add(i)
        active = [i for i in active if i in improved]
        if not active:
            break
    return current


# ---------------------------------------------------------------- report

def fuzz(seed, count, max_depth=4, do_shrink=True, out=sys.stdout, show=20):
    """Generate, run both, shrink; return (agreed, total, [(form, emacs, elisp)])."""
    forms = generate(seed, count, max_depth)
    a, b = run_both(forms)
    bad = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    agreed = count - len(bad)
    out.write('seed %d: %d/%d forms agree (%.1f%%)\n' % (seed, agreed, count, 100.0 * agreed / max(count, 1)))
    diverging = [forms[i] for i in bad]
    keys = [divergence_key(a[i], b[i]) for i in bad]
    if diverging:
        # Confirm in a fresh run: drop flukes and forms that depend on earlier ones.
        again = oracle(diverging)
        kept = [j for j, k in enumerate(again) if k is not None and k == keys[j]]
        if len(kept) < len(diverging):
            out.write('(%d of the divergences did not reproduce on their own)\n'
                      % (len(diverging) - len(kept)))
        diverging = [diverging[j] for j in kept]
        keys = [keys[j] for j in kept]
    if do_shrink and diverging:
        diverging = shrink(diverging, keys, oracle)
    # Dedupe the shrunk examples and show each with both results.
    uniq = []
    seen = set()
    for f in diverging:
        t = to_text(f)
        if t not in seen:
            seen.add(t)
            uniq.append(f)
    uniq.sort(key=measure)
    details = []
    if uniq:
        ea, eb = run_both(uniq)
        details = [(to_text(f), x, y) for f, x, y in zip(uniq, ea, eb)]
        out.write('%d divergences (%d distinct after shrinking):\n' % (len(diverging), len(uniq)))
        for text, x, y in details[:show]:
            out.write('  %s\n    emacs: %s\n    elisp: %s\n' % (text, x, y))
        if len(details) > show:
            out.write('  ... and %d more\n' % (len(details) - show))
    return agreed, count, details


def main(argv=None):
    ap = argparse.ArgumentParser(prog='python -m elisp.fuzz', description=__doc__.split('\n')[0])
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=200)
    ap.add_argument('--depth', type=int, default=4, help='maximum nesting of generated forms')
    ap.add_argument('--no-shrink', action='store_true')
    ap.add_argument('--show', type=int, default=30, help='how many divergences to print')
    ap.add_argument('--print-forms', action='store_true', help='only print the generated forms')
    ap.add_argument('--fused', action='store_true',
                    help='run each form as the body of a function called 20 times')
    args = ap.parse_args(argv)
    global wrap_fused
    wrap_fused = args.fused
    if args.print_forms:
        for f in generate(args.seed, args.count, args.depth):
            print(to_text(f))
        return 0
    fuzz(args.seed, args.count, args.depth, not args.no_shrink, show=args.show)
    return 0


if __name__ == '__main__':
    sys.exit(main())
