;;; inline.el --- define functions by their inliner  -*- lexical-binding: t -*-

;; We never byte-compile, so `define-inline' only has to produce the
;; function: `inline-quote' evaluates its template with the unquoted parts
;; standing for the argument values.

(defun inline--unquote (exp)
  "Turn the `inline-quote' template EXP into the code computing it."
  (cond
   ((consp exp)
    (cond
     ((eq (car exp) '\,) (cadr exp))
     ((eq (car exp) 'quote) exp)
     (t (let ((res nil) (splice nil))
          (while (consp exp)
            (let ((x (car exp)))
              (if (eq (car-safe x) '\,@) (setq splice t)))
            (push (car exp) res)
            (setq exp (cdr exp)))
          (if (or splice exp)
              ;; Rare: build the form as data and evaluate it.
              `(eval ,(list '\` (nreverse res)) t)
            (mapcar #'inline--unquote (nreverse res)))))))
   ((vectorp exp) (list '\` exp))
   (t exp)))

(defconst inline--function-env
  (list
   (cons 'inline-quote (lambda (exp) (inline--unquote exp)))
   (cons 'inline-const-p (lambda (_exp) t))
   (cons 'inline-const-val (lambda (exp) exp))
   (cons 'inline-error (lambda (format &rest args) `(error ,format ,@args)))
   (cons 'inline-letevals (lambda (_vars &rest body) (macroexp-progn body)))))

(defconst inline--macro-env
  (list
   (cons 'inline-quote (lambda (exp) (list '\` exp)))
   (cons 'inline-const-p (lambda (exp) `(macroexp-const-p ,exp)))
   (cons 'inline-const-val (lambda (exp) `(inline--const-val ,exp)))
   (cons 'inline-error (lambda (&rest _) '(throw 'inline--just-use nil)))
   (cons 'inline-letevals
         (lambda (vars &rest body)
           (if (listp vars)
               `(macroexp-let2* nil ,(mapcar (lambda (v) (if (consp v) v (list v v))) vars)
                  ,@body)
             (macroexp-progn body))))))

(defun inline--const-val (exp)
  (if (macroexp-const-p exp) (eval exp t) (throw 'inline--just-use nil)))

(defmacro inline-quote (_exp) (error "inline-quote can only be used within define-inline"))
(defmacro inline-const-p (_exp) (error "inline-const-p can only be used within define-inline"))
(defmacro inline-const-val (_exp) (error "inline-const-val can only be used within define-inline"))
(defmacro inline-error (_format &rest _args) (error "inline-error can only be used within define-inline"))
(defmacro inline-letevals (_vars &rest _body) (error "inline-letevals can only be used within define-inline"))

;;;###autoload
(defmacro define-inline (name args &rest body)
  "Define an inline function NAME with arguments ARGS and body in BODY."
  (declare (indent defun) (doc-string 3))
  (let ((doc (if (and (stringp (car body)) (cdr body)) (list (pop body))))
        (decls nil))
    (while (eq (car-safe (car body)) 'declare)
      (setq decls (append decls (cdr (pop body)))))
    (let ((decls (delq nil (mapcar (lambda (d)
                                     (unless (memq (car-safe d) '(compiler-macro)) d))
                                   decls))))
      `(prog1
           (defun ,name ,args
             ,@doc
             ,@(if decls (list (cons 'declare decls)))
             ,(let ((macroexpand-all-environment
                     (append inline--function-env macroexpand-all-environment)))
                (macroexpand-all (macroexp-progn body) macroexpand-all-environment)))
         ;; The inliner, used by `gv-get' to find setters of inline calls.
         (put ',name 'compiler-macro
              (lambda (inline--form ,@args)
                (or (catch 'inline--just-use
                      ,(let ((macroexpand-all-environment
                              (append inline--macro-env macroexpand-all-environment)))
                         (macroexpand-all (macroexp-progn body)
                                          macroexpand-all-environment)))
                    inline--form)))))))

(provide 'inline)
