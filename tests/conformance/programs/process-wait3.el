;;; -*- lexical-binding: t -*-
;; accept-process-output on a listening server returns at once without accepting.
(let* ((ev nil)
       (s (make-network-process :name "s" :server t :service t :host "127.0.0.1" :sentinel (lambda (p e) (push e ev))))
       (c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact s :service))))
  (prin1 (list (accept-process-output s 0.3) ev)) (terpri)
  (prin1 (list (accept-process-output c 0.3) ev)) (terpri)
  (process-send-eof c)
  (prin1 (list (accept-process-output s 0.3) ev)) (terpri)
  (mapc #'delete-process (process-list)))
