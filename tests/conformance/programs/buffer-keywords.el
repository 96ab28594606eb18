;;; -*- lexical-binding: t -*-
;; Highlight keywords found with a regexp-opt regexp.
(defvar kw-re (regexp-opt '("if" "else" "while" "for" "return" "break" "continue") 'symbols))
(princ (format "%S\n" kw-re))
(with-temp-buffer
  (insert "for (i = 0; i < n; i++) { if (x) break; else continue; }\nreturn forty; iffy while_loop while")
  (goto-char (point-min))
  (let (found)
    (while (re-search-forward kw-re nil t)
      (push (list (match-string 1) (match-beginning 0)) found)
      (replace-match (upcase (match-string 1)) t t))
    (prin1 (nreverse found)) (terpri)
    (princ (buffer-string)) (terpri)))
(let ((re (regexp-opt '("cat" "category" "dog" "do" "done"))))
  (princ (format "%S\n" re))
  (dolist (w '("cat" "category" "cater" "do" "dog" "done" "d"))
    (princ (format "%s:%s " w (if (string-match (concat "\\`" re "\\'") w) "y" "n"))))
  (terpri))
