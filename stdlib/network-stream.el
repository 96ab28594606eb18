;;; network-stream.el --- open network connections  -*- lexical-binding: t -*-

(require 'nsm)
(require 'puny)

(autoload 'gnutls-negotiate "gnutls")
(autoload 'open-gnutls-stream "gnutls")

;;;###autoload
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

(defun network-stream-certificate (&rest _) nil)

(provide 'network-stream)
