"""The deadline rules of the company, for administrators."""

from wuye_desktop.ui.deadlines.dialog import DeadlineSettingsDialog

__all__ = ["DeadlineSettingsDialog"]
