;;; -*- lexical-binding: t -*-
(princ "ok\n")
(print 'a))
(princ "after\n")
