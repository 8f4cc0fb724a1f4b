"""The SHA-256 chain of a community's entries, and its verification.

Each entry's hash covers a canonical form of every field that matters plus the previous
entry's hash. Each field is written with its length in front, so no change of one field can be
hidden by a matching change of its neighbour.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

GENESIS = "0" * 64
VERSION = "wuye-ledger-1"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def canonical(
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
) -> bytes:
    """The UTF-8 text an entry's hash is taken of."""
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
    return "".join(f"{len(f)}:{f}" for f in fields).encode("utf-8")


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
    """The entry's hash: SHA-256 of its :func:`canonical` text, in hex."""
    text = canonical(
        prev_hash=prev_hash, community_id=community_id, seq=seq, entry_date=entry_date,
        direction=direction, category=category, amount_fen=amount_fen, balance_fen=balance_fen,
        voucher_no=voucher_no, counterparty=counterparty, note=note, reverses_seq=reverses_seq,
        created_at=created_at, created_by=created_by,
    )  # fmt: skip
    return hashlib.sha256(text).hexdigest()


@dataclass(frozen=True)
class Break:
    """The first place where a community's chain does not hold."""

    community_id: int
    seq: int  # the entry (or the missing one) where it breaks
    entry_id: int | None
    reason: str  # changed | missing | inserted | head


class _Prefixes(dict[int, str]):
    """``n`` → ``"n:"``, the length prefix of a canonical field, made once per length."""

    def __missing__(self, n: int) -> str:
        prefix = self[n] = f"{n}:"
        return prefix


_HEAD = f"{len(VERSION)}:{VERSION}"

# (community_id, seq, entry_date, direction, category, amount_fen, balance_fen, voucher_no,
# counterparty, note, reverses_seq, created_at, created_by, prev_hash, hash) as chain_query
# reads them: the texts as entry_hash writes them (reverses_seq "" when there is none,
# created_at already as _stamp writes it, or None where the database holds it in another form:
# then *recompute* gives that entry's hash from the values the program reads).
# (created_at is typed Any: str or None, and None reaches len() on purpose, see check_rows.)
Row = tuple[int, int, str, str, str, int, int, str, str, str, str, Any, str, str, str]


def check_rows(
    batches: Iterable[Sequence[Row]],
    heads: dict[int, tuple[int, str]],
    opening: dict[int, int],
    progress: Callable[[int], None] | None = None,
    recompute: Callable[[int, int], str] | None = None,
    locate: Callable[[int, int], int | None] | None = None,
) -> list[Break]:
    """Walk batches of rows ordered by (community, seq); the first break of each broken community.

    *heads* maps community → (last seq, last hash) as the head table records them, so that
    removing the newest entries is found too; *opening* gives each community's opening balance,
    against which every entry's running balance is rechecked. *recompute(community, seq)* gives
    an entry's hash the slow way (:func:`entry_hash` on the values as the program reads them);
    *locate(community, seq)* the id of the entry a break is found at (the rows carry none:
    one column less to read a million times, and community and seq are unique together).

    This is the hot loop of verifying a million entries: each entry's canonical form is joined
    from its texts with the length prefixes looked up, not formatted, then hashed.
    """
    breaks: dict[int, Break] = {}
    current = -1
    expect_seq = 1
    prev = GENESIS
    balance = 0
    sha = hashlib.sha256
    join = "".join
    lp = _Prefixes()
    head = ""
    seen: set[int] = set()

    def broken(community: int, at: int, seq: int, reason: str) -> None:
        """The break at entry *at*, found on the row of *seq*."""
        entry_id = locate(community, seq) if locate is not None else None
        breaks[community] = Break(community, at, entry_id, reason)

    def finish(community: int) -> None:
        if community < 0 or community in breaks:
            return
        head_seq, head_hash = heads.get(community, (0, GENESIS))
        if head_seq != expect_seq - 1 or head_hash != prev:
            reason = "missing" if head_seq > expect_seq - 1 else "head"
            breaks[community] = Break(community, expect_seq, None, reason)

    for (
        community, seq, day, way, cat, amount, bal, voucher, party, note, rev, at, by, ph, h,
    ) in _rows(batches, progress):  # fmt: skip
        if community != current:
            finish(current)
            seen.add(community)
            current, expect_seq, prev = community, 1, GENESIS
            balance = opening.get(community, 0)
            key = str(community)
            head = _HEAD + lp[len(key)] + key
        if community in breaks:
            continue
        if seq != expect_seq:
            reason = "missing" if seq > expect_seq else "inserted"
            broken(community, min(seq, expect_seq), seq, reason)
            continue
        balance += amount if way == "income" else -amount
        n, a, b = str(seq), str(amount), str(bal)
        try:
            # at None (created_at held in another form than the program writes): TypeError.
            # Two prefixes are fixed: a stamp from chain_query has 32 characters, and prev_hash
            # must be the previous entry's 64-character hash (checked below) or it is a break.
            parts: tuple[Any, ...] = (
                head, lp[len(n)], n, lp[len(day)], day, lp[len(way)], way,
                lp[len(cat)], cat, lp[len(a)], a, lp[len(b)], b,
                lp[len(voucher)], voucher, lp[len(party)], party, lp[len(note)], note,
                lp[len(rev)], rev, "32:", at, lp[len(by)], by, "64:", ph,
            )  # fmt: skip
            digest = sha(join(parts).encode()).hexdigest()
        except TypeError:
            digest = recompute(community, seq) if recompute is not None else ""
        if ph != prev or digest != h or bal != balance:
            broken(community, seq, seq, "changed")
            continue
        prev = h
        expect_seq += 1
    finish(current)
    for community, (head_seq, _) in heads.items():
        if head_seq > 0 and community not in seen:
            breaks[community] = Break(community, 1, None, "missing")  # every entry removed
    return sorted(breaks.values(), key=lambda b: b.community_id)


def _rows(
    batches: Iterable[Sequence[Row]], progress: Callable[[int], None] | None
) -> Iterator[Row]:
    """The rows of *batches* one after another, telling *progress* how many after each batch."""
    done = 0
    for batch in batches:
        yield from batch
        done += len(batch)
        if progress is not None:
            progress(done)
