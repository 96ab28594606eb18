;;; misc-rx-log.el --- parsing log lines with rx  -*- lexical-binding: t -*-
(require 'rx)
(require 'subr-x)

(defconst log-line-re
  (rx bol (group (= 4 digit) "-" (= 2 digit) "-" (= 2 digit))
      (+ space) (group (or "INFO" "WARN" "ERROR"))
      (+ space) (group (+ (not (any "\n"))))
      eol))

(defvar log-text "2024-01-05 INFO started server
2024-01-05 WARN disk at 91%
garbage line
2024-01-06 ERROR connection refused: db
2024-01-06 INFO shutting down")

(princ (format "regexp: %S\n" log-line-re))
(let ((counts nil) (start 0))
  (while (string-match log-line-re log-text start)
    (let ((date (match-string 1 log-text))
          (level (match-string 2 log-text))
          (msg (match-string 3 log-text)))
      (princ (format "%s [%s] %s\n" date level msg))
      (setf (alist-get level counts nil nil #'equal)
            (1+ (alist-get level counts 0 nil #'equal))))
    (setq start (match-end 0)))
  (princ (format "counts: %S\n" (sort counts (lambda (a b) (string< (car a) (car b)))))))

(dolist (s '("foo_bar1" "1abc" "_x" "a-b" ""))
  (princ (format "%S identifier? %S\n" s
                 (and (string-match-p (rx bos (any alpha "_") (* (any alnum "_")) eos) s) t))))

(let ((kv (rx bos (* space) (group (+ (any "a-z" "_"))) (* space) "=" (* space)
              (group (* nonl)) eos)))
  (dolist (line '("name = emacs" "  version=28.2" "bad line" "x="))
    (if (string-match kv line)
        (princ (format "%s -> %S\n" (match-string 1 line) (match-string 2 line)))
      (princ (format "no match: %S\n" line)))))

(princ (format "%S\n" (rx-to-string '(or "alpha" "beta" "gamma"))))
(princ (format "%S\n" (regexp-opt '("define" "defun" "defvar") 'symbols)))
(princ (format "%S\n" (replace-regexp-in-string (rx (+ digit)) (lambda (m) (number-to-string (* 2 (string-to-number m)))) "a1 b22 c333")))
(princ (format "%S\n" (split-string "one, two,three ,  four" (rx (* space) "," (* space)))))
(princ (format "%S\n" (pcase "v=42" ((rx "v=" (let n (+ digit))) (string-to-number n)))))
