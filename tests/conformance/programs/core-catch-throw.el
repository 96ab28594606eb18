;;; -*- lexical-binding: t -*-
(defun search-list (item lst)
  (catch 'found
    (dolist (x lst)
      (when (equal x item) (throw 'found (list 'found x))))
    'not-found))
(print (search-list 3 '(1 2 3 4)))
(print (search-list 9 '(1 2 3 4)))
(print (catch 'outer (catch 'inner (throw 'outer 'from-inner)) 'not-here))
(let ((log nil))
  (catch 'k
    (unwind-protect
        (unwind-protect (throw 'k 1) (push 'inner log))
      (push 'outer log)))
  (print log))
