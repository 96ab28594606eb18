;;; -*- lexical-binding: t -*-
(princ "before\n")
(car 'not-a-list)
(princ "after\n")
