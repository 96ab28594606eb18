;;; -*- lexical-binding: t -*-
;; Building lists, sorting them, walking them.
(let ((total 0))
  (dotimes (round 20)
    (let ((l nil))
      (dotimes (i 5000)
        (push (% (* (+ i round) 7919) 10007) l))
      (setq l (sort l #'<))
      (setq total (+ total (car l) (nth 2500 l) (car (last l)) (length (nreverse l))))))
  (princ (format "%d\n" total)))
