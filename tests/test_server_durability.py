"""The server keeps what it acknowledged across a crash, and forgets what retention says to forget."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from servers import Room, ServerProcess, any_server, pg_cluster, sqlite_server, start_server, wait_until  # noqa: F401

from peerapp.server.storage import today


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
    assert [v for (v,) in db.execute("SELECT version FROM schema_version ORDER BY version")] == [1, 2]
    assert db.execute("SELECT last_seq FROM rooms").fetchone() == (7,)
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
