;;; subproc.el --- starting asynchronous subprocesses  -*- lexical-binding: t -*-

;; The Lisp half of asynchronous subprocesses (as Emacs writes it in subr.el
;; and simple.el), over the `make-process' primitive (elisp/prims/subproc.py).

(defun start-process (name buffer program &rest program-args)
  "Start a program in a subprocess.  Return the process object for it."
  (unless (fboundp 'make-process)
    (error "Emacs was compiled without subprocess support"))
  (apply #'make-process
         (append (list :name name :buffer buffer)
                 (if program
                     (list :command (cons program program-args))))))

(defun start-file-process (name buffer program &rest program-args)
  "Start a program in a subprocess; like `start-process' for local files."
  (apply #'start-process name buffer program program-args))

(defun start-process-shell-command (name buffer command)
  "Start a program in a subprocess running the shell command COMMAND."
  (start-process name buffer shell-file-name shell-command-switch command))

(defun start-file-process-shell-command (name buffer command)
  "Start a program in a subprocess running COMMAND; see `start-process-shell-command'."
  (start-process-shell-command name buffer command))
