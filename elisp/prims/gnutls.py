"""Primitives of Emacs's gnutls.c, over Python's ssl module (imported when first used)."""

from ..defun import defun, defvar
from ..lisp import Cons, NIL, T, list_, make_list
from ..errors import Q, error
from .process import check_process, start_tls

Vgnutls_log_level = defvar('gnutls-log-level', 0)
Qgnutls_e_again = Q('gnutls-e-again')


def _ssl():
    try:
        import ssl
    except ImportError:
        return None
    return ssl


@defun('gnutls-available-p')
def gnutls_available_p():
    """Return list of capabilities if TLS is available in this instance of Emacs."""
    return list_(Q('gnutls3'), Q('gnutls')) if _ssl() is not None else NIL


@defun('gnutls-errorp')
def gnutls_errorp(err):
    """Return t if ERROR indicates a GnuTLS problem."""
    return NIL if err is T or err is Qgnutls_e_again else T


@defun('gnutls-boot')
def gnutls_boot(proc, type_, proplist):
    """Initialize TLS on PROC (a connected network process) and negotiate it."""
    p = check_process(proc)
    if _ssl() is None:
        error('GnuTLS not available')
    if p.kind != 'network' or p.sock is None or p.status_symbol() is Q('listen') or p.tls:
        error('Process %s is not a connection TLS can start on' % p.name)
    start_tls(p, Cons(type_, proplist))
    if not p.connecting and (p.tls_handshaking or p.sock is None):
        error('TLS negotiation failed')
    return T


@defun('gnutls-peer-status')
def gnutls_peer_status(proc):
    """Describe the TLS status of PROC's connection, or nil if it has none."""
    p = check_process(proc)
    sock = p.sock
    if p.tls is None or sock is None or not hasattr(sock, 'version'):
        return NIL
    out = []
    cert = _certificate(sock)
    if cert is not NIL:
        out += [Q(':certificate'), cert]
    version = sock.version()
    if isinstance(version, str):
        out += [Q(':protocol'), version.replace('TLSv', 'TLS')]   # GnuTLS's spelling
    cipher = _cipher_name((sock.cipher() or ('',))[0])
    if cipher is not None:
        out += [Q(':cipher'), cipher, Q(':mac'), 'AEAD' if 'GCM' in cipher or 'POLY' in cipher
                else NIL]
    return make_list(out)


def _cipher_name(openssl_name):
    """GnuTLS's name for the bulk cipher of an OpenSSL cipher suite name."""
    for part, name in (('AES_256_GCM', 'AES-256-GCM'), ('AES256-GCM', 'AES-256-GCM'),
                       ('AES_128_GCM', 'AES-128-GCM'), ('AES128-GCM', 'AES-128-GCM'),
                       ('CHACHA20', 'CHACHA20-POLY1305')):
        if part in openssl_name:
            return name
    return None


_DN_KEYS = {'countryName': 'C', 'stateOrProvinceName': 'ST', 'localityName': 'L',
            'organizationName': 'O', 'organizationalUnitName': 'OU', 'commonName': 'CN',
            'emailAddress': 'EMAIL', 'domainComponent': 'DC'}


def _certificate(sock):
    """The peer certificate's issuer and subject, as GnuTLS spells distinguished names."""
    ssl = _ssl()
    der = sock.getpeercert(binary_form=True)
    decode = getattr(getattr(ssl, '_ssl', None), '_test_decode_cert', None)
    if not der or decode is None:
        return NIL
    import os
    import tempfile
    fd, path = tempfile.mkstemp(suffix='.pem')
    try:
        with os.fdopen(fd, 'w') as f:
            f.write(ssl.DER_cert_to_PEM_cert(der))
        info = decode(path)
    except (OSError, ValueError, ssl.SSLError):
        return NIL
    finally:
        os.unlink(path)

    def dn(rdns):
        return ','.join('%s=%s' % (_DN_KEYS.get(k, k), v) for rdn in rdns for k, v in rdn)
    serial = info.get('serialNumber', '')
    if len(serial) % 2:
        serial = '0' + serial
    return list_(Q(':version'), info.get('version', 3),
                 Q(':serial-number'), ':'.join(serial[i:i + 2] for i in range(0, len(serial), 2)).lower(),
                 Q(':issuer'), dn(info.get('issuer', ())),
                 Q(':subject'), dn(info.get('subject', ())))


@defun('gnutls-get-initstage')
def gnutls_get_initstage(proc):
    """Return the TLS initialization stage of PROC (0: none, 9: ready, as GnuTLS numbers them)."""
    p = check_process(proc)
    if p.tls is None:
        return 0
    return 8 if p.tls_handshaking else 9
