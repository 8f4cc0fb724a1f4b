"""The Signage tab: "4个3" notices for lobbies, elevator cars and homes, and blank callback forms."""

from wuye_desktop.ui.signage.tab import SignageTab

__all__ = ["SignageTab"]
