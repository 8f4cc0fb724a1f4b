"""Company secrets at rest: sealed with a key kept in a separate file of the data folder.

The server has to know each secret to check HMACs, but §2 says a secret is never stored in a
database in plain text: a copy of ``regulator.sqlite3`` alone does not reveal them. The cipher is
a keystream of HMAC-SHA256(key, nonce ‖ counter) blocks XORed onto the secret, with an
HMAC tag that tells a wrong key file from a damaged record.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

KEY_FILE = "regulator.key"
_NONCE = 16
_TAG = 16


class SealError(Exception):
    """A sealed secret could not be opened (another key file, or damaged)."""


def load_or_create_key(data_dir: Path) -> bytes:
    path = data_dir / KEY_FILE
    if not path.exists():
        # Written aside, then linked into place: a process opening the same fresh folder at the
        # same moment either makes the key or reads the whole of the other's, never half.
        aside = data_dir / f".{KEY_FILE}.{os.getpid()}.tmp"
        fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(32))
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(aside, path)
        except FileExistsError:
            pass
        finally:
            aside.unlink()
    key = path.read_bytes()
    if len(key) != 32:
        raise SealError(f"{path} is not a key file of this server")
    return key


def _keystream(key: bytes, nonce: bytes, length: int) -> bytes:
    blocks = []
    for counter in range((length + 31) // 32):
        blocks.append(hmac.digest(key, nonce + counter.to_bytes(4, "big"), hashlib.sha256))
    return b"".join(blocks)[:length]


def _tag(key: bytes, nonce: bytes, cipher: bytes, context: str) -> bytes:
    message = b"tag" + nonce + cipher + context.encode("utf-8")
    return hmac.digest(key, message, hashlib.sha256)[:_TAG]


def seal(key: bytes, secret: str, context: str) -> bytes:
    """*context* (the company code) binds a sealed secret to its row."""
    plain = secret.encode("utf-8")
    nonce = secrets.token_bytes(_NONCE)
    cipher = bytes(a ^ b for a, b in zip(plain, _keystream(key, nonce, len(plain)), strict=True))
    return nonce + cipher + _tag(key, nonce, cipher, context)


def unseal(key: bytes, sealed: bytes, context: str) -> str:
    nonce, cipher, tag = sealed[:_NONCE], sealed[_NONCE:-_TAG], sealed[-_TAG:]
    if len(sealed) < _NONCE + _TAG or not hmac.compare_digest(
        tag, _tag(key, nonce, cipher, context)
    ):
        raise SealError("a company secret cannot be opened with this data folder's key file")
    plain = bytes(a ^ b for a, b in zip(cipher, _keystream(key, nonce, len(cipher)), strict=True))
    return plain.decode("utf-8")
