;;; -*- lexical-binding: t -*-
;; accept-process-output: JUST-THIS-ONE integer suppresses timers; waiting for any process keeps reading what is already there.
(let* ((log nil)
       (s (make-network-process :name "s" :server t :service t :host "127.0.0.1"
                                :filter (lambda (p str) (process-send-string p (concat str "!")))))
       (c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact s :service)
                                :filter (lambda (p str) (push str log)))))
  (run-with-timer 0 nil (lambda () (push 'timer log)))
  (process-send-string c "a")
  (accept-process-output c 0.2 nil 1)
  (prin1 (reverse log)) (terpri)
  (accept-process-output c 0.2 nil 1)
  (prin1 (reverse log)) (terpri)
  (accept-process-output nil 0.2)
  (prin1 (reverse log)) (terpri))
(mapc #'delete-process (process-list))
