;;; -*- lexical-binding: t -*-
(print (featurep 'core-test-feature))
(provide 'core-test-feature)
(print (featurep 'core-test-feature))
(print (require 'core-test-feature))
(print (condition-case e (require 'core-no-such-feature-xyz) (error (car e))))
(print (require 'core-no-such-feature-xyz nil t))
