"""PostgreSQL storage for several server processes: a pool, and seqs taken under the room row lock."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Sequence
from typing import Any

import asyncpg

from peerapp.server.storage import (
    CHANGES,
    DELETE,
    EXPORT_COLUMNS,
    EXPORT_TABLES,
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

MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE rooms (
            id BYTEA PRIMARY KEY,
            write_pub BYTEA NOT NULL,
            admin_pub BYTEA NOT NULL,
            last_seq BIGINT NOT NULL DEFAULT 0,
            created_day INTEGER NOT NULL
        )""",
        """CREATE TABLE events (
            room BYTEA NOT NULL,
            seq BIGINT NOT NULL,
            kind SMALLINT NOT NULL,
            post_id BYTEA,
            blob BYTEA,
            delete_hash BYTEA,
            by_admin BOOLEAN NOT NULL DEFAULT FALSE,
            proof BYTEA,
            day INTEGER NOT NULL,
            PRIMARY KEY (room, seq)
        )""",
        "CREATE UNIQUE INDEX events_post ON events (room, post_id, kind) WHERE post_id IS NOT NULL",
        "CREATE INDEX events_day ON events (day)",
    ],
    [
        # 2: a PUT in one round trip. The steps and the lock are those of the Python code it
        # replaced (lock the room row, look the id up, take the next seq, insert); each statement
        # in a PL/pgSQL function takes a fresh snapshot, so the look-up sees what a writer that
        # held the lock before us committed.
        f"""CREATE FUNCTION peerapp_put_post(
            p_room BYTEA, p_post BYTEA, p_blob BYTEA, p_hash BYTEA, p_day INTEGER,
            OUT o_status TEXT, OUT o_seq BIGINT, OUT o_blob BYTEA, OUT o_hash BYTEA, OUT o_delete_seq BIGINT
        ) LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM 1 FROM rooms WHERE id = p_room FOR UPDATE;
            IF NOT FOUND THEN
                o_status := 'no_room';
                RETURN;
            END IF;
            SELECT e.seq, e.blob, e.delete_hash INTO o_seq, o_blob, o_hash
                FROM events e WHERE e.room = p_room AND e.post_id = p_post AND e.kind = {POST};
            SELECT e.seq INTO o_delete_seq
                FROM events e WHERE e.room = p_room AND e.post_id = p_post AND e.kind = {DELETE};
            IF o_seq IS NOT NULL OR o_delete_seq IS NOT NULL THEN
                o_status := 'existing';
                RETURN;
            END IF;
            UPDATE rooms SET last_seq = last_seq + 1 WHERE id = p_room RETURNING last_seq INTO o_seq;
            INSERT INTO events (room, seq, kind, post_id, blob, delete_hash, day)
                VALUES (p_room, o_seq, {POST}, p_post, p_blob, p_hash, p_day);
            o_status := 'created';
        END;
        $$""",
    ],
    [
        # 3: protocol version 2. Old rooms are version 1 with no epoch and no door.
        "ALTER TABLE rooms ADD COLUMN version SMALLINT NOT NULL DEFAULT 1",
        "ALTER TABLE rooms ADD COLUMN epoch BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE rooms ADD COLUMN admin_gen BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE rooms ADD COLUMN door_pub BYTEA",
        "ALTER TABLE rooms ADD COLUMN door_gen BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE rooms ADD COLUMN door_expires BIGINT NOT NULL DEFAULT 0",
    ],
    [
        # 4: the data plane shared by every process (issue 18). Per room: suspension by the operator,
        # the blob bytes it holds and its posts on its last day, kept on the row the writers lock
        # anyway, so a quota costs no extra statement. Rate buckets are UNLOGGED: no WAL per request,
        # and after a crash they start full, which is the in-memory limiter's behaviour on restart.
        "ALTER TABLE rooms ADD COLUMN suspended BOOLEAN NOT NULL DEFAULT FALSE",
        "ALTER TABLE rooms ADD COLUMN bytes BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE rooms ADD COLUMN posts_day INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE rooms ADD COLUMN day_posts INTEGER NOT NULL DEFAULT 0",
        "UPDATE rooms SET bytes = COALESCE((SELECT SUM(octet_length(e.blob)) FROM events e WHERE e.room = rooms.id), 0)",
        """CREATE UNLOGGED TABLE rate_buckets (
            key BYTEA PRIMARY KEY,
            tokens DOUBLE PRECISION NOT NULL,
            at DOUBLE PRECISION NOT NULL
        )""",
        """CREATE TABLE creation_tokens (
            id TEXT PRIMARY KEY,
            hash BYTEA NOT NULL UNIQUE,
            created_day INTEGER NOT NULL
        )""",
        "DROP FUNCTION peerapp_put_post(BYTEA, BYTEA, BYTEA, BYTEA, INTEGER)",
        # Migration 2's function with the quota checks: a retry of a stored post still answers
        # "existing" in a full room, and the counters move with last_seq in the same UPDATE.
        f"""CREATE FUNCTION peerapp_put_post(
            p_room BYTEA, p_post BYTEA, p_blob BYTEA, p_hash BYTEA, p_day INTEGER,
            p_max_bytes BIGINT, p_max_posts INTEGER,
            OUT o_status TEXT, OUT o_seq BIGINT, OUT o_blob BYTEA, OUT o_hash BYTEA, OUT o_delete_seq BIGINT
        ) LANGUAGE plpgsql AS $$
        DECLARE
            r_bytes BIGINT;
            r_day INTEGER;
            r_posts INTEGER;
        BEGIN
            SELECT bytes, posts_day, day_posts INTO r_bytes, r_day, r_posts
                FROM rooms WHERE id = p_room FOR UPDATE;
            IF NOT FOUND THEN
                o_status := 'no_room';
                RETURN;
            END IF;
            SELECT e.seq, e.blob, e.delete_hash INTO o_seq, o_blob, o_hash
                FROM events e WHERE e.room = p_room AND e.post_id = p_post AND e.kind = {POST};
            SELECT e.seq INTO o_delete_seq
                FROM events e WHERE e.room = p_room AND e.post_id = p_post AND e.kind = {DELETE};
            IF o_seq IS NOT NULL OR o_delete_seq IS NOT NULL THEN
                o_status := 'existing';
                RETURN;
            END IF;
            IF r_day <> p_day THEN
                r_posts := 0;
            END IF;
            IF p_max_bytes > 0 AND r_bytes + octet_length(p_blob) > p_max_bytes THEN
                o_status := 'quota_bytes';
                RETURN;
            END IF;
            IF p_max_posts > 0 AND r_posts + 1 > p_max_posts THEN
                o_status := 'quota_posts';
                RETURN;
            END IF;
            UPDATE rooms SET last_seq = last_seq + 1, bytes = bytes + octet_length(p_blob),
                    posts_day = p_day, day_posts = r_posts + 1
                WHERE id = p_room RETURNING last_seq INTO o_seq;
            INSERT INTO events (room, seq, kind, post_id, blob, delete_hash, day)
                VALUES (p_room, o_seq, {POST}, p_post, p_blob, p_hash, p_day);
            o_status := 'created';
        END;
        $$""",
    ],
]

LISTED = f"(blob IS NOT NULL OR kind = {DELETE})"
# Several processes may start at once; one migrates while the others wait on this lock.
MIGRATION_LOCK = 0x7065657261707031  # "peerapp1"


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


class PostgresStore:
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

    @property
    def pool(self) -> asyncpg.Pool:
        assert self._pool is not None
        return self._pool

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

    # --- the data plane: shared limits, the disk budget, the operator's commands -----------------

    async def take_tokens(self, key: bytes, rate: float, burst: float, cost: float) -> int:
        if rate <= 0:
            return 0
        burst = max(burst, 1.0)
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
