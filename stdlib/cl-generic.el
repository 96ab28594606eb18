;;; cl-generic.el --- generic functions (cl-defgeneric, cl-defmethod)  -*- lexical-binding: t -*-

;; A generic function is a plain function calling `cl--generic-dispatch'.
;; Its methods live on the `cl--generic' property of its name, as a list of
;; (QUALIFIER SPECIALIZERS FUNCTION USES-CNM); FUNCTION takes the next-method
;; function first when USES-CNM.  Dispatch looks at the required arguments:
;; a specializer is t, a type name, (eql VAL) or (head VAL).

(define-error 'cl-no-method "No method")
(define-error 'cl-no-next-method "No next method" 'cl-no-method)
(define-error 'cl-no-primary-method "No primary method" 'cl-no-method)
(define-error 'cl-no-applicable-method "No applicable method" 'cl-no-method)

(defun cl--generic-types-of (x)
  "The types of X, most specific first."
  (cond
   ((null x) '(null boolean symbol list sequence atom))
   ((eq x t) '(boolean symbol atom))
   ((symbolp x) (if (keywordp x) '(keyword symbol atom) '(symbol atom)))
   ((consp x) '(cons list sequence))
   ((integerp x) (if (fixnump x)
                     '(fixnum integer number integer-or-marker number-or-marker atom)
                   '(bignum integer number integer-or-marker number-or-marker atom)))
   ((floatp x) '(float number number-or-marker atom))
   ((stringp x) '(string array sequence atom))
   ((recordp x)
    (let ((name (type-of x)) (res nil))
      (while (and name (get name 'cl--struct-slots))
        (push name res)
        (setq name (get name 'cl--struct-include)))
      (if res (append (nreverse res) '(cl-structure-object record atom))
        (list (type-of x) 'record 'atom))))
   ((vectorp x) '(vector array sequence atom))
   ((bool-vector-p x) '(bool-vector array sequence atom))
   ((hash-table-p x) '(hash-table atom))
   ((functionp x) (list (type-of x) 'function 'atom))
   (t (list (type-of x) 'atom))))

(defun cl--generic-rank (spec arg types)
  "How specifically SPEC matches ARG (lower is more specific), or nil."
  (cond ((eq spec t) 1000)
        ((eq (car-safe spec) 'eql) (and (eql arg (cadr spec)) -2))
        ((eq (car-safe spec) 'member) (and (memql arg (cdr spec)) -2))
        ((eq (car-safe spec) 'head) (and (eql (car-safe arg) (cadr spec)) -1))
        (t (let ((tail (memq spec types)))
             (and tail (- (length types) (length tail)))))))

(defun cl--generic-ranks (method args)
  "The list of ranks of METHOD's specializers for ARGS, or nil if not applicable."
  (let ((specs (nth 1 method)) (ranks nil) (ok t))
    (while (and ok specs)
      (let ((r (if args (cl--generic-rank (car specs) (car args)
                                          (cl--generic-types-of (car args))))))
        (if r (push r ranks) (setq ok nil)))
      (setq specs (cdr specs) args (cdr args)))
    (and ok (cons 'ok (nreverse ranks)))))

(defun cl--generic-more-specific-p (r1 r2)
  (setq r1 (cdr r1) r2 (cdr r2))
  (while (and r1 r2 (= (car r1) (car r2)))
    (setq r1 (cdr r1) r2 (cdr r2)))
  (and r1 r2 (< (car r1) (car r2))))

(defun cl--generic-dispatch (name args)
  (let ((applicable nil))
    (dolist (m (get name 'cl--generic))
      (let ((ranks (cl--generic-ranks m args)))
        (if ranks (push (cons ranks m) applicable))))
    (setq applicable
          (mapcar #'cdr (sort applicable (lambda (a b)
                                           (cl--generic-more-specific-p (car a) (car b))))))
    (let ((primary nil) (around nil) (before nil) (after nil))
      (dolist (m applicable)
        (let ((q (car m)))
          (cond ((null q) (push m primary))
                ((eq q :around) (push m around))
                ((eq q :before) (push m before))
                ((eq q :after) (push m after)))))
      (setq primary (nreverse primary) around (nreverse around)
            before (nreverse before))
      (if (and (null primary) (null around))
          (if applicable
              (signal 'cl-no-primary-method (cons name args))
            (signal 'cl-no-applicable-method (cons name args)))
        (cl--generic-call-chain
         name
         (append around
                 (list (list 'cl--combined nil
                             (lambda (&rest args)
                               (dolist (m before) (cl--generic-call-method name m nil args))
                               (prog1 (if primary
                                          (cl--generic-call-chain name primary args)
                                        (signal 'cl-no-primary-method (cons name args)))
                                 (dolist (m after)
                                   (cl--generic-call-method name m nil args))))
                             nil)))
         args)))))

(defun cl--generic-call-method (_name method next args)
  (if (nth 3 method)
      (apply (nth 2 method) next args)
    (apply (nth 2 method) args)))

(defun cl--generic-call-chain (name methods args)
  (let* ((m (car methods))
         (rest (cdr methods))
         (next (if rest
                   (lambda (&rest cnm-args)
                     (cl--generic-call-chain name rest (or cnm-args args)))
                 (lambda (&rest cnm-args)
                   (signal 'cl-no-next-method
                           (cons name (cons m (or cnm-args args))))))))
    (if (nth 3 m)
        (apply (nth 2 m) next (and rest t) args)
      (apply (nth 2 m) args))))

(defun cl--generic-name (name)
  (if (eq (car-safe name) 'setf)
      (progn (require 'gv) (gv-setter (cadr name)))
    name))

(defun cl--generic-ensure (name)
  (unless (get name 'cl--generic-p)
    (put name 'cl--generic-p t)
    (put name 'cl--generic nil)
    (defalias name (lambda (&rest args) (cl--generic-dispatch name args)))))

(defun cl--generic-add-method (name qualifier specs function uses-cnm)
  (cl--generic-ensure name)
  (let ((methods (get name 'cl--generic)) (found nil))
    (dolist (m methods)
      (when (and (eq (car m) qualifier) (equal (nth 1 m) specs))
        (setcar (nthcdr 2 m) function)
        (setcar (nthcdr 3 m) uses-cnm)
        (setq found t)))
    (unless found
      (put name 'cl--generic
           (append methods (list (list qualifier specs function uses-cnm)))))
    name))

(defun cl--generic-method-form (name qualifier args body)
  "The form adding a method to NAME."
  (require 'cl-lib)                     ; for `cl-function' and `cl-flet', as in Emacs
  (let ((specs nil) (plain nil) (a args))
    (while (and a (not (memq (car a) '(&optional &rest &key &body &aux &context))))
      (let ((x (car a)))
        (if (consp x)
            (progn (push (car x) plain) (push (cadr x) specs))
          (push x plain) (push t specs)))
      (setq a (cdr a)))
    (when (eq (car a) '&context) (setq a (nthcdr 2 a)))
    (setq plain (append (nreverse plain) a)
          specs (nreverse specs))
    (let* ((parsed (byte-run--parse-body body nil))
           (real (nth 3 parsed))
           (uses-cnm (or (cl--tree-memq 'cl-call-next-method real)
                         (cl--tree-memq 'cl-next-method-p real)))
           (cnm (make-symbol "cl--cnm")) (nmp (make-symbol "cl--nmp"))
           (fn (if uses-cnm
                   `(cl-function
                     (lambda (,cnm ,nmp ,@plain)
                       (ignore ,nmp)
                       (cl-flet ((cl-call-next-method (&rest args) (apply ,cnm args))
                                 (cl-next-method-p () ,nmp))
                         ,@real)))
                 `(cl-function (lambda ,plain ,@real)))))
      `(cl--generic-add-method ',name ',qualifier ',specs ,fn ,(and uses-cnm t)))))

(defmacro cl-defmethod (name args &rest body)
  "Define a new method for generic function NAME."
  (declare (doc-string 3) (indent defun))
  (let ((qualifier nil) (name (cl--generic-name name)))
    (while (not (listp args))
      (if (memq args '(:around :before :after)) (setq qualifier args))
      (if (eq args :extra) (pop body))
      (setq args (pop body)))
    (cl--generic-method-form name qualifier args body)))

(defmacro cl-defgeneric (name args &rest options-and-methods)
  "Create a generic function NAME."
  (declare (indent 2) (doc-string 3))
  (let ((name (cl--generic-name name)) (methods nil) (body nil))
    (if (stringp (car options-and-methods)) (pop options-and-methods))
    (while options-and-methods
      (let ((x (pop options-and-methods)))
        (cond ((eq (car-safe x) 'declare))
              ((eq (car-safe x) :documentation))
              ((eq (car-safe x) :method)
               (let ((q nil) (m (cdr x)))
                 (while (not (listp (car m)))
                   (if (memq (car m) '(:around :before :after)) (setq q (car m)))
                   (setq m (cdr m)))
                 (push (cl--generic-method-form name q (car m) (cdr m)) methods)))
              ((keywordp (car-safe x)))
              ((and (keywordp x) options-and-methods) (pop options-and-methods))
              (t (setq body (cons x options-and-methods) options-and-methods nil)))))
    `(progn
       (put ',name 'cl--generic-p nil)
       (cl--generic-ensure ',name)
       ,@(if body (list (cl--generic-method-form name nil args body)))
       ,@(nreverse methods)
       :autoload-end)))

(defun cl-generic-p (f) (and (symbolp f) (get f 'cl--generic-p)))

(defmacro cl-generic-define-context-rewriter (_name _args &rest _body) nil)

(provide 'cl-generic)
