;;; pcase.el --- ML-style pattern matching  -*- lexical-binding: t -*-

;; Each clause's pattern is compiled into one test expression.  The test
;; stores matched parts in fresh uninterned variables (bound once around the
;; whole `pcase'); when it succeeds, the clause body runs inside a `let' that
;; binds the pattern's own variable names to those.  Guards, `pred' and `app'
;; forms are wrapped in the same kind of `let' so they see the variables bound
;; earlier in the pattern.  Clauses are tried in order.

(defvar pcase--temps nil
  "Uninterned variables allocated while compiling the current `pcase'.")

(defvar pcase--destructuring nil
  "Non-nil while compiling a `pcase-let' pattern: assume the pattern matches.")

(defun pcase--temp (name)
  (let ((s (make-symbol name)))
    (setq pcase--temps (cons s pcase--temps))
    s))

(defun pcase--self-quoting-p (x)
  (or (keywordp x) (integerp x) (stringp x)))

(defun pcase--wrap-env (env form)
  "FORM evaluated with the pattern variables of ENV bound to their values."
  (if env
      (list 'let (mapcar (lambda (b) (list (car b) (cdr b))) (reverse env)) form)
    form))

(defun pcase--funcall (fun arg env)
  "A form calling the `pred'/`app' function FUN on ARG."
  (let ((call
         (cond
          ((symbolp fun) (list fun arg))
          ((memq (car fun) '(lambda closure function)) (list 'funcall fun arg))
          (t (append fun (list arg))))))
    (pcase--wrap-env env call)))

(defun pcase--equal-test (val lit)
  (cond ((or (symbolp lit) (and (integerp lit) (fixnump lit)))
         (list 'eq val (list 'quote lit)))
        ((numberp lit) (list 'eql val lit))
        (t (list 'equal val (list 'quote lit)))))

(defun pcase--atom-val (val)
  "VAL if it is cheap to repeat, else nil."
  (or (symbolp val) (and (consp val) (symbolp (cadr val))
                         (memq (car val) '(car cdr car-safe cdr-safe)))))

(defun pcase--and (tests)
  (setq tests (delq nil (delq t tests)))
  (cond ((null tests) t)
        ((null (cdr tests)) (car tests))
        (t (cons 'and tests))))

(defun pcase--setter (var val)
  (list 'progn (list 'setq var val) t))

;; Compiling a pattern returns (TEST . ENV) where ENV is an alist mapping
;; the pattern's variables to the temporaries holding their values.

(defun pcase--compile (pat val env)
  (cond
   ((eq pat '_) (cons t env))
   ((eq pat 't) (cons t env))
   ((null pat) (error "Unknown pattern `%S'" pat))
   ((pcase--self-quoting-p pat)
    (cons (if pcase--destructuring t (pcase--equal-test val pat)) env))
   ((symbolp pat)
    (let ((old (assq pat env)))
      (if old
          (cons (if pcase--destructuring t (list 'eq val (cdr old))) env)
        (let ((tmp (pcase--temp (symbol-name pat))))
          (cons (pcase--setter tmp val) (cons (cons pat tmp) env))))))
   ((not (consp pat)) (error "Unknown pattern `%S'" pat))
   ((eq (car pat) 'quote)
    (cons (if pcase--destructuring t (pcase--equal-test val (cadr pat))) env))
   ((eq (car pat) '\`) (pcase--compile-q (cadr pat) val env))
   ((eq (car pat) 'pred)
    (if pcase--destructuring
        (cons t env)
      (let ((fun (cadr pat)))
        (cons (if (and (consp fun) (eq (car fun) 'not))
                  (list 'not (pcase--funcall (cadr fun) val env))
                (pcase--funcall fun val env))
              env))))
   ((eq (car pat) 'guard)
    (cons (if pcase--destructuring t (pcase--wrap-env env (cadr pat))) env))
   ((eq (car pat) 'and)
    (let ((tests nil))
      (dolist (p (cdr pat))
        (let ((r (pcase--compile p val env)))
          (setq tests (cons (car r) tests) env (cdr r))))
      (cons (pcase--and (nreverse tests)) env)))
   ((eq (car pat) 'or)
    (pcase--compile-or (cdr pat) val env))
   ((eq (car pat) 'app)
    (let* ((tmp (pcase--temp "x"))
           (r (pcase--compile (nth 2 pat) tmp env)))
      (cons (pcase--and (list (pcase--setter tmp (pcase--funcall (cadr pat) val env))
                              (car r)))
            (cdr r))))
   ((eq (car pat) 'let)
    (let* ((tmp (pcase--temp "x"))
           (r (pcase--compile (cadr pat) tmp env)))
      (cons (pcase--and (list (pcase--setter tmp (pcase--wrap-env env (nth 2 pat)))
                              (car r)))
            (cdr r))))
   ((eq (car pat) 'cl-type)
    (cons (if pcase--destructuring t
            (list 'cl-typep val (list 'quote (cadr pat))))
          env))
   ((eq (car pat) 'cl-struct)
    (pcase--compile (pcase--cl-struct-pattern (cadr pat) (cddr pat)) val env))
   ((get (car pat) 'pcase-macroexpander)
    (pcase--compile (apply (get (car pat) 'pcase-macroexpander) (cdr pat)) val env))
   (t (error "Unknown %s pattern: %S" (car pat) pat))))

(defun pcase--compile-or (pats val env)
  "Compile (or PATS...): variables bound by only some branches become nil."
  (let ((results nil) (all-vars nil))
    (dolist (p pats)
      (let ((r (pcase--compile p val env)))
        (setq results (cons r results))
        (dolist (b (cdr r))
          (unless (or (assq (car b) env) (assq (car b) all-vars))
            (setq all-vars (cons (cons (car b) (pcase--temp (symbol-name (car b))))
                                 all-vars))))))
    (setq results (nreverse results))
    (if (and (null all-vars) (not pcase--destructuring))
        (cons (let ((tests (mapcar #'car results)))
                (if (memq t tests) t
                  (if (cdr tests) (cons 'or tests) (car tests))))
              env)
      ;; Each branch copies its bindings into the shared temporaries.
      (let ((branches
             (mapcar
              (lambda (r)
                (let ((sets nil))
                  (dolist (v all-vars)
                    (let ((b (assq (car v) (cdr r))))
                      (setq sets (cons (cdr v) (cons (and b (cdr b)) sets)))))
                  (pcase--and (list (car r) (cons 'progn (list (cons 'setq sets) t))))))
              (if pcase--destructuring (list (car results)) results))))
        (cons (if (cdr branches) (cons 'or branches) (car branches))
              (append all-vars env))))))

(defun pcase--compile-q (qpat val env)
  (cond
   ((consp qpat)
    (if (eq (car qpat) '\,)
        (pcase--compile (cadr qpat) val env)
      (let* ((v (if (pcase--atom-val val) val nil))
             (pre nil))
        (unless v
          (setq v (pcase--temp "x"))
          (setq pre (pcase--setter v val)))
        (let* ((carf (list (if pcase--destructuring 'car-safe 'car) v))
               (cdrf (list (if pcase--destructuring 'cdr-safe 'cdr) v))
               (r1 (pcase--compile-q (car qpat) carf env))
               (r2 (pcase--compile-q (cdr qpat) cdrf (cdr r1))))
          (cons (pcase--and (list pre
                                  (if pcase--destructuring t (list 'consp v))
                                  (car r1) (car r2)))
                (cdr r2))))))
   ((vectorp qpat)
    (let* ((v (if (symbolp val) val nil))
           (pre nil) (tests nil) (n (length qpat)) (i 0))
      (unless v
        (setq v (pcase--temp "x"))
        (setq pre (pcase--setter v val)))
      (unless pcase--destructuring
        (setq tests (list (list 'eq (list 'length v) n) (list 'vectorp v))))
      (while (< i n)
        (let ((r (pcase--compile-q (aref qpat i) (list 'aref v i) env)))
          (setq tests (cons (car r) tests) env (cdr r)))
        (setq i (1+ i)))
      (cons (pcase--and (cons pre (nreverse tests))) env)))
   ((null qpat) (cons (if pcase--destructuring t (list 'null val)) env))
   (t (cons (if pcase--destructuring t (pcase--equal-test val qpat)) env))))

(defun pcase--cl-struct-pattern (type fields)
  "The pattern (cl-struct TYPE FIELDS...) in terms of `pred' and `app'."
  (let ((x (make-symbol "x")))
    `(and (pred (lambda (,x) (cl-typep ,x ',type)))
          ,@(mapcar (lambda (field)
                      (let ((slot (if (consp field) (car field) field))
                            (pat (if (consp field) (cadr field) field)))
                        `(app (lambda (,x) (cl-struct-slot-value ',type ',slot ,x)) ,pat)))
                    fields))))

(defun pcase--clause-test (pat val)
  "Return (TEST . ENV) for the top-level pattern PAT against VAL."
  (pcase--compile pat val nil))

(defun pcase--expand (exp clauses &optional exhaustive)
  (let* ((pcase--temps nil)
         (val (if (symbolp exp) exp (make-symbol "val")))
         (conds
          (mapcar
           (lambda (clause)
             (let* ((r (pcase--clause-test (car clause) val))
                    (body (or (cdr clause) '(nil))))
               (list (car r) (pcase--wrap-env (cdr r) (macroexp-progn body)))))
           clauses)))
    (when exhaustive
      (setq conds (append conds
                          (list (list t (list 'error "No clause matching `%S'" val))))))
    (let ((form (cons 'cond conds)))
      (when pcase--temps
        (setq form (list 'let pcase--temps form)))
      (if (eq val exp) form
        (list 'let (list (list val exp)) form)))))

;;;###autoload
(defmacro pcase (exp &rest cases)
  "Evaluate EXP and try each of CASES (PATTERN BODY...) in turn."
  (declare (indent 1) (debug (form &rest (pcase-PAT body))))
  (pcase--expand exp cases))

;;;###autoload
(defmacro pcase-exhaustive (exp &rest cases)
  "The same as `pcase', but signal an error if no case matches."
  (declare (indent 1) (debug pcase))
  (pcase--expand exp cases t))

(defun pcase--destructure (pat val)
  "A form binding the variables of PAT from VAL, as (TEMPS FORM VARS-ALIST)."
  (let* ((pcase--temps nil)
         (pcase--destructuring t)
         (r (pcase--clause-test pat val)))
    (list pcase--temps (car r) (cdr r))))

(defun pcase--let-1 (pat exp body)
  (if (and (symbolp pat) (not (eq pat '_)))
      (list 'let (list (list pat exp)) body)
    (let* ((val (make-symbol "x"))
           (d (pcase--destructure pat val)))
      (list 'let* (cons (list val exp) (car d))
            (list 'progn (nth 1 d) (pcase--wrap-env (nth 2 d) body))))))

;;;###autoload
(defmacro pcase-let* (bindings &rest body)
  "Like `let*', but supports destructuring BINDINGS using `pcase' patterns."
  (declare (indent 1))
  (let ((form (macroexp-progn body)))
    (dolist (b (reverse bindings))
      (setq form (pcase--let-1 (car b) (cadr b) form)))
    form))

;;;###autoload
(defmacro pcase-let (bindings &rest body)
  "Like `let', but supports destructuring BINDINGS using `pcase' patterns."
  (declare (indent 1))
  (if (null (cdr bindings))
      `(pcase-let* ,bindings ,@body)
    (if (let ((all t))
          (dolist (b bindings) (unless (and (symbolp (car b)) (not (eq (car b) '_)))
                                 (setq all nil)))
          all)
        `(let ,bindings ,@body)
      (let ((tmps nil) (pbinds nil))
        (dolist (b bindings)
          (let ((tmp (make-symbol "x")))
            (setq tmps (cons (list tmp (cadr b)) tmps))
            (setq pbinds (cons (list (car b) tmp) pbinds))))
        `(let ,(nreverse tmps)
           (pcase-let* ,(nreverse pbinds) ,@body))))))

;;;###autoload
(defmacro pcase-dolist (spec &rest body)
  "Like `dolist', but the loop variable may be a `pcase' pattern."
  (declare (indent 1))
  (if (and (symbolp (car spec)) (not (eq (car spec) '_)))
      `(dolist ,spec ,@body)
    (let ((x (make-symbol "x")))
      `(dolist (,x ,@(cdr spec))
         (pcase-let* ((,(car spec) ,x)) ,@body)))))

;;;###autoload
(defmacro pcase-setq (pat val &rest args)
  "Assign values to variables by destructuring with `pcase'."
  (if args
      `(progn (pcase-setq ,pat ,val) (pcase-setq ,@args))
    (if (and (symbolp pat) (not (eq pat '_)))
        `(setq ,pat ,val)
      (let* ((x (make-symbol "x"))
             (d (pcase--destructure pat x)))
        `(let* ((,x ,val) ,@(car d))
           ,(nth 1 d)
           ,@(mapcar (lambda (b) `(setq ,(car b) ,(cdr b))) (reverse (nth 2 d))))))))

;;;###autoload
(defmacro pcase-lambda (lambda-list &rest body)
  "Like `lambda', but each argument can be a `pcase' pattern."
  (declare (doc-string 2) (indent defun))
  (let ((args nil) (binds nil) (n 0))
    (dolist (a lambda-list)
      (if (or (memq a '(&optional &rest)) (and (symbolp a) (not (eq a '_))))
          (setq args (cons a args))
        (let ((s (make-symbol (format "arg%d" n))))
          (setq n (1+ n))
          (setq args (cons s args))
          (setq binds (cons (list a s) binds)))))
    (let ((doc (and (stringp (car body)) (cdr body) (list (car body)))))
      (when doc (setq body (cdr body)))
      `(lambda ,(nreverse args) ,@doc
         ,@(if binds `((pcase-let* ,(nreverse binds) ,@body)) body)))))

;;;###autoload
(defmacro pcase-defmacro (name args &rest body)
  "Define a new kind of pcase PATTERN, by macro expansion."
  (declare (indent 2) (doc-string 3))
  (let ((fsym (intern (format "%s--pcase-macroexpander" name))))
    (when (stringp (car body)) (setq body (cdr body)))
    `(progn
       (defun ,fsym ,args ,@body)
       (put ',name 'pcase-macroexpander #',fsym)
       ',name)))

(provide 'pcase)
