"""The groups' rows in the vault: groups, posts, the outbox, tombstones, reports and cursors."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

import nacl.signing

from peerapp.core.db import Connection

from . import creation, models, protocol
from .errors import AmbiguousPost, GroupExists, GroupNotFound, PostNotFound
from .feed_store import FeedQueries

# Outbox operations, sent oldest first within a group.
OP_CREATE, OP_PUT, OP_DELETE, OP_REPORT = "create", "put", "delete", "report"


def now_iso() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class GroupRecord:
    """A group with its secrets: stays inside the sync package, never shown or logged."""

    id: int
    name: str
    server_url: str
    secret: bytes
    admin_pub: bytes
    admin_seed: bytes | None
    room: str
    pseudonym: str
    cursor: int
    failures: int

    @cached_property
    def keys(self) -> protocol.GroupKeys:
        return protocol.GroupKeys.from_secret(self.secret)

    @property
    def admin_key(self) -> nacl.signing.SigningKey | None:
        return nacl.signing.SigningKey(self.admin_seed) if self.admin_seed else None

    def __repr__(self) -> str:  # secrets must not reach a traceback or a log by accident
        return f"GroupRecord(id={self.id})"


@dataclass(frozen=True)
class OutboxItem:
    id: int
    op: str
    post_id: str | None
    payload: dict[str, Any]
    blob: bytes | None  # for puts: the sealed post
    dhash: str | None
    attempted: bool


@dataclass(frozen=True)
class StoredPost:
    id: str
    kind: str
    author: str
    body: str
    dhash: str
    status: str
    mine: bool
    reply_to: str | None
    delete_secret: bytes | None
    blob: bytes | None
    seq: int | None


_GROUP_COLUMNS = "id, name, server_url, secret, admin_pub, admin_key, room, pseudonym, cursor, failures"
_POST_COLUMNS = "id, kind, author, body, dhash, status, mine, reply_to, delete_secret, blob, seq"


class GroupStore(FeedQueries):
    """All SQL about groups. Methods that change several rows run in one transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error; nests by doing nothing inside."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- groups -------------------------------------------------------------------------

    def add_group(
        self,
        *,
        name: str,
        server_url: str,
        secret: bytes,
        admin_pub: bytes,
        admin_seed: bytes | None,
        pseudonym: str,
    ) -> int:
        room = protocol.GroupKeys.from_secret(secret).room
        if self.conn.execute("SELECT 1 FROM peer_group WHERE room = ?", (room,)).fetchone():
            raise GroupExists()
        cur = self.conn.execute(
            "INSERT INTO peer_group (name, server_url, secret, admin_pub, admin_key, room, pseudonym,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (name, server_url, secret, admin_pub, admin_seed, room, pseudonym, now_iso()),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def record(self, group_id: int) -> GroupRecord:
        row = self.conn.execute(
            f"SELECT {_GROUP_COLUMNS} FROM peer_group WHERE id = ?", (group_id,)
        ).fetchone()
        if row is None:
            raise GroupNotFound(str(group_id))
        return GroupRecord(*row)

    def find_group(self, ref: int | str) -> int:
        """A local id (number) or an exact name."""
        if isinstance(ref, int) or ref.strip().isdigit():
            row = self.conn.execute("SELECT id FROM peer_group WHERE id = ?", (int(ref),)).fetchone()
            if row is not None or isinstance(ref, int):
                if row is None:
                    raise GroupNotFound(str(ref))
                return int(row[0])
        rows = self.conn.execute("SELECT id FROM peer_group WHERE name = ?", (str(ref),)).fetchall()
        if len(rows) != 1:
            raise GroupNotFound(str(ref))
        return int(rows[0][0])

    def group_ids(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM peer_group ORDER BY id")]

    def groups(self) -> list[models.Group]:
        # `pending` counts what the user did; a v2 group's own setup steps (v2/intents.py) are not.
        rows = self.conn.execute(
            """SELECT g.id, g.name, g.server_url, g.pseudonym, g.admin_key IS NOT NULL,
                (SELECT count(*) FROM group_outbox o WHERE o.group_id = g.id AND NOT (o.op = 'v2'
                    AND json_extract(o.payload, '$.do') IN ('join', 'knock', 'promote_me', 'grant'))),
                (SELECT count(*) FROM group_post p WHERE p.group_id = g.id AND p.mine = 0
                    AND p.kind = 'post' AND p.status = 'received' AND p.seq > g.read_seq),
                g.last_sync_at, g.last_error
            FROM peer_group g ORDER BY g.id"""
        ).fetchall()
        return [
            models.Group(
                id=r[0],
                name=r[1],
                server_url=creation.public_url(r[2]),  # never an operator's creation token
                pseudonym=r[3],
                is_admin=bool(r[4]),
                pending=r[5],
                unread=r[6],
                last_sync_at=r[7],
                last_error=r[8],
            )
            for r in rows
        ]

    def set_pseudonym(self, group_id: int, pseudonym: str) -> None:
        self.record(group_id)
        self.conn.execute("UPDATE peer_group SET pseudonym = ? WHERE id = ?", (pseudonym, group_id))

    def delete_group(self, group_id: int) -> None:
        """Every row of the group goes (foreign keys cascade; secure_delete overwrites them)."""
        self.record(group_id)
        with self.transaction():
            for table in ("group_outbox", "group_tombstone", "group_report", "group_post", "group_v2"):
                self.conn.execute(f"DELETE FROM {table} WHERE group_id = ?", (group_id,))
            self.conn.execute("DELETE FROM peer_group WHERE id = ?", (group_id,))

    def mark_read(self, group_id: int) -> None:
        self.conn.execute("UPDATE peer_group SET read_seq = cursor WHERE id = ?", (group_id,))

    def set_cursor(self, group_id: int, cursor: int) -> None:
        self.conn.execute("UPDATE peer_group SET cursor = ? WHERE id = ?", (cursor, group_id))

    def sync_succeeded(self, group_id: int) -> None:
        self.conn.execute(
            "UPDATE peer_group SET last_sync_at = ?, last_error = NULL, failures = 0 WHERE id = ?",
            (now_iso(), group_id),
        )

    def sync_failed(self, group_id: int, code: str) -> None:
        """Record a failed sync with its error code (errors.error_code), never translated text."""
        self.conn.execute(
            "UPDATE peer_group SET last_error = ?, failures = failures + 1 WHERE id = ?",
            (code, group_id),
        )

    # -- outbox -------------------------------------------------------------------------

    def enqueue(self, group_id: int, op: str, post_id: str | None, payload: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO group_outbox (group_id, op, post_id, payload) VALUES (?, ?, ?, ?)",
            (group_id, op, post_id, json.dumps(payload)),
        )

    def outbox(self, group_id: int, *, after: int = 0, limit: int = 200) -> list[OutboxItem]:
        rows = self.conn.execute(
            """SELECT o.id, o.op, o.post_id, o.payload, p.blob, p.dhash, o.attempted
            FROM group_outbox o LEFT JOIN group_post p ON o.op = 'put' AND p.group_id = o.group_id
                AND p.id = o.post_id
            WHERE o.group_id = ? AND o.id > ? ORDER BY o.id LIMIT ?""",
            (group_id, after, limit),
        ).fetchall()
        return [OutboxItem(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5], bool(r[6])) for r in rows]

    def mark_attempted(self, item_ids: Sequence[int]) -> None:
        self.conn.executemany("UPDATE group_outbox SET attempted = 1 WHERE id = ?", [(i,) for i in item_ids])

    def drop_op(self, item_id: int) -> None:
        self.conn.execute("DELETE FROM group_outbox WHERE id = ?", (item_id,))

    def mark_sent(self, item_id: int, group_id: int, post_id: str, seq: int) -> None:
        """The server holds the post: record its seq and forget the blob, in one transaction."""
        self.mark_sent_many(group_id, [(item_id, post_id, seq)])

    def mark_sent_many(self, group_id: int, sent: Sequence[tuple[int, str, int]]) -> None:
        """The server holds these posts, (outbox item, post id, seq) each: one transaction for all."""
        with self.transaction():
            self.conn.executemany(
                "UPDATE group_post SET status = CASE status WHEN 'pending' THEN 'sent' ELSE status END,"
                " seq = ?, blob = NULL WHERE group_id = ? AND id = ?",
                [(seq, group_id, post_id) for _item, post_id, seq in sent],
            )
            self.conn.executemany("DELETE FROM group_outbox WHERE id = ?", [(item,) for item, _p, _s in sent])

    def set_post_status(self, item_id: int, group_id: int, post_id: str, status: str) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE group_post SET status = ? WHERE group_id = ? AND id = ?", (status, group_id, post_id)
            )
            self.drop_op(item_id)

    def unsent_put(self, group_id: int, post_id: str) -> int | None:
        """The outbox row of a put never tried yet (so the server cannot have the post)."""
        row = self.conn.execute(
            "SELECT id FROM group_outbox WHERE group_id = ? AND op = 'put' AND post_id = ? AND attempted = 0",
            (group_id, post_id),
        ).fetchone()
        return None if row is None else int(row[0])

    def put_op(self, group_id: int, post_id: str) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM group_outbox WHERE group_id = ? AND op = 'put' AND post_id = ?",
            (group_id, post_id),
        ).fetchone()
        return None if row is None else int(row[0])

    # -- posts --------------------------------------------------------------------------

    def insert_post(
        self,
        group_id: int,
        post_id: str,
        value: dict[str, Any],
        *,
        status: str,
        mine: bool,
        seq: int | None = None,
        delete_secret: bytes | None = None,
        blob: bytes | None = None,
    ) -> None:
        self.conn.execute(
            "INSERT INTO group_post (group_id, id, kind, author, body, cw, reply_to, at, dhash, seq,"
            " status, mine, delete_secret, blob) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                group_id,
                post_id,
                value["k"],
                value["a"],
                value["b"],
                value.get("cw", ""),
                value.get("r"),
                value["t"],
                value["d"],
                seq,
                status,
                int(mine),
                delete_secret,
                blob,
            ),
        )

    def post(self, group_id: int, post_id: str) -> StoredPost | None:
        row = self.conn.execute(
            f"SELECT {_POST_COLUMNS} FROM group_post WHERE group_id = ? AND id = ?", (group_id, post_id)
        ).fetchone()
        if row is None:
            return None
        return StoredPost(
            row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), row[7], row[8], row[9], row[10]
        )

    def resolve_post(self, group_id: int, prefix: str) -> str:
        """A full post id from an id or a unique prefix of at least 4 characters."""
        prefix = prefix.strip().lower()
        if len(prefix) < 4 or any(c not in "0123456789abcdef" for c in prefix):
            raise PostNotFound(prefix)
        rows = self.conn.execute(
            "SELECT id FROM group_post WHERE group_id = ? AND id >= ? AND id < ? AND status != 'deleted'"
            " LIMIT 2",
            (group_id, prefix, prefix + "g"),
        ).fetchall()
        if not rows:
            raise PostNotFound(prefix)
        if len(rows) > 1:
            raise AmbiguousPost(prefix)
        return str(rows[0][0])

    def mark_deleted(self, group_id: int, post_id: str) -> None:
        """Hide a post and overwrite its text (secure_delete clears the old bytes)."""
        self.conn.execute(
            "UPDATE group_post SET status = 'deleted', body = '', cw = '', blob = NULL"
            " WHERE group_id = ? AND id = ?",
            (group_id, post_id),
        )

    def remove_post(self, group_id: int, post_id: str) -> None:
        self.conn.execute("DELETE FROM group_post WHERE group_id = ? AND id = ?", (group_id, post_id))

    def my_reaction(self, group_id: int, post_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT id FROM group_post WHERE group_id = ? AND reply_to = ? AND kind = 'reaction' AND mine = 1"
            " AND status != 'deleted' LIMIT 1",
            (group_id, post_id),
        ).fetchone()
        return None if row is None else str(row[0])

    def recent_seen(self, group_id: int, count: int = 8) -> list[str]:
        rows = self.conn.execute(
            "SELECT id FROM group_post WHERE group_id = ? AND seq IS NOT NULL ORDER BY seq DESC LIMIT ?",
            (group_id, count),
        ).fetchall()
        return [r[0] for r in rows]

    # -- tombstones and reports ---------------------------------------------------------

    def tombstone(self, group_id: int, post_id: str) -> tuple[str, str] | None:
        row = self.conn.execute(
            "SELECT method, proof FROM group_tombstone WHERE group_id = ? AND post_id = ?",
            (group_id, post_id),
        ).fetchone()
        return None if row is None else (str(row[0]), str(row[1]))

    def add_tombstone(self, group_id: int, post_id: str, method: str, proof: str) -> None:
        # An admin tombstone is already verified; it wins over an unverified author one.
        self.conn.execute(
            "INSERT INTO group_tombstone (group_id, post_id, method, proof) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (group_id, post_id) DO UPDATE SET method = excluded.method, proof = excluded.proof"
            " WHERE excluded.method = 'admin'",
            (group_id, post_id, method, proof),
        )

    def add_report(self, group_id: int, seq: int, post_id: str, reason: str) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO group_report (group_id, seq, post_id, reason) VALUES (?, ?, ?, ?)",
            (group_id, seq, post_id, reason),
        )

    def reports(self, group_id: int) -> list[models.Report]:
        rows = self.conn.execute(
            "SELECT seq, post_id, reason FROM group_report WHERE group_id = ? ORDER BY seq", (group_id,)
        ).fetchall()
        return [models.Report(r[0], r[1], r[2]) for r in rows]
