;;; -*- lexical-binding: t -*-
;; 300 clients connect at once to one server, each sends a line and waits for the reply.
(let* ((opened 0) (lines 0)
       (srv (make-network-process
             :name "fan" :server 300 :host "127.0.0.1" :service t :coding 'binary
             :sentinel (lambda (_p e) (when (string-prefix-p "open" e) (setq opened (1+ opened))))
             :filter (lambda (p s) (setq lines (1+ lines)) (process-send-string p (upcase s)))))
       (port (process-contact srv :service))
       (replies 0) (bytes 0)
       (clients nil))
  (dotimes (i 300)
    (push (make-network-process :name "fan-cli" :host "127.0.0.1" :service port :coding 'binary
                                :filter (lambda (_p s) (setq replies (1+ replies) bytes (+ bytes (length s)))))
          clients))
  (let ((i 0))
    (dolist (c clients)
      (process-send-string c (format "hello from client %d\n" i))
      (setq i (1+ i))))
  (let ((n 0)) (while (and (< replies 300) (< n 400)) (accept-process-output nil 0.05) (setq n (1+ n))))
  (princ (format "opened %d, lines %d, reply bytes %d, processes %d\n" opened lines bytes (length (process-list))))
  (mapc #'delete-process clients)
  (delete-process srv))
