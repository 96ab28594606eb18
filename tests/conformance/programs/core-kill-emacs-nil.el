;;; -*- lexical-binding: t -*-
(princ "out")
(kill-emacs)
