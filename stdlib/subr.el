;;; subr.el --- basic Lisp subroutines  -*- lexical-binding: t -*-

;;;; Control structures.

(defmacro when (cond &rest body)
  "If COND yields non-nil, do BODY, else return nil."
  (declare (indent 1) (debug t))
  (list 'if cond (cons 'progn body)))

(defmacro unless (cond &rest body)
  "If COND yields nil, do BODY, else return nil."
  (declare (indent 1) (debug t))
  (cons 'if (cons cond (cons nil body))))

(defmacro dolist (spec &rest body)
  "Loop over a list.
\(dolist (VAR LIST [RESULT]) BODY...)"
  (declare (indent 1) (debug ((symbolp form &optional form) body)))
  (unless (consp spec)
    (signal 'wrong-type-argument (list 'consp spec)))
  (unless (<= 2 (length spec) 3)
    (signal 'wrong-number-of-arguments (list '(2 . 3) (length spec))))
  ;; Emacs 28 uses this interned name, which shows in printed closures.
  (let ((tail '--dolist-tail--))
    (if lexical-binding
        `(let ((,tail ,(nth 1 spec)))
           (while ,tail
             (let ((,(car spec) (car ,tail)))
               ,@body
               (setq ,tail (cdr ,tail))))
           ,@(cdr (cdr spec)))
      `(let ((,tail ,(nth 1 spec))
             ,(car spec))
         (while ,tail
           (setq ,(car spec) (car ,tail))
           ,@body
           (setq ,tail (cdr ,tail)))
         ,@(if (cdr (cdr spec))
               `((setq ,(car spec) nil) ,@(cdr (cdr spec))))))))

(defmacro dotimes (spec &rest body)
  "Loop a certain number of times.
\(dotimes (VAR COUNT [RESULT]) BODY...)"
  (declare (indent 1) (debug dolist))
  (unless (consp spec)
    (signal 'wrong-type-argument (list 'consp spec)))
  (unless (<= 2 (length spec) 3)
    (signal 'wrong-number-of-arguments (list '(2 . 3) (length spec))))
  ;; Emacs 28 uses these interned names, and a different loop when dynamic.
  (let ((limit '--dotimes-limit--))
    (if lexical-binding
        (let ((counter '--dotimes-counter--))
          `(let ((,limit ,(nth 1 spec))
                 (,counter 0))
             (while (< ,counter ,limit)
               (let ((,(car spec) ,counter))
                 ,@body)
               (setq ,counter (1+ ,counter)))
             ,@(if (cddr spec)
                   `((let ((,(car spec) ,counter)) ,@(cddr spec))))))
      `(let ((,limit ,(nth 1 spec))
             (,(car spec) 0))
         (while (< ,(car spec) ,limit)
           ,@body
           (setq ,(car spec) (1+ ,(car spec))))
         ,@(cdr (cdr spec))))))

(defmacro ignore-errors (&rest body)
  "Execute BODY; if an error occurs, return nil."
  (declare (debug t) (indent 0))
  `(condition-case nil (progn ,@body) (error nil)))

(defmacro ignore-error (condition &rest body)
  "Execute BODY; if the error CONDITION occurs, return nil."
  (declare (debug t) (indent 1))
  `(condition-case nil (progn ,@body) (,condition nil)))

(defmacro condition-case-unless-debug (var bodyform &rest handlers)
  "Like `condition-case' except that it does not prevent debugging."
  (declare (debug condition-case) (indent 2))
  `(condition-case ,var
       ,bodyform
     ,@(mapcar (lambda (handler)
                 `((debug ,@(if (listp (car handler)) (car handler)
                              (list (car handler))))
                   ,@(cdr handler)))
               handlers)))

(defmacro with-demoted-errors (format &rest body)
  "Run BODY and demote any errors to simple messages."
  (declare (debug t) (indent 1))
  (let* ((err (make-symbol "err"))
         (orig-body body)
         (orig-format format)
         (format (if (and (stringp format) body) format
                   (prog1 "Error: %S"
                     (if format (push format body)))))
         (exp
          `(condition-case-unless-debug ,err
               ,(macroexp-progn body)
             (error (message ,format ,err) nil))))
    (if (eq orig-body body) exp
      ;; The use without `format' is obsolete, let's warn when we bump
      ;; into any such remaining uses.
      (ignore orig-format)
      exp)))

(defmacro combine-after-change-calls (&rest body)
  "Execute BODY."
  (declare (indent 0) (debug t))
  `(progn ,@body))

(defmacro combine-change-calls (_beg _end &rest body)
  "Execute BODY."
  (declare (indent 2) (debug t))
  `(progn ,@body))

(defmacro with-local-quit (&rest body)
  "Execute BODY, allowing quits to terminate BODY but not escape further."
  (declare (debug t) (indent 0))
  `(condition-case nil
       (let ((inhibit-quit nil))
         ,@body)
     (quit (setq quit-flag t)
           (eval '(ignore nil)))))

(defvar quit-flag nil)

(defmacro while-no-input (&rest body)
  "Execute BODY only as long as there's no pending input."
  (declare (debug t) (indent 0))
  `(progn ,@body))

(defmacro macroexp-progn-internal (exps) `(if (cdr ,exps) (cons 'progn ,exps) (car ,exps)))

(defun macroexp-progn (exps)
  "Return EXPS (a list of expressions) with `progn' prepended."
  (if (cdr exps) (cons 'progn exps) (car exps)))

(defun macroexp-unprogn (exp)
  "Turn EXP into a list of expressions to execute in sequence."
  (if (eq (car-safe exp) 'progn) (or (cdr exp) '(nil)) (list exp)))

(defun macroexp-quote (v)
  "Return an expression E such that `(eval E)' is V."
  (if (and (not (memq v '(nil t)))
           (or (keywordp v)
               (and (symbolp v) (not (keywordp v)))
               (consp v)))
      (list 'quote v)
    v))

(defun macroexp-const-p (exp)
  "Return non-nil if EXP will always evaluate to the same value."
  (cond ((consp exp) (or (eq (car exp) 'quote)
                         (and (eq (car exp) 'function) (symbolp (cadr exp)))))
        ((symbolp exp) (or (memq exp '(nil t)) (keywordp exp)))
        (t t)))

(defun macroexp-copyable-p (exp)
  "Return non-nil if EXP can be copied without extra cost."
  (or (symbolp exp) (macroexp-const-p exp)))

(defun macroexp-small-p (exp)
  "Return non-nil if EXP can be considered small."
  (or (atom exp) (macroexp-const-p exp)))

(defmacro macroexp-let2 (test sym exp &rest body)
  "Evaluate BODY with SYM bound to an expression for EXP's value."
  (declare (indent 3) (debug (sexp sexp form body)))
  (let ((bodysym (make-symbol "body"))
        (expsym (make-symbol "exp")))
    `(let* ((,expsym ,exp)
            (,sym (if (funcall #',(or test #'macroexp-const-p) ,expsym)
                      ,expsym (make-symbol ,(symbol-name sym))))
            (,bodysym ,(macroexp-progn body)))
       (if (eq ,sym ,expsym) ,bodysym
         (macroexp-let* (list (list ,sym ,expsym)) ,bodysym)))))

(defmacro macroexp-let2* (test bindings &rest body)
  "Multiple binding version of `macroexp-let2'."
  (declare (indent 2) (debug (sexp (&rest (sexp form)) body)))
  (if (null bindings) (macroexp-progn body)
    (let ((binding (car bindings)))
      (if (symbolp binding) (setq binding (list binding binding)))
      `(macroexp-let2 ,test ,(car binding) ,(cadr binding)
         (macroexp-let2* ,test ,(cdr bindings) ,@body)))))

(defun macroexp-let* (bindings exp)
  "Return an expression equivalent to `(let* ,BINDINGS ,EXP)."
  (cond
   ((null bindings) exp)
   ((eq 'let* (car-safe exp)) `(let* (,@bindings ,@(cadr exp)) ,@(cddr exp)))
   (t `(let* ,bindings ,@(macroexp-unprogn exp)))))

(defun macroexp-if (test then else)
  "Return an expression equivalent to `(if ,TEST ,THEN ,ELSE)."
  (if else `(if ,test ,then ,else) `(if ,test ,then)))

(defun macroexp--expand-all (form) (macroexpand-all form))
(defun internal-macroexpand-for-load-1 (form) (macroexpand-all form))
(defvar macroexp--pending-eager-loads nil)
(defun macroexp-warn-and-return (_msg form &rest _ignored) form)
(defun macroexp-compiling-p () nil)
(defun macroexp-file-name () load-file-name)
(defmacro macroexp--cons (car cdr original)
  `(let ((a ,car) (d ,cdr) (o ,original))
     (if (and (eq a (car o)) (eq d (cdr o))) o (cons a d))))
(provide 'macroexp)

;;;; Lists.

(defun caar (x) "Return the car of the car of X." (car (car x)))
(defun cadr (x) "Return the car of the cdr of X." (car (cdr x)))
(defun cdar (x) "Return the cdr of the car of X." (cdr (car x)))
(defun cddr (x) "Return the cdr of the cdr of X." (cdr (cdr x)))
(defun caaar (x) "Return the `car' of the `car' of the `car' of X." (car (car (car x))))
(defun caadr (x) "Return the `car' of the `car' of the `cdr' of X." (car (car (cdr x))))
(defun cadar (x) "Return the `car' of the `cdr' of the `car' of X." (car (cdr (car x))))
(defun caddr (x) "Return the `car' of the `cdr' of the `cdr' of X." (car (cdr (cdr x))))
(defun cdaar (x) "Return the `cdr' of the `car' of the `car' of X." (cdr (car (car x))))
(defun cdadr (x) "Return the `cdr' of the `car' of the `cdr' of X." (cdr (car (cdr x))))
(defun cddar (x) "Return the `cdr' of the `cdr' of the `car' of X." (cdr (cdr (car x))))
(defun cdddr (x) "Return the `cdr' of the `cdr' of the `cdr' of X." (cdr (cdr (cdr x))))
(defun caaaar (x) "Return the `car' of the `car' of the `car' of the `car' of X." (car (car (car (car x)))))
(defun caaadr (x) "Return the `car' of the `car' of the `car' of the `cdr' of X." (car (car (car (cdr x)))))
(defun caadar (x) "Return the `car' of the `car' of the `cdr' of the `car' of X." (car (car (cdr (car x)))))
(defun caaddr (x) "Return the `car' of the `car' of the `cdr' of the `cdr' of X." (car (car (cdr (cdr x)))))
(defun cadaar (x) "Return the `car' of the `cdr' of the `car' of the `car' of X." (car (cdr (car (car x)))))
(defun cadadr (x) "Return the `car' of the `cdr' of the `car' of the `cdr' of X." (car (cdr (car (cdr x)))))
(defun caddar (x) "Return the `car' of the `cdr' of the `cdr' of the `car' of X." (car (cdr (cdr (car x)))))
(defun cadddr (x) "Return the `car' of the `cdr' of the `cdr' of the `cdr' of X." (car (cdr (cdr (cdr x)))))
(defun cdaaar (x) "Return the `cdr' of the `car' of the `car' of the `car' of X." (cdr (car (car (car x)))))
(defun cdaadr (x) "Return the `cdr' of the `car' of the `car' of the `cdr' of X." (cdr (car (car (cdr x)))))
(defun cdadar (x) "Return the `cdr' of the `car' of the `cdr' of the `car' of X." (cdr (car (cdr (car x)))))
(defun cdaddr (x) "Return the `cdr' of the `car' of the `cdr' of the `cdr' of X." (cdr (car (cdr (cdr x)))))
(defun cddaar (x) "Return the `cdr' of the `cdr' of the `car' of the `car' of X." (cdr (cdr (car (car x)))))
(defun cddadr (x) "Return the `cdr' of the `cdr' of the `car' of the `cdr' of X." (cdr (cdr (car (cdr x)))))
(defun cdddar (x) "Return the `cdr' of the `cdr' of the `cdr' of the `car' of X." (cdr (cdr (cdr (car x)))))
(defun cddddr (x) "Return the `cdr' of the `cdr' of the `cdr' of the `cdr' of X." (cdr (cdr (cdr (cdr x)))))

(defun last (list &optional n)
  "Return the last link of LIST.  Its car is the last element."
  (if n
      (and (>= n 0)
           (let ((m (safe-length list)))
             (if (< n m) (nthcdr (- m n) list) list)))
    (and list
         (nthcdr (1- (safe-length list)) list))))

(defun butlast (list &optional n)
  "Return a copy of LIST with the last N elements removed."
  (declare (side-effect-free t))
  (if (and n (<= n 0)) list
    (nbutlast (copy-sequence list) n)))

(defun internal--take (n list)
  "Return the first N elements of LIST."
  (let ((result nil))
    (while (and list (> n 0))
      (setq result (cons (car list) result)
            list (cdr list)
            n (1- n)))
    (nreverse result)))

(defun nbutlast (list &optional n)
  "Modify LIST to remove the last N elements."
  (let ((m (length list)))
    (or n (setq n 1))
    (and (< n m)
         (progn
           (if (> n 0) (setcdr (nthcdr (- (1- m) n) list) nil))
           list))))

(defun remove (elt seq)
  "Return a copy of SEQ with all occurrences of ELT removed."
  (declare (side-effect-free t))
  (if (nlistp seq)
      ;; `delete' already returns a new object for a non-list.
      (delete elt seq)
    (delete elt (copy-sequence seq))))

(defun remq (elt list)
  "Return LIST with all occurrences of ELT removed."
  (declare (side-effect-free t))
  (while (and (eq elt (car list)) (setq list (cdr list))))
  (if (memq elt list)
      (delq elt (copy-sequence list))
    list))

(defun number-sequence (from &optional to inc)
  "Return a sequence of numbers from FROM to TO with increments INC."
  (if (or (not to) (= from to))
      (list from)
    (or inc (setq inc 1))
    (when (zerop inc) (error "The increment can not be zero"))
    (let (seq (n 0) (next from))
      (if (> inc 0)
          (while (<= next to)
            (setq seq (cons next seq)
                  n (1+ n)
                  next (+ from (* n inc))))
        (while (>= next to)
          (setq seq (cons next seq)
                n (1+ n)
                next (+ from (* n inc)))))
      (nreverse seq))))

(defun copy-tree (tree &optional vecp)
  "Make a copy of TREE."
  (if (consp tree)
      (let (result)
        (while (consp tree)
          (let ((newcar (car tree)))
            (if (or (consp (car tree)) (and vecp (vectorp (car tree))))
                (setq newcar (copy-tree (car tree) vecp)))
            (push newcar result))
          (setq tree (cdr tree)))
        (nconc (nreverse result)
               (if (and vecp (vectorp tree)) (copy-tree tree vecp) tree)))
    (if (and vecp (vectorp tree))
        (let ((i (length (setq tree (copy-sequence tree)))))
          (while (>= (setq i (1- i)) 0)
            (aset tree i (copy-tree (aref tree i) vecp)))
          tree)
      tree)))

(defun assoc-default (key alist &optional test default)
  "Find object KEY in a pseudo-alist ALIST."
  (let (found (tail alist) value)
    (while (and tail (not found))
      (let ((elt (car tail)))
        (when (funcall (or test #'equal) (if (consp elt) (car elt) elt) key)
          (setq found t value (if (consp elt) (cdr elt) default))))
      (setq tail (cdr tail)))
    value))

;; Numbers, symbols and strings (helper B).
(defun lsh (value count)
  "Return VALUE with its bits shifted left by COUNT (logical shift for fixnums)."
  (when (and (< value 0) (< count 0))
    (when (< value most-negative-fixnum)
      (signal 'args-out-of-range (list value count)))
    (setq value (logand (ash value -1) most-positive-fixnum))
    (setq count (1+ count)))
  (ash value count))

(defvar gensym-counter 0 "Number used to construct the name of the next symbol created by `gensym'.")

(defun gensym (&optional prefix)
  "Return a new uninterned symbol named PREFIX followed by `gensym-counter'."
  (let ((num (prog1 gensym-counter
               (setq gensym-counter (1+ gensym-counter)))))
    (make-symbol (format "%s%d" (or prefix "g") num))))

(defun member-ignore-case (elt list)
  "Like `member', but ignore differences in case and text representation."
  (while (and list
              (not (and (stringp (car list))
                        (eq t (compare-strings elt 0 nil (car list) 0 nil t)))))
    (setq list (cdr list)))
  list)

(defun assoc-string (key list &optional case-fold)
  "Like `assoc' but specifically for strings (and symbols)."
  (when (symbolp key) (setq key (symbol-name key)))
  (let ((result nil))
    (while (and list (not result))
      (let* ((elt (car list))
             (eltkey (if (consp elt) (car elt) elt)))
        (when (symbolp eltkey) (setq eltkey (symbol-name eltkey)))
        (when (and (stringp eltkey)
                   (eq t (compare-strings eltkey nil nil key nil nil case-fold)))
          (setq result elt)))
      (setq list (cdr list)))
    result))

(defun alist-get (key alist &optional default remove testfn)
  "Find the first element of ALIST whose `car' equals KEY and return its `cdr'."
  (ignore remove)
  (let ((x (if (not testfn)
               (assq key alist)
             (assoc key alist testfn))))
    (if x (cdr x) default)))

(defun assq-delete-all (key alist)
  "Delete from ALIST all elements whose car is `eq' to KEY."
  (assoc-delete-all key alist #'eq))

(defun assoc-delete-all (key alist &optional test)
  "Delete from ALIST all elements whose car is KEY."
  (unless test (setq test #'equal))
  (while (and (consp (car alist))
              (funcall test (caar alist) key))
    (setq alist (cdr alist)))
  (let ((tail alist) tail-cdr)
    (while (setq tail-cdr (cdr tail))
      (if (and (consp (car tail-cdr))
               (funcall test (caar tail-cdr) key))
          (setcdr tail (cdr tail-cdr))
        (setq tail tail-cdr))))
  alist)

(defun rassq-delete-all (value alist)
  "Delete from ALIST all elements whose cdr is `eq' to VALUE."
  (while (and (consp (car alist))
              (eq (cdr (car alist)) value))
    (setq alist (cdr alist)))
  (let ((tail alist) tail-cdr)
    (while (setq tail-cdr (cdr tail))
      (if (and (consp (car tail-cdr))
               (eq (cdr (car tail-cdr)) value))
          (setcdr tail (cdr tail-cdr))
        (setq tail tail-cdr))))
  alist)

(defun flatten-tree (tree)
  "Return a \"flattened\" copy of TREE."
  (let (elems)
    (while (consp tree)
      (let ((elem (pop tree)))
        (while (consp elem)
          (push (cdr elem) tree)
          (setq elem (car elem)))
        (if elem (push elem elems))))
    (if tree (push tree elems))
    (nreverse elems)))

(defalias 'flatten-list #'flatten-tree)

(defun ensure-list (object)
  "Return OBJECT as a list."
  (if (listp object) object (list object)))

(defun proper-list-length (l) (proper-list-p l))

;; length=, length< and length> are primitives (elisp/prims/fns.py), as in Emacs.

(defun delete-dups (list)
  "Destructively remove `equal' duplicates from LIST."
  (let ((l list))
    (while l
      (let ((elt (car l)))
        (while (member elt (cdr l))
          (setcdr l (delete elt (cdr l)))))
      (setq l (cdr l)))
    list))

(defun delete-consecutive-dups (list &optional circular)
  "Destructively remove `equal' consecutive duplicates from LIST."
  (let ((tail list) last)
    (while (cdr tail)
      (if (equal (car tail) (cadr tail))
          (setcdr tail (cddr tail))
        (setq last tail
              tail (cdr tail))))
    (if (and circular last (equal (car tail) (car list)))
        (setcdr last nil)))
  list)

;;;; Variables and places.

;; Defined here (not in gv.el) because stdlib is macroexpanded eagerly and
;; `push', `pop' and `with-memoization' below use it; `gv-get' is in gv.el.
(defmacro gv-letplace (vars place &rest body)
  "Build the code manipulating the generalized variable PLACE.
VARS is (GETTER SETTER)."
  (declare (indent 2))
  `(gv-get ,place (lambda ,vars ,@body)))

(defmacro push (newelt place)
  "Add NEWELT to the list stored in the generalized variable PLACE."
  (declare (debug (form gv-place)))
  (if (symbolp place)
      (list 'setq place (list 'cons newelt place))
    (require 'gv)
    (macroexp-let2 macroexp-copyable-p x newelt
      (gv-letplace (getter setter) place
        (funcall setter `(cons ,x ,getter))))))

(defmacro pop (place)
  "Return the first element of PLACE's value, and remove it from the list."
  (declare (debug (gv-place)))
  `(car-safe
    ,(if (symbolp place)
         (list 'prog1 place (list 'setq place (list 'cdr place)))
       (gv-letplace (getter setter) place
         (macroexp-let2 macroexp-copyable-p x getter
           `(prog1 ,x ,(funcall setter `(cdr ,x))))))))

(defmacro setq-local (&rest pairs)
  "Make each VARIABLE buffer-local and assign VALUE."
  (let ((expr nil))
    (while pairs
      (setq expr (cons (list 'set (list 'make-local-variable (list 'quote (car pairs)))
                             (car (cdr pairs)))
                       expr))
      (setq pairs (cdr (cdr pairs))))
    (macroexp-progn (nreverse expr))))

(defmacro letrec (binders &rest body)
  "Bind variables according to BINDERS then eval BODY."
  (declare (debug let) (indent 1))
  `(let ,(mapcar #'car binders)
     ,@(delq nil (mapcar (lambda (binder) (if (cdr binder) `(setq ,@binder)))
                         binders))
     ,@body))

(defmacro dlet (binders &rest body)
  "Like `let' but using dynamic scoping."
  (declare (indent 1) (debug let))
  `(progn
     ,@(mapcar (lambda (binder)
                 `(defvar ,(if (consp binder) (car binder) binder)))
               binders)
     (let ,binders ,@body)))

(defmacro bound-and-true-p (var)
  "Return the value of symbol VAR if it is bound, else nil."
  `(and (boundp (quote ,var)) ,var))

(defmacro with-memoization (place &rest code)
  "Return the value of CODE and stash it in PLACE."
  (declare (indent 1))
  (gv-letplace (getter setter) place
    `(or ,getter
         ,(macroexp-let2 nil val (macroexp-progn code)
            `(progn
               ,(funcall setter val)
               ,val)))))

(defun add-to-list (list-var element &optional append compare-fn)
  "Add ELEMENT to the value of LIST-VAR if it isn't there yet."
  (if (cond
       ((null compare-fn)
        (member element (symbol-value list-var)))
       ((eq compare-fn #'eq)
        (memq element (symbol-value list-var)))
       ((eq compare-fn #'eql)
        (memql element (symbol-value list-var)))
       (t
        (let ((lst (symbol-value list-var)))
          (while (and lst
                      (not (funcall compare-fn element (car lst))))
            (setq lst (cdr lst)))
          lst)))
      (symbol-value list-var)
    (set list-var
         (if append
             (append (symbol-value list-var) (list element))
           (cons element (symbol-value list-var))))))

(defun add-to-ordered-list (list-var element &optional _order)
  "Add ELEMENT to the value of LIST-VAR if it isn't there yet."
  (add-to-list list-var element))

(defun add-hook (hook function &optional depth local)
  "Add to the value of HOOK the function FUNCTION."
  (or (boundp hook) (set hook nil))
  (or (default-boundp hook) (set-default hook nil))
  (unless (numberp depth) (setq depth (if depth 90 0)))
  (if local (unless (local-variable-if-set-p hook)
              (set (make-local-variable hook) (list t)))
    ;; Detect the case where make-local-variable was used on a hook
    ;; and do what we used to do.
    (unless (and (consp (symbol-value hook)) (memq t (symbol-value hook)))
      (setq local t)))
  (let ((hook-value (if local (symbol-value hook) (default-value hook))))
    ;; If the hook value is a single function, turn it into a list.
    (when (or (not (listp hook-value)) (functionp hook-value))
      (setq hook-value (list hook-value)))
    ;; Do the actual addition if necessary
    (unless (member function hook-value)
      (when (not (zerop depth))
        (put hook 'hook--depth-alist
             (cons (cons function depth) (get hook 'hook--depth-alist))))
      (setq hook-value
            (if (> depth 0)
                (append hook-value (list function))
              (cons function hook-value)))
      (let ((depths (get hook 'hook--depth-alist)))
        (when depths
          (setq hook-value
                (sort (if (< 0 depth) hook-value (copy-sequence hook-value))
                      (lambda (f1 f2)
                        (< (alist-get f1 depths 0 nil #'eq)
                           (alist-get f2 depths 0 nil #'eq))))))))
    ;; Set the actual variable
    (if local
        (progn
          ;; If HOOK isn't a permanent local,
          ;; but FUNCTION wants to survive a change of modes,
          ;; mark HOOK as partially permanent.
          (and (symbolp function)
               (get function 'permanent-local-hook)
               (not (get hook 'permanent-local))
               (put hook 'permanent-local 'permanent-local-hook))
          (set hook hook-value))
      (set-default hook hook-value))))

(defun remove-hook (hook function &optional local)
  "Remove from the value of HOOK the function FUNCTION."
  (or (boundp hook) (set hook nil))
  (or (default-boundp hook) (set-default hook nil))
  ;; Do nothing if LOCAL is t but this hook has no local binding.
  (unless (and local (not (local-variable-p hook)))
    ;; Detect the case where make-local-variable was used on a hook
    ;; and do what we used to do.
    (when (and (local-variable-p hook)
               (not (and (consp (symbol-value hook))
                         (memq t (symbol-value hook)))))
      (setq local t))
    (let ((hook-value (if local (symbol-value hook) (default-value hook)))
          (old-fun nil))
      ;; Remove the function, for both the list and the non-list cases.
      (if (or (not (listp hook-value)) (eq (car hook-value) 'lambda))
          (when (equal hook-value function)
            (setq old-fun hook-value)
            (setq hook-value nil))
        (when (setq old-fun (car (member function hook-value)))
          (setq hook-value (remq old-fun (copy-sequence hook-value)))))
      ;; If the function is on the global hook, we need to shadow it locally
      ;;(when (and local (member function (default-value hook))
      ;;              (not (member (cons 'not function) hook-value)))
      ;;  (push (cons 'not function) hook-value))
      ;; Set the actual variable
      (if (not local)
          (set-default hook hook-value)
        (if (equal hook-value '(t))
            (kill-local-variable hook)
          (set hook hook-value)))
      old-fun)))

;;;; Errors.

(defun error (&rest args)
  "Signal an error, making a message by passing ARGS to `format-message'."
  (declare (advertised-calling-convention (string &rest args) "23.1"))
  (signal 'error (list (apply #'format-message args))))

(defun user-error (format &rest args)
  "Signal a user error, making a message by passing ARGS to `format-message'."
  (signal 'user-error (list (apply #'format-message format args))))

(defun define-error (name message &optional parent)
  "Define NAME as a new error signal."
  (unless parent (setq parent 'error))
  (let ((conditions
         (if (consp parent)
             (apply #'append
                    (mapcar (lambda (parent)
                              (cons parent
                                    (or (get parent 'error-conditions)
                                        (error "Unknown signal `%s'" parent))))
                            parent))
           (cons parent (get parent 'error-conditions)))))
    (put name 'error-conditions
         (delete-dups (copy-sequence (cons name conditions))))
    (when message (put name 'error-message message))))

;;;; Misc functions.

(defun ignore (&rest _arguments)
  "Ignore ARGUMENTS, do nothing, and return nil."
  (declare (completion ignore) (pure t) (side-effect-free t))
  (interactive)
  nil)

(defun always (&rest _arguments)
  "Ignore ARGUMENTS, do nothing, and return t."
  (declare (pure t) (side-effect-free error-free))
  t)

(defalias 'not-modified #'ignore)
(defalias 'string= #'string-equal)
(defalias 'string< #'string-lessp)
(defalias 'string> #'string-greaterp)
(defalias 'send-string #'process-send-string)

(defun zerop (number)
  "Return t if NUMBER is zero."
  (declare (pure t) (side-effect-free t))
  (= 0 number))

(defun fixnump (object)
  "Return t if OBJECT is a fixnum."
  (and (integerp object)
       (<= most-negative-fixnum object most-positive-fixnum)))

(defun bignump (object)
  "Return t if OBJECT is a bignum."
  (and (integerp object) (not (fixnump object))))

(defun booleanp (object)
  "Return t if OBJECT is one of the two canonical boolean values: t or nil."
  (and (memq object '(nil t)) t))

(defun special-form-p-internal (object) (special-form-p object))

(defun xor (cond1 cond2)
  "Return the boolean exclusive-or of COND1 and COND2."
  (cond ((not cond1) cond2)
        ((not cond2) cond1)))

(defun char-uppercase-p (char)
  "Return non-nil if CHAR is an upper-case character."
  (not (eq char (downcase char))))

(defun string-to-vector (string)
  "Return a vector of characters in STRING."
  (vconcat string))

(defun subr-primitive-p (object)
  "Return t if OBJECT is a built-in primitive function."
  (subrp object))

(defun function-alias-p (func &optional _noerror)
  "Return nil if FUNC is not a function alias."
  (let ((chain nil))
    (while (and (symbolp func) (symbolp (symbol-function func))
                (symbol-function func))
      (setq func (symbol-function func))
      (push func chain))
    (nreverse chain)))

(defmacro save-match-data (&rest body)
  "Execute the BODY forms, restoring the global value of the match data."
  (declare (indent 0) (debug t))
  ;; The interned name and `evaporate' are what Emacs 28's expansion shows.
  (list 'let
        '((save-match-data-internal (match-data)))
        (list 'unwind-protect
              (cons 'progn body)
              '(set-match-data save-match-data-internal 'evaporate))))

(defmacro with-current-buffer (buffer-or-name &rest body)
  "Execute the forms in BODY with BUFFER-OR-NAME temporarily current."
  (declare (indent 1) (debug t))
  `(save-current-buffer
     (set-buffer ,buffer-or-name)
     ,@body))

(defmacro with-temp-buffer (&rest body)
  "Create a temporary buffer, and evaluate BODY there like `progn'."
  (declare (indent 0) (debug t))
  (let ((temp-buffer (make-symbol "temp-buffer")))
    `(let ((,temp-buffer (generate-new-buffer " *temp*" t)))
       ;; `kill-buffer' can change current-buffer in some odd cases.
       (with-current-buffer ,temp-buffer
         (unwind-protect
             (progn ,@body)
           (and (buffer-name ,temp-buffer)
                (kill-buffer ,temp-buffer)))))))

(defmacro with-output-to-string (&rest body)
  "Execute BODY, return the text it sent to `standard-output', as a string."
  (declare (indent 0) (debug t))
  `(let ((standard-output (generate-new-buffer " *string-output*" t)))
     (unwind-protect
         (progn
           (let ((standard-output standard-output))
             ,@body)
           (with-current-buffer standard-output
             (buffer-string)))
       (kill-buffer standard-output))))

(defun generate-new-buffer (name &optional inhibit-buffer-hooks)
  "Create and return a buffer with a name based on NAME."
  (get-buffer-create (generate-new-buffer-name name) inhibit-buffer-hooks))

(defmacro with-silent-modifications (&rest body)
  "Execute BODY, pretending it does not modify the buffer."
  (declare (debug t) (indent 0))
  `(let ((inhibit-read-only t)) ,@body))

(defmacro save-mark-and-excursion (&rest body)
  "Like `save-excursion', but also save and restore the mark state."
  (declare (indent 0) (debug t))
  `(save-excursion ,@body))

(defmacro with-syntax-table (table &rest body)
  "Evaluate BODY with syntax table of current buffer set to TABLE."
  (declare (debug t) (indent 1))
  (let ((saved (make-symbol "table")) (buf (make-symbol "buffer")))
    `(let ((,saved (syntax-table)) (,buf (current-buffer)))
       (unwind-protect
           (progn (set-syntax-table ,table) ,@body)
         (save-current-buffer
           (set-buffer ,buf)
           (set-syntax-table ,saved))))))

(defmacro with-case-table (_table &rest body)
  "Execute the forms in BODY with TABLE as the current case table."
  (declare (indent 1) (debug t))
  `(progn ,@body))

(defmacro with-eval-after-load (file &rest body)
  "Execute BODY after FILE is loaded."
  (declare (indent 1) (debug (form def-body)))
  `(eval-after-load ,file (lambda () ,@body)))

(defun eval-after-load (file form)
  "Arrange that if FILE is loaded, FORM will be run immediately afterwards."
  (let ((feature (if (stringp file) (intern file) file)))
    (if (featurep feature)
        (if (functionp form) (funcall form) (eval form t))
      (let ((entry (assoc feature after-load-alist)))
        (if entry
            (setcdr entry (append (cdr entry) (list form)))
          (push (list feature form) after-load-alist)))))
  nil)

(defmacro defgroup (&rest _args)
  "Declare SYMBOL as a customization group containing MEMBERS."
  nil)

(defmacro defcustom (symbol standard &optional doc &rest _args)
  "Declare SYMBOL as a customizable variable."
  (declare (doc-string 3) (debug (name body)) (indent defun))
  `(defvar ,symbol ,standard ,doc))

(defmacro defface (face _spec doc &rest _args)
  "Declare FACE as a customizable face."
  (declare (doc-string 3) (indent defun))
  `(progn (put ',face 'face-documentation ,doc) ',face))

(defun custom-declare-variable (symbol default &optional doc &rest _args)
  (unless (default-boundp symbol) (set-default symbol (eval default t)))
  (put symbol 'variable-documentation doc)
  (internal--define-uninitialized-variable symbol doc)
  symbol)

(defun custom-add-option (_symbol _option) nil)
(defun custom-autoload (_symbol _load &optional _noset) nil)
(defun customize-set-variable (variable value &optional _comment) (set-default variable value))
(defun custom-set-variables (&rest args)
  (dolist (entry args) (set-default (car entry) (eval (cadr entry) t))))
(defmacro setopt (&rest pairs)
  (let ((expr nil))
    (while pairs
      (push `(customize-set-variable ',(car pairs) ,(cadr pairs)) expr)
      (setq pairs (cddr pairs)))
    (macroexp-progn (nreverse expr))))

(defun symbol-file (_symbol &optional _type _native-p) nil)

(defun propertize-no-op (s) s)

(defun apply-partially (fun &rest args)
  "Return a function that is a partial application of FUN to ARGS."
  (lambda (&rest args2)
    (apply fun (append args args2))))

(defun read-key (&optional _prompt _disable-fallbacks) (read-event))

(defun how-many (regexp &optional rstart rend _interactive)
  "Return the number of matches for REGEXP from point (or RSTART) to REND."
  (save-excursion
    (if rstart
        (if rend
            (progn (goto-char (min rstart rend)) (setq rend (max rstart rend)))
          (goto-char rstart) (setq rend (point-max)))
      (setq rend (if rend (max rend (point)) (point-max))))
    (let ((count 0))
      (while (and (< (point) rend) (re-search-forward regexp rend t))
        (when (and (= (match-beginning 0) (match-end 0)) (< (point) rend))
          (forward-char 1))
        (setq count (1+ count)))
      count)))
(defalias 'count-matches #'how-many)

(defmacro with-wrapper-hook (_hook _args &rest body)
  (declare (indent 2))
  `(progn ,@body))

(defmacro lazy-completion-table (var fun)
  `(lambda (&rest args) (apply (funcall #',fun) args)))

(defun called-interactively-p (&optional _kind) nil)
(defun interactive-p () nil)

(defmacro with-mutex (_mutex &rest body) (declare (indent 1)) `(progn ,@body))

(defmacro track-mouse (&rest body) `(progn ,@body))

(defun kbd (keys) keys)

(defun plistp (object)
  "Non-nil if and only if OBJECT is a valid plist."
  (let ((len (proper-list-p object)))
    (and len (zerop (% len 2)))))

(defun string-or-null-p (object)
  "Return t if OBJECT is a string or nil."
  (or (stringp object) (null object)))

(defun list-of-strings-p (object)
  "Return t if OBJECT is nil or a list of strings."
  (while (and (consp object) (stringp (car object)))
    (setq object (cdr object)))
  (null object))

(defun char-or-string-p-internal (object) (char-or-string-p object))

(defun mapcan-internal (f l) (mapcan f l))

;;;; String functions

(defconst split-string-default-separators "[ \f\t\n\r\v]+"
  "The default value of separators for `split-string'.")

(defun string-prefix-p (prefix string &optional ignore-case)
  "Return non-nil if PREFIX is a prefix of STRING."
  (let ((prefix-length (length prefix)))
    (if (> prefix-length (length string)) nil
      (eq t (compare-strings prefix 0 prefix-length string
                             0 prefix-length ignore-case)))))

(defun string-suffix-p (suffix string &optional ignore-case)
  "Return non-nil if SUFFIX is a suffix of STRING."
  (let ((start-pos (- (length string) (length suffix))))
    (and (>= start-pos 0)
         (eq t (compare-strings suffix nil nil
                                string start-pos nil ignore-case)))))

(defun split-string (string &optional separators omit-nulls trim)
  "Split STRING into substrings bounded by matches for SEPARATORS."
  (let* ((keep-nulls (not (if separators omit-nulls t)))
         (rexp (or separators split-string-default-separators))
         (len (length string))
         (start 0) (this-start 0) (this-end 0) (notfirst nil) (list nil)
         (push-one
          (lambda ()
            (when trim
              (let ((tem (string-match trim string this-start)))
                (and (eq tem this-start)
                     (setq this-start (match-end 0)))))
            (when (or keep-nulls (< this-start this-end))
              (let ((this (substring string this-start this-end)))
                (when trim
                  (let ((tem (string-match (concat trim "\\'") this 0)))
                    (and tem (< tem (length this))
                         (setq this (substring this 0 tem)))))
                (when (or keep-nulls (> (length this) 0))
                  (setq list (cons this list))))))))
    (while (and (string-match rexp string
                              (if (and notfirst
                                       (= start (match-beginning 0))
                                       (< start len))
                                  (1+ start) start))
                (< start len))
      (setq notfirst t)
      (setq this-start start this-end (match-beginning 0)
            start (match-end 0))
      (funcall push-one))
    (setq this-start start this-end len)
    (funcall push-one)
    (nreverse list)))

(defun string-trim-left (string &optional regexp)
  "Trim STRING of leading string matching REGEXP (default whitespace)."
  (if (string-match (if regexp (concat "\\`\\(?:" regexp "\\)") "\\`[ \t\n\r]+")
                    string)
      (substring string (match-end 0))
    string))

(defun string-trim-right (string &optional regexp)
  "Trim STRING of trailing string matching REGEXP (default whitespace)."
  (let ((i (string-match-p (if regexp (concat "\\(?:" regexp "\\)\\'") "[ \t\n\r]+\\'")
                           string)))
    (if i (substring string 0 i) string)))

(defun string-trim (string &optional trim-left trim-right)
  "Trim STRING of leading and trailing strings matching TRIM-LEFT and TRIM-RIGHT."
  (string-trim-left (string-trim-right string trim-right) trim-left))

(defun string-replace (from-string to-string in-string)
  "Replace FROM-STRING with TO-STRING in IN-STRING each time it occurs."
  (when (equal from-string "")
    (signal 'wrong-length-argument '(0)))
  (let ((start 0) (out nil) (flen (length from-string)) pos)
    (while (setq pos (string-search from-string in-string start))
      (setq out (cons to-string (cons (substring in-string start pos) out))
            start (+ pos flen)))
    (if (null out)
        in-string
      (apply #'concat (nreverse (cons (substring in-string start) out))))))

(defun subst-char-in-string (fromchar tochar string &optional inplace)
  "Replace FROMCHAR with TOCHAR in STRING each time it occurs."
  (let ((newstr (if inplace string (copy-sequence string))))
    (if (not (string-search (char-to-string fromchar) string))
        newstr
      (apply #'string (mapcar (lambda (c) (if (eq c fromchar) tochar c)) newstr)))))

(defconst regexp-unmatchable "\\`a\\`"
  "Standard regexp guaranteed not to match any string at all.")

(provide 'subr)
