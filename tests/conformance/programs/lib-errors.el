;;; -*- lexical-binding: t -*-
(dolist (form '((car 1) (aref [1] 5) (nth 1 '(a . b)) (substring "abc" 5) (make-string -1 ?a)
                (string-to-char 5) (gethash 1 2) (puthash 1 2 3) (logand 1.0) (ash 1 1.0)
                (format "%d" "s") (expt 0 -1) (/ 1 0) (% 1 0) (mod 1 0) (elt '(1) 3)
                (symbol-name 1) (intern 1) (upcase 'a) (string-search 1 "a") (sort 1 #'<)
                (make-hash-table :test 'nope) (decode-coding-string "a" 'nope)))
  (princ (format "%S => %S\n" form (condition-case err (eval form t) (error err)))))
(prin1 (error-message-string '(wrong-type-argument listp 1))) (terpri)
(car 'boom)
