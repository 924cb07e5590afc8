"""Delivery against a real server process: idempotent puts, lost answers, crashes mid-pull, 429, restarts."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from peerapp.sync import engine, models, protocol, wire
from peerapp.sync.errors import ServerRejected, ServerUnavailable
from peerapp.sync.service import GroupService
from peerapp.sync.transport import Transport
from support import servers
from support.servers import ServerProcess, start_server
from support.sync_tools import Exchange, LoopbackProxy, new_service, put_payload, record

any_server = servers.any_server
sqlite_server = servers.sqlite_server


def _pair(tmp_path: Path, url: str) -> tuple[GroupService, int, GroupService, int]:
    """Two members of one group: the creator and someone who joined with the invite."""
    alice, bob = new_service(tmp_path / "alice"), new_service(tmp_path / "bob")
    group, invite = alice.create_group_v1(url, "Night owls", "Quiet Fox")
    joined = bob.join_group(invite, "Calm River")
    return alice, group.id, bob, joined.id


def _server_posts(url: str, room: str) -> list[wire.PostEvent]:
    with Transport(url) as t:
        events: list[wire.Event | wire.Unreadable] = []
        after = 0
        while True:
            page = t.events(room, after)
            events += page.events
            if not page.more:
                return [e for e in events if isinstance(e, wire.PostEvent)]
            after = page.events[-1].seq


def _count(service: GroupService, table: str, gid: int) -> int:
    return int(service.conn.execute(f"SELECT count(*) FROM {table} WHERE group_id = ?", (gid,)).fetchone()[0])


def test_two_members_post_reply_react_and_delete(tmp_path: Path, any_server: ServerProcess) -> None:
    alice, ga, bob, gb = _pair(tmp_path, any_server.url)
    first = alice.post(ga, "Rough night. Anyone else awake?", content_warning="low mood")
    assert alice.feed(ga)[0].status == models.PENDING
    assert alice.sync(ga).sent == 1
    assert alice.feed(ga)[0].status == models.SENT
    assert bob.sync(gb).received == 1
    (seen,) = bob.feed(gb)
    assert (seen.text, seen.pseudonym, seen.content_warning, seen.mine) == (
        "Rough night. Anyone else awake?", "Quiet Fox", "low mood", False,
    )  # fmt: skip
    reply = bob.post(gb, "Same here. Breathing helps a bit.", reply_to=first.id)
    bob.toggle_me_too(gb, first.id)
    bob.sync(gb)
    alice.sync(ga)
    head, answer = alice.thread(ga, first.id)
    assert (head.replies, head.me_too, answer.text, answer.pseudonym) == (1, 1, reply.text, "Calm River")
    # Bob takes back his "me too"; Alice (the admin) deletes Bob's reply.
    bob.toggle_me_too(gb, first.id)
    bob.sync(gb)
    alice.delete_post(ga, reply.id)
    assert alice.thread(ga, first.id)[0].replies == 0  # hidden at once
    alice.sync(ga)
    bob.sync(gb)
    head_b = bob.thread(gb, first.id)
    assert len(head_b) == 1 and head_b[0].me_too == 0 and head_b[0].replies == 0
    alice.sync(ga)
    assert alice.thread(ga, first.id)[0].me_too == 0
    # The author deletes her own post; Bob's copy goes too.
    alice.delete_post(ga, first.id)
    alice.sync(ga)
    bob.sync(gb)
    assert bob.feed(gb) == [] and alice.feed(ga) == []


def test_duplicate_put_gives_one_event_and_the_same_seq(tmp_path: Path, any_server: ServerProcess) -> None:
    alice, ga, _bob, _gb = _pair(tmp_path, any_server.url)
    alice.sync(ga)  # registers the room
    keys = record(alice, ga).keys
    post_id, secret = protocol.new_post_id(), protocol.new_delete_secret()
    value = protocol.post_plaintext(
        kind="post", author="X", body="once", delete_hash=protocol.delete_hash(secret), at=0
    )
    blob = protocol.seal_post(keys, post_id, value)
    with Transport(any_server.url) as t:
        request = wire.PutPost.from_json(put_payload(keys, post_id, blob, secret))
        seqs = {t.put_post(keys.room, post_id, request) for _ in range(3)}
    assert len(seqs) == 1
    assert [e.id.hex() for e in _server_posts(any_server.url, keys.room)] == [post_id]


def test_same_id_other_bytes_is_a_conflict_kept_locally_and_never_resent(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    alice, ga, _bob, _gb = _pair(tmp_path, sqlite_server.url)
    alice.sync(ga)
    mine = alice.post(ga, "My words")
    keys = record(alice, ga).keys
    secret = protocol.new_delete_secret()
    other = protocol.seal_post(
        keys, mine.id,
        protocol.post_plaintext(kind="post", author="Imposter", body="other words", delete_hash=protocol.delete_hash(secret), at=0),
    )  # fmt: skip
    with Transport(sqlite_server.url) as t:
        t.put_post(keys.room, mine.id, wire.PutPost.from_json(put_payload(keys, mine.id, other, secret)))
    blob_before = alice.store.post(ga, mine.id).blob  # type: ignore[union-attr]
    result = alice.sync(ga)
    assert result.conflicts == 1 and result.sent == 0
    (kept,) = alice.feed(ga)
    assert (kept.text, kept.pseudonym, kept.status) == ("My words", "Quiet Fox", models.CONFLICT)
    assert alice.store.post(ga, mine.id).blob == blob_before  # type: ignore[union-attr]
    proxy = LoopbackProxy(sqlite_server.port)
    alice.sync(ga, transport=Transport(proxy.url))
    assert not [r for r in proxy.requests if r.request_line.startswith("PUT")]  # never resent
    assert alice.feed(ga)[0].text == "My words"


def test_a_lost_answer_is_retried_with_the_same_bytes_and_marked_sent_once(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    alice, ga, _bob, _gb = _pair(tmp_path, sqlite_server.url)
    post = alice.post(ga, "Did this arrive?")
    outbox_blob = alice.store.post(ga, post.id).blob  # type: ignore[union-attr]
    dropped: list[Exchange] = []

    def drop_first_put(exchange: Exchange) -> str:
        if exchange.request_line.startswith("PUT") and not dropped:
            dropped.append(exchange)
            return "drop"
        return "forward"

    proxy = LoopbackProxy(sqlite_server.port, drop_first_put)
    with pytest.raises(ServerUnavailable):
        alice.sync(ga, transport=Transport(proxy.url))
    assert alice.feed(ga)[0].status == models.PENDING  # the client never heard back
    room = record(alice, ga).room
    (stored,) = _server_posts(sqlite_server.url, room)  # ...but the server committed it
    assert stored.blob == outbox_blob
    result = alice.sync(ga, transport=Transport(proxy.url))
    assert result.sent == 1
    puts = [r for r in proxy.requests if r.request_line.startswith("PUT")]
    assert len(puts) == 2 and puts[0].body == puts[1].body  # the retry sent the very same bytes
    (sent,) = alice.feed(ga)
    assert sent.status == models.SENT and sent.seq == stored.seq
    assert [e.seq for e in _server_posts(sqlite_server.url, room)] == [stored.seq]
    assert _count(alice, "group_outbox", ga) == 0


def _filled_room(tmp_path: Path, url: str, n: int) -> tuple[GroupService, int, GroupService, int]:
    alice, ga, bob, gb = _pair(tmp_path, url)
    for i in range(n):
        alice.post(ga, f"post {i}")
    alice.sync(ga)
    return alice, ga, bob, gb


def test_a_truncated_page_does_not_move_the_cursor(
    tmp_path: Path, sqlite_server: ServerProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "PAGE_SIZE", 5)
    _alice, _ga, bob, gb = _filled_room(tmp_path, sqlite_server.url, 12)
    pages: list[Exchange] = []

    def cut_second_page(exchange: Exchange) -> str:
        if "/events" in exchange.request_line:
            pages.append(exchange)
            if len(pages) == 2:
                return "truncate"
        return "forward"

    proxy = LoopbackProxy(sqlite_server.port, cut_second_page)
    with pytest.raises(ServerUnavailable):
        bob.sync(gb, transport=Transport(proxy.url))
    assert record(bob, gb).cursor == 5 and _count(bob, "group_post", gb) == 5
    bob.sync(gb)
    assert record(bob, gb).cursor == 12 and len(bob.feed(gb)) == 12


def test_a_crash_while_applying_rolls_back_the_page_and_its_cursor(
    tmp_path: Path, sqlite_server: ServerProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "PAGE_SIZE", 5)
    _alice, _ga, bob, gb = _filled_room(tmp_path, sqlite_server.url, 12)
    original = engine.SyncEngine.apply

    def crash_at_seq_8(self: engine.SyncEngine, event: wire.Event | wire.Unreadable) -> None:
        if event.seq == 8:
            raise RuntimeError("power cut")
        original(self, event)

    monkeypatch.setattr(engine.SyncEngine, "apply", crash_at_seq_8)
    with pytest.raises(RuntimeError):
        bob.sync(gb)
    assert record(bob, gb).cursor == 5 and _count(bob, "group_post", gb) == 5
    monkeypatch.setattr(engine.SyncEngine, "apply", original)
    assert bob.sync(gb).received == 7
    assert sorted(p.text for p in bob.feed(gb)) == sorted(f"post {i}" for i in range(12))


def test_a_deletion_of_a_post_never_seen_is_remembered(tmp_path: Path, sqlite_server: ServerProcess) -> None:
    alice, ga, bob, gb = _pair(tmp_path, sqlite_server.url)
    post = alice.post(ga, "Regret this one")
    alice.sync(ga)
    alice.delete_post(ga, post.id)
    alice.sync(ga)
    result = bob.sync(gb)  # sees only the tombstone: the server drops the deleted post's event
    assert result.received == 0 and result.discarded == 0
    assert bob.store.tombstone(gb, post.id) is not None
    assert bob.feed(gb) == []


def test_a_reply_that_arrives_before_its_parent_is_threaded_later(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    alice, ga, bob, gb = _pair(tmp_path, sqlite_server.url)
    alice.sync(ga)
    keys = record(alice, ga).keys
    parent_id, reply_id = protocol.new_post_id(), protocol.new_post_id()

    def put(post_id: str, body: str, reply_to: str | None) -> None:
        secret = protocol.new_delete_secret()
        value = protocol.post_plaintext(
            kind="post", author="Early Bird", body=body, delete_hash=protocol.delete_hash(secret), at=0, reply_to=reply_to
        )  # fmt: skip
        with Transport(sqlite_server.url) as t:
            t.put_post(
                keys.room,
                post_id,
                wire.PutPost.from_json(
                    put_payload(keys, post_id, protocol.seal_post(keys, post_id, value), secret)
                ),
            )

    put(reply_id, "the reply", parent_id)
    assert bob.sync(gb).received == 1
    assert bob.feed(gb) == []  # a reply, not a top-level post; kept until its parent comes
    put(parent_id, "the parent", None)
    bob.sync(gb)
    head, reply = bob.thread(gb, parent_id)
    assert (head.text, head.replies, reply.text) == ("the parent", 1, "the reply")


def test_a_thousand_queued_posts_drain_in_order_through_429(tmp_path: Path) -> None:
    # One PUT a post (a server without batch uploads); tests/sync/test_sync_batch.py takes batches through 429.
    # 40 a second: a client would have to take over 25 ms a PUT never to meet a 429 (a busy machine
    # took longer than the 10 ms that 100 a second allowed), and 1,000 posts still drain in about 25 s.
    server = start_server(tmp_path, "sqlite", room_rate=40, room_burst=40, max_batch=0)
    try:
        alice, ga, bob, gb = _pair(tmp_path, server.url)
        ids = [alice.post(ga, f"n={i}").id for i in range(1000)]
        link = Transport(server.url)
        result = alice.sync(ga, transport=link)
        assert link.rate_waits > 0  # the server did answer 429 on the way
        assert result.sent == 1000 and _count(alice, "group_outbox", ga) == 0
        seqs = [alice.store.post(ga, i).seq for i in ids]  # type: ignore[union-attr]
        assert all(s is not None for s in seqs) and seqs == sorted(seqs)  # type: ignore[type-var]
        posts = _server_posts(server.url, record(alice, ga).room)
        assert [e.id.hex() for e in posts] == ids
        bob.sync(gb)
        assert len(bob.feed(gb, limit=2000)) == 1000
    finally:
        server.stop()


def test_a_server_killed_mid_sync_loses_nothing_and_duplicates_nothing(tmp_path: Path) -> None:
    server = start_server(tmp_path, "sqlite", room_rate=0)
    try:
        alice, ga, bob, gb = _pair(tmp_path, server.url)
        texts = [f"note {i}" for i in range(300)]
        for text in texts:
            alice.post(ga, text)

        def kill_midway(stage: str, done: int, _total: int) -> None:
            if stage == engine.STAGE_SEND and done > 100:  # after the first batch
                server.stop(kill=True)

        with pytest.raises(ServerUnavailable):
            alice.sync(ga, progress=kill_midway)
        assert 0 < _count(alice, "group_outbox", ga) < 301
        server.start()
        alice.sync(ga)
        assert _count(alice, "group_outbox", ga) == 0
        assert {p.status for p in alice.feed(ga, limit=500)} == {models.SENT}
        posts = _server_posts(server.url, record(alice, ga).room)
        assert len(posts) == 300 and len({e.id.hex() for e in posts}) == 300
        bob.sync(gb)
        assert sorted(p.text for p in bob.feed(gb, limit=500)) == sorted(texts)
    finally:
        server.stop()


def test_an_upload_without_a_valid_write_signature_is_rejected(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    alice, ga, _bob, _gb = _pair(tmp_path, sqlite_server.url)
    alice.sync(ga)
    keys = record(alice, ga).keys
    post_id, secret = protocol.new_post_id(), protocol.new_delete_secret()
    blob = protocol.seal_post(
        keys, post_id, protocol.post_plaintext(kind="post", author="X", body="b", delete_hash=protocol.delete_hash(secret), at=0)
    )  # fmt: skip
    payload = put_payload(keys, post_id, blob, secret)
    outsider = protocol.GroupKeys.from_secret(protocol.new_secret())
    forged = {**payload, "sig": protocol.b64e(protocol.sign(outsider.write_key, protocol.put_message(keys.room_id, post_id, blob, protocol.delete_hash(secret))))}  # fmt: skip
    with Transport(sqlite_server.url) as t, pytest.raises(ServerRejected) as caught:
        t.put_post(keys.room, post_id, wire.PutPost.from_json(forged))
    assert caught.value.code == "bad_signature"
    # Bodies the client's model would not even build, sent by hand.
    for bad in ({**payload, "sig": ""}, {k: v for k, v in payload.items() if k != "sig"}):
        response = httpx.put(f"{sqlite_server.url}/v1/rooms/{keys.room}/posts/{post_id}", json=bad)
        assert (response.status_code, response.json()["error"]["code"]) == (400, "bad_request")
    assert _server_posts(sqlite_server.url, keys.room) == []


def test_leaving_wipes_every_local_row_of_the_group(tmp_path: Path, sqlite_server: ServerProcess) -> None:
    alice, ga, bob, gb = _pair(tmp_path, sqlite_server.url)
    alice.post(ga, "hello")
    alice.sync(ga)
    bob.sync(gb)
    bob.post(gb, "queued, never sent")
    bob.leave_group(gb)
    for table in ("group_post", "group_outbox", "group_tombstone", "group_report"):
        assert _count(bob, table, gb) == 0
    assert bob.conn.execute("SELECT count(*) FROM peer_group").fetchone()[0] == 0
    assert alice.feed(ga)[0].text == "hello"  # the others keep theirs
