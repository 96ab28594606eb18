;;; -*- lexical-binding: t -*-
(defvar trace nil)
(defun note (x) (push x trace))
(condition-case nil
    (unwind-protect
        (progn (note 'body-start)
               (unwind-protect (error "boom") (note 'inner-cleanup))
               (note 'not-reached))
      (note 'outer-cleanup))
  (error (note 'handler)))
(print (reverse trace))
(setq trace nil)
(catch 'done
  (unwind-protect (throw 'done (note 'throwing)) (note 'cleanup)))
(print (reverse trace))
