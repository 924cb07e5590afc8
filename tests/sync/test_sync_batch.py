"""The group outbox in batches, against real server processes: order, one local transaction per
batch, lost answers, conflicts, smaller server limits, 429, cancel, and older servers without batches."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from peerapp.core.db import DatabaseError
from peerapp.sync import models, protocol, wire
from peerapp.sync.errors import ServerUnavailable
from peerapp.sync.service import GroupService
from peerapp.sync.transport import Transport
from support import servers
from support.servers import ServerProcess, start_server
from support.sync_tools import Exchange, LoopbackProxy, new_service, put_payload, record

any_server = servers.any_server
sqlite_server = servers.sqlite_server


def _members(tmp_path: Path, url: str) -> tuple[GroupService, int, GroupService, int]:
    """The creator, whose room is already registered, and a member who joined with the invite."""
    alice, bob = new_service(tmp_path / "alice"), new_service(tmp_path / "bob")
    group, invite = alice.create_group_v1(url, "Night owls", "Quiet Fox")
    alice.sync(group.id)
    return alice, group.id, bob, bob.join_group(invite, "Calm River").id


def _server_events(url: str, room: str) -> list[wire.Event | wire.Unreadable]:
    with Transport(url) as t:
        events: list[wire.Event | wire.Unreadable] = []
        while True:
            page = t.events(room, events[-1].seq if events else 0)
            events += page.events
            if not page.more:
                return events


def _server_post_ids(url: str, room: str) -> list[str]:
    return [e.id.hex() for e in _server_events(url, room) if isinstance(e, wire.PostEvent)]


def _calls(proxy: LoopbackProxy) -> list[str]:
    """The requests the proxy saw: "POST posts" (a batch), "PUT post", "DELETE post", "GET events"..."""
    out = []
    for exchange in proxy.requests:
        method, path, _version = exchange.request_line.split(" ")
        parts = path.split("?")[0].split("/")  # "", "v1", "rooms", room, "posts", and a post id
        out.append(f"{method} {'post' if len(parts) == 6 else parts[-1]}")
    return out


def _outbox(service: GroupService, gid: int) -> int:
    return int(
        service.conn.execute("SELECT count(*) FROM group_outbox WHERE group_id = ?", (gid,)).fetchone()[0]
    )


def _statuses(service: GroupService, gid: int, ids: list[str]) -> list[str]:
    return [service.store.post(gid, post_id).status for post_id in ids]  # type: ignore[union-attr]


def test_a_queue_drains_in_batches_in_order_around_other_actions(
    tmp_path: Path, any_server: ServerProcess
) -> None:
    proxy = LoopbackProxy(any_server.port)
    alice, ga, bob, gb = _members(tmp_path, proxy.url)
    early = alice.post(ga, "sent before").id
    alice.sync(ga)
    before = [alice.post(ga, f"before {i}").id for i in range(150)]
    alice.delete_post(ga, early)  # a deletion queued between two runs of posts
    after = [alice.post(ga, f"after {i}").id for i in range(70)]
    proxy.requests.clear()
    result = alice.sync(ga)
    assert (result.sent, result.conflicts, result.errors) == (221, 0, [])
    # Two batches, the deletion on its own, one batch, then the pull.
    assert _calls(proxy) == ["POST posts", "POST posts", "DELETE post", "POST posts", "GET events"]
    events = _server_events(any_server.url, record(alice, ga).room)
    kinds = [
        (type(e).__name__, e.id.hex()) for e in events if isinstance(e, (wire.PostEvent, wire.AuthorDelete))
    ]
    assert kinds == [
        *[("PostEvent", i) for i in before],
        ("AuthorDelete", early),
        *[("PostEvent", i) for i in after],
    ]
    assert _outbox(alice, ga) == 0 and set(_statuses(alice, ga, before + after)) == {models.SENT}
    # Each post's seq is the server's.
    seqs = {e.id.hex(): e.seq for e in events if isinstance(e, wire.PostEvent)}
    assert all(alice.store.post(ga, i).seq == seqs[i] for i in before + after)  # type: ignore[union-attr]
    assert bob.sync(gb).received == 220
    assert sorted(p.text for p in bob.feed(gb, limit=500)) == sorted(
        [f"before {i}" for i in range(150)] + [f"after {i}" for i in range(70)]
    )
    proxy.close()


def test_a_batch_whose_answer_is_lost_is_sent_again_without_duplicates(
    tmp_path: Path, any_server: ServerProcess
) -> None:
    lose_first_batch = [True]

    def decide(exchange: Exchange) -> str:
        if exchange.request_line.startswith("POST") and exchange.request_line.split(" ")[1].endswith(
            "/posts"
        ):
            if lose_first_batch[0]:
                lose_first_batch[0] = False
                return "drop"  # the server stores the batch; its answer never arrives
        return "forward"

    proxy = LoopbackProxy(any_server.port, decide)
    alice, ga, bob, gb = _members(tmp_path, proxy.url)
    ids = [alice.post(ga, f"note {i}").id for i in range(130)]
    with pytest.raises(ServerUnavailable):
        alice.sync(ga)
    room = record(alice, ga).room
    assert _server_post_ids(any_server.url, room) == ids[:100]  # stored, but not heard of
    assert set(_statuses(alice, ga, ids)) == {models.PENDING} and _outbox(alice, ga) == 130
    result = alice.sync(ga)
    assert result.sent == 130 and _outbox(alice, ga) == 0
    assert _server_post_ids(any_server.url, room) == ids  # each once, in order
    assert bob.sync(gb).received == 130
    proxy.close()


def test_a_failed_local_write_marks_no_post_of_the_batch_and_the_retry_adds_none(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    alice, ga, _bob, _gb = _members(tmp_path, sqlite_server.url)
    ids = [alice.post(ga, f"note {i}").id for i in range(60)]
    # The vault refuses to drop the 40th outbox row (a full disk, say), after 39 rows went.
    row = alice.conn.execute(
        "SELECT id FROM group_outbox WHERE group_id = ? ORDER BY id LIMIT 1 OFFSET 39", (ga,)
    ).fetchone()[0]
    alice.conn.execute(
        f"CREATE TEMP TRIGGER refuse BEFORE DELETE ON group_outbox WHEN OLD.id = {int(row)}"
        " BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(DatabaseError, match="disk full"):
        alice.sync(ga)
    # The server holds the batch, but not one of its posts is marked sent here.
    assert _server_post_ids(sqlite_server.url, record(alice, ga).room) == ids
    assert set(_statuses(alice, ga, ids)) == {models.PENDING} and _outbox(alice, ga) == 60
    alice.conn.execute("DROP TRIGGER temp.refuse")
    assert alice.sync(ga).sent == 60 and _outbox(alice, ga) == 0
    assert _server_post_ids(sqlite_server.url, record(alice, ga).room) == ids


def test_an_older_server_without_batches_gets_single_puts(tmp_path: Path) -> None:
    with start_server(tmp_path, "sqlite", max_batch=0) as server:
        proxy = LoopbackProxy(server.port)
        alice, ga, bob, gb = _members(tmp_path, proxy.url)
        ids = [alice.post(ga, f"note {i}").id for i in range(30)]
        proxy.requests.clear()
        assert alice.sync(ga).sent == 30
        # One try (404 no_route), then one PUT a post for the rest of the run.
        assert _calls(proxy) == ["POST posts", *["PUT post"] * 30, "GET events"]
        assert _server_post_ids(server.url, record(alice, ga).room) == ids
        assert set(_statuses(alice, ga, ids)) == {models.SENT}
        assert bob.sync(gb).received == 30
        proxy.close()


def test_a_post_whose_id_is_taken_stops_its_batch_and_each_post_is_then_settled_alone(
    tmp_path: Path, any_server: ServerProcess
) -> None:
    proxy = LoopbackProxy(any_server.port)
    alice, ga, _bob, _gb = _members(tmp_path, proxy.url)
    ids = [alice.post(ga, f"note {i}").id for i in range(20)]
    # Someone else's bytes under post 7's id (a colliding id, or a hostile member).
    keys = record(alice, ga).keys
    blob = protocol.seal_post(
        keys,
        ids[7],
        protocol.post_plaintext(kind="post", author="X", body="other", delete_hash=bytes(32), at=0),
    )
    with Transport(any_server.url) as t:
        body = put_payload(keys, ids[7], blob, protocol.new_delete_secret())
        t.put_post(keys.room, ids[7], wire.PutPost.from_json(body))
    proxy.requests.clear()
    result = alice.sync(ga)
    assert (result.sent, result.conflicts) == (19, 1)
    assert _calls(proxy) == ["POST posts", *["PUT post"] * 20, "GET events"]
    statuses = _statuses(alice, ga, ids)
    assert statuses[7] == models.CONFLICT and statuses[:7] + statuses[8:] == [models.SENT] * 19
    assert _outbox(alice, ga) == 0
    proxy.close()


def test_a_server_with_smaller_batches_gets_halves(tmp_path: Path) -> None:
    with start_server(tmp_path, "sqlite", max_batch=10) as server:
        proxy = LoopbackProxy(server.port)
        alice, ga, _bob, _gb = _members(tmp_path, proxy.url)
        ids = [alice.post(ga, f"note {i}").id for i in range(60)]
        proxy.requests.clear()
        assert alice.sync(ga).sent == 60
        # Refused as too large, the client halves its batch until the server takes it.
        assert _calls(proxy).count("POST posts") < 20 and "PUT post" not in _calls(proxy)
        assert _server_post_ids(server.url, record(alice, ga).room) == ids
        proxy.close()


def test_batches_wait_out_429_and_keep_their_order(tmp_path: Path) -> None:
    # 300 posts cost 30 tokens in three batches; the room starts with 12.
    with start_server(tmp_path, "sqlite", room_rate=50, room_burst=12) as server:
        alice, ga, bob, gb = _members(tmp_path, server.url)
        ids = [alice.post(ga, f"n={i}").id for i in range(300)]
        link = Transport(server.url)
        result = alice.sync(ga, transport=link)
        assert link.rate_waits > 0
        assert result.sent == 300 and _outbox(alice, ga) == 0
        assert _server_post_ids(server.url, record(alice, ga).room) == ids
        seqs = [alice.store.post(ga, i).seq for i in ids]  # type: ignore[union-attr]
        assert seqs == sorted(seqs)  # type: ignore[type-var]
        assert bob.sync(gb).received == 300
        link.close()


def test_cancelling_between_batches_keeps_what_was_sent(tmp_path: Path, sqlite_server: ServerProcess) -> None:
    alice, ga, _bob, _gb = _members(tmp_path, sqlite_server.url)
    ids = [alice.post(ga, f"note {i}").id for i in range(250)]
    cancel = threading.Event()
    seen: list[int] = []

    def stop_after_the_first_batch(stage: str, done: int, total: int) -> None:
        if stage == "send":
            seen.append(done)
            if done >= 100:
                cancel.set()

    result = alice.sync(ga, cancel=cancel, progress=stop_after_the_first_batch)
    assert result.cancelled and result.sent == 100
    assert seen == [0, 100]  # progress moves a batch at a time
    assert _statuses(alice, ga, ids) == [models.SENT] * 100 + [models.PENDING] * 150
    assert alice.sync(ga).sent == 150
    assert _server_post_ids(sqlite_server.url, record(alice, ga).room) == ids
