;;; ert-results.el --- ERT result kinds, counts and exit code  -*- lexical-binding: t -*-
(require 'ert)

(ert-deftest ert-r-pass () (should (= 1 1)))
(ert-deftest ert-r-fail () (should (equal (list 1 2) (list 1 3))))
(ert-deftest ert-r-error () (car 1))
(ert-deftest ert-r-skip () (skip-unless (= 1 2)))
(ert-deftest ert-r-skip2 () (ert-skip "why"))
(ert-deftest ert-r-xfail () :expected-result :failed (should nil))
(ert-deftest ert-r-xpass () :expected-result :failed (should t))
(ert-deftest ert-r-pass-explicit () (ert-pass) (should nil))
(ert-deftest ert-r-throw () (throw 'nowhere 1))
(ert-deftest ert-r-signal () (signal 'ert-r-custom '(1 2)))
(ert-deftest ert-r-tagged () :tags '(a b) (should t))
(ert-deftest ert-r-either () :expected-result '(or :failed :passed) (should nil))

(let ((stats (ert-run-tests-batch "^ert-r-")))
  (princ (format "total %d expected %d unexpected %d skipped %d completed %d\n"
                 (ert-stats-total stats)
                 (ert-stats-completed-expected stats)
                 (ert-stats-completed-unexpected stats)
                 (ert-stats-skipped stats)
                 (ert-stats-completed stats)))
  (mapc (lambda (test)
          (let ((result (ert-test-most-recent-result test)))
            (princ (format "%s %s %s %c %S\n"
                           (ert-test-name test)
                           (ert-string-for-test-result result
                                                       (ert-test-result-expected-p test result))
                           (if (ert-test-result-with-condition-p result)
                               (prin1-to-string (ert-test-result-with-condition-condition result))
                             "-")
                           (ert-char-for-test-result result
                                                     (ert-test-result-expected-p test result))
                           (ert-reason-for-test-result result)))))
        (ert-select-tests "^ert-r-" t)))

(ert-run-tests-batch-and-exit "^ert-r-")
