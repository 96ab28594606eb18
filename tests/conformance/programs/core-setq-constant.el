;;; -*- lexical-binding: t -*-
(print (condition-case e (setq nil 1) (error e)))
(print (condition-case e (set t 1) (error e)))
(print (condition-case e (setq :k 1) (error e)))
(print (condition-case e (let ((nil 1)) nil) (error e)))
(setq t nil)
(princ "unreached\n")
