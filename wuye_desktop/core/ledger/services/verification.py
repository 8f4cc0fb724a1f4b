"""Verifying the chains: recomputing every entry's hash and naming the first break."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from wuye_desktop.core.errors import StateError
from wuye_desktop.core.finding import find_community
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.ledger import chain, chain_query
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Community, LedgerAccount, LedgerEntry, LedgerHead

_REASONS = {
    "changed": QT_TRANSLATE_NOOP(
        "core", "Ledger of {code} is broken at entry #{seq}: the entry was changed"
    ),
    "missing": QT_TRANSLATE_NOOP(
        "core", "Ledger of {code} is broken at entry #{seq}: the entry was deleted"
    ),
    "inserted": QT_TRANSLATE_NOOP(
        "core", "Ledger of {code} is broken at entry #{seq}: an entry was inserted"
    ),
    "head": QT_TRANSLATE_NOOP(
        "core",
        "Ledger of {code} is broken after entry #{seq}: entries were added or removed "
        "at the end behind the program's back",
    ),
}


@dataclass(frozen=True)
class ChainBreak:
    community_code: str
    seq: int
    entry_id: int | None
    reason: str

    def message(self) -> str:
        seq = self.seq - 1 if self.reason == "head" else self.seq
        return _REASONS[self.reason].format(code=self.community_code, seq=seq)


@dataclass(frozen=True)
class VerifyResult:
    entries: int
    communities: int
    breaks: tuple[ChainBreak, ...]

    @property
    def ok(self) -> bool:
        return not self.breaks


def verify(
    db: Database,
    actor: Actor,
    community: str | int | None = None,
    progress: Progress | None = None,
) -> VerifyResult:
    """Recompute every chain (or one community's) and name the first break of each."""
    actor.require(Permission.LEDGER_READ)
    with db.read() as s:
        codes = {cid: code for cid, code in s.execute(select(Community.id, Community.code))}
        only = None if community is None else find_community(s, community).id
        head_q = select(LedgerHead.community_id, LedgerHead.seq, LedgerHead.hash)
        open_q = select(LedgerAccount.community_id, LedgerAccount.opening_balance_fen)
        count_q = select(LedgerHead.seq)
        if only is not None:
            head_q = head_q.where(LedgerHead.community_id == only)
            open_q = open_q.where(LedgerAccount.community_id == only)
            count_q = count_q.where(LedgerHead.community_id == only)
        heads = {cid: (seq, h) for cid, seq, h in s.execute(head_q)}
        opening = {cid: fen for cid, fen in s.execute(open_q)}
        total = sum(s.scalars(count_q))
        # Plain columns straight from the driver's cursor (chain_query): no ORM objects, no
        # per-row conversion; Python joins each canonical form, hashes and compares.
        stmt = chain_query.chain_rows(s.get_bind().dialect.name, only)
        rows = chain_query.stream(s.connection(), stmt)

        def entry(community_id: int, seq: int) -> LedgerEntry | None:
            return s.scalars(
                select(LedgerEntry)
                .where(LedgerEntry.community_id == community_id, LedgerEntry.seq == seq)
                .order_by(LedgerEntry.id.desc())  # the later of two, were seq not unique
                .limit(1)
            ).first()

        def locate(community_id: int, seq: int) -> int | None:
            r = entry(community_id, seq)
            return None if r is None else r.id

        def recompute(community_id: int, seq: int) -> str:
            r = entry(community_id, seq)
            if r is None:
                return ""
            return chain.entry_hash(
                prev_hash=r.prev_hash, community_id=r.community_id, seq=r.seq,
                entry_date=r.entry_date, direction=r.direction, category=r.category,
                amount_fen=r.amount_fen, balance_fen=r.balance_fen, voucher_no=r.voucher_no,
                counterparty=r.counterparty, note=r.note, reverses_seq=r.reverses_seq,
                created_at=r.created_at, created_by=r.created_by,
            )  # fmt: skip

        counted = 0

        def tick(done: int) -> None:
            nonlocal counted
            counted = done
            if progress is not None:
                progress(min(done, total), total)

        breaks = chain.check_rows(rows, heads, opening, tick, recompute, locate)
        if progress is not None:
            progress(total, total)
    found = tuple(
        ChainBreak(codes.get(b.community_id, str(b.community_id)), b.seq, b.entry_id, b.reason)
        for b in breaks
    )
    return VerifyResult(total, len(heads), found)


def require_intact(db: Database, actor: Actor, community: str | int) -> VerifyResult:
    """Verify one community's chain; raise naming the first broken entry if it is broken."""
    result = verify(db, actor, community)
    if not result.ok:
        first = result.breaks[0]
        seq = first.seq - 1 if first.reason == "head" else first.seq
        raise StateError(_REASONS[first.reason], code=first.community_code, seq=seq)
    return result
