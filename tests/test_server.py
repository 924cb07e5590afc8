"""The group server's HTTP API against a real server process, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from servers import Room, ServerProcess, any_server  # noqa: F401

from peerapp.sync import protocol


@pytest.fixture
def room(any_server: ServerProcess) -> Iterator[Room]:  # noqa: F811
    r = Room(any_server.url)
    assert r.create().status_code == 201
    yield r
    r.close()


def error_code(response: httpx.Response) -> str:
    assert response.headers["content-type"] == "application/json"
    return str(response.json()["error"]["code"])


def test_health(any_server: ServerProcess) -> None:  # noqa: F811
    response = httpx.get(any_server.url + "/v1/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "version": 1}
    assert "set-cookie" not in response.headers
    assert "server" not in response.headers


def test_create_room(any_server: ServerProcess) -> None:  # noqa: F811
    r = Room(any_server.url)
    body = r.create_body()
    first = r.http.post("/v1/rooms", json=body)
    assert (first.status_code, first.json()) == (201, {"room": r.room})
    # The same keys again: already there, fine.
    again = r.http.post("/v1/rooms", json=body)
    assert (again.status_code, again.json()) == (200, {"room": r.room})
    # Someone else's keys for the same room id, correctly signed by their own write key.
    other = Room(any_server.url)
    forged = dict(other.create_body(), room=r.room)
    p = protocol
    write_pub, admin_pub = other.keys.write_pub, bytes(other.admin.verify_key)
    forged["sig"] = p.b64e(
        p.sign(other.keys.write_key, p.create_message(r.keys.room_id, write_pub, admin_pub))
    )
    clash = r.http.post("/v1/rooms", json=forged)
    assert (clash.status_code, error_code(clash)) == (409, "room_exists")


def test_create_room_with_a_bad_signature(any_server: ServerProcess) -> None:  # noqa: F811
    r = Room(any_server.url)
    body = r.create_body()
    body["sig"] = protocol.b64e(bytes(64))
    response = r.http.post("/v1/rooms", json=body)
    assert (response.status_code, error_code(response)) == (403, "bad_signature")
    # Nothing was created: the room is unknown.
    assert error_code(r.events()) == "no_room"


def test_put_is_idempotent(room: Room) -> None:
    post_id, blob, secret = room.seal("once")
    first = room.put(post_id, blob, secret)
    second = room.put(post_id, blob, secret)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    events = room.all_events()
    assert [(e["type"], e["id"], e["seq"]) for e in events] == [("post", post_id, first.json()["seq"])]
    assert protocol.b64d(events[0]["blob"], max_len=protocol.MAX_BLOB) == blob
    # Other bytes under the same id: a conflict, and the stored post is unchanged.
    _, other_blob, _ = room.seal("twice")
    clash = room.put(post_id, other_blob, secret)
    assert (clash.status_code, error_code(clash)) == (409, "conflict")
    clash = room.put(post_id, blob, protocol.new_delete_secret())
    assert (clash.status_code, error_code(clash)) == (409, "conflict")
    assert room.all_events() == events


def test_concurrent_duplicate_puts_store_one_post(room: Room) -> None:
    post_id, blob, secret = room.seal("at the same time")
    body = room.put_body(post_id, blob, secret)
    url = f"{str(room.http.base_url).rstrip('/')}/v1/rooms/{room.room}/posts/{post_id}"

    def put(_: int) -> tuple[int, object]:
        response = httpx.put(url, json=body, timeout=30)
        return response.status_code, response.json()

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(put, range(16)))
    assert {status for status, _ in results} == {200}
    assert len({str(value) for _, value in results}) == 1
    assert [e["id"] for e in room.all_events()] == [post_id]


def test_sequence_has_no_gaps_under_concurrent_writers(room: Room) -> None:
    def write(i: int) -> int:
        return room.post(f"post {i}")[1]

    with ThreadPoolExecutor(8) as pool:
        seqs = sorted(pool.map(write, range(40)))
    assert seqs == list(range(1, 41))
    assert [e["seq"] for e in room.all_events()] == seqs


def test_bad_write_signature_is_rejected(room: Room) -> None:
    post_id, blob, secret = room.seal()
    body = room.put_body(post_id, blob, secret)
    # Signed for another post id, with another key, or over other bytes: all refused.
    other_id = protocol.new_post_id()
    stranger = Room(str(room.http.base_url))
    _, other_blob, _ = room.seal("swapped")
    path = f"/v1/rooms/{room.room}/posts/{post_id}"
    tries = [
        room.http.put(f"/v1/rooms/{room.room}/posts/{other_id}", json=body),
        room.http.put(path, json=dict(body, sig=stranger.put_body(post_id, blob, secret)["sig"])),
        room.http.put(path, json=dict(body, blob=protocol.b64e(other_blob))),
        room.http.put(path, json=dict(body, delete_hash=protocol.b64e(bytes(32)))),
    ]
    for response in tries:
        assert (response.status_code, error_code(response)) == (403, "bad_signature")
    assert room.all_events() == []
    stranger.close()
