;;; ert-exit-ok.el --- all tests as expected: exit code 0  -*- lexical-binding: t -*-
(require 'ert)
(ert-deftest ert-ok-1 () (should (= 2 (+ 1 1))))
(ert-deftest ert-ok-2 () :expected-result :failed (should (= 3 (+ 1 1))))
(ert-deftest ert-ok-3 () (skip-unless nil))
(princ "before\n")
(ert-run-tests-batch-and-exit)
(princ "not reached\n")
