;;; pkg-demo-tests.el --- tests of pkg-demo  -*- lexical-binding: t -*-
(require 'ert)
(require 'pkg-demo)
(ert-deftest pkg-demo-double-test () (should (= (pkg-demo-double 4) 8)))
(ert-deftest pkg-demo-double-error () (should-error (pkg-demo-double "x") :type 'wrong-type-argument))
;;; pkg-demo-tests.el ends here
