;;; -*- lexical-binding: t -*-
;; Recursive function calls.
(defun bench-fib (n) (if (< n 2) n (+ (bench-fib (- n 1)) (bench-fib (- n 2)))))
(princ (format "%d\n" (bench-fib 24)))
