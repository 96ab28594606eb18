;;; cl-lib.el --- Common Lisp extensions: core  -*- lexical-binding: t -*-

;; Lambda lists, blocks, cl-case and friends, numbers and list functions.
;; cl-macs.el holds cl-loop, cl-defstruct and the binding macros; cl-seq.el
;; the sequence functions with keyword arguments.

;;;; Lambda lists.

(defconst cl--lambda-list-keywords
  '(&optional &rest &key &allow-other-keys &aux &whole &body &environment))

(defun cl--simple-arglist-p (args)
  "Non-nil if ARGS is an ordinary Emacs lambda list."
  (let ((ok t))
    (while (and ok (consp args))
      (let ((a (car args)))
        (if (or (not (symbolp a)) (memq a '(&key &aux &whole &body &environment
                                                 &allow-other-keys)))
            (setq ok nil)))
      (setq args (cdr args)))
    (and ok (null args))))

(defun cl--arglist-keys (args)
  "The keywords accepted by the &key part of lambda list ARGS."
  (let ((keys nil) (in-key nil))
    (while (consp args)
      (let ((a (car args)))
        (cond ((eq a '&key) (setq in-key t))
              ((memq a cl--lambda-list-keywords) (setq in-key nil))
              (in-key
               (push (cond ((symbolp a) (intern (format ":%s" a)))
                           ((consp (car a)) (car (car a)))
                           (t (intern (format ":%s" (car a)))))
                     keys))))
      (setq args (cdr args)))
    (nreverse keys)))

(defun cl--do-arglist (args lst name top-count)
  "Bindings (for `let*') destructuring the list held in variable LST by ARGS.
NAME is the data for arity errors; TOP-COUNT, if non-nil, is the number of
arguments taken before LST (for the error count)."
  (let ((bindings nil) (state 'req) (nreq 0) (max 0) (unbounded nil)
        (keys nil) (allow-other nil) (has-key nil) (whole nil) (rest-var nil)
        (a args))
    ;; Count first, for the arity check.
    (while (consp a)
      (let ((x (car a)))
        (cond ((eq x '&optional) (setq state 'opt))
              ((memq x '(&rest &body &key)) (setq unbounded t state 'other))
              ((memq x '(&aux)) (setq state 'other))
              ((eq x '&whole) (setq a (cdr a)))
              ((eq x '&environment) (setq a (cdr a)))
              ((memq x cl--lambda-list-keywords))
              ((eq state 'req) (setq nreq (1+ nreq) max (1+ max)))
              ((eq state 'opt) (setq max (1+ max)))))
      (setq a (cdr a)))
    (if a (setq unbounded t))
    (let ((count (if top-count `(+ ,top-count (length ,lst)) `(length ,lst))))
      (push (list (make-symbol "--cl-check--")
                  (cond
                   (unbounded
                    (if (> nreq 0)
                        `(if (< (safe-length ,lst) ,nreq)
                             (signal 'wrong-number-of-arguments (list ',name ,count)))))
                   ((= nreq max)
                    `(if (/= (length ,lst) ,nreq)
                         (signal 'wrong-number-of-arguments (list ',name ,count))))
                   (t
                    `(let ((n (length ,lst)))
                       (if (or (< n ,nreq) (> n ,max))
                           (signal 'wrong-number-of-arguments
                                   (list ',name ,count)))))))
            bindings))
    (setq state 'req)
    (while args
      (let ((x (if (consp args) (car args) args)))
        (cond
         ((not (consp args))            ; dotted tail
          (push (list x lst) bindings)
          (setq args nil x nil))
         ((eq x '&whole) (setq whole (cadr args) args (cdr args))
          (push (list whole lst) bindings))
         ((eq x '&environment)
          (push (list (cadr args) 'macroexpand-all-environment) bindings)
          (setq args (cdr args)))
         ((eq x '&optional) (setq state 'opt))
         ((memq x '(&rest &body))
          (setq rest-var (cadr args) args (cdr args))
          (if (consp rest-var)
              (let ((tmp (make-symbol "--cl-rest--")))
                (push (list tmp lst) bindings)
                (setq bindings (append (reverse (cl--do-arglist rest-var tmp name nil))
                                       bindings)))
            (push (list rest-var lst) bindings)))
         ((eq x '&key) (setq state 'key has-key t))
         ((eq x '&allow-other-keys) (setq allow-other t))
         ((eq x '&aux) (setq state 'aux))
         ((eq state 'req)
          (if (consp x)
              (let ((tmp (make-symbol "--cl-sub--")))
                (push (list tmp `(car ,lst)) bindings)
                (push (list (make-symbol "--cl-pop--") `(setq ,lst (cdr ,lst))) bindings)
                (setq bindings (append (reverse (cl--do-arglist x tmp name nil))
                                       bindings)))
            (push (list x `(car-safe (prog1 ,lst (setq ,lst (cdr ,lst))))) bindings)))
         ((eq state 'opt)
          (let* ((var (if (consp x) (car x) x))
                 (def (if (consp x) (cadr x)))
                 (svar (if (consp x) (nth 2 x))))
            (if svar (push (list svar `(and ,lst t)) bindings))
            (if (consp var)
                (let ((tmp (make-symbol "--cl-sub--")))
                  (push (list tmp `(if ,lst (car-safe (prog1 ,lst (setq ,lst (cdr ,lst))))
                                     ,def))
                        bindings)
                  (setq bindings (append (reverse (cl--do-arglist var tmp name nil))
                                         bindings)))
              (push (list var `(if ,lst (car-safe (prog1 ,lst (setq ,lst (cdr ,lst))))
                                 ,def))
                    bindings))))
         ((eq state 'key)
          (let* ((spec (if (consp x) (car x) x))
                 (var (if (consp spec) (cadr spec) spec))
                 (kw (if (consp spec) (car spec) (intern (format ":%s" spec))))
                 (def (if (consp x) (cadr x)))
                 (svar (if (consp x) (nth 2 x)))
                 (mem (make-symbol "--cl-mem--")))
            (push kw keys)
            (push (list mem `(plist-member ,lst ',kw)) bindings)
            (if (consp var)
                (let ((tmp (make-symbol "--cl-sub--")))
                  (push (list tmp `(if ,mem (car (cdr ,mem)) ,def)) bindings)
                  (setq bindings (append (reverse (cl--do-arglist var tmp name nil))
                                         bindings)))
              (push (list var `(if ,mem (car (cdr ,mem)) ,def)) bindings))
            (if svar (push (list svar `(and ,mem t)) bindings))))
         ((eq state 'aux)
          (push (if (consp x) (list (car x) (cadr x)) (list x nil)) bindings)))
        (setq args (if (consp args) (cdr args) nil))))
    (when (and has-key (not allow-other))
      (push (list (make-symbol "--cl-keys--")
                  `(cl--check-keys ,lst ',(nreverse keys)))
            bindings))
    (nreverse bindings)))

(defun cl--check-keys (plist allowed)
  "Signal an error if PLIST has a key not in ALLOWED."
  (let ((p plist))
    (while p
      (cond ((memq (car p) allowed) (setq p (cdr (cdr p))))
            ((memq (car p) '(:allow-other-keys)) (setq p (cdr (cdr p))))
            ((car (cdr (memq :allow-other-keys plist))) (setq p nil))
            (t (error "Keyword argument %s not one of %s" (car p) allowed))))
    nil))

(defun cl--transform-lambda (args body name)
  "Return (ARGLIST . BODY) for a `lambda' equivalent to the CL lambda list ARGS."
  (if (cl--simple-arglist-p args)
      (cons args body)
    (let ((simple nil) (a args))
      (while (and (consp a) (symbolp (car a))
                  (not (memq (car a) cl--lambda-list-keywords)))
        (push (car a) simple)
        (setq a (cdr a)))
      (let* ((rest (make-symbol "--cl-rest--"))
             (n (length simple))
             (parsed (byte-run--parse-body body t))
             (decls (list (concat (or (car parsed) "") "\n\n"
                                  (format "%S" (cons 'fn (cl--usage-list args))))))
             (decls (if (cadr parsed) (append decls (list (cons 'declare (cadr parsed))))
                      decls))
             (decls (if (nth 2 parsed) (append decls (list (nth 2 parsed))) decls))
             (bindings (cl--do-arglist a rest name (if (> n 0) n))))
        (cons (append (nreverse simple) (list '&rest rest))
              (append decls
                      (list `(let* ,bindings ,@(nth 3 parsed)))))))))

(defun cl--usage-var (x)
  (cond ((or (memq x cl--lambda-list-keywords) (keywordp x)) x)
        ((and x (symbolp x)) (intern (upcase (symbol-name x))))
        ((consp x) (cl--usage-list x))
        (t x)))

(defun cl--usage-list (args)
  "ARGS as the \"(fn ...)\" line of a docstring shows them."
  (let ((res nil) (state nil))
    (while (consp args)
      (let ((x (car args)))
        (cond ((eq x '&aux) (setq args nil))
              ((memq x cl--lambda-list-keywords) (setq state x) (push x res))
              ((and (memq state '(&optional &key)) (consp x))
               (push (cons (if (and (eq state '&key) (consp (car x)))
                               (list (car (car x)) (cl--usage-var (cadr (car x))))
                             (cl--usage-var (car x)))
                           (if (cddr x) (list (cadr x) (cl--usage-var (nth 2 x)))
                             (cdr x)))
                     res))
              (t (push (cl--usage-var x) res))))
      (setq args (cdr-safe args)))
    (if args (nconc (nreverse res) (cl--usage-var args)) (nreverse res))))

(defun cl--body-uses-block (name body)
  "Non-nil if BODY (after expansion) refers to the block NAME."
  (let ((tag (intern (format "--cl-block-%s--" name))))
    (cl--tree-memq tag (macroexpand-all (cons 'progn body) macroexpand-all-environment))))

(defun cl--tree-memq (x tree)
  (let ((found nil) (stack (list tree)))
    (while (and stack (not found))
      (let ((y (pop stack)))
        (cond ((eq x y) (setq found t))
              ((consp y) (push (car y) stack) (push (cdr y) stack))
              ((and (vectorp y) (> (length y) 0)) (push (append y nil) stack)))))
    found))

(defmacro cl-defun (name args &rest body)
  "Define NAME as a function with a Common Lisp style lambda list."
  (declare (doc-string 3) (indent 2))
  (let ((res (cl--transform-lambda args (cl--wrap-block name body) name)))
    `(defun ,name ,(car res) ,@(cdr res))))

(defun cl--wrap-block (name body)
  "Wrap the real part of BODY in (cl-block NAME ...) if it is used."
  (let* ((parsed (byte-run--parse-body body t))
         (real (nth 3 parsed)))
    (if (cl--body-uses-block name real)
        (append (if (car parsed) (list (car parsed)))
                (if (cadr parsed) (list (cons 'declare (cadr parsed))))
                (if (nth 2 parsed) (list (nth 2 parsed)))
                (list `(cl-block ,name ,@real)))
      body)))

(defmacro cl-iter-defun (name args &rest body)
  (declare (indent 2))
  `(cl-defun ,name ,args ,@body))

(defmacro cl-defmacro (name args &rest body)
  "Define NAME as a macro with a Common Lisp style lambda list."
  (declare (doc-string 3) (indent 2))
  (if (eq (car-safe args) '&whole) (error "&whole not currently implemented"))
  (let ((res (cl--transform-lambda (cl--dotted-to-rest args)
                                   (cl--wrap-block name body) name)))
    `(defmacro ,name ,(car res) ,@(cdr res))))

(defun cl--dotted-to-rest (args)
  "Turn a dotted lambda list (A . R) into (A &rest R)."
  (if (and (consp args) (cdr (last args)))
      (let ((res nil))
        (while (consp args) (push (pop args) res))
        (nconc (nreverse res) (list '&rest args)))
    args))

(defmacro cl-function (func)
  "Like `function' but accepts a Common Lisp style lambda list."
  (if (eq (car-safe func) 'lambda)
      (let ((res (cl--transform-lambda (cadr func) (cddr func) 'cl-none)))
        `(function (lambda ,(car res) ,@(cdr res))))
    `(function ,func)))

(defmacro cl-defsubst (name args &rest body)
  "Define NAME as a function (inline in Emacs)."
  (declare (indent 2))
  `(cl-defun ,name ,args ,@body))

(defmacro cl-destructuring-bind (args expr &rest body)
  "Bind the variables in ARGS to the result of EXPR and execute BODY."
  (declare (indent 2))
  (let* ((tmp (make-symbol "--cl-rest--"))
         (args (cl--dotted-to-rest args)))
    `(let* ((,tmp ,expr) ,@(cl--do-arglist args tmp args nil))
       ,@body)))

(defmacro cl-define-compiler-macro (func args &rest body)
  "Define a compiler macro (ignored here: we never compile)."
  (ignore args body)
  `(progn (put ',func 'compiler-macro nil) ',func))

(defun cl-compiler-macroexpand (form) form)

;;;; Blocks.

(defmacro cl-block (name &rest body)
  "Define a lexically-scoped block named NAME."
  (declare (indent 1))
  (let ((tag (intern (format "--cl-block-%s--" name))))
    (if (cl--tree-memq tag (macroexpand-all (cons 'progn body)
                                            macroexpand-all-environment))
        `(catch ',tag ,@body)
      (macroexp-progn body))))

(defmacro cl-return (&optional result)
  "Return from the block named nil."
  `(cl-return-from nil ,result))

(defmacro cl-return-from (name &optional result)
  "Return from the block named NAME."
  `(throw ',(intern (format "--cl-block-%s--" name)) ,result))

(defmacro cl-dolist (spec &rest body)
  "Like `dolist' inside an implicit nil block."
  (declare (indent 1))
  `(cl-block nil (dolist ,spec ,@body)))

(defmacro cl-dotimes (spec &rest body)
  "Like `dotimes' inside an implicit nil block."
  (declare (indent 1))
  `(cl-block nil (dotimes ,spec ,@body)))

(defmacro cl-do (steps endtest &rest body)
  "Bind variables and run BODY forms until END-TEST returns non-nil."
  (declare (indent 2))
  (cl--expand-do-loop steps endtest body nil))

(defmacro cl-do* (steps endtest &rest body)
  "Like `cl-do' but bind and step sequentially."
  (declare (indent 2))
  (cl--expand-do-loop steps endtest body t))

(defun cl--expand-do-loop (steps endtest body star)
  `(cl-block nil
     (,(if star 'let* 'let)
      ,(mapcar (lambda (c) (if (consp c) (list (car c) (nth 1 c)) c)) steps)
      (while (not ,(car endtest))
        ,@body
        ,@(let ((sets (delq nil (mapcar (lambda (c)
                                          (and (consp c) (cdr (cdr c))
                                               (list (car c) (nth 2 c))))
                                        steps))))
            (if sets
                (list (cons (if (or star (null (cdr sets))) 'setq 'cl-psetq)
                            (apply #'append sets))))))
      ,@(or (cdr endtest) '(nil)))))

(defmacro cl-do-symbols (spec &rest body)
  (declare (indent 1))
  `(cl-block nil
     (mapatoms (lambda (,(car spec)) ,@body) ,@(and (cadr spec) (list (cadr spec))))
     ,(nth 2 spec)))

(defmacro cl-do-all-symbols (spec &rest body)
  (declare (indent 1))
  `(cl-do-symbols (,(car spec) nil ,(cadr spec)) ,@body))

;;;; Conditionals.

(defmacro cl-case (expr &rest clauses)
  "Eval EXPR and choose among clauses on that value."
  (declare (indent 1))
  (macroexp-let2 macroexp-copyable-p temp expr
    (let ((head-list nil))
      `(cond
        ,@(mapcar
           (lambda (c)
             (cons (cond ((memq (car c) '(t otherwise)) t)
                         ((eq (car c) 'cl--ecase-error-flag)
                          `(error "cl-ecase failed: %s, %s"
                                  ,temp ',(reverse head-list)))
                         ((listp (car c))
                          (setq head-list (append (car c) head-list))
                          `(cl-member ,temp ',(car c)))
                         (t
                          (if (memq (car c) head-list)
                              (error "Duplicate key in case: %s" (car c)))
                          (push (car c) head-list)
                          `(eql ,temp ',(car c))))
                   (or (cdr c) '(nil))))
           clauses)))))

(defmacro cl-ecase (expr &rest clauses)
  "Like `cl-case', but error if no case fits."
  (declare (indent 1))
  `(cl-case ,expr ,@clauses (cl--ecase-error-flag)))

(defmacro cl-typecase (expr &rest clauses)
  "Eval EXPR and choose among clauses on that value's type."
  (declare (indent 1))
  (macroexp-let2 macroexp-copyable-p temp expr
    (let ((type-list nil))
      `(cond
        ,@(mapcar
           (lambda (c)
             (cons (cond ((eq (car c) 'otherwise) t)
                         ((eq (car c) 'cl--ecase-error-flag)
                          `(error "cl-etypecase failed: %s, %s"
                                  ,temp ',(reverse type-list)))
                         (t
                          (push (car c) type-list)
                          `(cl-typep ,temp ',(car c))))
                   (or (cdr c) '(nil))))
           clauses)))))

(defmacro cl-etypecase (expr &rest clauses)
  "Like `cl-typecase', but error if no case fits."
  (declare (indent 1))
  `(cl-typecase ,expr ,@clauses (cl--ecase-error-flag)))

;;;; Places.

;;;###autoload
(defmacro cl-incf (place &optional x)
  "Increment PLACE by X (1 by default)."
  (if (symbolp place)
      (list 'setq place (if x (list '+ place x) (list '1+ place)))
    (list 'cl-callf '+ place (or x 1))))

(defmacro cl-decf (place &optional x)
  "Decrement PLACE by X (1 by default)."
  (if (symbolp place)
      (list 'setq place (if x (list '- place x) (list '1- place)))
    (list 'cl-callf '- place (or x 1))))

(defmacro cl-callf (func place &rest args)
  "Set PLACE to (FUNC PLACE ARGS...)."
  (declare (indent 2))
  (gv-letplace (getter setter) place
    (let ((rargs (cons getter args)))
      (funcall setter
               (if (symbolp func) (cons func rargs)
                 `(funcall #',func ,@rargs))))))

(defmacro cl-callf2 (func arg1 place &rest args)
  "Set PLACE to (FUNC ARG1 PLACE ARGS...)."
  (declare (indent 3))
  (if (and (cl--safe-expr-p arg1) (cl--simple-expr-p place) (symbolp func))
      `(setf ,place (,func ,arg1 ,place ,@args))
    (macroexp-let2 nil a1 arg1
      (gv-letplace (getter setter) place
        (let ((rargs (cl-list* a1 getter args)))
          (funcall setter
                   (if (symbolp func) (cons func rargs)
                     `(funcall #',func ,@rargs))))))))

(defun cl--simple-expr-p (x)
  (or (atom x) (eq (car x) 'quote)
      (and (symbolp (car x)) (not (macrop (car x)))
           (let ((ok t)) (dolist (a (cdr x)) (unless (atom a) (setq ok nil))) ok))))

(defun cl--safe-expr-p (x)
  (or (atom x) (memq (car x) '(quote function))))

(defmacro cl-pushnew (x place &rest keys)
  "Add X to the list stored in PLACE unless X is already present."
  (if (symbolp place)
      (if (null keys)
          (macroexp-let2 nil var x
            `(if (memql ,var ,place) (with-no-warnings ,place)
               (setq ,place (cons ,var ,place))))
        `(setq ,place (cl-adjoin ,x ,place ,@keys)))
    `(cl-callf2 cl-adjoin ,x ,place ,@keys)))

(defmacro cl-rotatef (&rest places)
  "Rotate left among PLACES."
  (if (not (memq nil (mapcar #'symbolp places)))
      (and (cdr places)
           (let ((sets nil) (first (car places)))
             (while (cdr places)
               (setq sets (nconc sets (list (pop places) (car places)))))
             `(cl-psetf ,@sets ,(car places) ,first)))
    (let* ((places (reverse places))
           (temp (make-symbol "--cl-rotatef--"))
           (form temp))
      (while (cdr places)
        (setq form
              (gv-letplace (getter setter) (pop places)
                `(prog1 ,getter ,(funcall setter form)))))
      (gv-letplace (getter setter) (car places)
        (macroexp-let* `((,temp ,getter))
                       `(progn ,(funcall setter form) nil))))))

(defmacro cl-shiftf (place &rest args)
  "Shift left among PLACES: (cl-shiftf A B C) sets A to B, B to C, returns old A."
  (cond
   ((null args) place)
   ((symbolp place) `(prog1 ,place (setq ,place (cl-shiftf ,@args))))
   (t (gv-letplace (getter setter) place
        `(prog1 ,getter ,(funcall setter `(cl-shiftf ,@args)))))))

(defmacro cl-psetf (&rest args)
  "Set PLACEs to the values VALs in parallel."
  (let ((pairs nil) (p args))
    (while p
      (push (cons (car p) (cadr p)) pairs)
      (setq p (cddr p)))
    (setq pairs (nreverse pairs))
    (let ((temps (mapcar (lambda (_) (make-symbol "--cl-psetf--")) pairs)))
      `(let ,(cl-mapcar (lambda (tmp pair) (list tmp (cdr pair))) temps pairs)
         ,@(cl-mapcar (lambda (tmp pair) `(setf ,(car pair) ,tmp)) temps pairs)
         nil))))

(defmacro cl-psetq (&rest args)
  "Like `setq', except that all VAL forms are evaluated before any assignment."
  `(cl-psetf ,@args))

(defmacro cl-remf (place tag)
  "Remove TAG from property list PLACE."
  (gv-letplace (tval setter) place
    (macroexp-let2 macroexp-copyable-p ttag tag
      `(if (eq ,ttag (car ,tval))
           (progn ,(funcall setter `(cddr ,tval)) t)
         (cl--do-remf ,tval ,ttag)))))

(defun cl--do-remf (plist tag)
  (let ((p (cdr plist)))
    (while (and (cdr p) (not (eq (car (cdr p)) tag))) (setq p (cdr (cdr p))))
    (and (cdr p) (progn (setcdr p (cdr (cdr (cdr p)))) t))))

(defun cl-getf (plist tag &optional def)
  "Search PROPLIST for property PROPNAME; return its value or DEFAULT."
  (let ((val-tail (cdr-safe (plist-member plist tag))))
    (if val-tail (car val-tail) def)))

(gv-define-expander cl-getf
  (lambda (do plist tag &optional def)
    (gv-letplace (getter setter) plist
      (macroexp-let2* nil ((k tag) (d def))
        (funcall do `(cl-getf ,getter ,k ,d)
                 (lambda (v)
                   (macroexp-let2 nil val v
                     `(progn ,(funcall setter `(cl--set-getf ,getter ,k ,val))
                             ,val))))))))

(defun cl--set-getf (plist tag val)
  (let ((val-tail (cdr (plist-member plist tag))))
    (if val-tail (progn (setcar val-tail val) plist)
      (cl-list* tag val plist))))

(defun cl-remprop (symbol propname)
  "Remove from SYMBOL's plist the property PROPNAME and its value."
  (let ((plist (symbol-plist symbol)))
    (if (and plist (eq propname (car plist)))
        (progn (setplist symbol (cddr plist)) t)
      (cl--do-remf plist propname))))

;;;; Numbers.

(defun cl-plusp (number) "Return t if NUMBER is positive." (> number 0))
(defun cl-minusp (number) "Return t if NUMBER is negative." (< number 0))
(defun cl-oddp (integer) "Return t if INTEGER is odd." (eq (logand integer 1) 1))
(defun cl-evenp (integer) "Return t if INTEGER is even." (eq (logand integer 1) 0))

(defun cl-gcd (&rest args)
  "Return the greatest common divisor of the arguments."
  (let ((a (abs (or (pop args) 0))))
    (dolist (b args)
      (setq b (abs b))
      (while (> b 0) (setq b (% a (setq a b)))))
    a))

(defun cl-lcm (&rest args)
  "Return the least common multiple of the arguments."
  (if (memq 0 args) 0
    (let ((a (abs (or (pop args) 1))))
      (dolist (b args)
        (setq a (* (/ a (cl-gcd a b)) (abs b))))
      a)))

(defun cl-isqrt (x)
  "Return the integer square root of the (integer) argument X."
  (if (and (integerp x) (> x 0))
      (let ((g (cond ((<= x 100) 10) ((<= x 10000) 100)
                     ((<= x 1000000) 1000) (t x)))
            g2)
        (while (< (setq g2 (/ (+ g (/ x g)) 2)) g)
          (setq g g2))
        g)
    (if (eq x 0) 0 (signal 'arith-error nil))))

(defun cl-floor (x &optional y)
  "Return a list of the floor of X and the fractional part of X."
  (let ((q (floor x y)))
    (list q (- x (if y (* y q) q)))))

(defun cl-ceiling (x &optional y)
  "Return a list of the ceiling of X and the fractional part of X."
  (let ((res (cl-floor x y)))
    (if (= (car (cdr res)) 0) res
      (list (1+ (car res)) (- (car (cdr res)) (or y 1))))))

(defun cl-truncate (x &optional y)
  "Return a list of the integer part of X and the fractional part of X."
  (if (eq (>= x 0) (or (null y) (>= y 0)))
      (cl-floor x y) (cl-ceiling x y)))

(defun cl-round (x &optional y)
  "Return a list of X rounded to the nearest integer and the remainder."
  (if y
      (if (and (integerp x) (integerp y))
          (let* ((hy (/ y 2))
                 (res (cl-floor (+ x hy) y)))
            (if (and (= (car (cdr res)) 0)
                     (= (+ hy hy) y)
                     (/= (% (car res) 2) 0))
                (list (1- (car res)) hy)
              (list (car res) (- (car (cdr res)) hy))))
        (let ((q (round (/ x y))))
          (list q (- x (* q y)))))
    (if (integerp x) (list x 0)
      (let ((q (round x)))
        (list q (- x q))))))

(defun cl-mod (x y) "The result of `cl-floor' as applied to X and Y." (nth 1 (cl-floor x y)))
(defun cl-rem (x y) "The result of `cl-truncate' as applied to X and Y." (nth 1 (cl-truncate x y)))
(defun cl-signum (x) "Return 1 if X is positive, -1 if negative, 0 if zero."
       (cond ((> x 0) 1) ((< x 0) -1) (t 0)))

(defun cl-digit-char-p (char &optional radix)
  "Test if CHAR is a digit in the specified RADIX (default 10)."
  (let ((r (or radix 10))
        (n (cond ((and (>= char ?0) (<= char ?9)) (- char ?0))
                 ((and (>= char ?a) (<= char ?z)) (+ 10 (- char ?a)))
                 ((and (>= char ?A) (<= char ?Z)) (+ 10 (- char ?A))))))
    (and n (< n r) n)))

(cl-defun cl-parse-integer (string &key start end radix junk-allowed)
  "Parse integer from the substring of STRING from START to END."
  (let* ((start (or start 0))
         (len (length string))
         (end (or end len))
         (radix (or radix 10)))
    (while (and (< start end) (memq (aref string start) '(?\s ?\t ?\n)))
      (setq start (1+ start)))
    (let ((sign (cl-case (and (< start end) (aref string start))
                  (?+ (cl-incf start) +1)
                  (?- (cl-incf start) -1)
                  (t +1)))
          digit sum)
      (while (and (< start end)
                  (setq digit (cl-digit-char-p (aref string start) radix)))
        (setq sum (+ (* (or sum 0) radix) digit)
              start (1+ start)))
      (while (and (< start end) (memq (aref string start) '(?\s ?\t ?\n)))
        (setq start (1+ start)))
      (cond ((and junk-allowed (null sum)) sum)
            (junk-allowed (* sign sum))
            ((or (/= start end) (null sum))
             (error "Not an integer string: `%s'" string))
            (t (* sign sum))))))

(defvar cl--random-state (vector 'cl--random-state-tag -1 30 0))
(defun cl-random (lim &optional _state) (random lim))

(defconst cl-most-positive-float 1.7976931348623157e+308)
(defconst cl-most-negative-float -1.7976931348623157e+308)
(defconst cl-least-positive-float 5e-324)
(defconst cl-least-negative-float -5e-324)
(defconst cl-least-positive-normalized-float 2.2250738585072014e-308)
(defconst cl-least-negative-normalized-float -2.2250738585072014e-308)
(defconst cl-float-epsilon 2.220446049250313e-16)
(defconst cl-float-negative-epsilon 1.1102230246251565e-16)

;;;; Lists.

(defalias 'cl-first #'car)
(defalias 'cl-second #'cadr)
(defalias 'cl-rest #'cdr)
(defun cl-third (x) "Return the third element of the list X." (car (cdr (cdr x))))
(defun cl-fourth (x) "Return the fourth element of the list X." (nth 3 x))
(defun cl-fifth (x) "Return the fifth element of the list X." (nth 4 x))
(defun cl-sixth (x) "Return the sixth element of the list X." (nth 5 x))
(defun cl-seventh (x) "Return the seventh element of the list X." (nth 6 x))
(defun cl-eighth (x) "Return the eighth element of the list X." (nth 7 x))
(defun cl-ninth (x) "Return the ninth element of the list X." (nth 8 x))
(defun cl-tenth (x) "Return the tenth element of the list X." (nth 9 x))
(gv-define-setter cl-third (v x) `(setcar (cddr ,x) ,v))
(gv-define-setter cl-fourth (v x) `(setcar (nthcdr 3 ,x) ,v))
(gv-define-setter cl-fifth (v x) `(setcar (nthcdr 4 ,x) ,v))
(gv-define-setter cl-sixth (v x) `(setcar (nthcdr 5 ,x) ,v))
(gv-define-setter cl-seventh (v x) `(setcar (nthcdr 6 ,x) ,v))
(gv-define-setter cl-eighth (v x) `(setcar (nthcdr 7 ,x) ,v))
(gv-define-setter cl-ninth (v x) `(setcar (nthcdr 8 ,x) ,v))
(gv-define-setter cl-tenth (v x) `(setcar (nthcdr 9 ,x) ,v))
(defalias 'cl-caddr #'caddr)
(defalias 'cl-cdddr #'cdddr)
(defalias 'cl-caadr #'caadr)
(defalias 'cl-cddar #'cddar)

(defun cl-endp (x)
  "Return true if X is the empty list; false if it is a cons."
  (cl-check-type x list)
  (null x))

(defun cl-list-length (x)
  "Return the length of list X.  Return nil if list is circular."
  (cl-check-type x list)
  (condition-case nil (length x) (circular-list nil)))

(defun cl-tailp (sublist list)
  "Return true if SUBLIST is a tail of LIST."
  (while (and (consp list) (not (eq sublist list)))
    (setq list (cdr list)))
  (if (numberp sublist) (equal sublist list) (eq sublist list)))

(defun cl-list* (arg &rest others)
  "Return a new list with specified ARGs as elements, consed to last ARG."
  (cond ((not others) arg)
        ((not (cdr others)) (cons arg (car others)))
        (t (let* ((n (length others))
                  (copy (copy-sequence others))
                  (last (nthcdr (- n 2) copy)))
             (setcdr last (car (cdr last)))
             (cons arg copy)))))

(defun cl-ldiff (list sublist)
  "Return a copy of LIST with the tail SUBLIST removed."
  (let ((res nil))
    (while (and (consp list) (not (eq list sublist)))
      (push (pop list) res))
    (nreverse res)))

(defun cl-copy-list (list)
  "Return a copy of LIST, which may be a dotted list."
  (if (consp list)
      (let ((res nil))
        (while (consp list) (push (pop list) res))
        (prog1 (nreverse res) (setcdr res list)))
    (car list)))

(defun cl-revappend (x y) "Equivalent to (append (reverse X) Y)." (nconc (reverse x) y))
(defun cl-nreconc (x y) "Equivalent to (nconc (nreverse X) Y)." (nconc (nreverse x) y))

(defun cl-acons (key value alist)
  "Add KEY and VALUE to ALIST."
  (cons (cons key value) alist))

(defun cl-pairlis (keys values &optional alist)
  "Make an alist from KEYS and VALUES."
  (nconc (cl-mapcar #'cons keys values) alist))

(defun cl-values (&rest values) "Return multiple values." values)
(defun cl-values-list (list) "Return multiple values from LIST." list)
(defun cl-multiple-value-list (expression) expression)
(defun cl-multiple-value-apply (function expression) (apply function expression))
(defun cl-multiple-value-call (function &rest args) (apply function (apply #'append args)))
(defun cl-nth-value (n expression) (nth n expression))

(defmacro cl-multiple-value-bind (vars form &rest body)
  "Bind VARS to the elements of the list FORM."
  (declare (indent 2))
  (let ((temp (make-symbol "--cl-var--")) (n -1))
    `(let* ((,temp ,form)
            ,@(mapcar (lambda (v) (list v `(nth ,(setq n (1+ n)) ,temp))) vars))
       ,@body)))

(defmacro cl-multiple-value-setq (vars form)
  "Set VARS to the elements of the list FORM."
  (let ((temp (make-symbol "--cl-var--")) (n 0))
    `(let ((,temp ,form))
       (prog1 (setq ,(car vars) (car ,temp))
         ,@(mapcar (lambda (v) `(setq ,v (nth ,(setq n (1+ n)) ,temp)))
                   (cdr vars))))))

(defmacro cl-the (_type form) "Return FORM." form)
(defmacro cl-declare (&rest _specs) nil)
(defmacro cl-declaim (&rest _specs) nil)
(defun cl-proclaim (_spec) nil)
(defmacro cl-locally (&rest body) (cons 'progn body))
(defmacro cl-eval-when (_when &rest body) (declare (indent 1)) (cons 'progn body))
(defmacro cl-load-time-value (form &optional _ro) form)

(defvar cl--gensym-counter 0)
(defun cl-gensym (&optional prefix)
  "Generate a new uninterned symbol."
  (let ((pfix (if (stringp prefix) prefix "G"))
        (num (if (integerp prefix) prefix
               (prog1 cl--gensym-counter
                 (setq cl--gensym-counter (1+ cl--gensym-counter))))))
    (make-symbol (format "%s%d" pfix num))))

(defun cl-gentemp (&optional prefix)
  "Generate a new interned symbol with a unique name."
  (let ((pfix (if (stringp prefix) prefix "T")) name)
    (while (intern-soft (setq name (format "%s%d" pfix cl--gensym-counter)))
      (setq cl--gensym-counter (1+ cl--gensym-counter)))
    (intern name)))

(defmacro cl-assert (form &optional show-args string &rest args)
  "Verify that FORM returns non-nil, signaling an error if not."
  (let ((sargs (and show-args
                    (delq nil (mapcar (lambda (x)
                                        (unless (macroexp-const-p x) x))
                                      (cdr-safe form))))))
    `(progn
       (or ,form
           ,(if string
                `(error ,string ,@args)
              `(signal 'cl-assertion-failed
                       (list ',form ,@sargs))))
       nil)))

(defmacro cl-check-type (form type &optional string)
  "Verify that FORM is of type TYPE; signal a continuable error if not."
  (macroexp-let2 macroexp-copyable-p temp form
    `(progn (or (cl-typep ,temp ',type)
                (signal 'wrong-type-argument
                        (list ,(or string `',type) ,temp ',form)))
            nil)))

(provide 'cl-lib)
