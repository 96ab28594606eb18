"""Errors are data: error symbols carry `error-conditions` and `error-message`.

Every Lisp error travels as one Python exception, LispSignal; `throw` uses Throw.
"""

from .lisp import Cons, NIL, T, intern, make_list, list_


class LispSignal(Exception):
    """A Lisp error in flight: (SYMBOL . DATA)."""

    def __init__(self, symbol, data):
        Exception.__init__(self)
        self.symbol = symbol
        self.data = data

    def __str__(self):
        from .printer import prin1_to_string
        return prin1_to_string(Cons(self.symbol, self.data))


class Throw(Exception):
    """A `throw` to a `catch` whose TAG is eq to ours."""

    def __init__(self, tag, value):
        Exception.__init__(self)
        self.tag = tag
        self.value = value


Q = intern
Qerror = Q('error')
Qerror_conditions = Q('error-conditions')
Qerror_message = Q('error-message')


def put(sym, prop, value):
    """Set SYM's property PROP (the `put` primitive, usable before it is loaded)."""
    plist = sym.plist if sym.plist is not None else NIL
    p = plist
    while p.__class__ is Cons and p.cdr.__class__ is Cons:
        if p.car is prop:
            p.cdr.car = value
            return value
        p = p.cdr.cdr
    sym.plist = Cons(prop, Cons(value, plist))
    return value


def get(sym, prop):
    p = sym.plist if sym.plist is not None else NIL
    while p.__class__ is Cons and p.cdr.__class__ is Cons:
        if p.car is prop:
            return p.cdr.car
        p = p.cdr.cdr
    return NIL


def define_error(name, message, parents=('error',)):
    sym = Q(name)
    conditions = [sym]
    for parent in parents:
        psym = Q(parent)
        pconds = get(psym, Qerror_conditions)
        for c in (pconds if pconds is not NIL else [psym]):
            if c not in conditions:
                conditions.append(c)
    put(sym, Qerror_conditions, make_list(conditions))
    put(sym, Qerror_message, message)
    return sym


# The standard errors of Emacs 28 (data.c, syms_of_data and friends).
put(Qerror, Qerror_conditions, list_(Qerror))
put(Qerror, Qerror_message, 'error')
_STANDARD_ERRORS = [
    ('quit', 'Quit', ()),
    ('minibuffer-quit', 'Quit', ('quit',)),
    ('user-error', '', ('error',)),
    ('wrong-length-argument', 'Wrong length argument', ('error',)),
    ('wrong-type-argument', 'Wrong type argument', ('error',)),
    ('args-out-of-range', 'Args out of range', ('error',)),
    ('void-function', "Symbol's function definition is void", ('error',)),
    ('cyclic-function-indirection', "Symbol's chain of function indirections contains a loop", ('error',)),
    ('cyclic-variable-indirection', "Symbol's chain of variable indirections contains a loop", ('error',)),
    ('circular-list', 'List contains a loop', ('error',)),
    ('void-variable', "Symbol's value as variable is void", ('error',)),
    ('setting-constant', 'Attempt to set a constant symbol', ('error',)),
    ('trapping-constant', 'Attempt to trap writes to a constant symbol', ('error',)),
    ('invalid-read-syntax', 'Invalid read syntax', ('error',)),
    ('invalid-function', 'Invalid function', ('error',)),
    ('wrong-number-of-arguments', 'Wrong number of arguments', ('error',)),
    ('no-catch', 'No catch for tag', ('error',)),
    ('end-of-file', 'End of file during parsing', ('error',)),
    ('arith-error', 'Arithmetic error', ('error',)),
    ('beginning-of-buffer', 'Beginning of buffer', ('error',)),
    ('end-of-buffer', 'End of buffer', ('error',)),
    ('buffer-read-only', 'Buffer is read-only', ('error',)),
    ('text-read-only', 'Text is read-only', ('buffer-read-only',)),
    ('inhibited-interaction', 'User interaction while inhibited', ('error',)),
    ('search-failed', 'Search failed', ('error',)),
    ('invalid-regexp', 'Invalid regexp', ('error',)),
    ('mark-inactive', 'The mark is not active now', ('error',)),
    ('no-catch', 'No catch for tag', ('error',)),
    ('domain-error', 'Arithmetic domain error', ('arith-error',)),
    ('range-error', 'Arithmetic range error', ('arith-error',)),
    ('singularity-error', 'Arithmetic singularity error', ('domain-error',)),
    ('overflow-error', 'Arithmetic overflow error', ('range-error',)),
    ('underflow-error', 'Arithmetic underflow error', ('range-error',)),
    ('file-error', 'File error', ('error',)),
    ('file-already-exists', 'File already exists', ('file-error',)),
    ('file-date-error', 'Cannot set file date', ('file-error',)),
    ('file-missing', 'No such file or directory', ('file-error',)),
    ('file-notify-error', 'File notification error', ('file-error',)),
    ('json-error', 'generic json error', ('error',)),
    ('scan-error', 'Scan error', ('error',)),
    ('cl-assertion-failed', 'Assertion failed', ('error',)),
    ('coding-system-error', 'Invalid coding system', ('error',)),
]
for _name, _msg, _parents in _STANDARD_ERRORS:
    define_error(_name, _msg, _parents)


def signal(symbol, data):
    raise LispSignal(symbol, data)


def error(fmt, *args):
    """Signal `error` with a message already formatted by Python's %."""
    raise LispSignal(Qerror, list_(fmt % args if args else fmt))


_pred_cache = {}
Qwrong_type_argument = Q('wrong-type-argument')
Qargs_out_of_range = Q('args-out-of-range')
Qvoid_variable = Q('void-variable')
Qvoid_function = Q('void-function')
Qsetting_constant = Q('setting-constant')
Qwrong_number_of_arguments = Q('wrong-number-of-arguments')
Qinvalid_function = Q('invalid-function')


def wrong_type(predicate, value):
    sym = _pred_cache.get(predicate)
    if sym is None:
        sym = _pred_cache[predicate] = Q(predicate)
    raise LispSignal(Qwrong_type_argument, Cons(sym, Cons(value, NIL)))


def args_out_of_range(*args):
    raise LispSignal(Qargs_out_of_range, make_list(args))


def void_variable(sym):
    raise LispSignal(Qvoid_variable, Cons(sym, NIL))


def void_function(sym):
    raise LispSignal(Qvoid_function, Cons(sym, NIL))


def setting_constant(sym):
    raise LispSignal(Qsetting_constant, Cons(sym, NIL))


def wrong_number_of_arguments(fn, n):
    raise LispSignal(Qwrong_number_of_arguments, Cons(fn, Cons(n, NIL)))


def invalid_function(fn):
    raise LispSignal(Qinvalid_function, Cons(fn, NIL))


def conditions_of(symbol):
    conds = get(symbol, Qerror_conditions) if symbol.__class__ is type(Qerror) else NIL
    return conds


def handler_matches(conditions, handler_spec):
    """Does a condition-case handler's condition spec catch an error with CONDITIONS?"""
    if handler_spec is T:
        return True
    if handler_spec.__class__ is Cons:
        for c in handler_spec:
            if c is T or _memq(c, conditions):
                return True
        return False
    return _memq(handler_spec, conditions)


def _memq(x, lst):
    while lst.__class__ is Cons:
        if lst.car is x:
            return True
        lst = lst.cdr
    return False
