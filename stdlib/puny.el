;;; puny.el --- Punycode (RFC 3492) for internationalized domain names  -*- lexical-binding: t -*-

;; Written from RFC 3492.  A label with non-ASCII characters is encoded as
;; "xn--" followed by its ASCII characters, a "-" if there are any, and the
;; positions and values of the others as base-36 variable-length integers.

(require 'seq)

(defconst puny--base 36)
(defconst puny--initial-n 128)
(defconst puny--initial-bias 72)

(defun puny--threshold (k bias)
  "The digit threshold at position K with BIAS (RFC 3492's t)."
  (cond ((<= k bias) 1)
        ((>= k (+ bias 26)) 26)
        (t (- k bias))))

(defun puny--adapt (delta count first)
  "The new bias after a code point: DELTA, COUNT code points so far, FIRST time?"
  (setq delta (if first (/ delta 700) (/ delta 2)))
  (setq delta (+ delta (/ delta count)))
  (let ((k 0))
    (while (> delta 455)
      (setq delta (/ delta 35)
            k (+ k puny--base)))
    (+ k (/ (* 36 delta) (+ delta 38)))))

(defun puny--encode-digit (d)
  (if (< d 26) (+ ?a d) (+ ?0 (- d 26))))

(defun puny--decode-digit (c)
  ;; No validity check, as in Emacs: other characters give odd digits.
  (cond ((<= c ?9) (- c 22))
        ((<= c ?Z) (- c ?A))
        ((<= c ?z) (- c ?a))
        (t puny--base)))

(defun puny-encode-domain (domain)
  "Encode each label of DOMAIN that has non-ASCII characters as Punycode."
  (mapconcat #'puny-encode-string (split-string domain "[.]") "."))

(defun puny-encode-string (string)
  "Encode STRING as Punycode with the \"xn--\" prefix, if it is not all ASCII."
  (let ((len (length string))
        (basic nil))
    (dotimes (i len)
      (when (< (aref string i) 128)
        (push (aref string i) basic)))
    (if (= (length basic) len)
        string
      (let ((done (length basic)))
        (concat "xn--" (apply #'string (nreverse basic)) (if (> done 0) "-" "")
                (puny--encode-rest string done))))))

(defun puny--encode-rest (string done)
  "The Punycode digits for the non-ASCII characters of STRING, DONE of whose
characters are ASCII."
  (let ((n puny--initial-n) (delta 0) (bias puny--initial-bias) (h done)
        (len (length string)) (out nil))
    (while (< h len)
      (let ((m nil))
        (dotimes (i len)
          (let ((c (aref string i)))
            (when (and (>= c n) (or (null m) (< c m)))
              (setq m c))))
        (setq delta (+ delta (* (- m n) (1+ h)))
              n m)
        (dotimes (i len)
          (let ((c (aref string i)))
            (when (< c n)
              (setq delta (1+ delta)))
            (when (= c n)
              (let ((q delta) (k puny--base) (finished nil))
                (while (not finished)
                  (let ((th (puny--threshold k bias)))
                    (if (< q th)
                        (setq finished t)
                      (push (puny--encode-digit (+ th (% (- q th) (- puny--base th)))) out)
                      (setq q (/ (- q th) (- puny--base th))
                            k (+ k puny--base)))))
                (push (puny--encode-digit q) out)
                (setq bias (puny--adapt delta (1+ h) (= h done))
                      delta 0
                      h (1+ h))))))
        (setq delta (1+ delta)
              n (1+ n))))
    (apply #'string (nreverse out))))

(defun puny-decode-domain (domain)
  "Decode each Punycode label (\"xn--\" prefixed) of DOMAIN."
  (mapconcat #'puny-decode-string (split-string domain "[.]") "."))

(defun puny-decode-string (string)
  "Decode STRING from Punycode if it starts with \"xn--\".
Any other string, or one that does not decode, is returned as it is."
  (if (string-match "\\`xn--" string)
      (condition-case nil
          (puny--decode (substring string 4))
        (error string))
    string))

(defun puny--decode (input)
  "The characters Punycode INPUT (without its prefix) stands for, as a string."
  (let ((last-dash nil) (len (length input)))
    (dotimes (i len)
      (when (eq (aref input i) ?-)
        (setq last-dash i)))
    (let ((out (if last-dash (string-to-list (substring input 0 last-dash)) nil))
          (pos (if last-dash (1+ last-dash) 0))
          (n puny--initial-n) (i 0) (bias puny--initial-bias))
      (while (< pos len)
        (let ((old-i i) (w 1) (k puny--base) (finished nil))
          (while (not finished)
            (let ((digit (puny--decode-digit (aref input pos)))
                  (th (puny--threshold k bias)))
              (setq pos (1+ pos)
                    i (+ i (* digit w)))
              (if (< digit th)
                  (setq finished t)
                (setq w (* w (- puny--base th))
                      k (+ k puny--base)))))
          (let ((count (1+ (length out))))
            (setq bias (puny--adapt (- i old-i) count (= old-i 0))
                  n (+ n (/ i count))
                  i (% i count))
            (setq out (append (seq-take out i) (list n) (nthcdr i out))
                  i (1+ i)))))
      (apply #'string out))))

(provide 'puny)
