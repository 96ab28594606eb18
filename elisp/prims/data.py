"""Primitives of Emacs's data.c: types, conses, symbols, arithmetic."""

import math
import operator
import re

from ..regex import LazyPattern
from ..defun import defun, defvar
from ..lisp import (Cons, Symbol, Subr, Vector, Record, BoolVector, HashTable, UnibyteStr,
                    NIL, T, UNBOUND, SpecialValue, intern, make_list, list_, lisp_bool,
                    fixnump, MOST_POSITIVE_FIXNUM, MOST_NEGATIVE_FIXNUM, is_multibyte,
                    string_char_code, code_char, SURROGATE_BASE)
from ..errors import (LispSignal, Q, signal, error, wrong_type, args_out_of_range,
                      void_function, setting_constant, put as put_prop, get as get_prop)
from .. import variables
from ..variables import state, symbol_value, set_value, set_default, default_value
from ..compiler import Closure, Qmacro, Qlambda, Qclosure, Qautoload

defvar('most-positive-fixnum', MOST_POSITIVE_FIXNUM).constant = True
defvar('most-negative-fixnum', MOST_NEGATIVE_FIXNUM).constant = True
Qarith_error = Q('arith-error')


# ---------------------------------------------------------------- type predicates

def is_function_object(x):
    cls = x.__class__
    if cls is Subr:
        return not x.special
    if cls is Closure:
        return True
    if cls is Cons:
        return x.car is Qlambda or x.car is Qclosure
    return False


@defun('null')
def null(obj):
    """Return t if OBJECT is nil, and return nil otherwise."""
    return T if obj is NIL else NIL


@defun('not')
def not_(obj):
    """Return t if OBJECT is nil, and return nil otherwise."""
    return T if obj is NIL else NIL


@defun('eq')
def eq(a, b):
    """Return t if the two args are the same Lisp object."""
    if a is b:
        return T
    if a.__class__ is int and b.__class__ is int and a == b and fixnump(a):
        return T
    return NIL


@defun('consp')
def consp(obj):
    """Return t if OBJECT is a cons cell."""
    return T if obj.__class__ is Cons else NIL


@defun('atom')
def atom(obj):
    """Return t if OBJECT is not a cons cell.  This includes nil."""
    return NIL if obj.__class__ is Cons else T


@defun('listp')
def listp(obj):
    """Return t if OBJECT is a list, that is, a cons cell or nil."""
    return T if obj is NIL or obj.__class__ is Cons else NIL


@defun('nlistp')
def nlistp(obj):
    """Return t if OBJECT is not a list.  Lists include nil."""
    return NIL if obj is NIL or obj.__class__ is Cons else T


@defun('symbolp')
def symbolp(obj):
    """Return t if OBJECT is a symbol."""
    return T if obj.__class__ is Symbol else NIL


@defun('keywordp')
def keywordp(obj):
    """Return t if OBJECT is a keyword."""
    return T if (obj.__class__ is Symbol and obj.name.startswith(':') and obj.interned) else NIL


@defun('stringp')
def stringp(obj):
    """Return t if OBJECT is a string."""
    return T if isinstance(obj, str) else NIL


@defun('vectorp')
def vectorp(obj):
    """Return t if OBJECT is a vector."""
    return T if obj.__class__ is Vector else NIL


@defun('recordp')
def recordp(obj):
    """Return t if OBJECT is a record."""
    return T if obj.__class__ is Record else NIL


@defun('bool-vector-p')
def bool_vector_p(obj):
    """Return t if OBJECT is a bool-vector."""
    return T if obj.__class__ is BoolVector else NIL


@defun('arrayp')
def arrayp(obj):
    """Return t if OBJECT is an array (string or vector)."""
    return T if (obj.__class__ is Vector or isinstance(obj, str) or obj.__class__ is BoolVector) else NIL


@defun('sequencep')
def sequencep(obj):
    """Return t if OBJECT is a sequence (list or array)."""
    return T if (obj is NIL or obj.__class__ is Cons or obj.__class__ is Vector
                 or isinstance(obj, str) or obj.__class__ is BoolVector) else NIL


@defun('char-or-string-p')
def char_or_string_p(obj):
    """Return t if OBJECT is a character or a string."""
    return T if isinstance(obj, str) or _is_char(obj) else NIL


def _is_char(x):
    return x.__class__ is int and 0 <= x <= 0x3FFFFF


@defun('characterp')
def characterp(obj, ignore=NIL):
    """Return non-nil if OBJECT is a character."""
    return T if _is_char(obj) else NIL


@defun('integerp')
def integerp(obj):
    """Return t if OBJECT is an integer."""
    return T if obj.__class__ is int else NIL


@defun('fixnump')
def fixnump_(obj):
    """Return t if OBJECT is a fixnum."""
    return T if fixnump(obj) else NIL


@defun('bignump')
def bignump(obj):
    """Return t if OBJECT is a bignum."""
    return T if obj.__class__ is int and not fixnump(obj) else NIL


@defun('integer-or-marker-p')
def integer_or_marker_p(obj):
    """Return t if OBJECT is an integer or a marker (editor pointer)."""
    return T if obj.__class__ is int or type(obj).__name__ == 'Marker' else NIL


@defun('natnump')
def natnump(obj):
    """Return t if OBJECT is a nonnegative integer."""
    return T if obj.__class__ is int and obj >= 0 else NIL


@defun('numberp')
def numberp(obj):
    """Return t if OBJECT is a number (floating point or integer)."""
    c = obj.__class__
    return T if c is int or c is float else NIL


@defun('number-or-marker-p')
def number_or_marker_p(obj):
    """Return t if OBJECT is a number or a marker."""
    c = obj.__class__
    return T if c is int or c is float or type(obj).__name__ == 'Marker' else NIL


@defun('floatp')
def floatp(obj):
    """Return t if OBJECT is a floating point number."""
    return T if obj.__class__ is float else NIL


@defun('functionp')
def functionp(obj):
    """Return t if OBJECT is a function."""
    if obj.__class__ is Symbol and obj is not NIL:
        fn = indirect_function(obj)
        if fn.__class__ is Cons and fn.car is Qautoload:
            rest = list(fn)
            return T if len(rest) > 4 and rest[4] is NIL or len(rest) <= 4 else NIL
        return T if is_function_object(fn) else NIL
    return T if is_function_object(obj) else NIL


@defun('subrp')
def subrp(obj):
    """Return t if OBJECT is a built-in function."""
    return T if obj.__class__ is Subr else NIL


@defun('byte-code-function-p')
def byte_code_function_p(obj):
    """Return t if OBJECT is a byte-compiled function object."""
    return NIL


@defun('compiled-function-p')
def compiled_function_p(obj):
    """Return non-nil if OBJECT is a compiled function or an autoload."""
    return T if obj.__class__ is Subr else NIL


@defun('module-function-p')
def module_function_p(obj):
    """Return t if OBJECT is a function loaded from a dynamic module."""
    return NIL


@defun('special-form-p')
def special_form_p(obj):
    """Non-nil if and only if OBJECT is a special form."""
    if obj.__class__ is Symbol:
        obj = indirect_function(obj)
    return T if obj.__class__ is Subr and obj.special else NIL


@defun('macrop')
def macrop(obj):
    """Non-nil if and only if OBJECT is a macro."""
    if obj.__class__ is Symbol:
        obj = indirect_function(obj)
    if obj.__class__ is Cons and obj.car is Qmacro:
        return T
    if obj.__class__ is Cons and obj.car is Qautoload:
        rest = list(obj)
        if len(rest) > 4 and rest[4] in (Qmacro, T):
            return T
    return NIL


_SPECIAL_MIN_ARGS = {
    'quote': 1, 'function': 1, 'if': 2, 'let': 1, 'let*': 1, 'while': 1, 'prog1': 1,
    'prog2': 2, 'condition-case': 2, 'unwind-protect': 1, 'catch': 1, 'defvar': 1,
    'defconst': 2, 'save-excursion': 0, 'save-restriction': 0, 'save-current-buffer': 0,
}


@defun('subr-arity')
def subr_arity(subr):
    """Return minimum and maximum number of args allowed for SUBR."""
    if subr.__class__ is not Subr:
        wrong_type('subrp', subr)
    if subr.special:
        return Cons(_SPECIAL_MIN_ARGS.get(subr.name, 0), Q('unevalled'))
    return Cons(subr.min_args, Q('many') if subr.max_args is None else subr.max_args)


@defun('subr-name')
def subr_name(subr):
    """Return name of subroutine SUBR."""
    if subr.__class__ is not Subr:
        wrong_type('subrp', subr)
    return subr.name


# ---------------------------------------------------------------- conses

@defun('cons')
def cons(car, cdr):
    """Create a new cons, give it CAR and CDR as components, and return it."""
    return Cons(car, cdr)


@defun('car')
def car(lst):
    """Return the car of LIST.  If LIST is nil, return nil."""
    if lst.__class__ is Cons:
        return lst.car
    if lst is NIL:
        return NIL
    wrong_type('listp', lst)


@defun('cdr')
def cdr(lst):
    """Return the cdr of LIST.  If LIST is nil, return nil."""
    if lst.__class__ is Cons:
        return lst.cdr
    if lst is NIL:
        return NIL
    wrong_type('listp', lst)


@defun('car-safe')
def car_safe(obj):
    """Return the car of OBJECT if it is a cons cell, or else nil."""
    return obj.car if obj.__class__ is Cons else NIL


@defun('cdr-safe')
def cdr_safe(obj):
    """Return the cdr of OBJECT if it is a cons cell, or else nil."""
    return obj.cdr if obj.__class__ is Cons else NIL


@defun('setcar')
def setcar(cell, newcar):
    """Set the car of CELL to be NEWCAR.  Returns NEWCAR."""
    if cell.__class__ is not Cons:
        wrong_type('consp', cell)
    cell.car = newcar
    return newcar


@defun('setcdr')
def setcdr(cell, newcdr):
    """Set the cdr of CELL to be NEWCDR.  Returns NEWCDR."""
    if cell.__class__ is not Cons:
        wrong_type('consp', cell)
    cell.cdr = newcdr
    return newcdr


# ---------------------------------------------------------------- symbols

def check_symbol(x):
    if x.__class__ is not Symbol:
        wrong_type('symbolp', x)
    return x


@defun('symbol-name')
def symbol_name(sym):
    """Return SYMBOL's name, a string."""
    return check_symbol(sym).name


@defun('boundp')
def boundp(sym):
    """Return t if SYMBOL's value is not void."""
    check_symbol(sym)
    return NIL if variables.symbol_value_or_unbound(sym) is UNBOUND else T


@defun('fboundp')
def fboundp(sym):
    """Return t if SYMBOL's function definition is not void."""
    check_symbol(sym)
    return NIL if sym.function is None or sym.function is NIL else T


@defun('makunbound')
def makunbound(sym):
    """Empty out the value cell of SYMBOL, making it void as a variable."""
    check_symbol(sym)
    if sym.constant:
        setting_constant(sym)
    v = sym.val
    if v.__class__ is SpecialValue and v is not UNBOUND:
        locals_ = state.current_buffer.local_vars
        if sym in locals_:
            locals_[sym] = UNBOUND
        else:
            v.default = UNBOUND
    else:
        sym.val = UNBOUND
    return sym


@defun('fmakunbound')
def fmakunbound(sym):
    """Make SYMBOL's function definition be void."""
    check_symbol(sym)
    if sym is NIL or sym is T:
        setting_constant(sym)
    sym.function = None
    return sym


@defun('symbol-function')
def symbol_function(sym):
    """Return SYMBOL's function definition, or nil if that is void."""
    check_symbol(sym)
    fn = sym.function
    return NIL if fn is None else fn


@defun('symbol-plist')
def symbol_plist(sym):
    """Return SYMBOL's property list."""
    check_symbol(sym)
    return sym.plist if sym.plist is not None else NIL


@defun('setplist')
def setplist(sym, newplist):
    """Set SYMBOL's property list to NEWPLIST, and return NEWPLIST."""
    check_symbol(sym)
    sym.plist = newplist
    return newplist


@defun('symbol-value')
def symbol_value_(sym):
    """Return SYMBOL's value.  Error if that is void."""
    check_symbol(sym)
    return symbol_value(sym)


@defun('set')
def set_(sym, newval):
    """Set SYMBOL's value to NEWVAL, and return NEWVAL."""
    check_symbol(sym)
    return set_value(sym, newval)


@defun('default-value')
def default_value_(sym):
    """Return SYMBOL's default value."""
    check_symbol(sym)
    v = default_value(sym)
    if v is UNBOUND:
        signal(Q('void-variable'), list_(sym))
    return v


@defun('default-boundp')
def default_boundp(sym):
    """Return t if SYMBOL has a non-void default value."""
    check_symbol(sym)
    return NIL if default_value(sym) is UNBOUND else T


@defun('set-default')
def set_default_(sym, value):
    """Set SYMBOL's default value to VALUE.  SYMBOL and VALUE are evaluated."""
    check_symbol(sym)
    return set_default(sym, value)


@defun('default-toplevel-value')
def default_toplevel_value(sym):
    """Return SYMBOL's toplevel default value."""
    return default_value_(sym)


@defun('set-default-toplevel-value')
def set_default_toplevel_value(sym, value):
    """Set SYMBOL's toplevel default value to VALUE."""
    return set_default_(sym, value)


@defun('make-variable-buffer-local')
def make_variable_buffer_local(var):
    """Make VARIABLE become buffer-local whenever it is set."""
    check_symbol(var)
    if var.constant:
        error('Symbol %s may not be buffer-local' % var.name)
    variables.make_localized(var, True)
    var.special = True
    return var


@defun('make-local-variable')
def make_local_variable(var):
    """Make VARIABLE have a separate value in the current buffer."""
    check_symbol(var)
    if var.constant:
        error('Symbol %s may not be buffer-local' % var.name)
    variables.make_localized(var)
    locals_ = state.current_buffer.local_vars
    if var not in locals_:
        locals_[var] = default_value(var)
    return var


@defun('kill-local-variable')
def kill_local_variable(var):
    """Make VARIABLE no longer have a separate value in the current buffer."""
    check_symbol(var)
    state.current_buffer.local_vars.pop(var, None)
    return var


@defun('local-variable-p')
def local_variable_p(var, buffer=NIL):
    """Non-nil if VARIABLE has a local binding in buffer BUFFER."""
    check_symbol(var)
    buf = state.current_buffer if buffer is NIL else buffer
    return T if variables.local_binding_p(var, buf) else NIL


@defun('local-variable-if-set-p')
def local_variable_if_set_p(var, buffer=NIL):
    """Non-nil if VARIABLE is local in buffer BUFFER when set there."""
    check_symbol(var)
    v = var.val
    if v.__class__ is SpecialValue and v is not UNBOUND and v.local_if_set:
        return T
    return local_variable_p(var, buffer)


@defun('buffer-local-value')
def buffer_local_value(variable, buffer):
    """Return the value of VARIABLE in BUFFER."""
    check_symbol(variable)
    if variables.local_binding_p(variable, buffer):
        v = buffer.local_vars[variable]
    else:
        v = default_value(variable)
    if v is UNBOUND:
        signal(Q('void-variable'), list_(variable))
    return v


@defun('special-variable-p')
def special_variable_p(sym):
    """Return non-nil if SYMBOL's global binding has been declared special."""
    check_symbol(sym)
    return T if sym.special else NIL


@defun('internal-make-var-non-special')
def internal_make_var_non_special(sym):
    """Internal function."""
    check_symbol(sym).special = False
    return NIL


@defun('defvaralias')
def defvaralias(new_alias, base_variable, docstring=NIL):
    """Make NEW-ALIAS a variable alias for symbol BASE-VARIABLE."""
    check_symbol(new_alias)
    check_symbol(base_variable)
    if new_alias.constant:
        error('Cannot make a constant an alias: %s' % new_alias.name)
    # A simple approximation: share the current value.
    v = variables.symbol_value_or_unbound(base_variable)
    if v is UNBOUND and variables.symbol_value_or_unbound(new_alias) is not UNBOUND:
        set_default(base_variable, symbol_value(new_alias))
    new_alias.special = base_variable.special = True
    put_prop(new_alias, Q('variable-documentation'), docstring) if docstring is not NIL else None
    _ALIASES[new_alias] = base_variable
    if variables.symbol_value_or_unbound(base_variable) is not UNBOUND:
        new_alias.val = symbol_value(base_variable)
    return base_variable


_ALIASES = {}


@defun('indirect-variable')
def indirect_variable(obj):
    """Return the variable at the end of OBJECT's variable chain."""
    while obj in _ALIASES:
        obj = _ALIASES[obj]
    return obj


def _fn_cell(sym):
    fn = sym.function
    return NIL if fn is None else fn


def indirect_function(obj):
    """Follow OBJ's chain of function aliases (Emacs's Findirect_function)."""
    if obj.__class__ is not Symbol or obj is NIL:
        return obj
    obj = _fn_cell(obj)
    if obj.__class__ is not Symbol:
        return obj
    hare = tortoise = obj
    while True:
        if hare.__class__ is not Symbol or hare is NIL:
            return hare
        hare = _fn_cell(hare)
        if hare.__class__ is not Symbol or hare is NIL:
            return hare
        hare = _fn_cell(hare)
        tortoise = _fn_cell(tortoise)
        if hare is tortoise:
            signal(Q('cyclic-function-indirection'), list_(obj))


@defun('indirect-function')
def indirect_function_(obj, noerror=NIL):
    """Return the function at the end of OBJECT's function chain."""
    return indirect_function(obj)


@defun('fset')
def fset(sym, definition):
    """Set SYMBOL's function definition to DEFINITION, and return DEFINITION."""
    check_symbol(sym)
    if sym is NIL and definition is not NIL:
        setting_constant(sym)
    sym.function = None if definition is NIL else definition
    return definition


@defun('defalias')
def defalias(sym, definition, docstring=NIL):
    """Set SYMBOL's function definition to DEFINITION."""
    check_symbol(sym)
    hook = get_prop(sym, Q('defalias-fset-function'))
    if hook is not NIL:
        from ..compiler import funcall
        funcall(hook, sym, definition)
    else:
        fset(sym, definition)
    if docstring is not NIL:
        put_prop(sym, Q('function-documentation'), docstring)
    return sym


@defun('get')
def get(sym, propname):
    """Return the value of SYMBOL's PROPNAME property."""
    check_symbol(sym)
    return get_prop(sym, propname)


@defun('put')
def put(sym, propname, value):
    """Store SYMBOL's PROPNAME property with value VALUE."""
    check_symbol(sym)
    plist = sym.plist if sym.plist is not None else NIL
    p = plist
    last = None
    while p.__class__ is Cons and p.cdr.__class__ is Cons:
        if p.car is propname:
            p.cdr.car = value
            return value
        last = p.cdr
        p = p.cdr.cdr
    if p is not NIL:
        wrong_type('plistp', plist)
    cell = Cons(propname, Cons(value, NIL))
    if last is None:
        sym.plist = cell
    else:
        last.cdr = cell
    return value


# ---------------------------------------------------------------- arrays

@defun('aref')
def aref(array, idx):
    """Return the element of ARRAY at index IDX."""
    if idx.__class__ is not int:
        wrong_type('fixnump', idx)
    cls = array.__class__
    if cls is Vector or cls is Record:
        if 0 <= idx < len(array):
            return array[idx]
        args_out_of_range(array, idx)
    if isinstance(array, str):
        if 0 <= idx < len(array):
            return string_char_code(array, idx)
        args_out_of_range(array, idx)
    if cls is BoolVector:
        if 0 <= idx < len(array.bits):
            return T if array.bits[idx] else NIL
        args_out_of_range(array, idx)
    char_table_ref = getattr(array, 'aref', None)
    if char_table_ref is not None:
        return char_table_ref(idx)
    wrong_type('arrayp', array)


@defun('aset')
def aset(array, idx, newelt):
    """Store into the element of ARRAY at index IDX the value NEWELT."""
    if idx.__class__ is not int:
        wrong_type('fixnump', idx)
    cls = array.__class__
    if cls is Vector or cls is Record:
        if 0 <= idx < len(array):
            array[idx] = newelt
            return newelt
        args_out_of_range(array, idx)
    if cls is BoolVector:
        if 0 <= idx < len(array.bits):
            array.bits[idx] = newelt is not NIL
            return newelt
        args_out_of_range(array, idx)
    if isinstance(array, str):
        # Lisp strings are immutable Python strings here; see README (limitations).
        if not (0 <= idx < len(array)):
            args_out_of_range(array, idx)
        error('aset on strings is not supported by this implementation')
    char_table_set = getattr(array, 'aset', None)
    if char_table_set is not None:
        return char_table_set(idx, newelt)
    wrong_type('arrayp', array)


# ---------------------------------------------------------------- numbers

def check_number(x):
    c = x.__class__
    if c is int or c is float:
        return x
    m = getattr(x, 'marker_position', None)
    if m is not None:
        pos = m()
        if pos is None:
            error('Marker does not point anywhere')
        return pos
    wrong_type('number-or-marker-p', x)


def check_integer(x):
    if x.__class__ is int:
        return x
    m = getattr(x, 'marker_position', None)
    if m is not None:
        pos = m()
        if pos is None:
            error('Marker does not point anywhere')
        return pos
    wrong_type('integer-or-marker-p', x)


def _overflow():
    signal(Q('overflow-error'), NIL)


INTEGER_WIDTH = 65536


def _check_bignum(n):
    if n.__class__ is int and n.bit_length() > INTEGER_WIDTH:
        _overflow()
    return n


def to_float(n):
    """N (an int or float) as a float; huge integers become infinities."""
    try:
        return float(n)
    except OverflowError:
        return math.inf if n > 0 else -math.inf


def _float_tail(acc, args, i, op):
    # Emacs switches to float arithmetic at the first float argument; when that
    # is the first argument it starts from its value (so (+ -0.0) is -0.0).
    if i == 0 and op is not operator.sub:
        acc = to_float(check_number(args[0]))
        i = 1
    for a in args[i:]:
        acc = op(acc, to_float(check_number(a)))
    return acc


@defun('+')
def plus(*args):
    """Return sum of any number of arguments, which are numbers or markers."""
    if len(args) == 2:
        a, b = args
        if a.__class__ is int and b.__class__ is int:
            return a + b
    total = 0
    for i, a in enumerate(args):
        if a.__class__ is not int:
            if a.__class__ is float:
                return _float_tail(to_float(total), args, i, operator.add)
            a = check_number(a)
            if a.__class__ is float:
                return _float_tail(to_float(total), args, i, operator.add)
        total += a
    return _check_bignum(total)


@defun('-')
def minus(*args):
    """Negate number or subtract numbers or markers and return the result."""
    if len(args) == 2:
        a, b = args
        if a.__class__ is int and b.__class__ is int:
            return a - b
    if not args:
        return 0
    first = check_number(args[0])
    if len(args) == 1:
        return -first
    if first.__class__ is float:
        return _float_tail(first, args, 1, operator.sub)
    for i in range(1, len(args)):
        a = args[i]
        if a.__class__ is not int:
            a = check_number(a)
            if a.__class__ is float:
                return _float_tail(to_float(first), args, i, operator.sub)
        first -= a
    return _check_bignum(first)


@defun('*')
def times(*args):
    """Return product of any number of arguments, which are numbers or markers."""
    result = 1
    for i, a in enumerate(args):
        if a.__class__ is not int:
            a = check_number(a)
            if a.__class__ is float:
                return _float_tail(to_float(result), args, i, operator.mul)
        result *= a
        if result.__class__ is int and (result > _BIG or result < -_BIG):
            _check_bignum(result)
    return _check_bignum(result)


_BIG = 1 << 4096


def _int_div(a, b):
    if b == 0:
        signal(Qarith_error, NIL)
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def float_div(a, b):
    a = to_float(a)
    b = to_float(b)
    if b == 0.0:
        if a != a:
            return a
        if a == 0.0:
            return -math.nan if True else math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


@defun('/')
def quo(number, *divisors):
    """Divide number by divisors and return the result."""
    number = check_number(number)
    divisors = [check_number(d) for d in divisors]
    if not divisors:
        if number.__class__ is float:
            return float_div(1.0, number)
        return _int_div(1, number)
    if number.__class__ is float or any(d.__class__ is float for d in divisors):
        result = to_float(number)
        for d in divisors:
            result = float_div(result, d)
        return result
    result = number
    for d in divisors:
        result = _int_div(result, d)
    return result


@defun('%')
def rem(x, y):
    """Return remainder of X divided by Y."""
    x = check_integer(x)
    y = check_integer(y)
    if y == 0:
        signal(Qarith_error, NIL)
    r = abs(x) % abs(y)
    return r if x >= 0 else -r


@defun('mod')
def mod(x, y):
    """Return X modulo Y."""
    x = check_number(x)
    y = check_number(y)
    if x.__class__ is float or y.__class__ is float:
        x = to_float(x)
        y = to_float(y)
        if y == 0.0 or x != x or x in (math.inf, -math.inf):
            return x if x != x else (y if y != y else -math.nan)
        if y != y:
            return y
        r = math.fmod(x, y)
        if r != 0 and (r < 0) != (y < 0):
            r += y
        return r
    if y == 0:
        signal(Qarith_error, NIL)
    return x % y


@defun('1+')
def add1(number):
    """Return NUMBER plus one.  NUMBER may be a number or a marker."""
    if number.__class__ is int:
        return number + 1
    return check_number(number) + 1


@defun('1-')
def sub1(number):
    """Return NUMBER minus one.  NUMBER may be a number or a marker."""
    if number.__class__ is int:
        return number - 1
    return check_number(number) - 1


def _compare_chain(args, op):
    vals = [check_number(a) for a in args]
    for i in range(len(vals) - 1):
        if not op(vals[i], vals[i + 1]):
            return NIL
    return T


@defun('=')
def num_eq(number, *numbers):
    """Return t if args, all numbers or markers, are equal."""
    if len(numbers) == 1:
        a = number
        b = numbers[0]
        if a.__class__ is int and b.__class__ is int:
            return T if a == b else NIL
    return _compare_chain((number,) + numbers, lambda a, b: a == b)


@defun('<')
def lt(number, *numbers):
    """Return t if each arg (a number or marker), is less than the next arg."""
    if len(numbers) == 1:
        a = number
        b = numbers[0]
        if a.__class__ is int and b.__class__ is int:
            return T if a < b else NIL
    return _compare_chain((number,) + numbers, lambda a, b: a < b)


@defun('>')
def gt(number, *numbers):
    """Return t if each arg (a number or marker) is greater than the next arg."""
    if len(numbers) == 1:
        a = number
        b = numbers[0]
        if a.__class__ is int and b.__class__ is int:
            return T if a > b else NIL
    return _compare_chain((number,) + numbers, lambda a, b: a > b)


@defun('<=')
def le(number, *numbers):
    """Return t if each arg (a number or marker) is less than or equal to the next."""
    if len(numbers) == 1:
        a = number
        b = numbers[0]
        if a.__class__ is int and b.__class__ is int:
            return T if a <= b else NIL
    return _compare_chain((number,) + numbers, lambda a, b: a <= b)


@defun('>=')
def ge(number, *numbers):
    """Return t if each arg (a number or marker) is greater than or equal to the next."""
    if len(numbers) == 1:
        a = number
        b = numbers[0]
        if a.__class__ is int and b.__class__ is int:
            return T if a >= b else NIL
    return _compare_chain((number,) + numbers, lambda a, b: a >= b)


@defun('/=')
def neq(num1, num2):
    """Return t if first arg is not equal to second arg.  Both must be numbers or markers."""
    return T if check_number(num1) != check_number(num2) else NIL


@defun('zerop')
def zerop(number):
    """Return t if NUMBER is zero."""
    if number.__class__ not in (int, float):
        wrong_type('numberp', number)
    return T if number == 0 else NIL


@defun('max')
def max_(number_or_marker, *numbers_or_markers):
    """Return largest of all the arguments (which must be numbers or markers)."""
    result = check_number(number_or_marker)
    for x in numbers_or_markers:
        x = check_number(x)
        if x != x:
            return x
        if result != result:
            continue
        if x > result:
            result = x
    return result


@defun('min')
def min_(number_or_marker, *numbers_or_markers):
    """Return smallest of all the arguments (which must be numbers or markers)."""
    result = check_number(number_or_marker)
    for x in numbers_or_markers:
        x = check_number(x)
        if x != x:
            return x
        if result != result:
            continue
        if x < result:
            result = x
    return result


def _logop_arg(x):
    # Emacs checks for a number first, then for an integer.
    if x.__class__ is float:
        wrong_type('integer-or-marker-p', x)
    return check_integer(check_number(x))


@defun('logand')
def logand(*ints_or_markers):
    """Return bitwise-and of all the arguments."""
    if not ints_or_markers:
        return -1
    r = check_integer(ints_or_markers[0])
    for x in ints_or_markers[1:]:
        r &= (x if x.__class__ is int else _logop_arg(x))
    return r


@defun('logior')
def logior(*ints_or_markers):
    """Return bitwise-or of all the arguments."""
    if not ints_or_markers:
        return 0
    r = check_integer(ints_or_markers[0])
    for x in ints_or_markers[1:]:
        r |= (x if x.__class__ is int else _logop_arg(x))
    return r


@defun('logxor')
def logxor(*ints_or_markers):
    """Return bitwise-exclusive-or of all the arguments."""
    if not ints_or_markers:
        return 0
    r = check_integer(ints_or_markers[0])
    for x in ints_or_markers[1:]:
        r ^= (x if x.__class__ is int else _logop_arg(x))
    return r


@defun('lognot')
def lognot(number):
    """Return the bitwise complement of NUMBER.  NUMBER must be an integer."""
    if number.__class__ is not int:
        wrong_type('integerp', number)
    return ~number


@defun('logcount')
def logcount(value):
    """Return population count of VALUE."""
    if value.__class__ is not int:
        wrong_type('integerp', value)
    return bin(value if value >= 0 else ~value).count('1')


@defun('ash')
def ash(value, count):
    """Return integer VALUE with its bits shifted left by COUNT bit positions."""
    if value.__class__ is not int:
        wrong_type('integerp', value)
    if count.__class__ is not int:
        wrong_type('integerp', count)
    if count >= 0:
        if value == 0:
            return 0
        if count > INTEGER_WIDTH:
            _overflow()
        return _check_bignum(value << count)
    if count < -INTEGER_WIDTH - value.bit_length():
        return -1 if value < 0 else 0
    return value >> -count


@defun('number-to-string')
def number_to_string(number):
    """Return the decimal representation of NUMBER as a string."""
    if number.__class__ is int:
        return str(number)
    if number.__class__ is float:
        from ..printer import format_float
        return format_float(number)
    wrong_type('numberp', number)


_DEC_NUMBER_RE = LazyPattern(
    r'[-+]?(?:[0-9]+\.?[0-9]*(?:e[-+]?(?:[0-9]+|INF|NaN))?|\.[0-9]+(?:e[-+]?(?:[0-9]+|INF|NaN))?)')
_RADIX_RES = {}


@defun('string-to-number')
def string_to_number(string, base=NIL):
    """Parse STRING as a decimal number and return the number."""
    if not isinstance(string, str):
        wrong_type('stringp', string)
    b = 10 if base is NIL else base
    if b.__class__ is not int or not 2 <= b <= 16:
        args_out_of_range(base)
    s = string.lstrip(' \t')
    if b == 10:
        if s.isascii() and s.isdigit():
            return int(s)
        m = _DEC_NUMBER_RE.match(s)
        if m:
            from ..reader import parse_number
            tok = m.group(0)
            while tok:
                n = parse_number(tok)
                if n is not None:
                    return n
                tok = tok[:-1]
        return 0
    rx = _RADIX_RES.get(b)
    if rx is None:
        rx = _RADIX_RES[b] = re.compile(r'([-+]?)([%s]+)' % '0123456789abcdef'[:b], re.I)
    m = rx.match(s)
    if not m:
        return 0
    v = int(m.group(2), b)
    return -v if m.group(1) == '-' else v


# ---------------------------------------------------------------- misc

@defun('type-of')
def type_of(obj):
    """Return a symbol representing the type of OBJECT."""
    cls = obj.__class__
    if cls is int:
        return Q('integer')
    if cls is float:
        return Q('float')
    if cls is Symbol:
        return Q('symbol')
    if isinstance(obj, str):
        return Q('string')
    if cls is Cons:
        return Q('cons')
    if cls is Vector:
        return Q('vector')
    if cls is Record:
        t = obj[0]
        if t.__class__ is Record and len(t) > 1:
            return t[1]
        return t
    if cls is BoolVector:
        return Q('bool-vector')
    if cls is HashTable:
        return Q('hash-table')
    if cls is Subr:
        return Q('subr')
    if cls is Closure:
        return Q('cons')
    name = getattr(obj, 'lisp_type', None)
    if name is not None:
        return Q(name)
    return Q(type(obj).__name__.lower())


@defun('vector-or-char-table-p')
def vector_or_char_table_p(obj):
    """Return t if OBJECT is a char-table or vector."""
    return T if obj.__class__ is Vector or getattr(obj, 'lisp_type', None) == 'char-table' else NIL


# ---------------------------------------------------------------- bool-vectors

def check_bool_vector(x):
    if x.__class__ is not BoolVector:
        wrong_type('bool-vector-p', x)
    return x


def _bool_vector_op(a, b, dest, op):
    check_bool_vector(a)
    check_bool_vector(b)
    n = len(a.bits)
    if len(b.bits) != n:
        signal(Q('wrong-length-argument'), list_(n, len(b.bits)))
    bits = [bool(op(x, y)) for x, y in zip(a.bits, b.bits)]
    if dest is NIL:
        return BoolVector(bits)
    check_bool_vector(dest)
    if len(dest.bits) != n:
        signal(Q('wrong-length-argument'), list_(n, len(b.bits), len(dest.bits)))
    changed = dest.bits != bits
    dest.bits[:] = bits
    return dest if changed else NIL


@defun('bool-vector-exclusive-or')
def bool_vector_exclusive_or(a, b, c=NIL):
    """Return A ^ B, bitwise exclusive or."""
    return _bool_vector_op(a, b, c, lambda x, y: x != y)


@defun('bool-vector-union')
def bool_vector_union(a, b, c=NIL):
    """Return A | B, bitwise or."""
    return _bool_vector_op(a, b, c, lambda x, y: x or y)


@defun('bool-vector-intersection')
def bool_vector_intersection(a, b, c=NIL):
    """Return A & B, bitwise and."""
    return _bool_vector_op(a, b, c, lambda x, y: x and y)


@defun('bool-vector-set-difference')
def bool_vector_set_difference(a, b, c=NIL):
    """Return A &~ B, set difference."""
    return _bool_vector_op(a, b, c, lambda x, y: x and not y)


@defun('bool-vector-subsetp')
def bool_vector_subsetp(a, b):
    """Return t if every t value in A is also t in B, nil otherwise."""
    check_bool_vector(a)
    check_bool_vector(b)
    if len(a.bits) != len(b.bits):
        signal(Q('wrong-length-argument'), list_(len(a.bits), len(b.bits), len(b.bits)))
    return T if all(y or not x for x, y in zip(a.bits, b.bits)) else NIL


@defun('bool-vector-not')
def bool_vector_not(a, b=NIL):
    """Compute ~A, set complement."""
    check_bool_vector(a)
    bits = [not x for x in a.bits]
    if b is NIL:
        return BoolVector(bits)
    check_bool_vector(b)
    if len(b.bits) != len(bits):
        signal(Q('wrong-length-argument'), list_(len(a.bits), len(b.bits)))
    b.bits[:] = bits
    return b


@defun('bool-vector-count-population')
def bool_vector_count_population(a):
    """Count how many elements in A are t."""
    return sum(1 for x in check_bool_vector(a).bits if x)


@defun('bool-vector-count-consecutive')
def bool_vector_count_consecutive(a, b, i):
    """Count how many consecutive elements in A equal B starting at I."""
    check_bool_vector(a)
    if i.__class__ is not int:
        wrong_type('fixnump', i)
    n = len(a.bits)
    if not 0 <= i <= n:
        args_out_of_range(a, i)
    want = b is not NIL
    j = i
    while j < n and a.bits[j] == want:
        j += 1
    return j - i


@defun('fillarray')
def fillarray(array, item):
    """Store each element of ARRAY with ITEM."""
    cls = array.__class__
    if cls is Vector:
        array[:] = [item] * len(array)
        return array
    if cls is BoolVector:
        array.bits[:] = [item is not NIL] * len(array.bits)
        return array
    if isinstance(array, str):
        if item.__class__ is not int or not 0 <= item <= 0x3FFFFF:
            wrong_type('characterp', item)
        # Strings are immutable here: return a filled copy.
        return (array.__class__ if array.__class__ is not str else str)(
            code_char(item) * len(array)) if array else array
    filler = getattr(array, 'fill', None)
    if filler is not None:
        return filler(item)
    wrong_type('arrayp', array)


intern('wholenump').function = natnump.subr
