;;; -*- lexical-binding: t -*-
;; Word frequencies over a buffer, via re-search-forward and a hash table.
(defvar text "The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox, being quick, runs away!  A dog's life: the end.")
(with-temp-buffer
  (insert text)
  (goto-char (point-min))
  (let ((counts (make-hash-table :test 'equal)) (words 0) result)
    (while (re-search-forward "\\b\\([[:alpha:]']+\\)\\b" nil t)
      (let ((w (downcase (match-string 1))))
        (setq words (1+ words))
        (puthash w (1+ (gethash w counts 0)) counts)))
    (maphash (lambda (k v) (push (cons k v) result)) counts)
    (setq result (sort result (lambda (a b) (or (> (cdr a) (cdr b))
                                                (and (= (cdr a) (cdr b)) (string< (car a) (car b)))))))
    (princ (format "%d words, %d distinct\n" words (hash-table-count counts)))
    (dolist (p result)
      (princ (format "%-8s %d\n" (car p) (cdr p))))))
