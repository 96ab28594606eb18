;;; -*- lexical-binding: t -*-
;; Template expansion with replace-regexp-in-string and a function replacement.
(defvar vars '(("name" . "World") ("n" . "3") ("lang" . "Emacs Lisp")))
(defun expand (tmpl)
  (replace-regexp-in-string
   "\\${\\([a-z]+\\)\\(?::\\([^}]*\\)\\)?}"
   (lambda (m)
     (let ((v (cdr (assoc (match-string 1 m) vars))))
       (or v (match-string 2 m) (concat "<" (match-string 1 m) "?>"))))
   tmpl t t))
(dolist (tmpl '("Hello, ${name}!" "${n} times ${lang}" "${missing:default} and ${other}" "no vars" "${name}${name}"))
  (princ (format "%S -> %S\n" tmpl (expand tmpl))))
(princ (format "%S\n" (replace-regexp-in-string "\\(\\w+\\) \\(\\w+\\)" "\\2 \\1" "one two three four five")))
(princ (format "%S\n" (replace-regexp-in-string "[aeiou]" #'upcase "programming in lisp")))
(princ (format "%S\n" (replace-regexp-in-string "^\\|$" "|" "a\nbb\n")))
(princ (format "%S\n" (mapconcat (lambda (s) (replace-regexp-in-string "\\`\\s-+\\|\\s-+\\'" "" s)) '("  x " "y  " "  z") ",")))
