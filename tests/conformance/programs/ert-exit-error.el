;;; ert-exit-error.el --- an invalid selector: exit code 2  -*- lexical-binding: t -*-
(require 'ert)
(ert-deftest ert-ee-1 () (should t))
(princ "start\n")
(ert-run-tests-batch-and-exit 'ert-ee-no-such-test)
