"""Household rosters: reading the Excel/CSV lists companies keep, and importing them whole.

A roster is refused as a whole when any row is bad: every bad row is reported (spreadsheet row
number as Excel shows it, column header as written in the file, reason) and nothing is written.
A good roster is applied in one transaction, so a killed program leaves all rows or none.

Re-importing is safe. A row whose household already exists is compared with it:
- identical: counted as unchanged;
- different owners (names or phones), or a different non-empty area or note: the household is
  updated and the change audited. The roster is the company's list of who owns each home, so
  its owners replace the stored ones; an empty owner, area or note cell leaves the stored value
  alone, because a blank in a roster means "not known here", not "nobody".
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Container, Iterator, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from wuye_desktop.core import audit, directory
from wuye_desktop.core.errors import FieldError, NotFound, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.table_files import file_error, header_key, read_table_rows
from wuye_desktop.core.validation import (
    FULL_WIDTH_DIGITS,
    household_code,
    mask_phone,
    normalize_phone,
)
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Community, Household, Owner

# Canonical fields and the headers accepted for them (compared after header_key).
FIELDS = (
    "building",
    "unit",
    "room",
    "owner_name",
    "phone",
    "owner_name2",
    "phone2",
    "area_m2",
    "note",
)
_ALIASES: dict[str, tuple[str, ...]] = {
    "building": ("楼号", "楼栋", "楼栋号", "楼", "栋", "栋号", "幢", "幢号", "楼宇", "building",
                 "buildingno", "bldg"),
    "unit": ("单元", "单元号", "unit", "unitno"),
    "room": ("房号", "室号", "房间号", "门牌号", "room", "roomno"),
    "owner_name": ("业主", "业主姓名", "业主名称", "姓名", "户主", "owner", "ownername", "name"),
    "phone": ("电话", "联系电话", "手机", "手机号", "手机号码", "电话号码", "联系方式", "phone",
              "mobile", "tel", "telephone"),
    "owner_name2": ("业主2", "业主姓名2", "第二业主", "共有人", "共同业主", "姓名2", "owner2",
                    "ownername2", "secondowner"),
    "phone2": ("电话2", "联系电话2", "手机2", "手机号2", "共有人电话", "第二业主电话", "phone2",
               "mobile2", "tel2"),
    "area_m2": ("面积", "建筑面积", "房屋面积", "area", "aream2"),
    "note": ("备注", "说明", "note", "notes", "remark", "remarks"),
}  # fmt: skip
ACCEPTED_HEADERS: Mapping[str, tuple[str, ...]] = _ALIASES  # for help texts and the UI
# What a missing column is called in the error: the name most rosters use.
COLUMN_LABELS = {f: _ALIASES[f][0] for f in FIELDS}
REQUIRED_COLUMNS = ("building", "unit", "room")
HEADER_SEARCH_ROWS = 10  # a title such as "XX小区业主花名册" may sit above the header


_BY_KEY = {header_key(alias): f for f, aliases in _ALIASES.items() for alias in aliases}


@dataclass(frozen=True)
class RosterRow:
    """One household line of a roster, its values as text and the file's headers."""

    row: int  # as Excel shows it: the first line of the file is row 1
    building: str
    unit: str
    room: str
    owner_name: str
    phone: str
    owner_name2: str
    phone2: str
    area_m2: str
    note: str
    # Canonical field -> header as written in the file (one mapping shared by all rows).
    headers: Mapping[str, str] = dc_field(compare=False, repr=False)

    def column(self, field: str) -> str:
        """The header naming *field* in this file (or the usual name if it has no such column)."""
        return self.headers.get(field, COLUMN_LABELS.get(field, field))

    def to_input(self) -> directory.HouseholdInput:
        owners: list[directory.OwnerInput] = []
        second = bool(self.owner_name2 or self.phone2)
        # The first owner is kept whenever a second is given, so a missing name is reported
        # against the first owner's column rather than shifted onto the second.
        if self.owner_name or self.phone or second:
            owners.append(directory.OwnerInput(self.owner_name, self.phone))
        if second:
            owners.append(directory.OwnerInput(self.owner_name2, self.phone2))
        return directory.HouseholdInput(
            self.building, self.unit, self.room, owners, self.area_m2, self.note
        )


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    unchanged: int
    rows: int


# --- reading ---------------------------------------------------------------------------------


_SUFFIXES = {
    "building": re.compile(r"(号楼|号|栋|幢|座|#楼|#)$"),
    "unit": re.compile(r"(单元)$"),
    "room": re.compile(r"(室|号|户)$"),
}


_WHOLE_FLOAT = re.compile(r"^(\d+)\.0+$", re.ASCII)


def _whole(text: str) -> str:
    """ "1201.0" from a CSV written by a tool that saw floats is the number 1201."""
    m = _WHOLE_FLOAT.match(text)
    return m.group(1) if m else text


def _part(field: str, text: str) -> str:
    """A building, unit or room number in the form of household codes: "3号楼" -> "3"."""
    s = _whole(unicodedata.normalize("NFKC", text).strip())
    s = _SUFFIXES[field].sub("", s).strip()
    return s.upper()


def _header_fields(cells: Sequence[str]) -> tuple[dict[str, int], dict[str, str]]:
    """Which column holds which field, and the header text of each, for one candidate row."""
    index: dict[str, int] = {}
    headers: dict[str, str] = {}
    for i, text in enumerate(cells):
        field = _BY_KEY.get(header_key(text)) if text else None
        if field is None:
            continue
        if field in index:
            # A second "业主"/"电话" column is the second owner's, as many rosters lay it out.
            second = {"owner_name": "owner_name2", "phone": "phone2"}.get(field)
            if second is None or second in index:
                continue
            field = second
        index[field] = i
        headers[field] = text
    return index, headers


READ_REPORT_EVERY = 2_000  # rows between reports while reading, when the total is unknown


def read_roster(path: Path, progress: Progress | None = None) -> list[RosterRow]:
    """The household rows of a roster (.xlsx, .xls, or .csv in UTF-8 or GBK), not yet validated.

    Raises ValidationError when the file cannot be read or lacks the building, unit or room
    column. Blank lines are skipped; the header may sit below a title of up to a few lines.
    *progress* receives ``(rows read, 0)`` now and then: the total is not known until the end.
    """
    path = Path(path)
    table = read_table_rows(path)  # read as it goes: only the household rows are kept
    if progress is not None:
        table = _reporting(table, progress)
    head = list(itertools.islice(table, HEADER_SEARCH_ROWS))
    best: tuple[int, dict[str, int], dict[str, str]] | None = None
    for number, cells in enumerate(head, start=1):
        found, texts = _header_fields(cells)
        if len(found) >= 2 and (best is None or len(found) > len(best[1])):
            best = (number, found, texts)
        if all(f in found for f in REQUIRED_COLUMNS):
            break
    if best is None:
        raise file_error(
            QT_TRANSLATE_NOOP(
                "core",
                "No header row found in {name}: the first lines need columns such as "
                "楼号, 单元, 房号, 业主, 电话",
            ),
            name=path.name,
        )
    header_row, index, headers = best
    missing = [f for f in REQUIRED_COLUMNS if f not in index]
    if missing:
        raise ValidationError(
            FieldError(
                COLUMN_LABELS[f],
                QT_TRANSLATE_NOOP("core", "Missing column (accepted names: {names})"),
                {"names": ", ".join(ACCEPTED_HEADERS[f])},
                row=header_row,
            )
            for f in missing
        )
    result: list[RosterRow] = []
    below = itertools.chain(head[header_row:], table)
    for number, cells in enumerate(below, start=header_row + 1):
        values = {f: (cells[i] if i < len(cells) else "") for f, i in index.items()}
        if not any(values.values()):
            continue
        result.append(
            RosterRow(
                row=number,
                building=_part("building", values.get("building", "")),
                unit=_part("unit", values.get("unit", "")),
                room=_part("room", values.get("room", "")),
                owner_name=values.get("owner_name", "").strip(),
                phone=_whole(values.get("phone", "").strip()),
                owner_name2=values.get("owner_name2", "").strip(),
                phone2=_whole(values.get("phone2", "").strip()),
                area_m2=values.get("area_m2", "").strip().translate(FULL_WIDTH_DIGITS),
                note=values.get("note", "").strip(),
                headers=headers,
            )
        )
    if not result:
        raise file_error(
            QT_TRANSLATE_NOOP("core", "{name} has no household rows below its header"),
            name=path.name,
        )
    return result


def _reporting(rows: Iterator[list[str]], progress: Progress) -> Iterator[list[str]]:
    progress(0, 0)
    for number, cells in enumerate(rows, start=1):
        if number % READ_REPORT_EVERY == 0:
            progress(number, 0)
        yield cells


# --- validating and importing ----------------------------------------------------------------

MASKED_PHONE = QT_TRANSLATE_NOOP(
    "core", "A masked number (138****5678) cannot be imported; give the whole number"
)
# household_errors names owner fields "owner_name", "phone", "owner_name[2]", "phone[2]".
_ERROR_FIELDS = {"owner_name[2]": "owner_name2", "phone[2]": "phone2"}


def roster_errors(rows: Sequence[RosterRow], progress: Progress | None = None) -> list[FieldError]:
    """Every problem of every row, named by row number and the file's column header."""
    errors: list[FieldError] = []
    first_seen: dict[tuple[str, str, str], int] = {}
    total = len(rows)
    step = _step(total)
    for done, r in enumerate(rows, start=1):
        for e in directory.household_errors(r.to_input(), row=r.row):
            errors.append(
                FieldError(
                    r.column(_ERROR_FIELDS.get(e.field, e.field)), e.template, e.params, r.row
                )
            )
        # The form keeps a stored number shown masked; a roster has nothing to keep.
        for name in ("phone", "phone2"):
            if "*" in getattr(r, name):
                errors.append(FieldError(r.column(name), MASKED_PHONE, {}, r.row))
        key = (r.building, r.unit, r.room)
        if all(key):
            if key in first_seen:
                errors.append(
                    FieldError(
                        r.column("room"),
                        QT_TRANSLATE_NOOP("core", "{room} is already in row {other}"),
                        {"room": "-".join(key), "other": first_seen[key]},
                        r.row,
                    )
                )
            else:
                first_seen[key] = r.row
        if progress is not None and (done % step == 0 or done == total):
            progress(done, total)
    return errors


def _step(total: int) -> int:
    """Report progress about 200 times, not once per row."""
    return max(1, total // 200)


def _owners_of(r: RosterRow) -> list[tuple[str, str]]:
    return [
        (o.name.strip(), normalize_phone(o.phone) or "" if o.phone.strip() else "")
        for o in r.to_input().owners
    ]


def _same_number(a: str, b: str) -> bool:
    """89.5 and 89.50 are the same area; a roster saved by another tool may write either."""
    try:
        return Decimal(a) == Decimal(b)
    except InvalidOperation:
        return a == b


@dataclass
class _Stored:
    """What a re-import compares of a stored household, read without the ORM."""

    id: int
    area_m2: str
    note: str
    owners: list[tuple[str, str]] = dc_field(default_factory=list)  # (name, phone) by position


def _differs(stored: _Stored, r: RosterRow) -> tuple[bool, bool, bool]:
    """Whether the row brings new owners, a new area, a new note (blank cells change nothing)."""
    owners = _owners_of(r)
    new_owners = bool(owners) and owners != stored.owners
    new_area = bool(r.area_m2) and not _same_number(r.area_m2, stored.area_m2)
    new_note = bool(r.note) and r.note != stored.note
    return new_owners, new_area, new_note


def _update_if_changed(s: Session, actor: Actor, stored: _Stored, r: RosterRow) -> bool:
    """Bring a stored household in line with its roster row; False if nothing differed."""
    new_owners, new_area, new_note = _differs(stored, r)
    if not (new_owners or new_area or new_note):
        return False
    h = s.get(Household, stored.id, options=[selectinload(Household.owners)])
    assert h is not None  # read in this transaction
    before = [(o.name, mask_phone(o.phone)) for o in h.owners]
    if new_owners:
        # Owners keep their rows by position, so ids referenced elsewhere stay valid.
        old = list(h.owners)
        inputs = [
            directory.OwnerInput(name, phone, old[i].id if i < len(old) else None)
            for i, (name, phone) in enumerate(_owners_of(r))
        ]
        directory.apply_owners(h, inputs)
    if new_area:
        h.area_m2 = r.area_m2
    if new_note:
        h.note = r.note
    flag_modified(h, "note")  # advance the version: a desk editing it meanwhile is refused
    s.flush()
    after = [(o.name, mask_phone(o.phone)) for o in h.owners]
    audit.record(
        s,
        actor,
        "household.update",
        "household",
        h.code,
        before=before,
        after=after,
        source="roster",
    )
    return True


def _existing(s: Session, community: Community, codes: Container[str]) -> dict[str, _Stored]:
    """The community's stored households that the roster names, by code: two plain queries
    for the whole community, not an ORM object per household."""
    found: dict[str, _Stored] = {}
    by_id: dict[int, _Stored] = {}
    homes = select(Household.code, Household.id, Household.area_m2, Household.note).where(
        Household.community_id == community.id
    )
    for code, hid, area, note in s.execute(homes):
        if code in codes:
            found[code] = by_id[hid] = _Stored(hid, area, note)
    if found:
        owners = (
            select(Owner.household_id, Owner.name, Owner.phone)
            .join(Household, Household.id == Owner.household_id)
            .where(Household.community_id == community.id)
            .order_by(Owner.household_id, Owner.position, Owner.id)
        )
        for hid, name, phone in s.execute(owners):
            if (home := by_id.get(hid)) is not None:
                home.owners.append((name, phone))
    return found


def import_households(
    db: Database,
    actor: Actor,
    path: Path,
    community_code: str,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a roster into a community: all rows or, if any row is bad, none.

    *progress* receives ``(rows read, 0)`` while the file is read (its length is not known
    yet), then ``(done, total)`` where total is twice the number of rows: the first half is
    checking the rows, the second half writing them. Half way is reported only when every row
    is good, just before writing starts. Each report is a point where the caller may cancel by
    raising: nothing is written until every row is known to be good, and then in one
    transaction.
    """
    actor.require(Permission.DIRECTORY_EDIT)
    path = Path(path)
    rows = read_roster(path, progress)
    code = community_code.strip().upper()
    with db.read() as s:
        if s.scalar(select(Community.id).where(Community.code == code)) is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "No such community: {code}"), code=code)
    n = len(rows)

    def checked(done: int, _total: int) -> None:
        # Half way (done == n) is reported only once the rows are known to be good.
        if progress is not None and done < n:
            progress(done, 2 * n)

    errors = roster_errors(rows, checked)
    if errors:
        raise ValidationError(errors)
    if progress is not None:
        progress(n, 2 * n)
    added = updated = unchanged = 0
    step = _step(n)
    with db.transaction() as s:
        community = s.scalar(select(Community).where(Community.code == code))
        if community is None:  # deleted between the check and now
            raise NotFound(QT_TRANSLATE_NOOP("core", "No such community: {code}"), code=code)
        codes = {household_code(code, r.building, r.unit, r.room): r for r in rows}
        del rows  # *codes* holds them; one list of 100,000 rows is enough
        existing = _existing(s, community, codes)
        new = [r.to_input() for hcode, r in codes.items() if hcode not in existing]
        done = 0
        for hcode, stored in existing.items():
            if _update_if_changed(s, actor, stored, codes[hcode]):
                updated += 1
            else:
                unchanged += 1
            done += 1
            if progress is not None and (done % step == 0 or done == n):
                progress(n + done, 2 * n)
        s.flush()
        existing.clear()  # the stored households compared are not needed any more

        def written(count: int) -> None:
            if progress is not None:
                progress(n + done + count, 2 * n)

        directory.add_households_in_session(s, actor, community, new, written)
        added = len(new)
        audit.record(
            s,
            actor,
            "households.import",
            "community",
            code,
            file=path.name,
            rows=n,
            added=added,
            updated=updated,
            unchanged=unchanged,
        )
    return ImportReport(added=added, updated=updated, unchanged=unchanged, rows=n)
