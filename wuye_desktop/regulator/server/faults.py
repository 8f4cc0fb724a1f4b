"""Fault options for testing a client: 5xx failures, latency, rate limiting, redelivery.

A :class:`Faults` object is read on every request, so a test (or the operator) may change its
attributes on a running server. ``/health`` and the OpenAPI description are never affected.
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Faults:
    # Share of requests answered 500/502/503: half before handling, half after the request was
    # handled and committed (the client sees an error for a request that did take effect).
    fail_rate: float = 0.0
    # Added to every request, with ±50 % jitter.
    latency_ms: int = 0
    # Requests per second per company (a token bucket holding one second's worth); 0 = off.
    rate_limit: float = 0.0
    # Share of dispatch/supervision listings that also carry already-acknowledged items.
    redeliver_rate: float = 0.0
    # The random generator's seed (only read when the object is made).
    seed: int | None = None
    rng: random.Random = field(init=False, repr=False, compare=False)
    # The rate limiter's clock (seconds, monotonic): a test moves it on instead of sleeping.
    clock: Callable[[], float] = field(default=time.monotonic, repr=False, compare=False)

    def __post_init__(self) -> None:
        problem = self.problem()
        if problem:
            raise ValueError(problem)
        self.rng = random.Random(self.seed)

    def problem(self) -> str | None:
        """Why these options cannot be used, or None."""
        for name in ("fail_rate", "redeliver_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                return f"{name} must be between 0 and 1, not {value}"
        if self.latency_ms < 0:
            return f"latency_ms must not be negative, not {self.latency_ms}"
        if self.rate_limit < 0:
            return f"rate_limit must not be negative, not {self.rate_limit}"
        return None

    def chance(self, rate: float) -> bool:
        return rate > 0 and self.rng.random() < rate

    def latency_s(self) -> float:
        if self.latency_ms <= 0:
            return 0.0
        return self.latency_ms * self.rng.uniform(0.5, 1.5) / 1000


class TokenBuckets:
    """One token bucket per key; :meth:`take` answers how long to wait (0 = go ahead)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last refill)

    def take(self, key: str, rate: float, now: float) -> float:
        if rate <= 0:
            return 0.0
        capacity = max(rate, 1.0)
        with self._lock:
            tokens, last = self._buckets.get(key, (capacity, now))
            tokens = min(capacity, tokens + (now - last) * rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / rate


def retry_after_header(wait_s: float) -> str:
    """Retry-After is whole seconds; never 0, which would invite a busy loop."""
    return str(max(1, math.ceil(wait_s)))
