;;; -*- lexical-binding: t -*-
;; Punycode (puny.el): encoding and decoding labels and domains, odd input,
;; and what `require' brings in.
(defun show (x) (prin1 x) (terpri))
(show (list (featurep 'puny) (fboundp 'puny-encode-domain)))
(require 'puny)
(show (list (featurep 'puny) (featurep 'seq)))
(show (mapcar #'puny-encode-string
              '("bücher" "חנוך" "ab" "" "ü" "üü" "aüaü" "ÄÖÜäöüß" "例え" "日本語ドメイン" "Привет"
                "😀😃😄" "a-😀-b" "--ü--" "XN--ü" "München-Ost")))
(show (puny-encode-string (string ?B ?a #x308 ?. ?c ?o ?m)))
(show (mapcar #'puny-encode-domain '("åäö.se" "яндекс.рф" "a..ü" ".ü." "" "example.com")))
(show (mapcar #'puny-decode-string
              '("xn--bcher-kva" "xn--9dbdkw" "XN--bcher-kva" "xn--bcher-KVA" "bücher" "xn--"
                "xn---" "xn--a-" "xn--bcher-kva-" "xn--ls8h" "xn--zz" "xn--b" "xn--99999999999"
                "xn--!!!" "xn--:@[`{" "xn--a-b-c")))
(show (let ((case-fold-search nil)) (puny-decode-string "XN--bcher-kva")))
(show (mapcar #'puny-decode-domain '("xn--4cab6c.se" "xn--d1acpjx3f.xn--p1ai" "a..xn--tda" "xn--tda.")))
(dolist (s '("Bücher" "日本語" "αβγ" "ü.ü" "xn--ü"))
  (show (equal (puny-decode-string (puny-encode-string s)) s)))
(show (condition-case e (puny-encode-string 65) (error e)))
(show (condition-case e (puny-decode-string 65) (error e)))
(show (condition-case e (puny-encode-domain nil) (error e)))
