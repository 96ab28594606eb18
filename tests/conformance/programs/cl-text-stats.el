;;; -*- lexical-binding: t -*-
(require 'cl-lib)
(defconst sample-text "It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity.")
(cl-defstruct (line-info (:constructor line-info-create (number text &aux (words (split-string text "[ ,.]+" t)))))
  number text words)
(defun analyze (text)
  (cl-loop for line in (split-string text "\n")
           for n from 1
           collect (line-info-create n line)))
(let* ((infos (analyze sample-text))
       (all-words (cl-loop for info in infos append (mapcar #'downcase (line-info-words info))))
       (freq (make-hash-table :test #'equal)))
  (dolist (w all-words) (cl-incf (gethash w freq 0)))
  (cl-loop for info in infos
           do (princ (format "line %d: %d words, longest %S\n"
                             (line-info-number info)
                             (length (line-info-words info))
                             (cl-reduce (lambda (a b) (if (>= (length a) (length b)) a b))
                                        (line-info-words info)))))
  (let ((top (cl-subseq (cl-sort (cl-loop for k being the hash-keys of freq using (hash-values v)
                                          collect (cons k v))
                                 (lambda (a b) (or (> (cdr a) (cdr b))
                                                   (and (= (cdr a) (cdr b)) (string< (car a) (car b))))))
                        0 5)))
    (princ (format "top: %S\n" top)))
  (princ (format "unique: %d of %d\n" (hash-table-count freq) (length all-words)))
  (princ (format "vowel-initial: %S\n"
                 (cl-remove-duplicates
                  (cl-remove-if-not (lambda (w) (memq (aref w 0) '(?a ?e ?i ?o ?u))) all-words)
                  :test #'string= :from-end t)))
  (princ (format "lengths: %S\n"
                 (cl-loop for w in all-words
                          for len = (length w)
                          maximize len into mx
                          minimize len into mn
                          sum len into total
                          count t into n
                          finally return (list mn mx (/ total n)))))
  (with-temp-buffer
    (insert sample-text)
    (goto-char (point-min))
    (princ (format "commas: %d\n" (cl-loop while (search-forward "," nil t) count t)))))
