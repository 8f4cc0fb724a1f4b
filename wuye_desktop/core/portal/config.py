"""The owners' reporting page's company settings: its public address (the signs' QR codes open
it once set), whether it is switched on, and the secret its form tokens and follow links are
signed with (kept apart, so that an audit entry of the settings never holds it)."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy.exc import IntegrityError

from wuye_desktop.core import audit
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import Actor, Permission, Role
from wuye_desktop.core.settings import read_value, write_value
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Setting

SETTINGS_KEY = "portal"
SECRET_KEY = "portal.secret"
MAX_URL = 200
# Who files and rates on the page: an owner, through the desk's rights on orders (never more:
# it reads and writes only what core.portal asks of it).
PORTAL_ACTOR = Actor(user_id=None, username="owner-portal", role=Role.DESK)
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class PortalSettings:
    public_url: str = ""  # https://bx.example.com, no trailing slash; "" = signs carry WUYE:
    enabled: bool = True  # off: the page answers 暂停使用 and files nothing


def portal_settings(db: Database) -> PortalSettings:
    with db.read() as s:
        value = read_value(s, SETTINGS_KEY)
    if not isinstance(value, dict):
        return PortalSettings()
    return PortalSettings(str(value.get("public_url", "")), bool(value.get("enabled", True)))


def public_url_problem(url: str) -> str | None:
    """Why *url* cannot be the page's public address: https://, or http:// on this computer
    (to try it out); no query or fragment, since the page's paths are appended."""
    if len(url) > MAX_URL:
        return QT_TRANSLATE_NOOP("core", "At most {n} characters")
    parts = urlsplit(url)
    host = parts.hostname or ""
    if (parts.scheme == "https" and host) or (parts.scheme == "http" and host in _LOOPBACK):
        pass
    else:
        return QT_TRANSLATE_NOOP(
            "core", "An https:// address (http:// only for 127.0.0.1, to try the page out)"
        )
    if parts.query or parts.fragment or any(c.isspace() for c in url):
        return QT_TRANSLATE_NOOP(
            "core", "An https:// address (http:// only for 127.0.0.1, to try the page out)"
        )
    return None


def configure_portal(
    db: Database, actor: Actor, *, public_url: str | None = None, enabled: bool | None = None
) -> PortalSettings:
    """Set the page's public address ("" to stop the signs pointing at it) and/or switch it on
    or off. Administrators only, audited; None leaves a setting as it is."""
    actor.require(Permission.ADMINISTER)
    url = None if public_url is None else public_url.strip().rstrip("/")
    if url and (problem := public_url_problem(url)):
        raise ValidationError([FieldError("public_url", problem, {"n": MAX_URL})])
    with db.transaction() as s:
        before = read_value(s, SETTINGS_KEY)
        value = dict(before) if isinstance(before, dict) else {}
        if url is not None:
            value["public_url"] = url
        if enabled is not None:
            value["enabled"] = enabled
        if value != before:
            write_value(s, SETTINGS_KEY, value)
            audit.record(s, actor, "portal.configure", "setting", SETTINGS_KEY, **value)
    return PortalSettings(str(value.get("public_url", "")), bool(value.get("enabled", True)))


def portal_secret(db: Database) -> bytes:
    """The page's signing secret, made on first use (two services starting at once agree on
    the one that was stored first)."""
    with db.read() as s:
        value = read_value(s, SECRET_KEY)
    if isinstance(value, str) and value:
        return bytes.fromhex(value)
    try:
        with db.transaction() as s:
            # Read once: on PostgreSQL a second read (write_value's) could find the secret
            # another service stored a moment ago and overwrite it, and the forms that
            # service signed would all come back 页面已过期. Insert it, and if another got in
            # first, the insert fails and theirs is read below.
            row = s.get(Setting, SECRET_KEY)
            value = None if row is None else json.loads(row.value)
            if not (isinstance(value, str) and value):
                value = secrets.token_hex(32)
                if row is None:
                    s.add(Setting(key=SECRET_KEY, value=json.dumps(value)))
                else:  # a damaged value: replaced
                    row.value = json.dumps(value)
    except IntegrityError:
        with db.read() as s:
            value = read_value(s, SECRET_KEY)
    return bytes.fromhex(str(value))
