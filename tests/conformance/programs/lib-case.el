;;; -*- lexical-binding: t -*-
(dolist (s '("hello world" "HELLO WORLD" "hElLo-wOrLd" "it's a test" "über straße" "ΣΟΦΟΣ" "x1y2 z3"))
  (princ (format "%s | %s | %s | %s | %s\n" s (upcase s) (downcase s) (capitalize s) (upcase-initials s))))
(prin1 (mapcar #'upcase '(?a ?z ?é ?ß ?1))) (terpri)
(prin1 (mapcar #'downcase '(?A ?Z ?É ?Σ))) (terpri)
(prin1 (list (char-equal ?a ?A) (let ((case-fold-search nil)) (char-equal ?a ?A)))) (terpri)
(condition-case err (upcase 'sym) (wrong-type-argument (prin1 err) (terpri)))
