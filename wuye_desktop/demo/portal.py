"""``wuye demo --portal``: the owners' reporting page configured for this computer, so that a
new user can try it in a desktop browser (``wuye owner-portal``, then open the printed page)."""

from __future__ import annotations

from sqlalchemy import select

from wuye_desktop.core import portal
from wuye_desktop.core.roles import SYSTEM_ACTOR
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Household

LOCAL_URL = "http://127.0.0.1:8780"


def configure_demo_portal(db: Database, public_url: str = LOCAL_URL) -> tuple[str, str]:
    """Point the page at *public_url* and switch it on; the addresses of the first household's
    in-home card and of its entrance's signs (their keys made now, as printing would)."""
    portal.configure_portal(db, SYSTEM_ACTOR, public_url=public_url, enabled=True)
    with db.read() as s:
        first = s.execute(
            select(Household.id, Household.community_id, Household.code)
            .order_by(Household.id)
            .limit(1)
        ).first()
    if first is None:
        return "", ""
    household_id, community_id, code = first
    entrance = code.rsplit("-", 1)[0]  # the household's code without its room
    homes, doors = portal.sign_addresses(db, public_url, community_id, [household_id], [entrance])
    return homes[household_id], doors[entrance]
