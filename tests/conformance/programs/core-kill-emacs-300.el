;;; -*- lexical-binding: t -*-
(kill-emacs 300)
