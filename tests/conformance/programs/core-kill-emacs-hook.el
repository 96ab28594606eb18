;;; -*- lexical-binding: t -*-
(add-hook 'kill-emacs-hook (lambda () (princ "hook ran\n")))
(princ "main\n")
(kill-emacs 7)
