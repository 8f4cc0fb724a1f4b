"""The report form's token: signed with the page's secret and tied to the QR key it was served
for, so that another site cannot post a report in an owner's name (CSRF) and a form cannot be
moved to another household's key; its random part is the one-time token that makes a double
tap on Submit file one order (core.portal.reports)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time

TOKEN_MAX_AGE_S = 24 * 3600  # a form left open for a day is served again
_TOKEN = re.compile(r"^([A-Za-z0-9_-]{24})\.([0-9]{1,12})\.([0-9a-f]{32})$")


def _sign(secret: bytes, key: str, nonce: str, issued: int) -> str:
    message = f"form:{key}:{nonce}:{issued}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:32]


def issue_token(secret: bytes, key: str, now: float | None = None) -> str:
    nonce = secrets.token_urlsafe(18)
    issued = int(time.time() if now is None else now)
    return f"{nonce}.{issued}.{_sign(secret, key, nonce, issued)}"


def check_token(secret: bytes, key: str, token: str, now: float | None = None) -> str | None:
    """The token's one-time part if it was issued for *key* and is fresh, else None."""
    m = _TOKEN.match(token)
    if m is None:
        return None
    nonce, issued_text, signature = m.groups()
    issued = int(issued_text)
    if not hmac.compare_digest(signature, _sign(secret, key, nonce, issued)):
        return None
    age = (time.time() if now is None else now) - issued
    if not -300 <= age <= TOKEN_MAX_AGE_S:
        return None
    return nonce
