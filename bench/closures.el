;;; -*- lexical-binding: t -*-
;; Closures: creating and calling them, shared mutable bindings.
(defun make-counter ()
  (let ((n 0))
    (lambda (&optional inc) (setq n (+ n (or inc 1))))))
(let ((total 0))
  (dotimes (i 2000)
    (let ((c (make-counter)))
      (dotimes (_ 50) (funcall c 2))
      (setq total (+ total (funcall c)))))
  (princ (format "%d\n" (+ total (apply #'+ (mapcar (lambda (x) (* x x)) (number-sequence 1 1000)))))))
