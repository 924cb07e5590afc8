"""A hostile server (crafted pages on loopback) and hostile clients (against the real server)."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import nacl.signing
import pytest

from peerapp.sync import protocol, wire
from peerapp.sync.deadline import CONNECT_THREAD
from peerapp.sync.errors import NotAllowed, ServerRejected, ServerUnavailable, error_text
from peerapp.sync.models import SyncResult
from peerapp.sync.protocol import ProtocolError
from peerapp.sync.service import GroupService
from peerapp.sync.transport import MAX_RESPONSE, SyncTimedOut, Transport
from support import servers
from support.servers import ServerProcess, wait_until
from support.sync_tools import (
    HostileServer,
    TrickleServer,
    json_reply,
    new_service,
    new_vault,
    put_payload,
    record,
    sealed_event,
)

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

    def page(self, events: list[dict[str, object]], more: bool = False, head: int | None = None) -> None:
        last = events[-1]["seq"] if events else 0
        body = {"events": events, "next": last, "more": more, "head": last if head is None else head}
        self.pages.append(json_reply(body))

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


def test_a_post_id_with_spaces_is_discarded(hostile: Scenario) -> None:
    # bytes.fromhex skips spaces, so this 32-character id is 15 bytes; a member who holds the
    # content key can seal a blob to it, and it must still never be stored under a malformed id.
    spaced = "0011223344556677 8899aabbccdd ee"
    hostile.page([sealed_event(hostile.keys, 1, post_id=spaced), sealed_event(hostile.keys, 2, text="fine")])
    assert hostile.service.sync(hostile.gid).discarded == 1
    assert hostile.texts() == ["fine"] and hostile.cursor == 2


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
    assert (
        hostile.service.group(hostile.gid).last_error == "refused:no_such_thing"
    )  # a code, shown translated


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
    group, invite = alice.create_group_v1(sqlite_server.url, "Circle", "Quiet Fox")
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
        t.delete_post(keys.room, post.id, wire.DeleteByAdmin(admin_sig=forged))
    assert caught.value.status == 403
    bob = new_service(tmp_path / "bob")
    gb = bob.join_group(invite, "Bob").id
    bob.sync(gb)
    assert [p.text for p in bob.feed(gb)] == ["keep me"]


def test_a_put_with_a_bad_signature_or_a_bad_blob_is_refused(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    alice = new_service(tmp_path / "alice")
    group, _ = alice.create_group_v1(sqlite_server.url, "Circle", "Quiet Fox")
    alice.sync(group.id)
    keys = record(alice, group.id).keys
    post_id, secret = protocol.new_post_id(), protocol.new_delete_secret()
    value = protocol.post_plaintext(
        kind="post", author="A", body="x", delete_hash=protocol.delete_hash(secret), at=0
    )
    payload = put_payload(keys, post_id, protocol.seal_post(keys, post_id, value), secret)
    payload["blob"] = protocol.b64e(protocol.seal_post(keys, post_id, value))  # signed and sent bytes differ
    with Transport(sqlite_server.url) as t, pytest.raises(ServerRejected) as caught:
        t.put_post(keys.room, post_id, wire.PutPost.from_json(payload))
    assert caught.value.code == "bad_signature"
    # A blob that is no post envelope: the client's model will not send it, and the server refuses it.
    bad = put_payload(keys, post_id, b"\x01" + bytes(300), secret)
    with Transport(sqlite_server.url) as t, pytest.raises(wire.WireError):
        t.put_post(
            keys.room, post_id, wire.PutPost(blob=b"\x01" + bytes(300), delete_hash=bytes(32), sig=bytes(64))
        )
    response = httpx.put(f"{sqlite_server.url}/v1/rooms/{keys.room}/posts/{post_id}", json=bad)
    assert (response.status_code, response.json()["error"]["code"]) == (400, "bad_request")
    assert json.dumps(payload)  # the payloads themselves were well-formed JSON


# --- impossible seqs, a server that lost history, and slow servers --------------------------------


@pytest.mark.parametrize("seq", [2**62 - 1, 2**53, 10**30])
def test_an_impossible_seq_is_refused_and_the_cursor_stays(hostile: Scenario, seq: int) -> None:
    hostile.page([sealed_event(hostile.keys, 1, text="one"), sealed_event(hostile.keys, seq, text="poison")])
    with pytest.raises(ProtocolError):
        hostile.service.sync(hostile.gid)
    assert hostile.cursor == 0 and hostile.texts() == []
    # The next honest page applies as if nothing had happened.
    hostile.page([sealed_event(hostile.keys, 1, text="one")])
    hostile.service.sync(hostile.gid)
    assert hostile.texts() == ["one"] and hostile.cursor == 1


def test_the_largest_safe_seq_is_accepted(hostile: Scenario) -> None:
    hostile.page([sealed_event(hostile.keys, 2**53 - 1, text="far")])
    hostile.service.sync(hostile.gid)
    assert hostile.cursor == 2**53 - 1


def test_a_page_beyond_the_servers_own_head_is_refused(hostile: Scenario) -> None:
    hostile.page([sealed_event(hostile.keys, 1), sealed_event(hostile.keys, 2)], head=1)
    with pytest.raises(ProtocolError):
        hostile.service.sync(hostile.gid)
    for bad_head in (-1, 2**53, "7", None):
        hostile.pages.append(json_reply({"events": [], "next": 0, "more": False, "head": bad_head}))
        with pytest.raises(ProtocolError):
            hostile.service.sync(hostile.gid)
    assert hostile.cursor == 0 and hostile.texts() == []


def admin_scenario(folder: Path) -> Scenario:
    """A Scenario whose member holds the admin key, so reports apply too."""
    scenario = Scenario(folder)
    store = scenario.service.store
    with store.transaction():
        store.conn.execute(
            "UPDATE peer_group SET admin_key = ? WHERE id = ?", (bytes(scenario.admin), scenario.gid)
        )
    return scenario


def group_state(s: Scenario) -> list[Any]:
    """Everything a re-applied event could change: posts, reactions, threads, tombstones, reports."""
    conn = s.service.store.conn
    posts = conn.execute(
        "SELECT id, kind, body, status, reply_to FROM group_post WHERE group_id = ? ORDER BY id", (s.gid,)
    ).fetchall()
    tombs = conn.execute("SELECT * FROM group_tombstone WHERE group_id = ? ORDER BY post_id", (s.gid,))
    feed = [(p.text, p.me_too, p.replies, p.status) for p in s.service.feed(s.gid)]
    return [posts, tombs.fetchall(), feed, s.service.reports(s.gid)]


def test_a_server_that_lost_history_is_pulled_again_and_every_event_applies_once(tmp_path: Path) -> None:
    s = admin_scenario(tmp_path / "admin")
    try:
        keys = s.keys
        a = sealed_event(keys, 1, text="first post")
        secret_b = protocol.new_delete_secret()
        b = sealed_event(keys, 4, text="deleted by its author", secret=secret_b)
        c = sealed_event(keys, 6, text="deleted by the admin")
        early_secret = protocol.new_delete_secret()
        early_id = protocol.new_post_id()
        history: list[dict[str, object]] = [
            a,
            sealed_event(keys, 2, text="me_too", reply_to=str(a["id"]), kind="reaction"),
            sealed_event(keys, 3, text="a reply", reply_to=str(a["id"])),
            b,
            {"seq": 5, "type": "delete", "id": b["id"], "by": "author", "secret": protocol.b64e(secret_b)},
            c,
            _admin_delete(s, 7, str(c["id"]), s.admin),
            {
                "seq": 8,
                "type": "report",
                "blob": protocol.b64e(
                    protocol.seal_report(bytes(s.admin.verify_key), str(a["id"]), "unkind")
                ),
            },
            # A deletion seen before its post, then the post: it must stay hidden.
            {
                "seq": 9,
                "type": "delete",
                "id": early_id,
                "by": "author",
                "secret": protocol.b64e(early_secret),
            },
            sealed_event(keys, 10, text="never shown", post_id=early_id, secret=early_secret),
        ]
        s.page(history)
        first = s.service.sync(s.gid)
        assert first.received == 5 and s.cursor == 10  # a, the reaction, the reply, b and c
        before = group_state(s)
        assert before[2] == [("first post", 1, 1, "received")]
        assert len(before[3]) == 1
        # The server's database goes back to an old copy: it now says its last seq is 3.
        s.page([], head=3)
        # The client starts again from 0. This server serves the whole history again (the
        # strictest test that every event type applies only once), plus one new post.
        fresh = sealed_event(keys, 11, text="after the rollback")
        s.page([*history, dict(fresh, seq=11)], head=11)
        second = s.service.sync(s.gid)
        assert second.received == 1 and s.cursor == 11
        after = group_state(s)
        assert after[2] == [("after the rollback", 0, 0, "received"), ("first post", 1, 1, "received")]
        assert after[1:2] == before[1:2] and after[3] == before[3]
        assert [p for p in after[0] if p[0] != fresh["id"]] == before[0]
        assert "server_rewound" in second.errors
        # Pulling the same history a third time changes nothing at all.
        s.page([], head=2)
        s.page([*history, dict(fresh, seq=11)], head=11)
        assert s.service.sync(s.gid).received == 0 and group_state(s) == after
    finally:
        s.server.close()


def test_a_server_whose_head_is_below_the_cursor_is_pulled_from_the_start(hostile: Scenario) -> None:
    hostile.page([sealed_event(hostile.keys, 1, text="one"), sealed_event(hostile.keys, 2, text="two")])
    hostile.service.sync(hostile.gid)
    hostile.page([], head=1)
    hostile.page([sealed_event(hostile.keys, 2, text="new two")], head=2)
    hostile.service.sync(hostile.gid)
    paths = [path for method, path, _h in hostile.server.requests if "/events" in path]
    assert "after=2" in paths[-2] and "after=0" in paths[-1]
    assert sorted(hostile.texts()) == ["new two", "one", "two"] and hostile.cursor == 2


def run_sync(service_factory: Callable[[], GroupService], gid: int, **kwargs: object) -> list[object]:
    """Sync in a thread; return [result or exception]. Hangs only until the generous guard below."""
    out: list[object] = []

    def work() -> None:
        try:
            out.append(service_factory().sync(gid, **kwargs))  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 - the test inspects it
            out.append(exc)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(HANG_GUARD)
    assert not worker.is_alive(), "the sync is still running: nothing bounded it"
    return out


HANG_GUARD = 90.0  # far above the deadlines used below; a hang, not a timing check


@pytest.mark.parametrize("mode", ["body", "headers"])
def test_a_server_that_trickles_its_answer_is_cut_off_at_the_sync_deadline(tmp_path: Path, mode: str) -> None:
    server = TrickleServer(mode=mode)
    try:
        secret = protocol.new_secret()
        invite = protocol.Invite(server.url, secret, bytes(32), "Slow").encode()
        vault = new_vault(tmp_path / "member")
        gid = GroupService(vault.connect()).join_group(invite, "Calm River").id
        out = run_sync(lambda: GroupService(vault.connect()), gid, deadline=2.0)
        assert isinstance(out[0], SyncTimedOut), out
        message = out[0].user_message()
        assert "\n" not in message and "slow" in message
        service = GroupService(vault.connect())
        assert record(service, gid).cursor == 0
        assert service.group(gid).last_error == "timed_out" and error_text("timed_out") == message
        assert len(server.requests) == 1
    finally:
        server.close()


def test_cancel_ends_a_sync_stuck_reading_a_silent_server(tmp_path: Path) -> None:
    # The server reads the request and then says nothing. Cancel must end the run at once (lock and
    # quick exit wait for it), not when the 30-second read timeout or the deadline comes.
    server = TrickleServer(mode="headers", interval=3600)
    try:
        invite = protocol.Invite(server.url, protocol.new_secret(), bytes(32), "Silent").encode()
        vault = new_vault(tmp_path / "member")
        gid = GroupService(vault.connect()).join_group(invite, "Calm River").id
        cancel = threading.Event()
        threading.Thread(
            target=lambda: wait_until(lambda: bool(server.requests)) and cancel.set(), daemon=True
        ).start()
        (outcome,) = run_sync(lambda: GroupService(vault.connect()), gid, cancel=cancel, deadline=600.0)
        assert isinstance(outcome, SyncResult) and outcome.cancelled, outcome
        assert len(server.requests) == 1
    finally:
        server.close()


def test_cancel_ends_a_sync_stuck_connecting(tmp_path: Path) -> None:
    # A listener whose accept queue is full drops new connection attempts, as a firewall or a dead
    # network does: connect waits for its 15-second timeout unless cancel can end it.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    queued = socket.create_connection(("127.0.0.1", port))  # fills the queue of one
    try:
        invite = protocol.Invite(
            f"http://127.0.0.1:{port}", protocol.new_secret(), bytes(32), "Dropped"
        ).encode()
        vault = new_vault(tmp_path / "member")
        gid = GroupService(vault.connect()).join_group(invite, "Calm River").id
        cancel = threading.Event()

        def connecting() -> bool:
            return any(t.name == CONNECT_THREAD for t in threading.enumerate())

        threading.Thread(target=lambda: wait_until(connecting) and cancel.set(), daemon=True).start()
        (outcome,) = run_sync(lambda: GroupService(vault.connect()), gid, cancel=cancel, deadline=600.0)
        assert isinstance(outcome, SyncResult) and outcome.cancelled, outcome
    finally:
        queued.close()
        listener.close()


def test_a_long_retry_after_never_holds_the_sync_past_its_deadline(hostile: Scenario) -> None:
    hostile.pages.append(
        json_reply({"error": {"code": "rate_limited", "message": "x"}}, 429, {"Retry-After": "3600"})
    )
    out = run_sync(lambda: GroupService(hostile.vault.connect()), hostile.gid, deadline=5.0)
    # Even capped, the wait would outlast the deadline: the sync ends now, with one line.
    assert isinstance(out[0], SyncTimedOut) and "\n" not in out[0].user_message()
    assert len([r for r in hostile.server.requests if "/events" in r[1]]) == 1


def test_a_short_retry_after_inside_the_deadline_is_honoured(hostile: Scenario) -> None:
    hostile.pages.append(
        json_reply({"error": {"code": "rate_limited", "message": "x"}}, 429, {"Retry-After": "1"})
    )
    hostile.page([sealed_event(hostile.keys, 1, text="after the wait")])
    out = run_sync(lambda: GroupService(hostile.vault.connect()), hostile.gid, deadline=30.0)
    assert not isinstance(out[0], Exception), out
    assert hostile.texts() == ["after the wait"]
