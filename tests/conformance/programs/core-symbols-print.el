;;; -*- lexical-binding: t -*-
(print '(foo\ bar \1 \-2 a\.b \? a?b \#x a\;b \(\) nil t))
(print (list (intern "") (intern "has space") (intern "1.5") (intern "-") (intern "+1")))
(print (list 'foo 'FOO :keyword))
(princ (list (intern "a b") "str" ?x))
(terpri)
