"""What both sides of regulator-protocol.md share: vocabulary, formats and the request signature.

The client (:mod:`wuye_desktop.regulator.client`) and the reference server
(:mod:`wuye_desktop.regulator.server`) both import from here, so that the two cannot drift apart
on the canonical string, the formats or the error codes.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
import secrets
from datetime import datetime
from typing import Final
from urllib.parse import urlsplit

from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP

# §5: personal data leaves the company only masked; one pattern for the whole program.
from wuye_desktop.core.validation import MASKED_PHONE_RE as MASKED_PHONE_RE

PROTOCOL_VERSION: Final = 1
MAX_REQUEST_BODY: Final = 1024 * 1024  # §1: a larger request body is 413 too_large
CLOCK_SKEW_LIMIT_S: Final = 300  # §2
NONCE_MEMORY_S: Final = 600  # §2
IDEMPOTENCY_KEEP_DAYS: Final = 7  # §3
MIN_SECRET_BYTES: Final = 32  # §2

JSON_CONTENT_TYPE: Final = "application/json; charset=utf-8"

# --- §2 headers ---
H_COMPANY: Final = "X-Company-Code"
H_TIMESTAMP: Final = "X-Timestamp"
H_NONCE: Final = "X-Nonce"
H_SIGNATURE: Final = "X-Signature"
H_IDEMPOTENCY_KEY: Final = "Idempotency-Key"
H_IDEMPOTENT_REPLAY: Final = "Idempotent-Replay"
H_RETRY_AFTER: Final = "Retry-After"

NONCE_RE: Final = re.compile(r"^[0-9a-f]{16,64}$")
SIGNATURE_RE: Final = re.compile(r"^[0-9a-f]{64}$")
TIMESTAMP_RE: Final = re.compile(r"^-?[0-9]{1,12}$")
UUID_RE: Final = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)

# --- §3 error codes ---
E_VALIDATION: Final = "validation_failed"
E_UNBALANCED: Final = "unbalanced"
E_BAD_SIGNATURE: Final = "bad_signature"
E_UNKNOWN_COMPANY: Final = "unknown_company"
E_CLOCK_SKEW: Final = "clock_skew"
E_REPLAYED: Final = "replayed"
E_NOT_FOUND: Final = "not_found"
E_OUT_OF_ORDER: Final = "out_of_order"
E_IDEMPOTENCY_CONFLICT: Final = "idempotency_conflict"
E_ALREADY_EXISTS: Final = "already_exists"
E_WRONG_STATE: Final = "wrong_state"
E_ALREADY_ACKED: Final = "already_acked"
E_STALE: Final = "stale"
E_TOO_LARGE: Final = "too_large"
E_RATE_LIMITED: Final = "rate_limited"
E_SERVER: Final = "server_error"  # not in §3's table: any 5xx

AUTH_CODES: Final = frozenset({E_BAD_SIGNATURE, E_UNKNOWN_COMPANY, E_CLOCK_SKEW, E_REPLAYED})
# 400/404/409/413 answers that park the event for a person (§3); out_of_order is handled apart.
PARKING_CODES: Final = frozenset(
    {
        E_VALIDATION,
        E_UNBALANCED,
        E_NOT_FOUND,
        E_IDEMPOTENCY_CONFLICT,
        E_ALREADY_EXISTS,
        E_WRONG_STATE,
        E_ALREADY_ACKED,
        E_STALE,
        E_TOO_LARGE,
    }
)

# --- §4 vocabulary ---
CATEGORIES: Final = (
    "security", "cleaning", "fire_safety", "ebike_charging", "elevator", "parking", "drainage",
    "pavement", "lighting", "greenery", "water_leak", "wall_crack", "doors_windows",
    "indoor_plumbing", "electrical", "heating_gas", "other",
)  # fmt: skip
CHANNELS: Final = ("property", "repair_contractor", "developer")
SOURCES: Final = (
    "phone", "walk_in", "hotline_12345", "regulator_platform", "qr_code", "inspection", "other",
)  # fmt: skip
TIERS: Final = ("immediate", "time_limited", "promised")
STATUSES: Final = (
    "accepted", "dispatched", "in_progress", "completed", "closed", "reopened", "cancelled",
)  # fmt: skip
SATISFACTIONS: Final = ("satisfied", "basically_satisfied", "dissatisfied")
CALLBACK_METHODS: Final = ("phone", "visit", "sms")
REPLY_RESULTS: Final = ("resolved", "in_progress", "not_responsible")
TICKET_LEVELS: Final = ("normal", "urgent", "supervised")

# --- formats (§1, §5) ---
RFC3339_RE: Final = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$"
)
DATE_RE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")
AMOUNT_RE: Final = re.compile(r"^\d+\.\d{2}$")
BALANCE_RE: Final = re.compile(r"^-?\d+\.\d{2}$")
HASH_RE: Final = re.compile(r"^[0-9a-f]{64}$")
PERIOD_RE: Final = re.compile(r"^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))$")


def parse_rfc3339(text: str) -> datetime | None:
    """The moment of an RFC 3339 time with an explicit offset; None if it is not one."""
    if not RFC3339_RE.match(text):
        return None
    try:
        # fromisoformat takes at most 6 fraction digits; more are legal RFC 3339 but pointless.
        moment = datetime.fromisoformat(re.sub(r"(\.\d{6})\d+", r"\1", text.replace("z", "Z")))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def amount_to_fen(text: str) -> int:
    """The protocol's money string as integer fen (the caller checked it with BALANCE_RE)."""
    negative = text.startswith("-")
    yuan, _, cents = text.lstrip("-").partition(".")
    fen = int(yuan) * 100 + int(cents)
    return -fen if negative else fen


# --- §2 signature ---


def body_sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def canonical_string(method: str, target: str, timestamp: str, nonce: str, body: bytes) -> str:
    """The five lines of §2 joined by ``\\n``; ``target`` is the path and query as sent."""
    return "\n".join((method.upper(), target, timestamp, nonce, body_sha256(body)))


def sign(secret: str, method: str, target: str, timestamp: str, nonce: str, body: bytes) -> str:
    """Lowercase hex HMAC-SHA256 with the secret's UTF-8 bytes as the key."""
    message = canonical_string(method, target, timestamp, nonce, body).encode("utf-8")
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def signature_matches(
    secret: str, method: str, target: str, timestamp: str, nonce: str, body: bytes, given: str
) -> bool:
    expected = sign(secret, method, target, timestamp, nonce, body)
    return hmac.compare_digest(expected, given)


def new_nonce() -> str:
    return secrets.token_hex(16)


def new_secret() -> str:
    """A fresh company secret: 32 random bytes as 64 hex characters (64 key bytes)."""
    return secrets.token_hex(32)


def auth_headers(
    company_code: str, secret: str, method: str, target: str, body: bytes, now: float
) -> dict[str, str]:
    """The four §2 headers for one request sent at Unix time ``now``."""
    timestamp = str(int(now))
    nonce = new_nonce()
    return {
        H_COMPANY: company_code,
        H_TIMESTAMP: timestamp,
        H_NONCE: nonce,
        H_SIGNATURE: sign(secret, method, target, timestamp, nonce, body),
    }


# --- §1 transport ---


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def base_url_problem(url: str) -> str | None:
    """Why a base URL may not be used (§1), or None. Plain http only to loopback hosts."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return QT_TRANSLATE_NOOP("core", "not an http(s) URL")
    if parts.query or parts.fragment:
        return QT_TRANSLATE_NOOP("core", "a base URL has no query or fragment")
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        # Marked for translation: the settings dialog shows these reasons at the URL field.
        return QT_TRANSLATE_NOOP(
            "core", "plain http is allowed only to this computer (127.0.0.1, ::1, localhost)"
        )
    return None
