"""Generated call nodes: the evaluator's hottest node, specialised per call shape.

A call `(F A B)` compiles to a node that reads F's function cell, evaluates the
arguments and calls.  Building that node from Python source lets the argument
accesses be inlined (a frame slot or a constant instead of a nested node call),
and, for a few arithmetic and list primitives, the fixnum/cons case to be done
inline while F still holds the original primitive.  The source for each shape
is compiled once and cached; nodes differ only in the values they close over.
"""

from .lisp import Cons, Subr, NIL, T, SpecialValue
from .variables import symbol_value
from .codecache import compiled

# Inline fixnum/cons cases for (primitive name, argument count), used while
# the function cell still holds the original primitive: (CONDITION, VALUE) as
# Python expressions over the evaluated arguments X0, X1 (R is a scratch
# name); CONDITION None means VALUE always applies.  Every other case calls the
# primitive.  Shared with the fused code of codegen.py.
INLINE_OPS = {
    ('+', 2): ('X0.__class__ is int and X1.__class__ is int', 'X0 + X1'),
    ('-', 2): ('X0.__class__ is int and X1.__class__ is int', 'X0 - X1'),
    ('-', 1): ('X0.__class__ is int', '-X0'),
    ('<', 2): ('X0.__class__ is int and X1.__class__ is int', 'T if X0 < X1 else NIL'),
    ('>', 2): ('X0.__class__ is int and X1.__class__ is int', 'T if X0 > X1 else NIL'),
    ('<=', 2): ('X0.__class__ is int and X1.__class__ is int', 'T if X0 <= X1 else NIL'),
    ('>=', 2): ('X0.__class__ is int and X1.__class__ is int', 'T if X0 >= X1 else NIL'),
    ('=', 2): ('X0.__class__ is int and X1.__class__ is int', 'T if X0 == X1 else NIL'),
    ('*', 2): ('X0.__class__ is int and X1.__class__ is int'
               ' and (R := X0 * X1).bit_length() <= 65536', 'R'),
    ('%', 2): ('X0.__class__ is int and X1.__class__ is int and X0 >= 0 and X1 > 0', 'X0 % X1'),
    ('1+', 1): ('X0.__class__ is int', 'X0 + 1'),
    ('1-', 1): ('X0.__class__ is int', 'X0 - 1'),
    ('car', 1): ('X0.__class__ is Cons', 'X0.car'),
    ('cdr', 1): ('X0.__class__ is Cons', 'X0.cdr'),
    ('car-safe', 1): (None, 'X0.car if X0.__class__ is Cons else NIL'),
    ('cdr-safe', 1): (None, 'X0.cdr if X0.__class__ is Cons else NIL'),
    ('null', 1): (None, 'T if X0 is NIL else NIL'),
    ('not', 1): (None, 'T if X0 is NIL else NIL'),
    ('consp', 1): (None, 'T if X0.__class__ is Cons else NIL'),
    ('cons', 2): (None, 'Cons(X0, X1)'),
    ('eq', 2): ('X0 is X1 or X0.__class__ is not int', 'T if X0 is X1 else NIL'),
}

_factories = {}
_NOT_A_FUNCTION = object()


def _arg_access(node, i):
    """(source expression, kind) for argument node I."""
    slot = getattr(node, 'slot', None)
    if slot is not None:
        if getattr(node, 'boxed', False):
            return 'f[s%d][0]' % i, 'b'
        return 'f[s%d]' % i, 's'
    if hasattr(node, 'constant'):
        return 'k%d' % i, 'k'
    if getattr(node, 'global_sym', None) is not None:
        return None, 'g'
    return 'a%d(f)' % i, 'n'


def _source(n, kinds, op):
    exprs = []
    for i, kind in enumerate(kinds):
        exprs.append({'s': 'f[s%d]', 'b': 'f[s%d][0]', 'k': 'k%d', 'n': 'a%d(f)',
                      'g': '(v if (v := g%d.val).__class__ is not SpecialValue else symbol_value(g%d))'
                      }[kind].replace('%d', str(i)))
    args = ', '.join(exprs)
    tuple_args = '(%s%s)' % (args, ',' if n == 1 else '')
    lines = ['def node(f):', '    fn = fsym.function']
    if op is None:
        # ORIG is the primitive the cell held when the node was made (G its
        # entry for N arguments), or an object no cell ever holds.
        lines.append('    if fn is ORIG:')
        lines.append('        return G(%s)' % args)
    else:
        lines.append('    if fn is ORIG:')
        for i, e in enumerate(exprs):
            lines.append('        X%d = %s' % (i, e))
        cond, value = INLINE_OPS[op]
        lines.append('        return %s' % value if cond is None else
                     '        if %s: return %s' % (cond, value))
        lines.append('        return G(%s)' % ', '.join('X%d' % i for i in range(n)))
    lines += [
        '    if fn.__class__ is Subr:',
        '        g = fn.fn%d' % n,
        '        if g is not None:',
        '            return g(%s)' % args,
        '    elif fn.__class__ is Closure:',
        '        return fn.info.entry(fn, %s)' % tuple_args,
        '    elif fn.__class__ is Cons and fn.car is Qlambda:',
        '        c = list_closure(fn)',
        '        return c.info.entry(c, %s)' % tuple_args,
        '    if fn is None or fn is NIL:',
        '        return call_symbol(fsym, ())      # void-function, before the arguments',
        '    return call_symbol(fsym, %s)' % tuple_args,
    ]
    params = ['fsym', 'ORIG', 'G', 'Subr', 'Closure', 'Cons', 'Qlambda', 'NIL', 'T',
              'list_closure', 'call_symbol', 'SpecialValue', 'symbol_value']
    for i, kind in enumerate(kinds):
        params.append({'s': 's%d', 'b': 's%d', 'k': 'k%d', 'n': 'a%d', 'g': 'g%d'}[kind] % i)
    return 'def make(%s):\n%s\n    return node\n' % (
        ', '.join(params), '\n'.join('    ' + line for line in lines))


def make_call_node(fsym, argnodes, closure_cls, qlambda, list_closure, call_symbol):
    """A node calling FSYM with ARGNODES (at most 3 of them)."""
    n = len(argnodes)
    kinds = []
    values = []
    for i, a in enumerate(argnodes):
        _, kind = _arg_access(a, i)
        kinds.append(kind)
        values.append(a.slot if kind in 'sb' else a.constant if kind == 'k'
                      else a.global_sym if kind == 'g' else a)
    fn = fsym.function
    op = (fsym.name, n)
    if not (fn.__class__ is Subr and op in INLINE_OPS):
        op = None
    key = (n, tuple(kinds), op)
    factory = _factories.get(key)
    if factory is None:
        namespace = {}
        exec(compiled(_source(n, kinds, op), '<call node>'), namespace)
        factory = _factories[key] = namespace['make']
    orig, entry = _NOT_A_FUNCTION, None
    if op is not None:
        orig, entry = fn, fn.fn
    elif fn.__class__ is Subr:
        direct = (fn.fn0, fn.fn1, fn.fn2, fn.fn3)[n]
        if direct is not None:
            orig, entry = fn, direct
    node = factory(fsym, orig, entry, Subr, closure_cls, Cons,
                   qlambda, NIL, T, list_closure, call_symbol, SpecialValue, symbol_value,
                   *values)
    node.inline_op = op
    return node
