;;; timer.el --- timers in Lisp over the Python timer list  -*- lexical-binding: t -*-

(defmacro with-timeout (list &rest body)
  "Run BODY, but if it doesn't finish in SECONDS seconds, give up.
LIST is (SECONDS TIMEOUT-FORMS...)."
  (declare (indent 1))
  (let ((seconds (car list))
        (timeout-forms (cdr list))
        (tag (make-symbol "timeout")))
    `(let ((-with-timeout-value-
            (catch ',tag
              (let* ((-with-timeout-timer-
                      (run-with-timer ,seconds nil
                                      (lambda () (throw ',tag ',tag))))
                     (with-timeout-timers
                      (cons -with-timeout-timer- with-timeout-timers)))
                (unwind-protect
                    (list (progn ,@body))
                  (cancel-timer -with-timeout-timer-))))))
       (if (eq -with-timeout-value- ',tag)
           (progn ,@timeout-forms)
         (car -with-timeout-value-)))))

(defun with-timeout-suspend ()
  "Stop the clock for `with-timeout'."
  (mapcar (lambda (timer)
            (cancel-timer timer)
            (list timer (time-subtract (timer--time timer) nil)))
          with-timeout-timers))

(defun with-timeout-unsuspend (timer-spec-list)
  "Restart the clock for `with-timeout'."
  (dolist (elt timer-spec-list)
    (let ((timer (car elt))
          (delay (cadr elt)))
      (timer-set-time timer (time-add nil delay))
      (timer-activate timer))))

(defun timer--time (timer)
  (list (aref timer 1) (aref timer 2) (aref timer 3) (aref timer 8)))

(defun timer--function (timer) (aref timer 5))
(defun timer--args (timer) (aref timer 6))
(defun timer--repeat-delay (timer) (aref timer 4))
(defun timer--idle-delay (timer) (aref timer 7))
(defun timer--triggered (timer) (aref timer 0))

(defun cancel-function-timers (function)
  "Cancel all timers which would run FUNCTION."
  (dolist (timer timer-list)
    (if (eq (aref timer 5) function) (cancel-timer timer)))
  (dolist (timer timer-idle-list)
    (if (eq (aref timer 5) function) (cancel-timer timer))))

(defun timer-inc-time (timer secs &optional usecs)
  "Increment the time set in TIMER by SECS seconds and USECS microseconds."
  (timer-set-time timer (time-add (timer--time timer)
                                  (+ secs (/ (or usecs 0) 1e6)))
                  (aref timer 4)))

(defun timer-until (timer time)
  "Calculate number of seconds from when TIMER will run, until TIME."
  (- (float-time time) (float-time (timer--time timer))))

(defun timer-relative-time (time secs &optional usecs psecs)
  "Advance TIME by SECS seconds and optionally USECS and PSECS."
  (time-add time (+ secs (/ (or usecs 0) 1e6) (/ (or psecs 0) 1e12))))

(defun timer-next-integral-multiple-of-time (time secs)
  "Yield the next value after TIME that is an integral multiple of SECS."
  (let* ((n (* secs (1+ (floor (float-time time) secs))))
         (whole (floor n))
         (usec (round (* (- n whole) 1000000))))
    (list (ash whole -16) (logand whole 65535) usec 0)))

(defun add-timeout (secs function object &optional repeat)
  "Add a timer to run SECS seconds from now, to call FUNCTION on OBJECT."
  (run-with-timer secs repeat function object))

(defun disable-timeout (timer)
  "Disable a timer."
  (cancel-timer timer))

(provide 'timer)

;; Emacs 28 starts with show-paren-mode's idle timer in `timer-idle-list'.
(unless (fboundp 'show-paren-function)
  (defun show-paren-function () "Highlight matching parentheses (a no-op here)." nil))
(unless timer-idle-list
  (let ((tm (timer-create)))
    (timer-set-function tm #'show-paren-function)
    (timer-set-idle-time tm 0.125 t)
    (timer-activate-when-idle tm t)))
