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

(defalias 'seconds-to-time #'time-convert)

(defun days-to-time (days)
  "Convert DAYS into a time value."
  (let ((time (time-convert (* 86400 days))))
    ;; An integer number of days gives the old two-element form.
    (if (and (integerp days) (consp (cdr time)))
        (list (car time) (cadr time))
      time)))

(defun format-seconds (string seconds)
  "Use format control STRING to format the number SECONDS."
  (let ((units '(("y" "year" 31536000) ("d" "day" 86400) ("h" "hour" 3600)
                 ("m" "minute" 60) ("s" "second" 1) ("z")))
        (case-fold-search t)
        (start 0) (used nil) (zeroflag nil) (larger nil) (prev nil)
        (zeropos nil) fraction)
    (while (string-match "%\\.?[0-9]*\\(,[0-9]\\)?\\(.\\)" string start)
      (setq start (match-end 0))
      (let ((spec (match-string 2 string)))
        (unless (string-equal spec "%")
          (let ((entry (assoc (downcase spec) units)))
            (unless entry (error "Bad format specifier: `%s'" spec))
            (when (assoc (downcase spec) used)
              (error "Multiple instances of specifier: `%s'" spec))
            (if (string-equal (car entry) "z")
                (setq zeroflag t)
              (unless larger
                (setq larger (and prev (> (nth 2 entry) prev))
                      prev (nth 2 entry))))
            (setq used (cons entry used))))))
    (when (and zeroflag larger)
      (error "Units are not in decreasing order of size"))
    (unless (numberp seconds) (setq seconds (float-time seconds)))
    (setq fraction (mod seconds 1) seconds (round seconds))
    (dolist (u units)
      (let ((spec (car u)) (name (cadr u)) (unit (nth 2 u)))
        (when (string-match (format "%%\\(\\.?[0-9]+\\)?\\(,[0-9]+\\)?\\(%s\\)" spec) string)
          (if (string-equal spec "z")
              (setq string (replace-regexp-in-string
                            "%z" ""
                            (substring string (min (or zeropos (match-end 0))
                                                   (match-beginning 0)))))
            (let ((num (floor seconds unit))
                  (width (match-string 1 string))
                  (prec (match-string 2 string)))
              (setq seconds (- seconds (* num unit)))
              (unless (or zeropos (zerop num))
                (setq zeropos (match-beginning 0)))
              (setq string
                    (replace-match
                     (format (if prec
                                 (concat "%" (and width (if (eq (aref width 0) ?.)
                                                            (concat "0" (substring width 1))
                                                          width))
                                         "." (substring prec 1) "f%s")
                               (concat "%" width "d%s"))
                             (if (= unit 1) (+ num fraction) num)
                             (if (string-equal (match-string 3 string) spec)
                                 ""
                               (format " %s%s" name (if (= num 1) "" "s"))))
                     t t string)))))))
    (string-replace "%%" "%" string)))

(defvar seconds-to-string
  (list (list 1 "ms" 0.001) (list 100 "s" 1) (list (* 60 100) "m" 60.0)
        (list (* 3600 30) "h" 3600.0) (list (* 3600 24 400) "d" (* 3600.0 24.0))
        (list nil "y" (* 365.25 24 3600)))
  "Formatting used by the function `seconds-to-string'.")

(defun seconds-to-string (delay)
  "Convert the time interval in seconds to a short string."
  (cond ((> 0 delay) (concat "-" (seconds-to-string (- delay))))
        ((= 0 delay) "0s")
        (t (let ((table seconds-to-string) (here nil))
             (while (and (car (setq here (car table))) (<= (car here) delay))
               (setq table (cdr table)))
             (concat (format "%.2f" (/ delay (nth 2 here))) (nth 1 here))))))

(defun file-size-human-readable (file-size &optional flavor space unit)
  "Produce a string showing FILE-SIZE in human-readable form."
  (let ((power (if (or (null flavor) (eq flavor 'iec)) 1024.0 1000.0))
        (prefixes '("" "k" "M" "G" "T" "P" "E" "Z" "Y")))
    (while (and (>= file-size power) (cdr prefixes))
      (setq file-size (/ file-size power)
            prefixes (cdr prefixes)))
    (let* ((prefix (car prefixes))
           (prefixed-unit (if (eq flavor 'iec)
                              (concat (if (string= prefix "k") "K" prefix)
                                      (if (string= prefix "") "" "i")
                                      (or unit "B"))
                            (concat prefix unit))))
      (format (if (and (>= (mod file-size 1.0) 0.05) (< (mod file-size 1.0) 0.95))
                  "%.1f%s%s"
                "%.0f%s%s")
              file-size
              (if (string= prefixed-unit "") "" (or space ""))
              prefixed-unit))))

;;;; format-spec.el

(defun format-spec--do-flags (str flags width trunc)
  "Return STR formatted according to FLAGS, WIDTH, and TRUNC."
  (let (diff str-width)
    (when trunc
      (setq str-width (string-width str))
      (when (> (setq diff (- str-width trunc)) 0)
        (setq str (if (memq :chop-left flags)
                      (truncate-string-to-width str str-width diff)
                    (format (format "%%.%ds" trunc) str))
              str-width trunc)))
    (when width
      (setq str-width (or str-width (string-width str))
            diff (- width str-width))
      (cond ((zerop diff))
            ((> diff 0)
             (let ((pad (make-string diff (if (memq :pad-zero flags) ?0 ?\s))))
               (setq str (if (memq :pad-right flags) (concat str pad) (concat pad str)))))
            ((memq :chop-left flags)
             (setq str (truncate-string-to-width str str-width (- diff))))
            ((memq :chop-right flags)
             (setq str (format (format "%%.%ds" width) str))))))
  (cond ((memq :upcase flags) (upcase str))
        ((memq :downcase flags) (downcase str))
        (t str)))

(defun format-spec--parse-flags (flags)
  "Convert the string of FLAGS to a list of keywords."
  (let ((out nil))
    (dolist (c (append flags nil))
      (let ((kw (cdr (assq c '((?0 . :pad-zero) (?- . :pad-right) (?< . :chop-left)
                               (?> . :chop-right) (?^ . :upcase) (?_ . :downcase))))))
        (when kw (setq out (cons kw out)))))
    (nreverse out)))

(defun format-spec (format specification &optional ignore-missing split)
  "Return a string based on FORMAT and SPECIFICATION."
  (let ((out nil) (pieces nil) (i 0) (n (length format)) (piece-start 0)
        (spec-re "\\([ 0<>^_-]+\\)?\\([0-9]+\\)?\\(\\.[0-9]+\\)?\\([[:alpha:]]\\)"))
    ;; OUT accumulates the text of the current piece in reverse.
    (while (< i n)
      (let ((c (aref format i)))
        (cond
         ((not (eq c ?%))
          (setq out (cons (char-to-string c) out) i (1+ i)))
         ((and (< (1+ i) n) (eq (aref format (1+ i)) ?%))
          (setq out (cons (if (memq ignore-missing '(nil ignore delete)) "%" "%%") out)
                i (+ i 2)))
         ((and (< (1+ i) n) (eq (string-match spec-re format (1+ i)) (1+ i)))
          (let* ((end (match-end 0))
                 (flags (match-string 1 format))
                 (width (match-string 2 format))
                 (trunc (match-string 3 format))
                 (char (aref (match-string 4 format) 0))
                 (text (assq char specification))
                 (verbatim (substring format i end)))
            (when (and split out)
              (setq pieces (cons (apply #'concat (nreverse out)) pieces) out nil))
            (cond
             (text
              (setq out (cons (format-spec--do-flags
                               (format "%s" (cdr text))
                               (format-spec--parse-flags flags)
                               (and width (string-to-number width))
                               (and trunc (string-to-number (substring trunc 1))))
                              out)))
             ((eq ignore-missing 'delete))
             ((not ignore-missing)
              (error "Invalid format character: `%%%c'" char))
             (t (setq out (cons verbatim out))))
            (when split
              (setq pieces (cons (apply #'concat (nreverse out)) pieces) out nil))
            (setq i end)))
         ((not ignore-missing) (error "Invalid format string"))
         (t (setq out (cons "%" out) i (1+ i))))))
    (ignore piece-start)
    (if (not split)
        (apply #'concat (nreverse out))
      (when out (setq pieces (cons (apply #'concat (nreverse out)) pieces)))
      (nreverse pieces))))

(defun format-spec-make (&rest pairs)
  "Return an alist suitable for use in `format-spec' based on PAIRS."
  (let ((alist nil))
    (while pairs
      (unless (cdr pairs) (error "Invalid list of pairs"))
      (setq alist (cons (cons (car pairs) (cadr pairs)) alist))
      (setq pairs (cddr pairs)))
    (nreverse alist)))

;;;; Parsing dates (parse-time.el, iso8601.el, time-date.el).

(defconst parse-time-months
  '(("jan" . 1) ("feb" . 2) ("mar" . 3) ("apr" . 4) ("may" . 5) ("jun" . 6)
    ("jul" . 7) ("aug" . 8) ("sep" . 9) ("oct" . 10) ("nov" . 11) ("dec" . 12)
    ("january" . 1) ("february" . 2) ("march" . 3) ("april" . 4) ("june" . 6)
    ("july" . 7) ("august" . 8) ("september" . 9) ("october" . 10)
    ("november" . 11) ("december" . 12)))

(defconst parse-time-weekdays
  '(("sun" . 0) ("mon" . 1) ("tue" . 2) ("wed" . 3) ("thu" . 4) ("fri" . 5) ("sat" . 6)
    ("sunday" . 0) ("monday" . 1) ("tuesday" . 2) ("wednesday" . 3)
    ("thursday" . 4) ("friday" . 5) ("saturday" . 6)))

(defconst parse-time-zoned-names
  '(("pst" . -28800) ("pdt" . -25200) ("mst" . -25200) ("mdt" . -21600)
    ("cst" . -21600) ("cdt" . -18000) ("est" . -18000) ("edt" . -14400)
    ("gmt" . 0) ("ut" . 0) ("utc" . 0) ("z" . 0)))

(defun parse-time--iso8601 (string)
  "Parse the ISO 8601 date STRING, or return nil."
  (let ((case-fold-search t))
    (when (string-match
           (concat "\\`\\([0-9][0-9][0-9][0-9]\\)-?\\([0-9][0-9]\\)-?\\([0-9][0-9]\\)"
                   "\\(?:[T ]\\([0-9][0-9]\\):?\\([0-9][0-9]\\)"
                   "\\(?::?\\([0-9][0-9]\\)\\(?:[.,][0-9]+\\)?\\)?"
                   "\\(Z\\|[-+][0-9][0-9]\\(?::?[0-9][0-9]\\)?\\)?\\)?\\'")
           string)
      (let* ((num (lambda (n) (and (match-beginning n)
                                   (string-to-number (match-string n string)))))
             (zone-str (match-string 7 string))
             (zone (cond ((null zone-str) nil)
                         ((member zone-str '("Z" "z")) 0)
                         (t (let* ((digits (replace-regexp-in-string ":" "" zone-str))
                                   (h (string-to-number (substring digits 1 3)))
                                   (m (if (> (length digits) 3)
                                          (string-to-number (substring digits 3 5)) 0)))
                              (* (if (eq (aref digits 0) ?-) -1 1) (+ (* h 3600) (* m 60))))))))
        (list (if (match-beginning 4) (or (funcall num 6) 0))
              (funcall num 5) (funcall num 4)
              (funcall num 3) (funcall num 2) (funcall num 1)
              nil (if zone nil -1) zone)))))

(defun parse-time-string (string &optional _form)
  "Parse the time in STRING into (SEC MIN HOUR DAY MON YEAR DOW DST TZ)."
  (or (parse-time--iso8601 string)
      (let ((sec nil) (min nil) (hour nil) (day nil) (mon nil) (year nil)
            (dow nil) (dst -1) (tz nil)
            (case-fold-search t))
        (dolist (tok (split-string (downcase string) "[ \t\n,]+" t))
          (cond
           ((and (null dow) (assoc tok parse-time-weekdays))
            (setq dow (cdr (assoc tok parse-time-weekdays))))
           ((and (null mon) (assoc tok parse-time-months))
            (setq mon (cdr (assoc tok parse-time-months))))
           ((string-match "\\`\\([0-9][0-9]?\\):\\([0-9][0-9]\\)\\(?::\\([0-9][0-9]\\)\\)?\\'" tok)
            (setq hour (string-to-number (match-string 1 tok))
                  min (string-to-number (match-string 2 tok))
                  sec (if (match-beginning 3) (string-to-number (match-string 3 tok)) 0)))
           ((string-match "\\`[-+][0-9][0-9][0-9][0-9]\\'" tok)
            (let ((h (string-to-number (substring tok 1 3)))
                  (m (string-to-number (substring tok 3 5))))
              (setq tz (* (if (eq (aref tok 0) ?-) -1 1) (+ (* h 3600) (* m 60))))))
           ((assoc tok parse-time-zoned-names)
            (setq tz (cdr (assoc tok parse-time-zoned-names))
                  dst (and (member tok '("pdt" "mdt" "cdt" "edt")) t)))
           ((string-match "\\`[0-9]+\\'" tok)
            (let ((n (string-to-number tok)))
              (cond ((and (null day) (<= (length tok) 2) (<= 1 n 31)) (setq day n))
                    ((and (null year) (= (length tok) 4)) (setq year n))
                    ((and (null year) (<= (length tok) 2))
                     (setq year (+ n (if (< n 50) 2000 1900)))))))))
        (list sec min hour day mon year dow dst tz))))

(defun decoded-time-set-defaults (time &optional default-zone)
  "Set any nil values in `decoded-time' TIME to default values."
  (unless (nth 0 time) (setcar (nthcdr 0 time) 0))
  (unless (nth 1 time) (setcar (nthcdr 1 time) 0))
  (unless (nth 2 time) (setcar (nthcdr 2 time) 0))
  (unless (nth 3 time) (setcar (nthcdr 3 time) 1))
  (unless (nth 4 time) (setcar (nthcdr 4 time) 1))
  (unless (nth 5 time) (setcar (nthcdr 5 time) 0))
  (unless (nth 8 time)
    (setcar (nthcdr 7 time) nil)
    (setcar (nthcdr 8 time) default-zone))
  time)

(defun date-to-time (date)
  "Parse a string DATE that represents a date-time and return a time value."
  (condition-case nil
      (let ((parsed (parse-time-string date)))
        (when (nth 5 parsed)
          (decoded-time-set-defaults parsed))
        (encode-time parsed))
    (error (error "Invalid date: %s" date))))

(defun safe-date-to-time (date)
  "Parse a string DATE that represents a date-time and return a time value."
  (condition-case () (date-to-time date) (error '(0 0))))

(defun date-to-day (date)
  "Return the absolute date of DATE, a date-time string."
  (time-to-days (date-to-time date)))

(defun days-between (date1 date2)
  "Return the number of days between DATE1 and DATE2."
  (- (date-to-day date1) (date-to-day date2)))
