;;; -*- lexical-binding: t -*-
;; The Lisp side of TLS without a TLS peer: what `require' brings in, the
;; parameters `open-gnutls-stream' accepts, gnutls-* answers for plain
;; processes, and the coding systems bound around `make-network-process'.
(defun show (label x) (princ (format "%s: %S\n" label x)))
(defmacro try (form) `(condition-case e ,form (error (list 'error e))))
(show "before" (list (featurep 'gnutls) (fboundp 'gnutls-available-p) (fboundp 'gnutls-boot)
                     (fboundp 'gnutls-peer-status) (fboundp 'open-gnutls-stream)))
(require 'gnutls)
(show "after" (list (featurep 'gnutls) (featurep 'puny) (featurep 'cl-lib) (featurep 'nsm)
                    (fboundp 'open-gnutls-stream) (fboundp 'gnutls-negotiate)))
(show "errors" (list (try (open-gnutls-stream "bar" nil "localhost" 44777 (list t)))
                     (try (open-gnutls-stream "bar" nil "localhost" 44777 (vector :nowait t)))
                     (try (open-gnutls-stream "bar" nil "localhost" 44777 '(:nowait t :coding)))))
(show "errorp" (mapcar #'gnutls-errorp (list t 'gnutls-e-again 'gnutls-e-interrupted -50 0 nil)))
(show "not a process" (list (try (gnutls-peer-status nil)) (try (gnutls-get-initstage "x"))))
(let* ((server (make-network-process :name "server" :server t :noquery t :service t :host "127.0.0.1"))
       (client (make-network-process :name "client" :noquery t :host "127.0.0.1"
                                     :service (process-contact server :service))))
  (show "plain" (list (gnutls-peer-status client) (gnutls-get-initstage client)
                      (gnutls-peer-status server) (gnutls-get-initstage server)))
  (delete-process client)
  (delete-process server))
(dolist (coding '(default nil utf-8 (latin-1 . binary)))
  (let* ((coding-system-for-read 'binary)
         (coding-system-for-write 'utf-8-unix)
         (server (apply #'make-network-process :name "server" :server t :noquery t
                        :family 'ipv4 :service t :host 'local
                        (unless (eq coding 'default) (list :coding coding)))))
    (show coding (process-coding-system server))
    (delete-process server)))
