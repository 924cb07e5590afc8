"""Per-room quotas, the disk budget, suspension and the operator's CLI, against real servers on both backends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scale_support import admin, error_code, start

from support.servers import Room, pg_cluster

BACKENDS = ["sqlite", "postgresql"]


def blob_size(room: Room) -> int:
    return len(room.seal()[1])


def batch(room: Room, count: int) -> object:
    posts = [room.seal() for _ in range(count)]
    body = {"posts": [{"id": p, **room.put_body(p, b, s)} for p, b, s in posts]}
    return room.http.post(f"/v1/rooms/{room.room}/posts", json=body)


@pytest.mark.parametrize("backend", BACKENDS)
def test_room_bytes_quota(tmp_path: Path, backend: str) -> None:
    size = blob_size(Room("http://unused"))
    server = start(tmp_path, backend, data_plane={"room_quota_bytes": 3 * size})
    try:
        room, other = Room(server.url), Room(server.url)
        assert room.create().status_code == other.create().status_code == 201
        stored = [room.post() for _ in range(2)]
        # A batch of two would go past the quota: refused whole, nothing stored.
        refused = batch(room, 2)
        assert refused.status_code == 507  # type: ignore[attr-defined]
        assert error_code(refused) == "quota_bytes"
        assert len(room.all_events()) == 2
        kept = room.seal()
        third = room.put(*kept)
        assert third.status_code == 200
        post_id, blob, secret = room.seal()
        full = room.put(post_id, blob, secret)
        assert (full.status_code, error_code(full)) == (507, "quota_bytes")
        # A retry of a stored post still answers with its seq; other rooms are not touched.
        again = room.put(*kept)
        assert (again.status_code, again.json()["seq"]) == (200, 3)
        assert other.post()[1] == 1
        # Deleting a post frees its bytes.
        assert room.delete_author(stored[0][0], stored[0][2]).status_code == 200
        assert room.put(post_id, blob, secret).status_code == 200
        for r in (room, other):
            r.close()
    finally:
        server.stop()


@pytest.mark.parametrize("backend", BACKENDS)
def test_posts_per_day_quota(tmp_path: Path, backend: str) -> None:
    server = start(tmp_path, backend, data_plane={"room_day_posts": 4})
    try:
        room = Room(server.url)
        assert room.create().status_code == 201
        assert batch(room, 3).status_code == 200  # type: ignore[attr-defined]
        refused = batch(room, 2)
        assert error_code(refused) == "quota_posts"
        assert refused.status_code == 403  # type: ignore[attr-defined]
        room.post()
        last = room.put(*room.seal())
        assert error_code(last) == "quota_posts"
        assert 1 <= int(last.headers["retry-after"]) <= 86400
        # Reading is not a post: the room is still readable.
        assert len(room.all_events()) == 4
        room.close()
    finally:
        server.stop()


def test_disk_budget(tmp_path: Path) -> None:
    server = start(tmp_path, data_plane={"disk_budget": 1})
    try:
        room = Room(server.url)
        answer = room.create()
        assert (answer.status_code, error_code(answer)) == (507, "disk_full")
        room.close()
    finally:
        server.stop()


@pytest.mark.parametrize("backend", BACKENDS)
def test_suspend_without_reading(tmp_path: Path, backend: str) -> None:
    server = start(tmp_path, backend)
    try:
        room, other = Room(server.url), Room(server.url)
        assert room.create().status_code == other.create().status_code == 201
        room.post("abuse")
        suspended = admin(server.db_url, "suspend", room.room)
        assert suspended.returncode == 0, suspended.stderr
        for answer in (room.events(), room.put(*room.seal()), room.create(), room.report("x" * 32)):
            assert (answer.status_code, error_code(answer)) == (403, "room_suspended")
        assert other.post()[1] == 1
        lifted = admin(server.db_url, "suspend", room.room, "--lift")
        assert lifted.returncode == 0
        assert [e["seq"] for e in room.all_events()] == [1]
        missing = admin(server.db_url, "suspend", "ab" * 32)
        assert (missing.returncode, missing.stderr.strip()) == (
            1,
            "peerapp: There is no room with that id on this server.",
        )
        bad = admin(server.db_url, "suspend", "not-a-room")
        assert (bad.returncode, bad.stderr.strip()) == (1, "peerapp: A room id is 64 hexadecimal characters.")
        for r in (room, other):
            r.close()
    finally:
        server.stop()


def test_stats_prune_and_a_move_from_sqlite_to_postgresql(tmp_path: Path) -> None:
    server = start(tmp_path, "sqlite")
    try:
        room = Room(server.url)
        assert room.create().status_code == 201
        for n in range(3):
            room.post(f"post {n}")
        token = admin(server.db_url, "token", "issue").stdout.strip()
    finally:
        server.stop()
    source = server.db_url
    stats = admin(source, "stats", "--json")
    counts = json.loads(stats.stdout)
    assert {k: counts[k] for k in ("rooms", "events", "tokens", "suspended")} == {
        "rooms": 1,
        "events": 3,
        "tokens": 1,
        "suspended": 0,
    }
    assert counts["bytes"] == 3 * blob_size(room)
    # Human output: counts only, nothing that names a room.
    assert room.room not in admin(source, "stats").stdout

    out = tmp_path / "move.jsonl"
    exported = admin(source, "export", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    target = pg_cluster().new_database()
    imported = admin(target, "import", str(out))
    assert imported.returncode == 0, imported.stderr
    assert json.loads(admin(target, "stats", "--json").stdout) == counts
    # A second import into the now full database is refused with one line.
    twice = admin(target, "import", str(out))
    assert (twice.returncode, twice.stderr.strip()) == (
        1,
        "peerapp: The database to import into must be empty. Nothing was imported.",
    )

    moved = start(tmp_path, db_url=target, data_plane={"creation": "token"})
    try:
        reader = Room(moved.url)
        reader.keys, reader.admin = room.keys, room.admin
        assert [e["seq"] for e in reader.all_events()] == [1, 2, 3]
        assert reader.post("after the move")[1] == 4
        new = Room(moved.url)
        made = new.http.post("/v1/rooms", json=new.create_body(), headers={"peerapp-creation-token": token})
        assert made.status_code == 201
        for r in (reader, new, room):
            r.close()
    finally:
        moved.stop()

    # Prune: nothing is older than a day yet.
    pruned = admin(source, "prune", "--retention-days", "1")
    assert (pruned.returncode, pruned.stdout.strip()) == (0, "0")


def test_a_damaged_export_imports_nothing(tmp_path: Path) -> None:
    source = "sqlite:///" + str(tmp_path / "a.db")
    admin(source, "token", "issue")
    out = tmp_path / "x.jsonl"
    assert admin(source, "export", "-o", str(out)).returncode == 0
    lines = out.read_text().splitlines()
    out.write_text("\n".join([*lines, '["rooms", [1, 2']) + "\n")
    target = "sqlite:///" + str(tmp_path / "b.db")
    failed = admin(target, "import", str(out))
    assert (failed.returncode, failed.stderr.strip()) == (
        1,
        "peerapp: The file is not a whole peerapp server export. Nothing was imported.",
    )
    assert json.loads(admin(target, "stats", "--json").stdout)["tokens"] == 0
    assert "Traceback" not in failed.stderr


def test_an_export_that_cannot_be_written_leaves_nothing(tmp_path: Path) -> None:
    source = "sqlite:///" + str(tmp_path / "a.db")
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "missing-dir" / "x.jsonl"
    failed = admin(source, "export", "-o", str(target))
    assert (failed.returncode, failed.stderr.strip()) == (
        1,
        "peerapp: The export file could not be written. Nothing was left behind.",
    )
    assert list(folder.iterdir()) == []


def test_admin_usage_and_database_errors(tmp_path: Path) -> None:
    usage = admin("sqlite:///" + str(tmp_path / "a.db"), "frobnicate")
    assert usage.returncode == 2
    assert usage.stderr.count("\n") == 1
    down = admin("postgresql://nobody@127.0.0.1:1/none", "stats")
    assert down.returncode == 1
    assert down.stderr.strip() == (
        "peerapp: The server's database could not be opened. Check --db and that the database is running."
    )
