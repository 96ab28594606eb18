"""Symbol value cells: global values, buffer-local values and dynamic binding.

A symbol's `val` slot holds its value directly, except for two markers:
UNBOUND, and a SpecialValue of kind 'localized' for variables that have (or
may get) buffer-local bindings; then the per-buffer values live in each
buffer's `local_vars` dict and the SpecialValue holds the default.
"""

from .lisp import Symbol, SpecialValue, UNBOUND, NIL, T, Cons, intern
from .errors import void_variable, setting_constant, LispSignal, Q, list_


class _State:
    """Interpreter-wide mutable state."""
    current_buffer = None      # set by prims.buffer at start-up
    lisp_eval_depth = 0
    catch_tags = []            # tags of the active `catch` forms, innermost last

    @staticmethod
    def interrupt_thread(thread):
        """Raise KeyboardInterrupt inside THREAD (Ctrl-C while Lisp runs there)."""
        import ctypes
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident),
                                                   ctypes.py_object(KeyboardInterrupt))


state = _State()


def symbol_value(sym):
    v = sym.val
    if v.__class__ is SpecialValue:
        if v is UNBOUND:
            void_variable(sym)
        v = state.current_buffer.local_vars.get(sym, v.default)
        if v is UNBOUND:
            void_variable(sym)
    return v


def symbol_value_slow(sym):
    return symbol_value(sym)


def symbol_value_or_unbound(sym):
    v = sym.val
    if v.__class__ is SpecialValue:
        if v is UNBOUND:
            return UNBOUND
        return state.current_buffer.local_vars.get(sym, v.default)
    return v


def default_value(sym):
    v = sym.val
    if v.__class__ is SpecialValue:
        if v is UNBOUND:
            return UNBOUND
        return v.default
    return v


def check_settable(sym, value=None):
    if sym.constant:
        if sym.name.startswith(':') and sym.interned and value is sym:
            return
        setting_constant(sym)


def set_value(sym, value):
    """`set`: assign SYM's current binding (buffer-local if there is one)."""
    v = sym.val
    if v.__class__ is SpecialValue:
        if v is UNBOUND:
            if sym.constant:
                check_settable(sym, value)
            sym.val = value
            return value
        if sym.constant:
            check_settable(sym, value)
        locals_ = state.current_buffer.local_vars
        if sym in locals_ or v.local_if_set:
            locals_[sym] = value
        else:
            v.default = value
        return value
    if sym.constant:
        check_settable(sym, value)
    sym.val = value
    return value


def set_default(sym, value):
    if sym.constant:
        check_settable(sym, value)
    v = sym.val
    if v.__class__ is SpecialValue and v is not UNBOUND:
        v.default = value
    else:
        sym.val = value
    return value


def make_localized(sym, local_if_set=False):
    v = sym.val
    if v.__class__ is SpecialValue and v is not UNBOUND:
        if local_if_set:
            v.local_if_set = True
        return v
    loc = SpecialValue('localized', v, local_if_set)
    sym.val = loc
    return loc


def is_localized(sym):
    v = sym.val
    return v.__class__ is SpecialValue and v is not UNBOUND


def local_binding_p(sym, buffer):
    return is_localized(sym) and sym in buffer.local_vars


# ---------------------------------------------------------------- dynamic binding

def specbind(sym, value):
    """Bind SYM dynamically to VALUE; return what `unbind` needs to undo it."""
    v = sym.val
    if v.__class__ is SpecialValue and v is not UNBOUND:
        buf = state.current_buffer
        if sym in buf.local_vars:
            old = buf.local_vars[sym]
            buf.local_vars[sym] = value
            return (sym, buf, old)
        old = v.default
        if sym.constant:
            check_settable(sym, value)
        v.default = value
        return (sym, None, old)
    if sym.constant:
        check_settable(sym, value)
    sym.val = value
    return (sym, None, v)


def unbind(record):
    sym, buf, old = record
    v = sym.val
    if buf is not None:
        if sym in buf.local_vars:
            buf.local_vars[sym] = old
        return
    if v.__class__ is SpecialValue and v is not UNBOUND:
        v.default = old
    else:
        sym.val = old
