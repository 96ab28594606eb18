"""Support for stdlib/ert.el: a clock, ERT's timestamp format, and the layout
of failure conditions as Emacs 28 prints them in batch mode (`pp' followed by
`indent-sexp', with tab indentation)."""

import time

from ..defun import defun
from ..lisp import NIL, intern, Symbol
from ..errors import wrong_type

# lisp-indent-function of the symbols Emacs 28 knows after (require 'ert).
_INDENT_TABLE = """
atomic-change-group:0 autoload:defun benchmark-progn:0 benchmark-run:1
benchmark-run-compiled:1 catch:1 cl-block:1 cl-callf:2 cl-callf2:3 cl-case:1
cl-defgeneric:2 cl-define-compiler-macro:2 cl-defmacro:2 cl-defmethod:defun
cl-defstruct:1 cl-defsubst:2 cl-deftype:2 cl-defun:2 cl-destructuring-bind:2 cl-do:2
cl-do*:2 cl-do-all-symbols:1 cl-do-symbols:1 cl-dolist:1 cl-dotimes:1 cl-ecase:1
cl-etypecase:1 cl-eval-when:1 cl-flet:1 cl-flet*:1
cl-generic-define-context-rewriter:defun cl-generic-define-generalizer:1 cl-iter-defun:2
cl-labels:1 cl-letf:1 cl-letf*:1 cl-macrolet:1 cl-multiple-value-bind:2
cl-multiple-value-setq:1 cl-progv:2 cl-return-from:1 cl-symbol-macrolet:1 cl-the:1
cl-typecase:1 combine-after-change-calls:0 combine-change-calls:2
comment-with-narrowing:2 condition-case:2 condition-case-no-debug:2
condition-case-unless-debug:2 debugger-env-macro:0 def-edebug-elem-spec:1
def-edebug-spec:1 defadvice:2 define-advice:2 define-generic-mode:1
define-ibuffer-column:defun define-ibuffer-filter:2 define-ibuffer-op:2
define-ibuffer-sorter:1 define-inline:defun defmacro:2 defun:2 delay-mode-hooks:0 dlet:1
dolist:1 dolist-with-progress-reporter:2 dont-compile:0 dotimes:1
dotimes-with-progress-reporter:2 easy-menu-define:defun easy-mmode-defmap:1
easy-mmode-defsyntax:1 ert-deftest:2 ert-info:1 eval-after-load:1 eval-and-compile:0
eval-when-compile:0 gv-define-expander:1 gv-define-setter:2 gv-letplace:2 handler-bind:1
handler-case:1 if:2 if-let:2 ignore-error:1 ignore-errors:0 inline:0
isearch-define-mode-toggle:defun lambda:defun let:1 let*:1 let-alist:1
let-when-compile:1 letrec:1 macroexp-let2:3 macroexp-let2*:2
minibuffer-with-setup-hook:1 pcase:1 pcase-defmacro:2 pcase-dolist:1 pcase-exhaustive:1
pcase-lambda:defun pcase-let:1 pcase-let*:1 prog1:1 prog2:2 progn:0 report-errors:1
rx-define:defun rx-let:1 rx-let-eval:1 save-current-buffer:0 save-excursion:0
save-mark-and-excursion:0 save-match-data:0 save-restriction:0 save-selected-window:0
save-window-excursion:0 track-mouse:0 transient-append-suffix:defun
transient-insert-suffix:defun transient-remove-suffix:defun
transient-replace-suffix:defun unless:1 unwind-protect:1 when:1 when-let:1 while:1
while-no-input:0 with-auto-compression-mode:0 with-case-table:1 with-category-table:1
with-coding-priority:1 with-current-buffer:1 with-current-buffer-window:3
with-demoted-errors:1 with-displayed-buffer-window:3 with-environment-variables:1
with-eval-after-load:1 with-existing-directory:0 with-file-modes:1 with-help-window:1
with-local-quit:0 with-minibuffer-selected-window:0 with-mutex:1 with-no-warnings:0
with-output-to-string:0 with-output-to-temp-buffer:1 with-selected-frame:1
with-selected-window:1 with-silent-modifications:0 with-suppressed-warnings:1
with-syntax-table:1 with-temp-buffer:0 with-temp-buffer-window:3 with-temp-file:1
with-temp-message:1 with-timeout:1 with-window-non-dedicated:1 with-wrapper-hook:2
"""
INDENT = {}
for _item in _INDENT_TABLE.split():
    _name, _, _method = _item.rpartition(':')
    INDENT[_name] = 'defun' if _method == 'defun' else int(_method)


@defun("ert--python-time")
def ert_python_time():
    """Return the current time as a float number of seconds."""
    return time.time()


@defun("ert--python-format-time")
def ert_python_format_time(seconds):
    """Format SECONDS (a float) as YYYY-MM-DD HH:MM:SS+ZZZZ in local time."""
    if seconds.__class__ not in (int, float):
        wrong_type('numberp', seconds)
    return time.strftime('%Y-%m-%d %H:%M:%S%z', time.localtime(seconds))


def _skip_string(s, i):
    """Index just after the string literal starting at S[I]."""
    i += 1
    n = len(s)
    while i < n:
        c = s[i]
        if c == '\\':
            i += 2
            continue
        if c == '"':
            return i + 1
        i += 1
    return n


def _down_list(s, pos):
    i, n = pos, len(s)
    while i < n:
        c = s[i]
        if c in '([':
            return i + 1
        if c in ')]':
            return None
        if c == '"':
            i = _skip_string(s, i)
            continue
        if c == '\\':
            i += 2
            continue
        i += 1
    return None


def _up_list(s, pos):
    i, n, depth = pos, len(s), 0
    while i < n:
        c = s[i]
        if c in '([':
            depth += 1
        elif c in ')]':
            if depth == 0:
                return i + 1
            depth -= 1
        elif c == '"':
            i = _skip_string(s, i)
            continue
        elif c == '\\':
            i += 2
            continue
        i += 1
    return None


def pp_buffer_breaks(s):
    """Insert line breaks as Emacs's `pp-buffer' does (before indenting)."""
    pos = 0
    while pos < len(s):
        d = _down_list(s, pos)
        if d is not None:
            pos = d
            q = d - 1
            while q > 0 and s[q - 1] in "'`#^":
                q -= 1
            if q > 0 and s[q - 1] in ' \t\n':
                r = q
                while r > 0 and s[r - 1] in ' \t\n':
                    r -= 1
                s = s[:r] + '\n' + s[q:]
                pos += (r - q) + 1
            continue
        u = _up_list(s, pos)
        if u is not None:
            pos = u
            while pos < len(s) and s[pos] in ')]':
                pos += 1
            r = pos
            while r < len(s) and s[r] in ' \t\n':
                r += 1
            s = s[:pos] + '\n' + s[r:]
            pos += 1
            continue
        break
    return s


class _Elt:
    __slots__ = ('line', 'col', 'paren_col', 'is_list', 'text')

    def __init__(self, line, col):
        self.line = line
        self.col = col
        self.paren_col = None
        self.is_list = False
        self.text = ''


class _Frame:
    __slots__ = ('line', 'col', 'elts')

    def __init__(self, line, col):
        self.line = line
        self.col = col
        self.elts = []


def _indent_method(name):
    sym = intern(name) if name else None
    if sym is not None:
        from .. import errors
        m = errors.get(sym, intern('lisp-indent-function'))
        if m.__class__ is int:
            return m
        if m is intern('defun'):
            return 'defun'
    return INDENT.get(name)


# The final `indent-sexp' runs in ERT's fundamental-mode buffer, so characters
# have the syntax of the standard syntax table: these are punctuation there
# (so "'", "#", ":" and "..." are no sexps at all), the parens are ()[]{}.
_PUNCT = set("!#',.:;?@^`~") | {chr(c) for c in range(32) if chr(c) not in ' \t\n\f'} | {'\x7f'}
_SPACE = set(' \t\n\f\xa0')


def _compute_indent(frame, first_cols, base):
    """Column for a line inside FRAME, as `calculate-lisp-indent' computes it."""
    if frame is None:
        return base, True
    elts = frame.elts
    if not elts:
        return frame.col + 1, True
    e0, last = elts[0], elts[-1]
    if e0.is_list:
        normal = e0.col
    elif last.line == e0.line:
        normal = e0.col if last is e0 else elts[1].col
    else:
        normal = first_cols[last.line]
    result = None
    t0 = e0.text
    if e0.is_list or not t0 or t0[0] in '"\\':
        result = e0.col if last.line == e0.line else first_cols[last.line]
    else:
        method = _indent_method(t0)
        if method == 'defun' or (method is None and len(t0) > 3 and t0.startswith('def')):
            if last.line == frame.line:
                result = frame.col + 2
        elif method.__class__ is int:
            count = method - (len(elts) - 1)
            if count > 0:
                # A distinguished argument: (COLUMN START), not reused for later lines.
                return (frame.col + 4 if method - count <= 1 else normal), False
            elif (method == 0 and count == 0) or (count == 0 and frame.col + 2 <= normal):
                result = frame.col + 2
            else:
                result = normal
    return (normal if result is None else result), True


def _indent_string(col):
    return '\t' * (col // 8) + ' ' * (col % 8)


def indent_sexp(text, base):
    """Reindent TEXT (whose first line starts at column BASE) as `indent-sexp' would."""
    lines = text.split('\n')
    out_lines = []
    stack = []
    first_cols = []
    # Like `lisp-indent-calc-next': one cached column per depth; a line at a
    # depth whose column is known reuses it without recomputing.
    cache = [None]
    for li, raw in enumerate(lines):
        content = raw.lstrip(' \t')
        if li == 0:
            col0 = base + (len(raw) - len(content))
            prefix = raw[:len(raw) - len(content)]
        else:
            if cache and cache[-1] is not None:
                col0 = cache[-1]
            else:
                col0, cacheable = _compute_indent(stack[-1] if stack else None, first_cols, base)
                if cacheable and cache:
                    cache[-1] = col0
            prefix = _indent_string(col0)
        depth_before = len(stack)
        out_lines.append(prefix + content)
        first_cols.append(None)
        i, n = 0, len(content)
        while i < n:
            c = content[i]
            col = col0 + i
            if c in _SPACE or c in _PUNCT:
                i += 1
                continue
            if first_cols[li] is None:
                first_cols[li] = col
            frame = stack[-1] if stack else None
            if c in '([':
                e = _Elt(li, col)
                e.is_list = True
                if frame is not None:
                    frame.elts.append(e)
                stack.append(_Frame(li, col))
                i += 1
                continue
            if c in ')]':
                if stack:
                    stack.pop()
                i += 1
                continue
            e = _Elt(li, col)
            if frame is not None:
                frame.elts.append(e)
            start = i
            if c == '"':
                i = _skip_string(content, i)
            else:
                while i < n:
                    ch = content[i]
                    if ch == '\\':
                        i += 2
                        continue
                    if ch in _SPACE or ch in _PUNCT or ch in '()[]"':
                        break
                    i += 1
                i = min(i, n)
            e.text = content[start:i]
        if first_cols[li] is None:
            first_cols[li] = col0
        delta = len(stack) - depth_before
        if delta < 0:
            del cache[len(cache) + delta:]
        elif delta > 0:
            cache.extend([None] * delta)
    return '\n'.join(out_lines)


@defun("ert--pp-layout")
def ert_pp_layout(text, indent):
    """Lay out TEXT, printed Lisp, as ERT prints a condition at column INDENT."""
    if not isinstance(text, str):
        wrong_type('stringp', text)
    s = pp_buffer_breaks(str(text))
    if s.endswith('\n'):
        s = s[:-1]
    return indent_sexp(s, indent if indent.__class__ is int else 0)
