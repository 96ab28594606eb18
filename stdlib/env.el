;;; env.el --- environment variables, shell quoting, time helpers  -*- lexical-binding: t -*-

(defun env--entry-matches (entry variable)
  "Non-nil if the `process-environment' ENTRY is for VARIABLE."
  (and (stringp entry)
       (string-prefix-p variable entry)
       (or (= (length entry) (length variable))
           (eq (aref entry (length variable)) ?=))))

(defun setenv-internal (env variable value keep-empty)
  "Set VARIABLE to VALUE in ENV, adding empty entries if KEEP-EMPTY."
  (if (and (null value) (not keep-empty) env
           (env--entry-matches (car env) variable))
      (cdr env)
    (let ((scan env) (prev nil) (found nil))
      (while (and scan (stringp (car scan)))
        (when (env--entry-matches (car scan) variable)
          (cond (value (setcar scan (concat variable "=" value)))
                (keep-empty (setcar scan variable))
                (t (setcdr prev (cdr scan))))
          (setq found t scan nil))
        (setq prev scan scan (cdr scan)))
      (if (and (not found) (or value keep-empty))
          (cons (if value (concat variable "=" value) variable) env)
        env))))

(defun substitute-env-vars (string &optional when-undefined)
  "Substitute environment variables referred to in STRING."
  (let ((out nil) (i 0) (n (length string)))
    (while (< i n)
      (let ((c (aref string i)))
        (if (not (and (eq c ?$) (< (1+ i) n)))
            (setq out (cons (char-to-string c) out) i (1+ i))
          (let ((next (aref string (1+ i))) (name nil) (end nil))
            (cond
             ((eq next ?$) (setq out (cons "$" out) i (+ i 2)))
             ((eq next ?{)
              (let ((j (+ i 2)))
                (while (and (< j n) (not (memq (aref string j) '(?{ ?}))))
                  (setq j (1+ j)))
                (if (and (< j n) (eq (aref string j) ?}) (> j (+ i 2)))
                    (setq name (substring string (+ i 2) j) end (1+ j))
                  (setq out (cons "$" out) i (1+ i)))))
             (t
              (let ((j (1+ i)))
                (while (and (< j n)
                            (let ((d (aref string j)))
                              (or (eq d ?_) (<= ?a d ?z) (<= ?A d ?Z) (<= ?0 d ?9)
                                  (and (> d 127) (memq (get-char-code-property d 'general-category)
                                                       '(Lu Ll Lt Lm Lo Nd Nl No))))))
                  (setq j (1+ j)))
                (if (> j (1+ i))
                    (setq name (substring string (1+ i) j) end j)
                  (setq out (cons "$" out) i (1+ i))))))
            (when name
              (let ((value (getenv name)))
                (if (and (null value)
                         (if (functionp when-undefined)
                             (null (setq value (funcall when-undefined name)))
                           when-undefined))
                    (setq out (cons (substring string i end) out))
                  (setq out (cons (or value "") out))))
              (setq i end))))))
    (apply #'concat (nreverse out))))

(defun substitute-env-in-file-name (filename)
  (substitute-env-vars filename t))

(defun setenv (variable &optional value substitute-env-vars)
  "Set the value of the environment variable named VARIABLE to VALUE."
  (and value substitute-env-vars
       (setq value (substitute-env-vars value)))
  (if (string-search "=" variable)
      (error "Environment variable name `%s' contains `='" variable))
  (if (string-equal "TZ" variable)
      (set-time-zone-rule value))
  (setq process-environment
        (setenv-internal process-environment variable value t))
  value)

(defun getenv (variable &optional frame)
  "Get the value of environment variable VARIABLE."
  (ignore frame)
  (getenv-internal variable nil))

(defmacro with-environment-variables (variables &rest body)
  "Set VARIABLES in the environment and execute BODY."
  (declare (indent 1))
  (unless (consp variables)
    (error "Invalid VARIABLES: %s" variables))
  `(let ((process-environment (copy-sequence process-environment)))
     ,@(mapcar (lambda (elem) `(setenv ,(car elem) ,(cadr elem))) variables)
     ,@body))

(provide 'env)

(defun shell-quote-argument (argument &optional posix)
  "Quote ARGUMENT for passing as argument to an inferior shell."
  (ignore posix)
  (if (equal argument "")
      "''"
    (let ((out nil) (i 0) (n (length argument)))
      (while (< i n)
        (let ((c (aref argument i)))
          (cond ((eq c ?\n) (setq out (cons "'\n'" out)))
                ((or (<= ?a c ?z) (<= ?A c ?Z) (<= ?0 c ?9) (memq c '(?- ?_ ?. ?/)))
                 (setq out (cons (char-to-string c) out)))
                (t (setq out (cons (string ?\\ c) out)))))
        (setq i (1+ i)))
      (apply #'concat (nreverse out)))))

(defun combine-and-quote-strings (strings &optional separator)
  "Concatenate the STRINGS, adding the SEPARATOR (default \" \")."
  (let ((sep (or separator " ")))
    (mapconcat (lambda (str)
                 (if (or (equal str "")
                         (let ((i 0) (n (length str)) (found nil))
                           (while (and (< i n) (not found))
                             (when (memq (aref str i) '(?\" ?\\ ?\s ?\t ?\n))
                               (setq found t))
                             (setq i (1+ i)))
                           found)
                         (string-search sep str))
                     (concat "\"" (replace-regexp-in-string "[\\\"]" "\\\\\\&" str) "\"")
                   str))
               strings sep)))

;;;; Time helpers (time-date.el, simple.el).

(defalias 'time-to-seconds #'float-time)

(defun time-since (time)
  "Return the time elapsed since TIME."
  (when (stringp time) (setq time (date-to-time time)))
  (time-subtract nil time))

(defun time-to-days (time)
  "The absolute date corresponding to TIME, a time value."
  (let* ((tim (decode-time time))
         (year (nth 5 tim)))
    (+ (time-date--day-in-year tim)
       (* 365 (1- year))
       (/ (1- year) 4) (- (/ (1- year) 100)) (/ (1- year) 400))))

(defun date-leap-year-p (year)
  "Return t if YEAR is a leap year."
  (or (and (zerop (% year 4)) (not (zerop (% year 100))))
      (zerop (% year 400))))

(defun date-days-in-month (year month)
  "The number of days in MONTH in YEAR."
  (unless (and (numberp month) (<= 1 month 12))
    (error "Month %s is invalid" month))
  (if (= month 2)
      (if (date-leap-year-p year) 29 28)
    (if (memq month '(1 3 5 7 8 10 12)) 31 30)))

(defun time-date--day-in-year (tim)
  (let ((day (nth 3 tim)) (month (nth 4 tim)) (year (nth 5 tim)) (n 0) (m 1))
    (while (< m month)
      (setq n (+ n (date-days-in-month year m)) m (1+ m)))
    (+ n day)))

(defun time-to-day-in-year (time)
  "Return the day number within the year corresponding to TIME."
  (time-date--day-in-year (decode-time time)))

(defun decoded-time-second (time) "The seconds in TIME." (nth 0 time))
(defun decoded-time-minute (time) "The minutes in TIME." (nth 1 time))
(defun decoded-time-hour (time) "The hours in TIME." (nth 2 time))
(defun decoded-time-day (time) "The day-of-the-month in TIME." (nth 3 time))
(defun decoded-time-month (time) "The month in TIME." (nth 4 time))
(defun decoded-time-year (time) "The year in TIME." (nth 5 time))
(defun decoded-time-weekday (time) "The day-of-the-week in TIME." (nth 6 time))
(defun decoded-time-dst (time) "The daylight saving time in TIME." (nth 7 time))
(defun decoded-time-zone (time) "The time zone in TIME." (nth 8 time))

(defun make-decoded-time (&rest args)
  "Return a `decoded-time' structure with only the keywords given filled out."
  (list (plist-get args :second) (plist-get args :minute) (plist-get args :hour)
        (plist-get args :day) (plist-get args :month) (plist-get args :year)
        nil (if (plist-member args :dst) (plist-get args :dst) -1)
        (plist-get args :zone)))

;;;; File attributes and names (files.el).

(defsubst file-attribute-type (attributes) "The type field in ATTRIBUTES." (nth 0 attributes))
(defsubst file-attribute-link-number (attributes) "The number of links in ATTRIBUTES." (nth 1 attributes))
(defsubst file-attribute-user-id (attributes) "The UID field in ATTRIBUTES." (nth 2 attributes))
(defsubst file-attribute-group-id (attributes) "The GID field in ATTRIBUTES." (nth 3 attributes))
(defsubst file-attribute-access-time (attributes) "The last access time in ATTRIBUTES." (nth 4 attributes))
(defsubst file-attribute-modification-time (attributes) "The modification time in ATTRIBUTES." (nth 5 attributes))
(defsubst file-attribute-status-change-time (attributes) "The status modification time in ATTRIBUTES." (nth 6 attributes))
(defsubst file-attribute-size (attributes) "The integer size (in bytes) in ATTRIBUTES." (nth 7 attributes))
(defsubst file-attribute-modes (attributes) "The file modes in ATTRIBUTES." (nth 8 attributes))
(defsubst file-attribute-inode-number (attributes) "The inode number in ATTRIBUTES." (nth 10 attributes))
(defsubst file-attribute-device-number (attributes) "The file system device number in ATTRIBUTES." (nth 11 attributes))

(defun file-remote-p (file &optional identification connected)
  "Test whether FILE specifies a location on a remote system."
  (ignore file identification connected)
  nil)

(defun locate-user-emacs-file (new-name &optional _old-name)
  "Return an absolute per-user Emacs-specific file name."
  (abbreviate-file-name (expand-file-name new-name user-emacs-directory)))
