"""What the owners' reporting page's tests share: a company with a community whose signs were
printed with the page's address (so that the keys exist), the page as a TestClient, and
reading the form's token and the follow link out of a page."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

import httpx
import pytest
from PIL import Image
from sqlalchemy import select

from wuye_desktop.core import directory, portal
from wuye_desktop.core.roles import Actor
from wuye_desktop.portal.app import PortalConfig
from wuye_desktop.portal.runner import start_portal
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Household, PortalKey

PUBLIC_URL = "https://bx.example.com"


@dataclass(frozen=True)
class Keys:
    home: str  # 3-2-1201's in-home card
    other_home: str  # 3-2-1202's
    entrance: str  # 3-2's lobby and elevators


def make_keys(db: Database, admin: Actor, community: directory.CommunityView) -> Keys:
    directory.create_household(
        db, admin, community.id, directory.HouseholdInput("3", "2", "1202", [])
    )
    portal.configure_portal(db, admin, public_url=PUBLIC_URL)
    with db.read() as s:
        ids = {c: i for c, i in s.execute(select(Household.code, Household.id))}
    portal.sign_addresses(
        db, PUBLIC_URL, community.id, [ids["QD001-3-2-1201"], ids["QD001-3-2-1202"]], ["QD001-3-2"]
    )
    with db.read() as s:
        by_household = {h: k for h, k in s.execute(select(PortalKey.household_id, PortalKey.key))}
        entrance = s.scalar(select(PortalKey.key).where(PortalKey.entrance == "QD001-3-2"))
    assert entrance is not None
    return Keys(by_household[ids["QD001-3-2-1201"]], by_household[ids["QD001-3-2-1202"]], entrance)


@contextmanager
def serve(db: Database, config: PortalConfig | None = None) -> Iterator[httpx.Client]:
    """The page on a free port of this computer, and a client of it (as a phone would be)."""
    with (
        start_portal(db, config=config) as running,
        httpx.Client(base_url=running.base_url, timeout=30) as c,
    ):
        yield c


Serve = Callable[..., httpx.Client]


@pytest.fixture
def client() -> Iterator[Serve]:
    """``client(db, config=None)``: a client of the page served until the test ends."""
    with ExitStack() as stack:
        yield lambda db, config=None: stack.enter_context(serve(db, config))


def token_of(page: str) -> str:
    m = re.search(r'name="token" value="([^"]+)"', page)
    assert m, page
    return m.group(1)


def follow_link(page: str) -> str:
    m = re.search(r'href="https?://[^"]*?(/f/[A-Za-z0-9_-]+)"', page)
    assert m, page
    return m.group(1)


def order_number(page: str) -> str:
    m = re.search(r"GD\d{8}-\d{4}", page)
    assert m, page
    return m.group(0)


def report(
    c: httpx.Client,
    path: str,
    *,
    category: str = "water_leak",
    description: str = "卫生间天花板漏水",
    phone: str = "13912345678",
    name: str = "",
    room: str = "",
    token: str | None = None,
    files: list[tuple[str, tuple[str, bytes, str]]] | None = None,
) -> tuple[int, str]:
    if token is None:
        form = c.get(path)
        assert form.status_code == 200, form.text
        token = token_of(form.text)
    data = {
        "token": token,
        "category": category,
        "description": description,
        "phone": phone,
        "name": name,
        "room": room,
    }
    r = c.post(path, data=data, files=files or [])
    return r.status_code, r.text


def jpeg_with_gps() -> bytes:
    """A photo as a phone takes it: with EXIF that says where it was taken."""
    img = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (36.0, 4.0, 1.0)
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif)
    return out.getvalue()
