;;; -*- lexical-binding: t -*-
;; Calls of primitives, in tree and fused code, follow a redefinition of the
;; primitive and its restoration.
(defun f (x) (string-to-number x))
(defun g (x) (length x))
(dotimes (_ 30) (f "12") (g "abc"))
(princ (list (f "12") (g "abc")))
(let ((orig (symbol-function 'string-to-number)) (orig-len (symbol-function 'length)))
  (fset 'string-to-number (lambda (_x) 42))
  (fset 'length (lambda (_x) 'len))
  (princ (list (f "12") (g "abc") (string-to-number "5") (funcall 'length "ab")))
  (fset 'string-to-number orig)
  (fset 'length orig-len))
(princ (list (f "12") (g "abc")))
(terpri)
