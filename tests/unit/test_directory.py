"""The directory services: communities, channels, buildings, households, search and masking."""

from __future__ import annotations

import json

import pytest

from tests.conftest import make_user, stored_owners, valid_credit_code
from wuye_desktop.core import audit, directory
from wuye_desktop.core.directory import (
    BuildingInput,
    ChannelInput,
    CommunityInput,
    CommunityView,
    HouseholdInput,
    OwnerInput,
)
from wuye_desktop.core.errors import ConcurrentEdit, NotFound, PermissionDenied, ValidationError
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.core.vocab import Channel
from wuye_desktop.storage.db import Database


def _add(
    db: Database, admin: Actor, community: CommunityView, room: str, *owners: OwnerInput
) -> directory.HouseholdView:
    building, unit, number = room.split("-")
    return directory.create_household(
        db, admin, community.id, HouseholdInput(building, unit, number, list(owners))
    )


def _codes(db: Database, actor: Actor, ids: list[int]) -> list[str]:
    return [r.code for r in directory.household_rows(db, actor, ids)]


def _search(db: Database, actor: Actor, text: str) -> list[str]:
    return _codes(db, actor, directory.search_household_ids(db, actor, text))


# --- communities and channels ----------------------------------------------------------------


def test_community_code_is_normalised_and_unique(db: Database, admin: Actor) -> None:
    c = directory.create_community(db, admin, CommunityInput(" qd002 ", " 海信花园 ", "370203-7"))
    assert (c.code, c.name, c.project_code) == ("QD002", "海信花园", "370203-7")
    with pytest.raises(ValidationError) as caught:
        directory.create_community(db, admin, CommunityInput("QD002", "重复"))
    assert [e.field for e in caught.value.errors] == ["code"]
    assert [x.code for x in directory.list_communities(db, admin)] == ["QD002"]


def test_community_fields_are_checked_together(db: Database, admin: Actor) -> None:
    with pytest.raises(ValidationError) as caught:
        directory.create_community(db, admin, CommunityInput("1-bad", ""))
    assert {e.field for e in caught.value.errors} == {"code", "name"}


def test_community_update_keeps_the_code_and_checks_the_version(
    db: Database, admin: Actor, community: CommunityView
) -> None:
    updated = directory.update_community(
        db, admin, community.id, CommunityInput("XX9", "海尔云谷二期", "370202-002"), 1
    )
    assert (updated.code, updated.name, updated.version) == ("QD001", "海尔云谷二期", 2)
    with pytest.raises(ConcurrentEdit):
        directory.update_community(db, admin, community.id, CommunityInput("QD001", "旧"), 1)
    assert directory.get_community(db, admin, "qd001").name == "海尔云谷二期"


def test_the_three_channels_in_their_order(community: CommunityView) -> None:
    assert [(c.channel, c.phone) for c in community.channels] == [
        (Channel.PROPERTY, "0532-88881234"),
        (Channel.REPAIR_CONTRACTOR, "13911112222"),
        (Channel.DEVELOPER, "400-888-1234"),  # a service number is fine for a channel
    ]


def test_a_bad_channel_phone_is_refused_at_its_field(
    db: Database, admin: Actor, community: CommunityView
) -> None:
    with pytest.raises(ValidationError) as caught:
        directory.set_channels(
            db,
            admin,
            community.id,
            [
                ChannelInput(Channel.PROPERTY, "安居物业", "王经理", "0532-8888"),
                ChannelInput(Channel.DEVELOPER, "海尔地产", "赵主任", "12345"),
            ],
        )
    assert [e.field for e in caught.value.errors] == ["property.phone", "developer.phone"]
    fresh = directory.get_community(db, admin, community.id)
    assert fresh.channels == community.channels


def test_setting_one_channel_keeps_the_others(
    db: Database, admin: Actor, community: CommunityView
) -> None:
    updated = directory.set_channels(
        db,
        admin,
        community.id,
        [ChannelInput(Channel.REPAIR_CONTRACTOR, "新房修", "周工", "+86 139 0000 1111", "全天")],
    )
    assert [(c.channel, c.contact, c.phone) for c in updated.channels] == [
        (Channel.PROPERTY, "王经理", "0532-88881234"),
        (Channel.REPAIR_CONTRACTOR, "周工", "13900001111"),
        (Channel.DEVELOPER, "赵主任", "400-888-1234"),
    ]


def test_company_update_checks_credit_code_phone_and_report_url(db: Database, admin: Actor) -> None:
    with pytest.raises(ValidationError) as caught:
        directory.update_company(
            db,
            admin,
            directory.CompanyInput(
                "安居物业", "91370200MA3C123450", phone="12", report_url_template="http://x"
            ),
        )
    assert {e.field for e in caught.value.errors} == {
        "credit_code",
        "phone",
        "report_url_template",
    }
    good = directory.update_company(
        db,
        admin,
        directory.CompanyInput(
            "安居物业",
            valid_credit_code(),
            phone="4008881234",
            report_url_template="https://report.example.cn/r?h={household}",
        ),
    )
    assert good.phone == "400-888-1234"


# --- buildings and units ---------------------------------------------------------------------


def test_buildings_units_and_rooms_sort_as_numbers(
    db: Database, admin: Actor, community: CommunityView
) -> None:
    for room in ("10-1-101", "2-10-101", "2-2-101", "2-2-1001", "2-2-201", "2-2-20A", "1-1-101"):
        _add(db, admin, community, room)
    buildings = directory.list_buildings(db, admin, community.id)
    assert [b.number for b in buildings] == ["1", "2", "3", "10"]
    two = next(b for b in buildings if b.number == "2")
    units = directory.list_units(db, admin, two.id)
    assert [(u.number, u.household_count) for u in units] == [("2", 4), ("10", 1)]
    rooms = _codes(db, admin, directory.household_ids_in_unit(db, admin, units[0].id))
    assert rooms == ["QD001-2-2-20A", "QD001-2-2-101", "QD001-2-2-201", "QD001-2-2-1001"]


def test_sort_key_orders_numbers_numerically() -> None:
    numbers = ["10", "2", "1", "10A", "B1", "100", "9"]
    assert sorted(numbers, key=directory.sort_key) == ["1", "2", "9", "10", "10A", "100", "B1"]


def test_a_building_number_is_unique_in_its_community(
    db: Database, admin: Actor, community: CommunityView
) -> None:
    b = directory.create_building(db, admin, community.id, BuildingInput("5", floors=11))
    assert (b.name, b.floors) == ("5号楼", 11)
    with pytest.raises(ValidationError) as caught:
        directory.create_building(db, admin, community.id, BuildingInput("5"))
    assert [e.field for e in caught.value.errors] == ["number"]
    with pytest.raises(ValidationError) as caught:
        directory.create_building(
            db, admin, community.id, BuildingInput("6-1", floors=300, elevator_count=-1)
        )
    assert {e.field for e in caught.value.errors} == {"number", "floors", "elevator_count"}


def test_building_update_records_elevators_and_checks_version(
    db: Database, admin: Actor, community: CommunityView
) -> None:
    [b] = directory.list_buildings(db, admin, community.id)
    updated = directory.update_building(
        db, admin, b.id, BuildingInput("99", "3号楼（高层）", 33, 2), b.version
    )
    assert (updated.number, updated.name, updated.floors, updated.elevator_count) == (
        "3",
        "3号楼（高层）",
        33,
        2,
    )
    with pytest.raises(ConcurrentEdit):
        directory.update_building(db, admin, b.id, BuildingInput("3", floors=1), b.version)


# --- households ------------------------------------------------------------------------------


def test_household_code_and_qr_payload(
    community: CommunityView, db: Database, admin: Actor
) -> None:
    [hid] = directory.search_household_ids(db, admin, "3-2-1201")
    home = directory.get_household(db, admin, hid)
    assert home.code == "QD001-3-2-1201"
    assert home.room_label == "3-2-1201"
    assert home.qr_payload == "WUYE:H:QD001-3-2-1201"
    assert directory.get_household(db, admin, "qd001-3-2-1201").id == hid
    assert directory.get_household(db, admin, "WUYE:H:QD001-3-2-1201").id == hid
    with pytest.raises(NotFound):
        directory.get_household(db, admin, "QD001-3-2-9999")


def test_a_duplicate_room_is_refused_and_nothing_is_written(
    db: Database, admin: Actor, community: CommunityView
) -> None:
    with pytest.raises(ValidationError) as caught:
        _add(db, admin, community, "3-2-1201", OwnerInput("王五", "13600001111"))
    [error] = caught.value.errors
    assert error.field == "room" and error.params == {"code": "QD001-3-2-1201"}
    assert directory.get_community(db, admin, community.id).household_count == 1
    assert _search(db, admin, "王五") == []


def test_bad_owner_phones_are_refused_at_each_owners_field(
    db: Database, admin: Actor, community: CommunityView
) -> None:
    with pytest.raises(ValidationError) as caught:
        _add(
            db,
            admin,
            community,
            "3-2-1301",
            OwnerInput("王五", "1380000"),
            OwnerInput("", "13800001111"),
            OwnerInput("赵六", "400-888-1234"),  # a hotline is no owner's phone
        )
    assert [e.field for e in caught.value.errors] == ["phone", "owner_name[2]", "phone[3]"]
    assert directory.get_community(db, admin, community.id).household_count == 1


def test_household_parts_are_checked(db: Database, admin: Actor, community: CommunityView) -> None:
    with pytest.raises(ValidationError) as caught:
        directory.create_household(
            db, admin, community.id, HouseholdInput("", "2-1", "12 01", area_m2="八十")
        )
    assert {e.field for e in caught.value.errors} == {"building", "unit", "room", "area_m2"}


def test_creating_a_household_adds_its_building_and_unit(
    db: Database, admin: Actor, community: CommunityView
) -> None:
    home = _add(db, admin, community, "7-1-101", OwnerInput("钱七", "0532 8765 4321"))
    assert home.owners[0].phone == "053****4321"
    [seven] = [b for b in directory.list_buildings(db, admin, community.id) if b.number == "7"]
    assert seven.name == "7号楼"
    created = [r for r in audit.audit_rows(db, admin, audit.audit_ids(db, admin, "QD001-7-1-101"))]
    assert [r.action for r in created] == ["household.create"]
    # Stored in one normal form, whatever the spacing typed.
    assert directory.reveal_owner_phone(db, admin, home.owners[0].id) == "0532-87654321"


def test_masked_phones_per_role(db: Database, admin: Actor, community: CommunityView) -> None:
    desk = make_user(db, admin, Role.DESK, "desk")
    manager = make_user(db, admin, Role.MANAGER, "manager")
    finance = make_user(db, admin, Role.FINANCE, "finance")
    [hid] = directory.search_household_ids(db, admin, "3-2-1201")
    # Lists and forms are masked for every role; the full number is an audited reveal.
    for actor in (desk, finance, manager, admin):
        [row] = directory.household_rows(db, actor, [hid])
        assert row.owner_phone == "138****5678", actor.role
        [owner] = directory.get_household(db, actor, hid).owners
        assert owner.phone == "138****5678"
    for actor in (manager, admin):
        [owner] = directory.get_household(db, actor, hid).owners
        assert directory.reveal_owner_phone(db, actor, owner.id) == "13812345678"
    for actor in (desk, finance):
        with pytest.raises(PermissionDenied):
            directory.reveal_owner_phone(db, actor, owner.id)


def test_an_edit_from_a_masked_form_keeps_the_stored_phone(
    db: Database, admin: Actor, community: CommunityView
) -> None:
    desk = make_user(db, admin, Role.DESK, "desk")
    [hid] = directory.search_household_ids(db, admin, "3-2-1201")
    seen = directory.get_household(db, desk, hid)
    owner = seen.owners[0]
    assert owner.phone == "138****5678"
    # The admin edits a household as a desk clerk's screen showed it: phone still masked.
    updated = directory.update_household(
        db,
        admin,
        hid,
        HouseholdInput(
            "3",
            "2",
            "1201",
            [OwnerInput("张三", owner.phone, id=owner.id), OwnerInput("张小三", "13900002222")],
            area_m2="89.5",
            note="有老人",
        ),
        seen.version,
    )
    assert [(n, p) for _, n, p in stored_owners(db, updated.code)] == [
        ("张三", "13812345678"),
        ("张小三", "13900002222"),
    ]
    assert (updated.area_m2, updated.note, updated.version) == ("89.5", "有老人", seen.version + 1)
    [change] = [
        r
        for r in audit.audit_rows(db, admin, audit.audit_ids(db, admin))
        if r.action == "household.update"
    ]
    # The audit log holds no full phone numbers either.
    assert "13812345678" not in change.detail and "13900002222" not in change.detail
    assert json.loads(change.detail)["after"][1] == ["张小三", "139****2222"]


def test_a_new_household_needs_whole_numbers(
    db: Database, admin: Actor, community: CommunityView
) -> None:
    with pytest.raises(ValidationError) as caught:
        _add(db, admin, community, "3-2-1401", OwnerInput("王五", "138****5678"))
    assert [e.field for e in caught.value.errors] == ["phone"]


def test_an_owner_can_be_removed(db: Database, admin: Actor, community: CommunityView) -> None:
    home = _add(
        db,
        admin,
        community,
        "3-2-1501",
        OwnerInput("甲", "13800000001"),
        OwnerInput("乙", "13800000002"),
    )
    second = home.owners[1]
    updated = directory.update_household(
        db,
        admin,
        home.id,
        HouseholdInput("3", "2", "1501", [OwnerInput("乙", second.phone, id=second.id)]),
        home.version,
    )
    assert [(n, p) for _, n, p in stored_owners(db, updated.code)] == [("乙", "13800000002")]
    assert _search(db, admin, "13800000001") == []


# --- search ----------------------------------------------------------------------------------


@pytest.fixture
def neighbours(db: Database, admin: Actor, community: CommunityView) -> CommunityView:
    _add(db, admin, community, "3-2-201", OwnerInput("李四", "13912345678"))
    _add(db, admin, community, "3-1-1201", OwnerInput("王张氏", "0532-66665678"))
    _add(db, admin, community, "12-2-1201", OwnerInput("赵六", "13700001111"))
    other = directory.create_community(db, admin, CommunityInput("QD002", "海信花园"))
    _add(db, admin, other, "3-2-1201", OwnerInput("孙七", "13600005678"))
    return other


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("3-2-1201", ["QD001-3-2-1201", "QD002-3-2-1201"]),  # a room, in every community
        ("QD001-3-2-1201", ["QD001-3-2-1201"]),  # a household code
        ("qd001-3-2-1201", ["QD001-3-2-1201"]),
        ("WUYE:H:QD002-3-2-1201", ["QD002-3-2-1201"]),  # a scanned QR code
        ("QD001-3-2-", ["QD001-3-2-201", "QD001-3-2-1201"]),  # a code's beginning
        ("QD001-3", ["QD001-3-1-1201", "QD001-3-2-201", "QD001-3-2-1201"]),
        ("QD001-3-2-12", []),  # prefixes end at a dash: not room 1201
        ("QD002", ["QD002-3-2-1201"]),  # a community, by code or name
        ("海信花园", ["QD002-3-2-1201"]),
        ("WUYE:B:QD001-12", ["QD001-12-2-1201"]),  # a scanned building sign
        ("13812345678", ["QD001-3-2-1201"]),  # a whole mobile
        ("138 1234 5678", ["QD001-3-2-1201"]),
        ("5678", ["QD001-3-1-1201", "QD001-3-2-1201", "QD001-3-2-201", "QD002-3-2-1201"]),
        ("0532-66665678", ["QD001-3-1-1201"]),  # a landline as people write it
        ("张三", ["QD001-3-2-1201"]),  # an owner's name
        ("张", []),  # a name is a whole name, as in the order list
        ("1201", []),  # 4 digits are a phone's last digits, not a room
        ("1111", ["QD001-12-2-1201"]),
        ("567", []),  # too few digits for a phone
        ("无此人", []),
    ],
)
def test_search_understands_what_the_desk_types(
    db: Database, admin: Actor, neighbours: CommunityView, typed: str, found: list[str]
) -> None:
    assert sorted(_search(db, admin, typed)) == sorted(found)


def test_search_results_come_in_directory_order(
    db: Database, admin: Actor, community: CommunityView, neighbours: CommunityView
) -> None:
    ids = directory.search_household_ids(db, admin, "", community.id)
    assert _codes(db, admin, ids) == [
        "QD001-3-1-1201",
        "QD001-3-2-201",
        "QD001-3-2-1201",
        "QD001-12-2-1201",
    ]


def test_search_within_one_community_and_limit(
    db: Database, admin: Actor, community: CommunityView, neighbours: CommunityView
) -> None:
    assert _codes(
        db, admin, directory.search_household_ids(db, admin, "3-2-1201", neighbours.id)
    ) == ["QD002-3-2-1201"]
    assert len(directory.search_household_ids(db, admin, "", limit=2)) == 2


def test_search_by_phone_works_for_a_desk_that_sees_only_masked_numbers(
    db: Database, admin: Actor, neighbours: CommunityView
) -> None:
    desk = make_user(db, admin, Role.DESK, "desk")
    [row] = directory.household_rows(
        db, desk, directory.search_household_ids(db, desk, "13912345678")
    )
    assert (row.code, row.owner_name, row.owner_phone) == (
        "QD001-3-2-201",
        "李四",
        "139****5678",
    )


def test_household_rows_keep_the_order_asked_and_skip_unknown_ids(
    db: Database, admin: Actor, neighbours: CommunityView
) -> None:
    ids = directory.search_household_ids(db, admin, "QD001")
    reordered = [*reversed(ids), 987654]
    rows = directory.household_rows(db, admin, reordered)
    assert [r.id for r in rows] == list(reversed(ids))
    assert directory.household_rows(db, admin, []) == []
    first = next(r for r in rows if r.code == "QD001-12-2-1201")
    assert (first.community_name, first.room_label, first.owner_count) == (
        "海尔云谷",
        "12-2-1201",
        1,
    )
