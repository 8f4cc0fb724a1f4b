"""The one shape of a progress report: ``progress(done, total)``.

Long work (an import, an export, a batch of PDFs, a sync, the demo) takes an optional
``Progress`` and calls it as it goes; the UI's background worker and the CLI's progress line
are the two listeners.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
