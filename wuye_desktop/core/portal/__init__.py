"""The owners' reporting page's rules (扫码报修, DESIGN §3): what a QR code's key opens, filing an
order from it, following that order through its private link and rating it, and the company's
switch and public address for the page. The web service itself is ``wuye_desktop.portal``;
it calls only these.

- :mod:`.config`: the page's public address and on/off switch (company settings), and its
  server secret;
- :mod:`.keys`: the random keys in the signs' QR codes, made when a sign is printed, and what
  a key opens (a household, or an entrance and its rooms);
- :mod:`.reports`: filing an order from the page (once per form, never a duplicate);
- :mod:`.follow`: the private follow link: the order in an owner's words, and the rating.

The package names what printing a sign needs (settings and keys); the page's own services are
used from :mod:`.reports` and :mod:`.follow`. They bring the whole order service with them, and
a print of 1,000 cards in a fresh process (``wuye print signage``) would pay for that import.
"""

from __future__ import annotations

from wuye_desktop.core.portal.config import (
    PORTAL_ACTOR,
    PortalSettings,
    configure_portal,
    portal_secret,
    portal_settings,
    public_url_problem,
)
from wuye_desktop.core.portal.keys import (
    KEY_PATTERN,
    Place,
    Room,
    entrance_page_key,
    household_page_key,
    open_key,
    portal_urls,
    sign_addresses,
)

__all__ = [
    "KEY_PATTERN",
    "PORTAL_ACTOR",
    "Place",
    "PortalSettings",
    "Room",
    "configure_portal",
    "entrance_page_key",
    "household_page_key",
    "open_key",
    "portal_secret",
    "portal_settings",
    "portal_urls",
    "public_url_problem",
    "sign_addresses",
]
