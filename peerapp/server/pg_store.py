"""PostgreSQL storage for several server processes: a pool, and seqs taken under the room row lock."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import asyncpg

from peerapp.server.pg_plane import PgDataPlane
from peerapp.server.pg_schema import MIGRATIONS
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

LISTED = f"(blob IS NOT NULL OR kind = {DELETE})"
# Several processes may start at once; one migrates while the others wait on this lock.
MIGRATION_LOCK = 0x7065657261707031  # "peerapp1"


class PostgresStore(PgDataPlane):
    shared_limits = True

    def __init__(self, url: str) -> None:
        self.url = url
        self._pool: asyncpg.Pool | None = None
        self.quota: Quota = NO_QUOTA

    async def open(self) -> None:
        # synchronous_commit on for our sessions, whatever the database or cluster default: a
        # commit returns (and the client hears its seq) only once its WAL is flushed to disk.
        # Durability still needs the cluster's fsync on, which is the operator's setting.
        self._pool = await asyncpg.create_pool(
            self.url, min_size=1, max_size=10, server_settings={"synchronous_commit": "on"}
        )
        async with self._pool.acquire() as db, db.transaction():
            await db.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
            await db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            current = await db.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_version")
            if current > len(MIGRATIONS):
                raise RuntimeError("the database was written by a newer server")
            for number, statements in enumerate(MIGRATIONS[current:], start=current + 1):
                for sql in statements:
                    await db.execute(sql)
                await db.execute("INSERT INTO schema_version (version) VALUES ($1)", number)

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.close()
            self._pool = None

    async def ping(self) -> None:
        await self.pool.fetchval("SELECT 1")

    async def create_room(self, room: bytes, write_pub: bytes, admin_pub: bytes, day: int) -> str:
        async with self.pool.acquire() as db:
            inserted = await db.fetchval(
                "INSERT INTO rooms (id, write_pub, admin_pub, created_day) VALUES ($1, $2, $3, $4)"
                " ON CONFLICT (id) DO NOTHING RETURNING 1",
                room,
                write_pub,
                admin_pub,
                day,
            )
            if inserted:
                return "created"
            row = await db.fetchrow("SELECT write_pub, admin_pub FROM rooms WHERE id = $1", room)
        if row is None:  # deleted by retention in between: let the client retry
            return "conflict"
        return "exists" if (bytes(row[0]), bytes(row[1])) == (write_pub, admin_pub) else "conflict"

    async def room(self, room: bytes) -> Room | None:
        row = await self.pool.fetchrow(f"SELECT {ROOM_COLUMNS} FROM rooms WHERE id = $1", room)
        return room_from_row(row) if row else None

    async def create_room_v2(
        self, room: bytes, write_pub: bytes, admin_pub: bytes, door_pub: bytes, door_expires: int, day: int
    ) -> str:
        async with self.pool.acquire() as db:
            inserted = await db.fetchval(
                "INSERT INTO rooms (id, write_pub, admin_pub, created_day, version, epoch, admin_gen, door_pub,"
                " door_gen, door_expires) VALUES ($1, $2, $3, $4, 2, 1, 1, $5, 1, $6)"
                " ON CONFLICT (id) DO NOTHING RETURNING 1",
                room,
                write_pub,
                admin_pub,
                day,
                door_pub,
                door_expires,
            )
            if inserted:
                return "created"
            row = await db.fetchrow(f"SELECT {ROOM_COLUMNS} FROM rooms WHERE id = $1", room)
        if row is None:
            return "conflict"
        found = room_from_row(row)
        same = (found.version, found.write_pub, found.admin_pub, found.door_pub) == (
            2,
            write_pub,
            admin_pub,
            door_pub,
        )
        return "exists" if same and found.epoch == 1 else "conflict"

    async def change_room(self, room: bytes, change: str, expect: int, values: dict[str, object]) -> str:
        columns = CHANGES[change]
        if not set(values) <= set(columns):
            raise ValueError("a column this change does not set")
        names = list(values)
        # Column names come from CHANGES, never from a request; the values are parameters.
        sets = ", ".join(f"{name} = ${i}" for i, name in enumerate(names, start=1))
        n = len(names)
        async with self.pool.acquire() as db:
            changed = await db.fetchval(
                f"UPDATE rooms SET {sets} WHERE id = ${n + 1} AND {columns[0]} = ${n + 2} RETURNING 1",
                *(values[name] for name in names),
                room,
                expect,
            )
            if changed:
                return "changed"
            found = await db.fetchval("SELECT 1 FROM rooms WHERE id = $1", room)
        return "stale" if found else "no_room"

    async def head(self, room: bytes) -> int | None:
        value = await self.pool.fetchval(
            f"SELECT CASE WHEN suspended THEN {SUSPENDED_HEAD} ELSE last_seq END FROM rooms WHERE id = $1",
            room,
        )
        return None if value is None else int(value)

    async def skip_seqs(self, count: int) -> int:
        status = await self.pool.execute("UPDATE rooms SET last_seq = last_seq + $1", count)
        return int(status.split()[-1])

    @staticmethod
    async def _post_rows(db: Any, room: bytes, post_id: bytes) -> PostState | None:
        rows = await db.fetch(
            "SELECT post_id, kind, seq, blob, delete_hash FROM events WHERE room = $1 AND post_id = $2",
            room,
            post_id,
        )
        return post_states(rows).get(post_id)

    async def post_state(self, room: bytes, post_id: bytes) -> PostState | None:
        async with self.pool.acquire() as db:
            return await self._post_rows(db, room, post_id)

    @staticmethod
    async def _lock_room(db: Any, room: bytes, day: int = 0) -> tuple[int, int] | None:
        """Lock the room row; its blob bytes and its posts on `day`, or None without the room."""
        # Taking the row lock first makes concurrent writers to one room queue here, so the
        # look-up that follows (a new snapshot under READ COMMITTED) sees what they committed.
        row = await db.fetchrow(
            "SELECT bytes, CASE WHEN posts_day = $2 THEN day_posts ELSE 0 END FROM rooms WHERE id = $1 FOR UPDATE",
            room,
            day,
        )
        return None if row is None else (int(row[0]), int(row[1]))

    @staticmethod
    async def _next_seq(db: Any, room: bytes, added_bytes: int = 0) -> int:
        return int(
            await db.fetchval(
                "UPDATE rooms SET last_seq = last_seq + 1, bytes = bytes + $2 WHERE id = $1 RETURNING last_seq",
                room,
                added_bytes,
            )
        )

    async def put_post(
        self, room: bytes, post_id: bytes, blob: bytes, delete_hash: bytes, day: int
    ) -> PutResult:
        row = await self.pool.fetchrow(
            "SELECT o_status, o_seq, o_blob, o_hash, o_delete_seq FROM peerapp_put_post($1, $2, $3, $4, $5, $6, $7)",
            room,
            post_id,
            blob,
            delete_hash,
            day,
            self.quota.room_bytes,
            self.quota.day_posts,
        )
        status, seq = row[0], row[1]
        if status == "existing":
            state = PostState(
                seq=seq,
                blob=bytes(row[2]) if row[2] is not None else None,
                delete_hash=bytes(row[3]) if row[3] is not None else None,
                delete_seq=row[4],
            )
            return existing(state, blob, delete_hash)
        return PutResult(status, seq)

    async def put_posts(self, room: bytes, posts: Sequence[NewPost], day: int) -> BatchResult:
        async with self.pool.acquire() as db, db.transaction():
            # The room row's lock, as for one PUT, then the look-up, the seqs and one insert of all
            # the new posts: four round trips and one commit for the whole batch.
            held = await self._lock_room(db, room, day)
            if held is None:
                return BatchResult("no_room")
            rows = await db.fetch(
                "SELECT post_id, kind, seq, blob, delete_hash FROM events"
                " WHERE room = $1 AND post_id = ANY($2::bytea[])",
                room,
                [post.post_id for post in posts],
            )
            plan = plan_batch(posts, post_states(rows))
            if isinstance(plan, BatchResult):
                return plan  # nothing was written; the transaction ends empty
            new = [post for post, known in zip(posts, plan, strict=True) if known is None]
            seq = 0
            if new:
                size = sum(len(post.blob) for post in new)
                refused = self.quota.refusal(held[0], size, held[1], len(new))
                if refused:
                    return BatchResult(refused, index=posts.index(new[0]))
                last = await db.fetchval(
                    "UPDATE rooms SET last_seq = last_seq + $2, bytes = bytes + $3, posts_day = $4,"
                    " day_posts = $5 WHERE id = $1 RETURNING last_seq",
                    room,
                    len(new),
                    size,
                    day,
                    held[1] + len(new),
                )
                seq = int(last) - len(new) + 1
                await db.execute(
                    "INSERT INTO events (room, seq, kind, post_id, blob, delete_hash, day)"
                    " SELECT $1, s, $2, p, b, h, $3"
                    " FROM unnest($4::bigint[], $5::bytea[], $6::bytea[], $7::bytea[]) AS n(s, p, b, h)",
                    room,
                    POST,
                    day,
                    list(range(seq, seq + len(new))),
                    [post.post_id for post in new],
                    [post.blob for post in new],
                    [post.delete_hash for post in new],
                )
            seqs = []
            for known in plan:
                if known is None:
                    known, seq = seq, seq + 1
                seqs.append(known)
            return BatchResult("created", tuple(seqs))

    async def delete_post(
        self, room: bytes, post_id: bytes, by_admin: bool, proof: bytes, day: int
    ) -> PutResult:
        async with self.pool.acquire() as db, db.transaction():
            if await self._lock_room(db, room) is None:
                return PutResult("no_room")
            state = await self._post_rows(db, room, post_id)
            if state is None:
                return PutResult("not_found")
            if state.delete_seq is not None:
                return PutResult("same", state.delete_seq)
            freed = len(state.blob) if state.blob is not None else 0
            seq = await self._next_seq(db, room, -freed)
            await db.execute(
                "INSERT INTO events (room, seq, kind, post_id, by_admin, proof, day) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                room,
                seq,
                DELETE,
                post_id,
                by_admin,
                proof,
                day,
            )
            await db.execute(
                "UPDATE events SET blob = NULL WHERE room = $1 AND post_id = $2 AND kind = $3",
                room,
                post_id,
                POST,
            )
            return PutResult("created", seq)

    async def add_report(self, room: bytes, blob: bytes, day: int) -> PutResult:
        async with self.pool.acquire() as db, db.transaction():
            held = await self._lock_room(db, room)
            if held is None:
                return PutResult("no_room")
            if self.quota.room_bytes and held[0] + len(blob) > self.quota.room_bytes:
                return PutResult("quota_bytes")
            seq = await self._next_seq(db, room, len(blob))
            await db.execute(
                "INSERT INTO events (room, seq, kind, blob, day) VALUES ($1, $2, $3, $4, $5)",
                room,
                seq,
                REPORT,
                blob,
                day,
            )
            return PutResult("created", seq)

    async def events(self, room: bytes, after: int, limit: int) -> list[Event]:
        rows = await self.pool.fetch(
            "SELECT seq, kind, post_id, blob, by_admin, proof FROM events"
            f" WHERE room = $1 AND seq > $2 AND {LISTED} ORDER BY seq LIMIT $3",
            room,
            after,
            limit,
        )
        return [
            Event(
                r[0],
                r[1],
                bytes(r[2]) if r[2] is not None else None,
                bytes(r[3]) if r[3] is not None else None,
                bool(r[4]),
                bytes(r[5]) if r[5] is not None else None,
            )
            for r in rows
        ]

    async def purge(self, before_day: int) -> int:
        removed = 0
        while True:
            # One statement a chunk: the events go and their rooms' byte counts follow.
            count = int(
                await self.pool.fetchval(
                    "WITH gone AS (DELETE FROM events WHERE ctid IN"
                    " (SELECT ctid FROM events WHERE day < $1 LIMIT 500)"
                    " RETURNING room, COALESCE(octet_length(blob), 0) AS n),"
                    " per AS (SELECT room, SUM(n) AS n, COUNT(*) AS c FROM gone GROUP BY room),"
                    " moved AS (UPDATE rooms SET bytes = rooms.bytes - per.n FROM per WHERE rooms.id = per.room)"
                    " SELECT COALESCE(SUM(c), 0) FROM per",
                    before_day,
                )
            )
            removed += count
            if count < 500:
                break
        # Room rows stay (ids, public keys, last seq): were a room dropped and registered again,
        # its seqs would restart at 1 and members' cursors would skip every new post.
        return removed
