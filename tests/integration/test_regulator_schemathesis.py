"""Schemathesis against the live reference server: no 5xx, and every answer as its OpenAPI says.

The schema comes from the running server; each generated request is signed correctly (§2) and
carries a fresh Idempotency-Key, so the checks reach validation and the handlers, not only the
signature check.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import checks

from tests.integration.regulator_support import new_company_code
from wuye_desktop.regulator import protocol
from wuye_desktop.regulator.server.runner import RunningServer, start_server

EXAMPLES = 40  # per operation and generation mode
OPERATIONS = (
    "GET /api/v1/health",
    "POST /api/v1/work-orders",
    "POST /api/v1/work-orders/{order_id}/events",
    "POST /api/v1/work-orders/{order_id}/callbacks",
    "GET /api/v1/dispatches",
    "POST /api/v1/dispatches/{ticket_id}/ack",
    "POST /api/v1/dispatches/{ticket_id}/reply",
    "GET /api/v1/supervisions",
    "POST /api/v1/supervisions/{supervision_id}/ack",
    "POST /api/v1/public-income/disclosures",
)
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]
CALLS: Counter[str] = Counter()
STATUSES: Counter[int] = Counter()


class Signer(requests.auth.AuthBase):
    """Signs the request as prepared: its exact target and body bytes."""

    def __init__(self, company: str, secret: str) -> None:
        self.company = company
        self.secret = secret

    def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
        body = r.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        method = str(r.method)
        r.headers.update(
            protocol.auth_headers(
                self.company, self.secret, method, r.path_url, bytes(body), time.time()
            )
        )
        if method == "POST":
            r.headers[protocol.H_IDEMPOTENCY_KEY] = str(uuid.uuid4())
        return r


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningServer, Signer]]:
    data: Path = tmp_path_factory.mktemp("regulator-schemathesis")
    with start_server(data) as server:
        code = new_company_code()
        signer = Signer(code, server.store.register_company(code))
        # Something to list, so that listings are not always empty.
        for n in range(3):
            server.store.add_ticket(
                code, project_code="QD-LS-0001", category="elevator", content=f"电梯 {n}"
            )
        server.store.add_ticket(
            code,
            project_code="QD-LS-0001",
            category="water_leak",
            content="楼上漏水",
            household={"building": "3", "unit": "", "room": "1201"},
            caller_phone_masked="139****0001",
        )
        yield server, signer


@pytest.fixture(scope="module")
def api_schema(live: tuple[RunningServer, Signer]) -> Any:
    server, _ = live
    return schemathesis.openapi.from_url(f"{server.base_url}/openapi.json")


# schemathesis.pytest.from_fixture (the lazy loader behind @schema.parametrize with a live
# server) fails on pytest 9 (it sets Function._nodeid); a Hypothesis test per operation and mode
# over the operation's strategy does the same work.
# Every operation in both modes, except a negative /health: it takes no input to get wrong.
CASES = [
    (operation, mode)
    for operation in OPERATIONS
    for mode in schemathesis.GenerationMode
    if not (operation.endswith("/health") and mode is schemathesis.GenerationMode.NEGATIVE)
]


@pytest.mark.parametrize(("operation", "mode"), CASES, ids=[f"{o}-{m.value}" for o, m in CASES])
def test_the_server_keeps_to_its_openapi(
    api_schema: Any,
    live: tuple[RunningServer, Signer],
    operation: str,
    mode: schemathesis.GenerationMode,
) -> None:
    _, signer = live
    method, path = operation.split(" ")
    strategy = api_schema[path][method].as_strategy(generation_mode=mode)

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
        database=None,
    )
    def run(case: Any) -> None:
        response = case.call(auth=signer)
        CALLS[operation] += 1
        STATUSES[response.status_code] += 1
        case.validate_response(response, checks=CHECKS)

    run()


def test_schemathesis_did_generate_requests() -> None:
    """Runs after the generated tests (same module, later): they really sent requests."""
    if not CALLS:
        pytest.skip("the generated tests did not run in this session")
    assert set(CALLS) == set(OPERATIONS), CALLS
    # Hypothesis stops early only where there is little to vary (/health takes nothing).
    assert all(n >= EXAMPLES for op, n in CALLS.items() if "health" not in op), CALLS
    # Not only refusals: generated requests reached the handlers and succeeded too.
    assert sum(count for status, count in STATUSES.items() if status < 300) >= 50, STATUSES
    assert not any(status >= 500 for status in STATUSES), STATUSES
