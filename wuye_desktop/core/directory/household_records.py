"""What a household and its owners are to callers: frozen views (phones always masked), the
form's inputs, and the field-by-field checks the form and the roster import share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wuye_desktop.core.directory._shared import QR_HOUSEHOLD_PREFIX, REQUIRED
from wuye_desktop.core.errors import FieldError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.validation import mask_phone, normalize_phone, part_code_problem
from wuye_desktop.storage.models import Community, Household, Owner


@dataclass(frozen=True)
class OwnerView:
    id: int
    name: str
    phone: str  # always masked; reveal_owner_phone gives the full number, audited


@dataclass(frozen=True)
class HouseholdView:
    id: int
    code: str
    community_id: int
    community_code: str
    community_name: str
    building: str
    unit: str
    room: str
    area_m2: str
    note: str
    version: int
    owners: tuple[OwnerView, ...] = ()

    @property
    def room_label(self) -> str:
        return f"{self.building}-{self.unit}-{self.room}"

    @property
    def qr_payload(self) -> str:
        return QR_HOUSEHOLD_PREFIX + self.code


@dataclass
class OwnerInput:
    name: str
    phone: str = ""
    # The stored owner this edits; None adds one. A phone left as shown (masked) is kept.
    id: int | None = None


@dataclass
class HouseholdInput:
    building: str
    unit: str
    room: str
    owners: list[OwnerInput] = field(default_factory=list)
    area_m2: str = ""
    note: str = ""


def _owner_view(o: Owner) -> OwnerView:
    return OwnerView(o.id, o.name, mask_phone(o.phone))


def household_view(h: Household, community: Community) -> HouseholdView:
    unit = h.unit
    return HouseholdView(
        h.id,
        h.code,
        community.id,
        community.code,
        community.name,
        unit.building.number,
        unit.number,
        h.room,
        h.area_m2,
        h.note,
        h.version,
        tuple(_owner_view(o) for o in h.owners),
    )


_AREA = re.compile(r"^\d{1,5}(\.\d{1,2})?$", re.ASCII)  # see validation.FULL_WIDTH_DIGITS


def household_errors(data: HouseholdInput, row: int | None = None) -> list[FieldError]:
    """Field-by-field checks of one household, shared by the form and the roster import."""
    errors: list[FieldError] = []
    for name in ("building", "unit", "room"):
        value = getattr(data, name).strip()
        if not value:
            errors.append(FieldError(name, REQUIRED, row=row))
        elif problem := part_code_problem(value):
            errors.append(FieldError(name, problem, row=row))
    if data.area_m2.strip() and not _AREA.match(data.area_m2.strip()):
        errors.append(
            FieldError("area_m2", QT_TRANSLATE_NOOP("core", "Square metres, e.g. 89.50"), row=row)
        )
    for i, owner in enumerate(data.owners):
        suffix = "" if i == 0 else f"[{i + 1}]"
        if not owner.name.strip():
            errors.append(FieldError("owner_name" + suffix, REQUIRED, row=row))
        elif len(owner.name.strip()) > 100:
            errors.append(
                FieldError("owner_name" + suffix, QT_TRANSLATE_NOOP("core", "Too long"), row=row)
            )
        phone = owner.phone.strip()
        if phone and "*" not in phone and normalize_phone(phone) is None:
            errors.append(
                FieldError(
                    "phone" + suffix,
                    QT_TRANSLATE_NOOP("core", "Not a mainland mobile or landline number"),
                    row=row,
                )
            )
    return errors
