"""The evaluator: each form is macroexpanded once, then compiled into a tree of
Python closures `node(frame)` that are run as often as needed (Emacs's eval.c).

Lexical variables are resolved at compile time to slots of the frame, a Python
list made per function call.  A variable captured by an inner lambda lives in
a one-element list (a cell) so that closures share the binding and each
binding instance (each loop iteration's `let`) gets a cell of its own.
Special (dynamically bound) variables are bound by swapping the symbol's value
cell and restoring it on exit.
"""

import sys

from .lisp import (Cons, Symbol, Subr, NIL, T, UNBOUND, SpecialValue, Vector, intern,
                   make_list, list_, list_to_python)
from .errors import (LispSignal, Throw, Q, signal, error, wrong_type, void_function,
                     invalid_function, wrong_number_of_arguments, setting_constant,
                     handler_matches, get as get_prop, conditions_of)
from . import variables
from .callgen import make_call_node
from . import codegen
from .codegen import fuse, fuse_entry, fuse_running, fusible
from .variables import (state, symbol_value, set_value, set_default, specbind, unbind,
                        default_value)

Qlambda = intern('lambda')
Qclosure = intern('closure')
Qmacro = intern('macro')
Qquote = intern('quote')
Qfunction = intern('function')
Qinteractive = intern('interactive')
Qautoload = intern('autoload')
Qerror = intern('error')
Qdebug = intern('debug')
Qand_optional = intern('&optional')
Qand_rest = intern('&rest')
Qsuccess = intern(':success')
Qdeclare = intern('declare')
Qprogn = intern('progn')
Qlet = intern('let')
Qletstar = intern('let*')
Qcond = intern('cond')
Vmax_lisp_eval_depth = intern('max-lisp-eval-depth')
Vmax_lisp_eval_depth.val = 1600
Vmax_lisp_eval_depth.special = True
Vlexical_binding = intern('lexical-binding')
Vlexical_binding.val = NIL
Vlexical_binding.special = True
Vinternal_interpreter_environment = intern('internal-interpreter-environment')
Vmacroexpand_all_environment = intern('macroexpand-all-environment')
Vmacroexpand_all_environment.val = NIL
Vmacroexpand_all_environment.special = True

SPECIAL_FORMS = {}         # Symbol -> compile function(args, scope) -> node
EXPANDERS = {}             # Symbol -> expand function for macroexpand-all


def special_form(name, expand=None):
    """Register the compiler for special form NAME (and its Subr marker)."""
    def register(fn):
        sym = intern(name)
        SPECIAL_FORMS[sym] = fn
        sym.function = Subr(name, _special_form_called, _SF_MIN_ARGS.get(name, 0), None,
                            fn.__doc__, special=True)
        return fn
    return register


_SF_MIN_ARGS = {'quote': 1, 'function': 1, 'if': 2, 'prog1': 1, 'let': 1,
                'let*': 1, 'while': 1, 'defvar': 1, 'defconst': 2, 'catch': 1,
                'unwind-protect': 1, 'condition-case': 2}


def _special_form_called(*args):
    error('Special forms cannot be called')


# ---------------------------------------------------------------- scopes

class Binding:
    __slots__ = ('sym', 'slot', 'boxed')

    def __init__(self, sym, slot, boxed):
        self.sym = sym
        self.slot = slot
        self.boxed = boxed


class Scope:
    """The compile-time view of one function body's frame."""

    def __init__(self, parent, lexical):
        self.parent = parent
        self.lexical = lexical
        self.visible = {}          # Symbol -> [Binding, ...] innermost last
        self.nslots = 0
        self.captures = []         # outer Bindings whose cells fill our first slots
        self.captured = {}         # outer Binding -> our Binding for it
        self.local_specials = set()
        self.order = []            # visible Bindings and local specials, in binding order
        self.function = False      # a lambda body (else a top-level form)
        self.self_slot = None      # slot holding the running Closure, if needed

    def new_slot(self):
        s = self.nslots
        self.nslots += 1
        return s

    def push(self, sym, boxed):
        b = Binding(sym, self.new_slot(), boxed)
        self.visible.setdefault(sym, []).append(b)
        self.order.append(b)
        return b

    def pop(self, binding):
        self.visible[binding.sym].pop()
        order = self.order
        for i in range(len(order) - 1, -1, -1):
            if order[i] is binding:
                del order[i]
                break

    def env_site(self):
        """What a closure made here needs to show its lexical environment."""
        entries = []
        boxed_slots = []
        for b in reversed(self.order):
            if b.__class__ is Symbol:
                entries.append((0, b, None))
            elif b.boxed:
                entries.append((2, b.sym, len(boxed_slots)))
                boxed_slots.append(b.slot)
            else:
                entries.append((1, b.sym, b.slot))
        if self.function:
            if self.self_slot is None:
                self.self_slot = self.new_slot()
            return (entries, tuple(boxed_slots), self.self_slot)
        return (entries, tuple(boxed_slots), None)

    def is_special(self, sym):
        if sym.special or sym in self.local_specials:
            return True
        p = self.parent
        while p is not None:
            if sym in p.local_specials:
                return True
            p = p.parent
        return False

    def lookup(self, sym):
        """The lexical Binding SYM refers to here, or None if it is dynamic/global."""
        stack = self.visible.get(sym)
        if stack:
            return stack[-1]
        if self.parent is None:
            return None
        outer = self.parent.lookup(sym)
        if outer is None:
            return None
        mine = self.captured.get(outer)
        if mine is None:
            mine = Binding(sym, self.new_slot(), True)
            self.captures.append((outer, mine))
            self.captured[outer] = mine
        return mine

    def has_lexicals(self):
        s = self
        while s is not None:
            if any(s.visible.values()) or s.captures:
                return True
            s = s.parent
        return False


def mentioned_in_closures(body, syms):
    """Those of SYMS that occur inside a (function (lambda ...)) within BODY."""
    found = set()
    stack = [body]
    seen = set()
    while stack:
        x = stack.pop()
        if x.__class__ is not Cons or id(x) in seen:
            continue
        seen.add(id(x))
        if x.car is Qfunction and x.cdr.__class__ is Cons and x.cdr.car.__class__ is Cons \
                and x.cdr.car.car is Qlambda:
            _symbols_in(x.cdr.car, syms, found)
            if len(found) == len(syms):
                return found
            continue
        if x.car is Qquote:
            continue
        while x.__class__ is Cons:
            stack.append(x.car)
            x = x.cdr
    return found


def _symbols_in(form, syms, found):
    stack = [form]
    seen = set()
    while stack:
        x = stack.pop()
        cls = x.__class__
        if cls is Symbol:
            if x in syms:
                found.add(x)
        elif cls is Cons:
            if id(x) in seen:
                continue
            seen.add(id(x))
            while x.__class__ is Cons:
                stack.append(x.car)
                x = x.cdr
            stack.append(x)
        elif cls is Vector:
            stack.extend(x)


# ---------------------------------------------------------------- macroexpansion

def macro_function(fsym, env=NIL):
    """If FSYM names a macro (following aliases), return its expander, else None."""
    if env is not NIL:
        entry = _assq(fsym, env)
        if entry is not None:
            return entry.cdr if entry.cdr is not NIL else None
    fn = fsym.function
    depth = 0
    while fn.__class__ is Symbol and fn is not NIL:
        fn = fn.function
        depth += 1
        if depth > 100:
            return None
    if fn.__class__ is Cons:
        if fn.car is Qmacro:
            return fn.cdr
        if fn.car is Qautoload:
            rest = list_to_python(fn.cdr)
            kind = rest[3] if len(rest) > 3 else NIL
            if kind is Qmacro or kind is T:
                from .prims.lread import autoload_do_load
                autoload_do_load(fn, fsym)
                return macro_function(fsym, env)
    return None


def _assq(key, alist):
    while alist.__class__ is Cons:
        e = alist.car
        if e.__class__ is Cons and e.car is key:
            return e
        alist = alist.cdr
    return None


def macroexpand_1(form, env=NIL):
    if form.__class__ is not Cons or form.car.__class__ is not Symbol:
        return form
    expander = macro_function(form.car, env)
    if expander is None:
        return form
    return apply_function(expander, list_to_python(form.cdr))


def macroexpand(form, env=NIL):
    while True:
        new = macroexpand_1(form, env)
        if new is form:
            return form
        form = new


_defer_macro_errors = [False]
Qsignal = intern('signal')


def expand_all(form, env=NIL):
    """Expand every macro call in FORM (what `macroexpand-all` does)."""
    while True:
        if form.__class__ is not Cons:
            return form
        head = form.car
        if head.__class__ is Symbol:
            exp = EXPANDERS.get(head)
            if exp is not None and (env is NIL or _assq(head, env) is None):
                return exp(form, env)
            expander = macro_function(head, env)
            if expander is not None:
                if _defer_macro_errors[0]:
                    try:
                        new = apply_function(expander, list_to_python(form.cdr))
                    except LispSignal as e:
                        # Emacs's eval expands when it reaches the form: signal then.
                        return list_(Qsignal, list_(Qquote, e.symbol), list_(Qquote, e.data))
                else:
                    new = apply_function(expander, list_to_python(form.cdr))
                if new is form:
                    return exp(form, env) if exp is not None else form
                form = new
                continue
            return Cons(head, _expand_list(form.cdr, env))
        if head.__class__ is Cons and head.car is Qlambda:
            let_form = _unfold_lambda(head, form.cdr)
            if let_form is not None:
                form = let_form
                continue
            return Cons(_expand_lambda(head, env), _expand_list(form.cdr, env))
        return Cons(head, _expand_list(form.cdr, env))


def _unfold_lambda(lam, args):
    """((lambda ARGS . BODY) . VALUES) as the `let' macroexpand-all makes of it, or None."""
    if lam.cdr.__class__ is not Cons:
        return None
    arglist = lam.cdr.car
    body = lam.cdr.cdr
    if body.__class__ is Cons and isinstance(body.car, str) and body.cdr is not NIL:
        body = body.cdr
    if body.__class__ is Cons and body.car.__class__ is Cons and body.car.car is Qinteractive:
        body = body.cdr
    values = list_to_python(args)
    bindings = []
    optional = rest = False
    a = arglist
    while a.__class__ is Cons:
        v = a.car
        if v is Qand_optional:
            if rest or a.cdr is NIL:
                return None
            optional = True
        elif v is Qand_rest:
            if a.cdr is NIL or a.cdr.cdr is not NIL:
                return None
            rest = True
        elif v.__class__ is not Symbol:
            return None
        elif rest:
            bindings.append(list_(v, Cons(intern('list'), make_list(values)) if values else NIL))
            values = []
        elif not optional and not values:
            return None
        else:
            bindings.append(list_(v, values.pop(0) if values else NIL))
        a = a.cdr
    if values or a is not NIL:
        return None
    if bindings:
        return Cons(intern('let'), Cons(make_list(bindings), body))
    if body.__class__ is Cons and body.cdr is NIL:
        return body.car
    return Cons(intern('progn'), body)


def _expand_list(lst, env):
    items = []
    while lst.__class__ is Cons:
        items.append(expand_all(lst.car, env))
        lst = lst.cdr
    return make_list(items, lst)


def _expand_lambda(lam, env):
    # (lambda ARGS [DOC] [(interactive ...)] . BODY)
    rest = lam.cdr
    if rest.__class__ is not Cons:
        return lam
    return Cons(lam.car, Cons(rest.car, _expand_list(rest.cdr, env)))


def _expander(name):
    def register(fn):
        EXPANDERS[intern(name)] = fn
        return fn
    return register


@_expander('quote')
def _exp_quote(form, env):
    return form


@_expander('function')
def _exp_function(form, env):
    arg = form.cdr.car if form.cdr.__class__ is Cons else NIL
    if arg.__class__ is Cons and arg.car is Qlambda:
        new = _expand_lambda(arg, env)
        if _source_lambdas is not None:
            _source_lambdas[id(new)] = (new, arg)
        return list_(Qfunction, new)
    return form


@_expander('funcall')
def _exp_funcall(form, env):
    """(funcall #'F ARGS...) becomes (F ARGS...), as macroexp--expand-all does (not eval)."""
    args = _expand_list(form.cdr, env)
    fn = args.car if args.__class__ is Cons else NIL
    if (_source_lambdas is None and fn.__class__ is Cons and fn.car is Qfunction
            and fn.cdr.__class__ is Cons and fn.cdr.cdr is NIL
            and fn.cdr.car.__class__ is Symbol and fn.cdr.car is not NIL):
        f = fn.cdr.car
        if SPECIAL_FORMS.get(f) is None and macro_function(f, env) is None:
            return expand_all(Cons(f, args.cdr), env)
    return Cons(form.car, args)


# While `eval' compiles a form: expanded lambda -> the lambda as written, which
# is what its closures show (Emacs's eval expands lambda bodies only when called).
_source_lambdas = None

# [dict or None]: set by the printer while it prints, so that closures and their
# environment entries keep their identity (for #N and print-circle).
print_cache = [None]


@_expander('let')
def _exp_let(form, env):
    return _exp_let_like(form, env)


@_expander('let*')
def _exp_letstar(form, env):
    return _exp_let_like(form, env)


def _exp_let_like(form, env):
    if form.cdr.__class__ is not Cons:
        return form
    bindings = []
    b = form.cdr.car
    while b.__class__ is Cons:
        spec = b.car
        if spec.__class__ is Cons:
            bindings.append(Cons(spec.car, _expand_list(spec.cdr, env)))
        else:
            bindings.append(spec)
        b = b.cdr
    return Cons(form.car, Cons(make_list(bindings, b), _expand_list(form.cdr.cdr, env)))


@_expander('cond')
def _exp_cond(form, env):
    clauses = []
    c = form.cdr
    while c.__class__ is Cons:
        clause = c.car
        clauses.append(_expand_list(clause, env) if clause.__class__ is Cons else clause)
        c = c.cdr
    return Cons(form.car, make_list(clauses, c))


@_expander('condition-case')
def _exp_condition_case(form, env):
    args = form.cdr
    if args.__class__ is not Cons or args.cdr.__class__ is not Cons:
        return form
    var = args.car
    body = expand_all(args.cdr.car, env)
    handlers = []
    h = args.cdr.cdr
    while h.__class__ is Cons:
        handler = h.car
        if handler.__class__ is Cons:
            handlers.append(Cons(handler.car, _expand_list(handler.cdr, env)))
        else:
            handlers.append(handler)
        h = h.cdr
    return Cons(form.car, Cons(var, Cons(body, make_list(handlers, h))))


# ---------------------------------------------------------------- compiling

_form_depth = [0]


def compile_form(form, scope):
    """Compile an already macroexpanded FORM into a node."""
    cls = form.__class__
    if cls is Symbol:
        return compile_variable(form, scope)
    if cls is Cons:
        # Emacs evaluates nested forms recursively: too deep a nesting is
        # runaway recursion there, so it is here too (when the form runs).
        depth = _form_depth[0] + 1
        if depth > Vmax_lisp_eval_depth.val:
            return _raising(Qerror, list_('Lisp nesting exceeds \u2018max-lisp-eval-depth\u2019'))
        _form_depth[0] = depth
        try:
            return _compile_cons(form, scope)
        finally:
            _form_depth[0] = depth - 1
    return _compile_atom(form, cls)


def _compile_atom(form, cls):
    if cls is Closure and form.info.lexical:
        # In Emacs this is the list (closure ...): a call of `closure'.
        def call_closure_symbol(f):
            void_function(Qclosure)
        return call_closure_symbol
    return _constant(form)


def _compile_cons(form, scope):
    head = form.car
    if head.__class__ is Symbol:
        sf = SPECIAL_FORMS.get(head)
        if sf is not None:
            fn = head.function
            if fn.__class__ is Subr and fn.special:
                saved = len(scope.order)
                try:
                    tail = form.cdr
                    while tail.__class__ is Cons:
                        tail = tail.cdr
                    if tail is not NIL:
                        wrong_type('listp', tail)
                    return sf(form.cdr, scope)
                except LispSignal as e:
                    # Emacs finds malformed special forms only when it runs them.
                    _unwind_scope(scope, saved)
                    return _raising(e.symbol, e.data)
        expander = macro_function(head)
        if expander is not None:
            return compile_form(expand_all(form), scope)
        try:
            node = compile_call(head, form.cdr, scope)
        except LispSignal as e:
            return _raising(e.symbol, e.data)
        if head.function is None:
            return _late_macro_guard(head, form, scope, node)
        return node
    if head.__class__ is Cons and head.car is Qlambda:
        fnode = compile_lambda(head, scope)
        args = [compile_form(a, scope) for a in _args_list(form.cdr)]

        def call_lambda(f):
            return fnode(f).call(tuple(a(f) for a in args))
        return call_lambda
    if head.__class__ is Cons and head.car is Qclosure:
        args = [compile_form(a, scope) for a in _args_list(form.cdr)]

        def call_closure_form(f):
            return funcall(head, *[a(f) for a in args])
        return call_closure_form
    bad = head

    def invalid(f):
        invalid_function(bad)
    return invalid


def _late_macro_guard(fsym, form, scope, node):
    """A call of a function undefined at compile time: if it has become a macro
    (or an autoloaded one) when the call runs, defined by an earlier part of
    the same form, expand it then, as Emacs's eval does.  The expansion runs
    as a closure over the variables visible here (assignments to unshared ones
    do not propagate)."""
    snap = Scope(None, scope.lexical)
    for sym, stack in scope.visible.items():
        if stack:
            snap.visible[sym] = [stack[-1]]
    for outer, mine in scope.captures:
        if not snap.visible.get(mine.sym):
            snap.visible[mine.sym] = [mine]
    maker = []

    def guarded(f):
        fn = fsym.function
        if fn.__class__ is Cons and fn.car is Qautoload and macro_function(fsym) is not None:
            fn = fsym.function          # an autoloaded macro, loaded now
        if fn.__class__ is Cons and fn.car is Qmacro:
            if not maker:
                maker.append(compile_lambda(list_(Qlambda, NIL, form), snap))
            return maker[0](f).call(())
        return node(f)
    return guarded


def _raising(symbol, data):
    def signal_later(f):
        raise LispSignal(symbol, data)
    return signal_later


def _unwind_scope(scope, saved):
    for b in scope.order[saved:]:
        if b.__class__ is Binding:
            stack = scope.visible.get(b.sym)
            if stack and b in stack:
                stack.remove(b)
    del scope.order[saved:]


def _args_list(lst):
    out = []
    while lst.__class__ is Cons:
        out.append(lst.car)
        lst = lst.cdr
    if lst is not NIL:
        wrong_type('listp', lst)
    return out


def _constant(value):
    def const(f):
        return value
    const.constant = value         # lets generated call nodes inline it
    return const


def compile_variable(sym, scope):
    if sym is NIL or sym is T or (sym.name.startswith(':') and sym.interned and sym.constant):
        return _constant(sym.val if sym.val is not UNBOUND else sym)
    if scope.lexical:
        # Like Emacs, a lexical binding in scope wins even for a special variable
        # (closure parameters are always lexical).
        b = scope.lookup(sym)
        if b is not None:
            slot = b.slot
            if b.boxed:
                def boxed_ref(f):
                    return f[slot][0]
                boxed_ref.slot = slot      # lets generated call nodes inline it
                boxed_ref.boxed = True
                return boxed_ref

            def slot_ref(f):
                return f[slot]
            slot_ref.slot = slot
            return slot_ref

    def global_ref(f):
        v = sym.val
        if v.__class__ is SpecialValue:
            return symbol_value(sym)
        return v
    global_ref.global_sym = sym    # lets generated call nodes inline it
    return global_ref


def compile_body(forms, scope):
    """Compile a list of forms evaluated in sequence (progn; a dotted tail is ignored)."""
    nodes = []
    while forms.__class__ is Cons:
        nodes.append(compile_form(forms.car, scope))
        forms = forms.cdr
    if not nodes:
        return _constant(NIL)
    if len(nodes) == 1:
        return nodes[0]
    if len(nodes) == 2:
        a, b = nodes

        def progn2(f):
            a(f)
            return b(f)
        progn2.ir = ('progn', nodes)
        return progn2
    if len(nodes) == 3:
        a, b, c = nodes

        def progn3(f):
            a(f)
            b(f)
            return c(f)
        progn3.ir = ('progn', nodes)
        return progn3
    init, last = nodes[:-1], nodes[-1]

    def progn(f):
        for n in init:
            n(f)
        return last(f)
    progn.ir = ('progn', nodes)
    return progn


def compile_call(fsym, args, scope):
    # The function cell is read before the arguments are evaluated, as Emacs does.
    argnodes = [compile_form(a, scope) for a in _args_list(args)]
    n = len(argnodes)
    if n <= 3:
        node = make_call_node(fsym, argnodes, Closure, Qlambda, _list_closure, call_symbol)
        node.ir = ('call', fsym, argnodes, node.inline_op)
        return node

    def calln(f):
        fn = fsym.function
        if fn is None or fn is NIL:
            return call_symbol(fsym, ())    # void-function, before the arguments
        vals = [a(f) for a in argnodes]
        if fn.__class__ is Subr and fn.min_args <= n and (fn.max_args is None or fn.max_args >= n) \
                and not fn.special:
            return fn.fn(*vals)
        if fn.__class__ is Closure:
            return fn.call(tuple(vals))
        return call_symbol(fsym, tuple(vals))
    calln.ir = ('call', fsym, argnodes, None)
    return calln


def call_other(fsym, fn, args, cache):
    """A call from fused code (codegen.py) of FN, read from FSYM, when FN is no
    Closure; CACHE remembers the Closure made for a (lambda ...) list."""
    if fn.__class__ is Cons and fn.car is Qlambda:
        c = _list_closure(fn)
        cache[0] = fn
        cache[1] = c
        return c.info.entry(c, args)
    return call_symbol(fsym, args)


def call_symbol(fsym, args):
    fn = fsym.function
    if fn is None or fn is NIL:
        void_function(fsym)
    if fn.__class__ is Subr and not fn.special:
        n = len(args)
        if n < fn.min_args or (fn.max_args is not None and n > fn.max_args):
            wrong_number_of_arguments(fsym, n)     # a direct call names the symbol
    return apply_function(fn, args, fsym)


# ---------------------------------------------------------------- functions

class LambdaInfo:
    """What a (lambda ARGS . BODY) form compiles to; shared by all its closures."""
    __slots__ = ('form', 'required', 'optional', 'rest', 'body_forms', 'doc', 'interactive',
                 'lexical', 'scope_parent', 'nslots', 'param_slots', 'param_boxed',
                 'capture_slots', 'code', 'nreq', 'nmax', 'dynamic_params', 'simple',
                 'fresh_scope', 'pad', 'all_dynamic_required', 'entry', 'param_list',
                 'self_slot', 'bad_arglist', 'cost', 'post_rest',
                 'nfixed', 'pad_lexical', 'tree')

    def __init__(self, form, lexical, scope_parent):
        self.form = form
        self.lexical = lexical
        self.scope_parent = scope_parent
        self.code = None
        self.tree = None
        self.cost = 1
        self.entry = Closure._first_call
        rest = form.cdr
        if rest.__class__ is not Cons:
            invalid_function(form)
        arglist = rest.car
        required, optional, restvar = [], [], None
        mode = 0
        a = arglist
        # Emacs only notices a malformed list when the function is called.
        bad = False
        post_rest = []
        while a.__class__ is Cons:
            s = a.car
            if s is Qand_optional:
                if mode:
                    bad = True
                mode = 1
            elif s is Qand_rest:
                if mode == 2:
                    bad = True
                mode = 2
            elif s.__class__ is not Symbol:
                bad = True
                break
            elif mode == 0:
                required.append(s)
            elif mode == 1:
                optional.append(s)
            elif restvar is None:
                restvar = s
            else:
                post_rest.append(s)      # Emacs binds these to nil
            a = a.cdr
        if (mode == 2 and restvar is None) or a is not NIL:
            bad = True
        self.bad_arglist = bad
        self.post_rest = post_rest
        if bad:
            self.entry = Closure._call_invalid
        self.required = required
        self.optional = optional
        self.rest = restvar
        self.nreq = len(required)
        self.nmax = None if restvar is not None else len(required) + len(optional)
        body = rest.cdr
        self.doc = None
        if body.__class__ is Cons and isinstance(body.car, str) and body.cdr is not NIL:
            self.doc = body.car
            body = body.cdr
        self.interactive = None
        if body.__class__ is Cons and body.car.__class__ is Cons and body.car.car is Qinteractive:
            self.interactive = body.car
            body = body.cdr
        while body.__class__ is Cons and body.car.__class__ is Cons and body.car.car is Qdeclare:
            body = body.cdr
        self.body_forms = body

    def params(self):
        out = list(self.required) + list(self.optional)
        if self.rest is not None:
            out.append(self.rest)
            out.extend(self.post_rest)
        return out

    def compile(self):
        """Compile the body (once); fills the frame layout."""
        scope = Scope(self.scope_parent, self.lexical)
        scope.function = True
        params = self.params()
        body = self.body_forms
        if self.lexical:
            lexical_params = params
            captured = mentioned_in_closures(body, set(lexical_params)) if lexical_params else ()
        # Captured cells come first in the frame; their number is known only after
        # compiling the body, so parameters get slots first and are moved after.
        self.param_slots = []
        self.param_boxed = []
        self.dynamic_params = []
        bindings = []
        for p in params:
            if self.lexical:   # Emacs 28 binds closure parameters lexically, even specials
                b = scope.push(p, p in captured)
                bindings.append(b)
                self.param_slots.append(b.slot)
                self.param_boxed.append(b.boxed)
            else:
                self.param_slots.append(None)
                self.param_boxed.append(False)
                self.dynamic_params.append(p)
        code = compile_body(body, scope)
        self.capture_slots = [(outer, mine.slot) for outer, mine in scope.captures]
        self.nslots = scope.nslots
        self.simple = (not self.dynamic_params and not any(self.param_boxed)
                       and not self.optional and self.rest is None)
        self.pad = (None,) * (self.nslots - self.nreq)
        self.all_dynamic_required = (not self.lexical and not self.optional
                                     and self.rest is None and not self.capture_slots
                                     and self.nslots == 0)
        self.param_list = params
        self.self_slot = scope.self_slot
        self.cost = _call_cost(body)
        self.code = _warming(self, code) if fusible(code) else code
        self.tree = code
        self.nfixed = self.nreq + len(self.optional)
        self.pad_lexical = (None,) * (self.nslots - len(params))
        if self.bad_arglist:
            self.entry = Closure._call_invalid
        elif self.all_dynamic_required:
            self.entry = Closure._call_dynamic
        elif self.simple:
            self.entry = Closure._call_simple
        elif (self.lexical and not self.dynamic_params and not any(self.param_boxed)
              and not self.post_rest):
            self.entry = Closure._call_lexical
        elif self.all_dynamic_required:
            self.entry = Closure._call_dynamic
        else:
            self.entry = Closure._call_general
        return code


def _warming(info, tree):
    """INFO's code while the function is new: it runs the tree of nodes TREE,
    and once the function has been called codegen.HOT_CALLS times, fuses it
    (with its entry too where that is simple).  Compiling Python source costs
    about a millisecond a function: it pays only for functions used often."""
    calls = [0]

    def warming(f):
        calls[0] += 1
        if calls[0] < codegen.HOT_CALLS or codegen.paused:
            return tree(f)
        entry = None
        if info.entry is Closure._call_simple or info.entry is Closure._call_dynamic:
            entry = fuse_entry(info, tree)
        if entry is not None:
            info.entry = entry
            info.code = tree
        else:
            info.code = fuse(tree)
        return tree(f)
    return warming


class Closure:
    """A Lisp function made from a lambda expression (an interpreted closure)."""
    __slots__ = ('info', 'cells', 'env_alist', 'envsrc')

    def __init__(self, info, cells, env_alist=None, envsrc=None):
        self.info = info
        self.cells = cells          # list of (slot, cell) captured from outside
        self.env_alist = env_alist
        self.envsrc = envsrc        # (site, creating frame, boxed cells) for env_list

    def call(self, args):
        """Call this function with the tuple ARGS."""
        return self.info.entry(self, args)

    def _call_invalid(self, args):
        invalid_function(self.arity_data())

    def _first_call(self, args):
        self.info.compile()
        return self.info.entry(self, args)

    # The entries below repeat the same prologue (depth accounting, captured
    # cells, self slot) on purpose: sharing it as a helper would cost one more
    # Python call for every Lisp call.

    def _call_simple(self, args):
        """Lexical function with only required, unboxed parameters."""
        info = self.info
        if len(args) != info.nreq:
            wrong_number_of_arguments(self.arity_data(), len(args))
        # Lisp depth is restored by catch/condition-case on non-local exits,
        # so a normal return is the only path that has to decrement it.
        depth = state.lisp_eval_depth + info.cost
        if depth > Vmax_lisp_eval_depth.val:
            _too_deep(info)
        state.lisp_eval_depth = depth
        frame = [*args, *info.pad]
        for slot, cell in self.cells:
            frame[slot] = cell
        if info.self_slot is not None:
            frame[info.self_slot] = self
        result = info.code(frame)
        state.lisp_eval_depth = depth - info.cost
        return result

    def _call_lexical(self, args):
        """Lexical function with &optional or &rest parameters, none boxed."""
        info = self.info
        n = len(args)
        nfixed = info.nfixed
        if n < info.nreq or (info.nmax is not None and n > info.nmax):
            wrong_number_of_arguments(self.arity_data(), n)
        depth = state.lisp_eval_depth + info.cost
        if depth > Vmax_lisp_eval_depth.val:
            _too_deep(info)
        state.lisp_eval_depth = depth
        if n <= nfixed:
            frame = [*args, *((NIL,) * (nfixed - n))]
            if info.rest is not None:
                frame.append(NIL)
        else:
            frame = [*args[:nfixed], make_list(args[nfixed:])]
        frame += info.pad_lexical
        for slot, cell in self.cells:
            frame[slot] = cell
        if info.self_slot is not None:
            frame[info.self_slot] = self
        result = info.code(frame)
        state.lisp_eval_depth = depth - info.cost
        return result

    def _call_general(self, args):
        info = self.info
        n = len(args)
        if n < info.nreq or (info.nmax is not None and n > info.nmax):
            wrong_number_of_arguments(self.arity_data(), n)
        depth = state.lisp_eval_depth + info.cost
        if depth > Vmax_lisp_eval_depth.val:
            _too_deep(info)
        state.lisp_eval_depth = depth
        frame = [None] * info.nslots
        for slot, cell in self.cells:
            frame[slot] = cell
        if info.self_slot is not None:
            frame[info.self_slot] = self
        code = info.code
        records = None
        params = info.param_list
        nreq_opt = info.nreq + len(info.optional)
        for i, p in enumerate(params):
            if i < nreq_opt:
                v = args[i] if i < n else NIL
            elif i == nreq_opt:
                v = make_list(args[nreq_opt:])
            else:
                v = NIL
            slot = info.param_slots[i]
            if slot is None:
                if records is None:
                    records = []
                records.append(specbind(p, v))
            elif info.param_boxed[i]:
                frame[slot] = [v]
            else:
                frame[slot] = v
        if records is None:
            result = code(frame)
        else:
            try:
                result = code(frame)
            finally:
                for r in reversed(records):
                    unbind(r)
        state.lisp_eval_depth = depth - info.cost
        return result

    def _call_dynamic(self, args):
        """Call a dynamically bound function whose parameters are all required."""
        info = self.info
        if len(args) != info.nreq:
            wrong_number_of_arguments(self.arity_data(), len(args))
        depth = state.lisp_eval_depth + info.cost
        if depth > Vmax_lisp_eval_depth.val:
            _too_deep(info)
        state.lisp_eval_depth = depth
        params = info.required
        if not params:
            result = info.code(None)
            state.lisp_eval_depth = depth - info.cost
            return result
        if len(params) == 1:
            p = params[0]
            old = p.val
            if not ((old.__class__ is SpecialValue and old is not UNBOUND) or p.constant):
                p.val = args[0]
                try:
                    result = info.code(None)
                finally:
                    p.val = old
                state.lisp_eval_depth = depth - info.cost
                return result
        saved = []
        try:
            for p, v in zip(params, args):
                old = p.val
                if (old.__class__ is SpecialValue and old is not UNBOUND) or p.constant:
                    saved.append((None, specbind(p, v)))
                else:
                    p.val = v
                    saved.append((p, old))
            result = info.code(None)
        finally:
            for p, old in reversed(saved):
                if p is None:
                    unbind(old)
                else:
                    p.val = old
        state.lisp_eval_depth = depth - info.cost
        return result

    def as_list(self):
        """The list Emacs 28 shows for this function: (closure ENV ARGS . BODY) or (lambda ...)."""
        info = self.info
        form = info.form
        if not info.lexical:
            return form
        cache = print_cache[0]
        if cache is not None:
            lst = cache.get(id(self))
            if lst is None:
                lst = cache[id(self)] = Cons(Qclosure, Cons(self.env_list(), form.cdr))
                cache[('keep', id(self))] = self
            return lst
        return Cons(Qclosure, Cons(self.env_list(), form.cdr))

    def arity_data(self):
        """The function as wrong-number-of-arguments shows it: (ENV ARGS . BODY) or (lambda ...)."""
        if not self.info.lexical:
            return self.info.form
        return Cons(self.env_list(), self.info.form.cdr)

    def env_list(self):
        """The lexical environment this closure was made in, as Emacs's alist."""
        if self.env_alist is not None:
            return self.env_alist
        src = self.envsrc
        if src is None:
            return list_(T)
        (entries, _, self_slot), frame, boxed = src
        items = []
        cache = print_cache[0]
        for kind, sym, k in entries:
            if kind == 0:
                items.append(sym)
                continue
            if cache is not None:
                # The same binding shows as the same cons in every closure sharing it.
                key = (id(frame), k) if kind == 1 else id(boxed[k])
                entry = cache.get(key)
                if entry is None:
                    entry = cache[key] = Cons(sym, frame[k] if kind == 1 else boxed[k][0])
                    cache[('keep', key)] = frame if kind == 1 else boxed[k]
                items.append(entry)
            elif kind == 1:
                items.append(Cons(sym, frame[k]))
            else:
                items.append(Cons(sym, boxed[k][0]))
        if self_slot is None:
            return make_list(items, list_(T))
        parent = frame[self_slot]
        return make_list(items, parent.env_list() if parent.__class__ is Closure else list_(T))

    def lisp_print(self, printer):
        printer.print(self.as_list())


def _capture_syms(info):
    return [outer.sym for outer, slot in info.capture_slots]


def _too_deep(info=None):
    """Runaway recursion: signal the error Emacs would hit first for INFO's calls.

    Each interpreted call costs Emacs INFO.cost eval levels and about as many
    specpdl entries plus one per binding; whichever limit is reached first names
    the error."""
    state.lisp_eval_depth = 0
    if info is not None:
        per_call = info.cost + (1 if info.lexical else len(info.required) + len(info.optional))
        if 1600 * per_call > 2500 * info.cost:
            raise LispSignal(Qerror, list_('Variable binding depth exceeds max-specpdl-size'))
    raise LispSignal(Qerror, list_('Lisp nesting exceeds \u2018max-lisp-eval-depth\u2019'))


_COST_SKIP = None


def _call_cost(body):
    """How many nested forms Emacs evaluates from a function's entry to its deepest
    call of a non-primitive: the eval depth one interpreted call uses."""
    global _COST_SKIP
    if _COST_SKIP is None:
        _COST_SKIP = {intern('quote'), intern('function')}
    best = 1
    stack = [(body, 0, True)]
    budget = 2000
    while stack and budget:
        budget -= 1
        x, d, is_body = stack.pop()
        if is_body:
            while x.__class__ is Cons:
                stack.append((x.car, d, False))
                x = x.cdr
            continue
        if x.__class__ is not Cons:
            continue
        head = x.car
        if head in _COST_SKIP:
            continue
        d += 1
        if head.__class__ is Symbol:
            fn = head.function
            if head not in SPECIAL_FORMS and not (fn.__class__ is Subr):
                if d > best:
                    best = d
            if head is Qlet or head is Qletstar:
                if x.cdr.__class__ is Cons:
                    b = x.cdr.car
                    while b.__class__ is Cons:
                        if b.car.__class__ is Cons:
                            stack.append((b.car.cdr, d, True))
                        b = b.cdr
                    stack.append((x.cdr.cdr, d, True))
                continue
            if head is Qcond:
                c = x.cdr
                while c.__class__ is Cons:
                    stack.append((c.car, d, True))
                    c = c.cdr
                continue
        stack.append((x.cdr, d, True))
    return best


def compile_lambda(lam, scope):
    """Compile a (lambda ...) appearing as #'(lambda ...): a node making a Closure."""
    lexical = scope.lexical
    source = None
    if _source_lambdas:
        entry = _source_lambdas.get(id(lam))
        if entry is not None and entry[0] is lam:
            source = entry[1]
    if not lexical:
        info = LambdaInfo(lam, False, None)
        if source is not None:
            info.form = source

        def make_dynamic(f):
            return Closure(info, [])
        return make_dynamic
    site = scope.env_site()
    boxed_slots = site[1]
    if scope.has_lexicals():
        info = LambdaInfo(lam, True, scope)
        if source is not None:
            info.form = source
        info.compile()
        cell_sources = [(outer, slot) for outer, slot in info.capture_slots]

        if not boxed_slots:
            def make_closure(f):
                return Closure(info, [(slot, f[outer.slot] if outer.boxed else [f[outer.slot]])
                                      for outer, slot in cell_sources],
                               None, (site, f, ()))
            return make_closure

        def make_closure(f):
            return Closure(info, [(slot, f[outer.slot] if outer.boxed else [f[outer.slot]])
                                  for outer, slot in cell_sources],
                           None, (site, f, [f[s] for s in boxed_slots]))
        # Outer bindings captured here were marked boxed by the capture analysis.
        return make_closure
    info = LambdaInfo(lam, True, None)
    if source is not None:
        info.form = source

    if not boxed_slots:
        def make_plain(f):
            # Compiled at the first call (macros defined later still apply).
            return Closure(info, [], None, (site, f, ()))
        return make_plain

    def make_plain(f):
        return Closure(info, [], None, (site, f, [f[s] for s in boxed_slots]))
    return make_plain


def make_closure_from_list(fn):
    """A Closure for a list function: (lambda ...) or (closure ENV ARGS . BODY)."""
    if fn.car is Qlambda:
        return Closure(LambdaInfo(fn, False, None), [])
    if fn.cdr.__class__ is not Cons:
        invalid_function(fn)
    env = fn.cdr.car
    lam = Cons(Qlambda, fn.cdr.cdr)
    scope = Scope(None, True)
    cells = []
    e = env
    seen = set()
    alist_items = []
    while e.__class__ is Cons:
        entry = e.car
        if entry.__class__ is Cons and entry.car.__class__ is Symbol and entry.car not in seen:
            seen.add(entry.car)
            alist_items.append(entry)
        elif entry.__class__ is Symbol and entry is not T:
            scope.local_specials.add(entry)
        e = e.cdr
    outer = Scope(None, True)
    for entry in reversed(alist_items):
        outer.push(entry.car, True)
    info = LambdaInfo(lam, True, outer)
    info.compile()
    for o, slot in info.capture_slots:
        for entry in alist_items:
            if entry.car is o.sym:
                cells.append((slot, _AlistCell(entry)))
                break
    return Closure(info, cells, env)


class _AlistCell:
    """A cell whose value lives in the cdr of an environment alist entry."""
    __slots__ = ('entry',)

    def __init__(self, entry):
        self.entry = entry

    def __getitem__(self, i):
        return self.entry.cdr

    def __setitem__(self, i, v):
        self.entry.cdr = v


# ---------------------------------------------------------------- funcall / apply

def funcall(fn, *args):
    return apply_function(fn, args)


def apply_function(fn, args, fsym=None):
    """Call Lisp function FN with the Python sequence ARGS."""
    cls = fn.__class__
    if cls is Closure:
        return fn.call(tuple(args))
    if cls is Symbol:
        if fn is NIL:
            void_function(fn)
        orig = fsym if fsym is not None else fn
        seen = 0
        while fn.__class__ is Symbol and fn is not NIL:
            nxt = fn.function
            if nxt is None or nxt is NIL:
                void_function(orig)
            fn = nxt
            seen += 1
            if seen > 100:
                # Emacs reports the first alias in the chain (Findirect_function).
                first = orig.function if orig.__class__ is Symbol else None
                signal(Q('cyclic-function-indirection'),
                       list_(first if first.__class__ is Symbol else orig))
        fsym = orig
        cls = fn.__class__
        if cls is Closure:
            return fn.call(tuple(args))
    if cls is Subr:
        n = len(args)
        if n < fn.min_args or (fn.max_args is not None and n > fn.max_args):
            wrong_number_of_arguments(fn, n)
        if fn.special:
            invalid_function(fn)
        return fn.fn(*args)
    if cls is Cons:
        head = fn.car
        if head is Qlambda or head is Qclosure:
            return _list_closure(fn).call(tuple(args))
        if head is Qautoload and fsym is not None:
            from .prims.lread import autoload_do_load
            autoload_do_load(fn, fsym)
            return apply_function(fsym.function, args, fsym)
        invalid_function(fsym if fsym is not None else fn)
    if fn is None:
        void_function(fsym if fsym is not None else NIL)
    invalid_function(fsym if fsym is not None else fn)


_list_closures = {}


def _list_closure(fn):
    entry = _list_closures.get(id(fn))
    if entry is not None and entry[0] is fn:
        return entry[1]
    c = make_closure_from_list(fn)
    if len(_list_closures) > 10000:
        _list_closures.clear()
    _list_closures[id(fn)] = (fn, c)
    return c


# ---------------------------------------------------------------- eval

def eval_form(form, lexical=NIL, keep_source=True):
    """`eval`: macroexpand and compile FORM, then run it."""
    if form.__class__ is Symbol:
        if lexical is not NIL and lexical.__class__ is Cons:
            entry = _assq(form, lexical)
            if entry is not None:
                return entry.cdr
        return symbol_value(form)
    if form.__class__ is not Cons:
        return form
    if lexical.__class__ is Cons:
        return _eval_in_alist_env(form, lexical)
    if form.car is Qprogn and SPECIAL_FORMS.get(Qprogn) is not None:
        # Each subform is compiled only when reached, so a macro defined by an
        # earlier one applies to later ones, as in Emacs's eval.
        result = NIL
        body = form.cdr
        while body.__class__ is Cons:
            result = eval_form(body.car, lexical, keep_source)
            body = body.cdr
        if body is not NIL:
            wrong_type('listp', body)
        return result
    global _source_lambdas
    scope = Scope(None, lexical is not NIL)
    if keep_source:
        saved = _source_lambdas
        _source_lambdas = {}
        deferring = _defer_macro_errors[0]
        _defer_macro_errors[0] = True
        try:
            expanded = expand_all(form)
        finally:
            _defer_macro_errors[0] = deferring
        try:
            node = compile_form(expanded, scope)
        finally:
            _source_lambdas = saved
    else:
        node = compile_form(expand_all(form), scope)
    frame = [None] * scope.nslots
    return node(frame)


def _eval_in_alist_env(form, env):
    lam = list_(Qclosure, env, NIL, form)
    return make_closure_from_list(lam).call(())


def eval_toplevel(form, lexical):
    """Evaluate a top-level form as `load` does (each `progn` subform in turn)."""
    form = macroexpand(form)
    if form.__class__ is Cons and form.car is intern('progn'):
        result = NIL
        for sub in _args_list(form.cdr):
            result = eval_toplevel(sub, lexical)
        return result
    return eval_form(form, T if lexical else NIL, False)


# ---------------------------------------------------------------- special forms

@special_form('quote')
def sf_quote(args, scope):
    """Return the argument, without evaluating it."""
    if args.__class__ is not Cons or args.cdr is not NIL:
        wrong_number_of_arguments(intern('quote'), _length(args))
    return _constant(args.car)


def _length(lst):
    n = 0
    while lst.__class__ is Cons:
        n += 1
        lst = lst.cdr
    return n


@special_form('function')
def sf_function(args, scope):
    """Like `quote', but preferred for objects which are functions."""
    if args.__class__ is not Cons or args.cdr is not NIL:
        wrong_number_of_arguments(intern('function'), _length(args))
    arg = args.car
    if arg.__class__ is Cons and arg.car is Qlambda:
        if scope.lexical:
            return compile_lambda(arg, scope)
        if _source_lambdas:
            entry = _source_lambdas.get(id(arg))
            if entry is not None and entry[0] is arg:
                arg = entry[1]
    return _constant(arg)


@special_form('progn')
def sf_progn(args, scope):
    """Eval BODY forms sequentially and return value of last one."""
    return compile_body(args, scope)


@special_form('prog1')
def sf_prog1(args, scope):
    """Eval FIRST and BODY sequentially; return value from FIRST."""
    if args.__class__ is not Cons:
        wrong_number_of_arguments(intern('prog1'), 0)
    first = compile_form(args.car, scope)
    rest = compile_body(args.cdr, scope)

    def prog1(f):
        v = first(f)
        rest(f)
        return v
    prog1.ir = ('prog1', first, rest)
    return prog1


@special_form('if')
def sf_if(args, scope):
    """If COND yields non-nil, do THEN, else do ELSE..."""
    if args.__class__ is not Cons or args.cdr.__class__ is not Cons:
        wrong_number_of_arguments(intern('if'), _length(args))
    test = compile_form(args.car, scope)
    then = compile_form(args.cdr.car, scope)
    else_ = compile_body(args.cdr.cdr, scope)

    def if_(f):
        if test(f) is not NIL:
            return then(f)
        return else_(f)
    if_.ir = ('if', test, then, else_)
    return if_


@special_form('and')
def sf_and(args, scope):
    """Eval args until one of them yields nil, then return nil."""
    nodes = [compile_form(a, scope) for a in _args_list(args)]
    if not nodes:
        return _constant(T)
    if len(nodes) == 2:
        a, b = nodes

        def and2(f):
            if a(f) is NIL:
                return NIL
            return b(f)
        and2.ir = ('and', nodes)
        return and2

    def and_(f):
        v = T
        for n in nodes:
            v = n(f)
            if v is NIL:
                return NIL
        return v
    and_.ir = ('and', nodes)
    return and_


@special_form('or')
def sf_or(args, scope):
    """Eval args until one of them yields non-nil, then return that value."""
    nodes = [compile_form(a, scope) for a in _args_list(args)]

    def or_(f):
        for n in nodes:
            v = n(f)
            if v is not NIL:
                return v
        return NIL
    if nodes:
        or_.ir = ('or', nodes)
    return or_


@special_form('cond')
def sf_cond(args, scope):
    """Try each clause until one succeeds."""
    clauses = []
    for clause in _args_list(args):
        if clause.__class__ is not Cons:
            if clause is NIL:
                continue
            wrong_type('listp', clause)
        test = compile_form(clause.car, scope)
        body = compile_body(clause.cdr, scope) if clause.cdr is not NIL else None
        clauses.append((test, body))

    def cond(f):
        for test, body in clauses:
            v = test(f)
            if v is not NIL:
                return v if body is None else body(f)
        return NIL
    if clauses:
        cond.ir = ('cond', clauses)
    return cond


@special_form('while')
def sf_while(args, scope):
    """If TEST yields non-nil, eval BODY... and repeat."""
    if args.__class__ is not Cons:
        wrong_number_of_arguments(intern('while'), 0)
    test = compile_form(args.car, scope)
    body = compile_body(args.cdr, scope)

    # The loop as fused code: None until tried, False if impossible; and
    # how many turns it has run as a tree of nodes.
    running = [None, 0]

    def while_(f):
        fused = running[0]
        if fused:
            return fused(f)
        while test(f) is not NIL:
            body(f)
            if fused is None:
                # Once the loop is hot, the rest of it continues as fused code.
                running[1] += 1
                if running[1] >= codegen.HOT_TURNS and not codegen.paused:
                    fused = running[0] = fuse_running(while_) or False
                    if fused:
                        return fused(f)
        return NIL
    while_.ir = ('while', test, body)
    return while_


@special_form('setq')
def sf_setq(args, scope):
    """Set each SYM to the value of its VAL."""
    items = _args_list(args)
    if len(items) % 2:
        wrong_number_of_arguments(intern('setq'), len(items))
    nodes = []
    for i in range(0, len(items), 2):
        sym = items[i]
        if sym.__class__ is not Symbol:
            wrong_type('symbolp', sym)
        nodes.append(_compile_assignment(sym, compile_form(items[i + 1], scope), scope))
    if not nodes:
        return _constant(NIL)
    if len(nodes) == 1:
        return nodes[0]

    def setq_many(f):
        v = NIL
        for n in nodes:
            v = n(f)
        return v
    setq_many.ir = ('progn', nodes)     # evaluated in order, the last value
    return setq_many


def _compile_assignment(sym, value, scope):
    b = scope.lookup(sym) if scope.lexical else None
    if b is not None:
        slot = b.slot
        if b.boxed:
            def set_boxed(f):
                v = value(f)
                f[slot][0] = v
                return v
            set_boxed.ir = ('setq_slot', slot, True, value)
            return set_boxed

        def set_slot(f):
            v = value(f)
            f[slot] = v
            return v
        set_slot.ir = ('setq_slot', slot, False, value)
        return set_slot

    def set_global(f):
        v = value(f)
        if sym.__class__ is Symbol and not sym.constant and sym.val.__class__ is not SpecialValue:
            sym.val = v
        else:
            set_value(sym, v)
        return v
    set_global.ir = ('setq_global', sym, value)
    return set_global


def _binding_specs(bindings):
    out = []
    if bindings is not NIL and bindings.__class__ is not Cons:
        wrong_type('listp', bindings)
    for spec in _args_list(bindings):
        if spec.__class__ is Symbol:
            out.append((spec, None))
        elif spec.__class__ is Cons:
            if spec.cdr is not NIL and spec.cdr.__class__ is Cons and spec.cdr.cdr is not NIL:
                signal(Qerror, Cons("`let' bindings can have only one value-form", spec))
            if spec.car.__class__ is not Symbol:
                wrong_type('symbolp', spec.car)
            out.append((spec.car, spec.cdr.car if spec.cdr.__class__ is Cons else NIL))
        else:
            wrong_type('symbolp', spec)
    return out


@special_form('let')
def sf_let(args, scope):
    """Bind variables according to VARLIST then eval BODY."""
    if args.__class__ is not Cons:
        wrong_number_of_arguments(intern('let'), 0)
    specs = _binding_specs(args.car)
    inits = [compile_form(v, scope) if v is not None else None for _, v in specs]
    body_forms = args.cdr
    lexical_syms = [s for s, _ in specs if scope.lexical and not scope.is_special(s)]
    captured = mentioned_in_closures(body_forms, set(lexical_syms)) if lexical_syms else ()
    targets = []
    pushed = []
    for sym, _ in specs:
        if sym.__class__ is not Symbol:
            wrong_type('symbolp', sym)
        if scope.lexical and not scope.is_special(sym):
            b = scope.push(sym, sym in captured)
            pushed.append(b)
            targets.append(b)
        else:
            if sym.constant and sym is not NIL:
                pass
            targets.append(sym)
    body = compile_body(body_forms, scope)
    for b in reversed(pushed):
        scope.pop(b)
    return _make_let_node(targets, inits, body)


def _make_let_node(targets, inits, body):
    if all(t.__class__ is Binding and not t.boxed for t in targets):
        slots = [t.slot for t in targets]
        if len(slots) == 1:
            slot, init = slots[0], inits[0]
            if init is None:
                def let1_nil(f):
                    f[slot] = NIL
                    return body(f)
                let1_nil.ir = ('let_slots', False, [(slot, None)], body)
                return let1_nil

            def let1(f):
                f[slot] = init(f)
                return body(f)
            let1.ir = ('let_slots', False, [(slot, init)], body)
            return let1
        pairs = list(zip(slots, inits))

        def let_lexical(f):
            vals = [NIL if init is None else init(f) for _, init in pairs]
            for (slot, _), v in zip(pairs, vals):
                f[slot] = v
            return body(f)
        let_lexical.ir = ('let_slots', False, pairs, body)
        return let_lexical

    if len(targets) == 1 and targets[0].__class__ is Symbol:
        sym, init = targets[0], inits[0]

        def let1_dynamic(f):
            v = NIL if init is None else init(f)
            old = sym.val
            if (old.__class__ is SpecialValue and old is not UNBOUND) or sym.constant:
                r = specbind(sym, v)
                try:
                    return body(f)
                finally:
                    unbind(r)
            sym.val = v
            try:
                return body(f)
            finally:
                sym.val = old
        let1_dynamic.ir = ('let_dynamic', [(sym, init)], body)
        return let1_dynamic

    if all(t.__class__ is Symbol for t in targets):
        pairs = list(zip(targets, inits))

        def let_dynamic(f):
            vals = [NIL if init is None else init(f) for _, init in pairs]
            saved = []
            try:
                for (sym, _), v in zip(pairs, vals):
                    old = sym.val
                    if (old.__class__ is SpecialValue and old is not UNBOUND) or sym.constant:
                        saved.append((None, specbind(sym, v)))
                    else:
                        sym.val = v
                        saved.append((sym, old))
                return body(f)
            finally:
                for sym, old in reversed(saved):
                    if sym is None:
                        unbind(old)
                    else:
                        sym.val = old
        let_dynamic.ir = ('let_dynamic', pairs, body)
        return let_dynamic

    def let_general(f):
        vals = [NIL if init is None else init(f) for init in inits]
        records = []
        try:
            for t, v in zip(targets, vals):
                if t.__class__ is Binding:
                    if t.boxed:
                        f[t.slot] = [v]
                    else:
                        f[t.slot] = v
                else:
                    records.append(specbind(t, v))
            return body(f)
        finally:
            for r in reversed(records):
                unbind(r)
    return let_general


@special_form('let*')
def sf_letstar(args, scope):
    """Bind variables according to VARLIST then eval BODY, sequentially."""
    if args.__class__ is not Cons:
        wrong_number_of_arguments(intern('let*'), 0)
    specs = _binding_specs(args.car)
    body_forms = args.cdr
    if not specs:
        return compile_body(body_forms, scope)
    # Nest: (let* (a b) body) == (let (a) (let* (b) body)), but compiled flat.
    lexical_syms = [s for s, _ in specs if scope.lexical and not scope.is_special(s)]
    captured = set()
    if lexical_syms:
        # Later init forms can hold closures too: scan them with the body.
        rest_forms = make_list([v for _, v in specs if v is not None], body_forms)
        captured = mentioned_in_closures(rest_forms, set(lexical_syms))
    steps = []
    pushed = []
    for sym, init in specs:
        if sym.__class__ is not Symbol:
            wrong_type('symbolp', sym)
        node = compile_form(init, scope) if init is not None else None
        if scope.lexical and not scope.is_special(sym):
            b = scope.push(sym, sym in captured)
            pushed.append(b)
            steps.append((b, node))
        else:
            steps.append((sym, node))
    body = compile_body(body_forms, scope)
    for b in reversed(pushed):
        scope.pop(b)
    if all(t.__class__ is Binding and not t.boxed for t, _ in steps):
        plain = [(t.slot, n) for t, n in steps]

        def letstar_lexical(f):
            for slot, node in plain:
                f[slot] = NIL if node is None else node(f)
            return body(f)
        letstar_lexical.ir = ('let_slots', True, plain, body)
        return letstar_lexical

    def letstar(f):
        records = []
        try:
            for t, node in steps:
                v = NIL if node is None else node(f)
                if t.__class__ is Binding:
                    f[t.slot] = [v] if t.boxed else v
                else:
                    records.append(specbind(t, v))
            return body(f)
        finally:
            for r in reversed(records):
                unbind(r)
    return letstar


@special_form('defvar')
def sf_defvar(args, scope):
    """Define SYMBOL as a variable, and return SYMBOL."""
    items = _args_list(args)
    if not items:
        wrong_number_of_arguments(intern('defvar'), 0)
    sym = items[0]
    if sym.__class__ is not Symbol:
        wrong_type('symbolp', sym)
    if len(items) == 1:
        if scope.lexical and sym not in scope.local_specials:
            scope.order.append(sym)
        scope.local_specials.add(sym)

        def defvar_local(f):
            return sym
        return defvar_local
    if len(items) > 3:
        error('Too many arguments')
    init = compile_form(items[1], scope)
    doc = items[2] if len(items) > 2 else None
    # Later forms compiled with this one must already bind SYM dynamically.
    sym.special = True

    def defvar(f):
        return define_variable(sym, lambda: init(f), doc)
    return defvar


def define_variable(sym, init, doc):
    """What evaluating (defvar SYM INIT DOC) does; INIT computes the value and
    is called only when SYM has no default value yet."""
    sym.special = True
    if default_value(sym) is UNBOUND:
        set_default(sym, init())
    if doc is not None:
        from .errors import put
        put(sym, intern('variable-documentation'), doc)
    return sym


@special_form('defconst')
def sf_defconst(args, scope):
    """Define SYMBOL as a constant variable."""
    items = _args_list(args)
    if len(items) < 2:
        wrong_number_of_arguments(intern('defconst'), len(items))
    if len(items) > 3:
        error('Too many arguments')
    sym = items[0]
    if sym.__class__ is not Symbol:
        wrong_type('symbolp', sym)
    init = compile_form(items[1], scope)
    sym.special = True
    doc = items[2] if len(items) > 2 else None

    def defconst(f):
        return define_constant(sym, init(f), doc)
    return defconst


def define_constant(sym, value, doc):
    """What evaluating (defconst SYM INIT DOC) does once INIT gave VALUE."""
    sym.special = True
    set_default(sym, value)
    from .errors import put
    put(sym, intern('risky-local-variable'), T)
    if doc is not None:
        put(sym, intern('variable-documentation'), doc)
    return sym


@special_form('catch')
def sf_catch(args, scope):
    """Eval BODY allowing nonlocal exits using `throw'."""
    if args.__class__ is not Cons:
        wrong_number_of_arguments(intern('catch'), 0)
    tag_node = compile_form(args.car, scope)
    body = compile_body(args.cdr, scope)

    def catch(f):
        tag = tag_node(f)
        tags = state.catch_tags
        tags.append(tag)
        depth = state.lisp_eval_depth
        try:
            return body(f)
        except Throw as e:
            if e.tag is tag:
                state.lisp_eval_depth = depth
                return e.value
            raise
        finally:
            tags.pop()
    catch.ir = ('catch', tag_node, body)
    return catch


@special_form('unwind-protect')
def sf_unwind_protect(args, scope):
    """Do BODYFORM, protecting with UNWINDFORMS."""
    if args.__class__ is not Cons:
        wrong_number_of_arguments(intern('unwind-protect'), 0)
    bodyform = compile_form(args.car, scope)
    unwind = compile_body(args.cdr, scope)

    def unwind_protect(f):
        try:
            return bodyform(f)
        finally:
            unwind(f)
    unwind_protect.ir = ('unwind_protect', bodyform, unwind)
    return unwind_protect


@special_form('condition-case')
def sf_condition_case(args, scope):
    """Regain control when an error is signaled."""
    items = _args_list(args)
    if len(items) < 2:
        wrong_number_of_arguments(intern('condition-case'), len(items))
    var = items[0]
    if var.__class__ is not Symbol:
        wrong_type('symbolp', var)
    bodyform = compile_form(items[1], scope)
    handlers = []
    success = None
    binding = None
    dynamic = False
    if var is not NIL:
        if scope.lexical and not scope.is_special(var):
            handler_forms = make_list([h.cdr for h in items[2:] if h.__class__ is Cons])
            boxed = bool(mentioned_in_closures(handler_forms, {var}))
            binding = scope.push(var, boxed)
        else:
            dynamic = True
    for h in items[2:]:
        if h.__class__ is not Cons:
            error('Invalid condition handler: %s' % _prin(h))
        body = compile_body(h.cdr, scope)
        if h.car is Qsuccess:
            success = body
        else:
            handlers.append((h.car, body))
    if binding is not None:
        scope.pop(binding)

    def run_handler(f, body, value):
        if binding is not None:
            f[binding.slot] = [value] if binding.boxed else value
            return body(f)
        if dynamic:
            r = specbind(var, value)
            try:
                return body(f)
            finally:
                unbind(r)
        return body(f)

    specs = [spec for spec, _ in handlers]

    def condition_case(f):
        depth = state.lisp_eval_depth
        ntags = len(state.catch_tags)
        try:
            value = bodyform(f)
        except CONDITION_CASE_CATCHES as e:
            i, err = handler_for(e, specs, depth, ntags)
            return run_handler(f, handlers[i][1], err)
        if success is not None:
            return run_handler(f, success, value)
        return value
    condition_case.ir = ('condition_case', var, binding, dynamic, bodyform, handlers, success)
    return condition_case


def handler_for(exc, specs, depth, ntags):
    """The handler of a condition-case (index into SPECS, its condition
    specs) that catches the Python exception EXC, and the error value it gets;
    the eval depth and catch tags are restored to DEPTH and NTAGS.  Re-raises
    (as Emacs's error) when no handler applies."""
    if isinstance(exc, LispSignal):
        symbol, data = exc.symbol, exc.data
    elif isinstance(exc, RecursionError):
        symbol, data = Qerror, list_('Lisp nesting exceeds \u2018max-lisp-eval-depth\u2019')
        state.lisp_eval_depth = depth
        del state.catch_tags[ntags:]
        exc = LispSignal(symbol, data)
    else:
        # A bug of ours: let Lisp handlers see an `error' rather than crash.
        from . import cli
        if cli.debug_internal:
            raise exc
        symbol, data = Qerror, list_('Internal error: %s: %s' % (type(exc).__name__, exc))
    conditions = conditions_of(symbol)
    for i, spec in enumerate(specs):
        if handler_matches(conditions, spec):
            state.lisp_eval_depth = depth
            del state.catch_tags[ntags:]
            return i, Cons(symbol, data)
    raise exc


_INTERNAL_ERRORS = (AttributeError, TypeError, ValueError, IndexError, KeyError,
                    ZeroDivisionError, OverflowError, UnicodeError, AssertionError)
CONDITION_CASE_CATCHES = (LispSignal, RecursionError) + _INTERNAL_ERRORS


def _prin(x):
    from .printer import prin1_to_string
    return prin1_to_string(x)


@special_form('interactive')
def sf_interactive(args, scope):
    """Specify a way of parsing arguments for interactive use of a function."""
    return _constant(NIL)


def _buffer_module():
    from .prims import buffer
    return buffer


@special_form('save-current-buffer')
def sf_save_current_buffer(args, scope):
    """Record which buffer is current; execute BODY; make that buffer current."""
    body = compile_body(args, scope)

    def save_current_buffer(f):
        old = state.current_buffer
        try:
            return body(f)
        finally:
            if old.live:
                _buffer_module().set_buffer_internal(old)
    return save_current_buffer


@special_form('save-excursion')
def sf_save_excursion(args, scope):
    """Save point, and current buffer; execute BODY; restore those things."""
    body = compile_body(args, scope)

    def save_excursion(f):
        saved = _buffer_module().save_excursion_save()
        try:
            return body(f)
        finally:
            _buffer_module().save_excursion_restore(saved)
    return save_excursion


@special_form('save-restriction')
def sf_save_restriction(args, scope):
    """Execute BODY, saving and restoring current buffer's restrictions."""
    body = compile_body(args, scope)

    def save_restriction(f):
        saved = _buffer_module().save_restriction_save()
        try:
            return body(f)
        finally:
            _buffer_module().save_restriction_restore(saved)
    return save_restriction
