;;; -*- lexical-binding: t -*-
(defun sum-to (n) (if (= n 0) 0 (+ n (sum-to (1- n)))))
(print (sum-to 300))
(defun count-down (n acc) (if (= n 0) acc (count-down (1- n) (cons n acc))))
(print (length (count-down 400 nil)))
