"""In-memory token buckets: one per room and one shared by room creation. Never keyed by address."""

from __future__ import annotations

import math
import time


class RateLimiter:
    """A token bucket per key; `rate` tokens a second up to `burst`. A rate of 0 turns it off."""

    def __init__(self, rate: float, burst: float, *, max_keys: int = 100_000) -> None:
        self.rate = rate
        self.burst = max(burst, 1.0)
        self.max_keys = max_keys
        self._buckets: dict[bytes, tuple[float, float]] = {}  # key -> (tokens, when)

    def take(self, key: bytes = b"") -> int:
        """Spend one token; return 0, or the seconds to wait (for Retry-After) when empty."""
        if self.rate <= 0:
            return 0
        now = time.monotonic()
        tokens, when = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - when) * self.rate)
        if tokens < 1.0:
            self._buckets[key] = (tokens, now)
            return max(1, math.ceil((1.0 - tokens) / self.rate))
        self._buckets[key] = (tokens - 1.0, now)
        if len(self._buckets) > self.max_keys:
            self._prune(now)
        return 0

    def _prune(self, now: float) -> None:
        # Random room ids must not grow memory without bound: forget buckets that have refilled,
        # and if that is not enough, the older half (dicts keep insertion order).
        full = [k for k, (t, w) in self._buckets.items() if t + (now - w) * self.rate >= self.burst]
        for key in full:
            del self._buckets[key]
        if len(self._buckets) > self.max_keys:
            for key in list(self._buckets)[: len(self._buckets) // 2]:
                del self._buckets[key]
