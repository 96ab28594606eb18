;;; -*- lexical-binding: t -*-
(dolist (x (list 0.1 0.5 1.0 1.5 100.0 1e21 1e-7 123456789.0 -0.0 1.0e+INF -1.0e+INF 0.0e+NaN))
  (princ (format "%S %s %g\n" x (number-to-string x) x)))
(prin1 (list (ffloor 2.5) (fceiling 2.5) (fround 2.5) (fround 3.5) (ftruncate -2.7))) (terpri)
(prin1 (list (isnan (/ 0.0 0.0)) (copysign 3.0 -1.0) (frexp 10.0) (ldexp 0.625 4) (logb 100))) (terpri)
(prin1 (list (sin 0.0) (cos 0.0) (atan 1.0 1.0) (asin 1.0) (acos 1.0))) (terpri)
(prin1 (list (= 0.0 -0.0) (eql 0.0 -0.0) (equal 0.0 -0.0) (max 1 2.0) (min 3 1.0))) (terpri)
(prin1 (list (/ 7 2) (/ 7 2.0) (/ -7 2) (mod -7 2) (% -7 2) (mod -7.0 2))) (terpri)
