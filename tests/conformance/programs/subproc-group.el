;;; subproc-group.el --- signals reach the whole process group  -*- lexical-binding: t -*-
(dolist (ct '(pty pipe))
  (let* ((log nil) (p (make-process :name "i" :command '("sh" "-c" "sleep 5; echo after") :connection-type ct :filter (lambda (_p s) (push s log)) :sentinel (lambda (_p m) (push m log)))))
    (sleep-for 0.2)
    (interrupt-process p)
    (let ((k 0)) (while (and (process-live-p p) (< k 100)) (accept-process-output p 0.1) (setq k (1+ k))))
    (accept-process-output nil 0.05)
    (prin1 (list ct (nreverse log) (process-exit-status p))) (terpri)))
