;;; -*- lexical-binding: t -*-
(define-error 'my-error "My error")
(princ "start\n")
(signal 'my-error '(1 2 3))
