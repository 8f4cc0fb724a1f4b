"""The SHA-256 chain of a community's entries, and its verification.

Each entry's hash covers a canonical form of every field that matters plus the previous
entry's hash. Each field is written with its length in front, so no change of one field can be
hidden by a matching change of its neighbour.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

GENESIS = "0" * 64
VERSION = "wuye-ledger-1"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def entry_hash(
    *,
    prev_hash: str,
    community_id: int,
    seq: int,
    entry_date: date,
    direction: str,
    category: str,
    amount_fen: int,
    balance_fen: int,
    voucher_no: str,
    counterparty: str,
    note: str,
    reverses_seq: int | None,
    created_at: datetime,
    created_by: str,
) -> str:
    fields = (
        VERSION,
        str(community_id),
        str(seq),
        entry_date.isoformat(),
        direction,
        category,
        str(amount_fen),
        str(balance_fen),
        voucher_no,
        counterparty,
        note,
        "" if reverses_seq is None else str(reverses_seq),
        _stamp(created_at),
        created_by,
        prev_hash,
    )
    canonical = "".join(f"{len(f)}:{f}" for f in fields)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Break:
    """The first place where a community's chain does not hold."""

    community_id: int
    seq: int  # the entry (or the missing one) where it breaks
    entry_id: int | None
    reason: str  # changed | missing | inserted | head


# (id, community_id, seq, effect, balance_fen, prev_hash, hash, canonical): effect is the
# signed change of the balance; canonical is the UTF-8 form entry_hash hashes, built by the
# database (chain_query), or None where it could not be (then *recompute* gives the entry's
# hash the slow way).
Row = tuple[int, int, int, int, int, str, str, bytes | None]


def check_rows(
    rows: Iterable[Row],
    heads: dict[int, tuple[int, str]],
    opening: dict[int, int],
    progress: Callable[[int], None] | None = None,
    recompute: Callable[[int], str] | None = None,
) -> list[Break]:
    """Walk rows ordered by (community, seq); the first break of each broken community.

    *heads* maps community → (last seq, last hash) as the head table records them, so that
    removing the newest entries is found too; *opening* gives each community's opening balance,
    against which every entry's running balance is rechecked. This is the hot loop of verifying
    a million entries, so it only hashes and compares.
    """
    breaks: dict[int, Break] = {}
    current = -1
    expect_seq = 1
    prev = GENESIS
    balance = 0
    done = 0
    sha = hashlib.sha256
    seen: set[int] = set()

    def finish(community: int) -> None:
        if community < 0 or community in breaks:
            return
        head_seq, head_hash = heads.get(community, (0, GENESIS))
        if head_seq != expect_seq - 1 or head_hash != prev:
            reason = "missing" if head_seq > expect_seq - 1 else "head"
            breaks[community] = Break(community, expect_seq, None, reason)

    for eid, community, seq, effect, bal, prev_hash, stored, canonical in rows:
        done += 1
        if progress is not None and done % 50_000 == 0:
            progress(done)
        if community != current:
            finish(current)
            seen.add(community)
            current, expect_seq, prev = community, 1, GENESIS
            balance = opening.get(community, 0)
        if community in breaks:
            continue
        if seq != expect_seq:
            reason = "missing" if seq > expect_seq else "inserted"
            at = expect_seq if seq > expect_seq else seq
            breaks[community] = Break(community, at, eid, reason)
            continue
        balance += effect
        if canonical is not None:
            digest = sha(canonical).hexdigest()
        else:
            digest = recompute(eid) if recompute is not None else ""
        if prev_hash != prev or digest != stored or bal != balance:
            breaks[community] = Break(community, seq, eid, "changed")
            continue
        prev = stored
        expect_seq += 1
    finish(current)
    for community, (head_seq, _) in heads.items():
        if head_seq > 0 and community not in seen:
            breaks[community] = Break(community, 1, None, "missing")  # every entry removed
    return sorted(breaks.values(), key=lambda b: b.community_id)
