"""The Commitment tab: letters (承诺书) to issue, issued, fulfilled and overdue."""

from wuye_desktop.ui.commitments.tab import CommitmentsTab

__all__ = ["CommitmentsTab"]
