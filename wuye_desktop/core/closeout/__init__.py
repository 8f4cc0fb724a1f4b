"""Close-out lists (销项表): a household's defect items, each closed with a date and checker.

Items come from the pre-delivery inspection (分户验收) and the owners' open day (开放日),
typed in or imported from the Excel sheets the inspectors fill, or gathered from the
household's work orders. Managers and administrators keep the lists (DESIGN.md §5: "issue");
the desk may read and print them. Every change is audited and made in one transaction.

An import is all rows or none, like a roster: every bad row is reported by its row number and
the file's own column header, and nothing is written. Importing the same file again adds
nothing: a row whose item and location the household's list already has is skipped.

The parts: :mod:`.records` (origins, inputs, views, field checks), :mod:`.items` (the list
kept by hand), :mod:`.gathering` (items from work orders), :mod:`.importing` (the sheets), and
:mod:`._shared` (finding a household or an item, adding an item, inside a transaction).
"""

from __future__ import annotations

from wuye_desktop.core.closeout.gathering import gather_from_orders
from wuye_desktop.core.closeout.importing import (
    ACCEPTED_HEADERS,
    FIELDS,
    ImportReport,
    ImportRow,
    import_items,
    parse_day,
    read_items,
)
from wuye_desktop.core.closeout.items import (
    add_item,
    close_item,
    delete_item,
    get_item,
    list_items,
    open_counts,
    reopen_item,
    update_item,
)
from wuye_desktop.core.closeout.records import (
    MAX_ITEM,
    MAX_ROWS,
    ORIGIN_LABELS,
    REQUIRED,
    CloseoutList,
    ItemInput,
    ItemView,
    Origin,
    item_errors,
)

__all__ = [
    "ACCEPTED_HEADERS",
    "FIELDS",
    "MAX_ITEM",
    "MAX_ROWS",
    "ORIGIN_LABELS",
    "REQUIRED",
    "CloseoutList",
    "ImportReport",
    "ImportRow",
    "ItemInput",
    "ItemView",
    "Origin",
    "add_item",
    "close_item",
    "delete_item",
    "gather_from_orders",
    "get_item",
    "import_items",
    "item_errors",
    "list_items",
    "open_counts",
    "parse_day",
    "read_items",
    "reopen_item",
    "update_item",
]
