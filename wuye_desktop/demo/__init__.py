"""Demo data: a believable Qingdao property company in an empty database.

Everything comes from ``random.Random(seed)`` and timestamps fixed relative to
:data:`BASE_TIME`, so the same seed gives the same database on any machine and day. Bulk
inserts keep 50,000 households to seconds.

The company has four communities: three with residents, and one (QD004) just taken over,
whose buildings exist but whose households are still to be imported from its roster
(``resources/demo/roster-qd004.xlsx``), which is what a new customer does first.

Later features add their own demo data as *steps*: a function ``(world, count) -> int`` that
adds ``count`` things (work orders, ledger entries...) inside the same transaction, registered
with :func:`register_step` in a module listed in :data:`STEP_MODULES`. ``wuye demo`` offers an
option per step (``--work-orders N`` for a step named ``work_orders``), whose default is the
step's own (:func:`step_default`).

Work orders are the one kind of demo data that must look recent: the program colours them by
their deadlines against the real clock. They are spread over the twelve months before an
*anchor* (``fill_demo(now=...)``, the real clock unless given), so a database filled today has
orders taken this morning, still open, some overdue. The same seed and anchor give the same
orders; everything else is fixed relative to :data:`BASE_TIME` as before.
"""

from __future__ import annotations

import bisect
import importlib
import itertools
import json
import math
import random
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from wuye_desktop.core import audit, outbox
from wuye_desktop.core.clock import LOCAL_TZ, now_utc, to_local
from wuye_desktop.core.deadlines import ClockMode, Pause, deadlines_for
from wuye_desktop.core.directory import sort_key
from wuye_desktop.core.errors import FieldError, StateError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import SYSTEM_ACTOR, Role
from wuye_desktop.core.settings import callback_due_days, load_rules
from wuye_desktop.core.status import Status, allowed_next, check_transition
from wuye_desktop.core.users import hash_password
from wuye_desktop.core.validation import credit_code_check_char, household_code, phone_digits
from wuye_desktop.core.vocab import Channel
from wuye_desktop.core.work_orders import COMMITMENT_PREFIX, ORDER_PREFIX
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    Base,
    Building,
    Callback,
    ChannelContact,
    Commitment,
    Community,
    Company,
    DayCounter,
    Household,
    OrderEvent,
    OrderPause,
    Owner,
    RegulatorTicket,
    TicketReply,
    Unit,
    User,
    WorkOrder,
)
from wuye_desktop.storage.types import UTCDateTime

Progress = Callable[[int, int], None]

# Monday 2026-01-05 09:00 in Qingdao. Demo timestamps are offsets from this, never "now".
BASE_TIME = datetime(2026, 1, 5, 1, 0, tzinfo=UTC)
MAX_HOUSEHOLDS = 2_000_000
MAX_STEP_COUNT = 5_000_000  # of any registered step: work orders, ledger entries, ...
_CHUNK = 5000  # rows per executemany: bounded memory, and a progress report for each

# (username, role, password, display name); README lists the same passwords.
DEMO_USERS: tuple[tuple[str, Role, str, str], ...] = (
    ("admin", Role.ADMIN, "admin1234", "系统管理员"),
    ("manager", Role.MANAGER, "manager1234", "王海涛"),
    ("desk", Role.DESK, "desk1234", "李晓雪"),
    ("finance", Role.FINANCE, "finance1234", "张丽娟"),
)


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


_COMMUNITIES = (
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

# Surnames roughly by frequency in Shandong (王, 张, 李, 刘 lead; 于, 姜, 曲, 隋 are local).
_SURNAMES = (
    "王" * 12 + "张" * 10 + "李" * 10 + "刘" * 9 + "陈" * 4 + "杨" * 4 + "赵" * 4 + "孙" * 5
    + "于" * 4 + "徐" * 3 + "高" * 3 + "姜" * 3 + "周" * 2 + "吴" * 2 + "马" * 2 + "郭" * 2
    + "曲" * 2 + "宋" * 2 + "孔" + "董" * 2 + "韩" + "冯" + "朱" + "胡" + "林" + "何" + "崔"
    + "隋" + "邵" + "逄" + "臧" + "矫" + "栾" + "薛" + "秦" + "丁" + "贾" + "吕" + "蒋"
)  # fmt: skip
# Common given names of the generations that own homes now; repeats are realistic (重名).
_GIVEN_NAMES = (
    "建国 建华 志强 志刚 国强 海涛 海波 晓东 晓明 卫东 红军 立新 永刚 庆华 德胜 振华 "
    "宏伟 俊杰 浩然 子轩 宇航 一鸣 文博 明远 家豪 鹏飞 伟 强 磊 军 勇 涛 斌 超 峰 鑫 "
    "秀英 桂兰 玉兰 淑珍 秀兰 凤英 丽娟 丽华 春梅 海燕 晓燕 红霞 雪梅 婷婷 丹丹 欣怡 "
    "子涵 梓萱 雨欣 思雨 佳琪 静怡 敏 静 丽 娜 芳 艳 颖 倩 琳 慧"
)
_GIVEN = tuple(_GIVEN_NAMES.split())
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


@dataclass
class DemoWorld:
    """What later steps need to add their data to the same company, in the same transaction."""

    session: Session
    rng: random.Random
    base_time: datetime
    company_id: int
    community_ids: dict[str, int]  # by code
    household_ids: dict[str, list[int]]  # by community code, in directory order
    user_ids: dict[Role, int]
    phones: Iterator[str]  # more distinct numbers, never one an owner already has
    channel_phones: dict[str, dict[Channel, str]] = field(default_factory=dict)
    # Data that must look recent (work orders) ends at this moment; see the module docstring.
    now: datetime = BASE_TIME
    # A step reports how many of its things it has written so far (fill_demo adds the rest).
    step_progress: Callable[[int], None] = field(default=lambda _done: None)

    def person_name(self) -> str:
        return person_name(self.rng)


DemoStep = Callable[[DemoWorld, int], int]
_STEPS: dict[str, DemoStep] = {}
_DEFAULTS: dict[str, int] = {}
# Modules that register steps when imported; later features append theirs here.
STEP_MODULES: tuple[str, ...] = ("wuye_desktop.demo.ledger",)


def register_step(name: str, default: int = 0) -> Callable[[DemoStep], DemoStep]:
    """Decorator: ``@register_step("work_orders")`` makes ``wuye demo --work-orders N``.

    *default* is how many a plain ``wuye demo`` adds; :func:`fill_demo` itself adds only
    what its ``extra`` asks for.
    """

    def decorate(step: DemoStep) -> DemoStep:
        _STEPS[name] = step
        _DEFAULTS[name] = default
        return step

    return decorate


def step_default(name: str) -> int:
    """How many things of step *name* a plain ``wuye demo`` adds."""
    steps()
    return _DEFAULTS.get(name, 0)


def steps() -> dict[str, DemoStep]:
    """The registered steps, in the order they run (the modules' order, then registration)."""
    for module in STEP_MODULES:
        importlib.import_module(module)
    return dict(_STEPS)


@dataclass(frozen=True)
class DemoSummary:
    company: str
    communities: tuple[str, ...]
    buildings: int
    units: int
    households: int
    owners: int
    users: tuple[str, ...]
    extra: Mapping[str, int] = field(default_factory=dict)  # step name -> things added


# --- generators --------------------------------------------------------------------------------


def person_name(rng: random.Random) -> str:
    """A Chinese name as owners and callers have them (surname by Shandong frequency)."""
    return rng.choice(_SURNAMES) + rng.choice(_GIVEN)


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
    shares = [spec.share for spec in _COMMUNITIES]
    quotas = [int(total * s) for s in shares]
    last = max(i for i, s in enumerate(shares) if s > 0)
    quotas[last] += total - sum(quotas)
    return quotas


def _existing_data(s: Session) -> str | None:
    """None if the database holds no company data yet, else what it holds."""
    for model, what in ((Company, "company"), (User, "users"), (Community, "communities")):
        if s.scalar(select(func.count()).select_from(model)):
            return what
    return None


# --- filling -----------------------------------------------------------------------------------


def fill_demo(
    db: Database,
    *,
    households: int = 1200,
    seed: int = 1,
    progress: Progress | None = None,
    extra: Mapping[str, int] | None = None,
    now: datetime | None = None,
) -> DemoSummary:
    """Fill an empty database with the demo company; refuses a database that has data.

    *extra* gives counts for registered steps (:func:`register_step`), e.g.
    ``{"work_orders": 5000}``. Everything is written in one transaction. *now* is the anchor
    of the data that must look recent (the real clock by default; tests fix it).
    """
    extra = dict(extra or {})
    available = steps()
    errors: list[FieldError] = []
    if not 0 <= households <= MAX_HOUSEHOLDS:
        errors.append(
            FieldError(
                "households",
                QT_TRANSLATE_NOOP("core", "Between 0 and {max}"),
                {"max": MAX_HOUSEHOLDS},
            )
        )
    for name, count in extra.items():
        if name not in available:
            errors.append(FieldError(name, QT_TRANSLATE_NOOP("core", "Unknown kind of demo data")))
        elif not 0 <= count <= MAX_STEP_COUNT:
            errors.append(
                FieldError(
                    name,
                    QT_TRANSLATE_NOOP("core", "Between 0 and {max}"),
                    {"max": MAX_STEP_COUNT},
                )
            )
    if errors:
        raise ValidationError(errors)

    rng = random.Random(seed)
    total = households + sum(extra.values())
    report = progress or (lambda _done, _total: None)
    with db.transaction() as s:
        if (what := _existing_data(s)) is not None:
            raise StateError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The database already has data ({what}). Demo data goes only into a new, "
                    "empty database: choose another one with --db.",
                ),
                what=what,
            )
        report(0, total)
        world, counts = _fill_directory(s, rng, households, report, total)
        world.now = (now or now_utc()).astimezone(UTC).replace(second=0, microsecond=0)
        done = households
        added: dict[str, int] = {}
        for name, step in available.items():
            count = extra.get(name, 0)
            if count:
                world.step_progress = _step_report(report, done, count, total)
                added[name] = step(world, count)
                done += count
                report(done, total)
        audit.record(
            s,
            SYSTEM_ACTOR,
            "demo.fill",
            "company",
            world.company_id,
            seed=seed,
            households=households,
            **added,
        )
    return DemoSummary(
        company=counts["company_name"],
        communities=tuple(spec.code for spec in _COMMUNITIES),
        buildings=counts["buildings"],
        units=counts["units"],
        households=households,
        owners=counts["owners"],
        users=tuple(u[0] for u in DEMO_USERS),
        extra=added,
    )


def _step_report(report: Progress, before: int, count: int, total: int) -> Callable[[int], None]:
    """A step's own progress (0..count) as a part of the whole fill's."""
    return lambda done: report(before + min(done, count), total)


def _fill_directory(
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

    user_ids: dict[Role, int] = {}
    for i, (username, role, password, display) in enumerate(DEMO_USERS):
        user = User(
            username=username,
            display_name=display,
            role=role.value,
            password_hash=hash_password(password),
            created_at=BASE_TIME - timedelta(days=700 - i),
        )
        s.add(user)
        s.flush()
        user_ids[role] = user.id

    world = DemoWorld(s, rng, BASE_TIME, company.id, {}, {}, user_ids, phones)
    counts: dict[str, Any] = {"company_name": company.name, "buildings": 0, "units": 0}
    owner_count = 0
    done = 0
    for spec, quota in zip(_COMMUNITIES, _quotas(households), strict=True):
        community = _add_community(s, rng, spec, world, phones)
        plan = _plan_buildings(rng, spec, quota)
        units = _add_buildings(s, community.id, plan)
        counts["buildings"] += len(plan)
        counts["units"] += len(units)
        rows = _household_rows(rng, spec, community.id, units, quota)
        for start in range(0, len(rows), _CHUNK):
            chunk = rows[start : start + _CHUNK]
            s.execute(insert(Household), chunk)
            done += len(chunk)
            report(done, total)
        stored = select(Household.code, Household.id).where(Household.community_id == community.id)
        ids = {code: hid for code, hid in s.execute(stored)}
        world.household_ids[spec.code] = [ids[r["code"]] for r in rows]
        owners = _owner_rows(rng, rows, ids, phones)
        for start in range(0, len(owners), _CHUNK):
            s.execute(insert(Owner), owners[start : start + _CHUNK])
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
        Channel.PROPERTY: (f"青岛海湾物业{spec.name}服务中心", rng.choice(_SURNAMES) + "经理", property_phone, "24小时"),
        Channel.REPAIR_CONTRACTOR: (spec.contractor, rng.choice(_SURNAMES) + "工", next(phones), "8:00-18:00"),
        Channel.DEVELOPER: (
            spec.developer,
            rng.choice(_SURNAMES) + "主任",
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
                }
            )
    return rows


# --- work orders -------------------------------------------------------------------------------
#
# A year of a property desk's work, written the way the core services would have left it: every
# order has its "Order taken" entry, then status events with seq 1, 2, ... (last_event_seq is the
# last), deadlines from the company's rules (core.deadlines), commitments for promised orders,
# pauses, callbacks, numbers gap-free per local day with the day counters to match. Each order
# lives its life from its report on; whatever would happen after the anchor has not happened
# yet, so recent orders are open and old ones closed, as in a real database.
#
# The rows go to the driver in big executemany batches with ids and times prepared here: the
# ORM would take an hour over a million orders and their six million timeline entries.

DEFAULT_WORK_ORDERS = 4000  # a plain `wuye demo`: about a dozen calls a day, a lived-in list
_ORDER_DAYS = 365
_ORDER_BATCH = 20_000  # orders written per round of inserts: bounded memory, progress reported
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Exactly the note create_order gives the first timeline entry (translated when shown).
_ORDER_TAKEN = QT_TRANSLATE_NOOP("core", "Order taken")

# Calls by weekday (Monday's backlog from the weekend) and by local hour (mornings first).
_WEEKDAY_WEIGHT = (1.3, 1.1, 1.0, 1.0, 1.05, 0.8, 0.75)
_HOUR_WEIGHT = (
    0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.5, 1.5, 4.0, 5.0, 4.5, 3.5,
    2.0, 2.5, 3.5, 3.5, 3.2, 2.5, 2.0, 2.2, 2.0, 1.2, 0.6, 0.3,
)  # fmt: skip
# Volume by month: the summer rains, the start of heating in November, Spring Festival quiet.
_MONTH_WEIGHT = (0.9, 0.75, 0.9, 0.95, 1.0, 1.1, 1.3, 1.3, 1.05, 0.95, 1.1, 1.05)


def _cumulative(weights: Sequence[float]) -> list[float]:
    return list(itertools.accumulate(weights))


_IN_HOME = frozenset(
    {"water_leak", "wall_crack", "doors_windows", "indoor_plumbing", "electrical", "heating_gas"}
)
# Share of all orders per category, then the seasons' multipliers by month (1..12).
_CATEGORY_WEIGHT = {
    "security": 3, "cleaning": 6, "fire_safety": 2, "ebike_charging": 4, "elevator": 6,
    "parking": 4, "drainage": 5, "pavement": 2, "lighting": 4, "greenery": 3, "water_leak": 14,
    "wall_crack": 6, "doors_windows": 8, "indoor_plumbing": 12, "electrical": 7,
    "heating_gas": 8, "other": 6,
}  # fmt: skip
_SEASON = {
    "water_leak": {6: 1.4, 7: 2.2, 8: 2.2, 9: 1.4, 12: 0.7, 1: 0.7, 2: 0.7},
    "drainage": {6: 1.3, 7: 2.0, 8: 2.0, 9: 1.3},
    "heating_gas": {11: 2.5, 12: 2.0, 1: 2.0, 2: 1.8, 3: 1.2, 5: 0.5, 6: 0.5, 7: 0.5, 8: 0.5, 9: 0.5},
    "greenery": {4: 1.6, 5: 1.6, 6: 1.6, 7: 1.6, 8: 1.6, 9: 1.6, 11: 0.4, 12: 0.4, 1: 0.4, 2: 0.4},
    "lighting": {11: 1.4, 12: 1.4, 1: 1.4, 2: 1.4},
    "ebike_charging": {6: 1.2, 7: 1.2, 8: 1.2},
    "indoor_plumbing": {1: 1.3, 2: 1.2},
    "fire_safety": {11: 1.3, 12: 1.3, 1: 1.3, 2: 1.3, 3: 1.3},
}  # fmt: skip
# (immediate, time_limited, promised) per category: about 50 / 40 / 10 over all orders.
_TIER_WEIGHT = {
    "security": (0.8, 0.2, 0.0), "cleaning": (0.85, 0.15, 0.0), "fire_safety": (0.4, 0.5, 0.1),
    "ebike_charging": (0.5, 0.45, 0.05), "elevator": (0.45, 0.5, 0.05),
    "parking": (0.7, 0.3, 0.0), "drainage": (0.55, 0.4, 0.05), "pavement": (0.2, 0.6, 0.2),
    "lighting": (0.7, 0.3, 0.0), "greenery": (0.4, 0.55, 0.05),
    "water_leak": (0.35, 0.4, 0.25), "wall_crack": (0.1, 0.5, 0.4),
    "doors_windows": (0.5, 0.42, 0.08), "indoor_plumbing": (0.6, 0.35, 0.05),
    "electrical": (0.6, 0.37, 0.03), "heating_gas": (0.55, 0.4, 0.05), "other": (0.6, 0.4, 0.0),
}  # fmt: skip


class _Weighted:
    """A weighted choice whose cumulative weights are summed once (random.choices sums them
    on every call, which shows over a million orders)."""

    def __init__(self, pairs: Iterable[tuple[str, float]]) -> None:
        listed = list(pairs)
        self.names = [name for name, _ in listed]
        self.cum = _cumulative([weight for _, weight in listed])

    def draw(self, rng: random.Random) -> str:
        return self.names[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]


_TIER_CHOICE = {
    c: _Weighted(zip(("immediate", "time_limited", "promised"), w, strict=True))
    for c, w in _TIER_WEIGHT.items()
}
_HOME_SOURCES = _Weighted(
    (("phone", 56), ("walk_in", 13), ("qr_code", 12), ("hotline_12345", 9),
     ("regulator_platform", 4), ("other", 6))
)  # fmt: skip
_AREA_SOURCES = _Weighted(
    (("phone", 35), ("walk_in", 8), ("qr_code", 12), ("hotline_12345", 8),
     ("regulator_platform", 4), ("inspection", 28), ("other", 5))
)  # fmt: skip
# The channel the owner reported through: in-home defects often go to the housing-repair
# contractor or the developer under warranty; common areas are the property company's.
_HOME_CHANNELS = _Weighted((("property", 60), ("repair_contractor", 30), ("developer", 10)))
_AREA_CHANNELS = _Weighted((("property", 92), ("repair_contractor", 4), ("developer", 4)))
_SATISFACTION = _Weighted((("satisfied", 80), ("basically_satisfied", 15), ("dissatisfied", 5)))
_SATISFACTION_AGAIN = _Weighted((("satisfied", 75), ("basically_satisfied", 25)))  # after rework
_METHODS = _Weighted((("phone", 85), ("visit", 10), ("sms", 5)))

_PROBLEMS = {
    "security": (
        "夜间有陌生人在楼道徘徊", "小区北门道闸损坏，外来车辆随意进入", "单元门禁无法正常关闭",
        "监控摄像头画面黑屏", "楼下有人高空抛物，请物业排查", "外卖人员骑车进入小区速度过快",
    ),
    "cleaning": (
        "楼道垃圾未及时清理", "垃圾桶满溢，气味很大", "电梯轿厢内有污渍未清理",
        "楼道有宠物粪便", "装修垃圾堆放在楼下一直未清运", "楼梯扶手灰尘很厚",
    ),
    "fire_safety": (
        "消防栓箱门损坏关不上", "应急照明灯不亮", "灭火器已过期未更换", "安全出口指示灯不亮",
        "消防通道被杂物堵塞", "烟感报警器误报",
    ),
    "ebike_charging": (
        "充电桩扫码后不通电", "有人把电动车推进楼道充电", "电动车棚照明损坏",
        "充电桩插座烧坏", "电动车停放杂乱堵塞通道",
    ),
    "elevator": (
        "电梯运行时有异响", "电梯门反复开关关不上", "电梯困人，已联系维保单位到场",
        "电梯按钮失灵", "电梯轿厢照明不亮", "电梯平层不准，有台阶容易绊倒",
    ),
    "parking": (
        "车位被他人车辆占用", "地库道闸不抬杆", "消防通道有车辆长期停放", "车位地锁损坏",
        "地面停车位划线不清",
    ),
    "drainage": (
        "雨水井堵塞，路面积水", "污水井冒水，有异味", "排水沟堵塞", "化粪池满溢",
        "下水道返水",
    ),
    "pavement": (
        "路面塌陷", "人行道地砖松动翘起", "井盖破损有安全隐患", "台阶破损，老人容易摔倒",
        "路面坑洼，雨后积水",
    ),
    "lighting": (
        "声控灯不亮", "路灯不亮，晚上很黑", "照明灯闪烁", "灯具外壳脱落悬挂", "灯一直不灭",
    ),
    "greenery": (
        "绿化带杂草丛生", "树枝遮挡窗户，需要修剪", "草坪被踩踏需补植", "树木倾斜影响通行",
        "绿地积水，蚊虫多",
    ),
    "water_leak": (
        "卫生间顶棚渗水，怀疑楼上防水层破损", "主卧外墙渗水，墙皮起鼓脱落",
        "阳台窗框周边渗水", "厨房顶棚有水渍，持续滴水", "次卧飘窗下方渗水，地板泡水",
        "客厅顶部渗水，已用盆接水", "储藏室墙面渗水发霉", "卫生间地面渗水到楼下",
    ),
    "wall_crack": (
        "客厅墙面出现多条裂缝", "卧室墙面空鼓，敲击有空响", "卫生间墙砖空鼓脱落",
        "阳台顶棚抹灰开裂掉渣", "门洞上方斜向裂缝", "厨房墙面瓷砖开裂",
    ),
    "doors_windows": (
        "入户门锁芯损坏，钥匙打不开", "主卧窗户把手断裂，无法关严", "阳台推拉门滑轨变形推不动",
        "窗户密封条老化漏风", "卫生间门合页松动下垂", "纱窗脱落", "入户门关闭不严有缝隙",
    ),
    "indoor_plumbing": (
        "厨房下水堵塞，水池不下水", "卫生间马桶堵塞", "洗手盆下水管漏水", "地漏返臭味",
        "卫生间下水管接口滴水", "水龙头关不严一直滴水", "热水器进水阀门漏水",
    ),
    "electrical": (
        "家中跳闸后无法合闸", "卧室插座没电", "客厅灯不亮，开关有焦味", "卫生间排风扇不转",
        "入户配电箱漏电保护器频繁跳闸", "厨房插座冒火花",
    ),
    "other": (
        "楼上装修噪音扰民", "邻居在楼道堆放杂物", "门禁卡失效需补办", "快递柜无法取件",
        "咨询物业费缴纳方式", "楼下饭店油烟扰民",
    ),
}  # fmt: skip
_HEATING = (
    "暖气不热，室温只有15度", "暖气片漏水", "暖气阀门打不开", "地暖分水器漏水",
    "暖气片有一组不热", "暖气管道有异响",
)  # fmt: skip
_WATER_GAS = (
    "燃气灶打不着火", "自来水水压低", "家中停水，询问原因", "燃气管道有异味",
    "水表井盖损坏", "热水器打火后熄灭",
)  # fmt: skip
_RAINS = ("连续降雨后", "昨晚大雨后", "下雨时")
_ASIDES = (
    "，请尽快处理", "，业主上午在家", "，业主下午三点后在家", "，请维修前先电话联系",
    "，已影响楼下住户", "，家中有老人，请尽快安排", "，第二次报修",
)  # fmt: skip
_FIXED = {
    "water_leak": ("已重做防水层，闭水试验48小时无渗漏", "已封堵外墙裂缝并做防水处理", "已更换漏水管件"),
    "wall_crack": ("裂缝已开槽挂网抹灰并重新粉刷", "空鼓部位已铲除重新铺贴"),
    "doors_windows": ("已更换锁芯", "已更换五金件并调试", "已更换密封条"),
    "indoor_plumbing": ("已疏通下水", "已更换阀门和软管", "已更换水龙头阀芯"),
    "electrical": ("已更换漏电保护器", "已修复线路并更换插座", "已更换开关"),
    "heating_gas": ("已排气，暖气恢复正常", "已更换暖气阀门", "已协调燃气公司处理"),
    "elevator": ("维保单位已更换门机部件", "已调整平层，运行正常", "已更换按钮"),
    "lighting": ("已更换灯具", "已修复线路"),
    "drainage": ("已疏通并清掏", "已更换井盖"),
    "pavement": ("已重新铺设修补", "已更换破损地砖"),
}  # fmt: skip
_FIXED_ANY = ("已处理完毕，现场已清理", "已修复", "已处理，业主确认")
_PLANS = {
    "water_leak": "拆除卫生间地面瓷砖，重做防水层，闭水试验48小时后恢复地面",
    "wall_crack": "裂缝部位开槽，挂网抹灰后重新粉刷；空鼓部位铲除重做",
    "pavement": "破损路面切割清除，重新铺设并养护",
    "elevator": "由维保单位更换故障部件，调试合格后恢复运行",
}  # fmt: skip
_PLAN_ANY = "现场勘查后确定维修方案，采购材料后组织施工"
_NOTES_BEFORE = (
    "已电话联系业主，约定明天上午上门", "已电话联系业主，约定今天下午上门",
    "业主不在家，改约时间", "已联系楼上业主协调入户查看",
)  # fmt: skip
_CANCEL_REASONS = (
    "业主已自行修复", "重复报修", "非物业维修范围，已告知业主联系燃气公司", "业主取消报修",
    "经核实为业主自行装修造成，已告知业主自行处理",
)  # fmt: skip
_PAUSE_REASONS = ("等待业主开门", "等待配件到货", "需与楼上业主协调入户", "雨天无法进行外墙作业")
_UNREACHABLE = ("三次回访均未联系上业主，按规定办结", "业主电话停机，无法回访，办结")
_COMMENTS = {
    "satisfied": ("", "", "师傅很专业，处理及时", "满意，谢谢"),
    "basically_satisfied": ("修好了，但等待时间较长", "维修后现场没有清理干净", "希望以后响应再快一些"),
    "dissatisfied": ("修完第二天又开始渗水", "问题没有彻底解决", "维修人员没有按约定时间上门"),
}  # fmt: skip
# Timing of each step in minutes: (median, spread) of a log-normal delay, per tier.
_DISPATCH = {"immediate": (10, 0.8), "time_limited": (40, 0.8), "promised": (180, 0.8)}
_START = {"immediate": (45, 0.8), "time_limited": (480, 1.0), "promised": (1440, 0.7)}
_WORK = {"immediate": (90, 0.9), "time_limited": (360, 1.0)}
_LEGAL_MOVES = frozenset((a.value, b.value) for a in Status for b in allowed_next(a))
# Waiting for parts or for the owner: long promised repairs wait most often.
_PAUSE_CHANCE = {"immediate": 0.02, "time_limited": 0.06, "promised": 0.25}


def _moment(seconds: int) -> datetime:
    return _EPOCH + timedelta(seconds=seconds)


def _seconds(moment: datetime) -> int:
    return int((moment - _EPOCH).total_seconds())


class _Home(NamedTuple):
    id: int
    building: str
    unit: str
    room: str
    floors: int
    elevators: int
    callers: tuple[tuple[str, str], ...]  # the owners: (name, phone)


@dataclass
class _Site:
    """A community as the order generator needs it."""

    id: int
    code: str
    homes: list[_Home]
    buildings: list[tuple[str, int, int, int]]  # number, units, floors, elevators
    unit_names: dict[str, str]  # channel -> the responsible unit's name
    handlers: dict[str, tuple[str, ...]]  # channel -> its technicians
    residents: list[tuple[str, str]]  # callers about common areas: (name, phone)
    categories: list[tuple[list[str], list[float]]]  # per month: categories and cum. weights


class _Promise:
    """A commitment being written; its number is given once its day is complete."""

    __slots__ = (
        "fulfilled", "issued", "number", "order", "person", "plan", "printed", "promised", "unit",
    )  # fmt: skip

    def __init__(
        self, order: _Draft, issued: int, promised: date, unit: str, person: str, printed: int
    ) -> None:
        self.order, self.issued, self.promised = order, issued, promised
        self.unit, self.person, self.printed = unit, person, printed
        self.plan = _PLANS.get(order.category, _PLAN_ANY)
        self.number = ""
        self.fulfilled: int | None = None


# (at, kind, status, seq, channel, handler, note, role of the user)
_Event = tuple[int, str, str, int | None, str, str, "str | _Promise", Role]


class _Draft:
    """One order as it lives; becomes its rows when written."""

    __slots__ = (
        "callback_due", "callbacks", "caller_name", "caller_phone", "category", "channel",
        "closed", "completed", "completion_due", "created_by", "day", "description", "events",
        "handler", "home", "id", "location", "number", "paused_since", "pauses", "promise",
        "reported", "responded", "response_due", "seq", "site", "source", "status", "ticket",
        "tier", "version",
    )  # fmt: skip

    def __init__(self, order_id: int, site: _Site, day: date, reported: int) -> None:
        self.id, self.site, self.day, self.reported = order_id, site, day, reported
        self.number = ""
        self.home: _Home | None = None
        self.location = self.description = self.caller_name = self.caller_phone = ""
        self.category = self.channel = self.source = self.tier = self.handler = ""
        self.status = "accepted"
        self.created_by = Role.DESK
        self.ticket: str | None = None
        self.response_due = self.completion_due = reported
        self.responded: int | None = None
        self.completed: int | None = None
        self.closed: int | None = None
        self.paused_since: int | None = None
        self.callback_due: int | None = None
        self.seq = 0
        self.version = 0
        self.events: list[_Event] = []
        self.pauses: list[tuple[int, int | None, str]] = []
        self.callbacks: list[tuple[int, str, str, str, str, Role]] = []
        self.promise: _Promise | None = None


class _Future(Exception):
    """The next step of an order would come after the anchor: the order stays as it is."""


def _time_writer(dialect: Dialect) -> Callable[[int | None], Any]:
    """Times (whole seconds since the epoch) as the ORM would hand them to the driver.

    On SQLite that is text; building it from cached day and time-of-day parts is many times
    faster than the column type's own conversion, which it is checked against first.
    """
    processor = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)

    def reference(sec: int | None) -> Any:
        if sec is None:
            return None
        return _moment(sec) if processor is None else processor(_moment(sec))

    if dialect.name != "sqlite":
        return reference
    days: dict[int, str] = {}
    clock = [
        f"{h:02d}:{m:02d}:{s:02d}.000000" for h in range(24) for m in range(60) for s in range(60)
    ]

    def sqlite_text(sec: int | None) -> Any:
        if sec is None:
            return None
        day, second = divmod(sec, 86400)
        prefix = days.get(day)
        if prefix is None:
            prefix = days[day] = f"{_moment(day * 86400):%Y-%m-%d} "
        return prefix + clock[second]

    probe = 1_767_225_601  # 2026-01-01 00:00:01 UTC
    return sqlite_text if sqlite_text(probe) == reference(probe) else reference


def _insert_rows(s: Session, table: Table, columns: Sequence[str], rows: list[Any]) -> None:
    """One executemany straight to the driver, the values already in the driver's terms."""
    if not rows:
        return
    conn = s.connection()
    quote = conn.dialect.identifier_preparer.quote
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))})"
    )
    conn.exec_driver_sql(sql, rows)


_ORDER_COLUMNS = (
    "id", "number", "community_id", "household_id", "location", "category", "channel", "source",
    "tier", "status", "description", "caller_name", "caller_phone", "handler", "reported_at",
    "response_due", "completion_due", "responded_at", "completed_at", "closed_at",
    "paused_since", "callback_due", "search_text", "regulator_ticket_id", "last_event_seq",
    "created_by", "updated_at", "version",
)  # fmt: skip
_EVENT_COLUMNS = (
    "id", "order_id", "at", "kind", "status", "seq", "channel", "handler", "note", "user_id",
    "username",
)  # fmt: skip
_PAUSE_COLUMNS = ("id", "order_id", "start", "end", "reason")
_COMMITMENT_COLUMNS = (
    "id", "order_id", "number", "plan", "promised_date", "responsible_unit",
    "responsible_person", "issued_at", "issued_by", "printed_count", "fulfilled_at",
)  # fmt: skip
_CALLBACK_COLUMNS = (
    "id", "order_id", "at", "method", "person_reached", "satisfaction", "comment", "username",
)  # fmt: skip


@register_step("work_orders", default=DEFAULT_WORK_ORDERS)
def add_work_orders(world: DemoWorld, count: int) -> int:
    """*count* orders over the twelve months before ``world.now``; see the section comment."""
    return _OrderMaker(world).run(count)


class _OrderMaker:
    def __init__(self, world: DemoWorld) -> None:
        self.world = world
        self.s = world.session
        # A generator of its own: what it draws does not shift the steps after it.
        self.rng = random.Random(world.rng.random())
        self.now = _seconds(world.now)
        self.rules = load_rules(self.s)
        self.callback_days = callback_due_days(self.s)
        self.offsets: dict[tuple[str, str], tuple[int, int]] = {}
        self.users = {role: (world.user_ids[role], name) for name, role, _, _ in DEMO_USERS}
        self.sites = self._load_sites()
        homes = sum(len(site.homes) for site in self.sites)
        # By size; a community whose roster is still to come calls about its common areas only.
        site_weights = [float(len(site.homes) or max(homes * 0.03, 1)) for site in self.sites]
        self.site_cum = _cumulative(site_weights)
        self.hour_cum = [0.0, *_cumulative(_HOUR_WEIGHT)]
        self.next_ids = {
            table: (self.s.scalar(select(func.max(table.c.id))) or 0) + 1
            for table in (_EVENTS, _PAUSES, _COMMITMENTS, _CALLBACKS, _TICKETS, _REPLIES)
        }
        self.next_order = (self.s.scalar(select(func.max(WorkOrder.id))) or 0) + 1
        self.counters: dict[str, int] = {}  # day counter key -> last number given
        self.day_keys: dict[date, str] = {}
        self.tickets: dict[str, int] = {}
        self.project_codes: dict[int, str] = {}
        self.unnumbered: list[_Promise] = []
        self.stamp = _time_writer(self.s.get_bind().dialect)

    # -- the community data ---------------------------------------------------------------------

    def _load_sites(self) -> list[_Site]:
        s, rng = self.s, self.rng
        owners: dict[int, list[tuple[str, str]]] = {}
        for hid, name, phone in s.execute(
            select(Owner.household_id, Owner.name, Owner.phone).order_by(Owner.id)
        ):
            owners.setdefault(hid, []).append((name, phone))
        homes: dict[int, list[_Home]] = {}
        for hid, cid, building, unit, room, floors, elevators in s.execute(
            select(
                Household.id,
                Household.community_id,
                Building.number,
                Unit.number,
                Household.room,
                Building.floors,
                Building.elevator_count,
            )
            .join(Unit, Unit.id == Household.unit_id)
            .join(Building, Building.id == Unit.building_id)
            .order_by(Household.id)
        ):
            callers = tuple(owners.get(hid, ()))
            homes.setdefault(cid, []).append(
                _Home(hid, building, unit, room, floors, elevators, callers)
            )
        buildings: dict[int, list[tuple[str, int, int, int]]] = {}
        for cid, number, floors, elevators, units in s.execute(
            select(
                Building.community_id,
                Building.number,
                Building.floors,
                Building.elevator_count,
                func.count(Unit.id),
            )
            .join(Unit, Unit.building_id == Building.id)
            .group_by(Building.id)
            .order_by(Building.id)
        ):
            buildings.setdefault(cid, []).append((number, units, floors, elevators))
        unit_names: dict[int, dict[str, str]] = {}
        for cid, channel, unit_name in s.execute(
            select(ChannelContact.community_id, ChannelContact.channel, ChannelContact.unit_name)
        ):
            unit_names.setdefault(cid, {})[channel] = unit_name
        self.project_codes = dict(s.execute(select(Community.id, Community.project_code)).all())
        sites = []
        for code, cid in sorted(self.world.community_ids.items()):
            site_buildings = buildings.get(cid, [])
            handlers = {
                "property": tuple(person_name(rng) for _ in range(6)),
                "repair_contractor": tuple(person_name(rng) for _ in range(3)),
                "developer": tuple(person_name(rng) for _ in range(2)),
            }
            residents = [(person_name(rng), next(self.world.phones)) for _ in range(300)]
            site = _Site(
                cid, code, homes.get(cid, []), site_buildings, unit_names.get(cid, {}),
                handlers, residents, [],
            )  # fmt: skip
            site.categories = [self._category_table(site, month) for month in range(1, 13)]
            sites.append(site)
        return sites

    @staticmethod
    def _category_table(site: _Site, month: int) -> tuple[list[str], list[float]]:
        lifts = any(b[3] for b in site.buildings)
        names = [
            c
            for c in _CATEGORY_WEIGHT
            if (site.homes or c not in _IN_HOME) and (lifts or c != "elevator")
        ]
        weights = [_CATEGORY_WEIGHT[c] * _SEASON.get(c, {}).get(month, 1.0) for c in names]
        return names, _cumulative(weights)

    # -- the days -------------------------------------------------------------------------------

    def _day_plan(self, count: int) -> list[tuple[date, int, int, float]]:
        """(local day, its first second, how many orders, share of the day already past)."""
        now_local = to_local(_moment(self.now))
        last = now_local.date()
        days = [last - timedelta(days=i) for i in range(_ORDER_DAYS - 1, -1, -1)]
        hour = now_local.hour + now_local.minute / 60
        past_today = (
            self.hour_cum[int(hour)] + _HOUR_WEIGHT[int(hour)] * (hour - int(hour))
        ) / self.hour_cum[-1]
        weights = [
            _WEEKDAY_WEIGHT[d.weekday()]
            * _MONTH_WEIGHT[d.month - 1]
            * (past_today if d == last else 1)
            for d in days
        ]
        scale = count / sum(weights)
        exact = [w * scale for w in weights]
        counts = [int(x) for x in exact]
        # Largest remainders get the orders that rounding down left over.
        by_remainder = sorted(range(len(days)), key=lambda i: (counts[i] - exact[i], i))
        for i in by_remainder[: count - sum(counts)]:
            counts[i] += 1
        return [
            (
                d,
                _seconds(datetime.combine(d, time(0), LOCAL_TZ)),
                n,
                past_today if d == last else 1.0,
            )
            for d, n in zip(days, counts, strict=True)
        ]

    def _times(self, n: int, share: float) -> list[int]:
        """*n* sorted seconds into a local day, by the hour weights, within its past *share*."""
        rng, cum, total = self.rng, self.hour_cum, self.hour_cum[-1]
        out = []
        for u in sorted(rng.random() * share * total for _ in range(n)):
            h = min(bisect.bisect_right(cum, u) - 1, 23)
            within = (u - cum[h]) / (cum[h + 1] - cum[h])
            out.append(h * 3600 + min(int(within * 3600), 3599))
        return out

    def run(self, count: int) -> int:
        self.s.flush()
        conn = self.s.connection()
        if conn.dialect.name != "sqlite":
            return self._run(count)
        # SQLite's default page cache (2 MB) would spill half-written index pages of a million
        # orders to the write-ahead log again and again: give this one transaction room.
        cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql("PRAGMA cache_size = -262144")  # 256 MB, taken only as needed
        try:
            return self._run(count)
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache or -2000)}")

    def _run(self, count: int) -> int:
        waiting: list[_Draft] = []  # made, not yet written (their commitments may lack numbers)
        written = 0
        for day, start, n, share in self._day_plan(count):
            for offset in self._times(n, share):
                order = self._new_order(day, start + offset)
                self._live(order)
                waiting.append(order)
            self._number_promises(day)
            # A commitment is issued within 48 hours, so orders of two days ago are complete.
            if len(waiting) >= _ORDER_BATCH:
                ready = [o for o in waiting if (day - o.day).days >= 2]
                waiting = waiting[len(ready) :]
                written += self._write(ready)
                self.world.step_progress(written)
        self._number_promises(None)
        written += self._write(waiting)
        self._write_counters()
        self.world.step_progress(written)
        return written

    # -- one order ------------------------------------------------------------------------------

    def _new_order(self, day: date, reported: int) -> _Draft:
        rng = self.rng
        site = self.sites[bisect.bisect_right(self.site_cum, rng.random() * self.site_cum[-1])]
        o = _Draft(self.next_order, site, day, reported)
        self.next_order += 1
        key = self.day_keys.get(day) or self.day_keys.setdefault(
            day, ORDER_PREFIX + day.strftime("%Y%m%d")
        )
        self.counters[key] = self.counters.get(key, 0) + 1
        o.number = f"{key}-{self.counters[key]:04d}"
        names, cum = site.categories[day.month - 1]
        o.category = names[bisect.bisect_right(cum, rng.random() * cum[-1])]
        in_home = o.category in _IN_HOME
        if site.homes and (in_home or rng.random() < 0.35):
            o.home = rng.choice(site.homes)
        if not in_home:
            o.location = self._location(o)
        o.tier = _TIER_CHOICE[o.category].draw(rng)
        o.source = (_HOME_SOURCES if o.home else _AREA_SOURCES).draw(rng)
        o.channel = (_HOME_CHANNELS if in_home else _AREA_CHANNELS).draw(rng)
        o.description = self._description(o, day)
        if o.source in ("hotline_12345", "regulator_platform"):
            o.ticket = self._ticket(o.source, day)
        if o.source == "inspection":
            o.created_by = Role.MANAGER  # found on the manager's round: nobody called
        elif o.home and o.home.callers and rng.random() < 0.9:
            callers = o.home.callers
            o.caller_name, o.caller_phone = callers[0] if rng.random() < 0.85 else callers[-1]
            if not o.caller_phone:  # the co-owner left no number: the first owner's is used
                o.caller_phone = callers[0][1]
        elif o.source not in ("hotline_12345", "regulator_platform"):  # tickets come masked
            o.caller_name, o.caller_phone = rng.choice(site.residents)
        o.response_due, o.completion_due = self._deadlines(o, reported)
        return o

    def _location(self, o: _Draft) -> str:
        rng, site, c = self.rng, o.site, o.category
        if c == "elevator":
            lifts = [b for b in site.buildings if b[3]]
            if o.home is not None and o.home.elevators:
                number, unit, cars = o.home.building, o.home.unit, o.home.elevators
            else:
                o.home = None  # an elevator in a building without lifts is nobody's home
                number, units, _floors, cars = rng.choice(lifts)
                unit = str(rng.randint(1, units))
            return f"{number}号楼{unit}单元{rng.randint(1, cars)}号电梯"
        if o.home is not None:
            number, unit, floors = o.home.building, o.home.unit, o.home.floors
        elif site.buildings:
            number, units, floors, _ = rng.choice(site.buildings)
            unit = str(rng.randint(1, units))
        else:
            number, unit, floors = "1", "1", 6
        floor = rng.randint(1, floors)
        places = {
            "security": ("小区北门", "小区南门", "东门岗亭", "地下车库入口", f"{number}号楼周边"),
            "cleaning": (f"{number}号楼{unit}单元", "地下车库", "中心广场", f"{number}号楼{unit}单元{floor}楼楼道"),
            "fire_safety": (f"{number}号楼{unit}单元{floor}楼", f"{number}号楼{unit}单元楼梯间"),
            "ebike_charging": (f"{number}号楼东侧电动车棚", "北门电动车充电区"),
            "parking": (f"地下车库B1-{rng.randint(1, 480):03d}车位", "地库入口道闸", "南门地面停车场"),
            "drainage": (f"{number}号楼北侧雨水井", f"{number}号楼{unit}单元门口", "地下车库排水沟"),
            "pavement": (f"{number}号楼南侧道路", "小区主路", "南门人行道"),
            "lighting": (f"{number}号楼{unit}单元{floor}楼楼道", "小区主路南段", "地下车库B1区"),
            "greenery": ("中心花园", f"{number}号楼南侧绿化带", "北门绿地"),
        }.get(c, (f"{number}号楼{unit}单元", "小区公共区域"))  # fmt: skip
        return rng.choice(places)

    def _description(self, o: _Draft, day: date) -> str:
        rng = self.rng
        if o.category == "heating_gas":
            # Qingdao heats from 15 November to 15 March.
            heating = (day.month, day.day) >= (11, 15) or (day.month, day.day) <= (3, 15)
            text = rng.choice(_HEATING if heating else _WATER_GAS)
        else:
            text = rng.choice(_PROBLEMS[o.category])
        if o.category in ("water_leak", "drainage") and 6 <= day.month <= 9 and rng.random() < 0.5:
            text = rng.choice(_RAINS) + text
        if rng.random() < 0.3:
            text += rng.choice(_ASIDES)
        return text

    def _ticket(self, source: str, day: date) -> str:
        """Tickets are numbered citywide: ours are a sparse few of each day's."""
        key = source + day.isoformat()
        self.tickets[key] = self.tickets.get(key, 0) + self.rng.randint(1, 400)
        if source == "hotline_12345":
            return f"12345-{day:%Y%m%d}-{self.tickets[key]:06d}"
        return f"PT{day:%Y%m%d}{self.tickets[key]:06d}"

    def _deadlines(self, o: _Draft, start: int, promised: date | None = None) -> tuple[int, int]:
        """Both deadlines, from core.deadlines; a calendar-time rule without pauses is the same
        offset from any start, so it is computed once per tier and category."""
        rule = self.rules.rule(o.tier, o.category)
        if not o.pauses and promised is None and rule.mode is ClockMode.CALENDAR:
            key = (o.tier, o.category)
            if key not in self.offsets:
                d = deadlines_for(self.rules, o.tier, o.category, _EPOCH)
                assert d.response_due is not None and d.completion_due is not None
                self.offsets[key] = (_seconds(d.response_due), _seconds(d.completion_due))
            response, completion = self.offsets[key]
            return start + response, start + completion
        pauses = [Pause(_moment(a), _moment(b) if b else None, r) for a, b, r in o.pauses]
        d = deadlines_for(self.rules, o.tier, o.category, _moment(start), pauses, promised)
        return (
            o.response_due if d.response_due is None else _seconds(d.response_due),
            o.completion_due if d.completion_due is None else _seconds(d.completion_due),
        )

    # -- its life -------------------------------------------------------------------------------

    def _delay(self, t: int, minutes: tuple[float, float], scale: float = 1.0) -> int:
        """A moment a log-normal delay (median and spread in minutes) after *t*."""
        median, spread = minutes
        return t + max(60, int(self.rng.lognormvariate(math.log(median * 60 * scale), spread)))

    def _until(self, at: int) -> int:
        """*at*, if it has come by the anchor; otherwise the order's life stops here."""
        if at > self.now:
            raise _Future
        return at

    def _after(self, t: int, minutes: tuple[float, float], scale: float = 1.0) -> int:
        return self._until(self._delay(t, minutes, scale))

    def _event(
        self, o: _Draft, at: int, kind: str, note: str | _Promise = "", *, role: Role = Role.DESK,
        status: bool = False, channel: str = "", handler: str = "",
    ) -> None:  # fmt: skip
        seq = None
        if status:
            o.seq += 1
            seq = o.seq
        o.events.append((at, kind, o.status, seq, channel, handler, note, role))

    @staticmethod
    def _check(current: str, target: str) -> None:
        """The core's rule, asked only when the move is not a known legal one (it is cheaper)."""
        if (current, target) not in _LEGAL_MOVES:
            check_transition(Status(current), Status(target))

    def _move(self, o: _Draft, at: int, status: str, note: str = "", **extra: Any) -> None:
        self._check(o.status, status)
        o.status = status
        o.version += 1
        self._event(o, at, "status", note, status=True, **extra)

    def _live(self, o: _Draft) -> None:
        rng = self.rng
        o.version = 1
        self._event(o, o.reported, "status", _ORDER_TAKEN, role=o.created_by)
        try:
            t = o.reported
            if rng.random() < 0.12:
                t = self._after(t, (25, 0.6))
                o.version += 1
                self._event(o, t, "note", rng.choice(_NOTES_BEFORE))
            cancel = rng.random() < 0.03
            if cancel and rng.random() < 0.5:
                self._cancel(o, self._after(t, (90, 1.0)))
                return
            t = self._first_response(o, t)
            if cancel:
                self._cancel(o, self._after(t, (240, 1.0)))
                return
            t = self._work(o, t)
            if o.source == "hotline_12345":  # the hotline wants to hear the outcome
                t = self._after(t, (60, 0.5))
                o.version += 1
                self._event(o, t, "note", "已电话回复12345热线")
            self._follow_up(o, t, rework=False)
        except _Future:
            pass

    def _first_response(self, o: _Draft, t: int) -> int:
        """Dispatch, and for a promised order its commitment, in the order they happen."""
        if o.tier != "promised":
            t = self._after(t, _DISPATCH[o.tier])
            self._dispatch(o, t, o.channel)
            return t
        dispatched = self._delay(t, _DISPATCH["promised"])
        # Within 48 hours, as the rule asks (and as numbering the commitments relies on).
        issued = min(self._delay(o.reported, (18 * 60, 0.6)), o.reported + 47 * 3600)
        for at in sorted((dispatched, issued)):
            self._until(at)
            if at == issued and o.promise is None:
                self._commit(o, at)
            else:
                self._dispatch(o, at, o.channel)
        return max(dispatched, issued)

    def _dispatch(self, o: _Draft, at: int, channel: str, note: str = "") -> None:
        o.channel = channel
        o.handler = self.rng.choice(o.site.handlers[channel])
        if not note and self.rng.random() < 0.3:
            note = self.rng.choice(("请尽快上门处理", "业主下午在家", "注意做好成品保护"))
        self._move(o, at, "dispatched", note, channel=channel, handler=o.handler)
        if o.responded is None and o.tier != "promised":
            o.responded = at

    def _commit(self, o: _Draft, at: int) -> None:
        rng = self.rng
        longest = self.rules.promised_max_days
        promised = to_local(_moment(at)).date() + timedelta(
            days=rng.randint(min(5, longest), min(28, longest))
        )
        unit = o.site.unit_names.get(o.channel, "")
        person = rng.choice(o.site.handlers[o.channel])
        promise = _Promise(o, at, promised, unit, person, 1 if rng.random() < 0.85 else 0)
        o.promise = promise
        self.unnumbered.append(promise)
        o.responded = o.responded or at
        o.response_due, o.completion_due = self._deadlines(o, o.reported, promised)
        o.version += 1
        self._event(o, at, "commitment", promise, role=Role.MANAGER)

    def _work(self, o: _Draft, t: int) -> int:
        """From dispatch to completion, perhaps transferred, perhaps paused; returns when done."""
        rng = self.rng
        if rng.random() < 0.03:  # the wrong channel: transferred
            t = self._after(t, (60, 0.8))
            other = rng.choice([c for c in o.site.handlers if c != o.channel])
            self._dispatch(o, t, other, f"转{o.site.unit_names.get(other, '')}处理")
        scale = 1.0
        if o.tier == "time_limited" and rng.random() < 0.25:
            scale = 4.0  # the owner is home only at the weekend: the visit waits for them
        t = self._after(t, _START[o.tier], scale)
        self._move(o, t, "in_progress")
        if o.responded is None and o.tier != "promised":
            o.responded = t
        if o.tier == "promised":
            assert o.promise is not None
            end = _seconds(datetime.combine(o.promise.promised, time(18), LOCAL_TZ))
            done = t + int(max(end - t, 7200) * rng.uniform(0.25, 1.08))
        else:
            # Now and then parts must be ordered, or the first fix does not hold.
            done = self._delay(t, _WORK[o.tier], 8.0 if rng.random() < 0.05 else 1.0)
        if rng.random() < _PAUSE_CHANCE[o.tier]:
            paused = self._until(t + int((done - t) * rng.uniform(0.1, 0.6)))
            reason = rng.choice(_PAUSE_REASONS)
            o.pauses.append((paused, None, reason))
            o.paused_since = paused
            o.version += 1
            self._event(o, paused, "pause", reason)
            resumed = self._after(paused, (1200, 0.8), 3.0 if o.tier == "promised" else 1.0)
            o.pauses[-1] = (paused, resumed, reason)
            o.paused_since = None
            o.response_due, o.completion_due = self._deadlines(
                o, o.reported, o.promise.promised if o.promise else None
            )
            o.version += 1
            self._event(o, resumed, "resume")
            done += resumed - paused
        self._until(done)
        note = rng.choice(_FIXED.get(o.category, _FIXED_ANY))
        self._move(o, done, "completed", note)
        o.completed = done
        o.callback_due = done + self.callback_days * 86400
        if o.promise is not None and o.promise.fulfilled is None:
            o.promise.fulfilled = done
        return done

    def _follow_up(self, o: _Draft, t: int, *, rework: bool) -> None:
        """The callback (or closing without one), and the rework a dissatisfied owner gets."""
        rng = self.rng
        if rng.random() < 0.07:  # never reached: the manager closes it after a few tries
            at = self._until(t + rng.randint(4 * 86400, 6 * 86400))
            self._move(o, at, "closed", rng.choice(_UNREACHABLE), role=Role.MANAGER)
            o.closed = at
            return
        at = self._after(t, (1200, 0.7))
        satisfaction = (_SATISFACTION_AGAIN if rework else _SATISFACTION).draw(rng)
        comment = rng.choice(_COMMENTS[satisfaction])
        method = _METHODS.draw(rng)
        role = Role.MANAGER if rng.random() < 0.2 else Role.DESK
        reached = "" if method == "sms" else o.caller_name or "业主本人"
        o.callbacks.append((at, method, reached, satisfaction, comment, role))
        o.callback_due = None
        o.version += 1
        self._event(o, at, "callback", comment, role=role)
        if satisfaction != "dissatisfied":
            self._move_signed(o, at, "closed", "", role)
            o.closed = at
            return
        self._move_signed(o, at, "reopened", comment, role)
        o.completed = None
        o.response_due, o.completion_due = self._deadlines(
            o, at, o.promise.promised if o.promise else None
        )
        if o.tier != "promised":
            o.responded = None
        t = self._after(at, (360, 1.0))  # the manager looks at it before it goes out again
        channel = (
            "repair_contractor" if o.channel == "property" and rng.random() < 0.3 else o.channel
        )
        self._dispatch(o, t, channel, "业主回访不满意，重新处理")
        t = self._work(o, t)
        self._follow_up(o, t, rework=True)

    def _move_signed(self, o: _Draft, at: int, status: str, note: str, role: Role) -> None:
        self._check(o.status, status)
        o.status = status
        self._event(o, at, "status", note, role=role, status=True)

    def _cancel(self, o: _Draft, at: int) -> None:
        self._move(o, at, "cancelled", self.rng.choice(_CANCEL_REASONS), role=Role.MANAGER)
        o.closed = at

    # -- writing --------------------------------------------------------------------------------

    def _number_promises(self, day: date | None) -> None:
        """Number the commitments issued up to *day* (all if None) in the order they were
        issued: no later order can add one to those days."""
        ready = [
            p for p in self.unnumbered if day is None or to_local(_moment(p.issued)).date() <= day
        ]
        if not ready:
            return
        done = set(map(id, ready))
        self.unnumbered = [p for p in self.unnumbered if id(p) not in done]
        for p in sorted(ready, key=lambda p: (p.issued, p.order.id)):
            key = COMMITMENT_PREFIX + to_local(_moment(p.issued)).strftime("%Y%m%d")
            self.counters[key] = self.counters.get(key, 0) + 1
            p.number = f"{key}-{self.counters[key]:04d}"

    def _write(self, drafts: list[_Draft]) -> int:
        stamp, users, ids = self.stamp, self.users, self.next_ids
        orders, events, pauses, promises, callbacks = [], [], [], [], []
        tickets: list[tuple[Any, ...]] = []
        replies: list[tuple[Any, ...]] = []
        for o in drafts:
            if o.ticket:
                self._ticket_rows(o, tickets, replies)
            home = o.home
            room = f"{home.building}-{home.unit}-{home.room}" if home else ""
            orders.append((
                o.id, o.number, o.site.id, home.id if home else None, o.location, o.category,
                o.channel, o.source, o.tier, o.status, o.description, o.caller_name,
                o.caller_phone, o.handler, stamp(o.reported), stamp(o.response_due),
                stamp(o.completion_due), stamp(o.responded), stamp(o.completed),
                stamp(o.closed), stamp(o.paused_since), stamp(o.callback_due),
                # The list's text filter: exactly what create_order puts there.
                " ".join([o.number, room, o.location, o.description]).lower(),
                o.ticket, o.seq, users[o.created_by][1], stamp(o.events[-1][0]), o.version,
            ))  # fmt: skip
            for at, kind, status, seq, channel, handler, note, role in o.events:
                user_id, username = users[role]
                text = note if isinstance(note, str) else note.number
                events.append((
                    ids[_EVENTS], o.id, stamp(at), kind, status, seq, channel, handler, text,
                    user_id, username,
                ))  # fmt: skip
                ids[_EVENTS] += 1
            for start, end, reason in o.pauses:
                pauses.append((ids[_PAUSES], o.id, stamp(start), stamp(end), reason))
                ids[_PAUSES] += 1
            p = o.promise
            if p is not None:
                promises.append((
                    ids[_COMMITMENTS], o.id, p.number, p.plan, p.promised.isoformat(), p.unit,
                    p.person, stamp(p.issued), users[Role.MANAGER][1], p.printed,
                    stamp(p.fulfilled),
                ))  # fmt: skip
                ids[_COMMITMENTS] += 1
            for at, method, reached, satisfaction, comment, role in o.callbacks:
                callbacks.append((
                    ids[_CALLBACKS], o.id, stamp(at), method, reached, satisfaction, comment,
                    users[role][1],
                ))  # fmt: skip
                ids[_CALLBACKS] += 1
        # Demo orders count as already reported to the regulator: no outbox rows are written,
        # so a first `wuye sync` does not send a year of history.
        _insert_rows(self.s, _table(WorkOrder), _ORDER_COLUMNS, orders)
        _insert_rows(self.s, _EVENTS, _EVENT_COLUMNS, events)
        _insert_rows(self.s, _PAUSES, _PAUSE_COLUMNS, pauses)
        _insert_rows(self.s, _COMMITMENTS, _COMMITMENT_COLUMNS, promises)
        _insert_rows(self.s, _CALLBACKS, _CALLBACK_COLUMNS, callbacks)
        _insert_rows(self.s, _TICKETS, _TICKET_COLUMNS, tickets)
        _insert_rows(self.s, _REPLIES, _REPLY_COLUMNS, replies)
        return len(drafts)

    def _ticket_rows(
        self, o: _Draft, tickets: list[tuple[Any, ...]], replies: list[tuple[Any, ...]]
    ) -> None:
        """The regulator's ticket an order of the hotline or the platform was made from, as the
        inbox keeps it, and the reply the desk sent once the order was under way."""
        stamp, ids = self.stamp, self.next_ids
        hours = 24 if o.source == "hotline_12345" else 48
        due = o.reported + hours * 3600
        project = self.project_codes.get(o.site.id, "")
        payload = {
            "ticket_id": o.ticket, "project_code": project, "household": None,
            "category": o.category, "content": o.description, "caller_phone_masked": None,
            "received_at": _rfc3339(o.reported), "reply_due_at": _rfc3339(due), "level": "normal",
            "source": o.source,
        }  # fmt: skip
        row_id = ids[_TICKETS]
        ids[_TICKETS] += 1
        tickets.append((
            row_id, o.ticket, project, "normal", o.category, o.description, stamp(o.reported),
            stamp(due), stamp(o.reported), o.id, "",
            json.dumps(payload, ensure_ascii=False, sort_keys=True),
        ))  # fmt: skip
        answered = o.completed or o.responded
        if answered is not None:
            result = "resolved" if o.completed is not None else "in_progress"
            text = "已处理完毕" if o.completed is not None else "已派单处理"
            replies.append(
                (ids[_REPLIES], row_id, stamp(answered), result, text, "", self.users[Role.DESK][1])
            )
            ids[_REPLIES] += 1

    def _write_counters(self) -> None:
        """Day counters that go on from the demo's last numbers, and ids that go on from its
        last ids (PostgreSQL's sequences do not see ids written explicitly)."""
        rows = [{"key": key, "last": last} for key, last in sorted(self.counters.items())]
        for start in range(0, len(rows), _CHUNK):
            self.s.execute(insert(DayCounter), rows[start : start + _CHUNK])
        conn = self.s.connection()
        if conn.dialect.name == "postgresql":
            for table in (_table(WorkOrder), _EVENTS, _PAUSES, _COMMITMENTS, _CALLBACKS):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"max(id)) FROM {table.name}"
                    )
                )


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


_EVENTS, _PAUSES, _COMMITMENTS, _CALLBACKS, _TICKETS, _REPLIES = (
    _table(m) for m in (OrderEvent, OrderPause, Commitment, Callback, RegulatorTicket, TicketReply)
)
_TICKET_COLUMNS = (
    "id", "ticket_id", "project_code", "level", "category", "content", "received_at",
    "reply_due_at", "first_seen_at", "order_id", "problem", "payload",
)  # fmt: skip
_REPLY_COLUMNS = ("id", "ticket_row_id", "at", "result", "content", "reason", "username")


def _rfc3339(sec: int) -> str:
    """Seconds since the epoch as the platform writes times (its local time, with offset)."""
    return outbox.rfc3339(_EPOCH + timedelta(seconds=sec))
