;;; -*- lexical-binding: t -*-
(print (condition-case e core-undefined-variable (error e)))
(print (condition-case e (core-undefined-function 1) (error e)))
(print (condition-case e (funcall 'core-undefined-function) (error e)))
(print (boundp 'core-undefined-variable))
(print (fboundp 'core-undefined-function))
(core-undefined-function)
