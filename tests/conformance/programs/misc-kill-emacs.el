;;; misc-kill-emacs.el --- exit codes via kill-emacs after helper work  -*- lexical-binding: t -*-
(require 'subr-x)
(require 'seq)
(let ((results (seq-map (lambda (s) (pcase s
                                       ((pred string-empty-p) 'empty)
                                       ((pred string-blank-p) 'blank)
                                       (_ (intern (string-trim s)))))
                        '("" "   " " ok " "fine"))))
  (princ (format "%S\n" results))
  (kill-emacs (if (memq 'empty results) 3 0)))
(princ "unreachable\n")
