;;; driver.el --- evaluate an expression table, one output line per case  -*- lexical-binding: t -*-

;; Usage: emacs -Q --batch -l driver.el CASES.el   (and the same with elisp)
;; Each non-blank line of CASES.el that does not start with `;' is one case:
;; it is read, evaluated with lexical binding, and printed as "V <value>" or
;; "E <error symbol and data>", on one line.

(defun conformance--lines (text)
  (let ((lines nil) (start 0) (i 0) (n (length text)))
    (while (< i n)
      (when (= (aref text i) ?\n)
        (setq lines (cons (substring text start i) lines))
        (setq start (1+ i)))
      (setq i (1+ i)))
    (when (< start n) (setq lines (cons (substring text start) lines)))
    (nreverse lines)))

(let* ((file (car command-line-args-left))
       (text (with-temp-buffer (insert-file-contents file) (buffer-string)))
       (print-escape-newlines t))
  (setq command-line-args-left nil)
  (dolist (line (conformance--lines text))
    (unless (or (string= line "") (= (aref line 0) ?\;))
      ;; Not "loading" while a case runs, so that errors such as end-of-file
      ;; do not carry this driver's file name.
      (princ (let ((load-true-file-name nil) (load-file-name nil))
               (condition-case err
                   (concat "V " (prin1-to-string (eval (car (read-from-string line)) t)))
                 (t (concat "E " (prin1-to-string err))))))
      (terpri))))
