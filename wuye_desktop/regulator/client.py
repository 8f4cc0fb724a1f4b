"""The HTTP side of the client: signed requests and what each answer means (protocol §1–§3).

:class:`RegulatorClient` never raises for an answer or a network failure: every outcome comes
back as an :class:`Answer` whose ``kind`` tells the sync what to do with the event. Answers are
read with a size cap, and every request — connecting, sending, the headers and the body — ends
within one deadline, so a platform that sends 50 MB, never answers or trickles its answer a
byte at a time cannot hang or exhaust the program.
"""

from __future__ import annotations

import json
import logging
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Literal

import httpx

from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.regulator import protocol as p
from wuye_desktop.regulator.deadline import request_deadline
from wuye_desktop.regulator.deadline import transport as deadline_transport

log = logging.getLogger(__name__)

MAX_ANSWER_BYTES = 4 * 1024 * 1024  # a page of 500 tickets is well under 1 MB
# One request, from connecting to the last byte of the answer, however slowly it trickles in.
REQUEST_DEADLINE_S = 30.0
# A Retry-After beyond this (100000 s, a date next year) is taken as this: the sync comes back
# within the hour rather than going quiet for days on one odd answer.
MAX_RETRY_AFTER_S = 3600.0

# ok: delivered (2xx) · park: refused for good, a person must look (§3) · out_of_order: send
# the missing events first · rate_limited: wait retry_after, resend · auth: 401, stop the sync ·
# retry: the platform or the network failed, back off and resend · bad_answer: a 2xx we cannot
# read (resend later: with the same key the platform replays its answer).
# What the network said, in words a desk can read and translate (the UI translates an answer's
# message when it is one of these); other failures keep the system's own text.
T_NO_ANSWER = QT_TRANSLATE_NOOP("core", "the platform did not answer in time")
T_REFUSED = QT_TRANSLATE_NOOP("core", "the platform's server refused the connection")
T_NO_HOST = QT_TRANSLATE_NOOP(
    "core", "the platform's host name cannot be found (check the address)"
)
T_NO_ROUTE = QT_TRANSLATE_NOOP("core", "this computer has no network route to the platform")
T_UNTRUSTED = QT_TRANSLATE_NOOP(
    "core", "the platform's TLS certificate is not trusted (a company CA file may be needed)"
)
T_NO_TIME = QT_TRANSLATE_NOOP("core", "the platform's /health has no readable time")
# Marks in the system's error text -> the phrase above.
_NETWORK_PHRASES = (
    ("CERTIFICATE_VERIFY_FAILED", T_UNTRUSTED),
    ("Connection refused", T_REFUSED),
    ("actively refused", T_REFUSED),
    ("Name or service not known", T_NO_HOST),
    ("Temporary failure in name resolution", T_NO_HOST),
    ("No address associated with hostname", T_NO_HOST),
    ("getaddrinfo failed", T_NO_HOST),
    ("Network is unreachable", T_NO_ROUTE),
    ("No route to host", T_NO_ROUTE),
)

Kind = Literal["ok", "park", "out_of_order", "rate_limited", "auth", "retry", "bad_answer"]


@dataclass(frozen=True)
class Answer:
    kind: Kind
    status: int = 0
    body: dict[str, Any] | None = None
    code: str = ""
    message: str = ""
    field: str | None = None
    expected_seq: int | None = None
    retry_after: float = 0.0
    replay: bool = False
    server_time: str = ""

    def describe(self) -> str:
        """One line for a person: the platform's own message where it gave one."""
        where = f" ({self.field})" if self.field else ""
        status = f"HTTP {self.status}: " if self.status else ""
        code = f"{self.code}: " if self.code else ""
        return f"{status}{code}{self.message}{where}".strip()


@dataclass(frozen=True)
class Health:
    ok: bool
    server_time: datetime | None
    skew_s: float  # server clock minus ours
    message: str = ""
    reached: bool = True  # the platform answered at all (an HTTP status came back)


def _ssl_context(ca_bundle: str) -> ssl.SSLContext | bool:
    if not ca_bundle:
        return True  # httpx verifies against the system's certificates (certifi)
    return ssl.create_default_context(cafile=ca_bundle)


class RegulatorClient:
    def __init__(
        self,
        base_url: str,
        company_code: str,
        secret: str,
        *,
        ca_bundle: str = "",
        timeout_s: float = REQUEST_DEADLINE_S,
        clock: Callable[[], float] = time.time,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        problem = p.base_url_problem(base_url)
        if problem:
            raise ValueError(f"regulator base URL {base_url!r}: {problem}")
        self.base_url = base_url.rstrip("/")
        self.company_code = company_code
        self._secret = secret
        self._clock = clock
        self._deadline_s = timeout_s  # the whole request, see deadline.py
        verify = _ssl_context(ca_bundle)
        self._http = httpx.Client(
            verify=verify,
            timeout=httpx.Timeout(timeout_s, connect=min(5.0, timeout_s)),
            transport=transport or deadline_transport(verify),
            follow_redirects=False,  # a redirect would change the signed path
            headers={"User-Agent": "wuye-desktop/1"},
        )

    def __repr__(self) -> str:  # never shows the secret
        return f"RegulatorClient({self.base_url!r}, {self.company_code!r})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> RegulatorClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- requests ---

    def health(self) -> Health:
        answer = self._send("GET", "/health", b"", signed=False)
        if answer.kind != "ok" or answer.body is None:
            return Health(False, None, 0.0, answer.describe(), reached=answer.status != 0)
        text = answer.body.get("time")
        moment = p.parse_rfc3339(text) if isinstance(text, str) else None
        if moment is None:
            return Health(False, None, 0.0, T_NO_TIME)
        return Health(True, moment, moment.timestamp() - self._clock())

    def post(self, path: str, body: bytes, idempotency_key: str) -> Answer:
        return self._send("POST", path, body, idempotency_key=idempotency_key)

    def get(self, path: str) -> Answer:
        return self._send("GET", path, b"")

    def _send(
        self,
        method: str,
        path: str,
        body: bytes,
        *,
        signed: bool = True,
        idempotency_key: str | None = None,
    ) -> Answer:
        url = httpx.URL(self.base_url + path)
        headers = {"Accept": "application/json"}
        if body or method == "POST":
            headers["Content-Type"] = p.JSON_CONTENT_TYPE
        if idempotency_key:
            headers[p.H_IDEMPOTENCY_KEY] = idempotency_key
        if signed:
            target = url.raw_path.decode("ascii")  # the request target exactly as sent
            headers.update(
                p.auth_headers(self.company_code, self._secret, method, target, body, self._clock())
            )
        request = self._http.build_request(method, url, content=body, headers=headers)
        with request_deadline(self._deadline_s):
            try:
                response = self._http.send(request, stream=True)
            except httpx.TimeoutException:
                return Answer("retry", message=T_NO_ANSWER)
            except httpx.ConnectError as exc:
                return Answer("retry", message=_network_phrase(exc, "cannot reach the platform"))
            except httpx.HTTPError as exc:
                return Answer("retry", message=_network_phrase(exc, "network error"))
            try:
                raw, problem = self._read_capped(response)
            finally:
                response.close()
        return _classify(response, raw, problem)

    def _read_capped(self, response: httpx.Response) -> tuple[bytes, str]:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > MAX_ANSWER_BYTES:
            return b"", f"the answer is too large ({int(declared)} bytes)"
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_ANSWER_BYTES:
                    return b"", f"the answer is larger than {MAX_ANSWER_BYTES} bytes"
                chunks.append(chunk)
        except httpx.TimeoutException:
            return b"", "the answer did not arrive in time"
        except httpx.HTTPError as exc:
            return b"", f"the answer broke off: {_reason(exc)}"
        return b"".join(chunks), ""


def _reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text[:200]


def _network_phrase(exc: BaseException, what: str) -> str:
    text = _reason(exc)
    for mark, phrase in _NETWORK_PHRASES:
        if mark in text:
            return phrase
    return f"{what}: {text}"


def _retry_after(value: str | None) -> float:
    if not value:
        return 1.0
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - datetime.now(UTC).timestamp()
        except (TypeError, ValueError):
            return 1.0
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_S)


def _json_object(raw: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _error_fields(body: dict[str, Any] | None) -> tuple[str, str, str | None, Any, str]:
    error = body.get("error") if body else None
    if not isinstance(error, dict):
        return "", "", None, None, ""
    code = error.get("code")
    message = error.get("message")
    field = error.get("field")
    server_time = error.get("server_time")
    return (
        code if isinstance(code, str) else "",
        message[:500] if isinstance(message, str) else "",
        field if isinstance(field, str) else None,
        error.get("expected_seq"),
        server_time if isinstance(server_time, str) else "",
    )


def _classify(response: httpx.Response, raw: bytes, problem: str) -> Answer:
    status = response.status_code
    if problem:
        # A 2xx we could not read in full is not known to have taken effect: resend later.
        return Answer("bad_answer" if status < 300 else "retry", status, message=problem)
    body = _json_object(raw)
    if 200 <= status < 300:
        if body is None:
            return Answer("bad_answer", status, message="the answer is not a JSON object")
        replay = response.headers.get(p.H_IDEMPOTENT_REPLAY, "").lower() == "true"
        return Answer("ok", status, body, replay=replay)
    code, message, field, expected, server_time = _error_fields(body)
    if not message:
        message = "no readable error message" if body is None else "no message"
    if status == 401:
        return Answer(
            "auth", status, body, code or "unauthorized", message, field, server_time=server_time
        )
    if status == 429:
        return Answer(
            "rate_limited",
            status,
            body,
            code,
            message,
            retry_after=_retry_after(response.headers.get(p.H_RETRY_AFTER)),
        )
    if status == 409 and code == p.E_OUT_OF_ORDER:
        if isinstance(expected, int) and not isinstance(expected, bool) and expected >= 1:
            return Answer("out_of_order", status, body, code, message, field, expected)
        return Answer("park", status, body, code, message + " (no usable expected_seq)", field)
    if status in (400, 404, 409, 413):
        return Answer("park", status, body, code or f"http_{status}", message, field)
    if status >= 500 or status in (408, 425):
        return Answer("retry", status, body, code, message)
    # Anything else (a redirect, 403 from a proxy...) is not in the protocol: try again later
    # rather than lose the event, and say what came back.
    return Answer("retry", status, body, code, f"unexpected answer: {message}")
