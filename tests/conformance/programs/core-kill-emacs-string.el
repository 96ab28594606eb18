;;; -*- lexical-binding: t -*-
(princ "s\n")
(kill-emacs "some string")
