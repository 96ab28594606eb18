;;; -*- lexical-binding: t -*-
;; Which libraries are preloaded, which functions are autoloads, and what
;; `require' and autoloading bring in, as in emacs -Q.
(defun show (label value) (princ (format "%s: %S\n" label value)))
(defun features-of (names) (let (r) (dolist (f names) (when (featurep f) (push f r))) (nreverse r)))
(defconst libs '(subr-x mule-util gv cl-lib cl-macs cl-seq cl-print seq pcase rx inline ert network-stream nsm gnutls puny
                 cl-generic regexp-opt timer env))
(show "preloaded" (features-of libs))
(dolist (f '(string-trim split-string string-prefix-p string-replace when-let string-join
             setf gv-define-setter cl-incf cl-loop cl-remove-if cl-first cl-prin1
             seq-filter seq-map pcase pcase-let rx rx-to-string define-inline ert-deftest
             ert-run-tests-batch-and-exit truncate-string-to-width cl-defmethod regexp-opt
             open-network-stream))
  (princ (format "%s %s %s\n" f (fboundp f)
                 (and (fboundp f) (autoloadp (symbol-function f))))))
(show "autoload file and type"
      (mapcar (lambda (f) (let ((d (symbol-function f))) (list f (nth 1 d) (nth 4 d))))
              '(setf seq-filter pcase rx cl-incf when-let)))
(show "split-string-default-separators" (boundp 'split-string-default-separators))
(show "regexp-unmatchable" (boundp 'regexp-unmatchable))
(show "seq-filter" (seq-filter #'natnump '(1 -2 3)))
(show "after seq-filter" (features-of libs))
(show "when-let" (when-let ((x 2)) (* x 3)))
(show "after when-let" (features-of libs))
(show "setf" (let ((l (list 1 2))) (setf (car l) 9) l))
(show "pcase" (pcase '(1 2) (`(,a ,b) (+ a b))))
(show "after pcase" (features-of libs))
(show "rx" (rx (or "ab" "cd") eol))
(show "cl-loop before require" (fboundp 'cl-loop))
(require 'cl-lib)
(show "after require cl-lib" (features-of libs))
(show "cl-loop" (list (fboundp 'cl-loop) (autoloadp (symbol-function 'cl-loop))
                      (nth 1 (symbol-function 'cl-loop))))
(show "cl-remove-if" (nth 1 (symbol-function 'cl-remove-if)))
(show "cl-loop result" (cl-loop for i from 1 to 4 collect (* i i)))
(show "after cl-loop" (features-of libs))
(show "cl-remove-if result" (cl-remove-if #'cl-evenp '(1 2 3 4 5)))
(show "after cl-remove-if" (features-of libs))
(cl-defstruct point x y)
(show "struct" (point-x (make-point :x 3 :y 4)))
(show "require again" (require 'cl-lib))
(show "ert-deftest" (list (fboundp 'ert-deftest) (autoloadp (symbol-function 'ert-deftest))))
(ert-deftest lib-autoload-test () (should (= 1 1)))
(show "after ert-deftest" (features-of libs))
(show "ert-x" (progn (require 'ert-x) (featurep 'ert-x)))
(defun my-get (x) (declare (gv-setter my-set)) (car x))
(defun my-set (x v) (setcar x v))
(show "gv-declaration" (let ((c (list 1))) (setf (my-get c) 5) c))
(show "eval progn" (eval '(progn (require 'subr-x) (string-join '("a" "b") "-")) t))
(show "network functions" (list (fboundp 'gnutls-available-p) (fboundp 'gnutls-negotiate)
                                (boundp 'network-security-level)))
(require 'network-stream)
(show "after network-stream" (list (features-of libs) network-security-level
                                   (fboundp 'gnutls-negotiate)))
(require 'gnutls)
(show "after gnutls" (list (features-of libs) gnutls-verify-error gnutls-min-prime-bits
                           (gnutls-boot-parameters :hostname "h" :verify-error t :trustfiles '("x"))
                           (gnutls-errorp t) (gnutls-errorp 'gnutls-e-again) (gnutls-errorp 'foo)))
