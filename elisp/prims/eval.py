"""Primitives of Emacs's eval.c: calling functions, signals, throws, macros."""

from ..defun import defun, defvar
from ..lisp import Cons, Symbol, Subr, NIL, T, UNBOUND, intern, make_list, list_, list_to_python
from ..errors import (LispSignal, Throw, Q, signal as raise_signal, error, wrong_type,
                      invalid_function, get as get_prop, put as put_prop)
from .. import compiler
from ..compiler import (Closure, funcall as _funcall, apply_function, macroexpand_1 as _mx1,
                        macroexpand as _mx, expand_all, eval_form, Qlambda, Qclosure, Qmacro,
                        Qautoload, LambdaInfo)
from ..variables import state, symbol_value
from .fns import list_elements

defvar('debug-on-error', NIL)
defvar('debug-on-signal', NIL)
defvar('debug-on-quit', NIL)
defvar('debug-ignored-errors', NIL)
defvar('debugger', intern('debug'))
defvar('inhibit-quit', NIL)
defvar('throw-on-input', NIL)
defvar('signal-hook-function', NIL)
defvar('max-specpdl-size', 2500)
defvar('internal-make-interpreted-closure-function', NIL)


@defun('funcall')
def funcall(function, *arguments):
    """Call first argument as a function, passing remaining arguments to it."""
    return apply_function(function, arguments)


@defun('apply')
def apply(function, *arguments):
    """Call FUNCTION with our remaining args, using our last arg as list of args."""
    if not arguments:
        # (apply '(f a b)) calls f with a and b.
        lst = list_elements(function)
        if not lst:
            return NIL
        return apply_function(lst[0], lst[1:])
    spread = list_elements(arguments[-1])
    return apply_function(function, list(arguments[:-1]) + spread)


@defun('eval')
def eval_(form, lexical=NIL):
    """Evaluate FORM and return its value."""
    return eval_form(form, lexical)


@defun('signal')
def signal(error_symbol, data):
    """Signal an error.  Args are ERROR-SYMBOL and associated DATA."""
    if error_symbol is NIL and data.__class__ is Cons:
        raise LispSignal(data.car, data.cdr)
    if error_symbol.__class__ is not Symbol:
        wrong_type('symbolp', error_symbol)
    raise LispSignal(error_symbol, data)


@defun('throw')
def throw(tag, value):
    """Throw to the catch for TAG and return VALUE from it."""
    for t in state.catch_tags:
        if t is tag:
            raise Throw(tag, value)
    raise LispSignal(Q('no-catch'), list_(tag, value))


@defun('macroexpand-1')
def macroexpand_1(form, environment=NIL):
    """Perform (at most) one step of macroexpansion."""
    return _mx1(form, environment)


@defun('macroexpand')
def macroexpand(form, environment=NIL):
    """Return result of expanding macros at top level of FORM."""
    return _mx(form, environment)


@defun('macroexpand-all')
def macroexpand_all(form, environment=NIL):
    """Return result of expanding macros at all levels in FORM."""
    return expand_all(form, environment)


@defun('internal-macroexpand-for-load')
def internal_macroexpand_for_load(form, full_p):
    """Expand FORM for `load'."""
    return expand_all(form) if full_p is not NIL else _mx(form)


@defun('autoload')
def autoload(function, file, docstring=NIL, interactive=NIL, type_=NIL):
    """Define FUNCTION to autoload from FILE."""
    if function.__class__ is not Symbol:
        wrong_type('symbolp', function)
    if not isinstance(file, str):
        wrong_type('stringp', file)
    fn = function.function
    if fn is not None and fn is not NIL and not (fn.__class__ is Cons and fn.car is Qautoload):
        return NIL
    function.function = list_(Qautoload, file, docstring, interactive, type_)
    return function.function


@defun('autoloadp')
def autoloadp(obj):
    """Non-nil if OBJECT is an autoload."""
    return T if obj.__class__ is Cons and obj.car is Qautoload else NIL


@defun('commandp')
def commandp(function, for_call_interactively=NIL):
    """Non-nil if FUNCTION makes provisions for interactive calling."""
    fn = function
    if fn.__class__ is Symbol:
        if get_prop(fn, Q('interactive-form')) is not NIL:
            return T
        from .data import indirect_function
        fn = indirect_function(fn)
    if fn.__class__ is Closure:
        return T if fn.info.interactive is not None else NIL
    if fn.__class__ is Cons and fn.car in (Qlambda, Qclosure):
        body = fn.cdr.cdr if fn.car is Qlambda else fn.cdr.cdr.cdr
        if body.__class__ is Cons and isinstance(body.car, str):
            body = body.cdr
        if body.__class__ is Cons and body.car.__class__ is Cons and body.car.car is Q('interactive'):
            return T
    if isinstance(fn, str) or fn.__class__.__name__ == 'Vector':
        return T
    return NIL


@defun('interactive-form')
def interactive_form(cmd):
    """Return the interactive form of CMD or nil if none."""
    fn = cmd
    if fn.__class__ is Symbol:
        from .data import indirect_function
        fn = indirect_function(fn)
    if fn.__class__ is Closure and fn.info.interactive is not None:
        return fn.info.interactive
    return NIL


@defun('func-arity')
def func_arity(function):
    """Return minimum and maximum number of args allowed for FUNCTION."""
    fn = function
    if fn.__class__ is Symbol:
        from .data import indirect_function
        fn = indirect_function(fn)
        if fn is NIL:
            raise_signal(Q('void-function'), list_(function))
    if fn.__class__ is Subr:
        if fn.special:
            return Cons(fn.min_args, Q('unevalled'))
        return Cons(fn.min_args, Q('many') if fn.max_args is None else fn.max_args)
    if fn.__class__ is Cons and fn.car is Qmacro:
        return func_arity(fn.cdr)
    if fn.__class__ is Cons and fn.car in (Qlambda, Qclosure):
        fn = compiler._list_closure(fn)
    if fn.__class__ is Closure:
        info = fn.info
        return Cons(info.nreq, Q('many') if info.nmax is None else info.nmax)
    invalid_function(function)


@defun('run-hooks')
def run_hooks(*hookvars):
    """Run each hook in HOOKS."""
    for h in hookvars:
        run_hook_with_args(h)
    return NIL


def _hook_functions(hook):
    from ..variables import symbol_value_or_unbound, default_value
    val = symbol_value_or_unbound(hook)
    if val is UNBOUND or val is NIL:
        return []
    if val.__class__ is not Cons or val.car is Qlambda or val.car is Qclosure:
        return [val]
    out = []
    for f in list_to_python(val):
        if f is T:
            g = default_value(hook)
            if g is not UNBOUND and g is not NIL:
                if g.__class__ is Cons and g.car not in (Qlambda, Qclosure):
                    out.extend(x for x in list_to_python(g) if x is not T)
                else:
                    out.append(g)
        else:
            out.append(f)
    return out


@defun('run-hook-with-args')
def run_hook_with_args(hook, *args):
    """Run HOOK with the specified arguments ARGS."""
    for f in _hook_functions(hook):
        apply_function(f, args)
    return NIL


@defun('run-hook-with-args-until-success')
def run_hook_with_args_until_success(hook, *args):
    """Run HOOK with the specified arguments ARGS until a function returns non-nil."""
    for f in _hook_functions(hook):
        r = apply_function(f, args)
        if r is not NIL:
            return r
    return NIL


@defun('run-hook-with-args-until-failure')
def run_hook_with_args_until_failure(hook, *args):
    """Run HOOK with the specified arguments ARGS until a function returns nil."""
    for f in _hook_functions(hook):
        if apply_function(f, args) is NIL:
            return NIL
    return T


@defun('run-hook-wrapped')
def run_hook_wrapped(hook, wrap_function, *args):
    """Run HOOK, passing each function through WRAP-FUNCTION."""
    for f in _hook_functions(hook):
        r = apply_function(wrap_function, (f,) + args)
        if r is not NIL:
            return r
    return NIL


@defun('backtrace-frame')
def backtrace_frame(nframes, base=NIL):
    """Return the function and arguments NFRAMES up from current execution point."""
    return NIL


@defun('backtrace-frames')
def backtrace_frames(base=NIL):
    """Collect all frames of the current backtrace into a list."""
    return NIL


@defun('mapbacktrace')
def mapbacktrace(function, base=NIL):
    """Call FUNCTION for each frame in backtrace."""
    return NIL


@defun('backtrace-debug')
def backtrace_debug(level, flag):
    """Set the debug-on-exit flag of eval frame LEVEL levels down to FLAG."""
    return flag


@defun('backtrace')
def backtrace():
    """Print a trace of Lisp function calls currently active."""
    return NIL


@defun('special-variable-p-internal')
def _unused(sym):
    """Internal."""
    return NIL


@defun('internal--define-uninitialized-variable')
def define_uninitialized_variable(symbol, doc=NIL):
    """Define SYMBOL as a variable, with DOC as its docstring."""
    symbol.special = True
    if doc is not NIL:
        put_prop(symbol, Q('variable-documentation'), doc)
    return NIL


@defun('internal-interpreter-environment-p')
def _env_p():
    """Internal."""
    return NIL


@defun('documentation')
def documentation(function, raw=NIL):
    """Return the documentation string of FUNCTION."""
    fn = function
    if fn.__class__ is Symbol:
        doc = get_prop(fn, Q('function-documentation'))
        if doc is not NIL:
            return doc if isinstance(doc, str) else compiler.eval_form(doc, NIL)
        from .data import indirect_function
        fn = indirect_function(fn)
        if fn is NIL:
            raise_signal(Q('void-function'), list_(function))
    if fn.__class__ is Cons and fn.car is Qmacro:
        fn = fn.cdr
    if fn.__class__ is Subr:
        return fn.doc if fn.doc else NIL
    if fn.__class__ is Cons and fn.car in (Qlambda, Qclosure):
        fn = compiler._list_closure(fn)
    if fn.__class__ is Closure:
        return fn.info.doc if fn.info.doc is not None else NIL
    if fn.__class__ is Cons and fn.car is Qautoload:
        d = fn.cdr.cdr.car if fn.cdr.__class__ is Cons and fn.cdr.cdr.__class__ is Cons else NIL
        return d if isinstance(d, str) else NIL
    invalid_function(function)
