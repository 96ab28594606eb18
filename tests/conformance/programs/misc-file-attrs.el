;;; misc-file-attrs.el --- file-attributes on files made here  -*- lexical-binding: t -*-
(let* ((dir (make-temp-file "elisp-attrs" t))
       (file (expand-file-name "data.txt" dir))
       (sub (expand-file-name "sub" dir)))
  (unwind-protect
      (progn
        (with-temp-file file (insert "hello world\n"))
        (make-directory sub)
        (set-file-modes file #o640)
        (let ((a (file-attributes file))
              (d (file-attributes sub)))
          (princ (format "type %S size %S modes %S links %S\n"
                         (file-attribute-type a) (file-attribute-size a)
                         (file-attribute-modes a) (file-attribute-link-number a)))
          (princ (format "dir type %S modes-dir %S\n" (file-attribute-type d)
                         (string-prefix-p "d" (file-attribute-modes d))))
          (princ (format "uid int %S gid int %S\n" (integerp (file-attribute-user-id a))
                         (integerp (file-attribute-group-id a))))
          (princ (format "mtime list %S len %S\n" (consp (file-attribute-modification-time a))
                         (length (file-attribute-modification-time a))))
          (princ (format "mtime recent %S\n"
                         (< (float-time (time-subtract nil (file-attribute-modification-time a))) 600)))
          (princ (format "string ids %S\n" (stringp (nth 2 (file-attributes file 'string)))))
          (princ (format "inode %S\n" (integerp (file-attribute-inode-number a)))))
        (princ (format "missing %S\n" (file-attributes (expand-file-name "nope" dir))))
        (princ (format "remote %S\n" (file-remote-p file)))
        (princ (format "modes %o\n" (file-modes file))))
    (delete-directory dir t)))
(princ "done\n")
