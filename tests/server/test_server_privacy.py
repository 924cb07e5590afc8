"""What the server keeps and prints: ciphertext only; no addresses, cookies, user agents or request logs."""

from __future__ import annotations

import sqlite3
import subprocess
import uuid
from pathlib import Path

import httpx

from peerapp.sync import protocol
from support.servers import Room, ServerProcess, any_server, pg_cluster  # noqa: F401

AGENT = "agent-" + uuid.uuid4().hex


def database_bytes(server: ServerProcess) -> bytes:
    """Every byte the database holds: the SQLite files, or a full dump of the PostgreSQL database."""
    if server.db_url.startswith("sqlite:///"):
        path = Path(server.db_url.removeprefix("sqlite:///"))
        return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    cluster = pg_cluster()
    dbname = server.db_url.rsplit("/", 1)[1]
    dump = subprocess.run(
        [str(cluster.bin / "pg_dump"), "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres", dbname],
        capture_output=True,
        check=True,
        timeout=120,
    )
    return dump.stdout


def exercise(server: ServerProcess, marker: str, pseudonym: str) -> list[httpx.Response]:
    """Create a room, post, report, delete, and hit a few error paths; return every response."""
    room = Room(server.url)
    room.http.headers["user-agent"] = AGENT
    responses = [room.create()]
    p = protocol
    secret = p.new_delete_secret()
    post_id = p.new_post_id()
    plain = p.post_plaintext(
        kind="post", author=pseudonym, body=marker, delete_hash=p.delete_hash(secret), at=0
    )
    blob = p.seal_post(room.keys, post_id, plain)
    responses.append(room.put(post_id, blob, secret))
    kept_id, kept_blob, kept_secret = room.seal(marker + " kept")
    responses.append(room.put(kept_id, kept_blob, kept_secret))
    responses.append(room.report(kept_id, marker + " report"))
    responses.append(room.delete_author(post_id, secret))
    responses.append(room.events())
    responses.append(room.http.get("/nowhere"))
    responses.append(room.http.put(f"/v1/rooms/{room.room}/posts/{post_id}", content=b"{bad"))
    responses.append(room.http.get(f"/v1/rooms/{'0' * 64}/events"))
    responses.append(room.http.get("/v1/health"))
    room.close()
    return responses


def test_the_database_holds_no_plaintext_address_or_agent(any_server: ServerProcess) -> None:  # noqa: F811
    marker = "marker-" + uuid.uuid4().hex
    pseudonym = "Pseudo" + uuid.uuid4().hex[:12]
    responses = exercise(any_server, marker, pseudonym)
    assert [r.status_code for r in responses[:6]] == [201, 200, 200, 200, 200, 200]
    any_server.stop()  # flush everything to the files
    data = database_bytes(any_server)
    assert len(data) > 1000
    for needle in (marker, pseudonym, AGENT, "127.0.0.1"):
        assert needle.encode() not in data, needle
        assert needle.encode().hex().encode() not in data, needle  # bytea in a dump is hex


def test_no_cookies_and_no_request_logs(any_server: ServerProcess) -> None:  # noqa: F811
    responses = exercise(any_server, "hello", "Quiet Fox")
    for response in responses:
        assert "set-cookie" not in response.headers
        assert "server" not in response.headers and "date" not in response.headers
    any_server.stop()
    lines = any_server.output.splitlines()
    assert lines[0] == f"listening on {any_server.url}"
    rest = "\n".join(lines[1:])
    for needle in ("127.0.0.1", AGENT, "/v1/", "GET", "PUT"):
        assert needle not in rest, (needle, rest)


def test_sqlite_schema_has_no_time_or_address_columns(tmp_path: Path) -> None:
    from support.servers import start_server

    with start_server(tmp_path, "sqlite") as server:
        Room(server.url).create()
    db = sqlite3.connect(server.db_url.removeprefix("sqlite:///"))
    columns = {
        table: [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    db.close()
    assert columns == {
        "schema_version": ["version"],
        # door_expires is the day an admin chose for the invite to end, not a record of anyone's time.
        "rooms": [
            "id",
            "write_pub",
            "admin_pub",
            "last_seq",
            "created_day",
            "version",
            "epoch",
            "admin_gen",
            "door_pub",
            "door_gen",
            "door_expires",
            # The data plane (issue 18): the operator's suspension, the quota counters (bytes held,
            # posts on the room's last day: a day, as events have).
            "suspended",
            "bytes",
            "posts_day",
            "day_posts",
        ],
        "events": ["room", "seq", "kind", "post_id", "blob", "delete_hash", "by_admin", "proof", "day"],
        # A creation token's hash and the day it was issued; nothing links it to the rooms it created.
        "creation_tokens": ["id", "hash", "created_day"],
    }
