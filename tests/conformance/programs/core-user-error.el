;;; -*- lexical-binding: t -*-
(princ "a\n")
(user-error "Something %s" "bad")
