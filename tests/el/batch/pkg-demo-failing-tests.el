;;; pkg-demo-failing-tests.el --- a failing test of pkg-demo  -*- lexical-binding: t -*-
(require 'ert)
(require 'pkg-demo)
(ert-deftest pkg-demo-wrong () (should (equal (pkg-demo-double 2) 5)))
(ert-deftest pkg-demo-right () (should (equal (pkg-demo-double 2) 4)))
;;; pkg-demo-failing-tests.el ends here
