"""A hostile server (crafted pages on loopback) and hostile clients (against the real server)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import nacl.signing
import pytest
import servers
from servers import ServerProcess, wait_until
from sync_tools import HostileServer, json_reply, new_service, new_vault, put_payload, record, sealed_event

from peerapp.sync import protocol
from peerapp.sync.errors import NotAllowed, ServerRejected, ServerUnavailable
from peerapp.sync.protocol import ProtocolError
from peerapp.sync.service import GroupService
from peerapp.sync.transport import MAX_RESPONSE, Transport

sqlite_server = servers.sqlite_server


class Scenario:
    """A member of a group whose server is hostile; `pages` are served in turn for event requests."""

    def __init__(self, folder: Path) -> None:
        self.pages: list[tuple[int, dict[str, str], bytes]] = []
        self.server = HostileServer(self._respond)
        self.admin = nacl.signing.SigningKey.generate()
        secret = protocol.new_secret()
        self.keys = protocol.GroupKeys.from_secret(secret)
        invite = protocol.Invite(self.server.url, secret, bytes(self.admin.verify_key), "Hostile").encode()
        self.vault = new_vault(folder)
        self.service = GroupService(self.vault.connect())
        self.gid = self.service.join_group(invite, "Calm River").id

    def _respond(self, method: str, path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
        if "/events" in path and self.pages:
            return self.pages.pop(0)
        return json_reply({"events": [], "next": 0, "more": False})

    def page(self, events: list[dict[str, object]], more: bool = False) -> None:
        self.pages.append(
            json_reply({"events": events, "next": events[-1]["seq"] if events else 0, "more": more})
        )

    def texts(self) -> list[str]:
        return [p.text for p in self.service.feed(self.gid)]

    @property
    def cursor(self) -> int:
        return record(self.service, self.gid).cursor


@pytest.fixture
def hostile(tmp_path: Path) -> Iterator[Scenario]:
    scenario = Scenario(tmp_path / "member")
    yield scenario
    scenario.server.close()


def _admin_delete(s: Scenario, seq: int, post_id: str, key: nacl.signing.SigningKey) -> dict[str, object]:
    sig = protocol.sign(key, protocol.admin_delete_message(s.keys.room_id, post_id))
    return {"seq": seq, "type": "delete", "id": post_id, "by": "admin", "sig": protocol.b64e(sig)}


def test_a_forged_admin_delete_is_discarded_and_a_real_one_applied(hostile: Scenario) -> None:
    one, two = sealed_event(hostile.keys, 1, text="one"), sealed_event(hostile.keys, 2, text="two")
    forged = _admin_delete(hostile, 3, str(one["id"]), nacl.signing.SigningKey.generate())
    real = _admin_delete(hostile, 4, str(two["id"]), hostile.admin)
    hostile.page([one, two, forged, real])
    result = hostile.service.sync(hostile.gid)
    assert result.discarded == 1
    assert hostile.texts() == ["one"]


def test_another_rooms_or_another_ids_blob_is_discarded(hostile: Scenario) -> None:
    elsewhere = protocol.GroupKeys.from_secret(protocol.new_secret())
    foreign = sealed_event(elsewhere, 1, text="from another room")
    moved = sealed_event(hostile.keys, 2, text="moved")
    moved["id"] = protocol.new_post_id()
    tampered = sealed_event(hostile.keys, 3, text="tampered")
    blob = protocol.b64d(tampered["blob"], max_len=protocol.MAX_BLOB)
    tampered["blob"] = protocol.b64e(blob[:-1] + bytes([blob[-1] ^ 1]))
    fine = sealed_event(hostile.keys, 4, text="fine")
    hostile.page([foreign, moved, tampered, fine])
    assert hostile.service.sync(hostile.gid).discarded == 3
    assert hostile.texts() == ["fine"] and hostile.cursor == 4


def test_a_delete_before_its_post_keeps_the_post_hidden(hostile: Scenario) -> None:
    secret = protocol.new_delete_secret()
    early = sealed_event(hostile.keys, 2, text="deleted before seen", secret=secret)
    tomb = {"seq": 1, "type": "delete", "id": early["id"], "by": "author", "secret": protocol.b64e(secret)}
    wrong = {"seq": 3, "type": "delete", "id": protocol.new_post_id(), "by": "author",
             "secret": protocol.b64e(protocol.new_delete_secret())}  # fmt: skip
    late = sealed_event(hostile.keys, 4, text="someone else's", post_id=str(wrong["id"]))
    hostile.page([tomb, early, wrong, late])
    hostile.service.sync(hostile.gid)
    # The second tombstone's secret does not match the post's `d`: that post shows.
    assert hostile.texts() == ["someone else's"]


def test_non_increasing_seqs_refuse_the_whole_page(hostile: Scenario) -> None:
    hostile.page([sealed_event(hostile.keys, 1), sealed_event(hostile.keys, 1, text="again")])
    with pytest.raises(ProtocolError):
        hostile.service.sync(hostile.gid)
    assert hostile.cursor == 0 and hostile.texts() == []
    hostile.page([sealed_event(hostile.keys, 5, text="five")])
    hostile.service.sync(hostile.gid)
    hostile.page([sealed_event(hostile.keys, 5, text="replayed seq")])  # not after the cursor
    with pytest.raises(ProtocolError):
        hostile.service.sync(hostile.gid)
    assert hostile.texts() == ["five"] and hostile.cursor == 5


@pytest.mark.parametrize(
    "body",
    [
        b'{"events": "nope", "next": 0, "more": false}',
        b'{"events": [{"seq": "1", "type": "post"}], "next": 1, "more": false}',
        b'{"events": [], "next": -1, "more": false}',
        b'{"events": [], "next": 0, "more": "yes"}',
        b"[]",
        b"not json at all",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 50 + b"1" + b"}" * 50,
    ],
    ids=["events-type", "seq-type", "negative-next", "more-type", "array", "garbage", "deep-json", "nested"],
)
def test_malformed_pages_are_refused(hostile: Scenario, body: bytes) -> None:
    hostile.pages.append((200, {"Content-Type": "application/json"}, body))
    with pytest.raises(ProtocolError):
        hostile.service.sync(hostile.gid)
    assert hostile.cursor == 0


def test_bad_fields_inside_an_event_are_counted_and_skipped(hostile: Scenario) -> None:
    events: list[dict[str, object]] = [
        {"seq": 1, "type": "post", "id": protocol.new_post_id(), "blob": 12},
        {"seq": 2, "type": "post", "id": "NOT-HEX", "blob": "AAAA"},
        {"seq": 3, "type": "mystery"},
        {"seq": 4, "type": "delete", "id": protocol.new_post_id(), "by": "someone"},
        sealed_event(hostile.keys, 5, text="still fine"),
    ]
    hostile.page(events)
    assert hostile.service.sync(hostile.gid).discarded == 4
    assert hostile.texts() == ["still fine"] and hostile.cursor == 5


def test_oversized_answers_are_cut_off(hostile: Scenario) -> None:
    huge = b'{"events": [], "pad": "' + b"x" * (MAX_RESPONSE + 10) + b'", "next": 0, "more": false}'
    hostile.pages.append((200, {"Content-Type": "application/json"}, huge))
    with pytest.raises(ProtocolError):
        hostile.service.sync(hostile.gid)
    # A lying Content-Length is refused before the body is read.
    hostile.pages.append((200, {"Content-Type": "application/json", "Content-Length": str(10**9)}, b"{}"))
    with pytest.raises(ProtocolError):
        hostile.service.sync(hostile.gid)
    assert hostile.cursor == 0


def test_wrong_content_type_and_server_errors(hostile: Scenario) -> None:
    hostile.pages.append((200, {"Content-Type": "text/html"}, b'{"events": [], "next": 0, "more": false}'))
    with pytest.raises(ProtocolError):
        hostile.service.sync(hostile.gid)
    hostile.pages.append((503, {"Content-Type": "text/html"}, b"<h1>down</h1>"))
    with pytest.raises(ServerUnavailable):
        hostile.service.sync(hostile.gid)
    hostile.pages.append(json_reply({"error": {"code": "no_such_thing", "message": "x"}}, 400))
    with pytest.raises(ServerRejected) as caught:
        hostile.service.sync(hostile.gid)
    assert caught.value.code == "no_such_thing"
    assert hostile.service.group(hostile.gid).last_error  # shown to the user


def test_a_long_retry_after_is_capped_and_can_be_cancelled(hostile: Scenario) -> None:
    for _ in range(5):
        hostile.pages.append(
            json_reply({"error": {"code": "rate_limited", "message": "x"}}, 429, {"Retry-After": "86400"})
        )
    cancel = threading.Event()
    results = []

    def run() -> None:  # one service per thread, over the thread's own connection
        results.append(GroupService(hostile.vault.connect()).sync(hostile.gid, cancel=cancel))

    worker = threading.Thread(target=run)
    worker.start()
    assert wait_until(lambda: len(hostile.server.requests) >= 1)
    cancel.set()
    worker.join(30)
    assert not worker.is_alive() and results[0].cancelled
    assert len(hostile.server.requests) == 1  # it waited instead of hammering the server


# --- hostile clients against the real server ----------------------------------------------


def test_the_server_refuses_a_forged_admin_delete(tmp_path: Path, sqlite_server: ServerProcess) -> None:
    alice = new_service(tmp_path / "alice")
    group, invite = alice.create_group(sqlite_server.url, "Circle", "Quiet Fox")
    post = alice.post(group.id, "keep me")
    alice.sync(group.id)
    mallory = new_service(tmp_path / "mallory")
    gm = mallory.join_group(invite, "Mallory").id
    mallory.sync(gm)
    with pytest.raises(NotAllowed):  # the client will not even try without the admin key
        mallory.delete_post(gm, post.id)
    keys = record(alice, group.id).keys
    forged = protocol.sign(
        nacl.signing.SigningKey.generate(), protocol.admin_delete_message(keys.room_id, post.id)
    )
    with Transport(sqlite_server.url) as t, pytest.raises(ServerRejected) as caught:
        t.delete_post(keys.room, post.id, {"admin_sig": protocol.b64e(forged)})
    assert caught.value.status == 403
    bob = new_service(tmp_path / "bob")
    gb = bob.join_group(invite, "Bob").id
    bob.sync(gb)
    assert [p.text for p in bob.feed(gb)] == ["keep me"]


def test_a_put_with_a_bad_signature_or_a_bad_blob_is_refused(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    alice = new_service(tmp_path / "alice")
    group, _ = alice.create_group(sqlite_server.url, "Circle", "Quiet Fox")
    alice.sync(group.id)
    keys = record(alice, group.id).keys
    post_id, secret = protocol.new_post_id(), protocol.new_delete_secret()
    payload = put_payload(keys, post_id, b"\x01" + bytes(300), secret)
    payload["blob"] = protocol.b64e(b"\x01" + bytes(301))  # signed bytes and sent bytes differ
    with Transport(sqlite_server.url) as t, pytest.raises(ServerRejected):
        t.put_post(keys.room, post_id, payload)
    assert json.dumps(payload)  # the payload itself was well-formed JSON
