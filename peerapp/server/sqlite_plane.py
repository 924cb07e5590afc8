"""SQLite's part of the data plane (issue 18): rate limits in this one process, the disk budget's
measure, and the operator's commands (counts, suspension, creation tokens, export/import)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any

import aiosqlite

from peerapp.server.limits import RateLimiter
from peerapp.server.storage import EXPORT_COLUMNS, EXPORT_TABLES


class SQLiteDataPlane:
    """The data-plane methods of SQLiteStore (a mixin: SQLiteStore owns the connections)."""

    path: str
    _limiters: dict[tuple[float, float], RateLimiter]

    @property
    def _read(self) -> aiosqlite.Connection:
        raise NotImplementedError

    def _write(self) -> AbstractAsyncContextManager[aiosqlite.Connection]:
        raise NotImplementedError

    # --- the data plane: limits in this process, the disk budget, the operator's commands --------

    async def take_tokens(self, key: bytes, rate: float, burst: float, cost: float) -> int:
        limiter = self._limiters.get((rate, burst))
        if limiter is None:
            limiter = self._limiters[(rate, burst)] = RateLimiter(rate, burst)
        return limiter.take(key, cost)

    async def prune_limits(self, idle_seconds: float) -> int:
        return 0  # RateLimiter prunes itself when it grows

    async def used_bytes(self) -> int:
        return sum(os.path.getsize(p) for p in (self.path, self.path + "-wal") if os.path.exists(p))

    async def stats(self) -> dict[str, int]:
        db = self._read
        rooms = next(
            iter(
                await db.execute_fetchall(
                    "SELECT COUNT(*), COALESCE(SUM(suspended), 0), COALESCE(SUM(bytes), 0) FROM rooms"
                )
            )
        )
        events = next(iter(await db.execute_fetchall("SELECT COUNT(*) FROM events")))[0]
        tokens = next(iter(await db.execute_fetchall("SELECT COUNT(*) FROM creation_tokens")))[0]
        return {
            "rooms": int(rooms[0]),
            "suspended": int(rooms[1]),
            "events": int(events),
            "bytes": int(rooms[2]),
            "tokens": int(tokens),
        }

    async def suspend(self, room: bytes, suspended: bool) -> bool:
        async with self._write() as db:
            cur = await db.execute("UPDATE rooms SET suspended = ? WHERE id = ?", (int(suspended), room))
            return cur.rowcount > 0

    async def add_token(self, token_id: str, token_hash: bytes, day: int) -> None:
        async with self._write() as db:
            await db.execute(
                "INSERT INTO creation_tokens (id, hash, created_day) VALUES (?, ?, ?)",
                (token_id, token_hash, day),
            )

    async def revoke_token(self, token_id: str) -> bool:
        async with self._write() as db:
            cur = await db.execute("DELETE FROM creation_tokens WHERE id = ?", (token_id,))
            return cur.rowcount > 0

    async def token_known(self, token_hash: bytes) -> bool:
        rows = await self._read.execute_fetchall(
            "SELECT 1 FROM creation_tokens WHERE hash = ?", (token_hash,)
        )
        return bool(list(rows))

    async def export_rows(self, table: str) -> AsyncIterator[list[Any]]:
        if table not in EXPORT_TABLES:
            raise ValueError(table)
        async with self._read.execute(f"SELECT {EXPORT_COLUMNS[table]} FROM {table}") as cur:
            async for row in cur:
                yield list(row)

    async def import_rows(self, table: str, rows: Sequence[Sequence[Any]]) -> None:
        if table not in EXPORT_TABLES:
            raise ValueError(table)
        columns = EXPORT_COLUMNS[table]
        marks = ", ".join("?" * (columns.count(",") + 1))
        async with self._write() as db:
            await db.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})", [tuple(r) for r in rows]
            )

    async def is_empty(self) -> bool:
        return not list(await self._read.execute_fetchall("SELECT 1 FROM rooms LIMIT 1"))
