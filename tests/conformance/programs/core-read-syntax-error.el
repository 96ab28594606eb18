;;; -*- lexical-binding: t -*-
(princ "first form runs\n")
(print (+ 1 2))
(print '(unbalanced
