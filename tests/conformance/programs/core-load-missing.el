;;; -*- lexical-binding: t -*-
(princ "loading\n")
(print (load "core-definitely-missing-file" t))
(print (condition-case e (load "core-definitely-missing-file") (error (car e))))
(load "core-definitely-missing-file")
(princ "not reached\n")
