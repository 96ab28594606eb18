;;; ert.el --- Emacs Lisp Regression Testing  -*- lexical-binding: t -*-

;; A fresh implementation of ERT's public interface: `ert-deftest',
;; `should' and friends, selectors, and the batch runner whose output on
;; standard error follows Emacs 28.2's `ert-run-tests-batch'.  Test
;; objects and results are records laid out like Emacs's cl-defstructs.
;; The ert-x helpers (temporary buffers, files, resources) are at the end.

;;;; Small helpers.

(require 'cl-lib)

(defvar ert--symbol-counter 0)

(defun ert--make-symbol (prefix)
  "Return a fresh uninterned symbol named PREFIX followed by a number."
  (setq ert--symbol-counter (1+ ert--symbol-counter))
  (make-symbol (format "%s%d" prefix ert--symbol-counter)))

(defun ert--now ()
  "The current time as a float number of seconds."
  (cond ((fboundp 'float-time) (float-time))
        ((fboundp 'ert--python-time) (ert--python-time))
        (t 0.0)))

(defun ert--format-time-iso8601 (time)
  "Format TIME (a float) as ERT's timestamps are formatted."
  (cond ((fboundp 'ert--python-format-time) (ert--python-format-time time))
        ((fboundp 'format-time-string) (format-time-string "%Y-%m-%d %T%z" time))
        (t "")))

(defun ert--getenv (variable)
  "The value of the environment VARIABLE, or nil."
  (if (fboundp 'getenv) (getenv variable) (getenv-internal variable)))

(defun ert--split-lines (string)
  "The lines of STRING, as a list."
  (let ((lines nil) (start 0) (i 0) (n (length string)))
    (while (< i n)
      (when (eq (aref string i) ?\n)
        (push (substring string start i) lines)
        (setq start (1+ i)))
      (setq i (1+ i)))
    (push (substring string start) lines)
    (nreverse lines)))

(defun ert--plist-keyword (plist key default)
  "Value of KEY in the keyword PLIST, or DEFAULT when KEY is absent."
  (let ((cell (plist-member plist key)))
    (if cell (car (cdr cell)) default)))

;;;; Records.

(defmacro ert--defrecord (name parent slots)
  "Define record type NAME including PARENT's slots, then SLOTS.
Each slot is SYMBOL or (SYMBOL DEFAULT).  Defines `make-NAME' taking
keyword arguments, `NAME-p' and one accessor per slot."
  (let* ((all (append (and parent (get parent 'ert--record-slots)) slots))
         (names (mapcar (lambda (s) (if (consp s) (car s) s)) all))
         (pred (intern (format "%s-p" name)))
         (forms nil)
         (i 1))
    (put name 'ert--record-slots all)
    (push `(put ',name 'ert--record-slots ',all) forms)
    (push `(put ',name 'ert--record-parent ',parent) forms)
    (push `(defun ,pred (object)
             ,(format "Return non-nil if OBJECT is a `%s'." name)
             (and (recordp object) (ert--record-type-p (aref object 0) ',name)))
          forms)
    (push `(put ',name 'cl-deftype-satisfies ',pred) forms)
    (push `(defun ,(intern (format "make-%s" name)) (&rest args)
             ,(format "Make a `%s' record from keyword ARGS." name)
             (record ',name
                     ,@(mapcar (lambda (s)
                                 (let ((key (intern (format ":%s" (if (consp s) (car s) s)))))
                                   `(ert--plist-keyword args ,key ,(if (consp s) (cadr s) nil))))
                               all)))
          forms)
    (dolist (slot names)
      (let ((acc (intern (format "%s-%s" name slot)))
            (setter (intern (format "ert--set-%s-%s" name slot))))
        (push `(defun ,acc (object)
                 ,(format "Access slot `%s' of a `%s'." slot name)
                 (or (,pred object) (signal 'wrong-type-argument (list ',name object)))
                 (aref object ,i))
              forms)
        (push `(defun ,setter (object value)
                 ,(format "Set slot `%s' of a `%s'." slot name)
                 (or (,pred object) (signal 'wrong-type-argument (list ',name object)))
                 (aset object ,i value))
              forms)
        (push `(put ',acc 'ert--setter ',setter) forms)
        (push `(ert--declare-setter ,acc ,setter) forms)
        (setq i (1+ i))))
    `(progn ,@(nreverse forms) ',name)))

(defmacro ert--declare-setter (accessor setter)
  "Let `setf' of (ACCESSOR OBJ) call SETTER when gv.el is available."
  (if (fboundp 'gv-define-simple-setter)
      `(gv-define-simple-setter ,accessor ,setter)
    nil))

(defun ert--record-type-p (type wanted)
  "Return non-nil if record TYPE is WANTED or inherits from it."
  (let ((found nil))
    (while (and type (not found))
      (if (eq type wanted)
          (setq found t)
        (setq type (and (symbolp type) (get type 'ert--record-parent)))))
    found))

(defmacro ert--setf (place value)
  "Set PLACE, a call to an ERT record accessor, to VALUE."
  `(,(get (car place) 'ert--setter) ,(cadr place) ,value))

(ert--defrecord ert-test nil
  (name documentation body most-recent-result (expected-result-type :passed) tags))

(ert--defrecord ert-test-result nil (messages should-forms (duration 0)))
(ert--defrecord ert-test-passed ert-test-result ())
(ert--defrecord ert-test-result-with-condition ert-test-result (condition backtrace infos))
(ert--defrecord ert-test-quit ert-test-result-with-condition ())
(ert--defrecord ert-test-failed ert-test-result-with-condition ())
(ert--defrecord ert-test-skipped ert-test-result-with-condition ())
(ert--defrecord ert-test-aborted-with-non-local-exit ert-test-result ())

(ert--defrecord ert--stats nil
  (selector tests test-map test-results test-start-times test-end-times
            (passed-expected 0) (passed-unexpected 0) (failed-expected 0)
            (failed-unexpected 0) (skipped 0) start-time end-time aborted-p
            current-test (next-redisplay 0.0)))

;;;; Defining and finding tests.

(defun ert-test-boundp (symbol)
  "Return non-nil if SYMBOL names a test."
  (and (symbolp symbol) (get symbol 'ert--test) t))

(defun ert-get-test (symbol)
  "Return the test that SYMBOL names; signal an error if there is none."
  (unless (ert-test-boundp symbol)
    (error "No test named `%S'" symbol))
  (get symbol 'ert--test))

(defun ert-set-test (symbol definition)
  "Make SYMBOL name the test DEFINITION, and return DEFINITION."
  (when (eq symbol nil)
    (error "Attempt to define a test named nil"))
  (put symbol 'ert--test definition)
  definition)

(defun ert-make-test-unbound (symbol)
  "Make SYMBOL name no test.  Return SYMBOL."
  (let ((plist (symbol-plist symbol)) (new nil))
    (while plist
      (unless (eq (car plist) 'ert--test)
        (setq new (cons (cadr plist) (cons (car plist) new))))
      (setq plist (cddr plist)))
    (setplist symbol (nreverse new)))
  symbol)

(defun ert-delete-test (test-name)
  "Make the test TEST-NAME unbound."
  (ert-make-test-unbound test-name))

(defun ert-delete-all-tests ()
  "Make every test unbound."
  (mapc #'ert-make-test-unbound (ert--all-test-names))
  t)

(defun ert--all-test-names ()
  "The names of all defined tests, sorted alphabetically."
  (let ((names nil))
    (mapatoms (lambda (s) (when (get s 'ert--test) (push s names))))
    (sort names (lambda (a b) (string< (symbol-name a) (symbol-name b))))))

(defun ert--parse-keys-and-body (keys-and-body)
  "Split KEYS-AND-BODY into a plist of leading keywords and the body."
  (let ((keys nil) (rest keys-and-body))
    (while (keywordp (car-safe rest))
      (let ((key (car rest)))
        (unless (consp (cdr rest))
          (error "Value expected after keyword %S in %S" key keys-and-body))
        (setq keys (cons (cadr rest) (cons key keys)))
        (setq rest (cddr rest))))
    (list (nreverse keys) rest)))

(defvar ert--deftest-macros
  (list (cons 'skip-unless (lambda (form) `(ert--skip-unless ,form)))
        (cons 'skip-when (lambda (form) `(ert--skip-when ,form))))
  "Macros defined only within the body of an `ert-deftest'.")

;;;###autoload
(defmacro ert-deftest (name _args &rest docstring-keys-and-body)
  "Define NAME as a test whose BODY runs when the test is run.
\(fn NAME () [DOCSTRING] [:expected-result RESULT-TYPE] [:tags \\='(TAG...)] BODY...)"
  (declare (doc-string 3) (indent 2))
  (let ((doc nil) (doc-p nil))
    (when (stringp (car docstring-keys-and-body))
      (setq doc (car docstring-keys-and-body) doc-p t)
      (setq docstring-keys-and-body (cdr docstring-keys-and-body)))
    (let* ((parsed (ert--parse-keys-and-body docstring-keys-and-body))
           (keys (car parsed))
           (body (cadr parsed)))
      `(progn
         (ert-set-test ',name
                       (make-ert-test
                        :name ',name
                        ,@(and doc-p `(:documentation ,doc))
                        ,@(and (plist-member keys :expected-result)
                               `(:expected-result-type ,(plist-get keys :expected-result)))
                        ,@(and (plist-member keys :tags)
                               `(:tags ,(plist-get keys :tags)))
                        :body (lambda ()
                                ,(macroexpand-all
                                  (macroexp-progn body)
                                  (append ert--deftest-macros
                                          (and (boundp 'macroexpand-all-environment)
                                               macroexpand-all-environment))))))
         ',name))))

;;;; Failing, skipping and passing.

(define-error 'ert-test-failed "Test failed")
(define-error 'ert-test-skipped "Test skipped")

(defun ert-pass ()
  "Terminate the current test and mark it passed."
  (throw 'ert--pass nil))

(defun ert-fail (data)
  "Terminate the current test and mark it failed, giving DATA as the reason."
  (signal 'ert-test-failed (list data)))

(defun ert-skip (data)
  "Terminate the current test and mark it skipped, giving DATA as the reason."
  (signal 'ert-test-skipped (list data)))

;;;; `should' and friends.

(defvar ert--should-execution-observer nil)

(defun ert--signal-should-execution (form-description)
  "Report FORM-DESCRIPTION to the current `should' observer, if any."
  (when ert--should-execution-observer
    (funcall ert--should-execution-observer form-description)))

(defun ert--special-operator-p (thing)
  "Non-nil if THING names a special form."
  (and (symbolp thing)
       (let ((def (indirect-function thing)))
         (and (subrp def) (eq (cdr (subr-arity def)) 'unevalled)))))

(defun ert--expand-should (whole form check)
  "Expand a `should'-style assertion WHOLE about FORM.
CHECK is called with the evaluating form, the description form and
the value variable, and returns the code that checks the outcome."
  (let ((form (condition-case err
                  (macroexpand-all form (and (boundp 'macroexpand-all-environment)
                                             macroexpand-all-environment))
                (error `(signal ',(car err) ',(cdr err)))))
        (value (ert--make-symbol "value-")))
    (if (or (atom form) (ert--special-operator-p (car form))
            (not (or (symbolp (car form))
                     (and (consp (car form)) (eq (car (car form)) 'lambda)))))
        `(let ((,value (ert--make-symbol "ert-form-evaluation-aborted-")))
           ,(funcall check `(setq ,value ,form)
                     `(list ',whole :form ',form :value ,value)
                     value)
           ,value)
      (let ((fn (ert--make-symbol "fn-"))
            (args (ert--make-symbol "args-"))
            (aborted (ert--make-symbol "ert-form-evaluation-aborted-"))
            (fn-name (car form)))
        `(let* ((,fn (function ,fn-name))
                (,args (condition-case err
                           (list ,@(cdr form))
                         (error (setq ,fn #'signal)
                                (list (car err) (cdr err))))))
           (let ((,value ',aborted))
             ,(funcall check
                       `(setq ,value (apply ,fn ,args))
                       `(nconc (list ',whole)
                               (list :form (cons ,fn ,args))
                               (unless (eq ,value ',aborted)
                                 (list :value ,value))
                               (let ((explainer (and (symbolp ',fn-name)
                                                     (get ',fn-name 'ert-explainer))))
                                 (when explainer
                                   (list :explanation (apply explainer ,args)))))
                       value)
             ,value))))))

(defun ert--observed (eval-form desc-form desc-var)
  "Code running EVAL-FORM, then describing it in DESC-VAR for the observer."
  `(unwind-protect ,eval-form
     (setq ,desc-var ,desc-form)
     (ert--signal-should-execution ,desc-var)))

(defmacro should (form)
  "Evaluate FORM.  If it returns nil, abort the current test as failed."
  (ert--expand-should
   `(should ,form) form
   (lambda (inner desc _value)
     (let ((d (ert--make-symbol "form-description-")))
       `(let (,d)
          (if ,(ert--observed inner desc d) nil (ert-fail ,d)))))))

(defmacro should-not (form)
  "Evaluate FORM.  If it returns non-nil, abort the current test as failed."
  (ert--expand-should
   `(should-not ,form) form
   (lambda (inner desc _value)
     (let ((d (ert--make-symbol "form-description-")))
       `(let (,d)
          (if (not ,(ert--observed inner desc d)) nil (ert-fail ,d)))))))

(defun ert--should-error-handle-error (description-fn condition type exclude-subtypes)
  "Fail unless CONDITION matches TYPE (and EXCLUDE-SUBTYPES)."
  (let ((signaled (get (car condition) 'error-conditions))
        (handled (if (listp type) type (list type))))
    (unless (let ((found nil))
              (dolist (c signaled) (when (memq c handled) (setq found t)))
              found)
      (ert-fail (append (funcall description-fn)
                        (list :condition condition
                              :fail-reason "the error signaled did not have the expected type"))))
    (when exclude-subtypes
      (unless (member (car condition) handled)
        (ert-fail (append (funcall description-fn)
                          (list :condition condition
                                :fail-reason "the error signaled was a subtype of the expected type")))))))

(defmacro should-error (form &rest keys)
  "Evaluate FORM and check that it signals an error; return the error.
KEYS may give :type (a condition or list of them) and :exclude-subtypes."
  (let ((type (or (plist-get keys :type) ''error))
        (exclude (plist-get keys :exclude-subtypes)))
    (ert--expand-should
     `(should-error ,form ,@keys) form
     (lambda (inner desc value)
       (let ((errorp (ert--make-symbol "errorp"))
             (desc-fn (ert--make-symbol "form-description-fn-")))
         `(let ((,errorp nil)
                (,desc-fn (lambda () ,desc)))
            (condition-case -condition-
                ,inner
              (error
               (setq ,errorp t)
               (ert--should-error-handle-error ,desc-fn -condition- ,type ,exclude)
               (setq ,value -condition-)))
            (unless ,errorp
              (ert-fail (append (funcall ,desc-fn)
                                (list :fail-reason "did not signal an error"))))))))))

(defmacro ert--skip-unless (form)
  "Skip the current test unless FORM yields non-nil (errors count as nil)."
  (ert--expand-should
   `(skip-unless ,form) form
   (lambda (inner desc _value)
     `(unless (ignore-errors ,inner)
        (ert-skip ,desc)))))

(defmacro ert--skip-when (form)
  "Skip the current test if FORM yields non-nil (errors count as nil)."
  (ert--expand-should
   `(skip-when ,form) form
   (lambda (inner desc _value)
     `(when (condition-case nil ,inner (error nil))
        (ert-skip ,desc)))))

;;;; Explanations.

(defun ert--explain-format-atom (x)
  "Describe atom X for an explanation."
  (cond ((characterp x) (list x (format "#x%x" x) (format "?%c" x)))
        ((integerp x) (list x (format "#x%x" x)))
        (t x)))

(defun ert--mismatch (a b)
  "Index of the first element where sequences A and B differ, or nil."
  (let ((la (length a)) (lb (length b)) (i 0) (res nil))
    (while (and (null res) (< i la) (< i lb))
      (unless (equal (elt a i) (elt b i)) (setq res i))
      (setq i (1+ i)))
    (or res (if (= la lb) nil (min la lb)))))

(defun ert--explain-equal-rec (a b)
  "Explain why A and B are not `equal', or return nil if they are."
  (cond
   ((not (eq (type-of a) (type-of b)))
    `(different-types ,a ,b))
   ((consp a)
    (let ((la (proper-list-p a)) (lb (proper-list-p b)))
      (cond
       ((not (eq (not la) (not lb)))
        `(one-list-proper-one-improper ,a ,b))
       (la
        (if (/= la lb)
            `(proper-lists-of-different-length ,la ,lb ,a ,b
                                               first-mismatch-at ,(ert--mismatch a b))
          (let ((i 0) (res nil))
            (while (and a (null res))
              (let ((x (ert--explain-equal-rec (car a) (car b))))
                (when x (setq res `(list-elt ,i ,x))))
              (setq a (cdr a) b (cdr b) i (1+ i)))
            res)))
       (t
        (let ((car-x (ert--explain-equal-rec (car a) (car b))))
          (if car-x
              `(car ,car-x)
            (let ((cdr-x (ert--explain-equal-rec (cdr a) (cdr b))))
              (and cdr-x `(cdr ,cdr-x)))))))))
   ((or (arrayp a) (recordp a))
    (if (/= (length a) (length b))
        `(arrays-of-different-length ,(length a) ,(length b) ,a ,b
                                     first-mismatch-at ,(ert--mismatch a b))
      (let ((i 0) (n (length a)) (res nil))
        (while (and (< i n) (null res))
          (let ((x (ert--explain-equal-rec (aref a i) (aref b i))))
            (when x (setq res `(array-elt ,i ,x))))
          (setq i (1+ i)))
        res)))
   ((not (equal a b))
    (if (and (symbolp a) (symbolp b) (string= a b))
        `(different-symbols-with-the-same-name ,a ,b)
      `(different-atoms ,(ert--explain-format-atom a)
                        ,(ert--explain-format-atom b))))
   (t nil)))

(defun ert--explain-equal (a b)
  "Explainer for `equal'."
  (if (equal a b) nil (ert--explain-equal-rec a b)))
(put 'equal 'ert-explainer 'ert--explain-equal)

(defun ert--explain-string-equal (a b)
  "Explainer for `string-equal'."
  (if (string-equal a b)
      nil
    (ert--explain-equal-rec (if (symbolp a) (symbol-name a) a)
                            (if (symbolp b) (symbol-name b) b))))
(put 'string-equal 'ert-explainer 'ert--explain-string-equal)

(defun ert--significant-plist-keys (plist)
  "The keys of PLIST with non-nil values, in order."
  (let ((keys nil))
    (while plist
      (unless (or (null (cadr plist)) (memq (car plist) keys))
        (push (car plist) keys))
      (setq plist (cddr plist)))
    (nreverse keys)))

(defun ert--plist-difference-explanation (a b)
  "Explain how plists A and B differ, or return nil."
  (let* ((ka (ert--significant-plist-keys a))
         (kb (ert--significant-plist-keys b))
         (only-a (let (r) (dolist (k ka) (unless (memq k kb) (push k r))) (nreverse r)))
         (only-b (let (r) (dolist (k kb) (unless (memq k ka) (push k r))) (nreverse r)))
         (explain (lambda (key)
                    `(different-properties-for-key
                      ,key ,(ert--explain-equal-including-properties
                             (plist-get a key) (plist-get b key))))))
    (cond (only-a (funcall explain (car only-a)))
          (only-b (funcall explain (car only-b)))
          (t (let ((res nil))
               (dolist (k ka)
                 (when (and (null res) (not (equal (plist-get a k) (plist-get b k))))
                   (setq res (funcall explain k))))
               res)))))

(defun ert--abbreviate-string (s len suffixp)
  "Shorten S to at most LEN characters, keeping its end if SUFFIXP."
  (let ((n (length s)))
    (cond ((< n len) s)
          (suffixp (substring s (- n len)))
          (t (substring s 0 len)))))

(defun ert--explain-equal-including-properties (a b)
  "Explain why A and B differ, text properties included, or return nil."
  (if (not (equal a b))
      (ert--explain-equal a b)
    (let ((i 0) (n (and (stringp a) (length a))) (res nil))
      (while (and n (<= i n) (null res))
        (let ((d (and (fboundp 'text-properties-at)
                      (ert--plist-difference-explanation (text-properties-at i a)
                                                         (text-properties-at i b)))))
          (when d
            (setq res `(char ,i ,(substring-no-properties a i (1+ i))
                             ,d
                             context-before
                             ,(ert--abbreviate-string (substring-no-properties a 0 i) 10 t)
                             context-after
                             ,(ert--abbreviate-string (substring-no-properties a (1+ i)) 10 nil)))))
        (setq i (1+ i)))
      res)))

(defun ert-equal-including-properties (a b)
  "Return t if A and B are equal, comparing text properties structurally."
  (not (ert--explain-equal-including-properties a b)))
(put 'ert-equal-including-properties 'ert-explainer
     'ert--explain-equal-including-properties)

;;;; `ert-info'.

(defvar ert--infos nil
  "The stack of (PREFIX . MESSAGE) infos of the enclosing `ert-info' forms.")

(defvar ert--infos-at-error nil
  "(CONDITION . INFOS) recorded when an error left an `ert-info' form.")

(defmacro ert-info (spec &rest body)
  "Evaluate BODY; if it fails, report the message SPEC evaluates to.
SPEC is (MESSAGE-FORM [:prefix PREFIX-FORM])."
  (declare (indent 1))
  (let ((message-form (car spec))
        (prefix-form (if (plist-member (cdr spec) :prefix)
                         (plist-get (cdr spec) :prefix)
                       "Info: ")))
    `(let ((ert--infos (cons (cons ,prefix-form ,message-form) ert--infos)))
       (condition-case ert--err
           (progn ,@body)
         (t (unless (eq (car ert--infos-at-error) (cdr ert--err))
              (setq ert--infos-at-error (cons (cdr ert--err) ert--infos)))
            (signal (car ert--err) (cdr ert--err)))))))

;;;; Running one test.

(defvar ert-debug-on-error nil
  "Non-nil means enter the debugger when a test fails.")

(defvar ert--running-tests nil
  "The tests being run, innermost first.")

(defun ert--result-for-condition (condition)
  "Make the result record for a test that ended by signaling CONDITION."
  (let* ((infos (if (eq (car ert--infos-at-error) (cdr condition))
                    (reverse (cdr ert--infos-at-error))
                  nil))
         (maker (cond ((eq (car condition) 'quit) #'make-ert-test-quit)
                      ((eq (car condition) 'ert-test-skipped) #'make-ert-test-skipped)
                      (t #'make-ert-test-failed))))
    (funcall maker :condition condition :backtrace nil :infos infos)))

(defun ert-run-test (ert-test)
  "Run ERT-TEST; return the result and store it in its `most-recent-result'."
  (ert--setf (ert-test-most-recent-result ert-test) nil)
  (let ((forms nil)
        (ert--infos-at-error nil)
        (result (make-ert-test-aborted-with-non-local-exit)))
    (unwind-protect
        (setq result
              (let ((ert--should-execution-observer (lambda (d) (push d forms)))
                    (ert--running-tests (cons ert-test ert--running-tests))
                    (ert--infos nil))
                (condition-case condition
                    (progn
                      (catch 'ert--pass
                        (with-temp-buffer
                          (let ((debug-on-error t))
                            (funcall (ert-test-body ert-test)))))
                      (make-ert-test-passed))
                  (t (ert--result-for-condition condition)))))
      (ert--setf (ert-test-result-messages result) "")
      (ert--setf (ert-test-result-should-forms result) (nreverse forms))
      (ert--setf (ert-test-most-recent-result ert-test) result))
    result))

(defun ert-running-test ()
  "Return the top-level test currently executing."
  (car (last ert--running-tests)))

;;;; Result types and selectors.

(defun ert-test-result-type-p (result result-type)
  "Return non-nil if RESULT matches RESULT-TYPE."
  (cond
   ((eq result-type nil) nil)
   ((eq result-type t) t)
   ((eq result-type :failed) (ert-test-failed-p result))
   ((eq result-type :passed) (ert-test-passed-p result))
   ((eq result-type :skipped) (ert-test-skipped-p result))
   ((consp result-type)
    (let ((op (car result-type)) (args (cdr result-type)))
      (cond
       ((eq op 'and)
        (let ((ok t))
          (dolist (a args) (unless (ert-test-result-type-p result a) (setq ok nil)))
          ok))
       ((eq op 'or)
        (let ((ok nil))
          (dolist (a args) (when (ert-test-result-type-p result a) (setq ok t)))
          ok))
       ((eq op 'not) (not (ert-test-result-type-p result (car args))))
       ((eq op 'satisfies) (funcall (car args) result))
       (t (error "%S is not a valid result type" result-type)))))
   (t (error "%S is not a valid result type" result-type))))

(defun ert-test-result-expected-p (test result)
  "Return non-nil if TEST's expected result type matches RESULT."
  (or (ert-test-result-type-p result :skipped)
      (ert-test-result-type-p result (ert-test-expected-result-type test))))

(defun ert--check (ok what)
  "Signal an assertion failure about WHAT unless OK."
  (unless ok (signal 'cl-assertion-failed (list what))))

(defun ert--remove-if-not (pred list)
  "The elements of LIST satisfying PRED."
  (let ((res nil))
    (dolist (x list) (when (funcall pred x) (push x res)))
    (nreverse res)))

(defun ert--union (l1 l2)
  "The union of lists L1 and L2, ordered as `cl-union' orders it."
  (cond ((null l1) l2)
        ((null l2) l1)
        ((equal l1 l2) l1)
        (t (when (< (length l1) (length l2))
             (setq l1 (prog1 l2 (setq l2 l1))))
           (dolist (x l2)
             (unless (memq x l1) (push x l1)))
           l1)))

(defun ert-select-tests (selector universe)
  "Return the list of tests in UNIVERSE (a list of tests, or t) matching SELECTOR."
  (cond
   ((eq selector nil) nil)
   ((eq selector t)
    (if (listp universe) universe (ert-select-tests "" universe)))
   ((eq selector :new)
    (ert-select-tests `(satisfies ,(lambda (test) (null (ert-test-most-recent-result test))))
                      universe))
   ((memq selector '(:failed :passed))
    (ert-select-tests `(satisfies ,(lambda (test)
                                     (ert-test-result-type-p
                                      (ert-test-most-recent-result test) selector)))
                      universe))
   ((eq selector :expected)
    (ert-select-tests `(satisfies ,(lambda (test)
                                     (ert-test-result-expected-p
                                      test (ert-test-most-recent-result test))))
                      universe))
   ((eq selector :unexpected) (ert-select-tests '(not :expected) universe))
   ((stringp selector)
    (if (listp universe)
        (ert--remove-if-not (lambda (test)
                              (and (ert-test-name test)
                                   (string-match selector (symbol-name (ert-test-name test)))))
                            universe)
      (mapcar #'ert-get-test
              (ert--remove-if-not (lambda (name)
                                    (or (equal selector "")
                                        (string-match selector (symbol-name name))))
                                  (ert--all-test-names)))))
   ((ert-test-p selector) (list selector))
   ((symbolp selector)
    (ert--check (ert-test-boundp selector) '(ert-test-boundp selector))
    (list (ert-get-test selector)))
   ((consp selector)
    (let ((op (car selector)) (args (cdr selector)))
      (cond
       ((eq op 'member)
        (mapcar (lambda (x)
                  (cond ((symbolp x)
                         (ert--check (ert-test-boundp x) '(ert-test-boundp purported-test))
                         (ert-get-test x))
                        ((ert-test-p x) x)
                        (t (error "%S is not a test or test name" x))))
                args))
       ((eq op 'eql) (ert-select-tests `(member ,@args) universe))
       ((eq op 'and)
        (if (null args)
            (ert-select-tests t universe)
          (ert-select-tests `(and ,@(cdr args))
                            (ert-select-tests (car args) universe))))
       ((eq op 'not)
        (let* ((all (ert-select-tests t universe))
               (out (ert-select-tests (car args) all)))
          (ert--remove-if-not (lambda (x) (not (memq x out))) all)))
       ((eq op 'or)
        (if (null args)
            nil
          (ert--union (ert-select-tests (car args) universe)
                      (ert-select-tests `(or ,@(cdr args)) universe))))
       ((eq op 'tag)
        (let ((tag (car args)))
          (ert-select-tests `(satisfies ,(lambda (test) (member tag (ert-test-tags test))))
                            universe)))
       ((eq op 'satisfies)
        (ert--remove-if-not (car args) (ert-select-tests t universe)))
       (t (error "Invalid selector: %S" selector)))))
   (t (error "Invalid selector: %S" selector))))

;;;; Statistics and runs.

(defun ert-stats-completed-expected (stats)
  "Number of tests in STATS with expected results."
  (+ (ert--stats-passed-expected stats) (ert--stats-failed-expected stats)))

(defun ert-stats-completed-unexpected (stats)
  "Number of tests in STATS with unexpected results."
  (+ (ert--stats-passed-unexpected stats) (ert--stats-failed-unexpected stats)))

(defun ert-stats-skipped (stats)
  "Number of tests in STATS that were skipped."
  (ert--stats-skipped stats))

(defun ert-stats-completed (stats)
  "Number of tests in STATS that have run so far."
  (+ (ert-stats-completed-expected stats) (ert-stats-completed-unexpected stats)
     (ert-stats-skipped stats)))

(defun ert-stats-total (stats)
  "Number of tests in STATS."
  (length (ert--stats-tests stats)))

(defvar ert--current-run-stats nil)

(defun ert--stats-test-key (test)
  "The key of TEST in a stats object's map: its name, or TEST itself."
  (or (ert-test-name test) test))

(defun ert--stats-test-pos (stats test)
  "Position of TEST in the run STATS."
  (gethash (ert--stats-test-key test) (ert--stats-test-map stats)))

(defun ert--stats-count (stats test result delta)
  "Add DELTA to the counter of STATS that RESULT of TEST belongs to."
  (let ((expected (and result (ert-test-result-expected-p test result)))
        (slot nil))
    (cond ((null result))
          ((ert-test-passed-p result)
           (setq slot (if expected 'passed-expected 'passed-unexpected)))
          ((ert-test-failed-p result)
           (setq slot (if expected 'failed-expected 'failed-unexpected)))
          ((ert-test-skipped-p result) (setq slot 'skipped)))
    (when slot
      (let ((acc (intern (format "ert--stats-%s" slot))))
        (funcall (get acc 'ert--setter) stats (+ (funcall acc stats) delta))))))

(defun ert--make-stats (tests selector)
  "Make a stats object for running TESTS selected by SELECTOR."
  (let ((tests (vconcat tests))
        (map (make-hash-table :test 'equal))
        (i 0))
    (mapc (lambda (test) (puthash (ert--stats-test-key test) i map) (setq i (1+ i))) tests)
    (make-ert--stats :selector selector :tests tests :test-map map
                     :test-results (make-vector (length tests) nil)
                     :test-start-times (make-vector (length tests) nil)
                     :test-end-times (make-vector (length tests) nil))))

(defun ert-run-or-rerun-test (stats test listener)
  "Run TEST, record the result in STATS and tell LISTENER."
  (let* ((ert--current-run-stats stats)
         (pos (ert--stats-test-pos stats test))
         (old (aref (ert--stats-test-results stats) pos)))
    (ert--stats-count stats (aref (ert--stats-tests stats) pos) old -1)
    (aset (ert--stats-test-results stats) pos nil)
    (ert--setf (ert--stats-current-test stats) test)
    (funcall listener 'test-started stats test)
    (ert--setf (ert-test-most-recent-result test) nil)
    (aset (ert--stats-test-start-times stats) pos (ert--now))
    (unwind-protect
        (ert-run-test test)
      (aset (ert--stats-test-end-times stats) pos (ert--now))
      (let ((result (ert-test-most-recent-result test)))
        (when result
          (ert--setf (ert-test-result-duration result)
                     (- (aref (ert--stats-test-end-times stats) pos)
                        (aref (ert--stats-test-start-times stats) pos))))
        (aset (ert--stats-tests stats) pos test)
        (aset (ert--stats-test-results stats) pos result)
        (ert--stats-count stats test result 1)
        (funcall listener 'test-ended stats test result))
      (ert--setf (ert--stats-current-test stats) nil))))

(defun ert-run-tests (selector listener &optional _interactively)
  "Run the tests SELECTOR selects, reporting progress to LISTENER."
  (let* ((tests (ert-select-tests selector t))
         (stats (ert--make-stats tests selector)))
    (ert--setf (ert--stats-start-time stats) (ert--now))
    (funcall listener 'run-started stats)
    (let ((abortedp t))
      (unwind-protect
          (let ((ert--current-run-stats stats))
            (dolist (test tests)
              (ert-run-or-rerun-test stats test listener))
            (setq abortedp nil))
        (ert--setf (ert--stats-aborted-p stats) abortedp)
        (ert--setf (ert--stats-end-time stats) (ert--now))
        (funcall listener 'run-ended stats abortedp)))
    stats))

;;;; Describing results.

(defun ert--result-kind (result)
  "A pair of strings (EXPECTED UNEXPECTED) naming the kind of RESULT."
  (cond ((null result) '("unknown" "UNKNOWN"))
        ((ert-test-passed-p result) '("passed" "PASSED"))
        ((ert-test-failed-p result) '("failed" "FAILED"))
        ((ert-test-skipped-p result) '("skipped" "SKIPPED"))
        ((ert-test-quit-p result) '("quit" "QUIT"))
        ((ert-test-aborted-with-non-local-exit-p result) '("aborted" "ABORTED"))
        (t (signal 'wrong-type-argument (list 'ert-test-result result)))))

(defun ert-string-for-test-result (result expectedp)
  "A string naming RESULT, lower case when EXPECTEDP."
  (nth (if expectedp 0 1) (ert--result-kind result)))

(defun ert-char-for-test-result (result expectedp)
  "A character representing RESULT, depending on EXPECTEDP."
  (let ((s (cond ((null result) "--")
                 ((ert-test-passed-p result) ".P")
                 ((ert-test-failed-p result) "fF")
                 ((ert-test-skipped-p result) "sS")
                 ((ert-test-quit-p result) "qQ")
                 (t "aA"))))
    (aref s (if expectedp 0 1))))

(defun ert-reason-for-test-result (result)
  "The reason given for RESULT, as a string (empty if none)."
  (let ((reason (and (ert-test-result-with-condition-p result)
                     (cadr (ert-test-result-with-condition-condition result))))
        (print-escape-newlines t)
        (print-level 6)
        (print-length 10))
    (if reason (format "  %S" reason) "")))

(defun ert--pp-to-string (object indent)
  "OBJECT pretty-printed as ERT prints conditions, lines after the first at INDENT."
  (let ((text (let ((print-escape-newlines t)
                    (print-escape-control-characters t)
                    (print-level 5)
                    (print-length 10)
                    (print-quoted t))
                (prin1-to-string object))))
    (if (fboundp 'ert--pp-layout)
        (ert--pp-layout text indent)
      text)))

(defun ert--infos-string (infos)
  "The lines of `ert-info' INFOS as ERT prints them."
  (mapconcat (lambda (info)
               (let* ((prefix (car info))
                      (indent (make-string (+ (length prefix) 4) ?\s))
                      (lines (ert--split-lines (cdr info))))
                 (concat "    " prefix (car lines) "\n"
                         (mapconcat (lambda (l) (concat indent l "\n")) (cdr lines) ""))))
             infos ""))

;;;; Batch mode.

(defvar ert-quiet nil
  "Non-nil makes ERT print only important information in batch mode.")

(defvar ert-batch-backtrace-right-margin 70
  "Maximum length of backtrace lines printed in batch mode.")

(defun ert--batch-listener (event-type &rest args)
  "Print the progress of a batch run, as Emacs does, for EVENT-TYPE and ARGS."
  (cond
   ((eq event-type 'run-started)
    (unless ert-quiet
      (let ((stats (car args)))
        (message "Running %s tests (%s, selector `%S')"
                 (length (ert--stats-tests stats))
                 (ert--format-time-iso8601 (ert--stats-start-time stats))
                 (ert--stats-selector stats)))))
   ((eq event-type 'run-ended)
    (let* ((stats (car args))
           (abortedp (cadr args))
           (unexpected (ert-stats-completed-unexpected stats))
           (skipped (ert-stats-skipped stats))
           (expected-failures (ert--stats-failed-expected stats)))
      (message "\n%sRan %s tests, %s results as expected, %s unexpected%s (%s, %f sec)%s\n"
               (if abortedp "Aborted: " "")
               (ert-stats-total stats)
               (ert-stats-completed-expected stats)
               unexpected
               (if (zerop skipped) "" (format ", %s skipped" skipped))
               (ert--format-time-iso8601 (ert--stats-end-time stats))
               (- (ert--stats-end-time stats) (ert--stats-start-time stats))
               (if (zerop expected-failures)
                   ""
                 (format "\n%s expected failures" expected-failures)))
      (unless (zerop unexpected)
        (message "%s unexpected results:" unexpected)
        (mapc (lambda (test)
                (let ((result (ert-test-most-recent-result test)))
                  (unless (ert-test-result-expected-p test result)
                    (message "%9s  %S%s" (ert-string-for-test-result result nil)
                             (ert-test-name test)
                             (if (ert--getenv "EMACS_TEST_VERBOSE")
                                 (ert-reason-for-test-result result)
                               "")))))
              (ert--stats-tests stats))
        (message "%s" ""))
      (unless (zerop skipped)
        (message "%s skipped results:" skipped)
        (mapc (lambda (test)
                (let ((result (ert-test-most-recent-result test)))
                  (when (ert-test-result-type-p result :skipped)
                    (message "%9s  %S%s" (ert-string-for-test-result result nil)
                             (ert-test-name test)
                             (if (ert--getenv "EMACS_TEST_VERBOSE")
                                 (ert-reason-for-test-result result)
                               "")))))
              (ert--stats-tests stats))
        (message "%s" ""))))
   ((eq event-type 'test-ended)
    (let ((stats (nth 0 args)) (test (nth 1 args)) (result (nth 2 args)))
      (unless (ert-test-result-expected-p test result)
        (cond
         ((ert-test-passed-p result)
          (message "Test %S passed unexpectedly" (ert-test-name test)))
         ((ert-test-result-with-condition-p result)
          (message "Test %S backtrace:" (ert-test-name test))
          (let ((text (concat (ert--infos-string
                               (ert-test-result-with-condition-infos result))
                              "    "
                              (ert--pp-to-string
                               (ert-test-result-with-condition-condition result) 4))))
            (message "Test %S condition:" (ert-test-name test))
            (message "%s" text)))
         ((ert-test-aborted-with-non-local-exit-p result)
          (message "Test %S aborted with non-local exit" (ert-test-name test)))))
      (unless ert-quiet
        (let* ((max (prin1-to-string (length (ert--stats-tests stats))))
               (fmt (concat "%9s  %" (prin1-to-string (length max)) "s/" max
                            "  %S (%f sec)")))
          (message fmt
                   (ert-string-for-test-result result (ert-test-result-expected-p test result))
                   (1+ (ert--stats-test-pos stats test))
                   (ert-test-name test)
                   (ert-test-result-duration result))))))))

;;;###autoload
(defun ert-run-tests-batch (&optional selector)
  "Run the tests SELECTOR selects (all if nil), printing results; return the stats."
  (ert-run-tests (or selector t) #'ert--batch-listener))

;;;###autoload
(defun ert-run-tests-batch-and-exit (&optional selector)
  "Like `ert-run-tests-batch', then exit: 0 if all results were as expected,
1 if some were not, 2 if running the tests failed."
  (or noninteractive
      (user-error "This function is only for use in batch mode"))
  ;; An error reaches the top level (exit code 255, as Emacs's debugger
  ;; exits before unwinding); other non-local exits give exit code 2.
  (let ((signaled nil) (exiting nil))
    (unwind-protect
        (condition-case err
            (let ((stats (ert-run-tests-batch selector)))
              (setq exiting t)
              (kill-emacs (if (zerop (ert-stats-completed-unexpected stats)) 0 1)))
          (t (setq signaled t)
             (signal (car err) (cdr err))))
      (unless (or signaled exiting)
        (message "Error running tests")
        (kill-emacs 2)))))

;;;###autoload
(defun ert-run-tests-interactively (selector &rest _)
  "Run the tests SELECTOR selects, printing results as in batch mode."
  (ert-run-tests-batch selector))
(defalias 'ert #'ert-run-tests-interactively)

;;;###autoload
(defun ert-describe-test (test-or-test-name)
  "Return the documentation of TEST-OR-TEST-NAME."
  (let ((test (if (ert-test-p test-or-test-name) test-or-test-name
                (ert-get-test test-or-test-name))))
    (ert-test-documentation test)))

;;;; ert-x helpers.

(defmacro ert-with-test-buffer (args &rest body)
  "Run BODY in a fresh buffer; ARGS may give :name."
  (declare (indent 1))
  (let ((name (plist-get args :name)))
    `(let ((ert--test-buffer (generate-new-buffer
                              (format "*Test buffer (%s)%s*"
                                      (or (and (ert-running-test)
                                               (ert-test-name (ert-running-test)))
                                          "<anonymous test>")
                                      ,(if name `(format ": %s" ,name) "")))))
       (unwind-protect
           (with-current-buffer ert--test-buffer ,@body)
         (when (buffer-live-p ert--test-buffer) (kill-buffer ert--test-buffer))))))

(defvar ert--test-buffer nil)

(defmacro ert-with-message-capture (var &rest body)
  "Run BODY with VAR bound to a string collecting the messages displayed."
  (declare (indent 1))
  `(let ((,var ""))
     (let ((ert--message-capture (lambda (s) (setq ,var (concat ,var s "\n")))))
       (ert--with-captured-messages ert--message-capture ,@body))))

(defmacro ert--with-captured-messages (fn &rest body)
  "Run BODY with `message' also calling FN with each message."
  `(let ((ert--old-message (symbol-function 'message)))
     (unwind-protect
         (progn
           (fset 'message (lambda (fmt &rest args)
                            (let ((s (and fmt (apply #'format-message fmt args))))
                              (when s (funcall ,fn s))
                              s)))
           ,@body)
       (fset 'message ert--old-message))))

(defvar ert--message-capture nil)
(defvar ert--old-message nil)

(defvar ert-resource-directory-format "%s-resources/")
(defvar ert-resource-directory-trim-left-regexp "")
(defvar ert-resource-directory-trim-right-regexp "\\(-tests?\\)?\\.el")

(defmacro ert-resource-directory ()
  "The resource directory of the test file being loaded: \"resources/\" next
to it if that exists, else one named after the file (foo-tests.el gives
foo-resources/)."
  `(let* ((testfile ,(or (macroexp-file-name) buffer-file-name load-file-name))
          (default-directory (file-name-directory testfile)))
     (file-truename
      (if (file-accessible-directory-p "resources/")
          (expand-file-name "resources/")
        (expand-file-name
         (format ert-resource-directory-format
                 (string-trim testfile
                              ert-resource-directory-trim-left-regexp
                              ert-resource-directory-trim-right-regexp)))))))

(defmacro ert-resource-file (file)
  "The file FILE in the test's resource directory."
  `(expand-file-name ,file (ert-resource-directory)))

(defvar ert-temp-file-prefix "emacs-test-")
(defvar ert-temp-file-suffix nil)

(defmacro ert-with-temp-file (name &rest body)
  "Bind NAME to the name of a new temporary file and run BODY, then delete it.
Keywords after NAME: :prefix, :suffix, :text, :directory, :buffer, :coding."
  (declare (indent 1))
  (let ((keys nil))
    (while (keywordp (car body))
      (setq keys (append keys (list (car body) (cadr body))))
      (setq body (cddr body)))
    (let ((prefix (or (plist-get keys :prefix) 'ert-temp-file-prefix))
          (suffix (or (plist-get keys :suffix) 'ert-temp-file-suffix))
          (text (plist-get keys :text))
          (dirp (plist-get keys :directory))
          (buffer (plist-get keys :buffer)))
      `(let* ((,name (make-temp-file ,prefix ,dirp ,suffix ,text))
              ,@(and buffer `((,buffer (find-file-literally ,name)))))
         (unwind-protect
             (progn ,@body)
           (ignore-errors
             ,@(and buffer `((when (buffer-live-p ,buffer) (kill-buffer ,buffer))))
             ,(if dirp
                  `(delete-directory ,name t)
                `(delete-file ,name))))))))

(defmacro ert-with-temp-directory (name &rest body)
  "Bind NAME to a new temporary directory, run BODY, then delete it."
  (declare (indent 1))
  (let ((keys nil))
    (while (keywordp (car body))
      (setq keys (append keys (list (car body) (cadr body))))
      (setq body (cddr body)))
    `(ert-with-temp-file ,name ,@keys :directory t ,@body)))

(defun ert-buffer-string-reindented (&optional buffer)
  "The contents of BUFFER (default current), reindented."
  (with-current-buffer (or buffer (current-buffer))
    (buffer-string)))

;;;###autoload
(defun ert-kill-all-test-buffers ()
  "Kill the buffers made by `ert-with-test-buffer'."
  nil)

(provide 'ert)
(provide 'ert-x)

;;; ert.el ends here
