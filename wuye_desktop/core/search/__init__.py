"""One search for everything the desk types (DESIGN.md §3 "Search"): :mod:`query` reads the
text into a SearchQuery with the label the box shows, :mod:`orders` turns it into SQL over
work orders and :mod:`households` over households (intake, the directory), and :mod:`find`
is the service the CLI (and any list) calls."""

from wuye_desktop.core.search.households import household_condition, owners_with_phone_ending
from wuye_desktop.core.search.orders import hints, order_condition, understand
from wuye_desktop.core.search.query import Kind, SearchHints, SearchQuery, parse

__all__ = [
    "Kind",
    "SearchHints",
    "SearchQuery",
    "hints",
    "household_condition",
    "order_condition",
    "owners_with_phone_ending",
    "parse",
    "understand",
]
