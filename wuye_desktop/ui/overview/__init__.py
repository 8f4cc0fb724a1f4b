"""The 概览 tab: the manager's figures of a period against the one before, with charts; the
desk's "now" part (overdue, due soon, callbacks due). A click lists the orders counted."""

from wuye_desktop.ui.overview.tab import OverviewTab

__all__ = ["OverviewTab"]
