;;; -*- lexical-binding: t -*-
;; condition-case and catch/throw in a loop.
(let ((caught 0) (thrown 0))
  (dotimes (i 60000)
    (condition-case nil
        (if (= 0 (% i 3)) (signal 'arith-error nil) (car i))
      (arith-error (setq caught (1+ caught)))
      (wrong-type-argument (setq caught (+ caught 2))))
    (setq thrown (+ thrown (catch 'done (when (= 0 (% i 2)) (throw 'done 1)) 2))))
  (princ (format "%d %d\n" caught thrown)))
