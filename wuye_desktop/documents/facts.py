"""What the order documents (slip, callback form) print about one order, as plain values.

The print service (``core/prints/``) loads them through the core's queries, so roles and phone
masking apply as everywhere else; drawing needs no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class CommitmentFacts:
    """The promise a slip repeats to the technician."""

    number: str
    plan: str
    promised_date: date
    responsible_unit: str
    responsible_person: str


@dataclass(frozen=True)
class CallbackFacts:
    """One callback as the form records it (codes; the form prints their words)."""

    at: datetime
    method: str
    satisfaction: str
    person_reached: str
    comment: str
    staff: str  # who called back, by the name colleagues know (not the login name)


@dataclass(frozen=True)
class OrderFacts:
    company: str
    community_name: str
    number: str
    status: str  # codes, printed through documents.words
    tier: str
    category: str
    channel: str
    source: str
    place: str  # 3号楼 2单元 1201室, or the common-area place
    contact_name: str
    caller_phone: str  # masked, as in every list
    handler: str
    description: str
    reported_at: datetime
    response_due: datetime | None = None
    completion_due: datetime | None = None
    completed_at: datetime | None = None
    completion_note: str = ""  # what the technician said when completing the work
    commitment: CommitmentFacts | None = None
    callbacks: tuple[CallbackFacts, ...] = ()
