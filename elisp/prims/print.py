"""Primitives of Emacs's print.c: prin1, princ, print, terpri, error messages."""

import sys

from ..defun import defun, defvar
from ..lisp import Cons, Symbol, Subr, NIL, T, UNBOUND, intern, list_, list_to_python
from ..errors import LispSignal, Q, get as get_prop, wrong_type
from ..printer import prin1_to_string, princ_to_string
from ..variables import symbol_value, symbol_value_or_unbound
from ..compiler import funcall

Vstandard_output = defvar('standard-output', T)
Qexternal_debugging_output = intern('external-debugging-output')
Qsymbolp = intern('symbolp')


class Output:
    """The process's standard output and error, as bytes, Emacs-style encoded."""

    def __init__(self):
        self.pending = []
        self.size = 0
        self.need_newline = False     # stdout's last text did not end a line

    def write_stdout(self, text):
        if not text:
            return
        self.pending.append(text)
        self.size += len(text)
        # Emacs in batch starts the next message on a new line after any
        # output to stdout, whether or not that output ended a line.
        self.need_newline = True
        if self.size > 65536 or '\n' in text and _interactive_flush:
            self.flush()

    def flush(self):
        if self.pending:
            data = ''.join(self.pending)
            self.pending = []
            self.size = 0
            out = sys.stdout.buffer if hasattr(sys.stdout, 'buffer') else None
            if out is None:
                sys.stdout.write(data)
            else:
                out.write(encode_for_terminal(data))
        try:
            sys.stdout.flush()
        except (BrokenPipeError, ValueError):
            pass

    def fresh_line_stderr(self):
        """Emacs in batch starts a message on a new line after output to stdout
        (the REPL, being interactive, does not)."""
        if self.need_newline and not _interactive_flush:
            self.need_newline = False
            self.write_stderr('\n')

    def write_stderr(self, text):
        self.flush()
        err = sys.stderr.buffer if hasattr(sys.stderr, 'buffer') else None
        try:
            if err is None:
                sys.stderr.write(text)
            else:
                err.write(encode_for_terminal(text))
            sys.stderr.flush()
        except (BrokenPipeError, ValueError):
            pass


_interactive_flush = False


def set_interactive_flush(flag):
    global _interactive_flush
    _interactive_flush = flag


def encode_for_terminal(text):
    return text.encode('utf-8', 'surrogateescape')


output = Output()


def write_to(printcharfun, text):
    """Send TEXT to PRINTCHARFUN as Emacs's print functions do."""
    dest = printcharfun
    if dest is NIL:
        dest = symbol_value(Vstandard_output)
    if dest is T or dest is NIL:
        output.write_stdout(text)
        return
    if dest is Qexternal_debugging_output:
        output.write_stderr(text)
        return
    if dest is Qsymbolp:
        return          # eval-buffer's way of discarding output
    inserter = getattr(dest, 'print_insert', None)
    if inserter is not None:
        inserter(text)
        return
    from ..lisp import string_char_code
    for i in range(len(text)):
        funcall(dest, string_char_code(text, i))


def _destination(printcharfun):
    return symbol_value(Vstandard_output) if printcharfun is NIL else printcharfun


def _to_stream(printcharfun):
    dest = printcharfun
    if dest is NIL:
        dest = symbol_value(Vstandard_output)
    return dest is T or dest is NIL or dest is Qexternal_debugging_output


def _print_out(obj, printcharfun, escape, before='', after=''):
    try:
        text = prin1_to_string(obj, escape, _to_stream(printcharfun))
    except LispSignal as e:
        # Emacs prints as it goes: what was printed before the error stays.
        partial = getattr(e, 'partial_output', None)
        if (partial or before) and not hasattr(_destination(printcharfun), 'print_insert'):
            write_to(printcharfun, before + (partial or ''))
        raise
    write_to(printcharfun, before + text + after)


@defun('prin1')
def prin1(obj, printcharfun=NIL, overrides=NIL):
    """Output the printed representation of OBJECT, any Lisp object."""
    _print_out(obj, printcharfun, True)
    return obj


@defun('princ')
def princ(obj, printcharfun=NIL):
    """Output the printed representation of OBJECT, any Lisp object, without quoting."""
    _print_out(obj, printcharfun, False)
    return obj


@defun('print')
def print_(obj, printcharfun=NIL):
    """Output the printed representation of OBJECT, with newlines around it."""
    _print_out(obj, printcharfun, True, '\n', '\n')
    return obj


@defun('terpri')
def terpri(printcharfun=NIL, ensure=NIL):
    """Output a newline to stream PRINTCHARFUN."""
    write_to(printcharfun, '\n')
    return T


@defun('write-char')
def write_char(char, printcharfun=NIL):
    """Output character CHARACTER to stream PRINTCHARFUN."""
    from ..lisp import code_char
    if char.__class__ is not int:
        wrong_type('characterp', char)
    write_to(printcharfun, code_char(char))
    return char


@defun('prin1-to-string')
def prin1_to_string_(obj, noescape=NIL, overrides=NIL):
    """Return a string containing the printed representation of OBJECT."""
    return prin1_to_string(obj, noescape is NIL)


@defun('external-debugging-output')
def external_debugging_output(character):
    """Write CHARACTER to stderr."""
    from ..lisp import code_char
    output.write_stderr(code_char(character))
    return character


@defun('redirect-debugging-output')
def redirect_debugging_output(file, append=NIL):
    """Redirect debugging output (stderr stream) to file FILE."""
    return NIL


def error_message_string(err):
    """The text Emacs shows for error object ERR = (SYMBOL . DATA)."""
    if err.__class__ is not Cons:
        if err is NIL:
            return 'peculiar error'
        wrong_type('listp', err)
    errname = err.car
    if errname.__class__ is not Symbol:
        wrong_type('symbolp', errname)
    file_error = False
    if errname is Q('error'):
        data = err.cdr
        if data.__class__ is not Cons:
            data = NIL
        errmsg = data.car if data.__class__ is Cons else NIL
        tail = data.cdr if data.__class__ is Cons else NIL
    else:
        conditions = get_prop(errname, Q('error-conditions')) if errname.__class__ is Symbol else NIL
        errmsg = get_prop(errname, Q('error-message')) if errname.__class__ is Symbol else NIL
        if isinstance(errmsg, str) and ("'" in errmsg or '`' in errmsg):
            # substitute-command-keys with the default curved text-quoting-style
            errmsg = errmsg.replace('`', '\u2018').replace("'", '\u2019')
        x = conditions
        while x.__class__ is Cons:
            if x.car is Q('file-error'):
                file_error = True
            x = x.cdr
        tail = err.cdr
        if file_error and tail.__class__ is Cons:
            errmsg = tail.car
            tail = tail.cdr
    parts = []
    sep = ': '
    if not isinstance(errmsg, str):
        parts.append('peculiar error')
    elif errmsg:
        parts.append(errmsg)
    else:
        sep = None
    princ_items = file_error or errname is Q('end-of-file') or errname is Q('user-error')
    while tail.__class__ is Cons:
        if sep:
            parts.append(sep)
        sep = ', '
        obj = tail.car
        parts.append(princ_to_string(obj) if princ_items else prin1_to_string(obj))
        tail = tail.cdr
    return ''.join(parts)


@defun('error-message-string')
def error_message_string_(obj):
    """Convert an error value (ERROR-SYMBOL . DATA) to an error message."""
    return error_message_string(obj)
