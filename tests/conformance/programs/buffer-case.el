;;; -*- lexical-binding: t -*-
;; Case conversion of regions and case-preserving replace-match.
(with-temp-buffer
  (insert "the quick brown fox")
  (upcase-region 5 10)
  (princ (format "%S\n" (buffer-string)))
  (capitalize-region 1 (point-max))
  (princ (format "%S\n" (buffer-string)))
  (downcase-region 1 4)
  (princ (format "%S\n" (buffer-string)))
  (upcase-initials-region 1 (point-max))
  (princ (format "%S\n" (buffer-string))))
(dolist (s '("hello" "Hello" "HELLO" "hELLO" "Hello World" "HELLO WORLD" "hello world" "H" "x Y"))
  (string-match "\\(.\\|\n\\)+" s)
  (princ (format "%-12S -> %S %S\n" s (replace-match "goodbye there" nil nil s)
                 (replace-match "goodbye there" t nil s))))
