"""``wuye demo --ledger-entries N``: each community's special account and N believable entries
in all, spread over the twelve months before the demo's anchor, chained like real postings."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from wuye_desktop.core.clock import to_local
from wuye_desktop.core.ledger import chain, services
from wuye_desktop.core.ledger.categories import DEFAULTS, Direction
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.demo.world import DemoWorld
from wuye_desktop.storage.models import Community, LedgerAccount, LedgerCategory, LedgerHead

# Enough for the demo's finance clerk to find a year of postings in every community (about
# 100 a month in all), written in about a second.
DEFAULT_LEDGER_ENTRIES = 1200

# (category, weight, typical amount in fen, counterparties)
_INCOME = (
    ("elevator_ads", 3, 300_000, ("分众传媒青岛分公司", "新潮传媒")),
    ("parking", 5, 80_000, ("停车场收费系统", "临停收费")),
    ("venue_rental", 1, 150_000, ("社区团购驿站", "早餐车")),
    ("express_lockers", 2, 40_000, ("丰巢科技", "速递易")),
    ("charging_piles", 2, 30_000, ("特来电", "星星充电")),
)
_EXPENSE = (
    ("facility_repair", 3, 120_000, ("青岛房修公司", "通力电梯")),
    ("shared_utilities", 2, 60_000, ("国网青岛供电公司", "青岛水务")),
    ("service_fee_share", 1, 90_000, ("安居物业",)),
    ("tax", 1, 20_000, ("国家税务总局青岛市税务局",)),
)


def add_ledger_entries(world: DemoWorld, count: int) -> int:
    s = world.session
    finance = Actor(world.user_ids.get(Role.FINANCE), "finance", Role.FINANCE)
    end = to_local(world.now).date() - timedelta(days=1)
    start = date(end.year - 1, end.month, 1)
    communities = list(s.scalars(select(Community).order_by(Community.code)))
    if not communities or count == 0:
        return 0
    done = 0
    for n, c in enumerate(communities):
        share = count // len(communities) + (1 if n < count % len(communities) else 0)
        opening = world.rng.randint(20_000, 200_000) * 100
        s.add(
            LedgerAccount(
                community_id=c.id, bank="中国工商银行青岛分行",
                account_no=f"6222{world.rng.randint(10**11, 10**12 - 1)}",
                opening_balance_fen=opening, opened_on=start,
            )
        )  # fmt: skip
        head = LedgerHead(community_id=c.id, seq=0, hash=chain.GENESIS, balance_fen=opening)
        s.add(head)
        for direction, items in DEFAULTS.items():
            for i, (code, label) in enumerate(items):
                s.add(
                    LedgerCategory(
                        community_id=c.id, direction=direction.value, code=code, label=label, sort=i
                    )
                )
        s.flush()
        span = (end - start).days
        days = sorted(start + timedelta(days=world.rng.randint(0, span)) for _ in range(share))
        for i, day in enumerate(days):
            income = world.rng.random() < 0.65
            table = _INCOME if income else _EXPENSE
            code, _, typical, parties = world.rng.choices(table, [t[1] for t in table])[0]
            amount = max(100, int(world.rng.gauss(typical, typical / 3)) // 100 * 100)
            services.append_entry(
                s, finance, c, head, entry_date=day,
                direction=(Direction.INCOME if income else Direction.EXPENSE).value,
                category=code, amount_fen=amount, voucher_no=f"{day:%Y%m}-{i + 1:04d}",
                counterparty=world.rng.choice(parties), note="",
            )  # fmt: skip
            done += 1
            if done % 500 == 0:
                s.flush()
                world.step_progress(done)
        s.flush()
    return done
