;;; -*- lexical-binding: t -*-
;; Reads take read-process-output-max bytes at a time (looked up at each read).
(let* ((sizes nil)
       (s (make-network-process :name "s" :server t :service t :host "127.0.0.1" :coding 'binary
                                :filter (lambda (_p str) (push (length str) sizes))))
       (c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact s :service) :coding 'binary)))
  (sleep-for 0.1)
  (process-send-string c (make-string 10000 ?x))
  (sleep-for 0.2)
  (prin1 (reverse sizes)) (terpri)
  (setq sizes nil)
  (let ((read-process-output-max 65536))
    (process-send-string c (make-string 100000 ?x))
    (sleep-for 0.2))
  (prin1 (reverse sizes)) (terpri)
  (mapc #'delete-process (process-list)))
