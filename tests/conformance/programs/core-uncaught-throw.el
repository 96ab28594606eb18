;;; -*- lexical-binding: t -*-
(princ "x\n")
(throw 'nobody-catches 42)
