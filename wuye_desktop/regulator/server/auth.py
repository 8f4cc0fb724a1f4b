"""The request signature of §2, checked on the exact bytes received.

The order of refusals: malformed or missing headers, unknown company, wrong HMAC, clock skew,
replayed nonce. A nonce is remembered only once the signature is right, so that nobody can burn
a company's nonces with unsigned requests.
"""

from __future__ import annotations

from collections.abc import Mapping

from wuye_desktop.regulator import protocol
from wuye_desktop.regulator.server.errors import ApiError
from wuye_desktop.regulator.server.store import Store, rfc3339_at


def _refuse(code: str, message: str, field: str | None = None, **extra: str) -> ApiError:
    return ApiError(401, code, message, field, extra=dict(extra))


def authenticate(
    store: Store, headers: Mapping[str, str], method: str, target: str, body: bytes
) -> str:
    """The company that signed this request; raises ApiError 401 otherwise.

    *headers* has lower-case names; *target* is the request target as received.
    """
    values: dict[str, str] = {}
    for name, pattern in (
        (protocol.H_COMPANY, None),
        (protocol.H_TIMESTAMP, protocol.TIMESTAMP_RE),
        (protocol.H_NONCE, protocol.NONCE_RE),
        (protocol.H_SIGNATURE, protocol.SIGNATURE_RE),
    ):
        value = headers.get(name.lower())
        if not value or (pattern is not None and not pattern.match(value)):
            what = "missing" if not value else "malformed"
            raise _refuse(protocol.E_BAD_SIGNATURE, f"Header {name} is {what}", name)
        values[name] = value
    company = values[protocol.H_COMPANY]
    secret = store.secret_of(company)
    if secret is None:
        raise _refuse(
            protocol.E_UNKNOWN_COMPANY, "This company is not registered here", protocol.H_COMPANY
        )
    timestamp, nonce = values[protocol.H_TIMESTAMP], values[protocol.H_NONCE]
    if not protocol.signature_matches(
        secret, method, target, timestamp, nonce, body, values[protocol.H_SIGNATURE]
    ):
        raise _refuse(
            protocol.E_BAD_SIGNATURE, "The signature does not match", protocol.H_SIGNATURE
        )
    now = store.now()
    if abs(now - int(timestamp)) > protocol.CLOCK_SKEW_LIMIT_S:
        raise _refuse(
            protocol.E_CLOCK_SKEW,
            f"X-Timestamp is {int(timestamp) - int(now):+d} s off the server's clock "
            f"(the limit is {protocol.CLOCK_SKEW_LIMIT_S} s); server time {rfc3339_at(now)}",
            protocol.H_TIMESTAMP,
            server_time=rfc3339_at(now),
        )
    if not store.remember_nonce(company, nonce):
        raise _refuse(
            protocol.E_REPLAYED, "This nonce was used in the last 10 minutes", protocol.H_NONCE
        )
    return company
