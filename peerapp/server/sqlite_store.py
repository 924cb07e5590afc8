"""SQLite storage (the default): one writer connection behind a lock, one reader, WAL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

from peerapp.server.limits import RateLimiter
from peerapp.server.sqlite_plane import SQLiteDataPlane
from peerapp.server.sqlite_schema import MIGRATIONS
from peerapp.server.storage import (
    CHANGES,
    DELETE,
    NO_QUOTA,
    POST,
    REPORT,
    ROOM_COLUMNS,
    SUSPENDED_HEAD,
    BatchResult,
    Event,
    NewPost,
    PostState,
    PutResult,
    Quota,
    Room,
    existing,
    plan_batch,
    post_states,
    room_from_row,
)

LISTED = f"(blob IS NOT NULL OR kind = {DELETE})"  # a deleted post's own event drops out


class SQLiteStore(SQLiteDataPlane):
    # One process owns a SQLite database: its rate limits stay in memory (limits.RateLimiter).
    shared_limits = False

    def __init__(self, path: str) -> None:
        self.path = path
        self.quota: Quota = NO_QUOTA
        self._limiters: dict[tuple[float, float], RateLimiter] = {}
        self._writer: aiosqlite.Connection | None = None
        self._reader: aiosqlite.Connection | None = None
        # One connection cannot hold two transactions: writes take turns.
        self._lock = asyncio.Lock()

    async def _connect(self) -> aiosqlite.Connection:
        db = await aiosqlite.connect(self.path, isolation_level=None)
        await db.execute("PRAGMA busy_timeout = 10000")
        await db.execute("PRAGMA journal_mode = WAL")
        # FULL: every commit is on disk before the client hears its seq. With WAL, NORMAL only
        # syncs at checkpoints, so a power cut could take back seqs already handed out.
        await db.execute("PRAGMA synchronous = FULL")
        # A deleted post's bytes are overwritten, not left in free pages.
        await db.execute("PRAGMA secure_delete = ON")
        return db

    async def open(self) -> None:
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._writer = await self._connect()
        await self._migrate(self._writer)
        self._reader = await self._connect()
        await self._reader.execute("PRAGMA query_only = ON")

    async def close(self) -> None:
        for db in (self._reader, self._writer):
            if db is not None:
                await db.close()
        self._reader = self._writer = None

    async def _migrate(self, db: aiosqlite.Connection) -> None:
        await db.execute("BEGIN IMMEDIATE")
        try:
            await db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            rows = await db.execute_fetchall("SELECT MAX(version) FROM schema_version")
            current = next(iter(rows))[0] or 0
            if current > len(MIGRATIONS):
                raise RuntimeError("the database was written by a newer server")
            for number, statements in enumerate(MIGRATIONS[current:], start=current + 1):
                for sql in statements:
                    await db.execute(sql)
                await db.execute("INSERT INTO schema_version (version) VALUES (?)", (number,))
            await db.execute("COMMIT")
        except BaseException:
            await db.execute("ROLLBACK")
            raise

    @asynccontextmanager
    async def _write(self) -> AsyncIterator[aiosqlite.Connection]:
        assert self._writer is not None
        async with self._lock:
            db = self._writer
            await db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                await db.execute("ROLLBACK")
                raise
            await db.execute("COMMIT")

    @property
    def _read(self) -> aiosqlite.Connection:
        assert self._reader is not None
        return self._reader

    async def ping(self) -> None:
        await self._read.execute_fetchall("SELECT 1")

    async def create_room(self, room: bytes, write_pub: bytes, admin_pub: bytes, day: int) -> str:
        async with self._write() as db:
            rows = list(
                await db.execute_fetchall("SELECT write_pub, admin_pub FROM rooms WHERE id = ?", (room,))
            )
            if rows:
                return "exists" if (rows[0][0], rows[0][1]) == (write_pub, admin_pub) else "conflict"
            await db.execute(
                "INSERT INTO rooms (id, write_pub, admin_pub, created_day) VALUES (?, ?, ?, ?)",
                (room, write_pub, admin_pub, day),
            )
            return "created"

    async def room(self, room: bytes) -> Room | None:
        rows = list(
            await self._read.execute_fetchall(f"SELECT {ROOM_COLUMNS} FROM rooms WHERE id = ?", (room,))
        )
        return room_from_row(rows[0]) if rows else None

    async def create_room_v2(
        self, room: bytes, write_pub: bytes, admin_pub: bytes, door_pub: bytes, door_expires: int, day: int
    ) -> str:
        async with self._write() as db:
            rows = list(await db.execute_fetchall(f"SELECT {ROOM_COLUMNS} FROM rooms WHERE id = ?", (room,)))
            if rows:
                found = room_from_row(rows[0])
                same = (found.version, found.write_pub, found.admin_pub, found.door_pub) == (
                    2,
                    write_pub,
                    admin_pub,
                    door_pub,
                )
                return "exists" if same and found.epoch == 1 else "conflict"
            await db.execute(
                "INSERT INTO rooms (id, write_pub, admin_pub, created_day, version, epoch, admin_gen, door_pub,"
                " door_gen, door_expires) VALUES (?, ?, ?, ?, 2, 1, 1, ?, 1, ?)",
                (room, write_pub, admin_pub, day, door_pub, door_expires),
            )
            return "created"

    async def change_room(self, room: bytes, change: str, expect: int, values: dict[str, object]) -> str:
        columns = CHANGES[change]
        if not set(values) <= set(columns):
            raise ValueError("a column this change does not set")
        names = list(values)
        sets = ", ".join(f"{name} = ?" for name in names)  # names come from CHANGES, never from a request
        async with self._write() as db:
            cur = await db.execute(
                f"UPDATE rooms SET {sets} WHERE id = ? AND {columns[0]} = ?",
                (*(values[n] for n in names), room, expect),
            )
            if cur.rowcount:
                return "changed"
            rows = list(await db.execute_fetchall("SELECT 1 FROM rooms WHERE id = ?", (room,)))
            return "stale" if rows else "no_room"

    async def head(self, room: bytes) -> int | None:
        rows = list(
            await self._read.execute_fetchall(
                f"SELECT CASE WHEN suspended THEN {SUSPENDED_HEAD} ELSE last_seq END FROM rooms WHERE id = ?",
                (room,),
            )
        )
        return int(rows[0][0]) if rows else None

    async def skip_seqs(self, count: int) -> int:
        async with self._write() as db:
            cur = await db.execute("UPDATE rooms SET last_seq = last_seq + ?", (count,))
            return cur.rowcount

    async def _post_rows(self, db: aiosqlite.Connection, room: bytes, post_id: bytes) -> PostState | None:
        rows = await db.execute_fetchall(
            "SELECT post_id, kind, seq, blob, delete_hash FROM events WHERE room = ? AND post_id = ?",
            (room, post_id),
        )
        return post_states(rows).get(post_id)

    async def post_state(self, room: bytes, post_id: bytes) -> PostState | None:
        return await self._post_rows(self._read, room, post_id)

    @staticmethod
    async def _next_seq(db: aiosqlite.Connection, room: bytes) -> int | None:
        rows = list(await db.execute_fetchall("SELECT last_seq + 1 FROM rooms WHERE id = ?", (room,)))
        return int(rows[0][0]) if rows else None

    async def put_post(
        self, room: bytes, post_id: bytes, blob: bytes, delete_hash: bytes, day: int
    ) -> PutResult:
        async with self._write() as db:
            # The seq comes from the room row inside the write transaction (the trigger moves
            # last_seq on); nothing is inserted when the room is unknown or the id is taken.
            # The quotas are two more conditions on the room row; why nothing was inserted is
            # looked up only then.
            q = self.quota
            quota = (q.room_bytes, len(blob), q.room_bytes, q.day_posts, day, q.day_posts)
            rows = list(
                await db.execute_fetchall(
                    "INSERT INTO events (room, seq, kind, post_id, blob, delete_hash, day)"
                    " SELECT id, last_seq + 1, ?, ?, ?, ?, ? FROM rooms WHERE id = ?"
                    " AND NOT EXISTS (SELECT 1 FROM events WHERE room = ? AND post_id = ?)"
                    " AND (? = 0 OR bytes + ? <= ?)"
                    " AND (? = 0 OR CASE WHEN posts_day = ? THEN day_posts ELSE 0 END < ?) RETURNING seq",
                    (POST, post_id, blob, delete_hash, day, room, room, post_id, *quota),
                )
            )
            if rows:
                return PutResult("created", int(rows[0][0]))
            state = await self._post_rows(db, room, post_id)
            if state is not None:
                return existing(state, blob, delete_hash)
            held = await self._held(db, room, day)
            if held is None:
                return PutResult("no_room")
            return PutResult(q.refusal(held[0], len(blob), held[1], 1) or "no_room")

    @staticmethod
    async def _held(db: aiosqlite.Connection, room: bytes, day: int) -> tuple[int, int] | None:
        """The room's blob bytes and its posts on `day`, or None without the room."""
        rows = list(
            await db.execute_fetchall(
                "SELECT bytes, CASE WHEN posts_day = ? THEN day_posts ELSE 0 END FROM rooms WHERE id = ?",
                (day, room),
            )
        )
        return (int(rows[0][0]), int(rows[0][1])) if rows else None

    async def put_posts(self, room: bytes, posts: Sequence[NewPost], day: int) -> BatchResult:
        async with self._write() as db:
            # One transaction under the write lock, so one fsync for the whole batch: what the room
            # holds of these ids, then every new post with the next seqs, in the batch's order.
            seq = await self._next_seq(db, room)
            if seq is None:
                return BatchResult("no_room")
            ids = [post.post_id for post in posts]
            rows = await db.execute_fetchall(
                "SELECT post_id, kind, seq, blob, delete_hash FROM events"
                f" WHERE room = ? AND post_id IN ({','.join('?' * len(ids))})",
                (room, *ids),
            )
            plan = plan_batch(posts, post_states(rows))
            if isinstance(plan, BatchResult):
                return plan  # nothing was written
            fresh = [post for post, known in zip(posts, plan, strict=True) if known is None]
            held = await self._held(db, room, day)
            assert held is not None  # the room row was read above, under the same write lock
            refused = self.quota.refusal(held[0], sum(len(p.blob) for p in fresh), held[1], len(fresh))
            if fresh and refused:
                return BatchResult(refused, index=posts.index(fresh[0]))
            seqs, new = [], []
            for post, known in zip(posts, plan, strict=True):
                if known is None:
                    new.append((room, seq, POST, post.post_id, post.blob, post.delete_hash, day))
                    known, seq = seq, seq + 1
                seqs.append(known)
            await db.executemany(
                "INSERT INTO events (room, seq, kind, post_id, blob, delete_hash, day) VALUES (?, ?, ?, ?, ?, ?, ?)",
                new,
            )
            return BatchResult("created", tuple(seqs))

    async def delete_post(
        self, room: bytes, post_id: bytes, by_admin: bool, proof: bytes, day: int
    ) -> PutResult:
        async with self._write() as db:
            state = await self._post_rows(db, room, post_id)
            if state is None:
                return PutResult("not_found")
            if state.delete_seq is not None:
                return PutResult("same", state.delete_seq)
            seq = await self._next_seq(db, room)
            if seq is None:
                return PutResult("no_room")
            await db.execute(
                "INSERT INTO events (room, seq, kind, post_id, by_admin, proof, day) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (room, seq, DELETE, post_id, int(by_admin), proof, day),
            )
            await db.execute(
                "UPDATE events SET blob = NULL WHERE room = ? AND post_id = ? AND kind = ?",
                (room, post_id, POST),
            )
            return PutResult("created", seq)

    async def add_report(self, room: bytes, blob: bytes, day: int) -> PutResult:
        async with self._write() as db:
            rows = list(
                await db.execute_fetchall(
                    "INSERT INTO events (room, seq, kind, blob, day)"
                    " SELECT id, last_seq + 1, ?, ?, ? FROM rooms WHERE id = ? AND (? = 0 OR bytes + ? <= ?)"
                    " RETURNING seq",
                    (REPORT, blob, day, room, self.quota.room_bytes, len(blob), self.quota.room_bytes),
                )
            )
            if rows:
                return PutResult("created", int(rows[0][0]))
            return PutResult("quota_bytes" if await self._held(db, room, day) else "no_room")

    async def events(self, room: bytes, after: int, limit: int) -> list[Event]:
        rows = await self._read.execute_fetchall(
            "SELECT seq, kind, post_id, blob, by_admin, proof FROM events"
            f" WHERE room = ? AND seq > ? AND {LISTED} ORDER BY seq LIMIT ?",
            (room, after, limit),
        )
        return [Event(r[0], r[1], r[2], r[3], bool(r[4]), r[5]) for r in rows]

    async def purge(self, before_day: int) -> int:
        removed = 0
        while True:  # small batches, so writers are not held up for long
            async with self._write() as db:
                cur = await db.execute(
                    "DELETE FROM events WHERE rowid IN (SELECT rowid FROM events WHERE day < ? LIMIT 500)",
                    (before_day,),
                )
                count = cur.rowcount
            removed += count
            if count < 500:
                break
        # Room rows stay (ids, public keys, last seq): were a room dropped and registered again,
        # its seqs would restart at 1 and members' cursors would skip every new post.
        return removed
