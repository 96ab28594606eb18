;;; -*- lexical-binding: t -*-
(defun fact (n) (if (< n 2) 1 (* n (fact (1- n)))))
(dolist (n '(0 1 5 20 21 30))
  (princ (format "%d! = %d\n" n (fact n))))
(defun fib (n) (let ((a 0) (b 1)) (dotimes (_ n) (setq b (+ a b) a (- b a))) a))
(princ (format "fib 100 = %d\n" (fib 100)))
(dolist (x '(7 -7 7.5 -7.5))
  (princ (format "%S: floor %S ceiling %S round %S truncate %S\n"
                 x (floor x 2) (ceiling x 2) (round x 2) (truncate x 2))))
(princ (format "%S\n" (list (/ 1.0 3) (sqrt 2) (expt 2 0.5) (exp 1) (log 1000 10))))
(princ (format "%S\n" (mapcar (lambda (x) (logand x 255)) (list 256 -1 (expt 2 70) 1000))))
(princ (format "%.3f %.2e %g %g\n" float-pi 123456.789 1e-10 0.5))
(condition-case err (/ 1 0) (arith-error (princ (format "caught %S\n" err))))
(condition-case err (+ 1 "a") (wrong-type-argument (princ (format "caught %S\n" err))))
