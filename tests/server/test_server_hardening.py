"""The server against hostile clients: rate limits strangers cannot spend, no 5xx, correct 405s, quiet hang-ups."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import httpx

from peerapp.sync import protocol
from support.servers import Room, ServerProcess, sqlite_server, start_server  # noqa: F401

b64e = protocol.b64e


def error_code(response: httpx.Response) -> str:
    assert response.headers["content-type"] == "application/json", response.text
    return str(response.json()["error"]["code"])


def no_internal_errors(server: ServerProcess) -> None:
    out = server.output
    assert "internal error" not in out and "Traceback" not in out and "Exception" not in out, out


# --- rate limits --------------------------------------------------------------------------


def test_strangers_who_know_the_room_id_cannot_spend_the_members_tokens(tmp_path: Path) -> None:
    with start_server(tmp_path, "sqlite", room_rate=0.001, room_burst=4) as server:
        member = Room(server.url)
        assert member.create().status_code == 201
        kept_id, _, kept_secret = member.post("first")  # token 1 of 4
        stranger = httpx.Client(base_url=server.url, timeout=30)
        room = member.room
        post_id, blob, secret = member.seal("stranger's copy")
        forged_put = dict(member.put_body(post_id, blob, secret), sig=b64e(os.urandom(64)))
        forged_admin = {"admin_sig": b64e(os.urandom(64))}
        wrong_secret = {"secret": b64e(os.urandom(32))}
        report = member.report(kept_id).request  # a valid report, replayed with another signature
        forged_report = dict(json.loads(report.content), sig=b64e(os.urandom(64)))
        for _ in range(12):
            answers = [
                stranger.put(f"/v1/rooms/{room}/posts/{post_id}", json=forged_put),
                stranger.request("DELETE", f"/v1/rooms/{room}/posts/{kept_id}", json=forged_admin),
                stranger.request("DELETE", f"/v1/rooms/{room}/posts/{kept_id}", json=wrong_secret),
                stranger.post(f"/v1/rooms/{room}/reports", json=forged_report),
                stranger.put(f"/v1/rooms/{room}/posts/{post_id}", content=b"{not json"),
                stranger.get(f"/v1/rooms/{room}/events"),  # reads have their own bucket
            ]
            assert [a.status_code for a in answers[:4]] == [403] * 4
            assert answers[4].status_code == 400
        # Token 2 of 4 went to the report above; the member still has two: a post and a deletion.
        assert member.put(post_id, blob, secret).status_code == 200
        assert member.delete_author(kept_id, kept_secret).status_code == 200
        # And the limit still holds for the member's own valid requests.
        limited = member.put(*member.seal("one too many"))
        assert (limited.status_code, error_code(limited)) == (429, "rate_limited")
        assert int(limited.headers["retry-after"]) >= 1
        stranger.close()
        member.close()
        no_internal_errors(server)


def test_garbage_room_creations_do_not_block_real_ones(tmp_path: Path) -> None:
    with start_server(tmp_path, "sqlite", create_rate=0.001, create_burst=2) as server:
        junk = httpx.Client(base_url=server.url, timeout=30)
        good = Room(server.url).create_body()
        bodies: list[object] = [
            dict(good, sig=b64e(os.urandom(64))),  # a forged signature
            dict(good, room="zz"),
            {"room": good["room"]},
            [1, 2, 3],
        ]
        for _ in range(10):
            for body in bodies:
                answer = junk.post("/v1/rooms", json=body)
                assert answer.status_code in (400, 403), answer.text
            assert junk.post("/v1/rooms", content=b"\x00garbage").status_code == 400
        first, second, third = Room(server.url), Room(server.url), Room(server.url)
        assert first.create().status_code == 201
        assert second.create().status_code == 201
        # The shared bucket is empty now, for real creations only:
        assert third.create().status_code == 429
        # a room that already exists answers its members' retries without spending a token,
        assert first.create().status_code == 200
        # and garbage is still only garbage.
        assert junk.post("/v1/rooms", json=bodies[0]).status_code == 403
        junk.close()
        no_internal_errors(server)


# --- no 5xx -------------------------------------------------------------------------------

HUGE = "9" * 5000  # over Python's 4,300-digit limit for int <-> str


def body_endpoints(room: Room) -> list[tuple[str, str, list[str]]]:
    post_id = protocol.new_post_id()
    return [
        ("POST", "/v1/rooms", ["room", "write_pub", "admin_pub", "sig"]),
        ("PUT", f"/v1/rooms/{room.room}/posts/{post_id}", ["blob", "delete_hash", "sig"]),
        ("DELETE", f"/v1/rooms/{room.room}/posts/{post_id}", ["secret"]),
        ("DELETE", f"/v1/rooms/{room.room}/posts/{post_id}", ["admin_sig"]),
        ("POST", f"/v1/rooms/{room.room}/reports", ["blob", "sig"]),
    ]


def test_a_huge_json_integer_is_a_400_on_every_body_endpoint(sqlite_server: ServerProcess) -> None:  # noqa: F811
    room = Room(sqlite_server.url)
    assert room.create().status_code == 201
    for method, path, fields in body_endpoints(room):
        for body in [
            "{" + ",".join(f'"{f}": {HUGE}' for f in fields) + "}",
            f'{{"{fields[0]}": [1, {HUGE}]}}',
            HUGE,
            "-" + HUGE,
            f'{{"{fields[0]}": {{"x": {HUGE}}}}}',
        ]:
            response = room.http.request(
                method, path, content=body.encode(), headers={"content-type": "application/json"}
            )
            assert (response.status_code, error_code(response)) == (400, "bad_request"), (method, path)
            assert response.json()["error"]["message"]
    no_internal_errors(sqlite_server)


def test_odd_but_parseable_json_never_gives_a_5xx(sqlite_server: ServerProcess) -> None:  # noqa: F811
    room = Room(sqlite_server.url)
    assert room.create().status_code == 201
    odd = ["NaN", "-Infinity", "1e999", '"\\ud800"', "null", "true", "[]", "{}", '"x"', "0.1"]
    for method, path, fields in body_endpoints(room):
        for value in odd:
            for body in ("{" + ",".join(f'"{f}": {value}' for f in fields) + "}", value):
                response = room.http.request(method, path, content=body.encode())
                assert 400 <= response.status_code < 500, (method, path, body, response.text)
                error_code(response)
    no_internal_errors(sqlite_server)


def test_ids_with_spaces_or_signs_are_refused(sqlite_server: ServerProcess) -> None:  # noqa: F811
    # bytes.fromhex skips spaces, so "00 11 …" of the right length decodes to a shorter id.
    r = Room(sqlite_server.url)
    spaced_room = "00" * 31 + "  "
    body = dict(r.create_body(), room=spaced_room)
    response = r.http.post("/v1/rooms", json=body)
    assert (response.status_code, error_code(response)) == (400, "bad_request")
    for path in [f"/v1/rooms/{'00' * 31}%20%20/events", f"/v1/rooms/{r.room}/posts/{'00' * 15}%20%20"]:
        method = "PUT" if "/posts/" in path else "GET"
        response = r.http.request(method, path, json={})
        assert (response.status_code, error_code(response)) == (400, "bad_request"), path


# --- 405 and hang-ups --------------------------------------------------------------------------


def test_a_405_names_the_allowed_methods(sqlite_server: ServerProcess) -> None:  # noqa: F811
    room, post = "0" * 64, "0" * 32
    cases = [
        ("DELETE", "/v1/health", {"GET", "HEAD"}),
        ("POST", "/v1/openapi.json", {"GET", "HEAD"}),
        ("GET", "/v1/rooms", {"POST"}),
        ("PATCH", f"/v1/rooms/{room}/posts/{post}", {"PUT", "DELETE"}),
        ("GET", f"/v1/rooms/{room}/posts/{post}", {"PUT", "DELETE"}),
        ("PUT", f"/v1/rooms/{room}/reports", {"POST"}),
        ("POST", f"/v1/rooms/{room}/events", {"GET", "HEAD"}),
        ("OPTIONS", f"/v1/rooms/{room}/events", {"GET", "HEAD"}),
    ]
    with httpx.Client(base_url=sqlite_server.url) as client:
        for method, path, allowed in cases:
            response = client.request(method, path)
            assert (response.status_code, error_code(response)) == (405, "method_not_allowed"), path
            assert {m.strip() for m in response.headers["allow"].split(",")} == allowed, path


def hang_up_mid_body(port: int, declared: int, sent: bytes, path: str) -> None:
    with socket.create_connection(("127.0.0.1", port)) as sock:
        head = (
            f"PUT {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {declared}\r\n\r\n"
        )
        sock.sendall(head.encode() + sent)
        sock.shutdown(socket.SHUT_WR)


def test_a_client_that_hangs_up_mid_request_is_not_an_internal_error(
    sqlite_server: ServerProcess,  # noqa: F811
) -> None:
    room = Room(sqlite_server.url)
    assert room.create().status_code == 201
    path = f"/v1/rooms/{room.room}/posts/{protocol.new_post_id()}"
    for _ in range(5):
        hang_up_mid_body(sqlite_server.port, 5000, b'{"blob": "AAAA', path)
    # The hang-ups were handled before these requests (one event loop, in arrival order); the
    # server keeps serving, and it logged none of them as an internal error.
    for _ in range(5):
        assert room.events().status_code == 200
    room.post("still fine")
    no_internal_errors(sqlite_server)
