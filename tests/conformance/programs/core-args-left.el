;;; -*- lexical-binding: t -*-
(print noninteractive)
(print (stringp (car command-line-args)))
(print command-line-args-left)
(print (featurep 'emacs))
