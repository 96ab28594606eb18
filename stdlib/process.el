;;; process.el --- Lisp-level process functions  -*- lexical-binding: t -*-

;; The C layer (elisp/prims/process.py) provides make-network-process and
;; friends; this file adds what Emacs writes in Lisp (subr.el, simple.el,
;; network-stream.el).

(provide 'make-network-process (get 'make-network-process 'subfeatures))

(defun sit-for (seconds &optional nodisp)
  "Redisplay, then wait for SECONDS seconds; in batch, just sleep."
  (ignore nodisp)
  (sleep-for seconds)
  t)

(defun open-network-stream (name buffer host service &rest parameters)
  "Open a TCP connection to HOST at SERVICE, with process NAME and BUFFER."
  (let ((type (plist-get parameters :type))
        (coding (plist-get parameters :coding)))
    (let ((proc (make-network-process
                 :name name :buffer buffer :host host :service service
                 :nowait (plist-get parameters :nowait)
                 :tls-parameters (if (memq type '(tls ssl))
                                     (or (plist-get parameters :tls-parameters)
                                         '(gnutls-x509pki))
                                   (plist-get parameters :tls-parameters))
                 :coding coding)))
      (if (plist-get parameters :return-list)
          (list proc :type (if (memq type '(tls ssl)) 'tls 'plain))
        proc))))

(defalias 'open-network-stream-plain #'open-network-stream)

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

(defun network-stream-certificate (&rest _) nil)

(provide 'network-stream)
