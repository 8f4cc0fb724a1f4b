"""Taking a call: the keyboard-only intake dialog (Ctrl+N)."""

from wuye_desktop.ui.intake.dialog import IntakeDialog

__all__ = ["IntakeDialog"]
