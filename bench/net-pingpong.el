;;; -*- lexical-binding: t -*-
;; 5,000 request/response round trips between a client and a server over loopback.
(let* ((srv (make-network-process
             :name "pp" :server t :host "127.0.0.1" :service t :coding 'binary
             :filter (lambda (p s) (process-send-string p s))))
       (replies 0) (sum 0) (pending "")
       (cli (make-network-process
             :name "pp-cli" :host "127.0.0.1" :service (process-contact srv :service) :coding 'binary
             :filter (lambda (_p s)
                       (setq pending (concat pending s))
                       (while (string-match "\n" pending)
                         (setq sum (+ sum (string-to-number (substring pending 0 (match-beginning 0)))))
                         (setq pending (substring pending (match-end 0)))
                         (setq replies (1+ replies)))))))
  (dotimes (i 5000)
    (process-send-string cli (format "%d\n" i))
    (let ((n 0)) (while (and (<= replies i) (< n 100)) (accept-process-output cli 0.1) (setq n (1+ n)))))
  (princ (format "round trips %d, sum %d\n" replies sum))
  (delete-process cli)
  (delete-process srv))
