;;; -*- lexical-binding: t -*-
;; TCP echo server and client: filters, sentinels, statuses, names, contact.
(defvar events nil)
(defun log-event (&rest args) (push args events))
(let* ((srv (make-network-process
             :name "srv" :server t :host "127.0.0.1" :service t
             :filter (lambda (p s) (log-event 'srv-data s) (process-send-string p (upcase s)))
             :sentinel (lambda (p e) (log-event 'srv-sentinel (string-match-p "^srv <127\\.0\\.0\\.1:[0-9]+>$" (process-name p)) e))))
       (port (process-contact srv :service))
       (got "")
       (cli (make-network-process
             :name "cli" :host "127.0.0.1" :service port
             :filter (lambda (_p s) (setq got (concat got s)))
             :sentinel (lambda (_p e) (log-event 'cli-sentinel e)))))
  (princ (format "%S %S %S\n" (process-status srv) (process-status cli) (integerp port)))
  (princ (format "%S %S\n" (process-type cli) (process-id cli)))
  (princ (format "%S %S\n" (car (process-contact cli)) (integerp (cadr (process-contact cli)))))
  (princ (format "%S\n" (length (process-list))))
  (process-send-string cli "hello world")
  (let ((n 0)) (while (and (< (length got) 11) (< n 50)) (accept-process-output cli 0.1) (setq n (1+ n))))
  (princ (format "got %S\n" got))
  (princ (format "%S\n" (length (process-list))))
  (let ((conn (car (process-list))))
    (princ (format "conn buffer %S filter-same %S\n" (process-buffer conn)
                   (eq (process-filter conn) (process-filter srv))))
    (princ (format "%S %S\n" (process-contact conn :server) (process-contact conn :host))))
  (delete-process cli)
  (princ (format "%S %S\n" (process-status cli) (process-exit-status cli)))
  (sleep-for 0.2)
  (delete-process srv)
  (princ (format "%S\n" (process-list)))
  (dolist (e (reverse events)) (princ (format "%S\n" e))))
