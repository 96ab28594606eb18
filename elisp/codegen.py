"""Fused code: a tree of compiled nodes generated as one Python function.

The compiler turns each form into a node, a Python closure `node(f)` over the
frame F.  Calling one closure per subform costs a Python call each time; for a
loop body or a function body that is most of the time spent.  So the nodes of
the common forms (progn, if, and, or, cond, while, setq, let over plain
lexical slots or special variables, catch, unwind-protect, condition-case,
calls, variable references and constants) also carry a description of
themselves in `ir`, and `fuse` turns a whole tree of such nodes into the source
of one Python function in which they are statements and local variables.
Nodes without a description (closures, save-excursion, ...) stay calls `nK(f)`
inside it.

A fused function does exactly what the tree of nodes does, in the same order:
the function cell is read before the arguments are evaluated, a void variable
is signalled even where its value is unused, and dynamic bindings are undone on
every exit.  The source of each tree shape is compiled once and cached; the
objects it refers to (symbols, constants, nested nodes) are passed in.
"""

import re

from .callgen import INLINE_OPS
from .codecache import compiled_apart
from .lisp import Cons, Subr, NIL, T, SpecialValue, UNBOUND
from .variables import symbol_value, set_value, specbind, unbind

# CPython refuses more than 20 nested loop/try blocks and 100 indentation
# levels in one function: deeper trees are fused as separate functions.
MAX_BLOCKS = 15
MAX_INDENT = 40

_makers = {}        # source -> compiled `make` function
paused = False      # while True (start-up), nothing is fused
HOT_CALLS = 16      # a function is fused at this call
HOT_TURNS = 64      # a loop running as a tree of nodes is fused after this many turns


class _Expr:
    """A leaf whose value is the Python expression TEXT (an argument)."""

    def __init__(self, text):
        self.text = text


def _is_leaf(node):
    """A frame slot or a constant: reading it has no effect and cannot fail."""
    return getattr(node, 'slot', None) is not None or hasattr(node, 'constant')


class _Opaque(Exception):
    """This subtree cannot be generated inline here (too deeply nested)."""


class _Gen:
    def __init__(self, slots_in_locals=False):
        # Frame slots live in Python locals v0, v1... when no node outside the
        # generated code can see the frame; else in the frame list f.
        self.slots_in_locals = slots_in_locals
        self.slot_exprs = set()
        self.slots_used = set()     # frame slots read or set (in locals mode)
        self.inline_prefix = None   # while generating an inlined function body
        self.inlining = []          # the LambdaInfos being inlined, outermost first
        self.ninlined = 0
        self.inline_budget = MAX_INLINE_TOTAL
        self.info = None            # the function whose entry is generated
        self.lines = []
        self.names = {}         # id(obj) -> parameter name
        self.values = []        # parameter values, in order
        self.ntemps = 0
        self.indent = 1
        self.blocks = 0

    # -- bookkeeping

    def ref(self, obj):
        """The parameter name under which the generated code sees OBJ."""
        name = self.names.get(id(obj))
        if name is None:
            name = 'p%d' % len(self.values)
            self.names[id(obj)] = name
            self.values.append(obj)
        return name

    def slot(self, slot, boxed=False):
        """The expression for frame slot SLOT (its content, when BOXED)."""
        if self.inline_prefix is not None:
            e = '%s%d' % (self.inline_prefix, slot)
        elif self.slots_in_locals:
            e = 'v%d' % slot
            self.slots_used.add(slot)
        else:
            e = 'f[%d]' % slot
        if boxed:
            e += '[0]'
        self.slot_exprs.add(e)
        return e

    def temp(self):
        self.ntemps += 1
        return 't%d' % self.ntemps

    def emit(self, line):
        self.lines.append('    ' * self.indent + line)

    def block(self, header, body, loop_or_try=False):
        """Emit HEADER and, indented under it, whatever BODY() emits."""
        self.emit(header)
        self.indent += 1
        if loop_or_try:
            self.blocks += 1
        if self.indent > MAX_INDENT or self.blocks > MAX_BLOCKS:
            raise _Opaque()
        n = len(self.lines)
        body()
        if len(self.lines) == n:
            self.emit('pass')
        self.indent -= 1
        if loop_or_try:
            self.blocks -= 1

    # -- generation

    def value(self, node):
        """Emit NODE's evaluation; return an expression for its value.  Only a
        frame slot read can change meaning later (a later setq of the slot)."""
        if node.__class__ is _Expr:
            return node.text
        slot = getattr(node, 'slot', None)
        if slot is not None:
            return self.slot(slot, getattr(node, 'boxed', False))
        if hasattr(node, 'constant'):
            c = node.constant
            if c is NIL:
                return 'NIL'
            if c is T:
                return 'T'
            return self.ref(c)
        t = self.temp()
        self.assign(node, t)
        return t

    def stable_value(self, node):
        expr = self.value(node)
        if expr in self.slot_exprs:
            t = self.temp()
            self.emit('%s = %s' % (t, expr))
            return t
        return expr

    def effect(self, node):
        """Emit NODE's evaluation for its side effects only."""
        self.assign(node, None)

    def assign(self, node, target):
        """Emit NODE's evaluation, storing its value in the local TARGET (or
        dropping it when TARGET is None)."""
        if _is_leaf(node) or node.__class__ is _Expr:
            if target is not None:
                self.emit('%s = %s' % (target, self.value(node)))
            return
        sym = getattr(node, 'global_sym', None)
        if sym is not None:
            # Read even for effect: a void variable is an error.
            s = self.ref(sym)
            t = target if target is not None else self.temp()
            self.emit('%s = %s.val' % (t, s))
            self.emit('if %s.__class__ is SpecialValue: %s = symbol_value(%s)' % (t, t, s))
            return
        ir = getattr(node, 'ir', None)
        if ir is None:
            assert not self.slots_in_locals
            self.emit('%s = %s(f)' % (target if target is not None else self.temp(),
                                     self.ref(node)))
            return
        mark = (len(self.lines), self.indent, self.blocks)
        try:
            _GENERATORS[ir[0]](self, ir, target)
        except _Opaque:
            # (Within an inlined body its locals are not in the frame: the
            # whole call is redone by the caller.)
            if mark[1] == 1 or self.slots_in_locals or self.inline_prefix is not None:
                raise
            # Too deep to nest here: this subtree becomes a function of its own.
            del self.lines[mark[0]:]
            self.indent, self.blocks = mark[1], mark[2]
            self.emit('%s = %s(f)' % (target if target is not None else self.temp(),
                                     self.ref(fuse(node))))

    body_into = assign


def _gen_progn(g, ir, target):
    nodes = ir[1]
    for n in nodes[:-1]:
        g.effect(n)
    g.body_into(nodes[-1], target)


def _gen_prog1(g, ir, target):
    _, first, rest = ir
    if target is None:
        g.effect(first)
    else:
        v = g.stable_value(first)
        g.effect(rest)
        g.emit('%s = %s' % (target, v))
        return
    g.effect(rest)


def _gen_if(g, ir, target):
    _, test, then, else_ = ir
    c = g.value(test)
    g.block('if %s is not NIL:' % c, lambda: g.body_into(then, target))
    g.block('else:', lambda: g.body_into(else_, target))


def _gen_and_or(g, ir, target):
    """`and' stops at the first nil value, `or' at the first non-nil one."""
    kind, nodes = ir
    if kind == 'and':
        if target is not None:
            g.emit('%s = NIL' % target)
    else:
        t = target if target is not None else g.temp()

    def step(i):
        if i == len(nodes) - 1:
            g.body_into(nodes[i], target)
        elif kind == 'and':
            g.block('if %s is not NIL:' % g.value(nodes[i]), lambda: step(i + 1))
        else:
            g.assign(nodes[i], t)
            g.block('if %s is NIL:' % t, lambda: step(i + 1))
    step(0)


def _gen_cond(g, ir, target):
    clauses = ir[1]
    t = target if target is not None else g.temp()

    def step(i):
        if i == len(clauses):
            if target is not None:
                g.emit('%s = NIL' % target)
            return
        test, body = clauses[i]
        g.assign(test, t)
        if body is not None:
            g.block('if %s is not NIL:' % t, lambda: g.body_into(body, target))
        else:
            g.block('if %s is not NIL:' % t, lambda: None)
        g.block('else:', lambda: step(i + 1))
    step(0)


def _gen_while(g, ir, target):
    _, test, body = ir

    def loop():
        c = g.value(test)
        g.emit('if %s is NIL: break' % c)
        g.effect(body)
    g.block('while True:', loop, loop_or_try=True)
    if target is not None:
        g.emit('%s = NIL' % target)


def _gen_setq_slot(g, ir, target):
    _, slot, boxed, val = ir
    place = g.slot(slot, boxed)
    g.emit('%s = %s' % (place, g.value(val)))
    if target is not None:
        g.emit('%s = %s' % (target, place))


def _gen_setq_global(g, ir, target):
    _, sym, val = ir
    s = g.ref(sym)
    v = g.stable_value(val)
    if sym.constant:        # fixed when the symbol is made: set_value signals
        g.emit('set_value(%s, %s)' % (s, v))
    else:
        g.emit('if %s.val.__class__ is SpecialValue: set_value(%s, %s)' % (s, s, v))
        g.emit('else: %s.val = %s' % (s, v))
    if target is not None:
        g.emit('%s = %s' % (target, v))


def _gen_let_slots(g, ir, target):
    """let (parallel) or let* (sequential) over unboxed lexical slots."""
    _, sequential, pairs, body = ir
    if sequential or len(pairs) == 1:
        for slot, init in pairs:
            v = 'NIL' if init is None else g.value(init)
            g.emit('%s = %s' % (g.slot(slot), v))
    else:
        vals = ['NIL' if init is None else g.stable_value(init) for _, init in pairs]
        for (slot, _), v in zip(pairs, vals):
            g.emit('%s = %s' % (g.slot(slot), v))
    g.body_into(body, target)


def _gen_let_dynamic(g, ir, target):
    """let over special variables: bound in order, unbound on every exit."""
    _, pairs, body = ir
    vals = ['NIL' if init is None else g.stable_value(init) for _, init in pairs]
    records = []
    for (sym, _), v in zip(pairs, vals):
        old, rec = g.temp(), g.temp()
        records.append((sym, g.ref(sym), old, rec, v))
    for _, _, _, rec, _ in records[1:]:
        g.emit('%s = UNSET' % rec)

    def bind(i):
        # REC is None when the plain value cell was set, else specbind's record.
        sym, s, old, rec, v = records[i]
        g.emit('%s = %s.val' % (old, s))
        if sym.constant:      # fixed when the symbol is made: specbind signals
            g.emit('%s = specbind(%s, %s)' % (rec, s, v))
            return
        g.emit('if %s.__class__ is SpecialValue and %s is not UNBOUND: %s = specbind(%s, %s)'
               % (old, old, rec, s, v))
        g.emit('else: %s = None; %s.val = %s' % (rec, s, v))

    bind(0)

    def protected():
        for i in range(1, len(records)):
            bind(i)
        g.body_into(body, target)

    def restore():
        for i in range(len(records) - 1, -1, -1):
            _, s, old, rec, _ = records[i]
            g.emit('if %s is None: %s.val = %s' % (rec, s, old))
            g.emit(('elif %s is not UNSET: unbind(%s)' if i else 'else: unbind(%s)')
                   % ((rec, rec) if i else (rec,)))
    g.block('try:', protected, loop_or_try=True)
    g.block('finally:', restore, loop_or_try=True)


def _gen_call(g, ir, target):
    _, fsym, args, op = ir
    F = g.ref(fsym)
    fn = g.temp()
    n = len(args)
    g.emit('%s = %s.function' % (fn, F))
    if not all(_is_leaf(a) for a in args):
        # void-function is signalled before the arguments are evaluated
        g.emit('if %s is None or %s is NIL: call_symbol(%s, ())' % (fn, fn, F))
    xs = []
    for i, a in enumerate(args):
        later_effects = not all(_is_leaf(b) for b in args[i + 1:])
        xs.append(g.stable_value(a) if later_effects else g.value(a))
    t = target if target is not None else g.temp()
    arglist = ', '.join(xs)
    tup = '(%s%s)' % (arglist, ',' if n == 1 else '')
    branches = []       # (condition, statement): an if/elif chain on the function
    if op is not None:
        cond, value = INLINE_OPS[op]
        scratch = g.temp()

        def subst(e):
            e = re.sub(r'\bR\b', scratch, e)
            for i, a in enumerate(args):
                if getattr(a, 'constant', None).__class__ is int:
                    # a fixnum constant needs no type test
                    e = e.replace('X%d.__class__ is int and ' % i, '')
                    e = e.replace(' and X%d.__class__ is int' % i, '')
            for i in range(n - 1, -1, -1):
                e = e.replace('X%d' % i, xs[i])
            return e
        orig = g.ref(fsym.function)
        if cond is None:
            branches.append(('%s is %s' % (fn, orig), '%s = %s' % (t, subst(value))))
        else:
            branches.append(('%s is %s and (%s)' % (fn, orig, subst(cond)),
                             '%s = %s' % (t, subst(value))))
            branches.append(('%s is %s' % (fn, orig),
                             '%s = %s(%s)' % (t, g.ref(fsym.function.fn), arglist)))
    current = fsym.function
    if op is None and n <= 3 and current.__class__ is Subr:
        entry = (current.fn0, current.fn1, current.fn2, current.fn3)[n]
        if entry is not None:
            # The primitive the cell holds now, called without looking it up.
            branches.append(('%s is %s' % (fn, g.ref(current)),
                             '%s = %s(%s)' % (t, g.ref(entry), arglist)))
    inline = _inline_candidate(g, fsym, n)
    if inline is not None:
        guard, info, tree = inline
        g.block('if %s is %s:' % (fn, g.ref(guard)), lambda: _gen_inlined(g, info, tree, xs, t))
    # A function cell holding a (lambda ...) list runs the Closure made from
    # it, remembered here: [the list, its Closure].
    cache = g.ref([None, None])
    list_branch = ('%s is %s[0]' % (fn, cache),
                   '%s = %s[1].info.entry(%s[1], %s)' % (t, cache, cache, tup))
    if fsym.function.__class__ is Cons:
        branches.append(list_branch)
    closure_branch = ('%s.__class__ is Closure' % fn,
                      '%s = %s.info.entry(%s, %s)' % (t, fn, fn, tup))
    subr_first = fsym.function.__class__ is Subr
    if not subr_first or op is not None:
        branches.append(closure_branch)
    if op is None:
        if n <= 3:
            sub = g.temp()
            branches.append(('%s.__class__ is Subr and (%s := %s.fn%d) is not None' % (fn, sub, fn, n),
                             '%s = %s(%s)' % (t, sub, arglist)))
        else:
            branches.append(('%s.__class__ is Subr and %s.min_args <= %d and (%s.max_args is None '
                             'or %s.max_args >= %d) and not %s.special' % (fn, fn, n, fn, fn, n, fn),
                             '%s = %s.fn(%s)' % (t, fn, arglist)))
        if subr_first:      # the cell holds a primitive now: test for one first
            branches.append(closure_branch)
    if fsym.function.__class__ is not Cons:
        branches.append(list_branch)
    for i, (cond, stmt) in enumerate(branches):
        g.emit('%s %s: %s' % ('if' if i == 0 and inline is None else 'elif', cond, stmt))
    g.emit('else: %s = call_other(%s, %s, %s, %s)' % (t, F, fn, tup, cache))


# Calls of small functions are generated inline, behind a check that the
# function cell still holds the same function: the body is generated in place,
# its parameters bound as the function's entry would (with the same Lisp depth
# accounting), saving the Python call.  Only functions already called once
# (compiled), only bodies generated entirely inline, never a function into
# itself, and within a budget of nodes per generated function.
MAX_INLINE_NODES = 40
MAX_INLINE_DEPTH = 3
MAX_INLINE_TOTAL = 150


def _inline_candidate(g, fsym, n):
    """(guard, LambdaInfo, body tree) to inline a call of FSYM with N arguments, or None."""
    if len(g.inlining) >= MAX_INLINE_DEPTH:
        return None
    from .compiler import Closure, LambdaInfo, Qlambda, _list_closures
    fn = fsym.function
    if fn.__class__ is Closure:
        closure = fn
    elif fn.__class__ is Cons and fn.car is Qlambda:
        entry = _list_closures.get(id(fn))
        if entry is None or entry[0] is not fn:
            return None
        closure = entry[1]
    else:
        return None
    info = closure.info
    if info.__class__ is not LambdaInfo or info.tree is None or info is g.info \
            or info in g.inlining or info.nreq != n or info.bad_arglist or closure.cells:
        return None
    if info.lexical:
        if not info.simple or info.capture_slots or info.self_slot is not None:
            return None
    elif not info.all_dynamic_required:
        return None
    _, transparent, count = _survey(info.tree)
    if not transparent or count > MAX_INLINE_NODES or count > g.inline_budget:
        return None
    g.inline_budget -= count
    return fn, info, info.tree


def _gen_inlined(g, info, tree, xs, target):
    depth = g.temp()
    g.emit('%s = state.lisp_eval_depth + %d' % (depth, info.cost))
    g.emit('if %s > max_depth.val: too_deep(%s)' % (depth, g.ref(info)))
    g.emit('state.lisp_eval_depth = %s' % depth)
    g.ninlined += 1
    outer_prefix = g.inline_prefix
    g.inline_prefix = 'i%d_' % g.ninlined
    g.inlining.append(info)
    try:
        if info.lexical:
            for slot, x in zip(info.param_slots, xs):
                g.emit('%s = %s' % (g.slot(slot), x))
            body = tree
        elif xs:
            body = _IRNode(('let_dynamic', [(p, _Expr(x)) for p, x in zip(info.required, xs)],
                            tree))
        else:
            body = tree
        g.assign(body, target)
    finally:
        g.inline_prefix = outer_prefix
        g.inlining.pop()
    g.emit('state.lisp_eval_depth = %s - %d' % (depth, info.cost))


def _gen_catch(g, ir, target):
    _, tag, body = ir
    tv = g.stable_value(tag)
    tags, depth, exc = g.temp(), g.temp(), g.temp()
    g.emit('%s = state.catch_tags' % tags)
    g.emit('%s.append(%s)' % (tags, tv))
    g.emit('%s = state.lisp_eval_depth' % depth)

    def caught():
        g.emit('if %s.tag is not %s: raise' % (exc, tv))
        g.emit('state.lisp_eval_depth = %s' % depth)
        if target is not None:
            g.emit('%s = %s.value' % (target, exc))
    g.block('try:', lambda: g.body_into(body, target), loop_or_try=True)
    g.block('except Throw as %s:' % exc, caught, loop_or_try=True)
    g.block('finally:', lambda: g.emit('%s.pop()' % tags), loop_or_try=True)


def _gen_unwind_protect(g, ir, target):
    _, bodyform, unwind = ir
    g.block('try:', lambda: g.body_into(bodyform, target), loop_or_try=True)
    g.block('finally:', lambda: g.effect(unwind), loop_or_try=True)


def _gen_condition_case(g, ir, target):
    _, var, binding, dynamic, bodyform, handlers, success = ir
    depth, ntags, exc, which, err = g.temp(), g.temp(), g.temp(), g.temp(), g.temp()
    value = g.temp() if success is not None else target
    g.emit('%s = state.lisp_eval_depth' % depth)
    g.emit('%s = len(state.catch_tags)' % ntags)

    def run(body, v):
        """BODY with the condition-case variable bound to V."""
        if binding is not None:
            g.emit('%s = %s' % (g.slot(binding.slot), '[%s]' % v if binding.boxed else v))
        elif dynamic:
            body = _IRNode(('let_dynamic', [(var, _Expr(v))], body))
        g.body_into(body, target)

    def on_error():
        g.emit('%s, %s = handler_for(%s, %s, %s, %s)'
               % (which, err, exc, g.ref([spec for spec, _ in handlers]), depth, ntags))
        for i, (_, body) in enumerate(handlers):
            g.block('%s %s == %d:' % ('if' if i == 0 else 'elif', which, i),
                    lambda body=body: run(body, err))
    g.block('try:', lambda: g.body_into(bodyform, value), loop_or_try=True)
    g.block('except CONDITION_CASE_CATCHES as %s:' % exc, on_error, loop_or_try=True)
    if success is not None:
        g.block('else:', lambda: run(success, value), loop_or_try=True)


_GENERATORS = {
    'progn': _gen_progn, 'prog1': _gen_prog1, 'if': _gen_if, 'and': _gen_and_or, 'or': _gen_and_or,
    'cond': _gen_cond, 'while': _gen_while, 'setq_slot': _gen_setq_slot,
    'setq_global': _gen_setq_global,
    'let_slots': _gen_let_slots, 'let_dynamic': _gen_let_dynamic, 'call': _gen_call,
    'catch': _gen_catch, 'unwind_protect': _gen_unwind_protect,
    'condition_case': _gen_condition_case,
}

_UNSET = object()
_support = None


def _support_names():
    global _support
    if _support is None:
        from .compiler import (Closure, call_other, call_symbol, _too_deep, Vmax_lisp_eval_depth,
                               handler_for, CONDITION_CASE_CATCHES)
        from .errors import wrong_number_of_arguments, Throw
        from .variables import state
        _support = {'state': state, 'max_depth': Vmax_lisp_eval_depth, 'too_deep': _too_deep,
                    'wrong_number_of_arguments': wrong_number_of_arguments,
                    'NIL': NIL, 'T': T, 'Cons': Cons, 'Subr': Subr, 'Closure': Closure,
                    'SpecialValue': SpecialValue, 'UNBOUND': UNBOUND, 'UNSET': _UNSET,
                    'symbol_value': symbol_value, 'set_value': set_value,
                    'specbind': specbind, 'unbind': unbind, 'call_other': call_other,
                    'handler_for': handler_for, 'CONDITION_CASE_CATCHES': CONDITION_CASE_CATCHES,
                    'Throw': Throw,
                    'call_symbol': call_symbol}
    return _support


def fusible(node):
    """Whether NODE is a tree worth generating as one function."""
    ir = getattr(node, 'ir', None)
    return ir is not None and ir[0] in _GENERATORS


def _children(ir):
    """The nodes directly under the node described by IR."""
    kind = ir[0]
    if kind in ('progn', 'and', 'or'):
        return ir[1]
    if kind == 'call':
        return ir[2]
    if kind in ('prog1', 'if', 'while'):
        return ir[1:]
    if kind == 'cond':
        return [n for clause in ir[1] for n in clause if n is not None]
    if kind == 'setq_slot':
        return [ir[3]]
    if kind == 'setq_global':
        return [ir[2]]
    if kind == 'let_slots':
        return [init for _, init in ir[2] if init is not None] + [ir[3]]
    if kind == 'let_dynamic':
        return [init for _, init in ir[1] if init is not None] + [ir[2]]
    if kind in ('catch', 'unwind_protect'):
        return ir[1:]
    if kind == 'condition_case':
        return [ir[4]] + [body for _, body in ir[5]] + ([ir[6]] if ir[6] is not None else [])
    raise ValueError(kind)


def _survey(node):
    """(has a loop, every node is generated inline, number of nodes) for the
    tree under NODE."""
    loop, transparent, count = False, True, 0
    stack = [node]
    while stack:
        n = stack.pop()
        count += 1
        ir = getattr(n, 'ir', None)
        if ir is None:
            if not (_is_leaf(n) or getattr(n, 'global_sym', None) is not None
                    or n.__class__ is _Expr):
                transparent = False
            continue
        if ir[0] == 'while':
            loop = True
        stack.extend(_children(ir))
    return loop, transparent, count


def fuse_entry(info, tree):
    """A Closure entry for INFO (a function with only required parameters, all
    lexical and unboxed or all special) that runs its body TREE inline."""
    if info.lexical:
        body = tree
    else:
        body = _IRNode(('let_dynamic', [(p, _Expr('args[%d]' % i)) for i, p in enumerate(info.required)],
                        tree)) if info.nreq else tree
    for slots_in_locals in ((True, False) if _survey(tree)[1] else (False,)):
        g = _Gen(slots_in_locals)
        g.info = info
        try:
            _entry_prologue(g, info)
            g.assign(body, 'r')
        except _Opaque:
            continue
        g.emit('state.lisp_eval_depth = depth - %d' % info.cost)
        return _build(g, 'entry', '(self, args)')
    return None


def _entry_prologue(g, info):
    """What Closure._call_simple or _call_dynamic does before running the body."""
    n = info.nreq
    g.emit('if len(args) != %d: wrong_number_of_arguments(self.arity_data(), len(args))' % n)
    g.emit('depth = state.lisp_eval_depth + %d' % info.cost)
    g.emit('if depth > max_depth.val: too_deep(%s)' % g.ref(info))
    g.emit('state.lisp_eval_depth = depth')
    if not info.lexical:
        if not g.slots_in_locals:
            g.emit('f = None')
        return
    if g.slots_in_locals:
        if n:
            g.emit('%s, = args' % ', '.join(g.slot(s) for s in info.param_slots))
        for i, (_, slot) in enumerate(info.capture_slots):
            g.emit('%s = self.cells[%d][1]' % (g.slot(slot), i))
        if info.self_slot is not None:
            g.emit('%s = self' % g.slot(info.self_slot))
    else:
        g.emit('f = [*args%s]' % (', *' + g.ref(info.pad) if info.pad else ''))
        if info.capture_slots:
            g.emit('for slot, cell in self.cells: f[slot] = cell')
        if info.self_slot is not None:
            g.emit('f[%d] = self' % info.self_slot)


class _IRNode:
    def __init__(self, ir):
        self.ir = ir


def fuse(node):
    """One Python function doing what the tree of nodes under NODE does."""
    if paused or not fusible(node):
        return node
    g = _Gen()
    try:
        g.assign(node, 'r')
    except _Opaque:
        return node
    return _build(g, 'fused', '(f)')


def fuse_running(loop):
    """The rest of a `while' LOOP already running in the tree of nodes, as one
    function of the frame (None if it cannot be generated).  When no node
    outside the generated code can see the frame, the slots the loop uses are
    moved into locals for the loop and back into the frame after it."""
    if paused:
        return None
    if _survey(loop)[1]:
        g = _Gen(True)
        g.indent, g.blocks = 2, 1           # inside the try below
        try:
            g.assign(loop, 'r')
        except _Opaque:
            g = None
        if g is not None:
            body, g.lines, g.indent = g.lines, [], 1
            slots = sorted(g.slots_used)
            for slot in slots:
                g.emit('v%d = f[%d]' % (slot, slot))
            g.emit('try:')
            g.lines += body
            g.emit('finally:')
            g.indent = 2
            for slot in slots:
                g.emit('f[%d] = v%d' % (slot, slot))
            if not slots:
                g.emit('pass')
            g.indent = 1
            return _build(g, 'fused', '(f)')
    fused = fuse(loop)
    return None if fused is loop else fused


def _build(g, name, signature):
    params = ', '.join('p%d' % i for i in range(len(g.values)))
    src = 'def make(%s):\n    def %s%s:\n%s\n        return r\n    return %s\n' % (
        params, name, signature, '\n'.join('    ' + line for line in g.lines), name)
    make = _makers.get(src)
    if make is None:
        namespace = dict(_support_names())
        exec(compiled_apart(src, '<fused>'), namespace)
        make = _makers[src] = namespace['make']
    return make(*g.values)
