;;; simple.el --- buffer commands and match-data helpers  -*- lexical-binding: t -*-

;;; Match data

(defun match-string (num &optional string)
  "Return the string of text matched by the previous search or regexp operation."
  (if (match-beginning num)
      (if string
          (substring string (match-beginning num) (match-end num))
        (buffer-substring (match-beginning num) (match-end num)))))

(defun match-string-no-properties (num &optional string)
  "Return the string of text matched by the last search, without text properties."
  (if (match-beginning num)
      (if string
          (substring-no-properties string (match-beginning num) (match-end num))
        (buffer-substring-no-properties (match-beginning num) (match-end num)))))

(defun looking-back (regexp &optional limit greedy)
  "Return non-nil if text before point matches regular expression REGEXP."
  (let ((start (point))
        (pos (save-excursion
               (and (re-search-backward (concat "\\(?:" regexp "\\)\\=") limit t)
                    (point)))))
    (if (and greedy pos)
        (save-restriction
          (narrow-to-region (point-min) start)
          (while (and (> pos (point-min))
                      (save-excursion
                        (goto-char pos)
                        (backward-char 1)
                        (looking-at (concat "\\(?:" regexp "\\)\\'"))))
            (setq pos (1- pos)))
          (save-excursion
            (goto-char pos)
            (looking-at (concat "\\(?:" regexp "\\)\\'")))))
    (not (null pos))))

(defun replace-regexp-in-string (regexp rep string &optional fixedcase literal subexp start)
  "Replace all matches for REGEXP with REP in STRING."
  (let ((len (length string))
        (start (or start 0))
        (pieces nil)
        mb me sub)
    (save-match-data
      (while (and (< start len) (string-match regexp string start))
        (setq mb (match-beginning 0)
              me (match-end 0))
        ;; An empty match still consumes one character, so the loop ends.
        (when (= me mb) (setq me (min len (1+ mb))))
        (match-data--translate (- mb))
        (setq sub (substring string mb me))
        (push (substring string start mb) pieces)
        (push (replace-match (if (stringp rep) rep (funcall rep (match-string 0 sub)))
                             fixedcase literal sub subexp)
              pieces)
        (setq start me))
      (push (substring string start len) pieces)
      (apply #'concat (nreverse pieces)))))

;;; Lines

(defun count-lines (start end &optional _ignore-invisible-lines)
  "Return number of lines between START and END."
  (save-excursion
    (save-restriction
      (narrow-to-region start end)
      (goto-char (point-max))
      (if (bolp)
          (1- (line-number-at-pos))
        (line-number-at-pos)))))

(defun beginning-of-buffer (&optional _arg)
  "Move point to the beginning of the buffer."
  (simple--push-mark)
  (goto-char (point-min)))

(defun end-of-buffer (&optional _arg)
  "Move point to the end of the buffer."
  (simple--push-mark)
  (goto-char (point-max)))

(defun simple--push-mark ()
  (when (fboundp 'push-mark) (funcall 'push-mark nil t)))

(defun goto-line (line &optional buffer relative)
  "Go to LINE, counting from line 1 at beginning of buffer."
  (with-current-buffer (or buffer (current-buffer))
    (unless relative (widen))
    (goto-char (point-min))
    (forward-line (1- line))))

(defun newline (&optional arg _interactive)
  "Insert a newline."
  (insert (make-string (simple--prefix-value arg) ?\n))
  nil)

(defun simple--prefix-value (arg)
  (cond ((null arg) 1) ((integerp arg) arg) ((eq arg '-) -1) ((consp arg) (car arg)) (t 1)))

(defun open-line (n)
  "Insert a newline and leave point before it."
  (let ((pt (point)))
    (insert (make-string n ?\n))
    (goto-char pt)))

(defun delete-horizontal-space (&optional backward-only)
  "Delete all spaces and tabs around point."
  (let ((orig-pos (point)))
    (delete-region
     (if backward-only
         orig-pos
       (progn (skip-chars-forward " \t") (constrain-to-field nil orig-pos t)))
     (progn (skip-chars-backward " \t") (constrain-to-field nil orig-pos)))))

(unless (fboundp 'constrain-to-field)
  (defun constrain-to-field (new-pos old-pos &optional _escape-from-edge _only-in-line _inhibit-capture-property)
    "Return the position closest to NEW-POS that is in the same field as OLD-POS."
    (if new-pos new-pos (point))))

(defun just-one-space (&optional n)
  "Delete all spaces and tabs around point, leaving one space (or N spaces)."
  (setq n (or n 1))
  (skip-chars-backward " \t")
  (let ((start (point)))
    (skip-chars-forward " \t")
    (delete-region start (point))
    (insert (make-string (abs n) ?\s))))

(defun back-to-indentation ()
  "Move point to the first non-whitespace character on this line."
  (beginning-of-line 1)
  (skip-syntax-forward " " (line-end-position)))

(defun delete-blank-lines ()
  "On blank line, delete all surrounding blank lines, leaving just one."
  (let (thisblank singleblank)
    (save-excursion
      (beginning-of-line)
      (setq thisblank (looking-at "[ \t]*$"))
      (setq singleblank
            (and thisblank
                 (not (looking-at "[ \t]*\n[ \t]*$"))
                 (or (bobp)
                     (progn (forward-line -1)
                            (not (looking-at "[ \t]*$")))))))
    (if thisblank
        (progn
          (beginning-of-line)
          (if singleblank (forward-line 1))
          (delete-region (point)
                         (if (re-search-backward "[^ \t\n]" nil t)
                             (progn (forward-line 1) (point))
                           (point-min)))))
    (if (not (and thisblank singleblank))
        (save-excursion
          (end-of-line)
          (forward-line 1)
          (delete-region (point)
                         (if (re-search-forward "[^ \t\n]" nil t)
                             (progn (beginning-of-line) (point))
                           (point-max)))))
    nil))

(defun delete-trailing-whitespace (&optional start end)
  "Delete trailing whitespace between START and END."
  (save-excursion
    (let ((end-marker (and end (copy-marker end))))
      (goto-char (or start (point-min)))
      (while (re-search-forward "[ \t]+$" end-marker t)
        (delete-region (match-beginning 0) (match-end 0)))
      (unless end
        (goto-char (point-max))
        (when (and (> (point) (point-min)) (re-search-backward "[^\n]" nil t))
          (forward-char 1)
          (when (< (1+ (point)) (point-max))
            (delete-region (1+ (point)) (point-max)))))
      (when end-marker (set-marker end-marker nil))))
  nil)

(defun buffer-narrowed-p ()
  "Return non-nil if the current buffer is narrowed."
  (/= (- (point-max) (point-min)) (buffer-size)))

;;; Files

(defmacro with-temp-file (file &rest body)
  "Create a new buffer, evaluate BODY there, and write the buffer to FILE."
  (declare (indent 1) (debug t))
  (let ((temp-file (make-symbol "temp-file"))
        (temp-buffer (make-symbol "temp-buffer")))
    `(let ((,temp-file ,file)
           (,temp-buffer (generate-new-buffer " *temp file*" t)))
       (unwind-protect
           (prog1
               (with-current-buffer ,temp-buffer
                 ,@body)
             (with-current-buffer ,temp-buffer
               (write-region nil nil ,temp-file nil 0)))
         (and (buffer-name ,temp-buffer)
              (kill-buffer ,temp-buffer))))))
