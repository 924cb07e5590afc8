"""Members against a real server whose database went back in time, or with a cursor an older version let a
hostile page poison: the next sync recovers, and no post is skipped."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from peerapp.sync.engine import REWOUND
from support.servers import ServerProcess, sqlite_server, start_server  # noqa: F401
from support.sync_tools import new_service, record


@pytest.mark.parametrize("poison", [2**62 - 1, 10**15])
def test_a_poisoned_cursor_recovers_on_the_next_sync(
    tmp_path: Path,
    sqlite_server: ServerProcess,  # noqa: F811
    poison: int,
) -> None:
    alice, bob = new_service(tmp_path / "alice"), new_service(tmp_path / "bob")
    group, invite = alice.create_group_v1(sqlite_server.url, "Circle", "Quiet Fox")
    for text in ("one", "two"):
        alice.post(group.id, text)
    alice.sync(group.id)
    gb = bob.join_group(invite, "Calm Hill").id
    bob.sync(gb)
    # An older version took seq 2**62-1 (or 10**15) from a hostile page and stored it.
    with bob.store.transaction():
        bob.store.set_cursor(gb, poison)
        bob.store.conn.execute("UPDATE peer_group SET read_seq = ? WHERE id = ?", (poison, gb))
    alice.post(group.id, "three")
    alice.sync(group.id)
    result = bob.sync(gb)
    assert REWOUND in result.errors and result.received == 1
    assert [p.text for p in bob.feed(gb)] == ["three", "two", "one"]
    assert record(bob, gb).cursor == 3
    # The read mark came back down to the last post Bob really had: only "three" is new.
    assert bob.group(gb).unread == 1
    alice.post(group.id, "four")
    alice.sync(group.id)
    again = bob.sync(gb)
    assert (again.received, again.errors) == (1, [])


def copy_database(path: Path, to: Path) -> None:
    source, target = sqlite3.connect(path), sqlite3.connect(to)
    source.backup(target)  # a consistent copy while the server runs
    source.close()
    target.close()


def restore(server: ServerProcess, backup: Path) -> None:
    path = Path(server.db_url.removeprefix("sqlite:///"))
    server.stop()
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    backup.rename(path)
    server.start()


def test_a_member_sees_posts_that_reuse_seqs_after_a_rollback(tmp_path: Path) -> None:
    server = start_server(tmp_path, "sqlite")
    try:
        alice, bob = new_service(tmp_path / "alice"), new_service(tmp_path / "bob")
        group, invite = alice.create_group_v1(server.url, "Circle", "Quiet Fox")
        alice.post(group.id, "kept by the backup")
        alice.sync(group.id)
        copy_database(Path(server.db_url.removeprefix("sqlite:///")), tmp_path / "backup.db")
        for i in range(3):
            alice.post(group.id, f"lost in the restore {i}")
        alice.sync(group.id)
        gb = bob.join_group(invite, "Calm Hill").id
        bob.sync(gb)
        bob.mark_read(gb)
        assert record(bob, gb).cursor == 4 and bob.group(gb).unread == 0
        # The operator restores last night's copy and forgets --skip-seqs.
        restore(server, tmp_path / "backup.db")
        carol = new_service(tmp_path / "carol")
        gc = carol.join_group(invite, "Still Lake").id
        carol.post(gc, "written after the restore")  # the server gives it seq 2 again
        carol.sync(gc)
        result = bob.sync(gb)
        assert REWOUND in result.errors
        assert "written after the restore" in [p.text for p in bob.feed(gb)]
        # Bob keeps what the server lost; nothing he had is gone.
        assert len(bob.feed(gb)) == 5
        # The new post counts as unread although its seq is one Bob had read past (the posts the
        # server lost count again too: better read twice than missed).
        unread = bob.store.conn.execute(
            "SELECT body FROM group_post p JOIN peer_group g ON g.id = p.group_id"
            " WHERE p.seq > g.read_seq AND p.status = 'received'"
        ).fetchall()
        assert ("written after the restore",) in unread
    finally:
        server.stop()


def test_with_skip_seqs_a_restore_needs_no_rewind(tmp_path: Path) -> None:
    server = start_server(tmp_path, "sqlite")
    try:
        alice, bob = new_service(tmp_path / "alice"), new_service(tmp_path / "bob")
        group, invite = alice.create_group_v1(server.url, "Circle", "Quiet Fox")
        alice.post(group.id, "kept by the backup")
        alice.sync(group.id)
        copy_database(Path(server.db_url.removeprefix("sqlite:///")), tmp_path / "backup.db")
        for i in range(3):
            alice.post(group.id, f"lost in the restore {i}")
        alice.sync(group.id)
        gb = bob.join_group(invite, "Calm Hill").id
        bob.sync(gb)
        server.options["skip_seqs"] = 1000
        restore(server, tmp_path / "backup.db")
        alice.post(group.id, "written after the restore")
        alice.sync(group.id)
        result = bob.sync(gb)
        assert (result.received, result.errors) == (1, [])
        assert record(bob, gb).cursor > 1000
    finally:
        server.stop()
