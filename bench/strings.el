;;; -*- lexical-binding: t -*-
;; String formatting and concatenation.
(let ((acc 0))
  (dotimes (i 60000)
    (let ((s (format "%d:%s:%05.2f" i (number-to-string (* i 3)) (/ i 7.0))))
      (setq acc (+ acc (length (concat s "-" (substring s 0 2)))))))
  (princ (format "%d\n" acc)))
