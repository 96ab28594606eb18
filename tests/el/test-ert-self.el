;;; test-ert-self.el --- ERT features seen through pytest  -*- lexical-binding: t -*-

(require 'ert)

(ert-deftest ert-self-skip ()
  "A skipped test becomes a pytest skip."
  (skip-unless nil)
  (should nil))

(ert-deftest ert-self-expected-failure ()
  "A test expected to fail becomes an xfail."
  :expected-result :failed
  (should (= 1 2)))

(ert-deftest ert-self-tags ()
  :tags '(quick)
  (should (equal (ert-test-tags (ert-get-test 'ert-self-tags)) '(quick))))

(ert-deftest ert-self-explainer ()
  (should (equal (ert--explain-equal '(1 2) '(1 3))
                 '(list-elt 1 (different-atoms (2 "#x2" "?\2") (3 "#x3" "?\3"))))))

(ert-deftest ert-self-info ()
  (ert-info ("outer")
    (should (equal (ert-info ("inner") 42) 42))))

(ert-deftest ert-self-should-error-value ()
  (let ((err (should-error (error "Boom %d" 1))))
    (should (equal err '(error "Boom 1")))))

(ert-deftest ert-self-selectors ()
  (should (memq (ert-get-test 'ert-self-tags)
                (ert-select-tests '(tag quick) t)))
  (should-not (memq (ert-get-test 'ert-self-skip)
                    (ert-select-tests '(tag quick) t)))
  (should (equal (mapcar #'ert-test-name
                         (ert-select-tests '(member ert-self-info ert-self-tags) t))
                 '(ert-self-info ert-self-tags))))

(ert-deftest ert-self-run-test ()
  (let ((result (ert-run-test (make-ert-test :body (lambda () (should (eq 'a 'b)))))))
    (should (ert-test-failed-p result))
    (should (equal (cadr (ert-test-result-with-condition-condition result))
                   '((should (eq 'a 'b)) :form (eq a b) :value nil)))))

;;; test-ert-self.el ends here
