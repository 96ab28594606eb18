;;; -*- lexical-binding: t -*-
;; Writing twice to a connection the peer closed: batch Emacs 28 dies of SIGPIPE (exit 141), losing buffered stdout.
(let* ((ev nil)
       (s (make-network-process :name "s" :server t :service t :host "127.0.0.1"))
       (c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact s :service)
                                :sentinel (lambda (p e) (push (list (process-status p) e) ev)))))
  (sleep-for 0.1)
  (delete-process (car (process-list)))
  (prin1 (list 'send1 (condition-case e (process-send-string c "x") (error e)))) (terpri)
  (prin1 (list 'send2 (condition-case e (process-send-string c "y") (error e)))) (terpri)
  (prin1 (list 'status (process-status c) ev)) (terpri)
  (sleep-for 0.1)
  (prin1 (list 'status (process-status c) ev)) (terpri)
  (delete-process s))
