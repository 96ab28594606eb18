;;; -*- lexical-binding: t -*-
(require 'cl-lib)
(defun primes-below (n)
  (let ((sieve (make-vector n t)))
    (cl-loop for i from 2 below n
             when (aref sieve i)
             collect i
             and do (cl-loop for j from (* i i) below n by i
                             do (aset sieve j nil)))))
(princ (format "%S\n" (primes-below 60)))
(princ (format "sum=%d count=%d max=%d\n"
               (cl-loop for p in (primes-below 100) sum p)
               (cl-loop for p in (primes-below 100) count (> p 50))
               (cl-loop for p in (primes-below 100) maximize p)))
(let ((words (split-string "the quick brown fox jumps over the lazy dog the end" " "))
      (table (make-hash-table :test #'equal)))
  (cl-loop for w in words do (cl-incf (gethash w table 0)))
  (let ((pairs (cl-loop for k being the hash-keys of table using (hash-values v)
                        collect (cons k v))))
    (setq pairs (sort pairs (lambda (a b) (or (> (cdr a) (cdr b))
                                              (and (= (cdr a) (cdr b))
                                                   (string< (car a) (car b)))))))
    (cl-loop for (w . c) in pairs
             for i from 1
             while (<= i 3)
             do (princ (format "%d. %s %d\n" i w c)))))
(princ (format "%S\n" (cl-loop for x in '(1 2 3 4 5 6 7 8 9)
                               if (cl-evenp x) collect x into evens
                               else collect x into odds
                               finally return (list :evens evens :odds odds))))
(princ (format "%S\n" (cl-loop for i from 1 to 4
                               for j = (* i i)
                               for k = 1 then (* k 2)
                               collect (list i j k))))
(princ (format "%S\n" (cl-loop for (a b . rest) in '((1 2 3) (4 5) (6 7 8 9))
                               collect (list a b rest))))
(princ (format "%S %S %S\n"
               (cl-loop for x in '(2 4 6) always (cl-evenp x))
               (cl-loop for x in '(1 2 3) thereis (and (> x 1) x))
               (cl-loop for x across [3 1 4 1 5] minimize x)))
(princ (format "%S\n" (cl-loop for c across "hello world"
                               unless (eq c ?\s) concat (string (upcase c)))))
(princ (format "%S\n" (cl-loop named search
                               for row in '((1 2) (3 4) (5 6))
                               do (cl-loop for x in row
                                           when (= x 4) do (cl-return-from search (list 'found row)))
                               finally return 'none)))
