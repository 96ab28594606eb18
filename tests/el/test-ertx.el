;;; test-ertx.el --- ert-x helpers (ert-with-temp-file/-directory are Emacs 29 additions)  -*- lexical-binding: t -*-
(require 'ert)
(require 'ert-x)

(ert-deftest ertx-test-buffer ()
  (let (buf)
    (ert-with-test-buffer (:name "demo")
      (setq buf (current-buffer))
      (insert "hello")
      (should (equal (buffer-string) "hello"))
      (should (equal (buffer-name) "*Test buffer (ertx-test-buffer): demo*")))
    (should-not (buffer-live-p buf))))

(ert-deftest ertx-temp-file ()
  (let (name)
    (ert-with-temp-file f :suffix ".txt" :text "abc"
      (setq name f)
      (should (file-exists-p f))
      (should (string-suffix-p ".txt" f))
      (should (equal (with-temp-buffer (insert-file-contents f) (buffer-string)) "abc")))
    (should-not (file-exists-p name))))

(ert-deftest ertx-temp-directory ()
  (let (name)
    (ert-with-temp-directory d
      (setq name d)
      (should (file-directory-p d)))
    (should-not (file-exists-p name))))

(ert-deftest ertx-resource ()
  (should (string-suffix-p "/test-ertx-resources/" (ert-resource-directory)))
  (should (string-suffix-p "/test-ertx-resources/foo.txt" (ert-resource-file "foo.txt"))))

(ert-deftest ertx-message-capture ()
  (ert-with-message-capture msgs
    (message "one %d" 1)
    (message "two")
    (should (equal msgs "one 1\ntwo\n"))))
