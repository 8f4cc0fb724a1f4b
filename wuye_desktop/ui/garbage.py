"""Python's cycle collector, run on the GUI thread only.

Left to itself the collector runs in whichever thread happens to allocate when a threshold is
crossed, often the database thread building ORM rows. If the garbage it then finds holds a Qt
object made on the GUI thread (a model or a dialog in a reference cycle), that object is
destroyed on the database thread, which Qt does not allow: a pristine test run crashed so
(segmentation fault in the database thread, inside SQLAlchemy's ``new_instance``). So the
automatic collector is switched off and a timer on the GUI thread collects, generation by
generation, when the same thresholds are crossed. Plain reference counting, which frees
everything not in a cycle at once, is untouched.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Lives as long as its parent (the application); collects only from the event loop."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)

    def collect_due(self) -> int | None:
        """Collect the oldest generation whose threshold is crossed; which one, or None."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return generation
        return None
