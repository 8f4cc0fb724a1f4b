"""Demo data: a believable Qingdao property company in an empty database.

Everything comes from ``random.Random(seed)`` and timestamps fixed relative to
:data:`BASE_TIME`, so the same seed gives the same database on any machine and day. Bulk
inserts keep 50,000 households to seconds.

The company has four communities: three with residents, and one (QD004) just taken over,
whose buildings exist but whose households are still to be imported from its roster
(``resources/demo/roster-qd004.xlsx``), which is what a new customer does first.

Later features add their own demo data as *steps*: a function ``(world, count) -> int`` that
adds ``count`` things (work orders, ledger entries...) inside the same transaction, listed in
:data:`STEPS` with its name and default. ``wuye demo`` offers an option per step
(``--work-orders N`` for a step named ``work_orders``), whose default is the step's own
(:func:`step_default`).

Work orders are the one kind of demo data that must look recent: the program colours them by
their deadlines against the real clock. They are spread over the twelve months before an
*anchor* (``fill_demo(now=...)``, the real clock unless given), so a database filled today has
orders taken this morning, still open, some overdue. The same seed and anchor give the same
orders; everything else is fixed relative to :data:`BASE_TIME` as before.

The package: :mod:`.world` (what every step shares), :mod:`.users`, :mod:`.directory`
(company, communities, households, owners), :mod:`.orders` with :mod:`.order_odds` and
:mod:`.order_rows` (work orders), :mod:`.ledger` (special-account entries). Demo data is
written the way core's services would have left it, but is not part of core: nothing in
core imports it.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import FieldError, StateError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.overview import summary as overview_summary
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.roles import SYSTEM_ACTOR
from wuye_desktop.demo.directory import COMMUNITIES, fill_directory
from wuye_desktop.demo.ledger import DEFAULT_LEDGER_ENTRIES, add_ledger_entries
from wuye_desktop.demo.orders import DEFAULT_WORK_ORDERS, add_work_orders
from wuye_desktop.demo.users import DEMO_USERS
from wuye_desktop.demo.world import BASE_TIME, DemoStep, DemoWorld
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Community, Company, User

__all__ = [
    "BASE_TIME",
    "DEFAULT_LEDGER_ENTRIES",
    "DEFAULT_WORK_ORDERS",
    "DEMO_USERS",
    "MAX_HOUSEHOLDS",
    "MAX_STEP_COUNT",
    "STEPS",
    "DemoStep",
    "DemoSummary",
    "DemoWorld",
    "Step",
    "fill_demo",
    "step_default",
    "steps",
]


@dataclass(frozen=True)
class Step:
    """A kind of demo data added after the directory: ``wuye demo --<name with dashes> N``."""

    name: str
    add: DemoStep
    default: int  # how many a plain ``wuye demo`` adds; fill_demo adds only what it is asked


# The steps, in the order they run. A later feature adds its demo data by adding its step here.
STEPS: tuple[Step, ...] = (
    Step("work_orders", add_work_orders, DEFAULT_WORK_ORDERS),
    Step("ledger_entries", add_ledger_entries, DEFAULT_LEDGER_ENTRIES),
)


def steps() -> dict[str, DemoStep]:
    """The steps by name, in the order they run."""
    return {step.name: step.add for step in STEPS}


def step_default(name: str) -> int:
    """How many things of step *name* a plain ``wuye demo`` adds."""
    return next((step.default for step in STEPS if step.name == name), 0)


MAX_HOUSEHOLDS = 2_000_000
MAX_STEP_COUNT = 5_000_000  # of any step: work orders, ledger entries, ...


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


def _existing_data(s: Session) -> str | None:
    """None if the database holds no company data yet, else what it holds."""
    for model, what in ((Company, "company"), (User, "users"), (Community, "communities")):
        if s.scalar(select(func.count()).select_from(model)):
            return what
    return None


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

    *extra* gives counts for the steps (:data:`STEPS`), e.g.
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
        world, counts = fill_directory(s, rng, households, report, total)
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
        # The overview's precomputed figures of what was just written, in the same transaction
        # (its triggers noted every order), rather than at the first overview.
        overview_summary.refresh(s)
    return DemoSummary(
        company=counts["company_name"],
        communities=tuple(spec.code for spec in COMMUNITIES),
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
