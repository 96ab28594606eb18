;;; regexp-opt.el --- build a regexp matching a set of strings  -*- lexical-binding: t -*-

;; The strings are sorted and deduplicated, then factored recursively: a
;; common prefix or suffix is pulled out, one-character strings become a
;; bracket expression, and otherwise the set is split by first character.

(defun regexp-opt (strings &optional paren)
  "Return a regexp to match a string in the list STRINGS."
  (save-match-data
    (let* ((open (cond ((stringp paren) paren) (paren "\\(")))
           (sorted (delete-dups (sort (copy-sequence strings) #'string-lessp)))
           (re (if strings
                   (regexp-opt-group sorted (or open t) (not open))
                 (concat (or open "\\(?:") "\\`a\\`\\)"))))
      (cond ((eq paren 'words) (concat "\\<" re "\\>"))
            ((eq paren 'symbols) (concat "\\_<" re "\\_>"))
            (t re)))))

(defun regexp-opt--common-prefix (strings)
  (let* ((first (car strings))
         (n (length first)))
    (dolist (s (cdr strings))
      (let ((i 0) (m (min n (length s))))
        (while (and (< i m) (eq (aref first i) (aref s i)))
          (setq i (1+ i)))
        (setq n i)))
    (substring first 0 n)))

(defun regexp-opt-group (strings &optional paren lax)
  "Return a regexp to match a string in the sorted list STRINGS."
  (let* ((open (cond ((stringp paren) paren) (paren "\\(?:") (t "")))
         (close (if paren "\\)" ""))
         (open-cs (if lax "" open))
         (close-cs (if lax "" close)))
    (cond
     ((null strings) "")
     ((null (cdr strings))
      (if (= (length (car strings)) 1)
          (concat open-cs (regexp-quote (car strings)) close-cs)
        (concat open (regexp-quote (car strings)) close)))
     ((= (length (car strings)) 0)
      (concat open-cs (regexp-opt-group (cdr strings) t t) "?" close-cs))
     ((and (= (length (car strings)) 1)
           (let ((more nil))
             (dolist (s (cdr strings)) (when (= (length s) 1) (setq more t)))
             more))
      (let ((chars nil) (others nil))
        (dolist (s strings)
          (if (= (length s) 1) (push (aref s 0) chars) (push s others)))
        (if others
            (concat open (regexp-opt-group (nreverse others))
                    "\\|" (regexp-opt-charset chars) close)
          (concat open-cs (regexp-opt-charset chars) close-cs))))
     (t
      (let ((prefix (regexp-opt--common-prefix strings)))
        (if (> (length prefix) 0)
            (let ((n (length prefix)))
              (concat open (regexp-quote prefix)
                      (regexp-opt-group (mapcar (lambda (s) (substring s n)) strings) t t)
                      close))
          (let ((suffix (reverse (regexp-opt--common-prefix (mapcar #'reverse strings)))))
            (if (> (length suffix) 0)
                (let ((n (- (length suffix))))
                  (concat open
                          (regexp-opt-group
                           (sort (mapcar (lambda (s) (substring s 0 n)) strings) #'string-lessp)
                           t t)
                          (regexp-quote suffix) close))
              (let* ((c (aref (car strings) 0))
                     (same nil) (rest strings))
                (while (and rest (eq (aref (car rest) 0) c))
                  (push (pop rest) same))
                (concat open (regexp-opt-group (nreverse same))
                        "\\|" (regexp-opt-group rest) close))))))))))

(defun regexp-opt-charset (chars)
  "Return a regexp to match a character in CHARS."
  (let ((sorted (sort (delete-dups (copy-sequence chars)) #'<))
        (bracket "") (caret "") (dash "") (body "")
        (start nil) (end nil))
    (cond
     ((null sorted) "\\`a\\`")
     ((null (cdr sorted))
      (regexp-quote (string (car sorted))))
     (t
      (let ((flush (lambda ()
                     (when start
                       (if (> end (+ start 2))
                           (setq body (concat body (string start ?- end)))
                         (let ((c start))
                           (while (<= c end)
                             (setq body (concat body (string c)) c (1+ c)))))))))
        (dolist (c sorted)
          (cond ((eq c ?\]) (setq bracket "]"))
                ((eq c ?^) (setq caret "^"))
                ((eq c ?-) (setq dash "-"))
                ((and end (= c (1+ end))) (setq end c))
                (t (funcall flush) (setq start c end c))))
        (funcall flush))
      (if (and (string= body "") (string= bracket ""))
          (concat "[" dash caret "]")
        (concat "[" bracket body caret dash "]"))))))

(defun regexp-opt-depth (regexp)
  "Return the depth of REGEXP: the number of non-shy, unnumbered groups."
  (save-match-data (string-match regexp ""))
  (let ((i 0) (n (length regexp)) (depth 0))
    (while (< i n)
      (let ((c (aref regexp i)))
        (cond
         ((eq c ?\\)
          (when (and (< (1+ i) n) (eq (aref regexp (1+ i)) ?\())
            (unless (and (< (+ i 2) n) (eq (aref regexp (+ i 2)) ??))
              (setq depth (1+ depth))))
          (setq i (+ i 2)))
         ((eq c ?\[)
          ;; skip a bracket expression: `]' first is literal, [:class:] nests
          (setq i (1+ i))
          (when (and (< i n) (eq (aref regexp i) ?^)) (setq i (1+ i)))
          (when (and (< i n) (eq (aref regexp i) ?\])) (setq i (1+ i)))
          (while (and (< i n) (not (eq (aref regexp i) ?\])))
            (if (and (eq (aref regexp i) ?\[) (< (1+ i) n) (eq (aref regexp (1+ i)) ?:))
                (let ((j (save-match-data (string-match ":]" regexp (+ i 2)))))
                  (setq i (if j (+ j 2) (1+ i))))
              (setq i (1+ i))))
          (setq i (1+ i)))
         (t (setq i (1+ i))))))
    depth))

(provide 'regexp-opt)
