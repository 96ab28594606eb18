;;; -*- lexical-binding: t -*-
;; A small tokenizer over a buffer: looking-at, skip-chars and match-end.
(defun tokenize (src)
  (with-temp-buffer
    (insert src)
    (goto-char (point-min))
    (let (tokens)
      (while (progn (skip-chars-forward " \t\n") (not (eobp)))
        (cond
         ((looking-at "[0-9]+\\(?:\\.[0-9]+\\)?")
          (push (cons 'num (string-to-number (match-string 0))) tokens))
         ((looking-at "[A-Za-z_][A-Za-z0-9_]*")
          (push (cons 'id (match-string 0)) tokens))
         ((looking-at "\"\\(\\(?:[^\"\\\\]\\|\\\\.\\)*\\)\"")
          (push (cons 'str (match-string 1)) tokens))
         ((looking-at "==\\|!=\\|<=\\|>=\\|&&\\|||\\|[-+*/=<>(){};,!]")
          (push (cons 'op (match-string 0)) tokens))
         (t (looking-at ".")
            (push (cons 'error (match-string 0)) tokens)))
        (goto-char (match-end 0)))
      (nreverse tokens))))
(dolist (src '("x = 42 + y_1 * (3.5 - z);"
               "if (a <= b && c != \"he said \\\"hi\\\"\") { return; }"
               "  weird @ chars # here  "))
  (prin1 (tokenize src))
  (terpri))
