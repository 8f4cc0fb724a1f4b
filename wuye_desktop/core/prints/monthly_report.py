"""Printing the monthly report (物业报修服务月度通报) from the overview service's figures.

The figures are those of :func:`core.overview.overview` for the month (and, for the year's
trend, for the twelve months up to it), so the report says what the 概览 tab says. Managers
and administrators may print it (``Permission.OVERVIEW_READ``); the print is audited in the
transaction that writes it (``core.printing.counted_print``), so a failed write leaves neither
a file nor an audit entry.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from wuye_desktop.core import audit
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.overview import (
    Overview,
    Period,
    PeriodKind,
    community_by_code,
    custom,
    overview,
    parse_period,
)
from wuye_desktop.core.printing import Output, counted_print
from wuye_desktop.core.prints.company import company_name
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.documents.coverage import Rendered
from wuye_desktop.documents.monthly_report import (
    KEY_FIGURES,
    Bar,
    MonthlyReport,
    Note,
    ReportFigure,
    render_monthly_report,
)
from wuye_desktop.documents.output import PendingFile
from wuye_desktop.documents.overview_words import figure_definition, figure_title, value_word
from wuye_desktop.storage.db import Database

NOT_A_MONTH = QT_TRANSLATE_NOOP("core", "Not a month: {text}. Write it as 2026-11")
TREND_MONTHS = 12


def month_period(month: Period | str, field: str = "month") -> Period:
    """*month* as a period: a Period of kind month, or ``2026-11``; else a ValidationError."""
    if isinstance(month, Period):
        period = month
    else:
        try:
            period = parse_period(month, field)
        except ValidationError:
            period = None
    if period is None or period.kind is not PeriodKind.MONTH:
        raise ValidationError([FieldError(field, NOT_A_MONTH, {"text": str(month)})])
    return period


def community_id(db: Database, actor: Actor, community: str | int | None) -> int | None:
    """A community named by code (``QD001``) or id, as the overview takes it; None: all."""
    if community is None or isinstance(community, int):
        return community
    return community_by_code(db, actor, community).community_id


def _year_before(period: Period) -> Period:
    """The twelve months ending with *period*'s month (a custom period: trended by month)."""
    months = period.start.year * 12 + period.start.month - 1 - (TREND_MONTHS - 1)
    return custom(date(months // 12, months % 12 + 1, 1), period.last_day)


def _month_label(day: date, first: bool) -> str:
    """12月, with the year under it on the first bar and in January."""
    return f"{day.month}月\n{day.year}年" if first or day.month == 1 else f"{day.month}月"


def _day_span(start: date, end: date) -> str:
    last = end - timedelta(days=1)
    if start == last:
        return f"{start.month}/{start.day}"
    return f"{start.month}/{start.day}-{last.month}/{last.day}"


def report_facts(
    company: str, month: Overview, year: Overview | None, printed_at: datetime | None = None
) -> MonthlyReport:
    """The report's facts from the month's overview (and the year's, for its trend)."""
    assert month.figures is not None and month.breakdowns is not None
    figures = tuple(
        ReportFigure(f.key, f.unit.value, f.value, f.previous, f.count, f.hits, f.target)
        for f in month.figures
    )
    now = tuple(
        ReportFigure(f.key, f.unit.value, f.value, None)
        for f in (month.now.overdue, month.now.due_soon, month.now.callbacks_due)
    )
    stems = [k for k in KEY_FIGURES if any(f.key == k for f in figures)]
    stems += [f.key for f in now]
    notes = tuple(Note(k, figure_title(k), figure_definition(k)) for k in stems)
    categories = next((b for b in month.breakdowns if b.key == "category"), None)
    months: tuple[Bar, ...] = ()
    if year is not None and year.trend is not None:
        months = tuple(
            Bar(_month_label(p.start, i == 0), p.reported, rate=p.on_time_rate)
            for i, p in enumerate(year.trend.points)
        )
    weeks = tuple(
        Bar(_day_span(p.start, p.end), p.reported, rate=p.on_time_rate)
        for p in (month.trend.points if month.trend is not None else ())
    )
    scope = month.scope
    return MonthlyReport(
        company=company,
        scope=f"{scope.community_name}（{scope.community_code}）"
        if scope.community_id is not None
        else "全公司",
        period_code=month.period.code(),
        first_day=month.period.start,
        last_day=month.period.last_day,
        previous_first_day=month.previous_period.start,
        figures=figures,
        notes=notes,
        months=months,
        weeks=weeks,
        categories=tuple(
            Bar(value_word("category", c.value), c.count, c.previous)
            for c in (categories.cells if categories is not None else ())
        ),
        communities=tuple(
            Bar(f"{c.name}（{c.code}）", c.rated, rate=c.rate, hits=c.on_time)
            for c in (month.by_community or ())
        ),
        now=now,
        company_wide=scope.community_id is None,
        printed_at=printed_at,
    )


def load_monthly_report(
    db: Database,
    actor: Actor,
    month: Period | str,
    community: str | int | None = None,
    now: datetime | None = None,
) -> MonthlyReport:
    """The facts of the report of *month* (``2026-11``) for the company or one community."""
    actor.require(Permission.OVERVIEW_READ)
    period = month_period(month)
    cid = community_id(db, actor, community)
    now = now or now_utc()
    this = overview(db, actor, period, cid, now, complete=True)
    year = overview(db, actor, _year_before(period), cid, now, complete=True)
    return report_facts(company_name(db), this, year, now)


def monthly_report_pdf(
    db: Database,
    actor: Actor,
    month: Period | str,
    community: str | int | None = None,
    now: datetime | None = None,
) -> Rendered:
    """The report's PDF, for a preview: rendered, neither written nor audited."""
    return render_monthly_report(load_monthly_report(db, actor, month, community, now))


def print_monthly_report(
    db: Database,
    actor: Actor,
    month: Period | str,
    community: str | int | None,
    output: Output,
    now: datetime | None = None,
) -> bytes:
    """Render the report and hand it to *output* (a file, a printer); audited only once the
    output has it, nothing written or audited if it fails."""
    facts = load_monthly_report(db, actor, month, community, now)
    data = render_monthly_report(facts)

    def issue(s: Session) -> bytes:
        audit.record(
            s,
            actor,
            "document.print",
            "month",
            facts.period_code,
            document="monthly_report",
            scope=facts.scope,
        )
        return data

    return counted_print(db, issue, output)


def write_monthly_report(
    db: Database,
    actor: Actor,
    path: Path | str,
    month: Period | str,
    community: str | int | None = None,
) -> Path:
    """Write the report to *path* whole or not at all."""
    pending = PendingFile(path)
    print_monthly_report(db, actor, month, community, pending)
    return pending.target
