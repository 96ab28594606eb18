;;; backquote.el --- the ` , and ,@ syntax  -*- lexical-binding: t -*-

;; `(a ,b ,@c) reads as (\` (a (\, b) (\,@ c))); the macro \` rewrites it into
;; calls to `list', `cons', `append' and `vconcat'.  Nested backquotes keep
;; their inner unquotes until the matching level.

(defun backquote--self-evaluating-p (x)
  (or (null x) (eq x t) (numberp x) (stringp x) (keywordp x)
      (and (not (symbolp x)) (not (consp x)) (not (vectorp x)))))

(defun backquote--quote (x)
  (if (backquote--self-evaluating-p x) x (list 'quote x)))

(defun backquote--constant-p (form)
  "Non-nil if FORM, produced by this expander, is a constant."
  (or (backquote--self-evaluating-p form)
      (and (consp form) (eq (car form) 'quote))))

(defun backquote--constant-value (form)
  (if (and (consp form) (eq (car form) 'quote)) (car (cdr form)) form))

(defun backquote--process (x level)
  "Return a form that builds X, a backquoted template at nesting LEVEL."
  (cond
   ((vectorp x)
    (let ((inner (backquote--process (append x nil) level)))
      (if (backquote--constant-p inner)
          (backquote--quote (vconcat (backquote--constant-value inner)))
        (list 'vconcat inner))))
   ((not (consp x)) (backquote--quote x))
   ((eq (car x) '\,)
    (if (= level 0)
        (car (cdr x))
      (backquote--list-form (list (backquote--quote '\,)
                                  (backquote--process (car (cdr x)) (1- level))))))
   ((eq (car x) '\`)
    (backquote--list-form (list (backquote--quote '\`)
                                (backquote--process (car (cdr x)) (1+ level)))))
   ((eq (car x) '\,@)
    (if (= level 0)
        (error ",@ after `")
      (backquote--list-form (list (backquote--quote '\,@)
                                  (backquote--process (car (cdr x)) (1- level))))))
   (t (backquote--process-list x level))))

(defun backquote--list-form (forms)
  "A form that makes the list of the values of FORMS."
  (if (let ((all t) (f forms))
        (while f
          (if (not (backquote--constant-p (car f))) (setq all nil))
          (setq f (cdr f)))
        all)
      (backquote--quote (mapcar #'backquote--constant-value forms))
    (cons 'list forms)))

(defun backquote--process-list (x level)
  (let ((segments nil)        ; reversed list of forms whose values are appended
        (run nil)             ; reversed forms of the current run of plain elements
        (tail nil)
        (has-tail nil))
    (while (consp x)
      (cond
       ;; (a . ,b) reads as (a \, b): an unquote in tail position.
       ((and (eq (car x) '\,) (consp (cdr x)) (null (cdr (cdr x))))
        (setq has-tail t
              tail (backquote--process x level)
              x nil))
       ((and (eq (car x) '\,@) (consp (cdr x)) (null (cdr (cdr x))) (= level 0))
        (error ",@ after `"))
       ((and (consp (car x)) (eq (car (car x)) '\,@) (= level 0))
        (if run (setq segments (cons (backquote--list-form (nreverse run)) segments)
                      run nil))
        (setq segments (cons (car (cdr (car x))) segments))
        (setq x (cdr x)))
       (t
        (setq run (cons (backquote--process (car x) level) run))
        (setq x (cdr x)))))
    (if (and x (not has-tail))
        (setq has-tail t tail (backquote--quote x)))
    (if run (setq segments (cons (backquote--list-form (nreverse run)) segments)))
    (setq segments (nreverse segments))
    (cond
     ((null segments) (if has-tail tail nil))
     (t
      (let ((parts (if has-tail (append segments (list tail)) segments)))
        (if (null (cdr parts))
            (car parts)
          (backquote--append-form parts)))))))

(defun backquote--append-form (parts)
  "A form appending PARTS; the last part is shared, the others copied."
  (let ((first (car parts)))
    (if (and (null (cdr (cdr parts)))
             (or (and (consp first) (eq (car first) 'list))
                 (and (consp first) (eq (car first) 'quote) (consp (car (cdr first))))))
        (let ((items (if (eq (car first) 'list)
                         (reverse (cdr first))
                       (reverse (mapcar #'backquote--quote (car (cdr first))))))
              (result (car (cdr parts))))
          (while items
            (setq result (list 'cons (car items) result))
            (setq items (cdr items)))
          result)
      (cons 'append parts))))

(defmacro \` (structure)
  "Argument STRUCTURE describes a template to build."
  (backquote--process structure 0))

(defalias 'backquote (symbol-function '\`))
