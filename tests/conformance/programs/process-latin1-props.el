;;; -*- lexical-binding: t -*-
;; Text decoded by latin-1 carries (charset iso-8859-1) over the whole string when it has non-ASCII characters.
(let* ((got nil)
       (s (make-network-process :name "s" :server t :service t :host "127.0.0.1" :coding 'latin-1
                                :filter (lambda (_p str) (push str got))))
       (c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact s :service) :coding 'binary)))
  (process-send-string c "ab\r\n") (sleep-for 0.1) (process-send-string c "x\351y")
  (sleep-for 0.2)
  (prin1 got) (terpri)
  (mapc #'delete-process (process-list)))
