"""A household's close-out list (销项表): reachable from the household in the Directory tab and
from a work order's print menu."""

from wuye_desktop.ui.closeout.dialog import CloseoutDialog, open_closeout_dialog

__all__ = ["CloseoutDialog", "open_closeout_dialog"]
