;;; gnutls.el --- TLS for network processes  -*- lexical-binding: t -*-

;; The Lisp side of Emacs's GnuTLS interface, over the primitives of
;; elisp/prims/gnutls.py (Python's ssl module).

(require 'cl-lib)
(require 'puny)

(define-error 'gnutls-error "GnuTLS error")

(defvar gnutls-algorithm-priority nil
  "If non-nil, this should be a TLS priority string.")

(defvar gnutls-verify-error nil
  "If non-nil, this should be t or a list of checks per hostname regex.")

(defvar gnutls-trustfiles
  '("/etc/ssl/certs/ca-certificates.crt" "/etc/pki/tls/certs/ca-bundle.crt"
    "/etc/ssl/ca-bundle.pem" "/usr/ssl/certs/ca-bundle.crt"
    "/usr/local/share/certs/ca-root-nss.crt" "/etc/ssl/cert.pem"
    "/etc/certs/ca-certificates.crt")
  "List of CA bundle location filenames or a function returning said list.")

(defvar gnutls-min-prime-bits nil
  "Minimum number of prime bits accepted by GnuTLS for key exchange.")

(defun gnutls-trustfiles ()
  "The existing files of `gnutls-trustfiles'."
  (let ((files (if (functionp gnutls-trustfiles) (funcall gnutls-trustfiles) gnutls-trustfiles))
        (found nil))
    (dolist (file files)
      (when (and (stringp file) (file-exists-p file))
        (push file found)))
    (nreverse found)))

(defun gnutls-boot-parameters (&rest spec)
  "The property list `gnutls-boot' wants for the keywords of SPEC."
  (let ((hostname (plist-get spec :hostname))
        (verify-error (or (plist-get spec :verify-error) gnutls-verify-error)))
    (list :priority (or (plist-get spec :priority-string) gnutls-algorithm-priority)
          :hostname hostname
          :loglevel gnutls-log-level
          :min-prime-bits (or (plist-get spec :min-prime-bits) gnutls-min-prime-bits)
          :trustfiles (or (plist-get spec :trustfiles) (gnutls-trustfiles))
          :crlfiles (plist-get spec :crlfiles)
          :keylist (plist-get spec :keylist)
          :verify-flags (plist-get spec :verify-flags)
          :verify-error verify-error
          :callbacks nil)))

(defun gnutls-negotiate (&rest spec)
  "Negotiate TLS on the process of SPEC's :process; return that process."
  (let* ((process (plist-get spec :process))
         (type (or (plist-get spec :type) 'gnutls-x509pki))
         (ret (gnutls-boot process type (apply #'gnutls-boot-parameters spec))))
    (when (gnutls-errorp ret)
      (signal 'gnutls-error (list process ret)))
    process))

(defun open-gnutls-stream (name buffer host service &optional parameters)
  "Open a TLS connection to HOST at SERVICE, with process NAME and BUFFER.
PARAMETERS is a list of keywords and values (:nowait and :coding are used)
or, as it used to be, a symbol that stands for (:nowait SYMBOL)."
  (let* ((params (cond ((symbolp parameters) (list :nowait parameters))
                       ((/= (% (length parameters) 2) 0) (error "Malformed keyword list"))
                       ((consp parameters) parameters)
                       (t (error "Unknown parameter type"))))
         (nowait (plist-get params :nowait))
         (hostname (puny-encode-domain host))
         (process (open-network-stream
                   name buffer host service
                   :nowait nowait
                   :tls-parameters (and nowait (cons 'gnutls-x509pki
                                                     (gnutls-boot-parameters :hostname hostname)))
                   :coding (plist-get params :coding))))
    (if nowait
        process
      (gnutls-negotiate :process process :type 'gnutls-x509pki :hostname hostname))))

(provide 'gnutls)
