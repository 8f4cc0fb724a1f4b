"""Work on a thread of its own, its result or exception handed back to whoever waits for it.

The password hash runs on one at a lower priority (core/users.py); start-up runs its steps on
one while the login dialog keeps handling events (ui/background.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class OwnThread(Generic[T]):
    """Starts *work* at once: *first* runs before it on the thread, *last* after it whatever
    happened (a signal to the waiter, say); ``result()`` waits and returns or raises."""

    def __init__(
        self,
        work: Callable[[], T],
        name: str,
        *,
        first: Callable[[], None] | None = None,
        last: Callable[[], None] | None = None,
    ) -> None:
        self._outcome: list[T] = []
        self._failure: list[BaseException] = []

        def run() -> None:
            try:
                if first is not None:
                    first()
                self._outcome.append(work())
            except BaseException as error:  # raised again in the waiting thread
                self._failure.append(error)
            finally:
                if last is not None:
                    last()

        self._thread = threading.Thread(target=run, name=name, daemon=True)
        self._thread.start()

    def result(self) -> T:
        self._thread.join()
        if self._failure:
            raise self._failure[0]
        return self._outcome[0]
