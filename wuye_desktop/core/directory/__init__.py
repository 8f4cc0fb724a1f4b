"""The property directory: company, communities, channels, buildings, units, households, owners.

Reads return plain frozen dataclasses, never live ORM objects, so the UI can keep them across
threads and sessions. Owners' phone numbers always leave this package masked; a full number is
given only by :func:`reveal_owner_phone`, to the roles DESIGN.md §5 allows, and every such reveal
is audited, so the audit log really holds every time a full number was shown.

Callers use the package (``directory.create_household(...)``); the parts live in:

- :mod:`.company`: the company's own record;
- :mod:`.communities`: communities and their channel contacts;
- :mod:`.buildings`: buildings and units, and adding those a household's address needs;
- :mod:`.household_records`: household and owner views, inputs and field checks;
- :mod:`.household_writes`: writing one or many households inside a caller's transaction;
- :mod:`.households`: the household services and the audited phone reveal;
- :mod:`.household_search`: finding households and their list rows;
- :mod:`._shared`: helpers the parts share (sort key, "Required", the QR prefix).
"""

from __future__ import annotations

from wuye_desktop.core.directory._shared import QR_HOUSEHOLD_PREFIX, REQUIRED, sort_key
from wuye_desktop.core.directory.buildings import (
    BuildingInput,
    BuildingView,
    UnitView,
    create_building,
    list_buildings,
    list_units,
    update_building,
)
from wuye_desktop.core.directory.communities import (
    ChannelInput,
    ChannelView,
    CommunityChoice,
    CommunityInput,
    CommunityView,
    channel_errors,
    community_choices,
    create_community,
    get_community,
    list_communities,
    save_community,
    set_channels,
    update_community,
)
from wuye_desktop.core.directory.company import (
    CompanyInput,
    CompanyView,
    get_company,
    update_company,
)
from wuye_desktop.core.directory.household_records import (
    HouseholdInput,
    HouseholdView,
    OwnerInput,
    OwnerView,
    household_errors,
)
from wuye_desktop.core.directory.household_search import (
    FoundHouseholds,
    HouseholdRow,
    find_households,
    household_ids_in_unit,
    household_rows,
    search_household_ids,
)
from wuye_desktop.core.directory.household_writes import (
    BULK_BATCH,
    add_household_in_session,
    add_households_in_session,
    apply_owners,
)
from wuye_desktop.core.directory.households import (
    create_household,
    get_household,
    reveal_owner_phone,
    update_household,
)

__all__ = [
    "BULK_BATCH",
    "QR_HOUSEHOLD_PREFIX",
    "REQUIRED",
    "BuildingInput",
    "BuildingView",
    "ChannelInput",
    "ChannelView",
    "CommunityChoice",
    "CommunityInput",
    "CommunityView",
    "CompanyInput",
    "CompanyView",
    "FoundHouseholds",
    "HouseholdInput",
    "HouseholdRow",
    "HouseholdView",
    "OwnerInput",
    "OwnerView",
    "UnitView",
    "add_household_in_session",
    "add_households_in_session",
    "apply_owners",
    "channel_errors",
    "community_choices",
    "create_building",
    "create_community",
    "create_household",
    "find_households",
    "get_community",
    "get_company",
    "get_household",
    "household_errors",
    "household_ids_in_unit",
    "household_rows",
    "list_buildings",
    "list_communities",
    "list_units",
    "reveal_owner_phone",
    "save_community",
    "search_household_ids",
    "set_channels",
    "sort_key",
    "update_building",
    "update_community",
    "update_company",
    "update_household",
]
