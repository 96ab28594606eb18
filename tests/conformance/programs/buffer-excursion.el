;;; -*- lexical-binding: t -*-
;; save-excursion, several buffers, with-current-buffer and kill-buffer.
(let ((a (get-buffer-create "buf-a"))
      (b (get-buffer-create "buf-b")))
  (with-current-buffer a (insert "aaaa\nAAAA\n") (goto-char 3))
  (with-current-buffer b (insert "bbbb"))
  (with-current-buffer a
    (save-excursion
      (set-buffer b)
      (goto-char (point-min))
      (insert "B:")
      (princ (format "in b: %S %d\n" (buffer-string) (point))))
    (princ (format "back in %s at %d\n" (buffer-name) (point)))
    (save-excursion
      (goto-char (point-max))
      (insert "tail\n"))
    (princ (format "still at %d, text %S\n" (point) (buffer-string)))
    (save-excursion
      (goto-char 1)
      (insert "01234"))
    (princ (format "point moved with text: %d\n" (point))))
  (princ (format "current: %s\n" (buffer-name)))
  (set-buffer a)
  (let ((m (copy-marker 4)))
    (kill-buffer b)
    (princ (format "b live=%s name=%S\n" (buffer-live-p b) (buffer-name b)))
    (princ (format "m=%d in %s\n" (marker-position m) (buffer-name (marker-buffer m))))
    (kill-buffer a)
    (princ (format "m after kill: %S %S\n" (marker-position m) (marker-buffer m)))
    (princ (format "now in %s\n" (buffer-name)))))
