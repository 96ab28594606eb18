;;; -*- lexical-binding: t -*-
(princ "bye\n")
(kill-emacs 0)
(princ "never\n")
