"""One wire schema: the models in peerapp.sync.wire, the OpenAPI document generated from them, a real
server's answers and the bytes the client keeps in its outbox all agree."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

from peerapp.server.openapi import openapi_document
from peerapp.sync import protocol, wire, wire_v2
from peerapp.sync.transport import Transport
from peerapp.sync.v2.events import seal_event
from peerapp.sync.wire_model import ref
from support import servers
from support.servers import Room, ServerProcess
from support.sync_tools import HostileServer, json_reply, new_service, record

sqlite_server = servers.sqlite_server

ROOM, POST = "a" * 64, "b" * 32
BLOB = protocol.seal_post(
    protocol.GroupKeys.from_secret(bytes(32)),
    POST,
    protocol.post_plaintext(kind="post", author="A", body="x", delete_hash=bytes(32), at=0),
)
REPORT = bytes(protocol.BUCKETS[0] + 48)
BLOB_V2 = seal_event(bytes(32), bytes(32), POST, 1, {"v": 2, "k": "leave"})


def samples() -> list[wire.Model]:
    """One instance of every model the document lists."""
    return [
        wire.CreateRoom(room=bytes(32), write_pub=bytes(32), admin_pub=bytes(range(32)), sig=bytes(64)),
        wire.PutPost(blob=BLOB, delete_hash=bytes(32), sig=bytes(64)),
        wire.PutPosts(posts=[wire.BatchPost(id=bytes(16), blob=BLOB, delete_hash=bytes(32), sig=bytes(64))]),
        wire.DeleteByAuthor(secret=bytes(32)),
        wire.DeleteByAdmin(admin_sig=bytes(64)),
        wire.Report(blob=REPORT, sig=bytes(64)),
        wire.Health(),
        wire.RoomCreated(room=bytes(32)),
        wire.Stored(seq=wire.MAX_SEQ),
        wire.StoredBatch(seqs=[1, wire.MAX_SEQ]),
        wire.EventsPage(
            events=[
                wire.PostEvent(seq=1, id=bytes(16), blob=BLOB),
                wire.AuthorDelete(seq=2, id=bytes(16), secret=bytes(32)),
                wire.AdminDelete(seq=3, id=bytes(16), sig=bytes(64)),
                wire.ReportEvent(seq=4, blob=REPORT),
            ],
            next=4,
            more=False,
            head=4,
        ),
        wire.EventsPage(events=[], next=0, more=False),  # an older server: no head
        wire.ErrorReply.of("no_room", "There is no such room."),
        # Version 2: a v2 blob travels in the same PutPost, and the room's key changes.
        wire.PutPost(blob=BLOB_V2, delete_hash=bytes(32), sig=bytes(64)),
        wire_v2.CreateRoomV2(
            room=bytes(32),
            write_pub=bytes(32),
            admin_pub=bytes(32),
            door_pub=bytes(32),
            door_expires=0,
            sig=bytes(64),
        ),
        wire_v2.SetEpoch(epoch=2, write_pub=bytes(32), sig=bytes(64)),
        wire_v2.SetAdmin(generation=2, admin_pub=bytes(32), sig=bytes(64)),
        wire_v2.SetDoor(generation=2, door_pub=bytes(32), door_expires=2**32 - 1, sig=bytes(64)),
        wire_v2.UpgradeRoom(
            write_pub=bytes(32), admin_pub=bytes(32), door_pub=bytes(32), door_expires=0, sig=bytes(64)
        ),
        wire_v2.RoomKeys(version=2, epoch=3, admin_generation=1, door_generation=2),
    ]


def validator(document: dict[str, Any], schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    """A validator for `schema` whose references reach the document's components."""
    return jsonschema.Draft202012Validator({**schema, "components": document["components"]})


def test_every_model_round_trips_and_matches_its_generated_schema() -> None:
    document = openapi_document()
    listed = set(document["components"]["schemas"])
    assert listed == {type(m).__name__ for m in samples()} | {
        "ErrorBody", "PostEvent", "AuthorDelete", "AdminDelete", "ReportEvent", "BatchPost",
    }  # fmt: skip
    for model in samples():
        value = model.to_json()
        assert type(model).from_json(json.loads(json.dumps(value))) == model
        schema = validator(document, ref(type(model)))
        schema.validate(value)
        for name, _kind in model.wire_fields():
            if name in value and not _kind.optional:
                broken = {k: v for k, v in value.items() if k != name}
                assert not schema.is_valid(broken), (type(model).__name__, name)
                with pytest.raises(wire.WireError):
                    type(model).from_json(broken)
        assert not schema.is_valid({**value, "extra": 1})
        if model.closed:  # requests refuse unknown fields; replies are read open
            with pytest.raises(wire.WireError, match="Unknown field"):
                type(model).from_json({**value, "extra": 1})


@pytest.mark.parametrize(
    ("model", "field", "bad"),
    [
        (wire.CreateRoom, "room", "A" * 64),
        (wire.CreateRoom, "sig", protocol.b64e(bytes(63))),
        (wire.CreateRoom, "sig", protocol.b64e(bytes(64)) + "="),
        (wire.PutPost, "blob", protocol.b64e(b"\x01" + bytes(300))),  # not an envelope
        (wire.PutPost, "delete_hash", 7),
        (wire.Report, "blob", protocol.b64e(bytes(100))),  # not a sealed report
        (wire.Stored, "seq", 0),
        (wire.Stored, "seq", wire.MAX_SEQ + 1),
        (wire.Stored, "seq", True),
        (wire.Health, "version", 2),
        (wire.ErrorBody, "code", "___"),
        (wire.ErrorBody, "code", "ünïcode"),
    ],
)
def test_a_value_that_breaks_its_field_is_refused_on_both_sides(
    model: type[wire.Model], field: str, bad: object
) -> None:
    good = {type(m): m for m in [*samples(), wire.ErrorBody(code="gone", message="x")]}[model].to_json()
    with pytest.raises(wire.WireError):
        model.from_json({**good, field: bad})


def test_request_bodies_keep_the_format_stored_in_outboxes_and_read_by_older_servers() -> None:
    # Outbox rows written before the models existed hold these shapes; they must still be read, and
    # what is written now must be byte-for-byte what older servers take.
    b64 = protocol.b64e
    assert wire.DeleteByAuthor(secret=bytes(range(32))).to_json() == {"secret": b64(bytes(range(32)))}
    assert wire.DeleteByAdmin(admin_sig=bytes(64)).to_json() == {"admin_sig": b64(bytes(64))}
    assert wire.Report(blob=REPORT, sig=bytes(64)).to_json() == {"blob": b64(REPORT), "sig": b64(bytes(64))}
    create = wire.CreateRoom(room=bytes(32), write_pub=bytes(32), admin_pub=bytes(32), sig=bytes(64))
    assert json.dumps(create.to_json(), separators=(",", ":")) == (
        '{"room":"' + "0" * 64 + '","write_pub":"' + b64(bytes(32)) + '","admin_pub":"' + b64(bytes(32))
        + '","sig":"' + b64(bytes(64)) + '"}'
    )  # fmt: skip
    assert wire.delete_request({"secret": b64(bytes(32))}) == wire.DeleteByAuthor(secret=bytes(32))
    bad: object
    for bad in ({}, {"secret": b64(bytes(32)), "admin_sig": b64(bytes(64))}, {"sig": "x"}, []):
        with pytest.raises(wire.WireError):
            wire.delete_request(bad)


def _operation(method: str, path: str) -> wire.Operation:
    for op in wire.OPERATIONS:
        pattern = re.sub(r"\{[a-z_]+\}", "[^/]+", op.path)
        if op.method == method and re.fullmatch(pattern, path):
            return op
    raise AssertionError(f"no operation for {method} {path}")


def _create_with_other_admin(room: Room) -> dict[str, str]:
    keys, admin_pub = room.keys, bytes(protocol.new_admin_key().verify_key)
    sig = protocol.sign(keys.write_key, protocol.create_message(keys.room_id, keys.write_pub, admin_pub))
    return {**room.create_body(), "admin_pub": protocol.b64e(admin_pub), "sig": protocol.b64e(sig)}


def test_a_real_servers_answers_match_the_document_and_name_only_listed_codes(
    sqlite_server: ServerProcess,
) -> None:
    document = httpx.get(sqlite_server.url + "/v1/openapi.json").json()
    assert document == json.loads(json.dumps(openapi_document()))
    room, other = Room(sqlite_server.url), Room(sqlite_server.url)
    answers = [room.create(), room.create(), room.http.get("/v1/health")]
    post_id, _seq, secret = room.post("one")
    kept_id, _seq, _secret = room.post("two")
    taken_id, _seq, _secret = room.post("three")
    answers += [
        room.put(*room.seal("three")),
        room.report(kept_id),
        room.delete_author(post_id, secret),
        room.delete_author(post_id, secret),  # again: the same seq
        room.delete_admin(kept_id),
        room.events(),
        room.events(0, 1),
        room.events(10**17),
        # errors
        room.delete_admin(kept_id, protocol.new_admin_key()),
        room.delete_author(protocol.new_post_id(), secret),
        room.http.put(f"/v1/rooms/{room.room}/posts/{post_id}", json=room.put_body(post_id, BLOB, secret)),
        other.events(),
        other.put(*other.seal()),
        room.events(0, protocol.MAX_PAGE + 1),
        room.http.post("/v1/rooms", json=_create_with_other_admin(room)),
        room.http.put(f"/v1/rooms/{room.room}/posts/{taken_id}", json=room.put_body(taken_id, BLOB, secret)),
        room.http.post("/v1/rooms", content=b"{", headers={"content-type": "application/json"}),
        room.http.post("/v1/rooms", content=b"x" * (protocol.MAX_BODY + 1)),
    ]
    statuses = set()
    for response in answers:
        request = response.request
        op = _operation(request.method, request.url.path)
        status = str(response.status_code)
        statuses.add(response.status_code)
        declared = document["paths"][op.path][request.method.lower()]["responses"]
        assert status in declared, (op.name, status, response.text)
        schema = declared[status]["content"]["application/json"]["schema"]
        validator(document, schema).validate(response.json())
        if response.status_code >= 400:
            code = response.json()["error"]["code"]
            assert code in op.errors and wire.ERRORS[code][0] == response.status_code, (op.name, code)
    assert {200, 201, 400, 403, 404, 409, 410, 413} <= statuses
    room.close()
    other.close()


def test_a_url_holds_only_checked_ids_and_nothing_else_is_sent(tmp_path: Path) -> None:
    requests: list[str] = []

    def respond(method: str, path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
        requests.append(path)
        return json_reply({"seq": 1})

    server = HostileServer(respond)
    request = wire.PutPost(blob=BLOB, delete_hash=bytes(32), sig=bytes(64))
    try:
        with Transport(server.url) as t:
            for room, post_id in [
                (ROOM, "../../v1/rooms"),
                (ROOM, POST + "?x=1"),
                ("A" * 64, POST),
                (ROOM, ""),
            ]:
                with pytest.raises(wire.WireError):
                    t.put_post(room, post_id, request)
            assert requests == []
            assert t.put_post(ROOM, POST, request) == 1
        assert requests == [f"/v1/rooms/{ROOM}/posts/{POST}"]
    finally:
        server.close()


def test_a_damaged_outbox_action_is_dropped_and_the_rest_still_goes_out(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    alice = new_service(tmp_path / "alice")
    group, invite = alice.create_group_v1(sqlite_server.url, "Circle", "Quiet Fox")
    first = alice.post(group.id, "first")
    alice.sync(group.id)
    alice.report_post(group.id, first.id, "unkind")
    alice.conn.execute("UPDATE group_outbox SET payload = ? WHERE op = 'report'", ('{"blob": "x"}',))
    alice.post(group.id, "after the damage")
    result = alice.sync(group.id)
    assert result.errors == ["bad_request"] and result.sent == 2
    assert alice.conn.execute("SELECT count(*) FROM group_outbox").fetchone()[0] == 0
    bob = new_service(tmp_path / "bob")
    gb = bob.join_group(invite, "Calm River").id
    bob.sync(gb)
    assert sorted(p.text for p in bob.feed(gb)) == ["after the damage", "first"]
    assert record(alice, group.id).cursor >= 2
