"""A database written by an older server (schema 1 or 3, built with those migrations' DDL and rows
written by hand) upgrades cleanly on both backends when a real server starts on it."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from scale_support import admin, error_code, start

from peerapp.server import pg_store, sqlite_store
from peerapp.server.storage import DELETE, POST, REPORT, today
from support.servers import Room, pg_cluster

LATEST = len(sqlite_store.MIGRATIONS)


def old_rows(room: Room) -> tuple[list[tuple[Any, ...]], int]:
    """Events of one v1 room as an older server stored them: posts, a deletion, a report.

    Returns the rows (room, seq, kind, post_id, blob, delete_hash, by_admin, proof, day) and the
    blob bytes the room still holds.
    """
    p, rid = room.p, room.keys.room_id
    rows: list[tuple[Any, ...]] = []
    for seq in (1, 2, 3):
        post_id, blob, secret = room.seal(f"old post {seq}")
        rows.append(
            (rid, seq, POST, bytes.fromhex(post_id), blob, p.delete_hash(secret), False, None, today())
        )
    # Post 2 was deleted by its author: its blob is gone, its tombstone is seq 4.
    rows[1] = (*rows[1][:4], None, *rows[1][5:])
    rows.append((rid, 4, DELETE, rows[1][3], None, None, False, b"s" * 32, today()))
    report = p.seal_report(bytes(room.admin.verify_key), rows[0][3].hex(), "unkind")
    rows.append((rid, 5, REPORT, None, report, None, False, None, today()))
    held = sum(len(r[4]) for r in rows if r[4] is not None)
    return rows, held


def room_row(room: Room) -> tuple[Any, ...]:
    return (room.keys.room_id, room.keys.write_pub, bytes(room.admin.verify_key), 5, today())


def build_sqlite(path: Path, schema: int, room: Room) -> int:
    rows, held = old_rows(room)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, statements in enumerate(sqlite_store.MIGRATIONS[:schema], start=1):
        for sql in statements:
            db.execute(sql)
        db.execute("INSERT INTO schema_version VALUES (?)", (number,))
    db.execute(
        "INSERT INTO rooms (id, write_pub, admin_pub, last_seq, created_day) VALUES (?, ?, ?, ?, ?)",
        room_row(room),
    )
    db.executemany(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [(*r[:6], int(r[6]), *r[7:]) for r in rows]
    )
    # Schema 2's trigger moved last_seq as the rows went in; an older server's rows say 5 either way.
    db.execute("UPDATE rooms SET last_seq = 5")
    db.commit()
    db.close()
    return held


async def _build_pg(url: str, schema: int, room: Room) -> int:
    rows, held = old_rows(room)
    db = await asyncpg.connect(url)
    try:
        await db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for number, statements in enumerate(pg_store.MIGRATIONS[:schema], start=1):
            for sql in statements:
                await db.execute(sql)
            await db.execute("INSERT INTO schema_version VALUES ($1)", number)
        await db.execute(
            "INSERT INTO rooms (id, write_pub, admin_pub, last_seq, created_day) VALUES ($1, $2, $3, $4, $5)",
            *room_row(room),
        )
        await db.executemany("INSERT INTO events VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", rows)
    finally:
        await db.close()
    return held


def build(tmp_path: Path, backend: str, schema: int, room: Room) -> tuple[str, int]:
    if backend == "sqlite":
        path = tmp_path / "old.db"
        return "sqlite:///" + str(path), build_sqlite(path, schema, room)
    url = pg_cluster().new_database()
    return url, asyncio.run(_build_pg(url, schema, room))


def schema_of(url: str) -> int:
    if url.startswith("sqlite:///"):
        db = sqlite3.connect(url.removeprefix("sqlite:///"))
        try:
            return int(db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0])
        finally:
            db.close()

    async def read() -> int:
        db = await asyncpg.connect(url)
        try:
            return int(await db.fetchval("SELECT MAX(version) FROM schema_version"))
        finally:
            await db.close()

    return asyncio.run(read())


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
@pytest.mark.parametrize("schema", [1, 3])
def test_an_older_database_upgrades_and_keeps_serving(tmp_path: Path, backend: str, schema: int) -> None:
    keys = Room("http://unused")
    url, held = build(tmp_path, backend, schema, keys)
    # The room may take two more posts' bytes than it holds: the quota must count what was there before.
    room_bytes = held + 2 * len(keys.seal()[1])
    server = start(tmp_path, db_url=url, data_plane={"room_quota_bytes": room_bytes})
    try:
        assert schema_of(url) == LATEST
        room = Room(server.url)
        room.keys, room.admin = keys.keys, keys.admin
        events = room.all_events()
        assert [(e["seq"], e["type"]) for e in events] == [
            (1, "post"),
            (3, "post"),
            (4, "delete"),
            (5, "report"),
        ]
        stats = admin(url, "stats", "--json")
        assert stats.returncode == 0, stats.stderr
        assert json.loads(stats.stdout)["bytes"] == held
        # New posts follow the old seqs, and the room's byte count was carried over: it fills up at
        # the quota that counts the old posts' bytes.
        codes = []
        for _ in range(4):
            answer = room.put(*room.seal())
            codes.append(answer.json().get("seq") if answer.status_code == 200 else error_code(answer))
        assert codes == [6, 7, "quota_bytes", "quota_bytes"]
        room.close()
    finally:
        server.stop()
    # A second start finds nothing left to do.
    again = start(tmp_path, db_url=url)
    again.stop()
    assert schema_of(url) == LATEST
