;;; -*- lexical-binding: t -*-
(defun runaway (n) (runaway (1+ n)))
(princ (format "%S\n" (condition-case e (runaway 0) (error e))))
(defun runaway-nested (n) (if (< n 0) 0 (1+ (runaway-nested (1+ n)))))
(princ (format "%S\n" (condition-case e (runaway-nested 0) (error e))))
(princ "still alive\n")
