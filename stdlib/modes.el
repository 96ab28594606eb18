;;; modes.el --- minor and major mode definitions, minimal  -*- lexical-binding: t -*-

;; `define-minor-mode', `define-globalized-minor-mode' and
;; `define-derived-mode' as far as libraries need them when loaded in
;; batch mode: mode variables, hooks, keymap variables and the mode
;; commands with Emacs's argument conventions.  Keymaps and syntax tables
;; get simple stand-ins when no primitive provides them.

(unless (fboundp 'make-sparse-keymap)
  (defun make-sparse-keymap (&optional prompt)
    "Return a new empty keymap."
    (if prompt (list 'keymap prompt) (list 'keymap))))

(unless (fboundp 'make-keymap)
  (defun make-keymap (&optional prompt)
    "Return a new keymap."
    (make-sparse-keymap prompt)))

(unless (fboundp 'keymapp)
  (defun keymapp (object)
    "Return t if OBJECT is a keymap."
    (and (consp object) (eq (car object) 'keymap))))

(unless (fboundp 'define-key)
  (defun define-key (keymap key def &optional _remove)
    "In KEYMAP, define key sequence KEY as DEF."
    (unless (keymapp keymap)
      (signal 'wrong-type-argument (list 'keymapp keymap)))
    (let ((cell (assoc key (cdr keymap))))
      (if cell
          (setcdr cell def)
        (setcdr keymap (cons (cons key def) (cdr keymap)))))
    def))

(unless (fboundp 'set-keymap-parent)
  (defun set-keymap-parent (keymap parent)
    "Set the parent keymap of KEYMAP to PARENT."
    (let ((tail keymap))
      (while (and (consp (cdr tail)) (not (eq (cadr tail) 'keymap)))
        (setq tail (cdr tail)))
      (setcdr tail parent))
    parent))

(unless (fboundp 'make-syntax-table)
  (defun make-syntax-table (&optional parent)
    "Return a new syntax table inheriting from PARENT."
    (list 'syntax-table parent)))

(unless (fboundp 'modify-syntax-entry)
  (defun modify-syntax-entry (_char _newentry &optional _table)
    "Set the syntax of a character (ignored here)."
    nil))

(unless (fboundp 'define-abbrev-table)
  (defun define-abbrev-table (tablename &optional _definitions &rest _props)
    "Define TABLENAME as an abbrev table."
    (unless (boundp tablename) (set tablename (list 'abbrev-table)))
    nil))

(defvar delay-mode-hooks nil "If non-nil, `run-mode-hooks' delays running the hooks.")
(defvar delayed-mode-hooks nil "List of delayed mode hooks.")
(make-variable-buffer-local 'delayed-mode-hooks)
(defvar after-change-major-mode-hook nil)
(defvar change-major-mode-hook nil)
(defvar change-major-mode-after-body-hook nil)
(defvar major-mode 'fundamental-mode)
(make-variable-buffer-local 'major-mode)
(defvar mode-name "Fundamental")
(make-variable-buffer-local 'mode-name)
(defvar minor-mode-list nil)
(defvar minor-mode-alist nil)
(defvar minor-mode-map-alist nil)
(defvar global-minor-modes nil)
(defvar local-minor-modes nil)
(make-variable-buffer-local 'local-minor-modes)

(defmacro delay-mode-hooks (&rest body)
  "Run BODY, delaying the mode hooks that `run-mode-hooks' would run."
  (declare (indent 0))
  `(progn (make-local-variable 'delay-mode-hooks)
          (let ((delay-mode-hooks t)) ,@body)))

(defun run-mode-hooks (&rest hooks)
  "Run mode HOOKS, unless delayed by `delay-mode-hooks'."
  (if delay-mode-hooks
      (dolist (hook hooks) (push hook delayed-mode-hooks))
    (setq hooks (nconc (nreverse delayed-mode-hooks) hooks))
    (setq delayed-mode-hooks nil)
    (apply #'run-hooks (cons 'change-major-mode-after-body-hook hooks))
    (run-hooks 'after-change-major-mode-hook)))

(defun provided-mode-derived-p (mode &rest modes)
  "Non-nil if MODE is derived from one of MODES."
  (let ((found nil))
    (while (and mode (not found))
      (if (memq mode modes)
          (setq found mode)
        (setq mode (or (get mode 'derived-mode-parent)
                       (let ((alias (symbol-function mode)))
                         (and alias (symbolp alias) alias))))))
    found))

(defun derived-mode-p (&rest modes)
  "Non-nil if the current major mode is derived from one of MODES."
  (apply #'provided-mode-derived-p major-mode modes))

(defun fundamental-mode ()
  "Major mode not specialized for anything in particular."
  (interactive)
  (kill-all-local-variables)
  (run-mode-hooks))

(defun modes--parse-keys (body)
  "Split BODY into (KEYWORD-PLIST . REST)."
  (let ((keys nil))
    (while (keywordp (car body))
      (setq keys (cons (cadr body) (cons (car body) keys)))
      (setq body (cddr body)))
    (cons (nreverse keys) body)))

(defmacro define-minor-mode (mode doc &rest body)
  "Define minor mode MODE with documentation DOC; BODY runs on each toggle."
  (declare (doc-string 2) (indent defun))
  ;; Old-style positional INIT-VALUE LIGHTER KEYMAP arguments.
  (let ((old-args nil))
    (unless (keywordp (car body))
      (setq old-args (list :init-value (nth 0 body) :lighter (nth 1 body)
                           :keymap (nth 2 body)))
      (setq body (nthcdr 3 body)))
    (let* ((parsed (modes--parse-keys body))
           (keys (append (car parsed) old-args))
           (body (cdr parsed))
           (globalp (plist-get keys :global))
           (init-value (plist-get keys :init-value))
           (keymap (plist-get keys :keymap))
           (variable (plist-get keys :variable))
           (after-hook (plist-get keys :after-hook))
           (getter (or (if (consp variable) (car variable) variable) mode))
           (setter (if (consp variable)
                       (lambda (v) `(funcall #',(cdr variable) ,v))
                     (lambda (v) `(setq ,getter ,v))))
           (hook (intern (format "%s-hook" mode)))
           (hook-on (intern (format "%s-on-hook" mode)))
           (hook-off (intern (format "%s-off-hook" mode)))
           (map (intern (format "%s-map" mode)))
           (arg (make-symbol "arg")))
      `(progn
         ,@(unless variable
             `((defvar ,mode ,init-value ,(format "Non-nil if %s is enabled." mode))
               ,@(unless globalp `((make-variable-buffer-local ',mode)))))
         (defvar ,hook nil)
         (defvar ,hook-on nil)
         (defvar ,hook-off nil)
         ,@(when keymap
             `((defvar ,map
                 (let ((m ,keymap))
                   (if (keymapp m) m (make-sparse-keymap))))))
         (defun ,mode (&optional ,arg)
           ,(or doc "Toggle the mode.")
           (interactive (list (or current-prefix-arg 'toggle)))
           (let ((on (cond ((eq ,arg 'toggle) (not ,getter))
                           ((null ,arg) t)
                           ((and (numberp ,arg) (< ,arg 1)) nil)
                           ((eq ,arg '-) nil)
                           (t t))))
             ,(funcall setter 'on)
             ,@(if globalp
                   `((setq global-minor-modes (delq ',mode global-minor-modes))
                     (when on (push ',mode global-minor-modes)))
                 `((setq local-minor-modes (delq ',mode local-minor-modes))
                   (when on (push ',mode local-minor-modes))))
             ,@body
             (run-hooks ',hook (if on ',hook-on ',hook-off))
             ,@(when after-hook (list after-hook))
             ,getter))
         (unless (memq ',mode minor-mode-list) (push ',mode minor-mode-list))
         ',mode))))

(defmacro define-globalized-minor-mode (global mode turn-on &rest body)
  "Define GLOBAL as a global minor mode that turns MODE on with TURN-ON everywhere."
  (declare (doc-string 2) (indent defun))
  (let* ((parsed (modes--parse-keys body))
         (keys (car parsed))
         (init-value (plist-get keys :init-value)))
    `(progn
       (defvar ,global ,init-value ,(format "Non-nil if %s is enabled." global))
       (define-minor-mode ,global
         ,(format "Toggle %s in all buffers." mode)
         :global t :variable ,global
         (dolist (buf (buffer-list))
           (with-current-buffer buf
             (if ,global (funcall #',turn-on) (when ,mode (,mode -1)))))))))

(defalias 'define-global-minor-mode #'define-globalized-minor-mode)

(defmacro define-derived-mode (child parent name &rest body)
  "Define major mode CHILD derived from PARENT, with mode name NAME."
  (declare (doc-string 4) (indent defun))
  (let* ((doc (if (stringp (car body)) (car body) nil))
         (body (if (stringp (car body)) (cdr body) body))
         (parsed (modes--parse-keys body))
         (keys (car parsed))
         (body (cdr parsed))
         (hook (intern (format "%s-hook" child)))
         (map (intern (format "%s-map" child)))
         (syntax (or (plist-get keys :syntax-table)
                     (intern (format "%s-syntax-table" child))))
         (abbrev (or (plist-get keys :abbrev-table)
                     (intern (format "%s-abbrev-table" child)))))
    (when (eq parent 'nil) (setq parent nil))
    `(progn
       (defvar ,hook nil)
       (unless (boundp ',map) (put ',map 'definition-name ',child))
       (defvar ,map (make-sparse-keymap))
       ,@(when (and syntax (symbolp syntax))
           `((defvar ,syntax (make-syntax-table))))
       ,@(when (and abbrev (symbolp abbrev))
           `((defvar ,abbrev nil)))
       ,@(when parent `((put ',child 'derived-mode-parent ',parent)))
       (defun ,child ()
         ,(or doc (format "Major mode derived from `%s'." parent))
         (interactive)
         (delay-mode-hooks
           ,(if parent `(,parent) '(kill-all-local-variables))
           (setq major-mode ',child)
           (setq mode-name ,name)
           ,@body)
         (run-mode-hooks ',hook))
       ',child)))

(unless (fboundp 'special-mode)
  (define-derived-mode special-mode nil "Special"
    "Parent major mode for special buffers."
    (setq buffer-read-only t)))
(unless (fboundp 'text-mode)
  (define-derived-mode text-mode nil "Text" "Major mode for editing text."))
(unless (fboundp 'prog-mode)
  (define-derived-mode prog-mode nil "Prog" "Major mode for editing source code."))

(unless (fboundp 'font-lock-add-keywords)
  (defun font-lock-add-keywords (_mode _keywords &optional _how)
    "Add highlighting KEYWORDS (no-op without a display)."
    nil))
(unless (fboundp 'font-lock-remove-keywords)
  (defun font-lock-remove-keywords (_mode _keywords)
    "Remove highlighting KEYWORDS (no-op without a display)."
    nil))
(unless (fboundp 'font-lock-flush)
  (defun font-lock-flush (&optional _beg _end)
    "Declare the region as needing fontification (no-op)."
    nil))
(defvar font-lock-mode nil)
(make-variable-buffer-local 'font-lock-mode)
(defvar font-lock-keywords nil)

;;;; Filling (a greedy version of fill.el's paragraph filling).

(defvar fill-column 70 "Column beyond which automatic line-wrapping should happen.")
(make-variable-buffer-local 'fill-column)
(defvar fill-prefix nil "String for filling to insert at front of new line, or nil for none.")
(make-variable-buffer-local 'fill-prefix)
(defvar sentence-end-double-space t "Non-nil means a single space does not end a sentence.")

(defun modes--fill-units (text)
  "TEXT's words as (WORD . SPACES-AFTER) units that filling keeps unbroken."
  (let ((units nil) (i 0) (n (length text)))
    (while (< i n)
      (while (and (< i n) (memq (aref text i) '(?\s ?\t ?\n))) (setq i (1+ i)))
      (when (< i n)
        (let ((start i))
          (while (and (< i n) (not (memq (aref text i) '(?\s ?\t ?\n)))) (setq i (1+ i)))
          (let ((word (substring text start i)) (ws 0))
            (while (and (< (+ i ws) n) (memq (aref text (+ i ws)) '(?\s ?\t ?\n)))
              (setq ws (1+ ws)))
            (let ((sentence-end (memq (aref word (1- (length word))) '(?. ?? ?!))))
              (if (and units (cdr (car units)) (eq (cdr (car units)) 'glue))
                  (setcar units (cons (concat (car (car units)) " " word)
                                      (if (and sentence-end (>= ws 2)) 2 1)))
                (push (cons word (if (and sentence-end (>= ws 2)) 2 1)) units))
              ;; "end. word" with one space is not a sentence end: keep together.
              (when (and sentence-end sentence-end-double-space (= ws 1))
                (setcdr (car units) 'glue)))))))
    (nreverse (mapcar (lambda (u) (if (eq (cdr u) 'glue) (cons (car u) 1) u)) units))))

(defun modes--fill-paragraph-text (text)
  "TEXT refilled to `fill-column'."
  (let ((lines nil) (line nil) (sep 1))
    (dolist (unit (modes--fill-units text))
      (if (and line (<= (+ (length line) sep (length (car unit))) fill-column))
          (setq line (concat line (make-string sep ?\s) (car unit)))
        (when line (push line lines))
        (setq line (car unit)))
      (setq sep (cdr unit)))
    (when line (push line lines))
    (mapconcat #'identity (nreverse lines) "\n")))

(defun fill-region (from to &optional _justify _nosqueeze _to-eol)
  "Fill each paragraph in the region from FROM to TO."
  (let* ((beg (min from to)) (end (max from to))
         (text (buffer-substring-no-properties beg end))
         (trailing (if (and (> (length text) 0) (eq (aref text (1- (length text))) ?\n)) "\n" ""))
         (paras nil) (start 0) (i 0) (n (length text)))
    ;; Paragraphs are separated by blank lines.
    (while (< i n)
      (if (and (eq (aref text i) ?\n)
               (let ((j (1+ i)))
                 (while (and (< j n) (memq (aref text j) '(?\s ?\t))) (setq j (1+ j)))
                 (and (< j n) (eq (aref text j) ?\n))))
          (progn
            (push (substring text start i) paras)
            (while (and (< i n) (memq (aref text i) '(?\n ?\s ?\t))) (setq i (1+ i)))
            (setq start i))
        (setq i (1+ i))))
    (push (substring text start) paras)
    (let ((filled (mapconcat #'modes--fill-paragraph-text
                             (delete "" (nreverse paras)) "\n\n")))
      (save-excursion
        (goto-char beg)
        (delete-region beg end)
        (insert filled (if (equal filled "") "" trailing))))
    ""))

(defun fill-paragraph (&optional _justify _region)
  "Fill the paragraph at or after point (the whole accessible buffer here)."
  (fill-region (point-min) (point-max)))

(provide 'modes)

;;; modes.el ends here
