;;; -*- lexical-binding: t -*-
;; An error in a filter in batch is fatal: exit 255, the rest does not run
(defun mask (x)
  (cond ((and (integerp x) (> x 1024)) 'PORT)
        ((stringp x) (if (string-match ":[0-9]+>" x)
                         (concat (substring x 0 (match-beginning 0)) ":PORT>" (substring x (match-end 0)))
                       x))
        ((consp x) (cons (mask (car x)) (mask (cdr x))))
        ((vectorp x) (apply #'vector (mapcar #'mask x)))
        (t x)))
(defun show (label x) (princ (format "%s: %S\n" label (mask x))))
(defun wait-until (pred &optional n)
  (let ((i 0)) (while (and (not (funcall pred)) (< i (or n 50))) (accept-process-output nil 0.05) (setq i (1+ i)))))
(let* ((srv (make-network-process :name "fe" :server t :service t :host "127.0.0.1"
                                  :filter (lambda (_p s) (princ (format "filter got %S\n" s)) (error "boom %s" s))))
       (cli (make-network-process :name "fc" :host "127.0.0.1" :service (process-contact srv :service))))
  (princ "before\n")
  (process-send-string cli "x")
  (condition-case e
      (sleep-for 0.5)
    (error (princ (format "caught %S\n" e))))
  (princ "not reached\n"))
