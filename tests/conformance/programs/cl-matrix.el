;;; -*- lexical-binding: t -*-
(require 'cl-lib)
(defun make-matrix (rows cols &optional init)
  (let ((m (make-vector rows nil)))
    (dotimes (i rows) (aset m i (make-vector cols (or init 0))))
    m))
(defmacro mref (m i j) `(aref (aref ,m ,i) ,j))
(defun matrix-mul (a b)
  (let* ((n (length a)) (k (length b)) (p (length (aref b 0)))
         (c (make-matrix n p)))
    (cl-loop for i below n do
             (cl-loop for j below p do
                      (setf (mref c i j)
                            (cl-loop for x below k sum (* (mref a i x) (mref b x j))))))
    c))
(defun identity-matrix (n)
  (let ((m (make-matrix n n)))
    (cl-dotimes (i n m) (setf (mref m i i) 1))))
(let* ((a (vector (vector 1 2) (vector 3 4)))
       (b (vector (vector 5 6) (vector 7 8))))
  (princ (format "%S\n" (matrix-mul a b)))
  (princ (format "%S\n" (matrix-mul a (identity-matrix 2))))
  (cl-incf (mref a 0 0) 100)
  (princ (format "%S\n" a))
  (princ (format "%S\n" (cl-loop for row across a collect (cl-reduce #'+ row))))
  (princ (format "%S\n" (cl-loop for row across b
                                 for i from 0
                                 collect (cl-loop for x across row
                                                  for j from 0
                                                  when (= i j) collect x))))
  (princ (format "%S\n" (cl-loop for i from 0 below 3
                                 nconc (cl-loop for j from 0 below 3
                                                when (< i j) collect (cons i j))))))
(princ (format "%S\n" (cl-do ((i 0 (1+ i)) (acc nil (cons (* i i) acc))) ((= i 5) (nreverse acc)))))
(princ (format "%S\n" (cl-loop for x from 0.0 to 1.0 by 0.25 collect x)))
(princ (format "%S\n" (cl-loop for i from 10 downto 0 by 3 collect i)))
(princ (format "%S\n" (list (cl-floor 17 5) (cl-ceiling 17 5) (cl-round 17 5) (cl-truncate -17 5) (cl-mod -17 5) (cl-rem -17 5))))
(princ (format "%S\n" (list (cl-gcd 48 18 30) (cl-lcm 4 6 10) (cl-isqrt 1000))))
