"""What every printed document says of the company: its name, and the reporting address."""

from __future__ import annotations

from wuye_desktop.core import directory
from wuye_desktop.storage.db import Database


def company_name(db: Database) -> str:
    company = directory.get_company(db)
    return company.name if company is not None else ""


def report_url_template(db: Database) -> str:
    company = directory.get_company(db)
    return company.report_url_template if company is not None else ""
