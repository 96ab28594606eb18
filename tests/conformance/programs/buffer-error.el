;;; -*- lexical-binding: t -*-
;; An uncaught search failure ends the program with Emacs's exit status.
(with-temp-buffer
  (insert "some text")
  (goto-char (point-min))
  (princ (format "found: %S\n" (re-search-forward "text" nil t)))
  (princ (format "caught: %S\n" (condition-case e (search-forward "absent") (search-failed e))))
  (princ (format "bad regexp: %S\n" (condition-case e (re-search-forward "\\(") (invalid-regexp e))))
  (princ "now failing for real\n")
  (re-search-backward "nowhere")
  (princ "not reached\n"))
