;;; -*- lexical-binding: t -*-
;; Filters and sentinels run with inhibit-quit t, and keep the caller's match data and current buffer; timers do not.
(let* ((seen nil)
       (s (make-network-process :name "s" :server t :service t :host "127.0.0.1"
                                :filter (lambda (_p str) (push (list 'filter inhibit-quit (string-match "b+" str) (current-buffer)) seen) (set-buffer (get-buffer-create "other")))
                                :sentinel (lambda (_p _e) (string-match "z" "xyz") (push (list 'sentinel inhibit-quit) seen))))
       (c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact s :service))))
  (string-match "c" "abc")
  (process-send-string c "abbb")
  (sleep-for 0.2)
  (prin1 (list (match-beginning 0) (current-buffer) (reverse seen))) (terpri)
  (run-with-timer 0 nil (lambda () (string-match "q" "aq")))
  (sleep-for 0.05)
  (prin1 (match-beginning 0)) (terpri))
(mapc #'delete-process (process-list))
