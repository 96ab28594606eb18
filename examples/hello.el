;;; hello.el --- a first program  -*- lexical-binding: t -*-
(defun greet (name)
  (format "Hello, %s!" name))
(princ (greet "world"))
(terpri)
(let ((squares (mapcar (lambda (x) (* x x)) (number-sequence 1 10))))
  (message "sum of squares: %d" (apply #'+ squares)))
