;;; -*- lexical-binding: t -*-
;; A filter that sets inhibit-quit, or makes it buffer-local, leaves the binding
;; outside as it was; accept-process-output's values for odd timeouts.
(let* ((log nil)
       (srv (make-network-process :name "s" :server t :host "127.0.0.1" :service t :coding 'binary
                                  :filter (lambda (p s) (push (list 'srv inhibit-quit s (current-buffer)) log)
                                            (set-buffer (get-buffer-create "other"))
                                            (string-match "b" "abc")
                                            (setq inhibit-quit 'changed)
                                            (process-send-string p (upcase s)))))
       (cli (make-network-process :name "c" :host "127.0.0.1" :service (process-contact srv :service) :coding 'binary
                                  :filter (lambda (_p s) (push (list 'cli inhibit-quit s) log)
                                            (make-local-variable 'inhibit-quit)
                                            (setq inhibit-quit 'local)))))
  (string-match "c" "abc")
  (process-send-string cli "hello")
  (let ((n 0)) (while (and (< (length log) 2) (< n 50)) (accept-process-output cli 0.1) (setq n (1+ n))))
  (prin1 (list (nreverse log) inhibit-quit (default-value 'inhibit-quit) (local-variable-p 'inhibit-quit)
               (current-buffer) (match-data)))
  (terpri)
  (prin1 (list (accept-process-output cli -1) (accept-process-output nil 0.01)
               (accept-process-output cli 0 10 1) (accept-process-output cli 0.0 nil t)))
  (terpri)
  (delete-process cli)
  (delete-process srv))
