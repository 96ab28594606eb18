;;; byte-run.el --- defining functions and macros  -*- lexical-binding: t -*-

;; The first file loaded at start-up: it may use only primitives and
;; special forms.  `defmacro' and `defun' are macros over `defalias', as in
;; Emacs; `declare' forms are handled through `defun-declarations-alist' and
;; `macro-declarations-alist' so that later libraries (gv.el) can add to them.

(defalias 'purecopy #'identity)

(defvar defun-declarations-alist
  (list
   (list 'advertised-calling-convention #'(lambda (_f _args _arglist _when) nil))
   (list 'obsolete
         #'(lambda (f _args new-name when)
             (list 'make-obsolete (list 'quote f) (list 'quote new-name) when)))
   (list 'interactive-only #'(lambda (f _args val)
                               (list 'function-put (list 'quote f)
                                     ''interactive-only (list 'quote val))))
   (list 'pure #'(lambda (f _args val)
                   (list 'function-put (list 'quote f) ''pure (list 'quote val))))
   (list 'side-effect-free #'(lambda (f _args val)
                               (list 'function-put (list 'quote f)
                                     ''side-effect-free (list 'quote val))))
   (list 'compiler-macro #'(lambda (_f _args _macro) nil))
   (list 'doc-string #'(lambda (f _args pos)
                         (list 'function-put (list 'quote f) ''doc-string-elt
                               (list 'quote pos))))
   (list 'indent #'(lambda (f _args val)
                     (list 'function-put (list 'quote f) ''lisp-indent-function
                           (list 'quote val))))
   (list 'completion #'(lambda (_f _args _val) nil))
   (list 'modes #'(lambda (_f _args &rest _modes) nil))
   (list 'speed #'(lambda (_f _args _val) nil))
   (list 'important-return-value #'(lambda (_f _args _val) nil)))
  "List associating function properties to their macro expansion.")

(defvar macro-declarations-alist
  (cons
   (list 'debug #'(lambda (_name _args _spec) nil))
   (cons
    (list 'no-font-lock-keyword #'(lambda (_name _args _val) nil))
    defun-declarations-alist))
  "List associating properties of macros to their macro expansion.")

(defalias 'function-put
  #'(lambda (func prop value)
      "Set FUNCTION's property PROP to VALUE."
      (put func prop value)))

(defalias 'function-get
  #'(lambda (f prop &optional _autoload)
      "Return the value of property PROP of function F."
      (let ((val nil))
        (while (and (symbolp f)
                    (null (setq val (get f prop)))
                    (fboundp f)
                    (let ((fundef (symbol-function f)))
                      (if (symbolp fundef) (progn (setq f fundef) t) nil))))
        val)))

(defalias 'byte-run--parse-body
  #'(lambda (body allow-interactive)
      "Split BODY into (DOCSTRING DECLARATIONS INTERACTIVE-FORM . REST)."
      (let ((docstring nil) (declarations nil) (interactive nil) (warnings nil)
            (done nil))
        (while (and body (not done))
          (let ((form (car body)))
            (cond
             ((and (stringp form) (cdr body) (null docstring)
                   (null declarations) (null interactive))
              (setq docstring form))
             ((and (consp form) (eq (car form) 'declare))
              (setq declarations (append declarations (cdr form))))
             ((and allow-interactive (consp form) (eq (car form) 'interactive)
                   (null interactive))
              (setq interactive form))
             (t (setq done t))))
          (if (not done) (setq body (cdr body))))
        (list docstring declarations interactive body warnings))))

(defalias 'byte-run--declarations
  #'(lambda (name arglist declarations alist)
      "Expand DECLARATIONS of NAME using ALIST."
      (let ((result nil))
        (while declarations
          (let* ((decl (car declarations))
                 (handler (and (consp decl) (assq (car decl) alist))))
            (if handler
                (let ((form (apply (car (cdr handler)) name arglist (cdr decl))))
                  (if form (setq result (cons form result))))
              (if (consp decl)
                  (message "Warning: Unknown %s property `%S'"
                           (if (eq alist macro-declarations-alist) "macro" "defun")
                           (car decl)))))
          (setq declarations (cdr declarations)))
        (nreverse result))))

(defalias 'defmacro
  (cons 'macro
        #'(lambda (name arglist &rest body)
            "Define NAME as a macro."
            (let* ((parsed (byte-run--parse-body body nil))
                   (docstring (car parsed))
                   (declarations (car (cdr parsed)))
                   (real-body (car (cdr (cdr (cdr parsed)))))
                   (decl-forms (byte-run--declarations name arglist declarations
                                                       macro-declarations-alist))
                   (lambda-body (if docstring (cons docstring real-body) real-body))
                   (def (list 'defalias (list 'quote name)
                              (list 'cons ''macro
                                    (list 'function
                                          (cons 'lambda (cons arglist lambda-body)))))))
              (if decl-forms
                  (cons 'prog1 (cons def decl-forms))
                def)))))

(defmacro defun (name arglist &rest body)
  "Define NAME as a function."
  (declare (doc-string 3) (indent 2))
  (or name (error "Cannot define '%s' as a function" name))
  (let* ((parsed (byte-run--parse-body body t))
         (docstring (car parsed))
         (declarations (car (cdr parsed)))
         (interactive (car (cdr (cdr parsed))))
         (real-body (car (cdr (cdr (cdr parsed)))))
         (decl-forms (byte-run--declarations name arglist declarations
                                             defun-declarations-alist))
         (lambda-body (if docstring (cons docstring real-body) real-body))
         (lambda-body (if interactive
                          (if docstring
                              (cons docstring (cons interactive real-body))
                            (cons interactive real-body))
                        lambda-body))
         (def (list 'defalias (list 'quote name)
                    (list 'function (cons 'lambda (cons arglist lambda-body))))))
    (if decl-forms
        (cons 'prog1 (cons def decl-forms))
      def)))

(defmacro lambda (&rest cdr)
  "Return an anonymous function."
  (declare (doc-string 2) (indent defun))
  (list 'function (cons 'lambda cdr)))

(defmacro setq-default (&rest args)
  "Set the default value of variable VAR to VALUE."
  (declare (debug setq))
  (let ((exps nil))
    (while args
      (setq exps (cons (list 'set-default (list 'quote (car args)) (car (cdr args))) exps))
      (setq args (cdr (cdr args))))
    (cons 'progn (nreverse exps))))

(defmacro prog2 (form1 form2 &rest body)
  "Eval FORM1, FORM2 and BODY sequentially; return value from FORM2."
  (declare (indent 2) (debug t))
  (list 'progn form1 (cons 'prog1 (cons form2 body))))

(defmacro defsubst (name arglist &rest body)
  "Define an inline function.  The syntax is just like that of `defun'."
  (declare (doc-string 3) (indent 2))
  (cons 'defun (cons name (cons arglist body))))

(defmacro declare (&rest _specs)
  "Do not evaluate any arguments, and return nil."
  nil)

(defmacro dont-compile (&rest body)
  "Like `progn', but the body always runs interpreted."
  (list 'eval (list 'quote (if (cdr body) (cons 'progn body) (car body)))))

(defmacro eval-when-compile (&rest body)
  "Like `progn', but evaluates the body at compile time if you're compiling."
  (cons 'progn body))

(defmacro eval-and-compile (&rest body)
  "Like `progn', but evaluates the body at compile time and at load time."
  (cons 'progn body))

(defmacro with-no-warnings (&rest body)
  "Like `progn', but prevents compiler warnings in the body."
  (cons 'progn body))

(defmacro with-suppressed-warnings (_warnings &rest body)
  "Like `progn', but prevents compiler WARNINGS in BODY."
  (cons 'progn body))

(defmacro declare-function (_fn _file &rest _args)
  "Tell the byte-compiler that function FN is defined, in FILE."
  nil)

(defun make-obsolete (obsolete-name current-name when)
  "Make the byte-compiler warn that function OBSOLETE-NAME is obsolete."
  (put obsolete-name 'byte-obsolete-info
       (list current-name nil when))
  obsolete-name)

(defmacro define-obsolete-function-alias (obsolete-name current-name when
                                                        &optional docstring)
  "Set OBSOLETE-NAME's function definition to CURRENT-NAME and mark it obsolete."
  (list 'progn
        (list 'defalias obsolete-name current-name docstring)
        (list 'make-obsolete obsolete-name current-name when)))

(defun make-obsolete-variable (obsolete-name current-name when &optional access-type)
  "Make the byte-compiler warn that OBSOLETE-NAME is obsolete."
  (put obsolete-name 'byte-obsolete-variable
       (list current-name access-type when))
  obsolete-name)

(defmacro define-obsolete-variable-alias (obsolete-name current-name when
                                                        &optional docstring)
  "Make OBSOLETE-NAME a variable alias for CURRENT-NAME and mark it obsolete."
  (list 'progn
        (list 'defvaralias obsolete-name current-name docstring)
        (list 'make-obsolete-variable obsolete-name current-name when)))

(defmacro defvar-local (var val &optional docstring)
  "Define VAR as a buffer-local variable with default value VAL."
  (declare (doc-string 3) (indent 2))
  (list 'progn (list 'defvar var val docstring)
        (list 'make-variable-buffer-local (list 'quote var))))
