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
