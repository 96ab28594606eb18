;;; -*- lexical-binding: t -*-
(with-temp-buffer
  (insert "(setq misc-a 1) (princ (+ misc-a 1)) (terpri)")
  (eval-buffer))
(with-temp-buffer
  (insert "(setq misc-b 5)\n(princ misc-b)\n(terpri)")
  (eval-region (point-min) (point-max)))
(with-temp-buffer
  (insert ";; -*- lexical-binding: t -*-\n(princ (funcall (let ((z 3)) (lambda () z))))\n(terpri)")
  (eval-buffer))
;; end-of-file while loading carries the loading file's name: compare it rather than print it.
(print (let ((e (condition-case e (with-temp-buffer (insert "(princ 1) (") (eval-buffer)) (error e))))
         (list (car e) (equal (cdr e) (list load-true-file-name)))))
(print (read "  42 rest"))
(print (let ((e (condition-case e (read "") (error e))))
         (list (car e) (equal (cdr e) (list load-true-file-name)))))
(print (car (read-from-string "#1=(a . #1#)")))
(print (let ((print-circle t)) (prin1-to-string (car (read-from-string "#1=(a . #1#)")))))
(print (macroexpand-all '(funcall #'car x)))
(print (eval '(funcall #'car '(1))))
(print (func-arity (lambda (a b &optional c) nil)))
(print (special-form-p 'prog2))
(print (mapcar #'special-form-p '(if and or let let* setq quote function while progn prog1 cond catch unwind-protect condition-case defvar defconst save-excursion save-restriction save-current-buffer interactive setq-default)))
