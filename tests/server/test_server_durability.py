"""The server keeps what it acknowledged across a crash, and forgets what retention says to forget."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from peerapp.server.storage import today
from support.servers import (  # noqa: F401
    Room,
    ServerProcess,
    any_server,
    pg_cluster,
    sqlite_server,
    start_server,
    wait_until,
)


def test_sigkill_and_restart_keeps_everything_committed(any_server: ServerProcess) -> None:  # noqa: F811
    room = Room(any_server.url)
    assert room.create().status_code == 201
    posts = [room.post(f"post {i}") for i in range(20)]
    deleted_id, _, secret = posts[3]
    assert room.delete_author(deleted_id, secret).status_code == 200
    before = room.all_events()
    any_server.stop(kill=True)
    any_server.start()
    assert room.all_events() == before
    # Seqs go on from where they were: no reuse after the crash.
    assert room.post("after the crash")[1] == 22
    # And the deleted post stays deleted.
    _, blob, _ = room.seal()
    assert room.put(deleted_id, blob, secret).status_code == 410
    room.close()


def age(server: ServerProcess, sql: str) -> None:
    """Rewrite stored days directly, as if those rows had been written long ago."""
    if server.db_url.startswith("sqlite:///"):
        db = sqlite3.connect(server.db_url.removeprefix("sqlite:///"), timeout=30)
        with db:
            db.execute(sql)
        db.close()
    else:
        pg_cluster().psql(sql, server.db_url.rsplit("/", 1)[1])


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_retention_deletes_old_events_but_keeps_rooms_and_their_seqs(tmp_path: Path, backend: str) -> None:
    server = start_server(tmp_path, backend, retention_days=30, retention_interval=0.2)
    try:
        old_room, quiet_room = Room(server.url), Room(server.url)
        assert old_room.create().status_code == quiet_room.create().status_code == 201
        old = [old_room.post(f"old {i}")[1] for i in range(3)]
        fresh = old_room.post("fresh")[1]
        cutoff = today() - 31
        age(server, f"UPDATE events SET day = {cutoff} WHERE seq <= {old[-1]}")
        quiet = quiet_room.post("quiet")[1]
        age(server, f"UPDATE events SET day = {cutoff} WHERE seq <= {quiet}")
        age(server, f"UPDATE rooms SET created_day = {cutoff}")
        assert wait_until(lambda: [e["seq"] for e in old_room.all_events()] == [fresh])
        assert wait_until(lambda: quiet_room.all_events() == [])
        # An emptied room stays registered, so its members' cursors remain valid.
        assert quiet_room.events().status_code == 200
        assert quiet_room.post("again")[1] == quiet + 1
        # Seqs never go back, even after the old events are gone.
        assert old_room.post("later")[1] == fresh + 1
    finally:
        server.stop()


def test_sqlite_migrations_upgrade_an_old_database(tmp_path: Path) -> None:
    from peerapp.server.sqlite_store import MIGRATIONS

    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for sql in MIGRATIONS[0]:
        db.execute(sql)
    db.execute("INSERT INTO schema_version VALUES (1)")
    db.execute("INSERT INTO rooms VALUES (?, ?, ?, 7, ?)", (bytes(32), bytes(32), bytes(32), today()))
    db.commit()
    db.close()
    server = ServerProcess("sqlite:///" + str(path)).start()
    server.stop()
    db = sqlite3.connect(path)
    assert [v for (v,) in db.execute("SELECT version FROM schema_version ORDER BY version")] == list(
        range(1, len(MIGRATIONS) + 1)
    )
    assert db.execute("SELECT last_seq FROM rooms").fetchone() == (7,)
    # Migration 3 (protocol v2): an old room is a version-1 room, with no epoch and no door.
    assert db.execute("SELECT version, epoch, door_pub, door_gen FROM rooms").fetchone() == (1, 0, None, 0)
    # A database from a newer server is refused, not touched.
    db.execute("INSERT INTO schema_version VALUES (99)")
    db.commit()
    db.close()
    with pytest.raises(RuntimeError, match="could not start"):
        ServerProcess("sqlite:///" + str(path)).start()


def test_a_busy_port_or_a_bad_database_fails_with_a_message(
    sqlite_server: ServerProcess,  # noqa: F811
    tmp_path: Path,
) -> None:
    busy = ServerProcess("sqlite:///" + str(tmp_path / "other.db"), port=sqlite_server.port)
    with pytest.raises(RuntimeError, match="could not start"):
        busy.start()
    bad = ServerProcess("mysql://nowhere")
    with pytest.raises(RuntimeError, match="settings are not valid"):
        bad.start()


# --- durability level, the room's head, and restores ------------------------------------------


def test_the_sqlite_store_commits_with_wal_and_synchronous_full(tmp_path: Path) -> None:
    """An acknowledged seq survives a power cut: with WAL, NORMAL may drop the last commits; FULL may not."""
    import asyncio

    from peerapp.server.sqlite_store import SQLiteStore

    async def settings() -> list[tuple[object, ...]]:
        store = SQLiteStore(str(tmp_path / "s.db"))
        await store.open()
        try:
            found: list[tuple[object, ...]] = []
            for db in (store._writer, store._reader):
                assert db is not None
                rows = await db.execute_fetchall("PRAGMA journal_mode")
                sync = await db.execute_fetchall("PRAGMA synchronous")
                found.append((next(iter(rows))[0], next(iter(sync))[0]))
            return found
        finally:
            await store.close()

    assert asyncio.run(settings()) == [("wal", 2), ("wal", 2)]  # 2 is FULL


def test_postgres_sessions_commit_synchronously_whatever_the_database_default() -> None:
    import asyncio

    from peerapp.server.pg_store import PostgresStore

    url = pg_cluster().new_database()
    dbname = url.rsplit("/", 1)[1]
    # An operator's tuning (or an old habit) made asynchronous commit the database's default.
    pg_cluster().psql(f"ALTER DATABASE {dbname} SET synchronous_commit = off")

    async def setting() -> set[str]:
        store = PostgresStore(url)
        await store.open()
        try:
            async with store.pool.acquire() as a, store.pool.acquire() as b:
                return {
                    await a.fetchval("SHOW synchronous_commit"),
                    await b.fetchval("SHOW synchronous_commit"),
                }
        finally:
            await store.close()

    assert asyncio.run(setting()) == {"on"}


def test_events_carry_the_rooms_head(any_server: ServerProcess) -> None:  # noqa: F811
    room = Room(any_server.url)
    assert room.create().status_code == 201
    assert room.events().json()["head"] == 0
    seqs = [room.post(f"post {i}")[1] for i in range(5)]
    page = room.events(0, 2).json()
    assert page["head"] == seqs[-1] and page["more"] is True
    # Past the head, or with the last post deleted, the head is still the room's last seq.
    assert room.events(seqs[-1]).json() == {"events": [], "next": seqs[-1], "more": False, "head": seqs[-1]}
    post_id, _, secret = room.post("deleted")
    tomb = room.delete_author(post_id, secret).json()["seq"]
    assert room.events(10**15).json()["head"] == tomb
    room.close()


def test_a_database_restored_from_a_backup_never_reuses_a_seq_when_told(tmp_path: Path) -> None:
    server = start_server(tmp_path, "sqlite")
    path = Path(server.db_url.removeprefix("sqlite:///"))
    backup = tmp_path / "backup.db"
    try:
        room = Room(server.url)
        assert room.create().status_code == 201
        for i in range(3):
            room.post(f"before the backup {i}")
        source = sqlite3.connect(path)
        target = sqlite3.connect(backup)
        source.backup(target)  # a consistent copy while the server runs
        source.close()
        target.close()
        handed_out = [room.post(f"lost in the restore {i}")[1] for i in range(4)]
        server.stop()
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
        backup.rename(path)
        # The operator restores and starts the server once with --skip-seqs.
        server.options["skip_seqs"] = 1000
        server.start()
        assert "skipped 1000" in server.output
        assert room.events().json()["head"] == 3 + 1000
        seq = room.post("after the restore")[1]
        assert seq > max(handed_out)
        assert [e["seq"] for e in room.all_events()] == [1, 2, 3, seq]
        room.close()
    finally:
        server.stop()
