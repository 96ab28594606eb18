;;; core-eval-buffer.el --- eval-buffer/eval-region output and lexical cookie
(with-temp-buffer
  (insert ";; -*- lexical-binding: t -*-\n(princ (funcall (let ((z 3)) (lambda () z))))\n(terpri) (+ 1 2)")
  (eval-buffer nil t))
(with-temp-buffer
  (insert "(princ 7) (+ 1 2) 'sym")
  (eval-region (point-min) (point-max) t))
(terpri)
(let ((standard-output (lambda (c) nil)))
(with-temp-buffer
  (insert "(princ 8) (+ 1 2) 'sym")
  (eval-region (point-min) (point-max) t)))
