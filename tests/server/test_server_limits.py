"""Server limits against a real process: body size, page size and bytes, rates."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from peerapp.sync import protocol
from support.servers import Room, ServerProcess, sqlite_server, start_server  # noqa: F401


def error_code(response: httpx.Response) -> str:
    return str(response.json()["error"]["code"])


def oversize_body(room: Room) -> bytes:
    post_id, blob, secret = room.seal()
    body = room.put_body(post_id, blob, secret)
    body["blob"] = "A" * (protocol.MAX_BODY + 10)
    return httpx.Request("PUT", "http://x", json=body).content


def test_oversize_body_with_content_length(sqlite_server: ServerProcess) -> None:  # noqa: F811
    room = Room(sqlite_server.url)
    room.create()
    response = room.http.put(
        f"/v1/rooms/{room.room}/posts/{protocol.new_post_id()}", content=oversize_body(room)
    )
    assert (response.status_code, error_code(response)) == (413, "too_large")


def test_oversize_body_without_content_length(sqlite_server: ServerProcess) -> None:  # noqa: F811
    room = Room(sqlite_server.url)
    room.create()
    data = oversize_body(room)

    def chunks() -> Iterator[bytes]:  # a generator makes httpx send Transfer-Encoding: chunked
        for i in range(0, len(data), 4096):
            yield data[i : i + 4096]

    request = room.http.build_request(
        "PUT", f"/v1/rooms/{room.room}/posts/{protocol.new_post_id()}", content=chunks()
    )
    assert "content-length" not in request.headers
    response = room.http.send(request)
    assert (response.status_code, error_code(response)) == (413, "too_large")
    # The server is still fine, and nothing was stored.
    assert room.all_events() == []


def test_a_full_size_post_fits(sqlite_server: ServerProcess) -> None:  # noqa: F811
    room = Room(sqlite_server.url)
    room.create()
    post_id, blob, secret = room.seal("ق" * 16000)  # 32,000 bytes of UTF-8: the largest bucket
    assert len(blob) == protocol.MAX_BLOB
    assert room.put(post_id, blob, secret).status_code == 200


def test_pages_stay_under_4_mib(tmp_path: Path) -> None:
    server = start_server(tmp_path, "sqlite", room_rate=0)  # 110 PUTs in a row: past the default burst
    room = Room(server.url)
    room.create()
    post_id, blob, secret = room.seal("ق" * 16000)
    first = room.put(post_id, blob, secret).json()["seq"]
    for _ in range(109):
        post_id, blob, secret = room.seal("ق" * 16000)
        assert room.put(post_id, blob, secret).status_code == 200
    response = room.events(0, 500)
    page = response.json()
    assert len(response.content) <= 4 * 1024 * 1024
    assert page["more"] is True and 0 < len(page["events"]) < 110
    assert page["events"][0]["seq"] == first and page["next"] == page["events"][-1]["seq"]
    # Paging on collects all of them, in order, without gaps.
    assert [e["seq"] for e in room.all_events()] == list(range(1, 111))
    server.stop()


def test_rate_limit_per_room_gives_429_with_retry_after(tmp_path: Path) -> None:
    with start_server(tmp_path, "sqlite", room_rate=0.01, room_burst=3) as server:
        room, other = Room(server.url), Room(server.url)
        assert room.create().status_code == other.create().status_code == 201
        codes = [room.events().status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        limited = room.events()
        assert error_code(limited) == "rate_limited"
        assert 1 <= int(limited.headers["retry-after"]) <= 100
        # Every room has its own bucket.
        assert other.events().status_code == 200


def test_room_creation_has_one_shared_bucket(tmp_path: Path) -> None:
    with start_server(tmp_path, "sqlite", create_rate=0.01, create_burst=2) as server:
        codes = [Room(server.url).create().status_code for _ in range(3)]
        assert codes == [201, 201, 429]


@pytest.mark.parametrize("max_page", [50])
def test_max_page_option(tmp_path: Path, max_page: int) -> None:
    with start_server(tmp_path, "sqlite", max_page=max_page) as server:
        room = Room(server.url)
        room.create()
        assert room.events(0, max_page).status_code == 200
        assert error_code(room.events(0, max_page + 1)) == "bad_request"
