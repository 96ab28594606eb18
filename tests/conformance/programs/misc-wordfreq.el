;;; misc-wordfreq.el --- word frequencies  -*- lexical-binding: t -*-
(require 'seq)
(require 'subr-x)
(defvar text "It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity.")
(let* ((words (split-string (downcase text) "[^a-z]+" t))
       (table (make-hash-table :test #'equal)))
  (princ (format "%d words\n" (length words)))
  (dolist (w words) (puthash w (1+ (gethash w table 0)) table))
  (let ((pairs (sort (mapcar (lambda (k) (cons k (gethash k table))) (hash-table-keys table))
                     (lambda (a b) (or (> (cdr a) (cdr b))
                                       (and (= (cdr a) (cdr b)) (string< (car a) (car b))))))))
    (dolist (p (seq-take pairs 6))
      (princ (format "%-8s %2d %s\n" (car p) (cdr p) (make-string (cdr p) ?*)))))
  (princ (format "longest: %S\n" (seq-reduce (lambda (a w) (if (> (length w) (length a)) w a)) words "")))
  (princ (format "unique: %d\n" (length (seq-uniq words))))
  (princ (format "by length: %S\n"
                 (mapcar (lambda (g) (cons (car g) (length (cdr g))))
                         (seq-sort-by #'car #'< (seq-group-by #'length (seq-uniq words)))))))
