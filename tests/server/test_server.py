"""The group server's HTTP API against a real server process, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from peerapp.sync import protocol
from support.servers import Room, ServerProcess, any_server  # noqa: F401


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


def test_author_deletes_a_post(room: Room) -> None:
    post_id, _, secret = room.post("to delete")
    kept_id, kept_seq, _ = room.post("to keep")
    wrong = room.delete_author(post_id, protocol.new_delete_secret())
    assert (wrong.status_code, error_code(wrong)) == (403, "bad_signature")
    response = room.delete_author(post_id, secret)
    assert response.status_code == 200
    tomb = response.json()["seq"]
    assert tomb > kept_seq
    # The post drops out; the tombstone carries the proof members check against the post's hash.
    events = room.all_events()
    assert [(e["type"], e.get("id")) for e in events] == [("post", kept_id), ("delete", post_id)]
    assert events[1] == {
        "seq": tomb,
        "type": "delete",
        "id": post_id,
        "by": "author",
        "secret": protocol.b64e(secret),
    }
    # Deleting again gives the same tombstone; PUT of the deleted id is gone.
    assert room.delete_author(post_id, secret).json() == {"seq": tomb}
    _, blob, other_secret = room.seal("new text, same id")
    again = room.put(post_id, blob, other_secret)
    assert (again.status_code, error_code(again)) == (410, "gone")
    assert len(room.all_events()) == 2


def test_a_deleted_post_cannot_be_put_again_with_its_own_bytes(room: Room) -> None:
    post_id, blob, secret = room.seal("retry after delete")
    assert room.put(post_id, blob, secret).status_code == 200
    assert room.delete_author(post_id, secret).status_code == 200
    response = room.put(post_id, blob, secret)
    assert (response.status_code, error_code(response)) == (410, "gone")


def test_admin_deletes_any_post_and_a_forged_admin_is_refused(room: Room) -> None:
    post_id, _, _ = room.post("someone's post")
    forged = room.delete_admin(post_id, key=protocol.new_admin_key())
    assert (forged.status_code, error_code(forged)) == (403, "bad_signature")
    # A write-key signature is not an admin signature either.
    write_signed = room.delete_admin(post_id, key=room.keys.write_key)
    assert (write_signed.status_code, error_code(write_signed)) == (403, "bad_signature")
    assert [e["type"] for e in room.all_events()] == ["post"]
    response = room.delete_admin(post_id)
    assert response.status_code == 200
    (event,) = room.all_events()
    assert event["type"] == "delete" and event["by"] == "admin" and event["seq"] == response.json()["seq"]
    sig = protocol.b64d(event["sig"], max_len=64)
    admin_pub = bytes(room.admin.verify_key)
    assert protocol.verify(admin_pub, protocol.admin_delete_message(room.keys.room_id, post_id), sig)


def test_delete_of_an_unknown_post(room: Room) -> None:
    response = room.delete_author(protocol.new_post_id(), protocol.new_delete_secret())
    assert (response.status_code, error_code(response)) == (404, "not_found")
    both = room.http.request(
        "DELETE",
        f"/v1/rooms/{room.room}/posts/{protocol.new_post_id()}",
        json={"secret": protocol.b64e(bytes(32)), "admin_sig": protocol.b64e(bytes(64))},
    )
    assert (both.status_code, error_code(both)) == (400, "bad_request")


def test_reports_are_events_only_the_admin_can_open(room: Room) -> None:
    post_id, _, _ = room.post()
    response = room.report(post_id, "not kind")
    assert response.status_code == 200
    event = room.all_events()[-1]
    assert event == {"seq": response.json()["seq"], "type": "report", "blob": event["blob"]}
    blob = protocol.b64d(event["blob"], max_len=protocol.MAX_REPORT_BLOB)
    assert protocol.open_report(room.admin, blob) == (post_id, "not kind")
    # A report signed with another key is refused.
    bad = room.http.post(
        f"/v1/rooms/{room.room}/reports",
        json={"blob": event["blob"], "sig": protocol.b64e(protocol.sign(protocol.new_admin_key(), b"x"))},
    )
    assert (bad.status_code, error_code(bad)) == (403, "bad_signature")


def test_events_paging(room: Room) -> None:
    ids = [room.post(f"post {i}")[0] for i in range(12)]
    page = room.events(0, 5).json()
    assert [e["id"] for e in page["events"]] == ids[:5]
    assert (page["next"], page["more"]) == (5, True)
    page = room.events(5, 5).json()
    assert [e["seq"] for e in page["events"]] == [6, 7, 8, 9, 10]
    page = room.events(10, 5).json()
    assert ([e["seq"] for e in page["events"]], page["next"], page["more"]) == ([11, 12], 12, False)
    # After the end: empty, next stays where it was; head is the room's last seq.
    assert room.events(12).json() == {"events": [], "next": 12, "more": False, "head": 12}
    assert room.events(99).json() == {"events": [], "next": 99, "more": False, "head": 12}
    # Default page size covers them all.
    assert len(room.http.get(f"/v1/rooms/{room.room}/events").json()["events"]) == 12


@pytest.mark.parametrize(
    "query",
    [
        "after=-1",
        "after=x",
        "limit=0",
        "limit=501",
        "limit=1.5",
        "after=1&after=2",
        "since=3",
        "after=99999999999999999999",
    ],
)
def test_events_query_is_validated(room: Room, query: str) -> None:
    response = room.http.get(f"/v1/rooms/{room.room}/events?{query}")
    assert (response.status_code, error_code(response)) == (400, "bad_request")


def test_unknown_room_and_bad_ids(any_server: ServerProcess) -> None:  # noqa: F811
    r = Room(any_server.url)
    assert (r.events().status_code, error_code(r.events())) == (404, "no_room")
    post_id, blob, secret = r.seal()
    response = r.put(post_id, blob, secret)
    assert (response.status_code, error_code(response)) == (404, "no_room")
    for path in [
        "/v1/rooms/ABC/events",
        "/v1/rooms/" + "A" * 64 + "/events",  # upper case
        "/v1/rooms/" + "0" * 63 + "/events",
        f"/v1/rooms/{r.room}/posts/{'0' * 31}",
    ]:
        method = "PUT" if "/posts/" in path else "GET"
        response = r.http.request(method, path, json=r.put_body(post_id, blob, secret))
        assert (response.status_code, error_code(response)) == (400, "bad_request"), path


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[1, 2]",
        b'{"blob": 1, "delete_hash": "", "sig": ""}',
        b'{"blob": "@@", "delete_hash": "AA", "sig": "AA"}',
        b'{"delete_hash": "AA", "sig": "AA"}',
        b'{"blob": "AA", "delete_hash": "AA", "sig": "AA", "extra": 1}',
        b"\xff\xfe",
        b"",
    ],
)
def test_malformed_bodies_get_a_json_400(room: Room, body: bytes) -> None:
    response = room.http.put(
        f"/v1/rooms/{room.room}/posts/{protocol.new_post_id()}",
        content=body,
        headers={"content-type": "application/json"},
    )
    assert (response.status_code, error_code(response)) == (400, "bad_request")
    assert response.json()["error"]["message"]


def test_wrong_field_sizes_are_refused(room: Room) -> None:
    post_id, blob, secret = room.seal()
    body = room.put_body(post_id, blob, secret)
    for field, value in [
        ("blob", protocol.b64e(blob[:-1])),  # not a whole padding bucket
        ("blob", protocol.b64e(b"\x02" + blob[1:])),  # unknown envelope version
        ("delete_hash", protocol.b64e(bytes(31))),
        ("sig", protocol.b64e(bytes(65))),
        ("sig", body["sig"] + "="),  # padded base64 is not the canonical form
    ]:
        response = room.http.put(f"/v1/rooms/{room.room}/posts/{post_id}", json=dict(body, **{field: value}))
        assert (response.status_code, error_code(response)) == (400, "bad_request"), field


def test_unknown_routes_are_json_404(any_server: ServerProcess) -> None:  # noqa: F811
    for method, path in [("GET", "/"), ("GET", "/v2/health"), ("POST", "/v1/health/x")]:
        response = httpx.request(method, any_server.url + path)
        assert (response.status_code, error_code(response)) == (404, "no_route")
    response = httpx.delete(any_server.url + "/v1/health")
    assert (response.status_code, error_code(response)) == (405, "method_not_allowed")


def test_openapi_describes_every_route(any_server: ServerProcess) -> None:  # noqa: F811
    from peerapp.server.app import create_app
    from peerapp.server.config import ServerConfig

    document = httpx.get(any_server.url + "/v1/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    app = create_app(ServerConfig(db="sqlite:///unused.db"))
    described = {
        (path, method.upper())
        for path, item in document["paths"].items()
        for method in item
        if method != "parameters"
    }
    served = {
        (route.path, method)
        for route in app.routes
        for method in (route.methods or ())  # type: ignore[attr-defined]
        if method != "HEAD"
    }
    assert served == described
