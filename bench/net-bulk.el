;;; -*- lexical-binding: t -*-
;; Bulk transfer: 16 MiB from a client to a server over loopback, through a filter.
(let* ((total 0) (chunks 0) (tail "")
       (srv (make-network-process
             :name "bulk" :server t :host "127.0.0.1" :service t :coding 'binary
             :filter (lambda (_p s)
                       (setq total (+ total (length s)) chunks (1+ chunks))
                       (setq tail (let ((x (concat tail s))) (substring x (max 0 (- (length x) 16))))))))
       (cli (make-network-process :name "bulk-cli" :host "127.0.0.1"
                                  :service (process-contact srv :service) :coding 'binary))
       (block (concat (make-string 65535 ?a) "\n"))
       (size (* 16 1024 1024)))
  (dotimes (i (/ size 65536))
    (process-send-string cli (if (= i 255) (concat (substring block 0 65520) "the-end-of-bulk\n") block)))
  (let ((n 0)) (while (and (< total size) (< n 2000)) (accept-process-output nil 0.05) (setq n (1+ n))))
  (princ (format "received %d bytes, tail %S, got-chunks %S\n" total tail (> chunks 0)))
  (delete-process cli)
  (delete-process srv))
