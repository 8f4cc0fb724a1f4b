"""Directory services added for the Directory tab: saving a community with its channels."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from tests.conftest import make_user
from wuye_desktop.core import directory
from wuye_desktop.core.errors import ConcurrentEdit, PermissionDenied, ValidationError
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.core.vocab import Channel
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry


def _channels(phone: str = "0532-88881234") -> list[directory.ChannelInput]:
    return [
        directory.ChannelInput(Channel.PROPERTY, "安居物业", "王经理", phone, "24小时"),
        directory.ChannelInput(Channel.REPAIR_CONTRACTOR, "房修公司", "李工", "13911112222", ""),
        directory.ChannelInput(Channel.DEVELOPER, "海尔地产", "赵主任", "400 888 1234", ""),
    ]


def _audit_actions(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_save_community_creates_it_with_channels_in_one_go(db: Database, admin: Actor) -> None:
    data = directory.CommunityInput(code="qd002", name=" 金茂湾 ", project_code="370202-002")
    view = directory.save_community(db, admin, None, data, _channels())
    assert (view.code, view.name, view.project_code) == ("QD002", "金茂湾", "370202-002")
    assert [c.channel for c in view.channels] == list(Channel)
    assert view.channels[2].phone == "400-888-1234"
    assert _audit_actions(db)[-1] == "community.create"


def test_save_community_refuses_both_parts_and_writes_nothing(db: Database, admin: Actor) -> None:
    data = directory.CommunityInput(code="7X", name="")
    with pytest.raises(ValidationError) as caught:
        directory.save_community(db, admin, None, data, _channels(phone="12345"))
    assert {e.field for e in caught.value.errors} == {"code", "name", "property.phone"}
    assert directory.list_communities(db, admin) == []


def test_save_community_refuses_a_taken_code(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    data = directory.CommunityInput(code="QD001", name="又一个")
    with pytest.raises(ValidationError) as caught:
        directory.save_community(db, admin, None, data, [])
    assert [e.field for e in caught.value.errors] == ["code"]


def test_save_community_updates_fields_and_channels_and_keeps_the_code(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    data = directory.CommunityInput(code="IGNORED", name="海尔云谷二期", address="崂山区")
    items = _channels(phone="13800001111")
    view = directory.save_community(db, admin, community.id, data, items, community.version)
    assert (view.code, view.name, view.address) == ("QD001", "海尔云谷二期", "崂山区")
    assert view.channels[0].phone == "13800001111"
    assert view.version > community.version
    detail = json.loads(_last_detail(db))
    assert detail["channels"] == ["property", "repair_contractor", "developer"]


def _last_detail(db: Database) -> str:
    with db.read() as s:
        entry = s.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1))
        assert entry is not None
        assert entry.action == "community.update"
        return entry.detail


def test_save_community_changing_only_channels_makes_another_desk_stale(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    data = directory.CommunityInput(code="QD001", name=community.name)
    directory.save_community(
        db, admin, community.id, data, _channels("13800001111"), community.version
    )
    with pytest.raises(ConcurrentEdit):
        directory.save_community(
            db, admin, community.id, data, _channels("13800002222"), community.version
        )
    fresh = directory.get_community(db, admin, community.id)
    assert fresh.channels[0].phone == "13800001111"


def test_save_community_needs_directory_edit(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    desk = make_user(db, admin, Role.DESK, "desk1")
    data = directory.CommunityInput(code="QD001", name="改名")
    with pytest.raises(PermissionDenied):
        directory.save_community(db, desk, community.id, data, [], community.version)
    assert directory.get_community(db, admin, community.id).name == community.name


def test_community_choices_name_every_community_in_code_order(db: Database, admin: Actor) -> None:
    for code, name in (("QD002", "崂山翠湖苑"), ("QD001", "海岸云庭")):
        directory.create_community(db, admin, directory.CommunityInput(code=code, name=name))
    choices = directory.community_choices(db, admin)
    assert [(c.code, c.name) for c in choices] == [("QD001", "海岸云庭"), ("QD002", "崂山翠湖苑")]
