;;; -*- lexical-binding: t -*-
(let ((form 0))
  (dotimes (_ 3000) (setq form (list '1+ form)))
  (print (condition-case e (eval form t) (error e))))
(let ((form 0))
  (dotimes (_ 500) (setq form (list '1+ form)))
  (print (condition-case e (eval form t) (error e))))
