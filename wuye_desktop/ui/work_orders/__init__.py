"""The Work orders tab: the desk's list, an order's detail with its timeline, every action."""

from wuye_desktop.ui.work_orders.tab import WorkOrdersTab

__all__ = ["WorkOrdersTab"]
