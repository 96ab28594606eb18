;;; misc-pcase-calc.el --- a small expression evaluator with pcase  -*- lexical-binding: t -*-
(require 'pcase)
(require 'subr-x)

(defun calc-eval (expr env)
  (pcase expr
    ((pred numberp) expr)
    ((pred symbolp) (or (alist-get expr env) (error "Unbound: %s" expr)))
    (`(+ . ,args) (apply #'+ (mapcar (lambda (a) (calc-eval a env)) args)))
    (`(* . ,args) (apply #'* (mapcar (lambda (a) (calc-eval a env)) args)))
    (`(- ,a) (- (calc-eval a env)))
    (`(- ,a ,b) (- (calc-eval a env) (calc-eval b env)))
    (`(let ((,var ,val)) ,body)
     (calc-eval body (cons (cons var (calc-eval val env)) env)))
    (`(if ,c ,then ,else) (if (/= 0 (calc-eval c env)) (calc-eval then env) (calc-eval else env)))
    (`[,x ,y] (list 'point (calc-eval x env) (calc-eval y env)))
    (_ (error "Bad expression: %S" expr))))

(dolist (e '(42
             (+ 1 2 3)
             (* 2 (+ 3 4))
             (- 5)
             (- 10 4)
             (let ((x 5)) (* x x))
             (let ((x 2)) (let ((y 3)) (+ x y)))
             (if 1 10 20)
             (if 0 10 20)
             [1 (+ 1 1)]
             (foo 1)
             z))
  (princ (format "%S => %s\n" e
                 (condition-case err (calc-eval e nil)
                   (error (format "error: %s" (error-message-string err)))))))

(pcase-dolist (`(,name . ,age) '((alice . 30) (bob . 25)))
  (princ (format "%s is %d\n" name age)))

(pcase-let ((`(,a ,b . ,rest) '(1 2 3 4)))
  (princ (format "a=%s b=%s rest=%S\n" a b rest)))

(let ((f (pcase-lambda (`(,k . ,v)) (format "%s:%s" k v))))
  (princ (string-join (mapcar f '((x . 1) (y . 2))) ",")) (terpri))

(defun classify (x)
  (pcase x
    ('nil "nil")
    ((and (pred integerp) (guard (< x 0))) "negative int")
    ((pred integerp) "int")
    ((pred floatp) "float")
    ((pred stringp) (format "string of %d" (length x)))
    ((or `(,_ . ,_) (pred vectorp)) "compound")
    (_ "other")))
(dolist (x (list nil -3 7 1.5 "hey" '(1) [1 2] 'sym))
  (princ (format "%S: %s\n" x (classify x))))
(pcase-exhaustive 'unexpected
  ('expected (princ "never\n")))
(princ "not reached\n")
