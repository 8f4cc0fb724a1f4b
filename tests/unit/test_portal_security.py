"""The owners' reporting page against strangers (issue 19 point 4): keys that open nothing look
alike, forms cannot be forged or replayed elsewhere, words are escaped, photos lose their EXIF,
and rates, sizes and slowness are bounded with a friendly page, never a traceback."""

from __future__ import annotations

import io
import socket
import time

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from sqlalchemy import delete, select

from tests.unit import portal_support
from tests.unit.portal_support import Serve, follow_link, jpeg_with_gps, make_keys, report
from wuye_desktop.core import directory
from wuye_desktop.core.roles import Actor
from wuye_desktop.portal.app import PortalConfig
from wuye_desktop.portal.forms import check_token, issue_token
from wuye_desktop.portal.runner import start_portal
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Household, OrderPhoto, PortalKey, WorkOrder

client = portal_support.client
LOOSE = PortalConfig(requests_per_minute=10_000, posts_per_10_minutes=10_000, reports_per_hour=1000)


def test_a_wrong_key_a_missing_household_and_a_key_of_the_other_kind_look_the_same(
    db: Database, admin: Actor, community: directory.CommunityView, client: Serve
) -> None:
    keys = make_keys(db, admin, community)
    c = client(db)
    wrong = c.get("/h/" + "A" * 22)
    assert wrong.status_code == 404
    for path in (f"/e/{keys.home}", f"/h/{keys.entrance}", "/h/short", "/x/" + keys.home, "/"):
        r = c.get(path)
        assert (r.status_code, r.text) == (404, wrong.text), path
    with db.transaction() as s:  # the household gone (its key stays or goes: the same)
        hid = s.scalar(select(PortalKey.household_id).where(PortalKey.key == keys.other_home))
        s.execute(delete(Household).where(Household.id == hid))
    r = c.get(f"/h/{keys.other_home}")
    assert (r.status_code, r.text) == (404, wrong.text)
    assert c.get("/f/" + "x" * 43).text == wrong.text  # a guessed follow link


def test_keys_are_random_and_not_the_household_code(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    keys = make_keys(db, admin, community)
    assert len({keys.home, keys.other_home, keys.entrance}) == 3
    assert all(len(k) == 22 and "QD001" not in k for k in (keys.home, keys.entrance))


def test_a_form_without_a_valid_token_for_this_key_is_refused(
    db: Database, admin: Actor, community: directory.CommunityView, client: Serve
) -> None:
    keys = make_keys(db, admin, community)
    c = client(db)
    other_token = portal_support.token_of(c.get(f"/h/{keys.other_home}").text)
    for token in ("", "forged", other_token, other_token[:-1] + "0"):
        status, page = report(c, f"/h/{keys.home}", token=token)
        assert status == 403 and "页面已过期" in page
    with db.read() as s:
        assert s.scalar(select(WorkOrder)) is None
    secret = b"k" * 32
    old = issue_token(secret, "key", now=time.time() - 3 * 24 * 3600)
    assert check_token(secret, "key", old) is None
    assert check_token(secret, "key", issue_token(secret, "key")) is not None


def test_what_an_owner_writes_is_escaped(
    db: Database, admin: Actor, community: directory.CommunityView, client: Serve
) -> None:
    keys = make_keys(db, admin, community)
    c = client(db)
    evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    status, page = report(c, f"/h/{keys.home}", description=evil, name="<b>x</b>")
    assert status == 200
    followed = c.get(follow_link(page))
    assert "<script>alert(1)" not in followed.text and "&lt;script&gt;" in followed.text
    assert "<img src=x" not in followed.text
    assert "default-src 'none'" in followed.headers["content-security-policy"]
    assert followed.headers["referrer-policy"] == "no-referrer"
    assert followed.headers["cache-control"] == "no-store"


def test_photos_are_checked_by_content_re_encoded_and_lose_their_exif(
    db: Database, admin: Actor, community: directory.CommunityView, client: Serve
) -> None:
    keys = make_keys(db, admin, community)
    c = client(db)
    assert b"PhoneMaker" in jpeg_with_gps()
    png = io.BytesIO()
    Image.new("RGB", (20, 20)).save(png, "PNG")
    files = [
        ("photo", ("a.jpg", jpeg_with_gps(), "image/jpeg")),
        ("photo", ("b.png", png.getvalue(), "image/png")),
    ]
    status, page = report(c, f"/h/{keys.home}", files=files)
    assert status == 200, page
    with db.read() as s:
        stored = list(s.scalars(select(OrderPhoto)))
    assert len(stored) == 2
    for p in stored:
        assert p.mime == "image/jpeg" and b"PhoneMaker" not in p.data and b"Exif" not in p.data
        with Image.open(io.BytesIO(p.data)) as img:
            assert img.format == "JPEG" and not img.getexif()
    # A file that calls itself a photo but is not one is refused, and nothing is filed.
    fake = [("photo", ("c.jpg", b"\xff\xd8\xff" + b"<?php echo 1; ?>" * 10, "image/jpeg"))]
    status, page = report(c, f"/h/{keys.home}", category="doors_windows", files=fake)
    assert status == 400 and "照片无法识别" in page
    # More than three photos: refused with a page.
    four = [("photo", (f"{i}.png", png.getvalue(), "image/png")) for i in range(4)]
    status, page = report(c, f"/h/{keys.home}", category="doors_windows", files=four)
    assert status == 400 and "最多3张" in page
    with db.read() as s:
        assert len(list(s.scalars(select(WorkOrder)))) == 1


def test_too_many_requests_from_one_address_get_a_friendly_page(
    db: Database, admin: Actor, community: directory.CommunityView, client: Serve
) -> None:
    keys = make_keys(db, admin, community)
    c = client(db, PortalConfig(requests_per_minute=3))
    for _ in range(3):
        assert c.get(f"/h/{keys.home}").status_code == 200
    r = c.get(f"/h/{keys.home}")
    assert r.status_code == 429 and "稍后再试" in r.text and r.headers["retry-after"]


def test_too_many_reports_for_one_household_within_the_hour(
    db: Database, admin: Actor, community: directory.CommunityView, client: Serve
) -> None:
    keys = make_keys(db, admin, community)
    c = client(db, PortalConfig(reports_per_hour=1))
    assert report(c, f"/h/{keys.home}")[0] == 200
    status, page = report(c, f"/h/{keys.home}", category="doors_windows")
    assert status == 429 and "稍后再试" in page
    # The same household through its entrance's sign counts too.
    status, page = report(c, f"/e/{keys.entrance}", category="electrical", room=room_of(db))
    assert status == 429


def room_of(db: Database) -> str:
    with db.read() as s:
        return str(s.scalar(select(Household.id).where(Household.room == "1201")))


def test_a_huge_body_is_refused_before_it_is_read(
    db: Database, admin: Actor, community: directory.CommunityView, client: Serve
) -> None:
    keys = make_keys(db, admin, community)
    c = client(db, PortalConfig(max_body=20_000))
    big = [("photo", ("a.jpg", b"\xff" * 50_000, "image/jpeg"))]
    status, page = report(c, f"/h/{keys.home}", files=big)
    assert status == 413 and "太大" in page


def test_a_body_that_trickles_in_is_cut_off(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    keys = make_keys(db, admin, community)
    config = PortalConfig(chunk_timeout_s=0.5, body_timeout_s=2)
    with start_portal(db, config=config) as running:
        with socket.create_connection(("127.0.0.1", running.port), timeout=10) as sock:
            sock.sendall(
                f"POST /h/{keys.home} HTTP/1.1\r\nHost: x\r\nContent-Type: "
                "application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ntoken=".encode()
            )
            started = time.monotonic()
            answer = sock.recv(4096)
        assert time.monotonic() - started < 5
        assert answer.startswith(b"HTTP/1.1 408")


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    fields=st.fixed_dictionaries(
        {
            k: st.one_of(st.text(max_size=600), st.sampled_from(["water_leak", "13912345678"]))
            for k in ("category", "description", "phone", "name", "room")
        }
    ),
    token_ok=st.booleans(),
)
def test_fuzzed_forms_never_break_the_page(
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    client: Serve,
    fields: dict[str, str],
    token_ok: bool,
) -> None:
    keys = fuzz_keys.get(id(db)) or fuzz_keys.setdefault(id(db), make_keys(db, admin, community))
    c = fuzz_clients.get(id(db)) or fuzz_clients.setdefault(id(db), client(db, LOOSE))
    for path in (f"/h/{keys.home}", f"/e/{keys.entrance}"):
        status, page = report(c, path, token=None if token_ok else fields["name"], **_clean(fields))
        assert status in (200, 400, 403), page
        assert "Traceback" not in page and "Internal Server Error" not in page
        assert page.startswith("<!DOCTYPE html>")


fuzz_keys: dict[int, portal_support.Keys] = {}
fuzz_clients: dict[int, httpx.Client] = {}


def _clean(fields: dict[str, str]) -> dict[str, str]:
    # httpx sends what it is given; a NUL or lone surrogate cannot be encoded in a form at all.
    return {k: v.encode("utf-8", "replace").decode().replace("\x00", "") for k, v in fields.items()}
