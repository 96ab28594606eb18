;;; -*- lexical-binding: t -*-
;; Narrowing, save-restriction and searches bounded by the accessible region.
(with-temp-buffer
  (insert "[header]\nname=one\nsize=1\n[body]\nname=two\nsize=22\n[footer]\nname=three\n")
  (goto-char (point-min))
  (let (sections)
    (while (re-search-forward "^\\[\\([a-z]+\\)\\]$" nil t)
      (let ((name (match-string 1))
            (start (1+ (point)))
            (end (save-excursion (if (re-search-forward "^\\[" nil t) (match-beginning 0) (point-max)))))
        (save-restriction
          (narrow-to-region start end)
          (goto-char (point-min))
          (let (pairs)
            (while (re-search-forward "^\\([a-z]+\\)=\\(.*\\)$" nil t)
              (push (cons (match-string 1) (match-string 2)) pairs))
            (push (list name (point-min) (point-max) (nreverse pairs)
                        (count-lines (point-min) (point-max))
                        (progn (goto-char (point-max)) (bobp))
                        (progn (goto-char (point-min)) (re-search-forward "header" nil t)))
                  sections)))
        (goto-char end)))
    (dolist (s (nreverse sections)) (prin1 s) (terpri))
    (princ (format "widened: %d %d\n" (point-min) (point-max)))))
