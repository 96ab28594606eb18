;;; -*- lexical-binding: t -*-
(print "tab\there")
(print "bell\a esc\e del\d")
(print "\x41\x42\ C")
(print "\101\102")
(print "\u00e9t\u00e9")
(print "\N{GREEK SMALL LETTER LAMBDA}")
(print "line one\
 continued")
(print (list ?\C-a ?\M-a ?\^? ?\s ?\d ?\e))
(print (string ?a ?b))
(print (multibyte-string-p "\xff"))
(prin1 "\xff")
(terpri)
