"""The reference regulator server over real HTTP: regulator-protocol.md, refusal by refusal."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.integration.regulator_support import (
    NOW,
    SignedClient,
    error_of,
    event_body,
    new_company_code,
    order_body,
)
from wuye_desktop.regulator import protocol
from wuye_desktop.regulator.server.app import create_app
from wuye_desktop.regulator.server.faults import Faults
from wuye_desktop.regulator.server.runner import RunningServer, start_server
from wuye_desktop.regulator.server.store import Store, StoreError


@pytest.fixture(scope="module")
def srv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with start_server(tmp_path_factory.mktemp("regulator")) as server:
        yield server


@pytest.fixture
def faults(srv: RunningServer) -> Iterator[Faults]:
    """The running server's fault options, back to none after the test."""
    yield srv.faults
    srv.faults.fail_rate = 0.0
    srv.faults.latency_ms = 0
    srv.faults.rate_limit = 0.0
    srv.faults.redeliver_rate = 0.0
    srv.faults.clock = time.monotonic


@pytest.fixture
def clients() -> Iterator[list[SignedClient]]:
    """Clients made in a test, closed after it."""
    made: list[SignedClient] = []
    yield made
    for client in made:
        client.close()


@pytest.fixture
def new_client(srv: RunningServer, clients: list[SignedClient]) -> Callable[..., SignedClient]:
    """``new_client()``: a client of a freshly registered company; ``new_client(code, secret)``
    signs as given."""

    def make(code: str | None = None, secret: str | None = None) -> SignedClient:
        if code is None:
            code = new_company_code()
            secret = srv.store.register_company(code, "测试物业")
        assert secret is not None
        client = SignedClient(srv.base_url, code, secret)
        clients.append(client)
        return client

    return make


@pytest.fixture
def api(new_client: Callable[..., SignedClient]) -> SignedClient:
    """A client of a freshly registered company."""
    return new_client()


# --- health, OpenAPI, error shape --------------------------------------------------------------


def test_health_needs_no_signature_and_gives_the_time_in_china(srv: RunningServer) -> None:
    response = httpx.get(f"{srv.base_url}/health")
    assert response.status_code == 200
    assert response.headers["content-type"] == protocol.JSON_CONTENT_TYPE
    body = response.json()
    assert body["status"] == "ok"
    moment = protocol.parse_rfc3339(body["time"])
    assert moment is not None and body["time"].endswith("+08:00")
    assert abs(moment.timestamp() - time.time()) < 5


def test_openapi_lists_every_endpoint_with_headers_and_errors(srv: RunningServer) -> None:
    doc = httpx.get(f"{srv.base_url}/openapi.json").json()
    paths = doc["paths"]
    expected = {
        "/api/v1/health": "get",
        "/api/v1/work-orders": "post",
        "/api/v1/work-orders/{order_id}/events": "post",
        "/api/v1/work-orders/{order_id}/callbacks": "post",
        "/api/v1/dispatches": "get",
        "/api/v1/dispatches/{ticket_id}/ack": "post",
        "/api/v1/dispatches/{ticket_id}/reply": "post",
        "/api/v1/supervisions": "get",
        "/api/v1/supervisions/{supervision_id}/ack": "post",
        "/api/v1/public-income/disclosures": "post",
    }
    assert {p: next(iter(ops)) for p, ops in paths.items()} == expected
    for path, method in expected.items():
        operation = paths[path][method]
        assert "422" not in operation["responses"]
        if path.endswith("/health"):
            continue
        names = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
        assert {"X-Company-Code", "X-Timestamp", "X-Nonce", "X-Signature"} <= names
        assert {"401", "429", "500"} <= set(operation["responses"])
        if method == "post":
            assert "Idempotency-Key" in names
            assert {"400", "413"} <= set(operation["responses"])
    assert "HTTPValidationError" not in doc["components"]["schemas"]


def test_unknown_paths_and_methods_answer_in_the_protocols_shape(api: SignedClient) -> None:
    response = api.get("/no-such-thing")
    assert response.status_code == 404
    assert error_of(response)["code"] == protocol.E_NOT_FOUND
    response = api.get("/work-orders")
    assert response.status_code == 405
    assert error_of(response)["code"] == "method_not_allowed"
    assert "POST" in response.headers["allow"]


def test_an_unexpected_failure_is_a_500_in_the_protocols_shape(
    srv: RunningServer, api: SignedClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(srv.store, "dispatch_page", broken)
    response = api.get("/dispatches")
    assert response.status_code == 500
    error = error_of(response)
    assert error["code"] == protocol.E_SERVER and "fire" not in error["message"]


# --- authentication (§2) -----------------------------------------------------------------------


def test_missing_or_malformed_headers_are_bad_signature(api: SignedClient) -> None:
    for header, value in (
        ("X-Signature", None),
        ("X-Nonce", None),
        ("X-Nonce", "short"),
        ("X-Nonce", "ABCDEF0123456789ABCDEF"),  # upper case
        ("X-Timestamp", "soon"),
        ("X-Signature", "not-hex"),
        ("X-Company-Code", None),
    ):
        response = api.get("/dispatches", headers={header: value})
        assert response.status_code == 401, (header, value)
        error = error_of(response)
        assert error["code"] == protocol.E_BAD_SIGNATURE
        assert error["field"] == header


def test_unknown_company(srv: RunningServer, new_client: Callable[..., SignedClient]) -> None:
    stranger = new_client(new_company_code(), protocol.new_secret())
    response = stranger.get("/dispatches")
    assert response.status_code == 401
    assert error_of(response)["code"] == protocol.E_UNKNOWN_COMPANY


def test_a_wrong_secret_body_or_target_is_bad_signature(
    srv: RunningServer, api: SignedClient, new_client: Callable[..., SignedClient]
) -> None:
    impostor = new_client(api.company, protocol.new_secret())
    assert error_of(impostor.get("/dispatches"))["code"] == protocol.E_BAD_SIGNATURE

    body = json.dumps(order_body("A-1")).encode()
    signed = protocol.auth_headers(
        api.company, api.secret, "POST", "/api/v1/work-orders", body, time.time()
    )
    tampered = body.replace(b"A-1", b"A-2")
    response = api.http.post(
        "/work-orders",
        content=tampered,
        headers={**signed, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert response.status_code == 401
    assert error_of(response)["code"] == protocol.E_BAD_SIGNATURE

    # The query is part of what is signed.
    signed = protocol.auth_headers(
        api.company, api.secret, "GET", "/api/v1/dispatches?limit=5", b"", time.time()
    )
    response = api.http.get("/dispatches?limit=6", headers=signed)
    assert error_of(response)["code"] == protocol.E_BAD_SIGNATURE
    # The signature covers the target as sent, base path included.
    signed = protocol.auth_headers(api.company, api.secret, "GET", "/dispatches", b"", time.time())
    assert error_of(api.http.get("/dispatches", headers=signed))["code"] == protocol.E_BAD_SIGNATURE


def test_clock_skew_names_the_servers_time(api: SignedClient) -> None:
    for offset in (-400, 400):
        response = api.get("/dispatches", now=time.time() + offset)
        assert response.status_code == 401
        error = error_of(response)
        assert error["code"] == protocol.E_CLOCK_SKEW
        server_time = protocol.parse_rfc3339(error["server_time"])
        assert server_time is not None and abs(server_time.timestamp() - time.time()) < 5
    assert api.get("/dispatches", now=time.time() - 250).status_code == 200


def test_a_nonce_is_refused_the_second_time_but_not_burnt_by_a_bad_signature(
    api: SignedClient,
) -> None:
    signed = protocol.auth_headers(
        api.company, api.secret, "GET", "/api/v1/dispatches", b"", time.time()
    )
    forged = {**signed, "X-Signature": "0" * 64}
    assert error_of(api.http.get("/dispatches", headers=forged))["code"] == protocol.E_BAD_SIGNATURE
    assert api.http.get("/dispatches", headers=signed).status_code == 200
    response = api.http.get("/dispatches", headers=signed)
    assert response.status_code == 401
    assert error_of(response)["code"] == protocol.E_REPLAYED


def test_a_body_over_1_mib_is_413_before_anything_else(api: SignedClient) -> None:
    big = b'{"id": "' + b"x" * protocol.MAX_REQUEST_BODY + b'"}'
    response = api.post("/work-orders", None, content=big)
    assert response.status_code == 413
    assert error_of(response)["code"] == protocol.E_TOO_LARGE
    unsigned = api.http.post("/work-orders", content=big)  # no signature at all: still 413
    assert unsigned.status_code == 413


# --- work orders, events, callbacks ------------------------------------------------------------


def test_report_an_order_and_replay_it(srv: RunningServer, api: SignedClient) -> None:
    key = str(uuid.uuid4())
    first = api.post("/work-orders", order_body("GD-1"), key=key)
    assert first.status_code == 201
    assert first.headers["content-type"] == protocol.JSON_CONTENT_TYPE
    assert protocol.H_IDEMPOTENT_REPLAY not in first.headers
    created = first.json()
    assert created["id"] == "GD-1" and created["regulator_id"].startswith("R")

    # The same body re-serialised in another member order is the same request.
    shuffled = dict(reversed(list(order_body("GD-1").items())))
    again = api.post("/work-orders", shuffled, key=key)
    assert again.status_code == 201
    assert again.headers[protocol.H_IDEMPOTENT_REPLAY] == "true"
    assert again.json() == created

    conflict = api.post("/work-orders", order_body("GD-1", description="另一个"), key=key)
    assert conflict.status_code == 409
    assert error_of(conflict)["code"] == protocol.E_IDEMPOTENCY_CONFLICT
    elsewhere = api.post("/work-orders/GD-1/events", event_body(1), key=key)
    assert error_of(elsewhere)["code"] == protocol.E_IDEMPOTENCY_CONFLICT

    duplicate = api.post("/work-orders", order_body("GD-1"))
    assert duplicate.status_code == 409
    assert error_of(duplicate)["code"] == protocol.E_ALREADY_EXISTS

    [stored] = srv.store.work_orders(api.company)
    assert stored["id"] == "GD-1" and stored["regulator_id"] == created["regulator_id"]
    assert stored["household"] == {"building": "3", "unit": "2", "room": "1201"}
    assert stored["status"] == "accepted"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"household": {"building": "3", "unit": "2"}}, "household.room"),
        ({"id": 5}, "id"),
        ({"id": ""}, "id"),
        ({"category": "ghosts"}, "category"),
        ({"tier": None}, "tier"),
        ({"caller_phone_masked": "13812345678"}, "caller_phone_masked"),
        ({"reported_at": "2026-11-20 16:00"}, "reported_at"),
        ({"reported_at": "2026-11-20T16:00:00"}, "reported_at"),  # no offset
        ({"reported_at": "2026-13-20T16:00:00+08:00"}, "reported_at"),
        ({"description": "x" * 2001}, "description"),
        ({"dispatch_ticket_id": "T20990101-000001"}, "dispatch_ticket_id"),
    ],
)
def test_an_order_is_validated_field_by_field(
    api: SignedClient, change: dict[str, object], field: str
) -> None:
    response = api.post("/work-orders", order_body("GD-V", **change))
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == protocol.E_VALIDATION
    assert error["field"] == field


def test_unknown_members_are_ignored_and_nulls_allowed(api: SignedClient) -> None:
    body = order_body("GD-X", household=None, caller_phone_masked=None, due_at=None)
    body["future_member"] = {"anything": [1, 2]}
    assert api.post("/work-orders", body).status_code == 201


def test_bodies_that_are_not_json_objects_and_missing_keys(api: SignedClient) -> None:
    for content in (b"{", b"[]", b"", b'"text"', b"\xff\xfe"):
        response = api.post("/work-orders", None, content=content)
        assert response.status_code == 400, content
        assert error_of(response)["code"] == protocol.E_VALIDATION
    missing = api.post("/work-orders", order_body("GD-K"), headers={"Idempotency-Key": None})
    assert error_of(missing)["field"] == "Idempotency-Key"
    malformed = api.post("/work-orders", order_body("GD-K"), key="not-a-uuid")
    assert malformed.status_code == 400
    assert error_of(malformed)["field"] == "Idempotency-Key"
    surrogate = b'{"id": "\\ud800"}'
    assert api.post("/work-orders", None, content=surrogate).status_code == 400


def test_events_go_in_seq_order(srv: RunningServer, api: SignedClient) -> None:
    assert api.post("/work-orders", order_body("GD-2")).status_code == 201
    first_key = str(uuid.uuid4())
    response = api.post("/work-orders/GD-2/events", event_body(1), key=first_key)
    assert response.status_code == 201 and response.json() == {"seq": 1}

    gap = api.post("/work-orders/GD-2/events", event_body(3, "completed"))
    assert gap.status_code == 409
    error = error_of(gap)
    assert error["code"] == protocol.E_OUT_OF_ORDER and error["expected_seq"] == 2

    again = api.post("/work-orders/GD-2/events", event_body(1, "in_progress"))
    assert error_of(again)["expected_seq"] == 2
    wrong_type = api.post("/work-orders/GD-2/events", event_body(1) | {"seq": "2"})
    assert wrong_type.status_code == 400 and error_of(wrong_type)["field"] == "seq"
    assert api.post("/work-orders/GD-2/events", event_body(True)).status_code == 400  # type: ignore[arg-type]
    assert api.post("/work-orders/GD-2/events", event_body(0)).status_code == 400

    # A replay wins over the seq check: the client resends seq 1 after seq 2 went through.
    assert api.post("/work-orders/GD-2/events", event_body(2, "in_progress")).status_code == 201
    replay = api.post("/work-orders/GD-2/events", event_body(1), key=first_key)
    assert replay.status_code == 201
    assert replay.headers[protocol.H_IDEMPOTENT_REPLAY] == "true"
    assert replay.json() == {"seq": 1}

    unknown = api.post("/work-orders/NOPE/events", event_body(1))
    assert unknown.status_code == 404
    assert error_of(unknown)["code"] == protocol.E_NOT_FOUND
    events = srv.store.events(api.company, "GD-2")
    assert [(e["seq"], e["status"]) for e in events] == [(1, "dispatched"), (2, "in_progress")]


def test_an_out_of_order_refusal_is_not_replayed_later(api: SignedClient) -> None:
    assert api.post("/work-orders", order_body("GD-3")).status_code == 201
    early_key = str(uuid.uuid4())
    early = api.post("/work-orders/GD-3/events", event_body(2, "in_progress"), key=early_key)
    assert early.status_code == 409
    assert api.post("/work-orders/GD-3/events", event_body(1)).status_code == 201
    later = api.post("/work-orders/GD-3/events", event_body(2, "in_progress"), key=early_key)
    assert later.status_code == 201
    assert protocol.H_IDEMPOTENT_REPLAY not in later.headers


def test_a_promised_repair_starts_only_with_its_commitment(api: SignedClient) -> None:
    assert api.post("/work-orders", order_body("GD-4", tier="promised")).status_code == 201
    assert api.post("/work-orders/GD-4/events", event_body(1)).status_code == 201
    start = event_body(2, "in_progress")
    response = api.post("/work-orders/GD-4/events", start)
    assert response.status_code == 400 and error_of(response)["field"] == "promised_date"
    response = api.post("/work-orders/GD-4/events", start | {"promised_date": "2026-12-01"})
    assert response.status_code == 400 and error_of(response)["field"] == "commitment_no"
    response = api.post(
        "/work-orders/GD-4/events", start | {"promised_date": "2026-02-30", "commitment_no": "C1"}
    )
    assert response.status_code == 400 and error_of(response)["field"] == "promised_date"
    done = start | {"promised_date": "2026-12-01", "commitment_no": "CN20261120-0001"}
    assert api.post("/work-orders/GD-4/events", done).status_code == 201


def test_callbacks_only_after_completion(srv: RunningServer, api: SignedClient) -> None:
    callback = {"at": NOW, "method": "phone", "satisfaction": "satisfied", "comment": "很好"}
    response = api.post("/work-orders/GD-5/callbacks", callback)
    assert response.status_code == 404
    assert api.post("/work-orders", order_body("GD-5")).status_code == 201
    response = api.post("/work-orders/GD-5/callbacks", callback)  # still accepted
    assert response.status_code == 409 and error_of(response)["code"] == protocol.E_WRONG_STATE
    for seq, status in enumerate(("dispatched", "in_progress"), 1):
        assert api.post("/work-orders/GD-5/events", event_body(seq, status)).status_code == 201
    assert error_of(api.post("/work-orders/GD-5/callbacks", callback))["code"] == "wrong_state"
    assert api.post("/work-orders/GD-5/events", event_body(3, "completed")).status_code == 201
    response = api.post("/work-orders/GD-5/callbacks", callback)
    assert response.status_code == 201 and response.json() == {}
    bad = api.post("/work-orders/GD-5/callbacks", callback | {"method": "fax"})
    assert bad.status_code == 400 and error_of(bad)["field"] == "method"
    [stored] = srv.store.callbacks(api.company)
    assert stored["order_id"] == "GD-5" and stored["satisfaction"] == "satisfied"


def test_a_company_sees_only_its_own_orders(
    srv: RunningServer, api: SignedClient, new_client: Callable[..., SignedClient]
) -> None:
    assert api.post("/work-orders", order_body("GD-6")).status_code == 201
    other = new_client()
    assert other.post("/work-orders/GD-6/events", event_body(1)).status_code == 404
    assert other.post("/work-orders", order_body("GD-6")).status_code == 201  # its own GD-6


# --- dispatches and supervisions ---------------------------------------------------------------


def _tickets(srv: RunningServer, company: str, count: int) -> list[str]:
    return [
        srv.store.add_ticket(
            company,
            project_code="QD-LS-0001",
            category="elevator",
            content=f"电梯困人 {i}",
            household={"building": "1", "unit": "1", "room": f"{i + 1}01"},
            caller_phone_masked="139****0001",
            level="urgent",
            origin="hotline_12345" if i % 2 else "regulator_platform",
        )
        for i in range(count)
    ]


def test_dispatches_page_by_cursor_and_come_again_until_acknowledged(
    srv: RunningServer, api: SignedClient, new_client: Callable[..., SignedClient]
) -> None:
    ids = _tickets(srv, api.company, 5)
    assert all(t.startswith("T") and len(t) == len("T20261122-000123") for t in ids)
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        path = "/dispatches?limit=2" + (f"&after={cursor}" if cursor else "")
        page = api.get(path).json()
        seen += [item["ticket_id"] for item in page["items"]]
        cursor = page["next_cursor"]
        pages += 1
        if not page["has_more"]:
            break
    assert seen == ids and pages == 3
    item = api.get("/dispatches?limit=1").json()["items"][0]
    assert item["household"] == {"building": "1", "unit": "1", "room": "101"}
    assert item["level"] == "urgent" and item["origin"] == "regulator_platform"
    assert item["reply_due_at"].endswith("+08:00")

    # Nothing acknowledged yet: a listing without a cursor brings everything again.
    assert [i["ticket_id"] for i in api.get("/dispatches").json()["items"]] == ids
    empty = api.get(f"/dispatches?after={cursor}").json()
    assert empty["items"] == [] and empty["has_more"] is False

    ack = {"work_order_id": "GD-T1", "at": NOW}
    response = api.post(f"/dispatches/{ids[0]}/ack", ack)
    assert response.status_code == 200 and response.json() == {}
    assert api.post(f"/dispatches/{ids[0]}/ack", ack).status_code == 200  # same order: fine
    again = api.post(f"/dispatches/{ids[0]}/ack", ack | {"work_order_id": "GD-T2"})
    assert again.status_code == 409
    assert error_of(again)["code"] == protocol.E_ALREADY_ACKED
    assert [i["ticket_id"] for i in api.get("/dispatches").json()["items"]] == ids[1:]
    [first] = [t for t in srv.store.tickets(api.company) if t["ticket_id"] == ids[0]]
    assert first["acked_work_order_id"] == "GD-T1"

    unknown = api.post("/dispatches/T20990101-000001/ack", ack)
    assert unknown.status_code == 404 and error_of(unknown)["code"] == protocol.E_NOT_FOUND
    other = new_client()
    assert other.post(f"/dispatches/{ids[1]}/ack", ack).status_code == 404
    assert other.get("/dispatches").json()["items"] == []


def test_listing_limits_and_cursors_are_checked(api: SignedClient) -> None:
    for query, field in (
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("limit=ten", "limit"),
        ("after=garbage", "after"),
    ):
        for listing in ("/dispatches", "/supervisions"):
            response = api.get(f"{listing}?{query}")
            assert response.status_code == 400, (listing, query)
            assert error_of(response)["field"] == field
    assert api.get("/dispatches?limit=500").status_code == 200


def test_an_order_can_name_its_ticket(srv: RunningServer, api: SignedClient) -> None:
    [ticket] = _tickets(srv, api.company, 1)
    body = order_body("GD-7", source="hotline_12345", dispatch_ticket_id=ticket)
    assert api.post("/work-orders", body).status_code == 201


def test_replies_and_the_reply_rate(srv: RunningServer, api: SignedClient) -> None:
    ids = _tickets(srv, api.company, 2)
    late = srv.store.add_ticket(
        api.company,
        project_code="QD-LS-0001",
        category="lighting",
        content="路灯不亮",
        reply_due_at="2020-01-01T00:00:00+08:00",
    )
    reply = {"at": NOW, "result": "in_progress", "content": "已派维修工", "reason": None}
    assert api.post(f"/dispatches/{ids[0]}/reply", reply).status_code == 201
    done = reply | {"result": "resolved", "content": "已修复"}
    assert api.post(f"/dispatches/{ids[0]}/reply", done).status_code == 201
    refused = reply | {"result": "not_responsible"}
    response = api.post(f"/dispatches/{ids[1]}/reply", refused)
    assert response.status_code == 400 and error_of(response)["field"] == "reason"
    response = api.post(f"/dispatches/{ids[1]}/reply", refused | {"reason": "   "})
    assert response.status_code == 400
    response = api.post(f"/dispatches/{ids[1]}/reply", refused | {"reason": "属市政路灯"})
    assert response.status_code == 201
    assert api.post(f"/dispatches/{late}/reply", done).status_code == 201
    assert api.post("/dispatches/T20990101-000009/reply", done).status_code == 404
    bad = api.post(f"/dispatches/{ids[0]}/reply", done | {"result": "ignored"})
    assert bad.status_code == 400 and error_of(bad)["field"] == "result"

    tickets = {t["ticket_id"]: t for t in srv.store.tickets(api.company)}
    assert [r["result"] for r in tickets[ids[0]]["replies"]] == ["in_progress", "resolved"]
    assert srv.store.reply_rate(api.company) == pytest.approx(2 / 3)
    assert srv.store.stats(api.company)["tickets_replied"] == 3


def test_supervision_notices(
    srv: RunningServer, api: SignedClient, new_client: Callable[..., SignedClient]
) -> None:
    assert api.post("/work-orders", order_body("GD-8")).status_code == 201
    [ticket] = _tickets(srv, api.company, 1)
    ack = {"work_order_id": "GD-9", "at": NOW}
    assert api.post(f"/dispatches/{ticket}/ack", ack).status_code == 200
    about_order = srv.store.add_supervision(
        api.company,
        content="超期未完工",
        deadline="2026-11-25T17:00:00+08:00",
        work_order_id="GD-8",
    )
    about_ticket = srv.store.add_supervision(
        api.company, content="请尽快回复", deadline="2026-11-25T17:00:00+08:00", ticket_id=ticket
    )
    assert about_order.startswith("S")
    page = api.get("/supervisions").json()
    assert [s["supervision_id"] for s in page["items"]] == [about_order, about_ticket]
    assert page["items"][0]["ticket_id"] is None and page["items"][0]["work_order_id"] == "GD-8"
    # A ticket already acknowledged names its order too.
    assert page["items"][1]["work_order_id"] == "GD-9"
    assert page["has_more"] is False

    response = api.post(f"/supervisions/{about_order}/ack", {"at": NOW, "extra": 1})
    assert response.status_code == 200 and response.json() == {}
    assert api.post(f"/supervisions/{about_order}/ack", {"at": NOW}).status_code == 200
    assert [s["supervision_id"] for s in api.get("/supervisions").json()["items"]] == [about_ticket]
    assert api.post("/supervisions/S20990101-000001/ack", {"at": NOW}).status_code == 404
    assert api.post(f"/supervisions/{about_ticket}/ack", {"at": 5}).status_code == 400
    other = new_client()
    assert other.post(f"/supervisions/{about_ticket}/ack", {"at": NOW}).status_code == 404
    acked = {s["supervision_id"]: s["acked"] for s in srv.store.supervisions(api.company)}
    assert acked == {about_order: True, about_ticket: False}


def test_the_operator_api_refuses_bad_input(srv: RunningServer, api: SignedClient) -> None:
    with pytest.raises(StoreError):
        srv.store.register_company("91370200MA3C1234XX")
    with pytest.raises(StoreError):
        srv.store.register_company(new_company_code(), secret="short")
    with pytest.raises(StoreError):
        srv.store.register_company(api.company)
    with pytest.raises(StoreError):
        srv.store.add_ticket(api.company, project_code="P", category="ghosts", content="x")
    with pytest.raises(StoreError):
        srv.store.add_ticket(new_company_code(), project_code="P", category="other", content="x")
    with pytest.raises(StoreError):
        srv.store.add_ticket(
            api.company, project_code="P", category="other", content="x", caller_phone_masked="1"
        )
    with pytest.raises(StoreError):
        srv.store.add_supervision(api.company, content="x", deadline="tomorrow", ticket_id="T1")
    with pytest.raises(StoreError):
        srv.store.add_supervision(api.company, content="x", deadline=NOW, work_order_id="NOPE")
    with pytest.raises(StoreError):
        srv.store.add_supervision(api.company, content="x", deadline=NOW)


# --- disclosures -------------------------------------------------------------------------------


def _disclosure(**changes: object) -> dict[str, object]:
    body: dict[str, object] = {
        "project_code": "QD-LS-0001",
        "period": "2026Q3",
        "account": {"bank": "青岛银行", "account_no_masked": "6222********1234"},
        "opening_balance": "10000.00",
        "income": [
            {"category": "elevator_ads", "amount": "3000.00"},
            {"category": "parking", "amount": "0.05"},
        ],
        "expense": [{"category": "facility_repair", "amount": "500.05"}],
        "closing_balance": "12500.00",
        "entries": 42,
        "ledger_head_hash": "ab" * 32,
        "published_at": "2026-10-08T10:00:00+08:00",
    }
    body.update(changes)
    return body


def test_disclosures_balance_to_the_fen_and_keep_every_version(
    srv: RunningServer, api: SignedClient
) -> None:
    path = "/public-income/disclosures"
    response = api.post(path, _disclosure(closing_balance="12500.01"))
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == protocol.E_UNBALANCED and "12500.00" in error["message"]
    first = api.post(path, _disclosure())
    assert first.status_code == 201 and first.json() == {"version": 1}

    same_time = api.post(path, _disclosure(entries=43))
    assert same_time.status_code == 409 and error_of(same_time)["code"] == protocol.E_STALE
    earlier = api.post(path, _disclosure(published_at="2026-10-08T01:59:59Z"))
    assert error_of(earlier)["code"] == protocol.E_STALE
    later = api.post(path, _disclosure(published_at="2026-10-09T10:00:00+08:00", entries=43))
    assert later.status_code == 201 and later.json() == {"version": 2}
    other_period = api.post(path, _disclosure(period="2026-07"))
    assert other_period.status_code == 201 and other_period.json() == {"version": 1}

    negative = _disclosure(period="2026Q4", opening_balance="-100.00", closing_balance="2400.00")
    assert api.post(path, negative).status_code == 201

    for change, field in (
        ({"period": "2026Q5"}, "period"),
        ({"opening_balance": 10000}, "opening_balance"),
        ({"income": [{"category": "x", "amount": "-1.00"}]}, "income[0].amount"),
        ({"income": [{"category": "x", "amount": "1.5"}]}, "income[0].amount"),
        ({"entries": -1}, "entries"),
        ({"ledger_head_hash": "AB" * 32}, "ledger_head_hash"),
    ):
        response = api.post(path, _disclosure(**change))
        assert response.status_code == 400, change
        assert error_of(response)["field"] == field

    versions = srv.store.disclosures(api.company)
    q3 = [v for v in versions if v["period"] == "2026Q3"]
    assert [(v["version"], v["current"], v["entries"]) for v in q3] == [
        (1, False, 42),
        (2, True, 43),
    ]


# --- faults ------------------------------------------------------------------------------------


def test_fail_rate_gives_5xx_at_about_the_rate_and_health_is_spared(
    faults: Faults, api: SignedClient, srv: RunningServer
) -> None:
    faults.fail_rate = 0.3
    statuses = [api.get("/dispatches").status_code for _ in range(300)]
    failures = [s for s in statuses if s >= 500]
    assert set(statuses) <= {200, 500, 502, 503}
    assert 45 <= len(failures) <= 135  # 90 expected
    faults.fail_rate = 1.0
    assert httpx.get(f"{srv.base_url}/health").status_code == 200
    assert httpx.get(f"{srv.base_url}/openapi.json").status_code == 200


def test_a_failure_after_handling_took_effect_and_the_retry_is_a_replay(
    faults: Faults, api: SignedClient, srv: RunningServer
) -> None:
    faults.fail_rate = 1.0
    taken: tuple[str, str] | None = None
    for n in range(60):
        key = str(uuid.uuid4())
        response = api.post("/work-orders", order_body(f"GD-F{n}"), key=key)
        assert response.status_code in (500, 502, 503)
        assert error_of(response)["code"] == protocol.E_SERVER
        if any(o["id"] == f"GD-F{n}" for o in srv.store.work_orders(api.company)):
            taken = (f"GD-F{n}", key)
            break
    assert taken is not None, "no failure after handling in 60 tries"
    faults.fail_rate = 0.0
    retry = api.post("/work-orders", order_body(taken[0]), key=taken[1])
    assert retry.status_code == 201
    assert retry.headers[protocol.H_IDEMPOTENT_REPLAY] == "true"


def test_rate_limit_answers_429_with_retry_after(
    faults: Faults, api: SignedClient, srv: RunningServer, new_client: Callable[..., SignedClient]
) -> None:
    faults.rate_limit = 5
    waited = 0.0  # how far the rate limiter's clock is moved on, instead of sleeping
    faults.clock = lambda: time.monotonic() + waited
    signed = [
        protocol.auth_headers(
            api.company, api.secret, "GET", "/api/v1/dispatches", b"", time.time()
        )
        for _ in range(15)
    ]
    responses = [api.http.get("/dispatches", headers=h) for h in signed]
    limited = [(r, h) for r, h in zip(responses, signed, strict=True) if r.status_code == 429]
    assert 5 <= len(limited) <= 11
    response, headers = limited[0]
    assert error_of(response)["code"] == protocol.E_RATE_LIMITED
    wait = int(response.headers["retry-after"])
    assert wait >= 1
    # The refused request did not use up its nonce: sent again after the wait, it goes through.
    waited = wait
    assert api.http.get("/dispatches", headers=headers).status_code == 200
    other = new_client()
    assert other.get("/dispatches").status_code == 200  # another company has its own bucket


def test_latency_is_added(faults: Faults, api: SignedClient) -> None:
    faults.latency_ms = 200
    started = time.perf_counter()
    for _ in range(3):
        assert api.get("/dispatches").status_code == 200
    assert time.perf_counter() - started >= 3 * 0.1


def test_redelivery_brings_back_acknowledged_tickets(
    faults: Faults, srv: RunningServer, api: SignedClient
) -> None:
    ids = _tickets(srv, api.company, 3)
    for n, ticket in enumerate(ids):
        ack = {"work_order_id": f"GD-R{n}", "at": NOW}
        assert api.post(f"/dispatches/{ticket}/ack", ack).status_code == 200
    assert api.get("/dispatches").json()["items"] == []
    faults.redeliver_rate = 1.0
    items = api.get("/dispatches").json()["items"]
    assert 1 <= len(items) <= 2 and {i["ticket_id"] for i in items} <= set(ids)
    assert api.get("/dispatches?limit=1").json()["has_more"] is False


# --- persistence -------------------------------------------------------------------------------


def test_everything_survives_a_restart(tmp_path: Path) -> None:
    code = new_company_code()
    key = str(uuid.uuid4())
    with start_server(tmp_path) as first:
        secret = first.store.register_company(code)
        ticket = first.store.add_ticket(
            code, project_code="QD-LS-0001", category="other", content="x"
        )
        api = SignedClient(first.base_url, code, secret)
        assert api.post("/work-orders", order_body("GD-P"), key=key).status_code == 201
        assert api.post("/work-orders/GD-P/events", event_body(1)).status_code == 201
        used = protocol.auth_headers(code, secret, "GET", "/api/v1/dispatches", b"", time.time())
        assert api.http.get("/dispatches", headers=used).status_code == 200
        api.close()
    for stored in tmp_path.glob("regulator.sqlite3*"):  # the secret is sealed (§2)
        assert secret.encode() not in stored.read_bytes()

    with start_server(tmp_path) as second:
        api = SignedClient(second.base_url, code, secret)
        replay = api.post("/work-orders", order_body("GD-P"), key=key)
        assert replay.status_code == 201
        assert replay.headers[protocol.H_IDEMPOTENT_REPLAY] == "true"
        gap = api.post("/work-orders/GD-P/events", event_body(3))
        assert error_of(gap)["expected_seq"] == 2
        assert [i["ticket_id"] for i in api.get("/dispatches").json()["items"]] == [ticket]
        replayed = api.http.get("/dispatches", headers=used)
        assert error_of(replayed)["code"] == protocol.E_REPLAYED
        api.close()


# --- the admin page ----------------------------------------------------------------------------


def test_the_admin_page_shows_companies_to_this_computer_only(
    srv: RunningServer, api: SignedClient
) -> None:
    assert api.post("/work-orders", order_body("GD-ADMIN")).status_code == 201
    root = srv.base_url.removesuffix("/api/v1")
    page = httpx.get(f"{root}/admin")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert api.company in page.text and "GD-ADMIN" in page.text

    store = Store(srv.store.path.parent)

    async def from_afar() -> httpx.Response:
        transport = httpx.ASGITransport(app=create_app(store), client=("192.0.2.7", 4000))
        async with httpx.AsyncClient(transport=transport, base_url="http://sim") as client:
            return await client.get("/admin")

    try:
        response = asyncio.run(from_afar())
    finally:
        store.close()
    assert response.status_code == 403
    assert error_of(response)["code"] == "forbidden"
