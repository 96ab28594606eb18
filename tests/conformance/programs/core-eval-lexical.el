;;; -*- lexical-binding: t -*-
(print (eval '(let ((x 1)) (funcall (lambda () x))) t))
(print (eval '(let ((x 1)) (funcall (lambda () x))) nil))
(print (eval 'y '((y . 42))))
(print (eval '(+ a b) '((a . 1) (b . 2))))
(print (funcall (eval '(let ((z 3)) (lambda () z)) t)))
(print (eval '(lambda (q) q) t))
(print (eval '(lambda (q) q) nil))
(print (eval '(function (lambda (q) q)) '((w . 1))))
