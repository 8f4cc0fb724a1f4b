"""Request and response bodies of regulator-protocol.md §5, for validation and the OpenAPI text.

Request models are strict: a JSON value of the wrong type is refused, never coerced ("1" is not
a seq). Members they do not know are ignored (§3). Patterns use ``[0-9]``, not ``\\d``, which in
Python and Rust also matches other scripts' digits.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema

from wuye_desktop.regulator import protocol
from wuye_desktop.regulator.server.store import MAX_TEXT, ORIGINS

MAX_LINES = 1000  # income or expense lines of one disclosure


def _time(value: str) -> str:
    if len(value) > 40 or protocol.parse_rfc3339(value) is None:
        raise ValueError("not an RFC 3339 time with an offset, e.g. 2026-11-20T16:00:00+08:00")
    return value


def _date(value: str) -> str:
    try:
        if protocol.DATE_RE.match(value) and value.isascii():
            date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise ValueError("not a date like 2026-11-20")


class _OneOf:
    """An AfterValidator's function: the value must be one of the vocabulary's words (§4)."""

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words

    def __call__(self, value: str) -> str:
        if value not in self.words:
            raise ValueError(f"one of {', '.join(self.words)}")
        return value


def _enum(words: tuple[str, ...]) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "enum": list(words)})


Time = Annotated[
    str,
    AfterValidator(_time),
    WithJsonSchema({"type": "string", "format": "date-time", "maxLength": 40}),
]
Day = Annotated[str, AfterValidator(_date), WithJsonSchema({"type": "string", "format": "date"})]
Category = Annotated[str, AfterValidator(_OneOf(protocol.CATEGORIES)), _enum(protocol.CATEGORIES)]
Channel = Annotated[str, AfterValidator(_OneOf(protocol.CHANNELS)), _enum(protocol.CHANNELS)]
Source = Annotated[str, AfterValidator(_OneOf(protocol.SOURCES)), _enum(protocol.SOURCES)]
Tier = Annotated[str, AfterValidator(_OneOf(protocol.TIERS)), _enum(protocol.TIERS)]
Status = Annotated[str, AfterValidator(_OneOf(protocol.STATUSES)), _enum(protocol.STATUSES)]
Satisfaction = Annotated[
    str, AfterValidator(_OneOf(protocol.SATISFACTIONS)), _enum(protocol.SATISFACTIONS)
]
CallbackMethod = Annotated[
    str, AfterValidator(_OneOf(protocol.CALLBACK_METHODS)), _enum(protocol.CALLBACK_METHODS)
]
ReplyResult = Annotated[
    str, AfterValidator(_OneOf(protocol.REPLY_RESULTS)), _enum(protocol.REPLY_RESULTS)
]
Level = Annotated[
    str, AfterValidator(_OneOf(protocol.TICKET_LEVELS)), _enum(protocol.TICKET_LEVELS)
]
Origin = Annotated[str, AfterValidator(_OneOf(ORIGINS)), _enum(ORIGINS)]

Ident = Annotated[str, Field(min_length=1, max_length=64)]
Part = Annotated[str, Field(min_length=1, max_length=32)]
Text = Annotated[str, Field(max_length=MAX_TEXT)]
MaskedPhone = Annotated[str, Field(pattern=r"^[0-9]{3}\*{4}[0-9]{4}$")]
Amount = Annotated[str, Field(pattern=r"^[0-9]{1,15}\.[0-9]{2}$")]
Balance = Annotated[str, Field(pattern=r"^-?[0-9]{1,15}\.[0-9]{2}$")]


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")


class Household(Strict):
    building: Part
    unit: Annotated[str, Field(max_length=32)]
    room: Part


class WorkOrderReport(Strict):
    id: Ident
    number: Ident
    project_code: Ident
    household: Household | None = None
    category: Category
    channel: Channel
    source: Source
    tier: Tier
    description: Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
    caller_phone_masked: MaskedPhone | None = None
    reported_at: Time
    due_at: Time | None = None
    dispatch_ticket_id: Ident | None = None


class StatusEvent(Strict):
    seq: Annotated[int, Field(ge=1, le=10**9)]
    status: Status
    at: Time
    note: Text | None = None
    promised_date: Day | None = None
    commitment_no: Ident | None = None


class Callback(Strict):
    at: Time
    method: CallbackMethod
    satisfaction: Satisfaction
    comment: Text | None = None


class TicketAck(Strict):
    work_order_id: Ident
    at: Time


class TicketReply(Strict):
    at: Time
    result: ReplyResult
    content: Text
    reason: Text | None = None


class SupervisionAck(Strict):
    at: Time
    work_order_id: Ident | None = None  # the order it concerns, when the company knows it


class Account(Strict):
    bank: Annotated[str, Field(max_length=100)]
    account_no_masked: Annotated[str, Field(max_length=64)]


class Line(Strict):
    category: Ident
    amount: Amount


class Disclosure(Strict):
    project_code: Ident
    period: Annotated[str, Field(pattern=r"^[0-9]{4}(Q[1-4]|-(0[1-9]|1[0-2]))$")]
    account: Account
    opening_balance: Balance
    income: Annotated[list[Line], Field(max_length=MAX_LINES)]
    expense: Annotated[list[Line], Field(max_length=MAX_LINES)]
    closing_balance: Balance
    entries: Annotated[int, Field(ge=0, le=10**12)]
    ledger_head_hash: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    published_at: Time


# --- responses ---------------------------------------------------------------------------------


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None
    expected_seq: int | None = Field(None, description="only with out_of_order: the next seq")
    server_time: str | None = Field(None, description="only with clock_skew: the server's time")


class ErrorBody(BaseModel):
    error: ErrorDetail


class Health(BaseModel):
    status: Literal["ok"]
    time: Time


class OrderCreated(BaseModel):
    id: str
    regulator_id: str


class EventCreated(BaseModel):
    seq: int


class Empty(BaseModel):
    """``{}``: a client ignores members it does not know."""


class DisclosureCreated(BaseModel):
    version: int = Field(description="how many versions of this project's period there are now")


class Ticket(BaseModel):
    ticket_id: str
    project_code: str
    household: Household | None
    category: Category
    content: str
    caller_phone_masked: MaskedPhone | None
    received_at: Time
    reply_due_at: Time
    level: Level
    origin: Origin | None = Field(
        None, description="an extension of §5: where the ticket came from (the order's source)"
    )


class DispatchPage(BaseModel):
    items: list[Ticket]
    next_cursor: str
    has_more: bool


class Supervision(BaseModel):
    supervision_id: str
    ticket_id: str | None
    work_order_id: str | None
    issued_at: Time
    deadline: Time
    content: str


class SupervisionPage(BaseModel):
    items: list[Supervision]
    next_cursor: str
    has_more: bool


def dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")
