"""The company itself: its name, credit code and contact details, and what its signs print
beyond them (where an entrance's code leads, the local line to complain to), read and edited."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit
from wuye_desktop.core.directory._shared import REQUIRED
from wuye_desktop.core.errors import FieldError, NotFound, ValidationError
from wuye_desktop.core.finding import check_version
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.settings import read_value, write_value
from wuye_desktop.core.validation import credit_code_problem, normalize_phone
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Company

# What the signs print beyond the company's row, kept in the ``setting`` table (no migration):
# where an entrance's QR code leads, and the local line to complain to when a deadline is
# missed. Qingdao's is 12345, the government service hotline; a company may name its regulator's.
SIGNS_KEY = "company.signs"
DEFAULT_COMPLAINT_NAME = "12345政务服务便民热线"
DEFAULT_COMPLAINT_PHONE = "12345"
_HOTLINE = re.compile(r"^1[0-9]{4}$")  # 12345, 12319: the short public service lines


@dataclass(frozen=True)
class CompanyView:
    id: int
    name: str
    credit_code: str
    address: str
    phone: str  # the company's service line, printed on the signs
    report_url_template: str
    version: int
    entrance_url_template: str = ""
    complaint_name: str = DEFAULT_COMPLAINT_NAME
    complaint_phone: str = DEFAULT_COMPLAINT_PHONE


def _company_view(s: Session, c: Company) -> CompanyView:
    signs = _signs(s)
    return CompanyView(
        c.id,
        c.name,
        c.credit_code,
        c.address,
        c.phone,
        c.report_url_template,
        c.version,
        str(signs.get("entrance_url_template", "")),
        str(signs.get("complaint_name", DEFAULT_COMPLAINT_NAME)),
        str(signs.get("complaint_phone", DEFAULT_COMPLAINT_PHONE)),
    )


def _signs(s: Session) -> dict[str, Any]:
    value = read_value(s, SIGNS_KEY)
    return value if isinstance(value, dict) else {}


def get_company(db: Database) -> CompanyView | None:
    with db.read() as s:
        c = s.scalar(select(Company).order_by(Company.id).limit(1))
        if c is None:
            return None
        return _company_view(s, c)


@dataclass
class CompanyInput:
    """None for the signs' settings leaves them as they are."""

    name: str
    credit_code: str
    address: str = ""
    phone: str = ""
    report_url_template: str = ""
    entrance_url_template: str | None = None
    complaint_name: str | None = None
    complaint_phone: str | None = None


def _address_problem(template: str, field_name: str) -> str | None:
    if template and (field_name not in template or not template.startswith("https://")):
        if field_name == "{household}":
            return QT_TRANSLATE_NOOP("core", "An https:// address containing {{household}}")
        return QT_TRANSLATE_NOOP("core", "An https:// address containing {{entrance}}")
    return None


def complaint_phone(raw: str) -> str | None:
    """The stored form of a line to complain to: a short public line (12345) or a number."""
    digits = re.sub(r"[\s\-]", "", raw.strip())
    if _HOTLINE.match(digits):
        return digits
    return normalize_phone(raw, allow_service=True)


def _signs_errors(data: CompanyInput) -> list[FieldError]:
    errors: list[FieldError] = []
    if data.entrance_url_template is not None and (
        problem := _address_problem(data.entrance_url_template.strip(), "{entrance}")
    ):
        errors.append(FieldError("entrance_url_template", problem))
    if data.complaint_phone is not None and complaint_phone(data.complaint_phone) is None:
        errors.append(
            FieldError(
                "complaint_phone",
                QT_TRANSLATE_NOOP("core", "A public line such as 12345, or a phone number"),
            )
        )
    if data.complaint_name is not None and not data.complaint_name.strip():
        errors.append(FieldError("complaint_name", REQUIRED))
    return errors


def update_company(
    db: Database, actor: Actor, data: CompanyInput, expected_version: int | None = None
) -> CompanyView:
    actor.require(Permission.ADMINISTER)
    errors: list[FieldError] = []
    code = data.credit_code.strip().upper()
    if not data.name.strip():
        errors.append(FieldError("name", REQUIRED))
    if problem := credit_code_problem(code):
        errors.append(FieldError("credit_code", problem))
    phone = ""
    if data.phone.strip():
        phone = normalize_phone(data.phone, allow_service=True) or ""
        if not phone:
            errors.append(
                FieldError(
                    "phone", QT_TRANSLATE_NOOP("core", "Not a mainland mobile or landline number")
                )
            )
    template = data.report_url_template.strip()
    if problem := _address_problem(template, "{household}"):
        errors.append(FieldError("report_url_template", problem))
    errors += _signs_errors(data)
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        c = s.scalar(select(Company).order_by(Company.id).limit(1))
        if c is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "The company is not set up yet"))
        check_version(c.version, expected_version)
        c.name, c.credit_code, c.address = data.name.strip(), code, data.address.strip()
        c.phone, c.report_url_template = phone, template
        before = _signs(s)
        given = {
            "entrance_url_template": data.entrance_url_template,
            "complaint_name": data.complaint_name,
            "complaint_phone": data.complaint_phone,
        }
        signs = {**before, **{k: v.strip() for k, v in given.items() if v is not None}}
        if data.complaint_phone is not None:
            signs["complaint_phone"] = complaint_phone(data.complaint_phone)
        if signs != before:
            write_value(s, SIGNS_KEY, signs)
        audit.record(
            s, actor, "company.update", "company", c.id, name=c.name, credit_code=code, **signs
        )
        s.flush()
        return _company_view(s, c)
