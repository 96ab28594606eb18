;;; -*- lexical-binding: t -*-
;; A while loop with integer arithmetic.
(let ((i 0) (sum 0))
  (while (< i 1000000)
    (setq sum (+ sum (% (* i i) 7)))
    (setq i (1+ i)))
  (princ (format "%d\n" sum)))
