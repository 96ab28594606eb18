;;; pkg-demo.el --- a tiny package for the -L/-l test-suite check  -*- lexical-binding: t -*-
(defun pkg-demo-double (x) "Return X doubled." (* 2 x))
(provide 'pkg-demo)
;;; pkg-demo.el ends here
