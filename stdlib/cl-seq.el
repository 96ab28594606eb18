;;; cl-seq.el --- Common Lisp sequence functions  -*- lexical-binding: t -*-

;; Every function here takes the usual keyword arguments (:test :test-not
;; :key :start :end :count :from-end ...) as a plist in KEYS.

(require 'cl-lib)

(defun cl--kwcheck (keys allowed)
  "Signal an error if KEYS has a keyword not in ALLOWED."
  (let ((p keys))
    (while p
      (if (or (memq (car p) allowed) (eq (car p) :allow-other-keys))
          (setq p (cdr (cdr p)))
        (if (car (cdr (memq :allow-other-keys keys)))
            (setq p nil)
          (error "Bad keyword argument %s" (car p)))))))

(defconst cl--test-keys '(:test :test-not :key))
(defconst cl--range-keys '(:test :test-not :key :start :end :count :from-end
                                 :if :if-not))

(defun cl--matcher (item keys)
  "A function of one element: non-nil if it matches ITEM under KEYS."
  (let ((test (plist-get keys :test))
        (test-not (plist-get keys :test-not))
        (key (plist-get keys :key)))
    (cond
     (test (if key (lambda (x) (funcall test item (funcall key x)))
             (lambda (x) (funcall test item x))))
     (test-not (if key (lambda (x) (not (funcall test-not item (funcall key x))))
                 (lambda (x) (not (funcall test-not item x)))))
     (key (lambda (x) (eql item (funcall key x))))
     ((or (not (numberp item)) (integerp item)) (lambda (x) (eq item x)))
     (t (lambda (x) (eql item x))))))

(defun cl--if-matcher (pred keys negate)
  (let ((key (plist-get keys :key)))
    (if negate
        (if key (lambda (x) (not (funcall pred (funcall key x))))
          (lambda (x) (not (funcall pred x))))
      (if key (lambda (x) (funcall pred (funcall key x))) pred))))

(defun cl--key-fn (keys)
  (or (plist-get keys :key) #'identity))

(defun cl--two-matcher (keys)
  "A function of two arguments comparing under KEYS' :test/:test-not/:key."
  (let ((test (plist-get keys :test))
        (test-not (plist-get keys :test-not))
        (key (plist-get keys :key)))
    (let ((cmp (cond (test test)
                     (test-not (lambda (a b) (not (funcall test-not a b))))
                     (t #'eql))))
      (if key (lambda (a b) (funcall cmp (funcall key a) (funcall key b)))
        cmp))))

(defun cl--as-type-of (list seq)
  (cond ((listp seq) list)
        ((stringp seq) (concat list))
        (t (vconcat list))))

(defun cl--matching-indices (match seq keys)
  "Indices of the elements of SEQ within :start/:end satisfying MATCH,
limited by :count (taken from the end if :from-end)."
  (let* ((start (or (plist-get keys :start) 0))
         (end (plist-get keys :end))
         (count (plist-get keys :count))
         (i 0) (res nil))
    (if (listp seq)
        (let ((l seq))
          (while (and l (or (null end) (< i end)))
            (if (and (>= i start) (funcall match (car l))) (push i res))
            (setq l (cdr l) i (1+ i))))
      (let ((n (or end (length seq))))
        (setq i start)
        (while (< i n)
          (if (funcall match (aref seq i)) (push i res))
          (setq i (1+ i)))))
    (cond ((null count) (nreverse res))
          ((<= count 0) nil)
          ((plist-get keys :from-end) (nreverse (internal--take count res)))
          (t (internal--take count (nreverse res))))))

(defun cl--remove-indices (seq idx)
  (if (null idx) seq
    (let ((res nil) (i 0))
      (if (listp seq)
          (let ((l seq))
            (while l
              (if (eq i (car idx)) (setq idx (cdr idx))
                (push (car l) res))
              (setq l (cdr l) i (1+ i)))
            (nreverse res))
        (let ((n (length seq)))
          (while (< i n)
            (if (eq i (car idx)) (setq idx (cdr idx))
              (push (aref seq i) res))
            (setq i (1+ i)))
          (cl--as-type-of (nreverse res) seq))))))

(defun cl--remove-with (match seq keys)
  (cl--remove-indices seq (cl--matching-indices match seq keys)))

;;;###autoload
(defun cl-remove (item seq &rest keys)
  "Remove all occurrences of ITEM in SEQ."
  (cl--kwcheck keys cl--range-keys)
  (cl--remove-with (cl--matcher item keys) seq keys))

;;;###autoload
(defun cl-remove-if (pred seq &rest keys)
  "Remove all items satisfying PREDICATE in SEQ."
  (cl--kwcheck keys cl--range-keys)
  (cl--remove-with (cl--if-matcher pred keys nil) seq keys))

;;;###autoload
(defun cl-remove-if-not (pred seq &rest keys)
  "Remove all items not satisfying PREDICATE in SEQ."
  (cl--kwcheck keys cl--range-keys)
  (cl--remove-with (cl--if-matcher pred keys t) seq keys))

;;;###autoload
(defalias 'cl-delete #'cl-remove)
;;;###autoload
(defalias 'cl-delete-if #'cl-remove-if)
;;;###autoload
(defalias 'cl-delete-if-not #'cl-remove-if-not)

(defun cl--substitute-with (new match seq keys)
  (let ((idx (cl--matching-indices match seq keys)))
    (if (null idx) seq
      (let ((res nil) (i 0) (l (append seq nil)))
        (while l
          (if (eq i (car idx)) (progn (setq idx (cdr idx)) (push new res))
            (push (car l) res))
          (setq l (cdr l) i (1+ i)))
        (cl--as-type-of (nreverse res) seq)))))

;;;###autoload
(defun cl-substitute (new old seq &rest keys)
  "Substitute NEW for OLD in SEQ."
  (cl--kwcheck keys cl--range-keys)
  (cl--substitute-with new (cl--matcher old keys) seq keys))

;;;###autoload
(defun cl-substitute-if (new pred seq &rest keys)
  "Substitute NEW for all items satisfying PREDICATE in SEQ."
  (cl--kwcheck keys cl--range-keys)
  (cl--substitute-with new (cl--if-matcher pred keys nil) seq keys))

;;;###autoload
(defun cl-substitute-if-not (new pred seq &rest keys)
  "Substitute NEW for all items not satisfying PREDICATE in SEQ."
  (cl--kwcheck keys cl--range-keys)
  (cl--substitute-with new (cl--if-matcher pred keys t) seq keys))

(defun cl--nsubstitute-with (new match seq keys)
  (let ((idx (cl--matching-indices match seq keys)))
    (if (listp seq)
        (dolist (i idx) (setcar (nthcdr i seq) new))
      (dolist (i idx) (aset seq i new)))
    seq))

;;;###autoload
(defun cl-nsubstitute (new old seq &rest keys)
  "Substitute NEW for OLD in SEQ, destructively."
  (cl--kwcheck keys cl--range-keys)
  (cl--nsubstitute-with new (cl--matcher old keys) seq keys))

;;;###autoload
(defun cl-nsubstitute-if (new pred seq &rest keys)
  (cl--kwcheck keys cl--range-keys)
  (cl--nsubstitute-with new (cl--if-matcher pred keys nil) seq keys))

;;;###autoload
(defun cl-nsubstitute-if-not (new pred seq &rest keys)
  (cl--kwcheck keys cl--range-keys)
  (cl--nsubstitute-with new (cl--if-matcher pred keys t) seq keys))

(defun cl--position-with (match seq keys)
  (let* ((start (or (plist-get keys :start) 0))
         (end (plist-get keys :end))
         (from-end (plist-get keys :from-end))
         (found nil))
    (if (listp seq)
        (let ((l (nthcdr start seq)) (i start))
          (while (and l (or (null end) (< i end)) (or from-end (null found)))
            (if (funcall match (car l)) (setq found i))
            (setq l (cdr l) i (1+ i))))
      (let ((n (or end (length seq))))
        (if from-end
            (let ((i (1- n)))
              (while (and (>= i start) (null found))
                (if (funcall match (aref seq i)) (setq found i))
                (setq i (1- i))))
          (let ((i start))
            (while (and (< i n) (null found))
              (if (funcall match (aref seq i)) (setq found i))
              (setq i (1+ i)))))))
    found))

(defconst cl--pos-keys '(:test :test-not :key :start :end :from-end :if :if-not))

;;;###autoload
(defun cl-position (item seq &rest keys)
  "Find the first occurrence of ITEM in SEQ; return its index or nil."
  (cl--kwcheck keys cl--pos-keys)
  (cl--position-with (cl--matcher item keys) seq keys))

;;;###autoload
(defun cl-position-if (pred seq &rest keys)
  "Find the first item satisfying PREDICATE in SEQ; return its index."
  (cl--kwcheck keys cl--pos-keys)
  (cl--position-with (cl--if-matcher pred keys nil) seq keys))

;;;###autoload
(defun cl-position-if-not (pred seq &rest keys)
  "Find the first item not satisfying PREDICATE in SEQ; return its index."
  (cl--kwcheck keys cl--pos-keys)
  (cl--position-with (cl--if-matcher pred keys t) seq keys))

;;;###autoload
(defun cl-find (item seq &rest keys)
  "Find the first occurrence of ITEM in SEQ."
  (cl--kwcheck keys cl--pos-keys)
  (let ((pos (cl--position-with (cl--matcher item keys) seq keys)))
    (and pos (elt seq pos))))

;;;###autoload
(defun cl-find-if (pred seq &rest keys)
  "Find the first item satisfying PREDICATE in SEQ."
  (cl--kwcheck keys cl--pos-keys)
  (let ((pos (cl--position-with (cl--if-matcher pred keys nil) seq keys)))
    (and pos (elt seq pos))))

;;;###autoload
(defun cl-find-if-not (pred seq &rest keys)
  "Find the first item not satisfying PREDICATE in SEQ."
  (cl--kwcheck keys cl--pos-keys)
  (let ((pos (cl--position-with (cl--if-matcher pred keys t) seq keys)))
    (and pos (elt seq pos))))

;;;###autoload
(defun cl-count (item seq &rest keys)
  "Count the number of occurrences of ITEM in SEQ."
  (cl--kwcheck keys cl--pos-keys)
  (length (cl--matching-indices (cl--matcher item keys) seq keys)))

;;;###autoload
(defun cl-count-if (pred seq &rest keys)
  "Count the number of items satisfying PREDICATE in SEQ."
  (cl--kwcheck keys cl--pos-keys)
  (length (cl--matching-indices (cl--if-matcher pred keys nil) seq keys)))

;;;###autoload
(defun cl-count-if-not (pred seq &rest keys)
  "Count the number of items not satisfying PREDICATE in SEQ."
  (cl--kwcheck keys cl--pos-keys)
  (length (cl--matching-indices (cl--if-matcher pred keys t) seq keys)))

;;;###autoload
(defun cl-member (item list &rest keys)
  "Find the first occurrence of ITEM in LIST; return the tail starting there."
  (if keys
      (let ((match (progn (cl--kwcheck keys cl--test-keys) (cl--matcher item keys))))
        (while (and list (not (funcall match (car list))))
          (setq list (cdr list)))
        list)
    (if (and (numberp item) (not (integerp item))) (member item list)
      (memq item list))))

;;;###autoload
(defun cl-member-if (pred list &rest keys)
  "Find the first item satisfying PREDICATE in LIST; return the tail."
  (let ((match (cl--if-matcher pred keys nil)))
    (while (and list (not (funcall match (car list)))) (setq list (cdr list)))
    list))

;;;###autoload
(defun cl-member-if-not (pred list &rest keys)
  (let ((match (cl--if-matcher pred keys t)))
    (while (and list (not (funcall match (car list)))) (setq list (cdr list)))
    list))

(defun cl--assoc-with (match alist on-cdr)
  (while (and alist (or (not (consp (car alist)))
                        (not (funcall match (if on-cdr (cdr (car alist))
                                              (car (car alist)))))))
    (setq alist (cdr alist)))
  (and alist (car alist)))

;;;###autoload
(defun cl-assoc (item alist &rest keys)
  "Find the first item whose car matches ITEM in ALIST."
  (cl--kwcheck keys cl--test-keys)
  (if (and (null keys) (not (numberp item))) (assq item alist)
    (cl--assoc-with (cl--matcher item keys) alist nil)))

;;;###autoload
(defun cl-assoc-if (pred alist &rest keys)
  (cl--assoc-with (cl--if-matcher pred keys nil) alist nil))
;;;###autoload
(defun cl-assoc-if-not (pred alist &rest keys)
  (cl--assoc-with (cl--if-matcher pred keys t) alist nil))

;;;###autoload
(defun cl-rassoc (item alist &rest keys)
  "Find the first item whose cdr matches ITEM in ALIST."
  (cl--kwcheck keys cl--test-keys)
  (cl--assoc-with (cl--matcher item keys) alist t))

;;;###autoload
(defun cl-rassoc-if (pred alist &rest keys)
  (cl--assoc-with (cl--if-matcher pred keys nil) alist t))
;;;###autoload
(defun cl-rassoc-if-not (pred alist &rest keys)
  (cl--assoc-with (cl--if-matcher pred keys t) alist t))

;;;###autoload
(defun cl-remove-duplicates (seq &rest keys)
  "Return a copy of SEQ with all duplicate elements removed."
  (cl--kwcheck keys '(:test :test-not :key :start :end :from-end :if))
  (let* ((same (cl--two-matcher keys))
         (l (append seq nil))
         (start (or (plist-get keys :start) 0))
         (end (or (plist-get keys :end) (length l)))
         (v (vconcat l))
         (i start) (idx nil))
    (if (plist-get keys :from-end)
        (while (< i end)
          (let ((j start) (dup nil))
            (while (and (< j i) (not dup))
              (if (and (not (memq j idx)) (funcall same (aref v j) (aref v i)))
                  (setq dup t))
              (setq j (1+ j)))
            (if dup (push i idx)))
          (setq i (1+ i)))
      (while (< i end)
        (let ((j (1+ i)) (dup nil))
          (while (and (< j end) (not dup))
            (if (funcall same (aref v i) (aref v j)) (setq dup t))
            (setq j (1+ j)))
          (if dup (push i idx)))
        (setq i (1+ i))))
    (cl--remove-indices seq (sort idx #'<))))

;;;###autoload
(defalias 'cl-delete-duplicates #'cl-remove-duplicates)

(defun cl--member-under (item list keys)
  "Non-nil if ITEM (already keyed) matches some element of LIST under KEYS."
  (if keys (apply #'cl-member item list keys)
    (if (numberp item) (memql item list) (memq item list))))

(defun cl--keyed (x keys)
  (let ((k (plist-get keys :key))) (if k (funcall k x) x)))

;;;###autoload
(defun cl-union (list1 list2 &rest keys)
  "Combine LIST1 and LIST2 using a set-union operation."
  (cl--kwcheck keys cl--test-keys)
  (cond ((null list1) list2) ((null list2) list1)
        ((and (null keys) (equal list1 list2)) list1)
        (t
         (if (< (length list1) (length list2))
             (setq list1 (prog1 list2 (setq list2 list1))))
         (let ((res nil))
           (dolist (x list2)
             (unless (cl--member-under (cl--keyed x keys) list1 keys)
               (push x res)))
           (nconc res list1)))))

;;;###autoload
(defun cl-intersection (list1 list2 &rest keys)
  "Combine LIST1 and LIST2 using a set-intersection operation."
  (cl--kwcheck keys cl--test-keys)
  (and list1 list2
       (if (equal list1 list2) list1
         (let ((res nil))
           (if (< (length list1) (length list2))
               (setq list1 (prog1 list2 (setq list2 list1))))
           (dolist (x list2)
             (if (cl--member-under (cl--keyed x keys) list1 keys)
                 (push x res)))
           res))))

;;;###autoload
(defun cl-set-difference (list1 list2 &rest keys)
  "Combine LIST1 and LIST2 using a set-difference operation."
  (cl--kwcheck keys cl--test-keys)
  (if (or (null list1) (null list2)) list1
    (let ((res nil))
      (dolist (x list1)
        (unless (cl--member-under (cl--keyed x keys) list2 keys)
          (push x res)))
      (nreverse res))))

;;;###autoload
(defun cl-set-exclusive-or (list1 list2 &rest keys)
  "Combine LIST1 and LIST2 using a set-exclusive-or operation."
  (cond ((null list1) list2) ((null list2) list1)
        ((equal list1 list2) nil)
        (t (append (apply #'cl-set-difference list1 list2 keys)
                   (apply #'cl-set-difference list2 list1 keys)))))

;;;###autoload
(defalias 'cl-nunion #'cl-union)
;;;###autoload
(defalias 'cl-nintersection #'cl-intersection)
;;;###autoload
(defalias 'cl-nset-difference #'cl-set-difference)
;;;###autoload
(defalias 'cl-nset-exclusive-or #'cl-set-exclusive-or)

;;;###autoload
(defun cl-subsetp (list1 list2 &rest keys)
  "Return true if LIST1 is a subset of LIST2."
  (cl--kwcheck keys cl--test-keys)
  (cond ((null list1) t) ((equal list1 list2) t)
        (t (let ((ok t))
             (while (and list1 ok)
               (unless (cl--member-under (cl--keyed (car list1) keys) list2 keys)
                 (setq ok nil))
               (setq list1 (cdr list1)))
             ok))))

;;;###autoload
(defun cl-adjoin (item list &rest keys)
  "Return ITEM consed onto the front of LIST only if it's not already there."
  (cl--kwcheck keys cl--test-keys)
  (if (cl--member-under (cl--keyed item keys) list keys) list
    (cons item list)))

;;;###autoload
(defun cl-mismatch (seq1 seq2 &rest keys)
  "Compare SEQ1 with SEQ2, return index of first mismatching element."
  (cl--kwcheck keys '(:test :test-not :key :from-end :start1 :end1 :start2 :end2))
  (let* ((same (cl--two-matcher keys))
         (v1 (vconcat seq1)) (v2 (vconcat seq2))
         (start1 (or (plist-get keys :start1) 0))
         (end1 (or (plist-get keys :end1) (length v1)))
         (start2 (or (plist-get keys :start2) 0))
         (end2 (or (plist-get keys :end2) (length v2))))
    (if (plist-get keys :from-end)
        (progn
          (while (and (< start1 end1) (< start2 end2)
                      (funcall same (aref v1 (1- end1)) (aref v2 (1- end2))))
            (setq end1 (1- end1) end2 (1- end2)))
          (and (or (< start1 end1) (< start2 end2)) (1- end1)))
      (while (and (< start1 end1) (< start2 end2)
                  (funcall same (aref v1 start1) (aref v2 start2)))
        (setq start1 (1+ start1) start2 (1+ start2)))
      (and (or (< start1 end1) (< start2 end2)) start1))))

;;;###autoload
(defun cl-search (seq1 seq2 &rest keys)
  "Search for SEQ1 as a subsequence of SEQ2; return the index or nil."
  (cl--kwcheck keys '(:test :test-not :key :from-end :start1 :end1 :start2 :end2))
  (let* ((same (cl--two-matcher keys))
         (v1 (vconcat seq1)) (v2 (vconcat seq2))
         (start1 (or (plist-get keys :start1) 0))
         (end1 (or (plist-get keys :end1) (length v1)))
         (start2 (or (plist-get keys :start2) 0))
         (end2 (or (plist-get keys :end2) (length v2)))
         (len (- end1 start1))
         (from-end (plist-get keys :from-end))
         (i start2) (found nil))
    (while (and (<= (+ i len) end2) (or from-end (null found)))
      (let ((j 0) (ok t))
        (while (and ok (< j len))
          (unless (funcall same (aref v1 (+ start1 j)) (aref v2 (+ i j)))
            (setq ok nil))
          (setq j (1+ j)))
        (if ok (setq found i)))
      (setq i (1+ i)))
    found))

;;;###autoload
(defun cl-sort (seq pred &rest keys)
  "Sort the argument SEQ according to PREDICATE."
  (cl--kwcheck keys '(:key))
  (let ((key (plist-get keys :key)))
    (if (nlistp seq)
        (let ((sorted (apply #'cl-sort (append seq nil) pred keys)))
          (dotimes (i (length seq)) (aset seq i (pop sorted)))
          seq)
      (sort seq (if key (lambda (a b) (funcall pred (funcall key a) (funcall key b)))
                  pred)))))

;;;###autoload
(defalias 'cl-stable-sort #'cl-sort)

;;;###autoload
(defun cl-merge (type seq1 seq2 pred &rest keys)
  "Destructively merge the two sequences to produce a new sequence."
  (let ((key (cl--key-fn keys))
        (l1 (append seq1 nil)) (l2 (append seq2 nil)) (res nil))
    (while (and l1 l2)
      (if (funcall pred (funcall key (car l2)) (funcall key (car l1)))
          (push (pop l2) res)
        (push (pop l1) res)))
    (cl-coerce (nconc (nreverse res) l1 l2) type)))

;;;###autoload
(defun cl-reduce (func seq &rest keys)
  "Reduce two-argument FUNCTION across SEQ."
  (cl--kwcheck keys '(:start :end :from-end :initial-value :key))
  (let* ((start (or (plist-get keys :start) 0))
         (end (plist-get keys :end))
         (key (plist-get keys :key))
         (l (if (listp seq) (internal--take (if end (- end start) most-positive-fixnum)
                                  (nthcdr start seq))
              (append (substring seq start end) nil))))
    (if key (setq l (mapcar key l)))
    (if (plist-get keys :from-end) (setq l (reverse l)))
    (let ((acc (if (plist-member keys :initial-value)
                   (plist-get keys :initial-value)
                 (if l (pop l) (funcall func)))))
      (if (plist-get keys :from-end)
          (dolist (x l) (setq acc (funcall func x acc)))
        (dolist (x l) (setq acc (funcall func acc x))))
      acc)))

;;;###autoload
(defun cl-fill (seq item &rest keys)
  "Fill the elements of SEQ with ITEM."
  (cl--kwcheck keys '(:start :end))
  (let* ((start (or (plist-get keys :start) 0))
         (end (or (plist-get keys :end) (length seq)))
         (i start))
    (if (listp seq)
        (let ((l (nthcdr start seq)))
          (while (and l (< i end)) (setcar l item) (setq l (cdr l) i (1+ i))))
      (while (< i end) (aset seq i item) (setq i (1+ i))))
    seq))

;;;###autoload
(defun cl-replace (seq1 seq2 &rest keys)
  "Replace the elements of SEQ1 with the elements of SEQ2."
  (cl--kwcheck keys '(:start1 :end1 :start2 :end2))
  (let* ((start1 (or (plist-get keys :start1) 0))
         (end1 (or (plist-get keys :end1) (length seq1)))
         (start2 (or (plist-get keys :start2) 0))
         (end2 (or (plist-get keys :end2) (length seq2)))
         (src (vconcat seq2))
         (n (min (- end1 start1) (- end2 start2)))
         (i 0))
    (while (< i n)
      (setf (elt seq1 (+ start1 i)) (aref src (+ start2 i)))
      (setq i (1+ i)))
    seq1))

;;;###autoload
(defun cl-subseq (seq start &optional end)
  "Return the subsequence of SEQ from START to END."
  (if (listp seq)
      (let ((len nil))
        (if (or (< start 0) (and end (< end 0)))
            (setq len (length seq)))
        (if (< start 0) (setq start (+ start len)))
        (if (and end (< end 0)) (setq end (+ end len)))
        (if (and end (< end start))
            (error "Bad bounding indices: %s, %s" start end))
        (let ((tail (nthcdr start seq)))
          (if (and (> start 0) (null tail) (> start (length seq)))
              (error "Bad bounding indices: %s, %s" start end))
          (if end
              (let ((res nil) (n (- end start)))
                (while (> n 0)
                  (unless tail (error "Bad bounding indices: %s, %s" start end))
                  (push (pop tail) res)
                  (setq n (1- n)))
                (nreverse res))
            (copy-sequence tail))))
    (substring seq start end)))

(gv-define-setter cl-subseq (new seq start &optional end)
  (macroexp-let2 nil new new
    `(progn (cl-replace ,seq ,new :start1 ,start :end1 ,end) ,new)))

;;;###autoload
(defun cl--mapcar-many (func seqs &optional acc)
  (let* ((n (apply #'min (mapcar #'length seqs)))
         (vs (mapcar (lambda (s) (if (listp s) s (append s nil))) seqs))
         (res nil) (i 0))
    (while (< i n)
      (let ((args nil) (p vs))
        (while p
          (push (car (car p)) args)
          (setcar p (cdr (car p)))
          (setq p (cdr p)))
        (let ((v (apply func (nreverse args))))
          (if acc (push v res))))
      (setq i (1+ i)))
    (nreverse res)))

;;;###autoload
(defun cl-mapcar (func x &rest rest)
  "Apply FUNCTION to each element of SEQ, and make a list of the results."
  (if rest (cl--mapcar-many func (cons x rest) t) (mapcar func x)))

;;;###autoload
(defun cl-mapc (func seq &rest rest)
  "Like `cl-mapcar', but does not accumulate values returned by the function."
  (if rest (progn (cl--mapcar-many func (cons seq rest)) seq)
    (mapc func seq)))

;;;###autoload
(defun cl-mapcan (func seq &rest rest)
  "Like `cl-mapcar', but nconc's together the values returned by the function."
  (if rest (apply #'nconc (cl--mapcar-many func (cons seq rest) t))
    (mapcan func seq)))

;;;###autoload
(defun cl-maplist (func list &rest rest)
  "Map FUNCTION to each sublist of LIST or LISTs."
  (let ((lists (cons list rest)) (res nil))
    (while (not (memq nil lists))
      (push (apply func lists) res)
      (setq lists (mapcar #'cdr lists)))
    (nreverse res)))

;;;###autoload
(defun cl-mapl (func list &rest rest)
  "Like `cl-maplist', but does not accumulate values returned by the function."
  (apply #'cl-maplist func list rest)
  list)

;;;###autoload
(defun cl-mapcon (func list &rest rest)
  "Like `cl-maplist', but nconc's together the values returned by the function."
  (apply #'nconc (apply #'cl-maplist func list rest)))

;;;###autoload
(defun cl-map (type func seq &rest rest)
  "Map a FUNCTION across one or more SEQUENCEs, returning TYPE."
  (cl-coerce (apply #'cl-mapcar func seq rest) type))

;;;###autoload
(defun cl-some (pred seq &rest rest)
  "Return true if PREDICATE is true of any element of SEQ or SEQs."
  (if (or rest (nlistp seq))
      (catch 'cl--some
        (apply #'cl-mapc (lambda (&rest x) (let ((v (apply pred x)))
                                             (if v (throw 'cl--some v))))
               seq rest)
        nil)
    (let ((v nil))
      (while (and seq (not (setq v (funcall pred (pop seq))))))
      v)))

;;;###autoload
(defun cl-every (pred seq &rest rest)
  "Return true if PREDICATE is true of every element of SEQ or SEQs."
  (if (or rest (nlistp seq))
      (catch 'cl--every
        (apply #'cl-mapc (lambda (&rest x) (or (apply pred x) (throw 'cl--every nil)))
               seq rest)
        t)
    (while (and seq (funcall pred (car seq)))
      (setq seq (cdr seq)))
    (null seq)))

;;;###autoload
(defun cl-notany (pred seq &rest rest)
  "Return true if PREDICATE is false of every element of SEQ or SEQs."
  (not (apply #'cl-some pred seq rest)))

;;;###autoload
(defun cl-notevery (pred seq &rest rest)
  "Return true if PREDICATE is false of some element of SEQ or SEQs."
  (not (apply #'cl-every pred seq rest)))

;;;###autoload
(defun cl-concatenate (type &rest seqs)
  "Concatenate, into a sequence of type TYPE, the argument SEQUENCEs."
  (cl--concat type seqs))

(defun cl--concat (type seqs)
  (cond ((eq type 'vector) (apply #'vconcat seqs))
        ((eq type 'string) (apply #'concat seqs))
        ((eq type 'list) (apply #'append (append seqs '(nil))))
        (t (error "Not a sequence type name: %S" type))))

;;;###autoload
(defun cl-coerce (x type)
  "Coerce OBJECT to type TYPE."
  (cond ((eq type 'list) (if (listp x) x (append x nil)))
        ((eq type 'vector) (if (vectorp x) x (vconcat x)))
        ((eq type 'bool-vector)
         (if (bool-vector-p x) x (apply #'bool-vector (cl-coerce x 'list))))
        ((eq type 'string) (if (stringp x) x (concat x)))
        ((eq type 'array) (if (arrayp x) x (vconcat x)))
        ((and (eq type 'character) (stringp x) (= (length x) 1)) (aref x 0))
        ((and (eq type 'character) (symbolp x))
         (cl-coerce (symbol-name x) type))
        ((eq type 'float) (float x))
        ((cl-typep x type) x)
        (t (error "Can't coerce %s to type %s" x type))))

;;;###autoload
(defun cl-equalp (x y)
  "Return t if two Lisp objects have similar structures and contents."
  (cond ((eq x y) t)
        ((stringp x)
         (and (stringp y) (string= (downcase x) (downcase y))))
        ((numberp x)
         (and (numberp y) (= x y)))
        ((consp x)
         (while (and (consp x) (consp y) (cl-equalp (car x) (car y)))
           (setq x (cdr x) y (cdr y)))
         (and (not (consp x)) (cl-equalp x y)))
        ((vectorp x)
         (and (vectorp y) (= (length x) (length y))
              (let ((i (length x)))
                (while (and (>= (setq i (1- i)) 0)
                            (cl-equalp (aref x i) (aref y i))))
                (< i 0))))
        (t (equal x y))))

(defun cl--subst-with (new match tree)
  (cond ((funcall match tree) new)
        ((consp tree)
         (let ((a (cl--subst-with new match (car tree)))
               (d (cl--subst-with new match (cdr tree))))
           (if (and (eq a (car tree)) (eq d (cdr tree))) tree (cons a d))))
        (t tree)))

;;;###autoload
(defun cl-subst (new old tree &rest keys)
  "Substitute NEW for OLD everywhere in TREE (non-destructively)."
  (cl--kwcheck keys '(:test :test-not :key :if :if-not))
  (cl--subst-with new (cl--matcher old keys) tree))

;;;###autoload
(defun cl-subst-if (new pred tree &rest keys)
  (cl--subst-with new (cl--if-matcher pred keys nil) tree))
;;;###autoload
(defun cl-subst-if-not (new pred tree &rest keys)
  (cl--subst-with new (cl--if-matcher pred keys t) tree))
;;;###autoload
(defalias 'cl-nsubst #'cl-subst)
;;;###autoload
(defalias 'cl-nsubst-if #'cl-subst-if)
;;;###autoload
(defalias 'cl-nsubst-if-not #'cl-subst-if-not)

;;;###autoload
(defun cl-sublis (alist tree &rest keys)
  "Perform substitutions indicated by ALIST in TREE (non-destructively)."
  (cl--kwcheck keys '(:test :test-not :key :if :if-not))
  (let ((same (cl--two-matcher (cl-list* :key nil keys)))
        (key (cl--key-fn keys)))
    (cl--sublis-rec alist tree same key)))

(defun cl--sublis-rec (alist tree same key)
  (let ((k (funcall key tree)) (p alist))
    (while (and p (not (funcall same (car (car p)) k)))
      (setq p (cdr p)))
    (cond (p (cdr (car p)))
          ((consp tree)
           (let ((a (cl--sublis-rec alist (car tree) same key))
                 (d (cl--sublis-rec alist (cdr tree) same key)))
             (if (and (eq a (car tree)) (eq d (cdr tree))) tree (cons a d))))
          (t tree))))

;;;###autoload
(defalias 'cl-nsublis #'cl-sublis)

;;;###autoload
(defun cl-tree-equal (x y &rest keys)
  "Return t if trees TREE1 and TREE2 have `eql' leaves."
  (let ((same (cl--two-matcher keys)))
    (cl--tree-equal-rec x y same)))

(defun cl--tree-equal-rec (x y same)
  (while (and (consp x) (consp y) (cl--tree-equal-rec (car x) (car y) same))
    (setq x (cdr x) y (cdr y)))
  (and (not (consp x)) (not (consp y)) (funcall same x y)))

(provide 'cl-seq)
