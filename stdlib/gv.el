;;; gv.el --- generalized variables  -*- lexical-binding: t -*-

;; A place is expanded by `gv-get', which calls DO with a getter form and a
;; setter function (VALUE-FORM -> form storing it).  Expanders live on the
;; `gv-expander' property of the place's head symbol.

;;;###autoload
(defun gv-get (place do)
  "Build the code that applies DO to PLACE."
  (cond
   ((symbolp place)
    (funcall do place (lambda (v) `(setq ,place ,v))))
   ((not (consp place)) (signal 'gv-invalid-place (list place)))
   (t
    (let* ((head (car place))
           (gf (and (symbolp head) (function-get head 'gv-expander 'autoload))))
      (if gf
          (apply gf do (cdr place))
        (let ((me (macroexpand-1 place macroexpand-all-environment)))
          (when (and (eq me place) (symbolp head) (functionp (get head 'compiler-macro)))
            ;; Inline functions (define-inline) expand through their inliner.
            (setq me (apply (get head 'compiler-macro) place (cdr place))))
          (when (and (eq me place) (symbolp head) (fboundp head)
                     (symbolp (symbol-function head)))
            (setq me (cons (symbol-function head) (cdr place))))
          (cond
           ((not (eq me place)) (gv-get me do))
           ((and (symbolp head) (get head 'setf-method))
            (error "Incompatible place needs recompilation: %S" head))
           ((not (symbolp head))
            (error "%S is not a valid place expression" place))
           (t
            (let ((setter (gv-setter head)))
              (gv--defsetter head (lambda (val &rest args) `(,setter ,val ,@args))
                             do (cdr place)))))))))))

(define-error 'gv-invalid-place "Invalid place expression")

(defun gv-setter (name)
  "Return the symbol where the (setf NAME) function should be placed."
  (intern (format "(setf %s)" name)))

;; `gv-letplace' is defined in subr.el.

;;;###autoload
(defmacro gv-define-expander (name handler)
  "Define NAME as a place whose expansion is computed by HANDLER."
  (declare (indent 1))
  `(function-put ',name 'gv-expander ,handler))

(defun gv--defsetter (name setter do args &optional vars)
  "Bind ARGS to temporaries, then call DO with a getter and SETTER-based setter."
  (if (null args)
      (let ((vars (reverse vars)))
        (funcall do `(,name ,@vars) (lambda (v) (apply setter v vars))))
    (macroexp-let2 nil v (car args)
      (gv--defsetter name setter do (cdr args) (cons v vars)))))

;;;###autoload
(defmacro gv-define-setter (name arglist &rest body)
  "Define a setter for place NAME; ARGLIST is (VAL ARGS...)."
  (declare (indent 2))
  `(gv-define-expander ,name
     (lambda (do &rest args)
       (gv--defsetter ',name (lambda ,arglist ,@body) do args))))

;;;###autoload
(defmacro gv-define-simple-setter (name setter &optional fix-return)
  "Define SETTER as the simple setter of place NAME.
If FIX-RETURN is non-nil, the setf form returns the assigned value."
  `(gv-define-setter ,name (val &rest args)
     ,(if fix-return
          `(macroexp-let2 nil v val
             (list 'progn (append (list ',setter) args (list v)) v))
        `(append (list ',setter) args (list val)))))

;;;###autoload
(defun gv--expander-declaration (name args handler &optional _fix)
  (if (symbolp handler)
      `(gv-define-expander ,name #',handler)
    ;; (gv-expander (lambda (DO) BODY)): BODY sees the function's ARGS too.
    `(gv-define-expander ,name (lambda (,(car (cadr handler)) ,@args)
                                 ,@(cddr handler)))))

;;;###autoload
(defun gv--setter-declaration (name args setter &optional fix)
  (cond
   ((symbolp setter) `(gv-define-simple-setter ,name ,setter ,fix))
   (t
    ;; (gv-setter (lambda (VAL) BODY)): BODY sees the function's ARGS too.
    (let ((val (car (cadr setter)))
          (body (cddr setter)))
      `(gv-define-setter ,name (,val ,@args) ,@body)))))

;; `declare' knows gv-expander and gv-setter before gv.el is loaded.
;;;###autoload
(or (assq 'gv-expander defun-declarations-alist)
    (let ((expander (list 'gv-expander #'gv--expander-declaration))
          (setter (list 'gv-setter #'gv--setter-declaration)))
      (setq defun-declarations-alist
            (cons expander (cons setter defun-declarations-alist)))
      (setq macro-declarations-alist
            (cons expander (cons setter macro-declarations-alist)))))

;;;###autoload
(defmacro setf (&rest pairs)
  "Set each PLACE to the value of its VAL."
  (if (= (% (length pairs) 2) 1)
      (signal 'wrong-number-of-arguments (list 'setf (length pairs))))
  (if (and pairs (null (cddr pairs)))
      (let ((place (car pairs)) (val (cadr pairs)))
        (if (symbolp place)
            `(setq ,place ,val)
          (gv-letplace (_getter setter) place (funcall setter val))))
    (let ((sets nil))
      (while pairs
        (push `(setf ,(car pairs) ,(cadr pairs)) sets)
        (setq pairs (cddr pairs)))
      (cons 'progn (nreverse sets)))))

(defmacro gv-synthetic-place (getter setter)
  "Special place described by its setter and getter."
  (declare (gv-expander funcall))
  (ignore setter)
  getter)

(defmacro gv-delay-error (place)
  "Signal an error at run time if PLACE cannot be set."
  place)

(defmacro gv-letplace* (vars place &rest body)
  (declare (indent 2))
  `(gv-letplace ,vars ,place ,@body))

;;;; Standard places.

(gv-define-simple-setter aref aset)
(gv-define-simple-setter car setcar)
(gv-define-simple-setter cdr setcdr)
(gv-define-setter caar (val x) `(setcar (car ,x) ,val))
(gv-define-setter cadr (val x) `(setcar (cdr ,x) ,val))
(gv-define-setter cdar (val x) `(setcdr (car ,x) ,val))
(gv-define-setter cddr (val x) `(setcdr (cdr ,x) ,val))
(gv-define-setter elt (store seq n)
  `(if (listp ,seq) (setcar (nthcdr ,n ,seq) ,store) (aset ,seq ,n ,store)))
(gv-define-simple-setter get put)
(gv-define-setter gethash (val k h &optional _d) `(puthash ,k ,val ,h))
(gv-define-setter nth (store n list) `(setcar (nthcdr ,n ,list) ,store))
(gv-define-simple-setter symbol-function fset)
(gv-define-simple-setter symbol-plist setplist)
(gv-define-simple-setter symbol-value set)
(gv-define-simple-setter default-value set-default)
(gv-define-simple-setter process-get process-put)
(gv-define-simple-setter window-parameter set-window-parameter)
(gv-define-setter buffer-local-value (val var buf)
  (macroexp-let2 nil v val
    `(with-current-buffer ,buf (set (make-local-variable ,var) ,v))))
(gv-define-setter match-data (val &rest _args) `(set-match-data ,val))
(gv-define-setter overlay-get (v ov prop) `(overlay-put ,ov ,prop ,v))
(gv-define-simple-setter point goto-char)
(gv-define-simple-setter marker-position set-marker t)
(gv-define-setter buffer-string (store)
  `(insert (prog1 ,store (erase-buffer))))
(gv-define-simple-setter buffer-name rename-buffer t)
(gv-define-simple-setter buffer-modified-p set-buffer-modified-p t)
(gv-define-simple-setter current-buffer set-buffer)
(gv-define-simple-setter terminal-parameter set-terminal-parameter)
(gv-define-simple-setter keymap-parent set-keymap-parent)
(gv-define-setter face-foreground (x f &optional s) `(set-face-foreground ,f ,x ,s))
(gv-define-setter face-background (x f &optional s) `(set-face-background ,f ,x ,s))

(gv-define-simple-setter getenv setenv t)
(gv-define-simple-setter process-buffer set-process-buffer)
(gv-define-simple-setter process-filter set-process-filter)
(gv-define-simple-setter process-sentinel set-process-sentinel)
(gv-define-setter mark (store) `(progn (set-mark ,store) ,store))
(gv-define-setter buffer-substring (store start end)
  (macroexp-let2 nil v store
    `(progn (save-excursion (delete-region ,start ,end) (goto-char ,start) (insert ,v))
            ,v)))
(gv-define-setter char-table-range (x ct range) `(set-char-table-range ,ct ,range ,x))
(gv-define-simple-setter window-buffer set-window-buffer t)
(gv-define-simple-setter window-point set-window-point)
(gv-define-simple-setter window-start set-window-start)
(gv-define-setter frame-parameter (new frame param) `(set-frame-parameter ,frame ,param ,new))

(gv-define-expander nthcdr
  (lambda (do n place)
    (macroexp-let2 nil idx n
      (gv-letplace (getter setter) place
        (funcall do `(nthcdr ,idx ,getter)
                 (lambda (v) `(if (<= ,idx 0) ,(funcall setter v)
                                (setcdr (nthcdr (1- ,idx) ,getter) ,v))))))))

(gv-define-expander substring
  (lambda (do place from &optional to)
    (gv-letplace (getter setter) place
      (macroexp-let2* nil ((start from) (end to))
        (funcall do `(substring ,getter ,start ,end)
                 (lambda (v)
                   (macroexp-let2 nil v v
                     `(progn
                        ,(funcall setter `(gv--set-substring ,getter ,start ,end ,v))
                        ,v))))))))

(defun gv--set-substring (str start end val)
  (let ((len (length str)))
    (if (< start 0) (setq start (+ start len)))
    (if (null end) (setq end len) (if (< end 0) (setq end (+ end len))))
    (concat (substring str 0 start) val (substring str end))))

(gv-define-expander alist-get
  (lambda (do key alist &optional default remove testfn)
    (macroexp-let2 macroexp-copyable-p k key
      (gv-letplace (getter setter) alist
        (macroexp-let2 nil p (if (member testfn '(nil 'eq #'eq))
                                 `(assq ,k ,getter)
                               `(assoc ,k ,getter ,testfn))
          (funcall do (if (null default) `(cdr ,p)
                        `(if ,p (cdr ,p) ,default))
                   (lambda (v)
                     (macroexp-let2 nil v v
                       (let ((set-exp
                              `(if ,p (setcdr ,p ,v)
                                 ,(funcall setter
                                           `(cons (setq ,p (cons ,k ,v))
                                                  ,getter)))))
                         (cond
                          ((null remove) set-exp)
                          ((or (eql v default)
                               (and (eq (car-safe v) 'quote)
                                    (eq (car-safe default) 'quote)
                                    (eql (cadr v) (cadr default))))
                           `(if ,p ,(funcall setter `(delq ,p ,getter))))
                          (t
                           `(cond
                             ((not (eql ,default ,v)) ,set-exp)
                             (,p ,(funcall setter
                                           `(delq ,p ,getter)))))))))))))))

(gv-define-expander plist-get
  (lambda (do plist prop)
    (macroexp-let2 macroexp-copyable-p key prop
      (gv-letplace (getter setter) plist
        (macroexp-let2 nil p `(cdr (plist-member ,getter ,key))
          (funcall do
                   `(car ,p)
                   (lambda (val)
                     `(if ,p
                          (setcar ,p ,val)
                        ,(funcall setter
                                  `(cons ,key (cons ,val ,getter)))))))))))

;; Control structures as places.
(gv-define-expander progn
  (lambda (do &rest exps)
    (let ((start (butlast exps)) (end (car (last exps))))
      (if start
          `(progn ,@start ,(gv-get end do))
        (gv-get end do)))))

(gv-define-expander let
  (lambda (do bindings &rest body)
    `(let ,bindings
       ,@(macroexp-unprogn
          (gv-get (macroexp-progn body) do)))))

(gv-define-expander let*
  (lambda (do bindings &rest body)
    `(let* ,bindings
       ,@(macroexp-unprogn
          (gv-get (macroexp-progn body) do)))))

(gv-define-expander if
  (lambda (do test then &rest else)
    (if (or (not lexical-binding)
            (macroexp-small-p (funcall do 'dummy (lambda (_) 'dummy))))
        `(if ,test ,(gv-get then do)
           ,@(macroexp-unprogn (gv-get (macroexp-progn else) do)))
      (let ((v (make-symbol "v")))
        (macroexp-let2 nil
            gv `(if ,test ,(gv-letplace (getter setter) then
                             `(cons (lambda () ,getter)
                                    (lambda (,v) ,(funcall setter v))))
                  ,(gv-letplace (getter setter) (macroexp-progn else)
                     `(cons (lambda () ,getter)
                            (lambda (,v) ,(funcall setter v)))))
          (funcall do `(funcall (car ,gv))
                   (lambda (v) `(funcall (cdr ,gv) ,v))))))))

(gv-define-expander cond
  (lambda (do &rest branches)
    `(cond
      ,@(mapcar (lambda (branch)
                  (if (cdr branch)
                      (cons (car branch)
                            (macroexp-unprogn
                             (gv-get (macroexp-progn (cdr branch)) do)))
                    (gv-get (car branch) do)))
                branches))))

;;;; References.

;;;###autoload
(defmacro gv-ref (place)
  "Return a reference to PLACE: a cons (GETTER . SETTER) of functions."
  (let ((v (make-symbol "v")))
    (gv-letplace (getter setter) place
      `(cons (lambda () ,getter)
             (lambda (,v) ,(funcall setter v))))))

(defsubst gv-deref (ref)
  "Dereference REF, returning the referenced value."
  (funcall (car ref)))
(gv-define-setter gv-deref (v ref) `(funcall (cdr ,ref) ,v))

(provide 'gv)
