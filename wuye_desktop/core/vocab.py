"""The shared vocabulary of regulator-protocol.md §4 that the directory needs already."""

from __future__ import annotations

import enum

from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP


class Channel(enum.StrEnum):
    """The three reporting channels of 4个3."""

    PROPERTY = "property"
    REPAIR_CONTRACTOR = "repair_contractor"
    DEVELOPER = "developer"


CHANNEL_LABELS: dict[Channel, str] = {
    Channel.PROPERTY: QT_TRANSLATE_NOOP("core", "Property company"),
    Channel.REPAIR_CONTRACTOR: QT_TRANSLATE_NOOP("core", "Housing-repair contractor"),
    Channel.DEVELOPER: QT_TRANSLATE_NOOP("core", "Developer"),
}


class Category(enum.StrEnum):
    """The ten common problems first, then the in-home ones (protocol §4)."""

    SECURITY = "security"
    CLEANING = "cleaning"
    FIRE_SAFETY = "fire_safety"
    EBIKE_CHARGING = "ebike_charging"
    ELEVATOR = "elevator"
    PARKING = "parking"
    DRAINAGE = "drainage"
    PAVEMENT = "pavement"
    LIGHTING = "lighting"
    GREENERY = "greenery"
    WATER_LEAK = "water_leak"
    WALL_CRACK = "wall_crack"
    DOORS_WINDOWS = "doors_windows"
    INDOOR_PLUMBING = "indoor_plumbing"
    ELECTRICAL = "electrical"
    HEATING_GAS = "heating_gas"
    OTHER = "other"


CATEGORY_LABELS: dict[Category, str] = {
    Category.SECURITY: QT_TRANSLATE_NOOP("core", "Security"),
    Category.CLEANING: QT_TRANSLATE_NOOP("core", "Cleaning"),
    Category.FIRE_SAFETY: QT_TRANSLATE_NOOP("core", "Fire safety"),
    Category.EBIKE_CHARGING: QT_TRANSLATE_NOOP("core", "E-bike parking and charging"),
    Category.ELEVATOR: QT_TRANSLATE_NOOP("core", "Elevator"),
    Category.PARKING: QT_TRANSLATE_NOOP("core", "Parking"),
    Category.DRAINAGE: QT_TRANSLATE_NOOP("core", "Drains"),
    Category.PAVEMENT: QT_TRANSLATE_NOOP("core", "Damaged pavement"),
    Category.LIGHTING: QT_TRANSLATE_NOOP("core", "Public lighting"),
    Category.GREENERY: QT_TRANSLATE_NOOP("core", "Greenery"),
    Category.WATER_LEAK: QT_TRANSLATE_NOOP("core", "Leak"),
    Category.WALL_CRACK: QT_TRANSLATE_NOOP("core", "Wall cracks and hollows"),
    Category.DOORS_WINDOWS: QT_TRANSLATE_NOOP("core", "Doors and windows"),
    Category.INDOOR_PLUMBING: QT_TRANSLATE_NOOP("core", "In-home plumbing"),
    Category.ELECTRICAL: QT_TRANSLATE_NOOP("core", "In-home electrical"),
    Category.HEATING_GAS: QT_TRANSLATE_NOOP("core", "Water, gas and heating"),
    Category.OTHER: QT_TRANSLATE_NOOP("core", "Other"),
}

COMMON_AREA_CATEGORIES = frozenset(list(Category)[:10])


class Source(enum.StrEnum):
    PHONE = "phone"
    WALK_IN = "walk_in"
    HOTLINE_12345 = "hotline_12345"
    REGULATOR_PLATFORM = "regulator_platform"
    QR_CODE = "qr_code"
    INSPECTION = "inspection"
    OTHER = "other"


SOURCE_LABELS: dict[Source, str] = {
    Source.PHONE: QT_TRANSLATE_NOOP("core", "Phone call"),
    Source.WALK_IN: QT_TRANSLATE_NOOP("core", "Walk-in"),
    Source.HOTLINE_12345: QT_TRANSLATE_NOOP("core", "12345 hotline"),
    Source.REGULATOR_PLATFORM: QT_TRANSLATE_NOOP("core", "Regulator platform"),
    Source.QR_CODE: QT_TRANSLATE_NOOP("core", "QR code"),
    Source.INSPECTION: QT_TRANSLATE_NOOP("core", "Inspection"),
    Source.OTHER: QT_TRANSLATE_NOOP("core", "Other"),
}


class Tier(enum.StrEnum):
    """The three repair tiers of 4个3."""

    IMMEDIATE = "immediate"
    TIME_LIMITED = "time_limited"
    PROMISED = "promised"


TIER_LABELS: dict[Tier, str] = {
    Tier.IMMEDIATE: QT_TRANSLATE_NOOP("core", "Fix at once"),
    Tier.TIME_LIMITED: QT_TRANSLATE_NOOP("core", "Fix within a deadline"),
    Tier.PROMISED: QT_TRANSLATE_NOOP("core", "Fix under a written promise"),
}


class Satisfaction(enum.StrEnum):
    SATISFIED = "satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    DISSATISFIED = "dissatisfied"


SATISFACTION_LABELS: dict[Satisfaction, str] = {
    Satisfaction.SATISFIED: QT_TRANSLATE_NOOP("core", "Satisfied"),
    Satisfaction.BASICALLY_SATISFIED: QT_TRANSLATE_NOOP("core", "Basically satisfied"),
    Satisfaction.DISSATISFIED: QT_TRANSLATE_NOOP("core", "Dissatisfied"),
}


class CallbackMethod(enum.StrEnum):
    PHONE = "phone"
    VISIT = "visit"
    SMS = "sms"


CALLBACK_METHOD_LABELS: dict[CallbackMethod, str] = {
    CallbackMethod.PHONE: QT_TRANSLATE_NOOP("core", "Phone"),
    CallbackMethod.VISIT: QT_TRANSLATE_NOOP("core", "Visit"),
    CallbackMethod.SMS: QT_TRANSLATE_NOOP("core", "SMS"),
}


class StaffKind(enum.StrEnum):
    """Who a person in the staff directory is to the company."""

    TECHNICIAN = "technician"  # one of the company's own technicians
    TEAM = "team"  # one of the company's own teams (a shift, the greenery crew)
    CONTACT = "contact"  # an outside contact of a channel: contractor, developer


STAFF_KIND_LABELS: dict[StaffKind, str] = {
    StaffKind.TECHNICIAN: QT_TRANSLATE_NOOP("core", "Own technician"),
    StaffKind.TEAM: QT_TRANSLATE_NOOP("core", "Own team"),
    StaffKind.CONTACT: QT_TRANSLATE_NOOP("core", "Channel contact"),
}
