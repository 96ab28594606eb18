;;; callproc.el --- running programs synchronously  -*- lexical-binding: t -*-

;; The Lisp half of running programs, over the `call-process' and
;; `call-process-region' primitives (as in Emacs's subr.el, simple.el, files.el).

(defun process-file (program &optional infile buffer display &rest args)
  "Process files synchronously in a separate process."
  (apply #'call-process program infile buffer display args))

(defun call-process-shell-command (command &optional infile buffer display
                                           &rest args)
  "Execute the shell command COMMAND synchronously in separate process."
  (call-process shell-file-name infile buffer display shell-command-switch
                (mapconcat #'identity (cons command args) " ")))

(defun process-file-shell-command (command &optional infile buffer display
                                           &rest args)
  "Process files synchronously in a separate process that runs COMMAND."
  (apply #'call-process-shell-command command infile buffer display args))

(defun shell-command-to-string (command)
  "Execute shell command COMMAND and return its output as a string."
  (with-output-to-string
    (with-current-buffer standard-output
      (call-process shell-file-name nil t nil shell-command-switch command))))

(defun process-lines-handling-status (program status-handler &rest args)
  "Execute PROGRAM with ARGS, returning its output as a list of lines."
  (with-temp-buffer
    (let ((status (apply #'call-process program nil (current-buffer) nil args)))
      (if status-handler
          (funcall status-handler status)
        (unless (eq status 0)
          (error "%s exited with status %s" program status)))
      (goto-char (point-min))
      (let (lines)
        (while (not (eobp))
          (setq lines (cons (buffer-substring-no-properties
                             (line-beginning-position)
                             (line-end-position))
                            lines))
          (forward-line 1))
        (nreverse lines)))))

(defun process-lines (program &rest args)
  "Execute PROGRAM with ARGS, returning its output as a list of lines."
  (apply #'process-lines-handling-status program nil args))

(defun process-lines-ignore-status (program &rest args)
  "Execute PROGRAM with ARGS, returning its output as a list of lines."
  (apply #'process-lines-handling-status program #'ignore args))

(defvar exec-suffixes '("")
  "List of suffixes to try to find executable file names.")

(defun executable-find (command &optional _remote)
  "Search for COMMAND in `exec-path' and return the absolute file name."
  (let ((dirs exec-path) (found nil))
    (if (file-name-absolute-p command)
        (and (file-executable-p command) (not (file-directory-p command))
             command)
      (while (and dirs (not found))
        (when (stringp (car dirs))
          (let ((file (expand-file-name command (car dirs))))
            (when (and (file-executable-p file) (not (file-directory-p file)))
              (setq found file))))
        (setq dirs (cdr dirs)))
      found)))
