"""The demo company's directory: communities with their channel contacts, buildings, units,
households and owners, written in bulk (50,000 households in seconds)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from wuye_desktop.core.directory import sort_key
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.validation import credit_code_check_char, household_code, phone_digits
from wuye_desktop.core.vocab import Channel
from wuye_desktop.demo.users import add_users
from wuye_desktop.demo.world import BASE_TIME, CHUNK, SURNAMES, DemoWorld, person_name
from wuye_desktop.storage.models import (
    Building,
    ChannelContact,
    Community,
    Company,
    Household,
    Owner,
    Unit,
)
from wuye_desktop.storage.search_keys import reversed_digits


@dataclass(frozen=True)
class _BuildingType:
    floors: int
    elevators: int
    units: int
    per_floor: int  # homes per floor in each unit
    area: tuple[float, float]  # square metres


_LOW_RISE = _BuildingType(6, 0, 3, 2, (68.0, 96.0))
_MID_RISE = _BuildingType(11, 1, 2, 2, (85.0, 118.0))
_HIGH_RISE = _BuildingType(18, 2, 2, 2, (89.0, 128.0))
_TOWER = _BuildingType(33, 3, 2, 4, (78.0, 143.0))


@dataclass(frozen=True)
class _CommunitySpec:
    code: str
    name: str
    district: str
    address: str
    project_code: str
    share: float  # of the households; 0 for the community whose roster is still to come
    types: tuple[_BuildingType, ...]
    developer: str
    contractor: str


COMMUNITIES = (
    _CommunitySpec(
        "QD001", "海岸云庭", "市南区", "青岛市市南区东海西路17号", "370202-2016-0012",
        0.30, (_LOW_RISE, _LOW_RISE, _MID_RISE), "青岛海岸置业有限公司",
        "青岛鲁安建筑安装工程有限公司",
    ),
    _CommunitySpec(
        "QD002", "崂山翠湖苑", "崂山区", "青岛市崂山区株洲路88号", "370212-2019-0047",
        0.35, (_MID_RISE, _HIGH_RISE), "青岛翠湖房地产开发有限公司",
        "青岛崂建房屋修缮工程有限公司",
    ),
    _CommunitySpec(
        "QD003", "李沧万兴家园", "李沧区", "青岛市李沧区九水东路519号", "370213-2021-0105",
        0.35, (_HIGH_RISE, _TOWER), "青岛万兴置业有限公司", "青岛沧海建设工程有限公司",
    ),
    _CommunitySpec(
        "QD004", "西海岸星悦府", "黄岛区", "青岛市黄岛区江山中路301号", "370211-2025-0218",
        0.0, (_HIGH_RISE,), "青岛星悦房地产开发有限公司", "青岛西海岸房修工程有限公司",
    ),
)  # fmt: skip
_NEW_COMMUNITY_BUILDINGS = 3  # QD004: buildings standing, households to be imported

_MOBILE_PREFIXES = tuple(
    str(p) for p in (*range(130, 140), *range(150, 154), *range(155, 160), 166, 176, 177, 178)
) + tuple(str(p) for p in (*range(180, 190), 191, 198, 199))
_NOTES = ("出租", "空置", "老人独居，回访请耐心", "装修中", "业主常住外地，请先电话联系")


@dataclass(frozen=True)
class _PlannedUnit:
    id: int
    building: str
    number: str
    kind: _BuildingType


def _phones(rng: random.Random) -> Iterator[str]:
    """Distinct phone numbers: mostly mobiles, some Qingdao landlines (0532-8xxxxxxx)."""
    seen: set[str] = set()
    while True:
        if rng.random() < 0.06:
            phone = f"0532-8{rng.randrange(10**7):07d}"
        else:
            phone = rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        if phone not in seen:
            seen.add(phone)
            yield phone


def _credit_code(rng: random.Random) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91370202MA" + "".join(rng.choice(alphabet) for _ in range(7))
    return body + credit_code_check_char(body)


def _quotas(total: int) -> list[int]:
    """Households per community: exactly *total*, in the communities' shares."""
    shares = [spec.share for spec in COMMUNITIES]
    quotas = [int(total * s) for s in shares]
    last = max(i for i, s in enumerate(shares) if s > 0)
    quotas[last] += total - sum(quotas)
    return quotas


def fill_directory(
    s: Session, rng: random.Random, households: int, report: Progress, total: int
) -> tuple[DemoWorld, dict[str, Any]]:
    phones = _phones(rng)
    company = Company(
        name="青岛海湾物业服务有限公司",
        credit_code=_credit_code(rng),
        address="青岛市市南区香港中路76号颐和国际A座18层",
        phone="0532-85876600",
        created_at=BASE_TIME - timedelta(days=730),
    )
    s.add(company)
    s.flush()

    user_ids = add_users(s)

    world = DemoWorld(s, rng, BASE_TIME, company.id, {}, {}, user_ids, phones)
    counts: dict[str, Any] = {"company_name": company.name, "buildings": 0, "units": 0}
    owner_count = 0
    done = 0
    for spec, quota in zip(COMMUNITIES, _quotas(households), strict=True):
        community = _add_community(s, rng, spec, world, phones)
        plan = _plan_buildings(rng, spec, quota)
        units = _add_buildings(s, community.id, plan)
        counts["buildings"] += len(plan)
        counts["units"] += len(units)
        rows = _household_rows(rng, spec, community.id, units, quota)
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            s.execute(insert(Household), chunk)
            done += len(chunk)
            report(done, total)
        stored = select(Household.code, Household.id).where(Household.community_id == community.id)
        ids = {code: hid for code, hid in s.execute(stored)}
        world.household_ids[spec.code] = [ids[r["code"]] for r in rows]
        owners = _owner_rows(rng, rows, ids, phones)
        for start in range(0, len(owners), CHUNK):
            s.execute(insert(Owner), owners[start : start + CHUNK])
        owner_count += len(owners)
    counts["owners"] = owner_count
    return world, counts


def _add_community(
    s: Session,
    rng: random.Random,
    spec: _CommunitySpec,
    world: DemoWorld,
    phones: Iterator[str],
) -> Community:
    index = len(world.community_ids)
    community = Community(
        code=spec.code,
        name=spec.name,
        project_code=spec.project_code,
        address=spec.address,
        district=spec.district,
        created_at=BASE_TIME - timedelta(days=720 - 90 * index),
    )
    property_phone = f"0532-8{rng.randrange(10**7):07d}"
    contacts = {
        Channel.PROPERTY: (f"青岛海湾物业{spec.name}服务中心", rng.choice(SURNAMES) + "经理", property_phone, "24小时"),
        Channel.REPAIR_CONTRACTOR: (spec.contractor, rng.choice(SURNAMES) + "工", next(phones), "8:00-18:00"),
        Channel.DEVELOPER: (
            spec.developer,
            rng.choice(SURNAMES) + "主任",
            f"400-{rng.randrange(100, 1000)}-{rng.randrange(10000):04d}",
            "工作日 9:00-17:00",
        ),
    }  # fmt: skip
    for channel, (unit_name, contact, phone, hours) in contacts.items():
        community.channels.append(
            ChannelContact(
                channel=channel.value,
                unit_name=unit_name,
                contact=contact,
                phone=phone,
                service_hours=hours,
            )
        )
    s.add(community)
    s.flush()
    world.community_ids[spec.code] = community.id
    world.channel_phones[spec.code] = {ch: c[2] for ch, c in contacts.items()}
    return community


def _plan_buildings(
    rng: random.Random, spec: _CommunitySpec, quota: int
) -> list[tuple[str, _BuildingType]]:
    """Buildings numbered 1, 2, ... of the community's types, enough for *quota* homes."""
    plan: list[tuple[str, _BuildingType]] = []
    capacity = 0
    target_count = _NEW_COMMUNITY_BUILDINGS if spec.share == 0 else 0
    while capacity < quota or len(plan) < target_count:
        kind = rng.choice(spec.types)
        plan.append((str(len(plan) + 1), kind))
        capacity += kind.floors * kind.units * kind.per_floor
    return plan


def _add_buildings(
    s: Session, community_id: int, plan: list[tuple[str, _BuildingType]]
) -> list[_PlannedUnit]:
    """Buildings and their units, in directory order."""
    units: list[_PlannedUnit] = []
    for number, kind in plan:
        building = Building(
            community_id=community_id,
            number=number,
            name=f"{number}号楼",
            sort_key=sort_key(number),
            floors=kind.floors,
            elevator_count=kind.elevators,
        )
        for u in range(1, kind.units + 1):
            building.units.append(Unit(number=str(u), sort_key=sort_key(str(u))))
        s.add(building)
        s.flush()
        units.extend(_PlannedUnit(unit.id, number, unit.number, kind) for unit in building.units)
    return units


def _household_rows(
    rng: random.Random,
    spec: _CommunitySpec,
    community_id: int,
    units: list[_PlannedUnit],
    quota: int,
) -> list[dict[str, Any]]:
    """Homes unit by unit, floor by floor, until the community's quota is reached; the last
    building may be listed only in part, as a roster still being completed would be."""
    rows: list[dict[str, Any]] = []
    for unit in units:
        for floor in range(1, unit.kind.floors + 1):
            for position in range(1, unit.kind.per_floor + 1):
                if len(rows) >= quota:
                    return rows
                room = f"{floor}{position:02d}"
                rows.append(
                    {
                        "unit_id": unit.id,
                        "community_id": community_id,
                        "room": room,
                        "code": household_code(spec.code, unit.building, unit.number, room),
                        "sort_key": sort_key(room),
                        "area_m2": f"{rng.uniform(*unit.kind.area):.2f}",
                        "note": rng.choice(_NOTES) if rng.random() < 0.04 else "",
                        "version": 1,
                    }
                )
    return rows


def _owner_rows(
    rng: random.Random, households: list[dict[str, Any]], ids: dict[str, int], phones: Iterator[str]
) -> list[dict[str, Any]]:
    """One owner per home, a second (a spouse or co-owner) in about a quarter of them."""
    rows: list[dict[str, Any]] = []
    for h in households:
        household_id = ids[h["code"]]
        count = 2 if rng.random() < 0.25 else 1
        for position in range(count):
            # Second owners often left no number with the developer.
            phone = next(phones) if position == 0 or rng.random() < 0.6 else ""
            rows.append(
                {
                    "household_id": household_id,
                    "position": position,
                    "name": person_name(rng),
                    "phone": phone,
                    "phone_digits": phone_digits(phone),
                    "phone_key": reversed_digits(phone),
                }
            )
    return rows
