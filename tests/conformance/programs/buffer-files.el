;;; -*- lexical-binding: t -*-
;; Files: write, append, read back, and file name manipulation.
(let* ((dir (make-temp-file "elisp-buf-files-" t))
       (f (expand-file-name "notes.txt" dir)))
  (with-temp-file f
    (insert "first line\nsecond line\n"))
  (write-region "third line\n" nil f t)
  (princ (format "exists=%s dir=%s\n" (file-exists-p f) (file-directory-p dir)))
  (princ (format "%S %S %S %S\n" (file-name-nondirectory f) (file-name-extension f)
                 (file-name-base f) (equal (file-name-directory f) (file-name-as-directory dir))))
  (with-temp-buffer
    (insert-file-contents f)
    (princ (format "lines=%d\n%s" (count-lines (point-min) (point-max)) (buffer-string)))
    (goto-char (point-min))
    (while (re-search-forward "line" nil t) (replace-match "LINE"))
    (write-region (point-min) (point-max) (concat f ".bak")))
  (princ (with-temp-buffer (insert-file-contents (concat f ".bak")) (buffer-string)))
  (princ (format "%S\n" (directory-files dir nil "\\`[^.]")))
  (delete-file f)
  (delete-file (concat f ".bak"))
  (delete-directory dir)
  (princ (format "cleaned=%s\n" (not (file-exists-p dir)))))
