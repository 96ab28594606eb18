;;; subr-x.el --- extra Lisp functions  -*- lexical-binding: t -*-

;;;; Threading and conditional binding.

(defmacro internal--thread-argument (first? &rest forms)
  "Thread FORMS as the first (FIRST? non-nil) or last argument."
  (let ((acc (car forms)))
    (dolist (form (cdr forms))
      (setq acc (if (consp form)
                    (if first?
                        (cons (car form) (cons acc (cdr form)))
                      (append form (list acc)))
                  (list form acc))))
    acc))

(defmacro thread-first (&rest forms)
  "Thread FORMS elements as the first argument of their successor."
  (declare (indent 0))
  (cons 'internal--thread-argument (cons t forms)))

(defmacro thread-last (&rest forms)
  "Thread FORMS elements as the last argument of their successor."
  (declare (indent 0))
  (cons 'internal--thread-argument (cons nil forms)))

(defun internal--build-binding (binding prev-var)
  "Normalize BINDING to (VAR (and PREV-VAR VALUE))."
  (setq binding
        (cond
         ((symbolp binding) (list binding binding))
         ((null (cdr binding)) (list (make-symbol "s") (car binding)))
         (t binding)))
  (when (> (length binding) 2)
    (signal 'error (cons "`let' bindings can have only one value-form" binding)))
  (let ((var (car binding)))
    (list var (list 'and prev-var (cadr binding)))))

(defun internal--build-bindings (bindings)
  (let ((prev t) (out nil))
    (dolist (b bindings)
      (let ((nb (internal--build-binding b prev)))
        (setq out (cons nb out))
        (setq prev (car nb))))
    (cons (nreverse out) prev)))

(defmacro if-let* (varlist then &rest else)
  "Bind variables according to VARLIST and evaluate THEN or ELSE."
  (declare (indent 2))
  (if varlist
      (let ((r (internal--build-bindings varlist)))
        (list 'let* (car r) (cons 'if (cons (cdr r) (cons then else)))))
    (list 'let* nil then)))

(defmacro when-let* (varlist &rest body)
  "Bind variables according to VARLIST and conditionally evaluate BODY."
  (declare (indent 1))
  (list 'if-let* varlist (macroexp-progn body)))

(defmacro and-let* (varlist &rest body)
  "Bind variables according to VARLIST and conditionally evaluate BODY."
  (declare (indent 1))
  (if varlist
      (let* ((r (internal--build-bindings varlist))
             (last-var (cdr r)))
        (list 'let* (car r)
              (cons 'when (cons last-var (or body (list last-var))))))
    (cons 'let* (cons nil (or body '(t))))))

;;;###autoload
(defmacro if-let (spec then &rest else)
  "Bind variables according to SPEC and evaluate THEN or ELSE."
  (declare (indent 2))
  (when (and (<= (length spec) 2) (not (listp (car spec))))
    (setq spec (list spec)))
  (cons 'if-let* (cons spec (cons then else))))

;;;###autoload
(defmacro when-let (spec &rest body)
  "Bind variables according to SPEC and conditionally evaluate BODY."
  (declare (indent 1))
  (list 'if-let spec (macroexp-progn body)))

;;;; Hash tables.

(defsubst hash-table-empty-p (hash-table)
  "Check whether HASH-TABLE is empty (has 0 elements)."
  (zerop (hash-table-count hash-table)))

(defun hash-table-keys (hash-table)
  "Return a list of keys in HASH-TABLE."
  (let ((keys nil))
    (maphash (lambda (k _) (setq keys (cons k keys))) hash-table)
    (nreverse keys)))

(defun hash-table-values (hash-table)
  "Return a list of values in HASH-TABLE."
  (let ((values nil))
    (maphash (lambda (_ v) (setq values (cons v values))) hash-table)
    (nreverse values)))

;;;; Strings.

(defsubst string-empty-p (string)
  "Check whether STRING is empty."
  (string= string ""))

(defun string-join (strings &optional separator)
  "Join all STRINGS using SEPARATOR."
  (mapconcat #'identity strings separator))

(defsubst string-blank-p (string)
  "Check whether STRING is either empty or only whitespace."
  (string-match-p "\\`[ \t\n\r]*\\'" string))

(defun string-remove-prefix (prefix string)
  "Remove PREFIX from STRING if present."
  (if (string-prefix-p prefix string)
      (substring string (length prefix))
    string))

(defun string-remove-suffix (suffix string)
  "Remove SUFFIX from STRING if present."
  (if (string-suffix-p suffix string)
      (substring string 0 (- (length string) (length suffix)))
    string))

(defalias 'string-reverse #'reverse)

;;;###autoload
(defun string-clean-whitespace (string)
  "Collapse runs of whitespace in STRING into single spaces and trim it."
  (let ((blank "[[:space:]\n]+"))
    (string-trim (replace-regexp-in-string blank " " string t t) blank blank)))

(defun string-pad (string length &optional padding start)
  "Pad STRING to LENGTH using PADDING."
  (unless (natnump length)
    (signal 'wrong-type-argument (list 'natnump length)))
  (let ((pad-length (- length (length string))))
    (cond ((<= pad-length 0) string)
          (start (concat (make-string pad-length (or padding ?\s)) string))
          (t (concat string (make-string pad-length (or padding ?\s)))))))

(defun string-limit (string length &optional end coding-system)
  "Return a substring of STRING that is (up to) LENGTH characters long."
  (unless (natnump length)
    (signal 'wrong-type-argument (list 'natnump length)))
  (if coding-system
      (let ((result nil) (len 0) (chars (string-to-list string)))
        (when end (setq chars (nreverse chars)))
        (catch 'done
          (dolist (c chars)
            (let ((b (length (encode-coding-string (string c) coding-system))))
              (when (> (+ len b) length) (throw 'done nil))
              (setq len (+ len b) result (cons c result)))))
        (encode-coding-string (apply #'string (if end result (nreverse result)))
                              coding-system))
    (cond ((<= (length string) length) string)
          (end (substring string (- (length string) length)))
          (t (substring string 0 length)))))

;;;###autoload
(defun string-lines (string &optional omit-nulls)
  "Split STRING into a list of lines."
  (let ((lines nil) (start 0) (i 0) (n (length string)))
    (while (< i n)
      (when (eq (aref string i) ?\n)
        (let ((line (substring string start i)))
          (unless (and omit-nulls (equal line ""))
            (setq lines (cons line lines))))
        (setq start (1+ i)))
      (setq i (1+ i)))
    (let ((line (substring string start)))
      (unless (and omit-nulls (equal line ""))
        (setq lines (cons line lines))))
    (nreverse lines)))

;;;###autoload
(defun string-truncate-left (string length)
  "Truncate STRING to LENGTH, replacing initial surplus with \"...\"."
  (let ((strlen (length string)))
    (if (<= strlen length)
        string
      (setq length (max 0 (- length 3)))
      (concat "..." (substring string (max 0 (- strlen 1 length)))))))

(defun string-fill (string length)
  "Fill STRING, breaking lines between words to at most LENGTH columns."
  (mapconcat
   (lambda (para)
     (let ((words (split-string para "[ \t\n]+" t))
           (lines nil) (line nil))
       (dolist (w words)
         (if (and line (> (+ (length line) 1 (length w)) length))
             (setq lines (cons line lines) line w)
           (setq line (if line (concat line " " w) w))))
       (when line (setq lines (cons line lines)))
       (mapconcat #'identity (nreverse lines) "\n")))
   (split-string string "\n[ \t\n]*\n")
   "\n\n"))

(defun string-chop-newline (string)
  "Remove the final newline (if any) from STRING."
  (string-remove-suffix "\n" string))

(defmacro named-let (name bindings &rest body)
  "Looping construct taken from Scheme: NAME is bound to a local function."
  (declare (indent 2))
  (let* ((fn (make-symbol (symbol-name name)))
         (vars (mapcar (lambda (b) (if (consp b) (car b) b)) bindings))
         (inits (mapcar (lambda (b) (if (consp b) (cadr b))) bindings))
         ;; Each iteration rebinds VARS from NEXT, so closures made in one
         ;; iteration keep that iteration's values.
         (next (mapcar (lambda (v) (make-symbol (symbol-name v))) vars))
         (again (make-symbol "again"))
         (result (make-symbol "result"))
         (tail-marker (make-symbol "tail-call"))
         (tailed nil)
         (tbody (named-let--tail (macroexp-progn body) name tail-marker
                                 (lambda () (setq tailed t))))
         (expanded
          (macroexpand-all
           tbody
           (cons (cons name (lambda (&rest args) `(funcall ,fn ,@args)))
                 (cons (cons tail-marker
                             (lambda (&rest args)
                               `(progn
                                  (setq ,@(apply #'append (named-let--zip next args)))
                                  (setq ,again t)
                                  nil)))
                       macroexpand-all-environment)))))
    `(letrec ((,fn (lambda ,vars
                     ,(if tailed
                          `(let ((,again t) (,result nil)
                                 ,@(named-let--zip next vars))
                             (while ,again
                               (setq ,again nil)
                               (setq ,result (let ,(named-let--zip vars next) ,expanded)))
                             ,result)
                        expanded))))
       (funcall ,fn ,@inits))))

(defun named-let--zip (a b)
  (let ((out nil))
    (while a
      (setq out (cons (list (car a) (car b)) out))
      (setq a (cdr a) b (cdr b)))
    (nreverse out)))

(defun named-let--tail (form name marker note)
  "Rewrite calls to NAME in tail position of FORM into calls to MARKER."
  (if (not (consp form))
      form
    (let ((head (car form))
          (recur (lambda (f) (named-let--tail f name marker note))))
      (cond
       ((eq head name) (funcall note) (cons marker (cdr form)))
       ((memq head '(progn let let* when unless))
        (let* ((prefix (if (eq head 'progn) 1 2))
               (fixed (internal--take prefix form))
               (body (nthcdr prefix form)))
          (if body
              (append fixed (butlast body) (list (funcall recur (car (last body)))))
            form)))
       ((eq head 'if)
        (if (cdddr form)
            (append (list 'if (nth 1 form) (funcall recur (nth 2 form)))
                    (butlast (nthcdr 3 form))
                    (list (funcall recur (car (last form)))))
          (list 'if (nth 1 form) (funcall recur (nth 2 form)))))
       ((memq head '(and or))
        (if (cdr form)
            (append (butlast form) (list (funcall recur (car (last form)))))
          form))
       ((eq head 'cond)
        (cons 'cond
              (mapcar (lambda (clause)
                        (if (and (consp clause) (cdr clause))
                            (append (butlast clause)
                                    (list (funcall recur (car (last clause)))))
                          clause))
                      (cdr form))))
       (t form)))))

(provide 'subr-x)
