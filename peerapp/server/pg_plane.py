"""PostgreSQL's part of the data plane (issue 18): the rate buckets every process shares, the disk
budget's measure, and the operator's commands (counts, suspension, creation tokens, export/import)."""

from __future__ import annotations

import math
import time
from collections.abc import AsyncIterator, Sequence
from typing import Any

import asyncpg

from peerapp.server.storage import EXPORT_COLUMNS, EXPORT_TABLES

# One statement per request: refill the bucket by the seconds since its last use (on the database's
# clock, so processes on several machines agree), then spend `cost` if at least min(cost, burst) is
# there. A refused request writes nothing and returns no row.
TAKE = """
WITH clock AS (SELECT extract(epoch FROM clock_timestamp())::float8 AS t)
INSERT INTO rate_buckets AS b (key, tokens, at) SELECT $1, $3::float8 - $4::float8, t FROM clock
ON CONFLICT (key) DO UPDATE SET tokens = LEAST($3, b.tokens + (EXCLUDED.at - b.at) * $2) - $4, at = EXCLUDED.at
WHERE LEAST($3, b.tokens + (EXCLUDED.at - b.at) * $2) >= LEAST($4, $3)
RETURNING 1
"""
LEFT = "SELECT LEAST($2, tokens + (extract(epoch FROM clock_timestamp()) - at) * $3) FROM rate_buckets WHERE key = $1"
_BOOLEAN_COLUMNS = {"suspended", "by_admin"}


class PgDataPlane:
    """The data-plane methods of PostgresStore (a mixin: PostgresStore opens the pool)."""

    _pool: asyncpg.Pool | None
    # A bucket row holds a room id and when it was last used. Once full again it says nothing the
    # limiter needs, so each process deletes such rows about once a minute: a seized database shows
    # which rooms were active in the last minute or so, not in the last hour. (Class attributes:
    # a test sets the interval to 0.)
    prune_every = 60.0
    _pruned_at = 0.0
    _full_after = 0.0  # the longest a bucket family seen here takes to fill up, in seconds

    @property
    def pool(self) -> asyncpg.Pool:
        assert self._pool is not None
        return self._pool

    # --- the data plane: shared limits, the disk budget, the operator's commands -----------------

    async def take_tokens(self, key: bytes, rate: float, burst: float, cost: float) -> int:
        if rate <= 0:
            return 0
        burst = max(burst, 1.0)
        self._full_after = max(self._full_after, burst / rate)
        now = time.monotonic()
        if now - self._pruned_at >= self.prune_every:
            self._pruned_at = now
            await self.prune_limits(self._full_after)
        async with self.pool.acquire() as db:
            if await db.fetchval(TAKE, key, rate, burst, float(cost)):
                return 0
            left = await db.fetchval(LEFT, key, burst, rate)
        need = min(cost, burst)
        return max(1, math.ceil((need - float(left if left is not None else burst)) / rate))

    async def prune_limits(self, idle_seconds: float) -> int:
        status = await self.pool.execute(
            "DELETE FROM rate_buckets WHERE at < extract(epoch FROM clock_timestamp()) - $1", idle_seconds
        )
        return int(status.split()[-1])

    async def used_bytes(self) -> int:
        return int(await self.pool.fetchval("SELECT pg_database_size(current_database())"))

    async def stats(self) -> dict[str, int]:
        async with self.pool.acquire() as db:
            rooms = await db.fetchrow(
                "SELECT COUNT(*), COUNT(*) FILTER (WHERE suspended), COALESCE(SUM(bytes), 0) FROM rooms"
            )
            events = await db.fetchval("SELECT COUNT(*) FROM events")
            tokens = await db.fetchval("SELECT COUNT(*) FROM creation_tokens")
        return {
            "rooms": int(rooms[0]),
            "suspended": int(rooms[1]),
            "events": int(events),
            "bytes": int(rooms[2]),
            "tokens": int(tokens),
        }

    async def suspend(self, room: bytes, suspended: bool) -> bool:
        status = await self.pool.execute("UPDATE rooms SET suspended = $2 WHERE id = $1", room, suspended)
        return bool(status.split()[-1] != "0")

    async def add_token(self, token_id: str, token_hash: bytes, day: int) -> None:
        await self.pool.execute(
            "INSERT INTO creation_tokens (id, hash, created_day) VALUES ($1, $2, $3)",
            token_id,
            token_hash,
            day,
        )

    async def revoke_token(self, token_id: str) -> bool:
        status = await self.pool.execute("DELETE FROM creation_tokens WHERE id = $1", token_id)
        return bool(status.split()[-1] != "0")

    async def token_known(self, token_hash: bytes) -> bool:
        return bool(await self.pool.fetchval("SELECT 1 FROM creation_tokens WHERE hash = $1", token_hash))

    async def export_rows(self, table: str) -> AsyncIterator[list[Any]]:
        if table not in EXPORT_TABLES:
            raise ValueError(table)
        async with self.pool.acquire() as db, db.transaction(isolation="repeatable_read", readonly=True):
            async for row in db.cursor(f"SELECT {EXPORT_COLUMNS[table]} FROM {table}", prefetch=500):
                yield [int(v) if isinstance(v, bool) else v for v in row]

    async def import_rows(self, table: str, rows: Sequence[Sequence[Any]]) -> None:
        if table not in EXPORT_TABLES:
            raise ValueError(table)
        columns = [c.strip() for c in EXPORT_COLUMNS[table].split(",")]
        flags = [c in _BOOLEAN_COLUMNS for c in columns]
        records = [tuple(bool(v) if flag else v for v, flag in zip(row, flags, strict=True)) for row in rows]
        async with self.pool.acquire() as db:
            await db.copy_records_to_table(table, records=records, columns=columns)

    async def is_empty(self) -> bool:
        return not bool(await self.pool.fetchval("SELECT EXISTS (SELECT 1 FROM rooms)"))
