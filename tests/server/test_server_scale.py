"""Several real server processes on one PostgreSQL database: seqs, shared limits and quotas, a killed process."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
from scale_support import DataPlaneServer, error_code, start

from support.servers import Room, pg_cluster

WRITERS_PER_SERVER = 3
POSTS_PER_WRITER = 20


def twin(room: Room, url: str) -> Room:
    """The same room's keys, talking to another server process."""
    other = Room(url)
    other.keys, other.admin = room.keys, room.admin
    return other


def three_servers(tmp_path: Path, **options: Any) -> list[DataPlaneServer]:
    db = pg_cluster().new_database()
    data_plane = options.pop("data_plane", {})
    return [start(tmp_path, db_url=db, data_plane=data_plane, **options) for _ in range(3)]


def stop_all(servers: list[DataPlaneServer]) -> None:
    for server in servers:
        server.stop()


def test_concurrent_writers_on_three_processes_get_gap_free_unique_seqs(tmp_path: Path) -> None:
    servers = three_servers(tmp_path, room_rate=0, retention_days=0)
    try:
        room = Room(servers[0].url)
        assert room.create().status_code == 201
        acked: dict[str, int] = {}
        lock = threading.Lock()
        failures: list[str] = []

        def write(server: DataPlaneServer, batches: bool) -> None:
            mine = twin(room, server.url)
            try:
                for i in range(POSTS_PER_WRITER // (5 if batches else 1)):
                    if batches:
                        posts = [mine.seal(f"batch {i}") for _ in range(5)]
                        body = {"posts": [{"id": p, **mine.put_body(p, b, s)} for p, b, s in posts]}
                        answer = mine.http.post(f"/v1/rooms/{room.room}/posts", json=body)
                        if answer.status_code != 200:
                            failures.append(answer.text)
                            continue
                        with lock:
                            acked.update(zip((p for p, _, _ in posts), answer.json()["seqs"], strict=True))
                    else:
                        post_id, blob, secret = mine.seal(f"single {i}")
                        answer = mine.put(post_id, blob, secret)
                        if answer.status_code != 200:
                            failures.append(answer.text)
                            continue
                        with lock:
                            acked[post_id] = answer.json()["seq"]
            finally:
                mine.close()

        threads = [
            threading.Thread(target=write, args=(server, n % 2 == 1))
            for server in servers
            for n in range(WRITERS_PER_SERVER)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        total = len(servers) * WRITERS_PER_SERVER * POSTS_PER_WRITER
        assert len(acked) == total
        # Every seq once, 1..N with no gap, and each server hands out the same history.
        assert sorted(acked.values()) == list(range(1, total + 1))
        for server in servers:
            reader = twin(room, server.url)
            events = reader.all_events()
            reader.close()
            assert [e["seq"] for e in events] == list(range(1, total + 1))
            assert {e["id"]: e["seq"] for e in events} == acked
        room.close()
    finally:
        stop_all(servers)


def test_a_rooms_rate_limit_holds_across_processes(tmp_path: Path) -> None:
    # A refill of one token in 1000 s: nothing comes back during the test, whatever its speed.
    servers = three_servers(tmp_path, room_rate=0.001, room_burst=6)
    try:
        room = Room(servers[0].url)
        assert room.create().status_code == 201
        rooms = [twin(room, server.url) for server in servers]
        # 12 reads spread over three processes: per-process buckets would let all 12 through.
        codes = [rooms[i % 3].events().status_code for i in range(12)]
        assert codes.count(200) == 6
        assert codes.count(429) == 6
        limited = rooms[2].events()
        assert error_code(limited) == "rate_limited"
        assert int(limited.headers["retry-after"]) >= 1
        for r in rooms:
            r.close()
    finally:
        stop_all(servers)


def test_room_creation_bucket_is_shared_by_processes(tmp_path: Path) -> None:
    servers = three_servers(tmp_path, create_rate=0.001, create_burst=4)
    try:
        codes = []
        for i in range(9):
            new = Room(servers[i % 3].url)
            codes.append(new.create().status_code)
            new.close()
        assert codes.count(201) == 4
        assert codes.count(429) == 5
    finally:
        stop_all(servers)


def test_posts_per_day_quota_holds_across_processes(tmp_path: Path) -> None:
    servers = three_servers(tmp_path, data_plane={"room_day_posts": 5})
    try:
        room = Room(servers[0].url)
        assert room.create().status_code == 201
        rooms = [twin(room, server.url) for server in servers]
        answers = [rooms[i % 3].put(*rooms[i % 3].seal()) for i in range(8)]
        assert [a.status_code for a in answers] == [200] * 5 + [403] * 3
        assert {error_code(a) for a in answers[5:]} == {"quota_posts"}
        assert 1 <= int(answers[5].headers["retry-after"]) <= 86400
        for r in rooms:
            r.close()
    finally:
        stop_all(servers)


def test_a_process_killed_mid_write_loses_nothing_acknowledged(tmp_path: Path) -> None:
    victim, survivor = three_servers(tmp_path, room_rate=0)[:2]
    try:
        room = Room(survivor.url)
        assert room.create().status_code == 201
        acked: dict[str, int] = {}
        stop = threading.Event()
        started = threading.Event()

        def write() -> None:
            mine = twin(room, victim.url)
            mine.http.timeout = httpx.Timeout(10)
            while not stop.is_set():
                post_id, blob, secret = mine.seal()
                try:
                    answer = mine.put(post_id, blob, secret)
                except httpx.HTTPError:
                    break  # the process is gone: this post was never acknowledged
                if answer.status_code == 200:
                    acked[post_id] = answer.json()["seq"]
                    if len(acked) >= 30:
                        started.set()
            mine.close()

        writers = [threading.Thread(target=write) for _ in range(4)]
        for thread in writers:
            thread.start()
        assert started.wait(120)
        victim.stop(kill=True)  # SIGKILL with requests in flight
        stop.set()
        for thread in writers:
            thread.join(60)
        events = room.all_events()
        held = {e["id"]: e["seq"] for e in events}
        # Every acknowledged post is there under the seq it was given; a write the kill cut off is
        # wholly there or wholly absent, so the seqs stay gap-free.
        assert {p: held.get(p) for p in acked} == acked
        assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
        # And the room goes on from there.
        _, seq, _ = room.post("after the crash")
        assert seq == len(events) + 1
        room.close()
    finally:
        survivor.stop()
        victim.stop()


@pytest.mark.parametrize("mode", ["token"])
def test_creation_tokens_work_on_every_process(tmp_path: Path, mode: str) -> None:
    from scale_support import admin

    servers = three_servers(tmp_path, data_plane={"creation": mode})
    try:
        issued = admin(servers[0].db_url, "token", "issue")
        assert issued.returncode == 0, issued.stderr
        token = issued.stdout.strip()
        for server in servers:
            new = Room(server.url)
            refused = new.http.post("/v1/rooms", json=new.create_body())
            assert error_code(refused) == "creation_token_required"
            made = new.http.post(
                "/v1/rooms", json=new.create_body(), headers={"peerapp-creation-token": token}
            )
            assert made.status_code == 201
            new.close()
    finally:
        stop_all(servers)


def test_full_buckets_are_forgotten_and_others_kept() -> None:
    from peerapp.server.pg_store import PostgresStore

    url = pg_cluster().new_database()

    async def keys_after(rate: float) -> set[bytes]:
        store = PostgresStore(url)
        await store.open()
        store.prune_every = 0.0  # prune before every take, instead of once a minute
        try:
            await store.pool.execute("DELETE FROM rate_buckets")
            await store.take_tokens(b"rA", rate, 1.0, 1)
            await asyncio.sleep(0.05)  # at 1000 a second the bucket is full again after 1 ms
            await store.take_tokens(b"rB", rate, 1.0, 1)
            return {bytes(r[0]) for r in await store.pool.fetch("SELECT key FROM rate_buckets")}
        finally:
            await store.close()

    # A room's row (its id and when it was last used) goes once it is full again ...
    assert asyncio.run(keys_after(1000.0)) == {b"rB"}
    # ... and not before: a bucket still refilling keeps its debt.
    assert asyncio.run(keys_after(0.001)) == {b"rA", b"rB"}
