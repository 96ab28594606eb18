;;; simple.el --- buffer commands and match-data helpers  -*- lexical-binding: t -*-

;;; Match data

(defun match-string (num &optional string)
  "Return the string of text matched by the previous search or regexp operation."
  (let ((beg (match-beginning num)))
    (if beg
        (if string
            (substring string beg (match-end num))
          (buffer-substring beg (match-end num))))))

(defun match-string-no-properties (num &optional string)
  "Return the string of text matched by the last search, without text properties."
  (let ((beg (match-beginning num)))
    (if beg
        (if string
            (substring-no-properties string beg (match-end num))
          (buffer-substring-no-properties beg (match-end num))))))

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

(defun file-name-sans-versions (name &optional _keep-backup-version)
  "Return file NAME sans backup versions or strings."
  (let ((end (and (string-match "\\(?:\\.~[0-9.]+~\\|~\\)\\'" name)
                  (match-beginning 0))))
    (if end (substring name 0 end) name)))

(defun file-name-extension (filename &optional period)
  "Return FILENAME's final \"extension\"."
  (save-match-data
    (let ((file (file-name-sans-versions (file-name-nondirectory filename))))
      (if (and (string-match "\\.[^.]*\\'" file)
               (not (eq 0 (match-beginning 0))))
          (substring file (+ (match-beginning 0) (if period 0 1)))
        (if period "")))))

(defun file-name-sans-extension (filename)
  "Return FILENAME sans final \"extension\"."
  (save-match-data
    (let ((file (file-name-sans-versions (file-name-nondirectory filename)))
          dir)
      (if (and (string-match "\\.[^.]*\\'" file)
               (not (eq 0 (match-beginning 0))))
          (if (setq dir (file-name-directory filename))
              (concat dir (substring file 0 (match-beginning 0)))
            (substring file 0 (match-beginning 0)))
        filename))))

(defun file-name-base (&optional filename)
  "Return the base name of the FILENAME: no directory, no extension."
  (file-name-sans-extension (file-name-nondirectory (or filename (buffer-file-name)))))

(defun file-name-with-extension (filename extension)
  "Return FILENAME modified to have the specified EXTENSION."
  (let ((ext (if (and (> (length extension) 0) (eq (aref extension 0) ?.))
                 (substring extension 1)
               extension)))
    (concat (file-name-sans-extension filename) "." ext)))

(defun file-name-quoted-p (name &optional _top)
  "Whether NAME is quoted with prefix \"/:\"."
  (and (>= (length name) 2) (string= (substring name 0 2) "/:")))

(defun file-name-quote (name &optional _top)
  "Add the quotation prefix \"/:\" to file NAME."
  (if (file-name-quoted-p name) name (concat "/:" name)))

(defun file-name-unquote (name &optional _top)
  "Remove quotation prefix \"/:\" from file NAME, if any."
  (if (file-name-quoted-p name)
      (let ((rest (substring name 2)))
        (if (string= rest "") "/" rest))
    name))

(defun convert-standard-filename (filename)
  "Convert a standard file's name to something suitable for the OS."
  filename)

(defun abbreviate-file-name (filename)
  "Return a version of FILENAME shortened using `directory-abbrev-alist'."
  (let ((home (expand-file-name "~")))
    (if (and (not (string= home "/"))
             (string-match (concat "\\`" (regexp-quote home) "\\(/\\|\\'\\)") filename))
        (concat "~" (substring filename (match-beginning 1)))
      filename)))

(defun file-relative-name (filename &optional directory)
  "Convert FILENAME to be relative to DIRECTORY (default: `default-directory')."
  (save-match-data
    (let ((dir (file-name-as-directory (expand-file-name (or directory default-directory))))
          (file (expand-file-name filename))
          (up 0))
      (while (not (or (simple--prefix-p dir file)
                      (string= dir (file-name-as-directory file))))
        (setq dir (file-name-directory (directory-file-name dir))
              up (1+ up)))
      (let* ((rest (if (simple--prefix-p dir file) (substring file (length dir)) ""))
             (parts (append (make-list up "..") (if (string= rest "") nil (list rest))))
             (result (mapconcat #'identity parts "/")))
        (if (string= result "") "." result)))))

(defun simple--prefix-p (prefix string)
  (and (<= (length prefix) (length string))
       (string= prefix (substring string 0 (length prefix)))))

(defun make-temp-file (prefix &optional dir-flag suffix text)
  "Create a temporary file and return its name."
  (let ((base (expand-file-name prefix (or (bound-and-true-p temporary-file-directory) "/tmp/")))
        file)
    (while (progn
             (setq file (concat (make-temp-name base) (or suffix "")))
             (file-exists-p file)))
    (if dir-flag
        (make-directory file)
      (write-region (or text "") nil file nil 'silent))
    file))


;;; The mark

(defvar mark-ring nil "The list of former marks of the current buffer, most recent first.")
(make-variable-buffer-local 'mark-ring)
(defvar mark-ring-max 16 "Maximum size of mark ring.")
(defvar global-mark-ring nil "The list of saved global marks, most recent first.")
(defvar mark-even-if-inactive t "Non-nil means you can use the mark even when inactive.")
(defvar transient-mark-mode nil "Non-nil if Transient Mark mode is enabled.")
(defvar activate-mark-hook nil)
(defvar deactivate-mark-hook nil)
(defvar deactivate-mark nil)

(defun mark (&optional force)
  "Return this buffer's mark value as integer, or nil if never set."
  (if (or force (not transient-mark-mode) mark-active mark-even-if-inactive)
      (marker-position (mark-marker))
    (signal 'mark-inactive nil)))

(defun set-mark (pos)
  "Set this buffer's mark to POS.  Don't use this function!"
  (if pos
      (progn
        (set-marker (mark-marker) pos (current-buffer))
        (setq mark-active t)
        (run-hooks 'activate-mark-hook))
    (set-marker (mark-marker) nil)
    (setq mark-active nil)
    (run-hooks 'deactivate-mark-hook)))

(defun push-mark (&optional location nomsg activate)
  "Set mark at LOCATION (point, by default) and push old mark on mark ring."
  (when (mark t)
    (let ((old (copy-marker (mark-marker))))
      (setq mark-ring (cons old mark-ring))
      (when (> (length mark-ring) mark-ring-max)
        (set-marker (car (nthcdr mark-ring-max mark-ring)) nil)
        (setcdr (nthcdr (1- mark-ring-max) mark-ring) nil))))
  (set-marker (mark-marker) (or location (point)) (current-buffer))
  (or nomsg executing-kbd-macro (> (simple--minibuffer-depth) 0)
      (message "Mark set"))
  (if (or activate (not transient-mark-mode))
      (set-mark (mark t)))
  nil)

(defun simple--minibuffer-depth () (if (fboundp (quote minibuffer-depth)) (funcall (quote minibuffer-depth)) 0))

(defun pop-mark ()
  "Pop off mark ring into the buffer's actual mark."
  (when mark-ring
    (setq mark-ring (nconc mark-ring (list (copy-marker (mark-marker)))))
    (set-marker (mark-marker) (car mark-ring))
    (set-marker (car mark-ring) nil)
    (pop mark-ring)))

(defun exchange-point-and-mark (&optional _arg)
  "Put the mark where point is now, and point where the mark is now."
  (let ((omark (mark t)))
    (if (null omark)
        (user-error "No mark set in this buffer"))
    (set-mark (point))
    (goto-char omark)
    nil))

(defun deactivate-mark (&optional _force)
  "Deactivate the mark."
  (when mark-active
    (setq mark-active nil)
    (run-hooks 'deactivate-mark-hook)))

(defun activate-mark (&optional _no-tmm)
  "Activate the mark."
  (when (mark t)
    (unless mark-active
      (setq mark-active t)
      (run-hooks 'activate-mark-hook))))

(defun region-active-p ()
  "Return t if Transient Mark mode is enabled and the mark is active."
  (and transient-mark-mode mark-active t))

(defun use-region-p ()
  "Return t if the region is active and it is appropriate to act on it."
  (and (region-active-p) (> (region-end) (region-beginning))))

;;; The kill ring

(defvar kill-ring nil "List of killed text sequences.")
(defvar kill-ring-max 120 "Maximum length of kill ring before oldest elements are thrown away.")
(defvar kill-ring-yank-pointer nil "The tail of the kill ring whose car is the last thing yanked.")
(defvar kill-whole-line nil "If non-nil, `kill-line' with no arg at start of line kills the whole line.")
(defvar kill-append-merge-undo nil)
(defvar kill-do-not-save-duplicates nil)
(defvar interprogram-cut-function nil)
(defvar interprogram-paste-function nil)
(defvar yank-excluded-properties nil)

(defun kill-new (string &optional replace)
  "Make STRING the latest kill in the kill ring."
  (ignore (length string))
  (unless (and kill-do-not-save-duplicates (equal string (car kill-ring)))
    (if (and replace kill-ring)
        (setcar kill-ring string)
      (push string kill-ring)
      (if (> (length kill-ring) kill-ring-max)
          (setcdr (nthcdr (1- kill-ring-max) kill-ring) nil))))
  (setq kill-ring-yank-pointer kill-ring)
  string)

(defun kill-append (string before-p)
  "Append STRING to the end of the latest kill in the kill ring."
  (let ((cur (car kill-ring)))
    (kill-new (if before-p (concat string cur) (concat cur string))
              (or (string= cur "") (null (get-text-property 0 'yank-handler cur))))))

(defun current-kill (n &optional do-not-move)
  "Rotate the yanking point by N places, and then return that kill."
  (or kill-ring (error "Kill ring is empty"))
  (let ((elt (nthcdr (mod (- n (length kill-ring-yank-pointer)) (length kill-ring))
                     kill-ring)))
    (unless do-not-move (setq kill-ring-yank-pointer elt))
    (car elt)))

(defun copy-region-as-kill (beg end &optional _region)
  "Save the region as if killed, but don't kill it."
  (let ((str (buffer-substring beg end)))
    (if (eq last-command 'kill-region)
        (kill-append str (< end beg))
      (kill-new str)))
  (setq deactivate-mark t)
  nil)

(defun kill-ring-save (beg end &optional region)
  "Save the region as if killed, but don't kill it."
  (copy-region-as-kill beg end region)
  nil)

(defun kill-region (beg end &optional _region)
  "Kill (\"cut\") text between point and mark."
  (let ((string (filter-buffer-substring beg end t)))
    (if (eq last-command 'kill-region)
        (kill-append string (< end beg))
      (kill-new string)))
  (setq this-command 'kill-region)
  (setq deactivate-mark t)
  nil)

(defvar filter-buffer-substring-function nil)
(defun filter-buffer-substring (beg end &optional delete)
  "Return the buffer substring between BEG and END, after filtering."
  (if delete
      (delete-and-extract-region beg end)
    (buffer-substring beg end)))

(defun kill-line (&optional arg)
  "Kill the rest of the current line; if no nonblanks there, kill thru newline."
  (kill-region (point)
               (progn
                 (if arg
                     (forward-line (prefix-numeric-value arg))
                   (if (eobp) (signal 'end-of-buffer nil))
                   (let ((end (save-excursion (end-of-line) (point))))
                     (if (or (save-excursion
                               (skip-chars-forward " \t" end)
                               (= (point) end))
                             (and kill-whole-line (bolp)))
                         (forward-line 1)
                       (goto-char end))))
                 (point))))

(defun kill-whole-line (&optional arg)
  "Kill current line."
  (setq arg (or arg 1))
  (if (and (> arg 0) (eobp) (save-excursion (forward-line 0) (eobp)))
      (signal 'end-of-buffer nil))
  (kill-region (progn (forward-line 0) (point))
               (progn (forward-line arg) (point))))


(defun kill-word (arg)
  "Kill characters forward until encountering the end of a word."
  (kill-region (point) (progn (forward-word arg) (point))))

(defun backward-kill-word (arg)
  "Kill characters backward until encountering the beginning of a word."
  (kill-word (- arg)))

(defun yank (&optional arg)
  "Reinsert (\"paste\") the last stretch of killed text."
  (push-mark)
  (insert-for-yank (current-kill (cond ((listp arg) 0) ((eq arg '-) -2) (t (1- arg)))))
  (if (consp arg) (exchange-point-and-mark))
  (setq this-command 'yank)
  nil)

(defun insert-for-yank (string)
  "Insert STRING at point for the `yank' command."
  (insert string))

(unless (fboundp 'prefix-numeric-value)
  (defun prefix-numeric-value (raw)
    "Return numeric meaning of raw prefix argument RAW."
    (cond ((null raw) 1) ((eq raw '-) -1) ((consp raw) (car raw)) (t raw))))

(defun zap-to-char (arg char &optional _interactive)
  "Kill up to and including ARGth occurrence of CHAR."
  (kill-region (point) (progn (search-forward (char-to-string char) nil nil arg) (point))))

;;; replace.el

(defun how-many (regexp &optional rstart rend _interactive)
  "Return the number of matches for REGEXP following point or in the region."
  (let ((count 0)
        (start (if rstart (min rstart (or rend rstart)) (point)))
        (end (if rstart (max rstart (or rend (point-max))) (point-max))))
    (save-excursion
      (goto-char start)
      (while (and (< (point) end)
                  (re-search-forward regexp end t))
        (when (and (= (match-beginning 0) (match-end 0)) (< (point) end))
          (forward-char 1))
        (setq count (1+ count))))
    count))

(defalias 'count-matches #'how-many)

(defun simple--line-filter (regexp rstart rend keep)
  (let ((start (copy-marker (if rstart (min rstart rend) (point))))
        (end (copy-marker (if rstart (max rstart rend) (point-max)))))
    (save-excursion
      (goto-char start)
      (unless (bolp) (forward-line 1))
      (while (< (point) end)
        (let* ((bol (point))
               (eol (line-end-position))
               (hit (save-excursion (re-search-forward regexp eol t))))
          (if (if keep (not hit) hit)
              (delete-region bol (min (point-max) (1+ eol)))
            (forward-line 1))
          (when (and (= bol (point)) (eobp)) (goto-char end)))))
    (set-marker start nil)
    (set-marker end nil)
    nil))

(defun flush-lines (regexp &optional rstart rend _interactive)
  "Delete lines containing matches for REGEXP."
  (simple--line-filter regexp rstart rend nil))

(defun keep-lines (regexp &optional rstart rend _interactive)
  "Delete all lines except those containing matches for REGEXP."
  (simple--line-filter regexp rstart rend t))

(defun simple--replace (from to regexp start end)
  (let ((count 0)
        (end (and end (copy-marker end))))
    (push-mark)
    (if start (goto-char start))
    (while (and (if regexp
                    (re-search-forward from end t)
                  (search-forward from end t))
                (or (null end) (<= (point) end)))
      (replace-match to (not case-replace) (not regexp))
      (setq count (1+ count))
      (when (and (= (match-beginning 0) (match-end 0)) (not (eobp)))
        (forward-char 1)))
    (message "Replaced %d occurrence%s" count (if (= count 1) "" "s"))
    nil))

(defun replace-regexp (regexp to-string &optional _delimited start end _backward _noncontig)
  "Replace things after point matching REGEXP with TO-STRING."
  (simple--replace regexp to-string t start end))

(defun replace-string (from-string to-string &optional _delimited start end _backward _noncontig)
  "Replace occurrences of FROM-STRING with TO-STRING."
  (simple--replace from-string to-string nil start end))

;;; sort.el

(defun sort-lines (reverse beg end)
  "Sort lines in region alphabetically; REVERSE non-nil means descending order."
  (save-excursion
    (save-restriction
      (narrow-to-region beg end)
      (goto-char (point-min))
      (let* ((text (buffer-substring (point-min) (point-max)))
             (final-newline (and (> (length text) 0)
                                 (eq (aref text (1- (length text))) ?\n)))
             (lines (split-string (if final-newline (substring text 0 -1) text) "\n"))
             (sorted (sort lines (if reverse
                                     (lambda (a b) (string< b a))
                                   #'string<))))
        (delete-region (point-min) (point-max))
        (insert (mapconcat #'identity sorted "\n"))
        (when final-newline (insert "\n"))))))

(defun reverse-region (beg end)
  "Reverse the order of lines in a region."
  (save-excursion
    (save-restriction
      (narrow-to-region beg end)
      (let* ((text (buffer-substring (point-min) (point-max)))
             (final-newline (and (> (length text) 0)
                                 (eq (aref text (1- (length text))) ?\n)))
             (lines (split-string (if final-newline (substring text 0 -1) text) "\n")))
        (delete-region (point-min) (point-max))
        (insert (mapconcat #'identity (nreverse lines) "\n"))
        (when final-newline (insert "\n"))))))

(defun delete-duplicate-lines (beg end &optional reverse _adjacent keep-blanks _interactive)
  "Delete all but one copy of any identical lines in the region."
  (let ((seen (make-hash-table :test 'equal)) (count 0))
    (save-excursion
      (save-restriction
        (narrow-to-region beg end)
        (goto-char (if reverse (point-max) (point-min)))
        (if reverse
            (while (and (not (bobp)) (progn (forward-line -1) t))
              (let ((line (buffer-substring (point) (line-end-position))))
                (if (and (gethash line seen) (not (and keep-blanks (string= line ""))))
                    (progn (delete-region (point) (min (point-max) (1+ (line-end-position))))
                           (setq count (1+ count)))
                  (puthash line t seen))))
          (while (not (eobp))
            (let ((line (buffer-substring (point) (line-end-position))))
              (if (and (gethash line seen) (not (and keep-blanks (string= line ""))))
                  (progn (delete-region (point) (min (point-max) (1+ (line-end-position))))
                         (setq count (1+ count)))
                (puthash line t seen)
                (forward-line 1)))))))
    count))

;;; lisp.el: motion over balanced expressions

(defun buffer-end (arg)
  "Return the \"far end\" position of the buffer, in direction ARG."
  (if (> arg 0) (point-max) (point-min)))

(defun forward-sexp (&optional arg _interactive)
  "Move forward across one balanced expression (sexp)."
  (or arg (setq arg 1))
  (goto-char (or (scan-sexps (point) arg) (buffer-end arg)))
  (if (< arg 0) (backward-prefix-chars))
  nil)

(defun backward-sexp (&optional arg _interactive)
  "Move backward across one balanced expression (sexp)."
  (forward-sexp (- (or arg 1))))

(defun forward-list (&optional arg _interactive)
  "Move forward across one balanced group of parentheses."
  (or arg (setq arg 1))
  (goto-char (or (scan-lists (point) arg 0) (buffer-end arg)))
  nil)

(defun backward-list (&optional arg _interactive)
  "Move backward across one balanced group of parentheses."
  (forward-list (- (or arg 1))))

(defun down-list (&optional arg _interactive)
  "Move forward down one level of parentheses."
  (or arg (setq arg 1))
  (let ((inc (if (> arg 0) 1 -1)))
    (while (/= arg 0)
      (goto-char (or (scan-lists (point) inc -1) (buffer-end arg)))
      (setq arg (- arg inc))))
  nil)

(defun up-list (&optional arg _escape-strings _no-syntax-crossing)
  "Move forward out of one level of parentheses."
  (or arg (setq arg 1))
  (let ((inc (if (> arg 0) 1 -1)))
    (while (/= arg 0)
      (goto-char (or (scan-lists (point) inc 1) (buffer-end arg)))
      (setq arg (- arg inc))))
  nil)

(defun backward-up-list (&optional arg escape-strings no-syntax-crossing)
  "Move backward out of one level of parentheses."
  (up-list (- (or arg 1)) escape-strings no-syntax-crossing))
