"""The demo's staff directory: each community's own technicians (with the skills their trade
gives them), its repair contractor's and developer's contacts, and the company's teams that
work in every community. One name per community is left out on purpose: a casual worker the
desk types in freely, the directory's fallback.

Drawn from a random stream of its own (seeded by the community's code), so the orders, whose
handlers are these names, come out as they did before the directory existed.
"""

from __future__ import annotations

import random

from sqlalchemy.orm import Session

from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.vocab import Category, Channel, StaffKind
from wuye_desktop.storage.models import Staff

_C = Category
# The trades of the own technicians, in the order a community's names are given them.
TRADES: tuple[tuple[Category, ...], ...] = (
    (_C.WATER_LEAK, _C.INDOOR_PLUMBING, _C.DRAINAGE),  # 水暖
    (_C.ELECTRICAL, _C.LIGHTING, _C.EBIKE_CHARGING),  # 电工
    (_C.WALL_CRACK, _C.DOORS_WINDOWS, _C.PAVEMENT),  # 土建
    (_C.ELEVATOR, _C.FIRE_SAFETY),  # 设备
    (_C.HEATING_GAS, _C.WATER_LEAK, _C.INDOOR_PLUMBING),  # 暖通
)
CONTRACTOR_SKILLS = (_C.WATER_LEAK, _C.WALL_CRACK, _C.DOORS_WINDOWS, _C.DRAINAGE)
DEVELOPER_SKILLS = (_C.WALL_CRACK, _C.WATER_LEAK, _C.DOORS_WINDOWS, _C.PAVEMENT)
# The company's own teams, for every community.
TEAMS: tuple[tuple[str, tuple[Category, ...]], ...] = (
    ("保洁班", (_C.CLEANING,)),
    ("绿化班", (_C.GREENERY,)),
    ("秩序维护班", (_C.SECURITY, _C.PARKING, _C.EBIKE_CHARGING)),
    ("工程部值班组", (_C.WATER_LEAK, _C.ELECTRICAL, _C.LIGHTING, _C.DRAINAGE)),
)


def _phone(rng: random.Random) -> str:
    return rng.choice(("139", "138", "137", "186", "158")) + f"{rng.randrange(10**8):08d}"


def add_teams(s: Session) -> None:
    """The company-wide teams (once per demo)."""
    rng, now = random.Random("teams"), now_utc()
    s.add_all(
        Staff(
            name=name,
            kind=StaffKind.TEAM.value,
            channel=Channel.PROPERTY.value,
            community_id=None,
            phone=_phone(rng),
            skills=",".join(skills),
            created_at=now,
            updated_at=now,
        )
        for name, skills in TEAMS
    )


def add_community_staff(
    s: Session, community_id: int, code: str, handlers: dict[str, tuple[str, ...]]
) -> dict[tuple[str, str], int]:
    """Directory entries for the community's handler names (by channel); returns the staff id
    per (channel, name). The last property name stays out of the directory: typed freely."""
    rng, now = random.Random(f"staff-{code}"), now_utc()
    people: dict[tuple[str, str], Staff] = {}
    for channel, names in handlers.items():
        listed = names[:-1] if channel == Channel.PROPERTY.value else names
        for number, name in enumerate(listed):
            if (channel, name) in people:  # a namesake: the desk knows them as one
                continue
            if channel == Channel.PROPERTY.value:
                kind, skills = StaffKind.TECHNICIAN, TRADES[number % len(TRADES)]
            else:
                kind = StaffKind.CONTACT
                pool = (
                    CONTRACTOR_SKILLS
                    if channel == Channel.REPAIR_CONTRACTOR.value
                    else DEVELOPER_SKILLS
                )
                skills = tuple(rng.sample(pool, 3))
            people[channel, name] = Staff(
                name=name,
                kind=kind.value,
                channel=channel,
                community_id=community_id,
                phone=_phone(rng),
                skills=",".join(skills),
                created_at=now,
                updated_at=now,
            )
    s.add_all(people.values())
    s.flush()
    return {key: person.id for key, person in people.items()}
