"""Token buckets: one per room and one shared by room creation. Never keyed by address.

RateLimiter keeps them in this process (SQLite: one process). On PostgreSQL the same rule runs in
the database (pg_store.TAKE), so every process on it spends from the same buckets.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

# Posts of a batch that cost one token. A single PUT pays one token for a request, a signature check
# and a committed transaction; inside a batch a post shares the request and the commit, and the
# server stores about 8 to 10 of them for the work of one single PUT (bench/bench_sync.py, "Group
# outbox"). So a room's tokens buy about the same server work either way.
POSTS_PER_TOKEN = 10


@dataclass(frozen=True)
class Bucket:
    """A family of buckets: its key prefix (one byte per family) and its rate and burst."""

    prefix: bytes
    rate: float
    burst: float


class RateLimiter:
    """A token bucket per key; `rate` tokens a second up to `burst`. A rate of 0 turns it off."""

    def __init__(self, rate: float, burst: float, *, max_keys: int = 100_000) -> None:
        self.rate = rate
        self.burst = max(burst, 1.0)
        self.max_keys = max_keys
        self._buckets: dict[bytes, tuple[float, float]] = {}  # key -> (tokens, when)

    def take(self, key: bytes = b"", cost: float = 1.0) -> int:
        """Spend `cost` tokens; return 0, or the seconds to wait (for Retry-After) when there are too few.

        A cost above the burst goes through once the bucket is full and leaves it in debt, so a large
        request is never refused for ever, and over time no more than `rate` tokens a second are spent.
        """
        if self.rate <= 0:
            return 0
        now = time.monotonic()
        tokens, when = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - when) * self.rate)
        need = min(cost, self.burst)
        if tokens < need:
            self._buckets[key] = (tokens, now)
            return max(1, math.ceil((need - tokens) / self.rate))
        self._buckets[key] = (tokens - cost, now)
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


def batch_cost(posts: int, size: int, max_body: int) -> int:
    """The tokens a batch of `posts` posts in `size` bytes spends from its room's write bucket.

    At least what single PUTs would spend to carry the same bytes (one per `max_body`), so a batch
    moves no more bytes a second into a room than single requests could; and at least one per
    POSTS_PER_TOKEN posts, what a post costs the server inside a batch compared with on its own.
    """
    return max(1, math.ceil(size / max_body), math.ceil(posts / POSTS_PER_TOKEN))
