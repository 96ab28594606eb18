"""Coding systems (Emacs's coding.c): decoding bytes to text and encoding text to bytes.

Supported: the UTF-8 family, Latin-1, ASCII, UTF-16 variants, a few other
single-byte charsets Python knows, and binary/raw-text/no-conversion; each with
the -unix/-dos/-mac end-of-line variants.
"""

from ..defun import defun, defvar
from ..lisp import NIL, T, UnibyteStr, MultibyteStr, PropStr, Symbol, intern, list_, is_multibyte
from ..errors import wrong_type, signal, Q
from .character import internal_bytes, bytes_to_unibyte

Qcoding_system_error = Q('coding-system-error')
Qcharset = intern('charset')

defvar('coding-system-for-read', NIL)
defvar('coding-system-for-write', NIL)
defvar('last-coding-system-used', NIL)
defvar('locale-coding-system', intern('utf-8-unix'))

# base name -> (kind, python codec or None, charset property for decoded text)
_BASES = {}


def _add(names, kind, codec=None, charset=None):
    for n in names.split():
        _BASES[n] = (kind, codec, charset)


_add('utf-8 mule-utf-8 prefer-utf-8 undecided utf-8-auto utf-8-hfs', 'utf-8')
_add('utf-8-emacs emacs-internal utf-8-emacs-unix', 'internal')
_add('utf-8-with-signature', 'utf-8-sig')
_add('binary no-conversion', 'binary')
_add('raw-text', 'raw-text')
_add('us-ascii ascii iso-safe', 'ascii')
_add('latin-1 iso-latin-1 iso-8859-1', 'single', 'latin-1', 'iso-8859-1')
_add('latin-9 iso-latin-9 iso-8859-15 latin-0', 'single', 'iso8859-15', 'iso-8859-15')
_add('latin-2 iso-latin-2 iso-8859-2', 'single', 'iso8859-2', 'iso-8859-2')
_add('windows-1252 cp1252', 'single', 'cp1252', 'windows-1252')
_add('utf-16le', 'utf-16', 'utf-16-le')
_add('utf-16be', 'utf-16', 'utf-16-be')
_add('utf-16-le', 'utf-16-bom', 'utf-16-le')
_add('utf-16-be utf-16', 'utf-16-bom', 'utf-16-be')


def _lookup(coding):
    """(kind, codec, charset, eol) for CODING, or signal coding-system-error."""
    if coding.__class__ is not Symbol:
        wrong_type('symbolp', coding)
    name = coding.name
    eol = None
    for suffix in ('-unix', '-dos', '-mac'):
        if name.endswith(suffix) and name[:-len(suffix)] in _BASES:
            eol = suffix[1:]
            name = name[:-len(suffix)]
            break
    base = _BASES.get(name)
    if base is None:
        signal(Qcoding_system_error, list_(coding))
    return base + (eol,)


@defun('coding-system-p')
def coding_system_p(obj):
    """Return t if OBJECT is nil or a coding-system."""
    if obj is NIL:
        return T
    if obj.__class__ is not Symbol:
        return NIL
    try:
        _lookup(obj)
    except Exception:
        return NIL
    return T


@defun('check-coding-system')
def check_coding_system(coding_system):
    """Check validity of CODING-SYSTEM."""
    if coding_system is NIL:
        return NIL
    if coding_system.__class__ is not Symbol:
        wrong_type('symbolp', coding_system)
    _lookup(coding_system)
    return coding_system


def _detect_eol(text):
    crlf = text.count('\r\n')
    cr = text.count('\r') - crlf
    lf = text.count('\n') - crlf
    if crlf and not cr and not lf:
        return 'dos'
    if cr and not crlf and not lf:
        return 'mac'
    return 'unix'


def _decode_eol(text, eol):
    if eol is None:
        if '\r' not in text:
            return text
        eol = _detect_eol(text)
    if eol == 'dos':
        return text.replace('\r\n', '\n')
    if eol == 'mac':
        return text.replace('\r', '\n')
    return text


def _multibyte_result(s):
    return MultibyteStr(s) if s.isascii() else s


def decode_bytes(data, coding):
    """Decode the bytes DATA with coding system symbol CODING into a Lisp string."""
    kind, codec, charset, eol = _lookup(coding)
    if kind == 'binary' or kind == 'raw-text':
        if kind == 'raw-text' and eol != 'unix':
            text = data.decode('latin-1')
            text = _decode_eol(text, eol)
            data = text.encode('latin-1')
        return bytes_to_unibyte(data)
    if kind == 'utf-8' or kind == 'internal' or kind == 'utf-8-sig':
        if kind == 'utf-8-sig' and data.startswith(b'\xef\xbb\xbf'):
            data = data[3:]
        if kind == 'internal':
            from .character import decode_internal
            text = decode_internal(data)
        else:
            text = data.decode('utf-8', 'surrogateescape')
        return _multibyte_result(_decode_eol(text, eol))
    if kind == 'ascii':
        text = data.decode('ascii', 'surrogateescape')
        return _multibyte_result(_decode_eol(text, eol))
    if kind == 'single':
        text = _decode_eol(data.decode(codec, 'surrogateescape'), eol)
        if text.isascii():
            return MultibyteStr(text)
        return PropStr(text, [(0, len(text), list_(Qcharset, intern(charset)))], True)
    if kind in ('utf-16', 'utf-16-bom'):
        if kind == 'utf-16-bom':
            if data[:2] == b'\xff\xfe':
                codec, data = 'utf-16-le', data[2:]
            elif data[:2] == b'\xfe\xff':
                codec, data = 'utf-16-be', data[2:]
        text = data.decode(codec, 'replace')
        return _multibyte_result(_decode_eol(text, eol))
    return _multibyte_result(data.decode('utf-8', 'surrogateescape'))


def _encode_eol(text, eol):
    if eol == 'dos':
        return text.replace('\n', '\r\n')
    if eol == 'mac':
        return text.replace('\n', '\r')
    return text


def encode_text(text, coding):
    """Encode the Lisp string TEXT with CODING, giving Python bytes."""
    kind, codec, charset, eol = _lookup(coding)
    if not is_multibyte(text) and kind not in ('utf-16', 'utf-16-bom', 'utf-8-sig'):
        return internal_bytes(_encode_eol(text, eol))
    text = _encode_eol(str.__str__(text), eol)
    if kind in ('utf-8', 'utf-8-sig'):
        data = text.encode('utf-8', 'surrogateescape')
        return b'\xef\xbb\xbf' + data if kind == 'utf-8-sig' else data
    if kind in ('internal', 'binary', 'raw-text'):
        return internal_bytes(text)
    if kind == 'ascii':
        return bytes(_byte_or(ch, 0x80, ord('?')) for ch in text)
    if kind == 'single':
        out = bytearray()
        for ch in text:
            c = ord(ch)
            if 0xDC80 <= c <= 0xDCFF:
                out.append(c - 0xDC00)
                continue
            try:
                out += ch.encode(codec)
            except UnicodeEncodeError:
                out.append(0x20)
        return bytes(out)
    if kind in ('utf-16', 'utf-16-bom'):
        data = text.encode(codec, 'replace')
        if kind == 'utf-16-bom':
            bom = b'\xff\xfe' if codec == 'utf-16-le' else b'\xfe\xff'
            data = bom + data
        return data
    return text.encode('utf-8', 'surrogateescape')


def _byte_or(ch, limit, default):
    c = ord(ch)
    if c < limit:
        return c
    if 0xDC80 <= c <= 0xDCFF:
        return c - 0xDC00
    return default


@defun('decode-coding-string')
def decode_coding_string(string, coding_system, nocopy=NIL, buffer=NIL):
    """Decode STRING which is encoded in CODING-SYSTEM, and return the result."""
    if not isinstance(string, str):
        wrong_type('stringp', string)
    if coding_system is NIL:
        return string
    return decode_bytes(internal_bytes(string), coding_system)


@defun('encode-coding-string')
def encode_coding_string(string, coding_system, nocopy=NIL, buffer=NIL):
    """Encode STRING to CODING-SYSTEM, and return the result."""
    if not isinstance(string, str):
        wrong_type('stringp', string)
    if coding_system is NIL:
        return string
    return bytes_to_unibyte(encode_text(string, coding_system))


@defun('char-charset')
def char_charset(ch, restriction=NIL):
    """Return the charset of highest priority that contains CH."""
    if ch.__class__ is not int or not 0 <= ch <= 0x3FFFFF:
        wrong_type('characterp', ch)
    if ch < 0x80:
        return intern('ascii')
    if ch >= 0x3FFF80:
        return intern('eight-bit')
    if ch > 0x10FFFF:
        return intern('emacs')
    return intern('unicode')


def decode_for_insert(data):
    """Decode file bytes as Emacs does by default here: UTF-8, raw bytes kept."""
    return data.decode('utf-8', 'surrogateescape')


def encode_for_write(text):
    """Encode text for a file: UTF-8, raw-byte characters written as themselves."""
    return text.encode('utf-8', 'surrogateescape')
