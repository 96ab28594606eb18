;;; -*- lexical-binding: t -*-
(message "this goes to stderr")
(princ "stdout line\n")
(print (message "returns %s" "string"))
(print (format-message "`quoted'"))
(print (message nil))
