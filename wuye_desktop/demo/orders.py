"""``wuye demo --work-orders N``: a year of a property desk's work orders.

A year of a property desk's work, written the way the core services would have left it: every
order has its "Order taken" entry, then status events with seq 1, 2, ... (last_event_seq is the
last), deadlines from the company's rules (core.deadlines), commitments for promised orders,
pauses, callbacks, numbers gap-free per local day with the day counters to match. Each order
lives its life from its report on; whatever would happen after the anchor has not happened
yet, so recent orders are open and old ones closed, as in a real database.

The rows go to the driver in big executemany batches, ids and times prepared in Python
(:class:`~wuye_desktop.demo.order_rows.OrderWriter`): the ORM would take an hour over a million
orders and their six million timeline entries.
"""

from __future__ import annotations

import bisect
import math
import random
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from wuye_desktop.core.clock import LOCAL_TZ, to_local
from wuye_desktop.core.deadlines import ClockMode, Pause, deadlines_for
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders import (
    COMMITMENT_PREFIX,
    ORDER_PREFIX,
    Status,
    allowed_next,
    check_transition,
)
from wuye_desktop.core.roles import Role
from wuye_desktop.core.settings import callback_due_days, load_rules
from wuye_desktop.demo import order_odds as odds
from wuye_desktop.demo import staff
from wuye_desktop.demo.order_rows import (
    EPOCH,
    Draft,
    Home,
    OrderWriter,
    Promise,
    Site,
    moment_of,
    seconds_of,
)
from wuye_desktop.demo.users import DEMO_USERS
from wuye_desktop.demo.world import DemoWorld, person_name
from wuye_desktop.storage.models import (
    Building,
    ChannelContact,
    Community,
    Household,
    Owner,
    Unit,
    WorkOrder,
)

DEFAULT_WORK_ORDERS = 4000  # a plain `wuye demo`: about a dozen calls a day, a lived-in list
_ORDER_DAYS = 365
_ORDER_BATCH = 20_000  # orders written per round of inserts: bounded memory, progress reported
# Exactly the note create_order gives the first timeline entry (translated when shown).
_ORDER_TAKEN = QT_TRANSLATE_NOOP("core", "Order taken")
_LEGAL_MOVES = frozenset((a.value, b.value) for a in Status for b in allowed_next(a))


class _Future(Exception):
    """The next step of an order would come after the anchor: the order stays as it is."""


def add_work_orders(world: DemoWorld, count: int) -> int:
    """*count* orders over the twelve months before ``world.now``; see the module docstring."""
    return _OrderMaker(world).run(count)


class _OrderMaker:
    def __init__(self, world: DemoWorld) -> None:
        self.world = world
        self.s = world.session
        # A generator of its own: what it draws does not shift the steps after it.
        self.rng = random.Random(world.rng.random())
        self.now = seconds_of(world.now)
        self.rules = load_rules(self.s)
        self.callback_days = callback_due_days(self.s)
        self.offsets: dict[tuple[str, str], tuple[int, int]] = {}
        self.project_codes: dict[int, str] = {}  # community id -> the regulator's code
        self.sites = self._load_sites()
        homes = sum(len(site.homes) for site in self.sites)
        # By size; a community whose roster is still to come calls about its common areas only.
        site_weights = [float(len(site.homes) or max(homes * 0.03, 1)) for site in self.sites]
        self.site_cum = odds.cumulated(site_weights)
        self.hour_cum = [0.0, *odds.cumulated(odds.HOUR_WEIGHT)]
        self.next_order = (self.s.scalar(select(func.max(WorkOrder.id))) or 0) + 1
        self.counters: dict[str, int] = {}  # day counter key -> last number given
        self.day_keys: dict[date, str] = {}
        self.tickets: dict[str, int] = {}
        self.unnumbered: list[Promise] = []
        users = {role: (world.user_ids[role], name) for name, role, _, _ in DEMO_USERS}
        self.writer = OrderWriter(self.s, users, self.project_codes)

    # -- the community data ---------------------------------------------------------------------

    def _load_sites(self) -> list[Site]:
        s, rng = self.s, self.rng
        owners: dict[int, list[tuple[str, str]]] = {}
        for hid, name, phone in s.execute(
            select(Owner.household_id, Owner.name, Owner.phone).order_by(Owner.id)
        ):
            owners.setdefault(hid, []).append((name, phone))
        homes: dict[int, list[Home]] = {}
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
                Home(hid, building, unit, room, floors, elevators, callers)
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
        staff.add_teams(s)
        for code, cid in sorted(self.world.community_ids.items()):
            site_buildings = buildings.get(cid, [])
            handlers = {
                "property": tuple(person_name(rng) for _ in range(6)),
                "repair_contractor": tuple(person_name(rng) for _ in range(3)),
                "developer": tuple(person_name(rng) for _ in range(2)),
            }
            residents = [(person_name(rng), next(self.world.phones)) for _ in range(300)]
            staff_ids = staff.add_community_staff(s, cid, code, handlers)
            site = Site(
                cid, code, homes.get(cid, []), site_buildings, unit_names.get(cid, {}),
                handlers, staff_ids, residents, [],
            )  # fmt: skip
            site.categories = [self._category_table(site, month) for month in range(1, 13)]
            sites.append(site)
        return sites

    @staticmethod
    def _category_table(site: Site, month: int) -> tuple[list[str], list[float]]:
        lifts = any(b[3] for b in site.buildings)
        names = [
            c
            for c in odds.CATEGORY_WEIGHT
            if (site.homes or c not in odds.IN_HOME) and (lifts or c != "elevator")
        ]
        weights = [odds.CATEGORY_WEIGHT[c] * odds.SEASON.get(c, {}).get(month, 1.0) for c in names]
        return names, odds.cumulated(weights)

    # -- the days -------------------------------------------------------------------------------

    def _day_plan(self, count: int) -> list[tuple[date, int, int, float]]:
        """(local day, its first second, how many orders, share of the day already past)."""
        now_local = to_local(moment_of(self.now))
        last = now_local.date()
        days = [last - timedelta(days=i) for i in range(_ORDER_DAYS - 1, -1, -1)]
        hour = now_local.hour + now_local.minute / 60
        past_today = (
            self.hour_cum[int(hour)] + odds.HOUR_WEIGHT[int(hour)] * (hour - int(hour))
        ) / self.hour_cum[-1]
        weights = [
            odds.WEEKDAY_WEIGHT[d.weekday()]
            * odds.MONTH_WEIGHT[d.month - 1]
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
                seconds_of(datetime.combine(d, time(0), LOCAL_TZ)),
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
        waiting: list[Draft] = []  # made, not yet written (their commitments may lack numbers)
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
                written += self.writer.write(ready)
                self.world.step_progress(written)
        self._number_promises(None)
        written += self.writer.write(waiting)
        self.writer.write_counters(self.counters)
        self.world.step_progress(written)
        return written

    # -- one order ------------------------------------------------------------------------------

    def _new_order(self, day: date, reported: int) -> Draft:
        rng = self.rng
        site = self.sites[bisect.bisect_right(self.site_cum, rng.random() * self.site_cum[-1])]
        o = Draft(self.next_order, site, day, reported)
        self.next_order += 1
        key = self.day_keys.get(day) or self.day_keys.setdefault(
            day, ORDER_PREFIX + day.strftime("%Y%m%d")
        )
        self.counters[key] = self.counters.get(key, 0) + 1
        o.number = f"{key}-{self.counters[key]:04d}"
        names, cum = site.categories[day.month - 1]
        o.category = names[bisect.bisect_right(cum, rng.random() * cum[-1])]
        in_home = o.category in odds.IN_HOME
        if site.homes and (in_home or rng.random() < 0.35):
            o.home = rng.choice(site.homes)
        if not in_home:
            o.location = self._location(o)
        o.tier = odds.TIER_CHOICE[o.category].draw(rng)
        o.source = (odds.HOME_SOURCES if o.home else odds.AREA_SOURCES).draw(rng)
        o.channel = (odds.HOME_CHANNELS if in_home else odds.AREA_CHANNELS).draw(rng)
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

    def _location(self, o: Draft) -> str:
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

    def _description(self, o: Draft, day: date) -> str:
        rng = self.rng
        if o.category == "heating_gas":
            # Qingdao heats from 15 November to 15 March.
            heating = (day.month, day.day) >= (11, 15) or (day.month, day.day) <= (3, 15)
            text = rng.choice(odds.HEATING if heating else odds.WATER_GAS)
        else:
            text = rng.choice(odds.PROBLEMS[o.category])
        if o.category in ("water_leak", "drainage") and 6 <= day.month <= 9 and rng.random() < 0.5:
            text = rng.choice(odds.RAINS) + text
        if rng.random() < 0.3:
            text += rng.choice(odds.asides(o.category))
        return text

    def _ticket(self, source: str, day: date) -> str:
        """Tickets are numbered citywide: ours are a sparse few of each day's."""
        key = source + day.isoformat()
        self.tickets[key] = self.tickets.get(key, 0) + self.rng.randint(1, 400)
        if source == "hotline_12345":
            return f"12345-{day:%Y%m%d}-{self.tickets[key]:06d}"
        return f"PT{day:%Y%m%d}{self.tickets[key]:06d}"

    def _deadlines(self, o: Draft, start: int, promised: date | None = None) -> tuple[int, int]:
        """Both deadlines, from core.deadlines; a calendar-time rule without pauses is the same
        offset from any start, so it is computed once per tier and category."""
        rule = self.rules.rule(o.tier, o.category)
        if not o.pauses and promised is None and rule.mode is ClockMode.CALENDAR:
            key = (o.tier, o.category)
            if key not in self.offsets:
                d = deadlines_for(self.rules, o.tier, o.category, EPOCH)
                assert d.response_due is not None and d.completion_due is not None
                self.offsets[key] = (seconds_of(d.response_due), seconds_of(d.completion_due))
            response, completion = self.offsets[key]
            return start + response, start + completion
        pauses = [Pause(moment_of(a), moment_of(b) if b else None, r) for a, b, r in o.pauses]
        d = deadlines_for(self.rules, o.tier, o.category, moment_of(start), pauses, promised)
        return (
            o.response_due if d.response_due is None else seconds_of(d.response_due),
            o.completion_due if d.completion_due is None else seconds_of(d.completion_due),
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
        self, o: Draft, at: int, kind: str, note: str | Promise = "", *, role: Role = Role.DESK,
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

    def _move(self, o: Draft, at: int, status: str, note: str = "", **extra: Any) -> None:
        self._check(o.status, status)
        o.status = status
        o.version += 1
        self._event(o, at, "status", note, status=True, **extra)

    def _live(self, o: Draft) -> None:
        rng = self.rng
        o.version = 1
        self._event(o, o.reported, "status", _ORDER_TAKEN, role=o.created_by)
        try:
            t = o.reported
            if rng.random() < 0.12:
                t = self._after(t, (25, 0.6))
                o.version += 1
                self._event(o, t, "note", rng.choice(odds.notes_before(o.category)))
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

    def _first_response(self, o: Draft, t: int) -> int:
        """Dispatch, and for a promised order its commitment, in the order they happen."""
        if o.tier != "promised":
            t = self._after(t, odds.DISPATCH[o.tier])
            self._dispatch(o, t, o.channel)
            return t
        dispatched = self._delay(t, odds.DISPATCH["promised"])
        # Within 48 hours, as the rule asks (and as numbering the commitments relies on).
        issued = min(self._delay(o.reported, (18 * 60, 0.6)), o.reported + 47 * 3600)
        for at in sorted((dispatched, issued)):
            self._until(at)
            if at == issued and o.promise is None:
                self._commit(o, at)
            else:
                self._dispatch(o, at, o.channel)
        return max(dispatched, issued)

    def _dispatch(self, o: Draft, at: int, channel: str, note: str = "") -> None:
        o.channel = channel
        o.handler = self.rng.choice(o.site.handlers[channel])
        o.handler_id = o.site.staff_ids.get((channel, o.handler))  # None: typed freely
        if not note and self.rng.random() < 0.3:
            note = self.rng.choice(odds.dispatch_notes(o.category))
        self._move(o, at, "dispatched", note, channel=channel, handler=o.handler)
        if o.responded is None and o.tier != "promised":
            o.responded = at

    def _commit(self, o: Draft, at: int) -> None:
        rng = self.rng
        longest = self.rules.promised_max_days
        promised = to_local(moment_of(at)).date() + timedelta(
            days=rng.randint(min(5, longest), min(28, longest))
        )
        unit = o.site.unit_names.get(o.channel, "")
        person = rng.choice(o.site.handlers[o.channel])
        promise = Promise(o, at, promised, unit, person, 1 if rng.random() < 0.85 else 0)
        o.promise = promise
        self.unnumbered.append(promise)
        o.responded = o.responded or at
        o.response_due, o.completion_due = self._deadlines(o, o.reported, promised)
        o.version += 1
        self._event(o, at, "commitment", promise, role=Role.MANAGER)

    def _work(self, o: Draft, t: int) -> int:
        """From dispatch to completion, perhaps transferred, perhaps paused; returns when done."""
        rng = self.rng
        if rng.random() < 0.03:  # the wrong channel: transferred
            t = self._after(t, (60, 0.8))
            other = rng.choice([c for c in o.site.handlers if c != o.channel])
            self._dispatch(o, t, other, f"转{o.site.unit_names.get(other, '')}处理")
        scale = 1.0
        if o.tier == "time_limited" and rng.random() < 0.25:
            scale = 4.0  # the owner is home only at the weekend: the visit waits for them
        t = self._after(t, odds.START[o.tier], scale)
        self._move(o, t, "in_progress")
        if o.responded is None and o.tier != "promised":
            o.responded = t
        if o.tier == "promised":
            assert o.promise is not None
            end = seconds_of(datetime.combine(o.promise.promised, time(18), LOCAL_TZ))
            done = t + int(max(end - t, 7200) * rng.uniform(0.25, 1.08))
        else:
            # Now and then parts must be ordered, or the first fix does not hold.
            done = self._delay(t, odds.WORK[o.tier], 8.0 if rng.random() < 0.05 else 1.0)
        if rng.random() < odds.PAUSE_CHANCE[o.tier]:
            paused = self._until(t + int((done - t) * rng.uniform(0.1, 0.6)))
            reason = rng.choice(odds.pause_reasons(o.category))
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
        note = rng.choice(odds.FIXED[odds.topic(o.category, o.description)])
        self._move(o, done, "completed", note)
        o.completed = done
        o.callback_due = done + self.callback_days * 86400
        if o.promise is not None and o.promise.fulfilled is None:
            o.promise.fulfilled = done
        return done

    def _follow_up(self, o: Draft, t: int, *, rework: bool) -> None:
        """The callback (or closing without one), and the rework a dissatisfied owner gets."""
        rng = self.rng
        # One community's service centre is short of staff: its callbacks come late and more
        # owners are never reached, which the overview's callback figures show.
        lagging = o.site.code == odds.CALLBACK_LAGGARD
        unreachable = odds.UNREACHABLE_SHARE * (odds.LAGGARD_UNREACHABLE if lagging else 1.0)
        if rng.random() < unreachable:  # never reached: the manager closes it after some tries
            at = self._until(t + rng.randint(4 * 86400, 6 * 86400))
            self._move(o, at, "closed", rng.choice(odds.UNREACHABLE), role=Role.MANAGER)
            o.closed = at
            return
        at = self._after(t, (1200, 0.7), odds.LAGGARD_DELAY if lagging else 1.0)
        satisfaction = (odds.SATISFACTION_AGAIN if rework else odds.SATISFACTION).draw(rng)
        comment = rng.choice(odds.comments(satisfaction, o.category, o.description))
        method = odds.METHODS.draw(rng)
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

    def _move_signed(self, o: Draft, at: int, status: str, note: str, role: Role) -> None:
        self._check(o.status, status)
        o.status = status
        self._event(o, at, "status", note, role=role, status=True)

    def _cancel(self, o: Draft, at: int) -> None:
        reason = self.rng.choice(odds.cancel_reasons(o.category, o.description))
        self._move(o, at, "cancelled", reason, role=Role.MANAGER)
        o.closed = at

    # -- writing --------------------------------------------------------------------------------

    def _number_promises(self, day: date | None) -> None:
        """Number the commitments issued up to *day* (all if None) in the order they were
        issued: no later order can add one to those days."""
        ready = [
            p for p in self.unnumbered if day is None or to_local(moment_of(p.issued)).date() <= day
        ]
        if not ready:
            return
        done = set(map(id, ready))
        self.unnumbered = [p for p in self.unnumbered if id(p) not in done]
        for p in sorted(ready, key=lambda p: (p.issued, p.order.id)):
            key = COMMITMENT_PREFIX + to_local(moment_of(p.issued)).strftime("%Y%m%d")
            self.counters[key] = self.counters.get(key, 0) + 1
            p.number = f"{key}-{self.counters[key]:04d}"
