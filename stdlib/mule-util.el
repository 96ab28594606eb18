;;; mule-util.el --- string width utilities  -*- lexical-binding: t -*-

(defvar truncate-string-ellipsis nil
  "String to use to indicate truncation (nil means the default \"...\").")

(defun mule--ellipsis ()
  "Return the string used to indicate truncation."
  (or truncate-string-ellipsis "…"))

;;;###autoload
(defun truncate-string-to-width (str end-column &optional start-column padding ellipsis
                                     ellipsis-text-property)
  "Truncate string STR to end at column END-COLUMN."
  (ignore ellipsis-text-property)
  (or start-column (setq start-column 0))
  (when (and ellipsis (not (stringp ellipsis)))
    (setq ellipsis (mule--ellipsis)))
  (let ((str-len (length str))
        (str-width (string-width str))
        (ellipsis-width (if ellipsis (string-width ellipsis) 0))
        (idx 0)
        (column 0)
        (head-padding "") (tail-padding "")
        ch last-column last-idx from-idx)
    (condition-case nil
        (while (< column start-column)
          (setq ch (aref str idx)
                column (+ column (char-width ch))
                idx (1+ idx)))
      (args-out-of-range (setq idx str-len)))
    (if (< column start-column)
        (if padding (make-string end-column padding) "")
      (when (and padding (> column start-column))
        (setq head-padding (make-string (- column start-column) padding)))
      (setq from-idx idx)
      (when (>= end-column column)
        (if (and (< end-column str-width)
                 (> str-width ellipsis-width))
            (setq end-column (- end-column ellipsis-width))
          (setq ellipsis ""))
        (condition-case nil
            (while (< column end-column)
              (setq last-column column
                    last-idx idx
                    ch (aref str idx)
                    column (+ column (char-width ch))
                    idx (1+ idx)))
          (args-out-of-range (setq idx str-len)))
        (when (> column end-column)
          (setq column last-column
                idx last-idx))
        (when (and padding (< column end-column))
          (setq tail-padding (make-string (- end-column column) padding))))
      (if (and ellipsis (not (equal ellipsis "")))
          (concat head-padding (substring str from-idx idx) tail-padding ellipsis)
        (concat head-padding (substring str from-idx idx) tail-padding)))))
