"""The regulator connection: what may be saved, and where the secret goes."""

from __future__ import annotations

import os
import stat

import pytest

from tests.conftest import valid_credit_code
from wuye_desktop.core.errors import ValidationError
from wuye_desktop.core.roles import Actor
from wuye_desktop.regulator import credentials, settings
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Setting

URL = "http://127.0.0.1:8765/api/v1"


def test_enabling_without_any_secret_on_this_computer_is_refused(
    db: Database, admin: Actor
) -> None:
    with pytest.raises(ValidationError) as refused:
        settings.save_connection(db, admin, settings.Connection(URL, "", 60, True))
    assert refused.value.for_field("secret")
    # Switched off, it may be saved without one; with one stored, a later save keeps it.
    settings.save_connection(db, admin, settings.Connection(URL, "", 60, False))
    settings.save_connection(db, admin, settings.Connection(URL, "", 60, True), "k" * 40)
    settings.save_connection(db, admin, settings.Connection(URL, "", 120, True))
    assert settings.load_connection(db).interval_s == 120


@pytest.mark.parametrize(
    ("connection", "secret", "field"),
    [
        (settings.Connection("http://platform.example.cn/api", "", 60, True), "k" * 40, "base_url"),
        (settings.Connection(URL, "/no/such/ca.pem", 60, True), "k" * 40, "ca_bundle"),
        (settings.Connection(URL, "", 5, True), "k" * 40, "interval_s"),
        (settings.Connection(URL, "", 60, True), "short", "secret"),
    ],
)
def test_bad_settings_are_refused_at_their_field(
    db: Database, admin: Actor, connection: settings.Connection, secret: str, field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        settings.save_connection(db, admin, connection, secret)
    assert refused.value.for_field(field)


def test_the_secret_stays_out_of_the_database_in_a_private_file(db: Database, admin: Actor) -> None:
    secret = "s3cret-" + "x" * 40
    where = settings.save_connection(db, admin, settings.Connection(URL, "", 60, True), secret)
    assert where is not None and not where.keyring
    mode = stat.S_IMODE(os.stat(where.description).st_mode)
    assert mode == 0o600
    assert credentials.load_secret(URL, valid_credit_code()) == secret
    with db.read() as s:
        assert all(secret not in row.value for row in s.query(Setting))
