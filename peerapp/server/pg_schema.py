"""The PostgreSQL schema's numbered migrations (schema_version holds the last one applied); never edit a slot, add one."""

from __future__ import annotations

from peerapp.server.storage import DELETE, POST

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
