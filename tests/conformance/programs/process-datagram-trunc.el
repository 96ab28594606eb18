;;; -*- lexical-binding: t -*-
;; A datagram longer than read-process-output-max is truncated to it.
(let* ((got nil)
       (s (make-network-process :name "ds" :server t :type 'datagram :service t :host "127.0.0.1" :coding 'binary
                                :filter (lambda (_p str) (push (length str) got))))
       (c (make-network-process :name "dc" :type 'datagram :host "127.0.0.1" :service (process-contact s :service) :coding 'binary)))
  (process-send-string c (make-string 6000 ?x))
  (process-send-string c (make-string 100 ?y))
  (sleep-for 0.2)
  (prin1 (reverse got)) (terpri)
  (mapc #'delete-process (process-list)))
