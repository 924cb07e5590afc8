"""The SQLite schema's numbered migrations (schema_version holds the last one applied); never edit a slot, add one."""

from __future__ import annotations

from peerapp.server.storage import POST

MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE rooms (
            id BLOB PRIMARY KEY,
            write_pub BLOB NOT NULL,
            admin_pub BLOB NOT NULL,
            last_seq INTEGER NOT NULL DEFAULT 0,
            created_day INTEGER NOT NULL
        )""",
        """CREATE TABLE events (
            room BLOB NOT NULL,
            seq INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            post_id BLOB,
            blob BLOB,
            delete_hash BLOB,
            by_admin INTEGER NOT NULL DEFAULT 0,
            proof BLOB,
            day INTEGER NOT NULL,
            PRIMARY KEY (room, seq)
        )""",
        # One post and one tombstone per post id; reports have no post id.
        "CREATE UNIQUE INDEX events_post ON events (room, post_id, kind) WHERE post_id IS NOT NULL",
        "CREATE INDEX events_day ON events (day)",
    ],
    [
        # The room's last seq follows every insert inside the same statement, so a post costs one
        # INSERT … SELECT last_seq + 1 under the write lock instead of a look-up, an UPDATE and an INSERT.
        """CREATE TRIGGER events_last_seq AFTER INSERT ON events BEGIN
            UPDATE rooms SET last_seq = NEW.seq WHERE id = NEW.room;
        END""",
    ],
    [
        # 3: protocol version 2. Old rooms are version 1 with no epoch and no door.
        "ALTER TABLE rooms ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE rooms ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE rooms ADD COLUMN admin_gen INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE rooms ADD COLUMN door_pub BLOB",
        "ALTER TABLE rooms ADD COLUMN door_gen INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE rooms ADD COLUMN door_expires INTEGER NOT NULL DEFAULT 0",
    ],
    [
        # 4: suspension by the operator, and the counters of the per-room quotas (blob bytes held,
        # posts on the room's last day), moved by triggers on every insert, blob removal and purge.
        "ALTER TABLE rooms ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE rooms ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE rooms ADD COLUMN posts_day INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE rooms ADD COLUMN day_posts INTEGER NOT NULL DEFAULT 0",
        "UPDATE rooms SET bytes = COALESCE((SELECT SUM(length(e.blob)) FROM events e WHERE e.room = rooms.id), 0)",
        """CREATE TABLE creation_tokens (
            id TEXT PRIMARY KEY,
            hash BLOB NOT NULL UNIQUE,
            created_day INTEGER NOT NULL
        )""",
        "DROP TRIGGER events_last_seq",
        # Every SET expression reads the row as it was, so day_posts compares the old posts_day.
        f"""CREATE TRIGGER events_last_seq AFTER INSERT ON events BEGIN
            UPDATE rooms SET last_seq = NEW.seq, bytes = bytes + COALESCE(length(NEW.blob), 0),
                day_posts = CASE WHEN NEW.kind <> {POST} THEN day_posts
                    WHEN posts_day = NEW.day THEN day_posts + 1 ELSE 1 END,
                posts_day = CASE WHEN NEW.kind = {POST} THEN NEW.day ELSE posts_day END
            WHERE id = NEW.room;
        END""",
        """CREATE TRIGGER events_blob AFTER UPDATE OF blob ON events BEGIN
            UPDATE rooms SET bytes = bytes - COALESCE(length(OLD.blob), 0) + COALESCE(length(NEW.blob), 0)
            WHERE id = NEW.room;
        END""",
        """CREATE TRIGGER events_gone AFTER DELETE ON events BEGIN
            UPDATE rooms SET bytes = bytes - COALESCE(length(OLD.blob), 0) WHERE id = OLD.room;
        END""",
    ],
]
