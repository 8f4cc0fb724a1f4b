"""The company itself: its name, credit code and contact details, read and edited."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from wuye_desktop.core import audit
from wuye_desktop.core.directory._shared import REQUIRED, check_version
from wuye_desktop.core.errors import FieldError, NotFound, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.validation import credit_code_problem, normalize_phone
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Company


@dataclass(frozen=True)
class CompanyView:
    id: int
    name: str
    credit_code: str
    address: str
    phone: str
    report_url_template: str
    version: int


def get_company(db: Database) -> CompanyView | None:
    with db.read() as s:
        c = s.scalar(select(Company).order_by(Company.id).limit(1))
        if c is None:
            return None
        return CompanyView(
            c.id, c.name, c.credit_code, c.address, c.phone, c.report_url_template, c.version
        )


@dataclass
class CompanyInput:
    name: str
    credit_code: str
    address: str = ""
    phone: str = ""
    report_url_template: str = ""


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
    if template and ("{household}" not in template or not template.startswith("https://")):
        errors.append(
            FieldError(
                "report_url_template",
                QT_TRANSLATE_NOOP("core", "An https:// address containing {{household}}"),
            )
        )
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        c = s.scalar(select(Company).order_by(Company.id).limit(1))
        if c is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "The company is not set up yet"))
        check_version(c.version, expected_version)
        c.name, c.credit_code, c.address = data.name.strip(), code, data.address.strip()
        c.phone, c.report_url_template = phone, template
        audit.record(s, actor, "company.update", "company", c.id, name=c.name, credit_code=code)
        s.flush()
        return CompanyView(
            c.id, c.name, c.credit_code, c.address, c.phone, c.report_url_template, c.version
        )
