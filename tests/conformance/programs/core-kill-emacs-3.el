;;; -*- lexical-binding: t -*-
(princ "exiting with 3\n")
(kill-emacs 3)
