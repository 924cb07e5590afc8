"""The vault rows of version 2 groups that GroupStore does not cover: the group row, verified posts,
the queued v2 actions ("intents" a sync carries out after pulling), and re-sealing queued posts."""

from __future__ import annotations

import json
from typing import Any

from peerapp.core.db import Connection

from .. import models
from ..errors import GroupExists
from ..store import now_iso
from . import saved
from .state import GroupState

OP_V2 = "v2"  # an outbox row holding an action for the sync to carry out: {"do": ..., ...}


def add_group(conn: Connection, *, name: str, server_url: str, state: GroupState, pseudonym: str) -> int:
    room = state.room_id.hex()
    if conn.execute("SELECT 1 FROM peer_group WHERE room = ?", (room,)).fetchone():
        raise GroupExists()
    # `secret` is v1's S: a v2 group has none (an empty value makes any v1 path fail loudly).
    cur = conn.execute(
        "INSERT INTO peer_group (name, server_url, secret, admin_pub, admin_key, room, pseudonym,"
        " created_at, version) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 2)",
        (name, server_url, b"", state.admin_pub, room, pseudonym, now_iso()),
    )
    assert cur.lastrowid is not None
    saved.save(conn, cur.lastrowid, state)
    return cur.lastrowid


def version(conn: Connection, group_id: int) -> int:
    row = conn.execute("SELECT version FROM peer_group WHERE id = ?", (group_id,)).fetchone()
    return 1 if row is None else int(row[0])


def enqueue(conn: Connection, group_id: int, action: dict[str, Any]) -> None:
    conn.execute(
        "INSERT INTO group_outbox (group_id, op, post_id, payload) VALUES (?, ?, NULL, ?)",
        (group_id, OP_V2, json.dumps(action)),
    )


def intents(conn: Connection, group_id: int) -> list[tuple[int, dict[str, Any]]]:
    rows = conn.execute(
        "SELECT id, payload FROM group_outbox WHERE group_id = ? AND op = ? ORDER BY id", (group_id, OP_V2)
    ).fetchall()
    return [(int(r[0]), json.loads(r[1])) for r in rows]


def insert_post(
    conn: Connection,
    group_id: int,
    post_id: str,
    fields: dict[str, Any],
    *,
    author: str,
    verified: bool,
    status: str,
    mine: bool,
    seq: int | None = None,
    delete_secret: bytes | None = None,
    blob: bytes | None = None,
) -> None:
    conn.execute(
        "INSERT INTO group_post (group_id, id, kind, author, body, cw, reply_to, at, dhash, seq,"
        " status, mine, delete_secret, blob, verified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            group_id,
            post_id,
            fields["k"],
            author,
            fields["b"],
            fields.get("cw", ""),
            fields.get("r"),
            fields["t"],
            fields["d"],
            seq,
            status,
            int(mine),
            delete_secret,
            blob,
            int(verified),
        ),
    )


def known_posts(conn: Connection, group_id: int, ids: list[str]) -> dict[str, tuple[bool, str]]:
    """Of these post ids, those already here: id -> (mine, status)."""
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT id, mine, status FROM group_post WHERE group_id = ? AND id IN ({marks})", (group_id, *ids)
    )
    return {str(r[0]): (bool(r[1]), str(r[2])) for r in rows}


def tombstones(conn: Connection, group_id: int, ids: list[str]) -> dict[str, tuple[str, str]]:
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT post_id, method, proof FROM group_tombstone WHERE group_id = ? AND post_id IN ({marks})",
        (group_id, *ids),
    )
    return {str(r[0]): (str(r[1]), str(r[2])) for r in rows}


def insert_received(
    conn: Connection, group_id: int, rows: list[tuple[str, dict[str, Any], str, bool, str, bool, int]]
) -> None:
    """Posts from the room, in one statement: (id, fields, author, verified, status, mine, seq) each."""
    conn.executemany(
        "INSERT INTO group_post (group_id, id, kind, author, body, cw, reply_to, at, dhash, seq,"
        " status, mine, verified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (group_id, pid, f["k"], author, f["b"], f.get("cw", ""), f.get("r"), f["t"], f["d"], seq,
             status, int(mine), int(verified))
            for pid, f, author, verified, status, mine, seq in rows
        ],
    )  # fmt: skip


def queued_puts(conn: Connection, group_id: int) -> list[tuple[str, dict[str, Any], bytes | None]]:
    """Posts waiting in the outbox: (id, their fields, the blob they were sealed in)."""
    rows = conn.execute(
        "SELECT p.id, p.kind, p.body, p.cw, p.reply_to, p.at, p.dhash, p.blob FROM group_outbox o"
        " JOIN group_post p ON p.group_id = o.group_id AND p.id = o.post_id"
        " WHERE o.group_id = ? AND o.op = 'put' AND p.status = ?",
        (group_id, models.PENDING),
    ).fetchall()
    return [
        (r[0], {"k": r[1], "b": r[2], "cw": r[3], "r": r[4], "t": r[5], "d": r[6], "seen": []}, r[7])
        for r in rows
    ]


def set_blob(conn: Connection, group_id: int, post_id: str, blob: bytes) -> None:
    """A queued post sealed again (and signed: so verified, even one first written as v1)."""
    conn.execute(
        "UPDATE group_post SET blob = ?, verified = 1 WHERE group_id = ? AND id = ?",
        (blob, group_id, post_id),
    )


def become_v2(conn: Connection, group_id: int, state: GroupState, pseudonym: str, *, creator: bool) -> None:
    """Switch a v1 group on this device to v2 (its old posts stay, unverified) and queue its join.
    v1's S is forgotten: every v1 member held it, so it protects nothing from now on."""
    saved.save(conn, group_id, state)
    conn.execute("UPDATE peer_group SET version = 2, secret = ? WHERE id = ?", (b"", group_id))
    conn.execute("DELETE FROM group_outbox WHERE group_id = ? AND op = 'create'", (group_id,))
    enqueue(conn, group_id, {"do": "join", "p": pseudonym})
    if creator:
        enqueue(conn, group_id, {"do": "promote_me"})
        enqueue(conn, group_id, {"do": "grant"})
