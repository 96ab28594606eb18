;;; process.el --- Lisp-level process functions  -*- lexical-binding: t -*-

;; The C layer (elisp/prims/process.py) provides make-network-process and
;; friends; this file adds what Emacs writes in Lisp (subr.el, simple.el);
;; network-stream.el has `open-network-stream'.

(provide 'make-network-process (get 'make-network-process 'subfeatures))

(defun sit-for (seconds &optional nodisp)
  "Redisplay, then wait for SECONDS seconds; in batch, just sleep."
  (ignore nodisp)
  (sleep-for seconds)
  t)

(defun process-kill-buffer-query-function ()
  "Ask before killing a buffer that has a running process."
  (let ((process (get-buffer-process (current-buffer))))
    (or (not process)
        (not (memq (process-status process) '(run stop open listen)))
        (not (process-query-on-exit-flag process))
        (let ((prompt (format "Buffer %S has a running process; kill it? "
                              (buffer-name (current-buffer)))))
          (if (fboundp 'yes-or-no-p)
              (yes-or-no-p prompt)
            (princ (concat prompt "(yes or no) "))
            (signal 'end-of-file '("Error reading from stdin")))))))

(defun process-live-or-list-p (p) (and (processp p) (process-live-p p)))

(defun process-lines-handling-status (&rest _) (error "Subprocesses are not supported"))

(defun process-get (process propname)
  "Return the value of PROCESS' PROPNAME property."
  (plist-get (process-plist process) propname))

(defun process-put (process propname value)
  "Change PROCESS' PROPNAME property to VALUE."
  (set-process-plist process
                     (plist-put (process-plist process) propname value)))

(defun process-kill-without-query (process &optional _flag)
  "Say no query needed if PROCESS is running when Emacs is exited."
  (set-process-query-on-exit-flag process nil)
  t)
