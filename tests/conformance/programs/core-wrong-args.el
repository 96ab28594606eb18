;;; -*- lexical-binding: t -*-
(defun two-args (a b) (list a b))
(print (condition-case e (two-args 1) (error e)))
(print (condition-case e (two-args 1 2 3) (error e)))
(print (condition-case e (funcall (lambda (x) x)) (error e)))
(print (condition-case e (funcall (let ((k 1)) (lambda (x) (+ x k)))) (error e)))
(print (condition-case e (cons 1) (error e)))
(print (condition-case e (funcall #'cons 1) (error e)))
(two-args)
