"""Ed25519 signatures over canonical JSON, and this Threadline's own signing key.

The signature covers the pack's canonical form (keys sorted, no whitespace, UTF-8), so the file
itself may be pretty-printed, re-indented or have its keys reordered and still verify, while any
change to a value, a key or an item does not.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
    load_pem_public_key,
)
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def canonical(value: Any) -> bytes:
    """The one byte form of a JSON value that is signed: sorted keys, no whitespace, UTF-8."""
    text = json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return text.encode("utf-8")


def digest(value: Any) -> str:
    return hashlib.sha256(canonical(value)).hexdigest()


def sign(value: Any, key: Ed25519PrivateKey) -> str:
    return base64.b64encode(key.sign(canonical(value))).decode("ascii")


def verify(value: Any, signature: str, key: Ed25519PublicKey) -> bool:
    """Whether ``signature`` (base64) is ``key``'s signature of ``value``."""
    try:
        raw = base64.b64decode(signature.encode("ascii"), validate=True)
        key.verify(raw, canonical(value))
    except (InvalidSignature, binascii.Error, UnicodeEncodeError, ValueError):
        return False
    return True


def public_key_from_pem(pem: str | bytes) -> Ed25519PublicKey:
    """Read a public key; ValueError unless it is an Ed25519 one in PEM."""
    data = pem.encode("ascii") if isinstance(pem, str) else pem
    try:
        key = load_pem_public_key(data)
    except (ValueError, TypeError) as error:
        raise ValueError("is not a public key in PEM form") from error
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("is not an Ed25519 public key")
    return key


def public_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def fingerprint(key: Ed25519PublicKey) -> str:
    """A short form of the key to read aloud when two authorities check they hold the right
    one: the first 16 bytes of the SHA-256 of the raw key, in groups of four hex digits."""
    raw = key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    hexed = hashlib.sha256(raw).hexdigest()[:32]
    return " ".join(hexed[i : i + 4] for i in range(0, 32, 4))


# This Threadline's own key.


def key_file() -> Path:
    return Path(settings.THREADLINE_SIGNING_KEY_FILE)


def private_key() -> Ed25519PrivateKey:
    """This Threadline's signing key, created on first use (readable by its owner only)."""
    path = key_file()
    try:
        return _load(path)
    except FileNotFoundError:
        return _create(path)


def own_public_pem() -> str:
    return public_pem(private_key().public_key())


def _load(path: Path) -> Ed25519PrivateKey:
    try:
        key = load_pem_private_key(path.read_bytes(), password=None)
    except ValueError as error:
        raise ImproperlyConfigured(f"{path} is not an unencrypted PEM private key") from error
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured(f"{path} holds a private key that is not Ed25519")
    return key


def _create(path: Path) -> Ed25519PrivateKey:
    """Write a new key beside its final name and link it into place: two processes starting at
    once end up with the same key, and nobody ever reads a half-written file."""
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".signing-key-")
    try:
        with os.fdopen(handle, "wb") as file:
            os.fchmod(file.fileno(), 0o600)
            file.write(pem)
        try:
            os.link(temporary, path)
        except FileExistsError:
            return _load(path)
    finally:
        os.unlink(temporary)
    return key
