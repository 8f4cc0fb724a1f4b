"""The Public-income tab: the special account's register, entries, reversals, month closing,
totals, statement import, Excel export and the disclosure (公示)."""

from wuye_desktop.ui.ledger.tab import LedgerTab

__all__ = ["LedgerTab"]
