;;; cl-print.el --- printing with structure slot names  -*- lexical-binding: t -*-

(defun cl--print-string (object)
  "OBJECT printed as `cl-prin1' does: structures show their slot names."
  (cond
   ((and (recordp object) (get (type-of object) 'cl--struct-slots)
         (null (get (type-of object) 'cl--struct-type)))
    (let ((i 0) (parts nil))
      (dolist (s (get (type-of object) 'cl--struct-slots))
        (setq i (1+ i))
        (when (car s)
          (push (format ":%s %s" (car s) (cl--print-string (aref object i))) parts)))
      (concat "#s(" (prin1-to-string (type-of object))
              (if parts " " "")
              (mapconcat #'identity (nreverse parts) " ") ")")))
   ((and (consp object) (memq (car object) '(quote function \` \, \,@))
         (consp (cdr object)) (null (cddr object)))
    (concat (cdr (assq (car object) '((quote . "'") (function . "#'") (\` . "`")
                                      (\, . ",") (\,@ . ",@"))))
            (cl--print-string (cadr object))))
   ((consp object)
    (let ((parts nil))
      (while (consp object)
        (push (cl--print-string (pop object)) parts))
      (concat "(" (mapconcat #'identity (nreverse parts) " ")
              (if object (concat " . " (cl--print-string object)) "")
              ")")))
   ((vectorp object)
    (concat "[" (mapconcat #'cl--print-string object " ") "]"))
   (t (prin1-to-string object))))

;;;###autoload
(defun cl-prin1 (object &optional stream)
  "Print OBJECT on STREAM as `prin1' does, but structures with slot names."
  (princ (cl--print-string object) stream)
  object)

;;;###autoload
(defun cl-prin1-to-string (object)
  "Return a string containing the `cl-prin1'-printed representation of OBJECT."
  (cl--print-string object))

(provide 'cl-print)
