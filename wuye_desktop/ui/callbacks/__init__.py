"""The Callbacks tab: the queue of completed orders waiting for the owner's verdict."""

from wuye_desktop.ui.callbacks.tab import CallbacksTab

__all__ = ["CallbacksTab"]
