;;; test-basics.el --- Lisp-level tests of core behaviour  -*- lexical-binding: t -*-

(require 'ert)

(ert-deftest basics-arithmetic ()
  "Integer and float arithmetic."
  (should (= (+ 1 2 3) 6))
  (should (= (* 2 3.5) 7.0))
  (should (eql (/ 7 2) 3))
  (should (equal (mod -7 3) 2))
  (should-error (/ 1 0) :type 'arith-error))

(ert-deftest basics-lists ()
  (let ((l (list 1 2 3)))
    (should (equal (reverse l) '(3 2 1)))
    (should (equal (mapcar #'1+ l) '(2 3 4)))
    (should (= (length l) 3))
    (should (equal (nthcdr 1 l) '(2 3)))
    (should-not (memq 4 l))))

(ert-deftest basics-strings ()
  (should (equal (concat "ab" "cd") "abcd"))
  (should (equal (substring "hello" 1 3) "el"))
  (should (string= (upcase "abc") "ABC"))
  (should (equal (format "%s-%d" 'a 5) "a-5")))

(ert-deftest basics-closures ()
  (let* ((n 0)
         (inc (lambda () (setq n (1+ n)))))
    (funcall inc)
    (funcall inc)
    (should (= n 2))))

(ert-deftest basics-errors ()
  (should (equal (should-error (car 1))
                 '(wrong-type-argument listp 1)))
  (should (equal (condition-case err (signal 'my-basics-error '(1 2))
                   (t err))
                 '(my-basics-error 1 2)))
  (should-error (funcall 'basics-no-such-function) :type 'void-function))

(ert-deftest basics-catch-throw ()
  (should (eq (catch 'done (throw 'done 'value) 'not-reached) 'value)))

(ert-deftest basics-hash-tables ()
  (let ((h (make-hash-table :test 'equal)))
    (puthash "a" 1 h)
    (puthash "b" 2 h)
    (should (= (gethash "a" h) 1))
    (should (= (hash-table-count h) 2))
    (should (eq (gethash "c" h 'none) 'none))))

;;; test-basics.el ends here
