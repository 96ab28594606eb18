;;; -*- lexical-binding: t -*-
;; Parse an INI-like configuration into nested alists.
(defun parse-config (text)
  (with-temp-buffer
    (insert text)
    (goto-char (point-min))
    (let ((section "default") result)
      (while (not (eobp))
        (cond
         ((looking-at "^[ \t]*\\(?:[#;].*\\)?$"))
         ((looking-at "^\\[\\([^]]+\\)\\][ \t]*$")
          (setq section (match-string-no-properties 1)))
         ((looking-at "^[ \t]*\\([A-Za-z0-9_.-]+\\)[ \t]*=[ \t]*\\(.*?\\)[ \t]*$")
          (let ((cell (assoc section result)))
            (unless cell (setq cell (list section)) (setq result (append result (list cell))))
            (setcdr cell (append (cdr cell) (list (cons (match-string 1) (match-string 2)))))))
         (t (error "Bad line %d: %s" (line-number-at-pos)
                   (buffer-substring (point) (line-end-position)))))
        (forward-line 1))
      result)))
(prin1 (parse-config "top = 1\n# comment\n[server]\nhost = example.org  \nport=8080\n\n[client]\n  retries = 3\n; another\nname = a b c\n"))
(terpri)
(prin1 (condition-case e (parse-config "[x]\nok=1\nthis is bad\n") (error e)))
(terpri)
