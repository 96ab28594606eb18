;;; seq.el --- sequence manipulation functions  -*- lexical-binding: t -*-

;; Emacs defines these as generic functions; here they are plain functions
;; that dispatch on the type of the sequence (list, vector, string...).

(require 'gv)

(defmacro seq-doseq (spec &rest body)
  "Loop over a sequence: (seq-doseq (VAR SEQUENCE) BODY...)."
  (declare (indent 1))
  `(seq-do (lambda (,(car spec)) ,@body) ,(cadr spec)))

(defalias 'seq-elt #'elt)
(defalias 'seq-length #'length)

(defun seq-first (sequence)
  "Return the first element of SEQUENCE."
  (elt sequence 0))

(defun seq-rest (sequence)
  "Return SEQUENCE with its first element removed."
  (seq-drop sequence 1))

(defun seq-do (function sequence)
  "Apply FUNCTION to each element of SEQUENCE.  Return SEQUENCE."
  (mapc function sequence))

(defalias 'seq-each #'seq-do)

(defun seq-do-indexed (function sequence)
  "Apply FUNCTION to each element of SEQUENCE and its index."
  (let ((index 0))
    (mapc (lambda (elt)
            (funcall function elt index)
            (setq index (1+ index)))
          sequence))
  nil)

(defalias 'seqp #'sequencep)

(defun seq-copy (sequence)
  "Return a shallow copy of SEQUENCE."
  (copy-sequence sequence))

;;;###autoload
(defun seq-subseq (sequence start &optional end)
  "Return the sequence of elements of SEQUENCE from START to END."
  (cond
   ((or (stringp sequence) (vectorp sequence)) (substring sequence start end))
   ((listp sequence)
    (let ((len nil)
          (msg (format "Bad bounding indices: %s, %s" start end)))
      (when (and end (< end 0))
        (setq end (+ end (setq len (length sequence)))))
      (when (< start 0)
        (setq start (+ start (or len (setq len (length sequence))))))
      (when (< start 0) (error "%s" msg))
      (when (> start 0)
        (setq sequence (nthcdr (1- start) sequence))
        (unless sequence (error "%s" msg))
        (setq sequence (cdr sequence)))
      (if end
          (let ((res nil) (n (- end start)))
            (while (and (> n 0) sequence)
              (setq res (cons (car sequence) res)
                    sequence (cdr sequence)
                    n (1- n)))
            (unless (= n 0) (error "%s" msg))
            (nreverse res))
        (copy-sequence sequence))))
   (t (error "Unsupported sequence: %s" sequence))))

(defun seq-map (function sequence)
  "Return the result of applying FUNCTION to each element of SEQUENCE."
  (mapcar function sequence))

(defun seq-map-indexed (function sequence)
  "Return the results of applying FUNCTION to each element and its index."
  (let ((index -1))
    (mapcar (lambda (elt) (funcall function elt (setq index (1+ index))))
            sequence)))

(defun seq-mapn (function sequence &rest sequences)
  "Like `seq-map' but FUNCTION is mapped over all SEQUENCES."
  (let ((result nil)
        (seqs (mapcar (lambda (s) (seq-into s 'list)) (cons sequence sequences))))
    (while (not (memq nil seqs))
      (setq result (cons (apply function (mapcar #'car seqs)) result))
      (setq seqs (mapcar #'cdr seqs)))
    (nreverse result)))

(defun seq-drop (sequence n)
  "Remove the first N elements of SEQUENCE and return the result."
  (cond ((<= n 0) sequence)
        ((listp sequence) (nthcdr n sequence))
        (t (let ((len (length sequence)))
             (seq-subseq sequence (min n len) len)))))

;;;###autoload
(defun seq-take (sequence n)
  "Take the first N elements of SEQUENCE and return the result."
  (if (listp sequence)
      (let ((result nil))
        (while (and sequence (> n 0))
          (setq n (1- n)
                result (cons (car sequence) result)
                sequence (cdr sequence)))
        (nreverse result))
    (seq-subseq sequence 0 (min (max n 0) (length sequence)))))

(defun seq--count-successive (pred sequence)
  (let ((n 0) (len (length sequence)))
    (while (and (< n len) (funcall pred (elt sequence n)))
      (setq n (1+ n)))
    n))

(defun seq-drop-while (pred sequence)
  "Remove the successive elements of SEQUENCE for which PRED returns non-nil."
  (if (listp sequence)
      (progn
        (while (and sequence (funcall pred (car sequence)))
          (setq sequence (cdr sequence)))
        sequence)
    (seq-drop sequence (seq--count-successive pred sequence))))

(defun seq-take-while (pred sequence)
  "Take the successive elements of SEQUENCE for which PRED returns non-nil."
  (seq-take sequence (seq--count-successive pred sequence)))

(defun seq-empty-p (sequence)
  "Return non-nil if SEQUENCE is empty, nil otherwise."
  (if (listp sequence) (null sequence) (= 0 (length sequence))))

(defun seq-sort (pred sequence)
  "Sort SEQUENCE using PRED as comparison function."
  (if (listp sequence)
      (sort (copy-sequence sequence) pred)
    (seq-into (sort (append sequence nil) pred) (type-of sequence))))

;;;###autoload
(defun seq-sort-by (function pred sequence)
  "Sort SEQUENCE using PRED on the results of FUNCTION on its elements."
  (seq-sort (lambda (a b) (funcall pred (funcall function a) (funcall function b)))
            sequence))

(defun seq-reverse (sequence)
  "Return a sequence with elements of SEQUENCE in reverse order."
  (reverse sequence))

(defun seq-concatenate (type &rest sequences)
  "Concatenate SEQUENCES into a single sequence of type TYPE."
  (cond ((eq type 'vector) (apply #'vconcat sequences))
        ((eq type 'string) (apply #'concat sequences))
        ((eq type 'list) (apply #'append (append sequences '(nil))))
        (t (error "Not a sequence type name: %S" type))))

(defun seq-into-sequence (sequence)
  "Convert SEQUENCE into a sequence."
  (unless (sequencep sequence)
    (error "Cannot convert %S into a sequence" sequence))
  sequence)

(defun seq-into (sequence type)
  "Concatenate the elements of SEQUENCE into a sequence of type TYPE."
  (cond ((eq type 'vector) (if (vectorp sequence) sequence (vconcat sequence)))
        ((eq type 'string) (if (stringp sequence) sequence (concat sequence)))
        ((eq type 'list) (if (listp sequence) sequence (append sequence nil)))
        (t (error "Not a sequence type name: %S" type))))

;;;###autoload
(defun seq-filter (pred sequence)
  "Return a list of all the elements of SEQUENCE for which PRED is non-nil."
  (let ((exclude (make-symbol "exclude")))
    (delq exclude (mapcar (lambda (elt) (if (funcall pred elt) elt exclude)) sequence))))

;;;###autoload
(defun seq-remove (pred sequence)
  "Return a list of all the elements of SEQUENCE for which PRED is nil."
  (let ((exclude (make-symbol "exclude")))
    (delq exclude (mapcar (lambda (elt) (if (funcall pred elt) exclude elt)) sequence))))

;;;###autoload
(defun seq-reduce (function sequence initial-value)
  "Reduce the function FUNCTION across SEQUENCE, starting with INITIAL-VALUE."
  (let ((acc initial-value))
    (mapc (lambda (elt) (setq acc (funcall function acc elt))) sequence)
    acc))

;;;###autoload
(defun seq-every-p (pred sequence)
  "Return non-nil if PRED returns non-nil for all the elements of SEQUENCE."
  (catch 'seq--break
    (mapc (lambda (elt) (or (funcall pred elt) (throw 'seq--break nil))) sequence)
    t))

;;;###autoload
(defun seq-some (pred sequence)
  "Return non-nil if PRED returns non-nil for at least one element of SEQUENCE."
  (catch 'seq--break
    (mapc (lambda (elt)
            (let ((r (funcall pred elt)))
              (when r (throw 'seq--break r))))
          sequence)
    nil))

;;;###autoload
(defun seq-find (pred sequence &optional default)
  "Return the first element in SEQUENCE for which PRED returns non-nil."
  (catch 'seq--break
    (mapc (lambda (elt) (when (funcall pred elt) (throw 'seq--break elt))) sequence)
    default))

(defun seq-count (pred sequence)
  "Return the number of elements in SEQUENCE for which PRED returns non-nil."
  (let ((count 0))
    (mapc (lambda (elt) (when (funcall pred elt) (setq count (1+ count)))) sequence)
    count))

(defun seq-contains (sequence elt &optional testfn)
  "Return the first element in SEQUENCE that is equal to ELT."
  (seq-some (lambda (e) (when (funcall (or testfn #'equal) elt e) e)) sequence))

(defun seq-contains-p (sequence elt &optional testfn)
  "Return non-nil if SEQUENCE contains an element equal to ELT."
  (catch 'seq--break
    (let ((test (or testfn #'equal)))
      (mapc (lambda (e) (when (funcall test e elt) (throw 'seq--break t))) sequence))
    nil))

(defun seq-set-equal-p (sequence1 sequence2 &optional testfn)
  "Return non-nil if SEQUENCE1 and SEQUENCE2 have the same elements."
  (and (seq-every-p (lambda (x) (seq-contains-p sequence2 x testfn)) sequence1)
       (seq-every-p (lambda (x) (seq-contains-p sequence1 x testfn)) sequence2)))

;;;###autoload
(defun seq-position (sequence elt &optional testfn)
  "Return the index of the first element in SEQUENCE that is equal to ELT."
  (let ((index 0) (test (or testfn #'equal)))
    (catch 'seq--break
      (mapc (lambda (e)
              (when (funcall test e elt) (throw 'seq--break index))
              (setq index (1+ index)))
            sequence)
      nil)))

;;;###autoload
(defun seq-uniq (sequence &optional testfn)
  "Return a list of the elements of SEQUENCE with duplicates removed."
  (let ((result nil))
    (mapc (lambda (elt)
            (unless (seq-contains-p result elt testfn)
              (setq result (cons elt result))))
          sequence)
    (nreverse result)))

(defun seq-mapcat (function sequence &optional type)
  "Concatenate the result of applying FUNCTION to each element of SEQUENCE."
  (apply #'seq-concatenate (or type 'list) (mapcar function sequence)))

(defun seq-partition (sequence n)
  "Return a list of the elements of SEQUENCE grouped into sub-sequences of length N."
  (unless (< n 1)
    (let ((result nil))
      (while (not (seq-empty-p sequence))
        (setq result (cons (seq-take sequence n) result))
        (setq sequence (seq-drop sequence n)))
      (nreverse result))))

;;;###autoload
(defun seq-union (sequence1 sequence2 &optional testfn)
  "Return a list of all elements that appear in either SEQUENCE1 or SEQUENCE2."
  (let ((result nil))
    (mapc (lambda (elt)
            (unless (seq-contains-p result elt testfn)
              (setq result (cons elt result))))
          sequence1)
    (mapc (lambda (elt)
            (unless (seq-contains-p result elt testfn)
              (setq result (cons elt result))))
          sequence2)
    (nreverse result)))

;;;###autoload
(defun seq-intersection (sequence1 sequence2 &optional testfn)
  "Return a list of the elements that appear in both SEQUENCE1 and SEQUENCE2."
  (seq-filter (lambda (elt) (seq-contains-p sequence2 elt testfn)) sequence1))

(defun seq-difference (sequence1 sequence2 &optional testfn)
  "Return a list of the elements that appear in SEQUENCE1 but not in SEQUENCE2."
  (seq-remove (lambda (elt) (seq-contains-p sequence2 elt testfn)) sequence1))

;;;###autoload
(defun seq-group-by (function sequence)
  "Apply FUNCTION to each element of SEQUENCE; group the elements by the results."
  (let ((acc nil))
    (mapc (lambda (elt)
            (let* ((key (funcall function elt))
                   (cell (assoc key acc)))
              (if cell
                  (setcdr cell (cons elt (cdr cell)))
                (setq acc (cons (list key elt) acc)))))
          (reverse sequence))
    acc))

(defun seq-min (sequence)
  "Return the smallest element of SEQUENCE."
  (apply #'min (seq-into sequence 'list)))

;;;###autoload
(defun seq-max (sequence)
  "Return the largest element of SEQUENCE."
  (apply #'max (seq-into sequence 'list)))

(defun seq--elt-safe (sequence n)
  "Return element of SEQUENCE at the index N, or nil."
  (ignore-errors (elt sequence n)))

;;;###autoload
(defun seq-random-elt (sequence)
  "Return a random element from SEQUENCE."
  (if (seq-empty-p sequence)
      (error "Sequence cannot be empty")
    (elt sequence (random (length sequence)))))

(defun seq--let-bindings (args seq)
  "Bindings for `seq-let': ARGS destructure the value of the variable SEQ."
  (let ((bindings nil) (index 0) (rest nil))
    (while (and args (not rest))
      (let ((name (car args)))
        (cond
         ((eq name '&rest)
          (setq bindings (cons (list (cadr args) (list 'seq-drop seq index)) bindings))
          (setq rest t))
         ((and name (sequencep name))
          (let ((sub (make-symbol "seq")))
            (setq bindings (cons (list sub (list 'seq--elt-safe seq index)) bindings))
            (setq bindings (append (reverse (seq--let-bindings (append name nil) sub))
                                   bindings))))
         (t (setq bindings (cons (list name (list 'seq--elt-safe seq index)) bindings)))))
      (setq args (cdr args) index (1+ index)))
    (nreverse bindings)))

(defmacro seq-let (args sequence &rest body)
  "Bind the variables in ARGS to the elements of SEQUENCE, then evaluate BODY."
  (declare (indent 2))
  (let ((s (make-symbol "seq")))
    `(let* ((,s ,sequence) ,@(seq--let-bindings (append args nil) s))
       ,@body)))

(defmacro seq-setq (args sequence)
  "Assign the elements of SEQUENCE to the variables in ARGS."
  (let ((s (make-symbol "seq"))
        (bindings nil))
    (setq bindings (seq--let-bindings (append args nil) s))
    `(let ((,s ,sequence))
       ,@(mapcar (lambda (b) (if (symbol-name (car b)) `(setq ,@b))) bindings)
       nil)))

(defun seq--pcase-macroexpander (&rest patterns)
  "The pcase pattern (seq PAT...)."
  (let ((index 0) (out nil) (rest nil))
    (while (and patterns (not rest))
      (let ((p (car patterns)))
        (if (eq p '&rest)
            (setq out (cons `(app (seq-drop-from ,index) ,(cadr patterns)) out)
                  rest t)
          (setq out (cons `(app (seq--elt-safe-at ,index) ,p) out))))
      (setq patterns (cdr patterns) index (1+ index)))
    `(and (pred seqp) ,@(nreverse out))))

(defun seq-drop-from (n sequence) (seq-drop sequence n))
(defun seq--elt-safe-at (n sequence) (seq--elt-safe sequence n))
(put 'seq 'pcase-macroexpander #'seq--pcase-macroexpander)

(provide 'seq)
