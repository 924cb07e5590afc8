"""Batch uploads (POST /v1/rooms/{room}/posts) against real server processes: stored whole or not at
all, idempotent on retry, hostile batches refused with one clear 4xx, and charged fairly by the limiter."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_server_fuzz import FuzzStats, _settings, json_value, server_faults

from peerapp.sync import protocol, wire
from support import servers
from support.servers import Room, ServerProcess, start_server

any_server = servers.any_server
sqlite_server = servers.sqlite_server

Post = tuple[str, bytes, bytes]  # (post id, blob, delete secret), as Room.seal makes them


def posts(room: Room, count: int, text: str = "hello") -> list[Post]:
    return [room.seal(f"{text} {i}") for i in range(count)]


def batch_body(room: Room, batch: list[Post]) -> dict[str, Any]:
    return {
        "posts": [{"id": post_id, **room.put_body(post_id, blob, secret)} for post_id, blob, secret in batch]
    }


def upload(room: Room, body: object) -> httpx.Response:
    response: httpx.Response = room.http.post(f"/v1/rooms/{room.room}/posts", json=body)
    return response


def code(response: httpx.Response) -> tuple[int, str]:
    return response.status_code, str(response.json()["error"]["code"])


def post_ids(room: Room) -> list[str]:
    return [e["id"] for e in room.all_events() if e["type"] == "post"]


def test_a_batch_is_stored_in_order_and_a_retry_adds_nothing(any_server: ServerProcess) -> None:
    room = Room(any_server.url)
    assert room.create().status_code == 201
    first = posts(room, 40, "first")
    answer = upload(room, batch_body(room, first))
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"seqs": list(range(1, 41))}
    assert post_ids(room) == [post_id for post_id, _, _ in first]
    # The answer was lost and the client sends the batch again: the same seqs, nothing new.
    assert upload(room, batch_body(room, first)).json() == {"seqs": list(range(1, 41))}
    # A retry that also carries new posts: the old keep their seqs, the new ones follow in order.
    more = posts(room, 10, "more")
    mixed = first[30:] + more
    assert upload(room, batch_body(room, mixed)).json() == {"seqs": [*range(31, 41), *range(41, 51)]}
    # A single PUT of a post stored by a batch is a retry too.
    assert room.put(*first[0]).json() == {"seq": 1}
    assert post_ids(room) == [post_id for post_id, _, _ in first + more]
    assert room.events().json()["head"] == 50
    room.close()


@pytest.mark.parametrize("why", ["conflict", "gone"])
def test_a_batch_is_stored_whole_or_not_at_all(any_server: ServerProcess, why: str) -> None:
    room = Room(any_server.url)
    room.create()
    taken_id, _seq, secret = room.post("already there")
    if why == "gone":
        assert room.delete_author(taken_id, secret).status_code == 200
    batch = posts(room, 12)
    _, other_blob, other_secret = room.seal("other bytes")
    batch[5] = (taken_id, other_blob, other_secret) if why == "conflict" else (taken_id, *batch[5][1:])
    head = room.events().json()["head"]
    answer = upload(room, batch_body(room, batch))
    assert code(answer) == ((409, "conflict") if why == "conflict" else (410, "gone"))
    message = answer.json()["error"]["message"]
    assert message.startswith("Post 5 of the batch:") and message.endswith("Nothing was stored.")
    # Not one of the eleven good posts went in, and no seq was used up.
    assert room.events().json()["head"] == head
    assert {post_id for post_id, _, _ in batch} & set(post_ids(room)) <= {taken_id}
    # Without the post that stopped it, the batch goes in whole and takes the next seqs.
    del batch[5]
    assert upload(room, batch_body(room, batch)).json() == {"seqs": list(range(head + 1, head + 12))}
    room.close()


def test_the_same_batch_sent_at_once_from_four_connections_is_stored_once(any_server: ServerProcess) -> None:
    room = Room(any_server.url)
    room.create()
    body = batch_body(room, posts(room, 60))
    answers: list[httpx.Response] = []

    def send() -> None:
        with httpx.Client(base_url=any_server.url, timeout=60) as http:
            answers.append(http.post(f"/v1/rooms/{room.room}/posts", json=body))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert [a.status_code for a in answers] == [200] * 4
    assert all(a.json() == {"seqs": list(range(1, 61))} for a in answers)
    assert len(room.all_events()) == 60
    room.close()


def _over_the_limit(room: Room) -> bytes:
    batch = posts(room, 30)
    body = batch_body(room, batch)
    for item in body["posts"]:
        item["blob"] = "A" * 40_000
    data = json.dumps(body).encode()
    assert len(data) > protocol.MAX_BATCH_BODY
    return data


def test_hostile_batches_get_one_clear_4xx_and_store_nothing(sqlite_server: ServerProcess) -> None:
    room, stranger = Room(sqlite_server.url), Room(sqlite_server.url)
    room.create()
    good = posts(room, 8)
    valid = batch_body(room, good)
    forged = batch_body(room, good)
    forged["posts"][6]["sig"] = protocol.b64e(protocol.sign(stranger.keys.write_key, b"not this"))
    first = dict(valid["posts"][0])
    cases: list[tuple[str, object, tuple[int, str]]] = [
        ("too many", batch_body(room, posts(room, protocol.MAX_BATCH + 1)), (400, "bad_request")),
        ("none", {"posts": []}, (400, "bad_request")),
        ("not a list", {"posts": first}, (400, "bad_request")),
        ("not objects", {"posts": [1, 2]}, (400, "bad_request")),
        (
            "a missing field",
            {"posts": [{k: v for k, v in first.items() if k != "sig"}]},
            (400, "bad_request"),
        ),
        ("an unknown field in a post", {"posts": [{**first, "seq": 1}]}, (400, "bad_request")),
        ("an unknown field", {**valid, "room": room.room}, (400, "bad_request")),
        ("a bad id", {"posts": [{**first, "id": first["id"].upper()}]}, (400, "bad_request")),
        ("not an envelope", {"posts": [{**first, "blob": protocol.b64e(bytes(300))}]}, (400, "bad_request")),
        ("the same id twice", {"posts": [first, first]}, (400, "bad_request")),
        ("a forged post", forged, (403, "bad_signature")),
        ("not an object", [first], (400, "bad_request")),
    ]
    for name, body, expected in cases:
        assert code(upload(room, body)) == expected, name
    assert code(stranger_upload := upload(stranger, batch_body(stranger, posts(stranger, 2)))) == (
        404,
        "no_room",
    )
    assert "no such room" in stranger_upload.json()["error"]["message"]
    assert "Post 6 of the batch" in upload(room, forged).json()["error"]["message"]
    bad_blob = {"posts": [first, {**first, "id": "0" * 32, "blob": "x"}]}
    assert upload(room, bad_blob).json()["error"]["message"].startswith("In posts[1]: Field blob")
    # Too big, with a Content-Length and without one (chunked): refused before it is read whole.
    data = _over_the_limit(room)
    url = f"/v1/rooms/{room.room}/posts"
    headers = {"content-type": "application/json"}
    assert code(room.http.post(url, content=data, headers=headers)) == (413, "too_large")

    def chunks() -> Iterator[bytes]:
        for i in range(0, len(data), 16384):
            yield data[i : i + 16384]

    assert code(room.http.post(url, content=chunks(), headers=headers)) == (413, "too_large")
    assert code(room.http.post(url, content=b"{", headers=headers)) == (400, "bad_request")
    assert code(room.http.post(f"/v1/rooms/{'A' * 64}/posts", json=valid)) == (400, "bad_request")
    wrong_method = room.http.get(url)
    assert code(wrong_method) == (405, "method_not_allowed") and wrong_method.headers["allow"] == "POST"
    assert room.all_events() == []
    # The server is fine and still takes the valid batch.
    assert upload(room, valid).json() == {"seqs": list(range(1, 9))}
    assert server_faults(sqlite_server) == []
    room.close()
    stranger.close()


def test_a_batch_pays_a_token_for_every_ten_posts(tmp_path: Path) -> None:
    # No refill to speak of during the test (one token every 100 s), 25 tokens to start.
    with start_server(tmp_path, "sqlite", room_rate=0.01, room_burst=25) as server:
        room = Room(server.url)
        room.create()
        small = [batch_body(room, posts(room, 100)) for _ in range(3)]
        assert len(json.dumps(small[0])) < protocol.MAX_BODY  # its bytes alone would cost one token
        assert upload(room, small[0]).status_code == 200  # 10 tokens: 15 left
        assert upload(room, small[1]).status_code == 200  # 10 tokens: 5 left
        limited = upload(room, small[2])
        assert code(limited) == (429, "rate_limited")
        assert int(limited.headers["retry-after"]) >= 400  # 5 more tokens, at 0.01 a second
        # The 5 tokens left still serve single PUTs; the room's other posts are not locked out.
        assert room.put(*room.seal("one more")).status_code == 200
        assert len(room.all_events()) == 201
        room.close()


def test_a_batch_pays_for_its_bytes_as_single_puts_would(tmp_path: Path) -> None:
    with start_server(tmp_path, "sqlite", room_rate=0.01, room_burst=10) as server:
        room = Room(server.url)
        room.create()
        # 20 posts of the largest bucket: about 0.9 MB, 14 tokens' worth of single requests.
        big = batch_body(room, posts(room, 20, "ق" * 16000))
        size = len(httpx.Request("POST", "http://x", json=big).content)
        assert 13 * protocol.MAX_BODY < size <= protocol.MAX_BATCH_BODY
        # More than the burst: it goes through when the bucket is full, and leaves it 4 in debt ...
        assert upload(room, big).status_code == 200
        # ... so the next request waits for 5 tokens, not 1.
        limited = room.put(*room.seal("right after"))
        assert code(limited) == (429, "rate_limited")
        assert int(limited.headers["retry-after"]) >= 400
        assert room.events().status_code == 200  # reads have their own bucket
        room.close()


def test_batches_that_prove_nothing_cost_no_tokens(tmp_path: Path) -> None:
    with start_server(tmp_path, "sqlite", room_rate=0.01, room_burst=10) as server:
        room, stranger = Room(server.url), Room(server.url)
        room.create()
        batch = posts(room, 100)
        for _ in range(5):  # someone who knows the room id, but not its write key
            forged = batch_body(stranger, batch)
            assert code(upload(room, forged)) == (403, "bad_signature")
            assert code(upload(room, {"posts": forged["posts"] * 2})) == (400, "bad_request")
        assert upload(room, batch_body(room, batch)).status_code == 200  # all 10 tokens were still there
        room.close()
        stranger.close()


def test_with_max_batch_0_the_server_answers_like_an_older_one(tmp_path: Path) -> None:
    with start_server(tmp_path, "sqlite", max_batch=0) as server:
        room = Room(server.url)
        room.create()
        assert code(upload(room, batch_body(room, posts(room, 3)))) == (404, "no_route")
        document = room.http.get("/v1/openapi.json").json()
        assert (
            "/v1/rooms/{room}/posts" not in document["paths"]
            and "PutPosts" not in document["components"]["schemas"]
        )
        assert room.put(*room.seal()).status_code == 200  # single PUTs as ever
        room.close()
    with start_server(tmp_path, "sqlite", max_batch=5) as server:
        room = Room(server.url)
        room.create()
        assert code(upload(room, batch_body(room, posts(room, 6)))) == (413, "too_large")
        assert upload(room, batch_body(room, posts(room, 5))).status_code == 200
        room.close()


@st.composite
def mutated_batch(draw: Any, body: dict[str, Any]) -> bytes:
    """A valid batch with one post broken: a field replaced by odd JSON, dropped or added, or the
    whole post replaced."""
    posts = [{name: json.dumps(value) for name, value in post.items()} for post in body["posts"]]
    at = draw(st.integers(0, len(posts) - 1))
    post = posts[at]
    how = draw(st.sampled_from(["field", "field", "drop", "extra", "item"]))
    odd = draw(json_value)
    if how == "field":
        post[draw(st.sampled_from(sorted(post)))] = odd
    elif how == "drop":
        del post[draw(st.sampled_from(sorted(post)))]
    elif how == "extra":
        post[draw(st.text(max_size=10))] = odd
    texts = ["{" + ",".join(f"{json.dumps(name)}:{value}" for name, value in p.items()) + "}" for p in posts]
    if how == "item":
        texts[at] = odd
    return ('{"posts":[' + ",".join(texts) + "]}").encode()


def test_fuzzing_the_batch_endpoint_finds_no_5xx(tmp_path: Path) -> None:
    server = start_server(tmp_path, "sqlite", room_rate=0, create_rate=0)
    room = Room(server.url)
    stats = FuzzStats()
    try:
        room.create()
        body = batch_body(room, posts(room, 3))
        url = f"/v1/rooms/{room.room}/posts"

        @_settings(200, 14)
        @given(data=mutated_batch(body))
        def run(data: bytes) -> None:
            stats.record(data[:80].decode("utf-8", "replace"), room.http.post(url, content=data))

        run()
        assert stats.requests == 200
        assert stats.five_xx == 0, stats.server_errors
        assert stats.not_json == 0
        assert stats.statuses[400] > 100
        assert server_faults(server) == []
        assert upload(room, batch_body(room, posts(room, 2))).status_code == 200
    finally:
        room.close()
        server.stop()


def test_batch_answers_match_the_document_and_name_only_listed_codes(tmp_path: Path) -> None:
    with start_server(tmp_path, "sqlite", room_rate=0.01, room_burst=12) as server:
        document = httpx.get(server.url + "/v1/openapi.json").json()
        declared = document["paths"][wire.PUT_POSTS.path]["post"]["responses"]
        room, stranger = Room(server.url), Room(server.url)
        room.create()
        taken_id, _seq, _secret = room.post("taken")  # 1 token
        gone_id, _seq, gone_secret = room.post("gone")  # 1 token
        room.delete_author(gone_id, gone_secret)  # 1 token
        batch = posts(room, 5)
        forged = batch_body(stranger, batch)
        other = room.seal("other bytes")
        answers = [
            upload(room, batch_body(room, batch)),  # 200, 1 token
            upload(room, batch_body(room, batch)),  # 200 again, 1 token
            upload(room, {"posts": forged["posts"] * 2}),  # 400
            upload(room, forged),  # 403
            upload(stranger, batch_body(stranger, batch)),  # 404
            upload(room, batch_body(room, [(taken_id, other[1], other[2])])),  # 409, 1 token
            upload(room, batch_body(room, [(gone_id, other[1], other[2])])),  # 410, 1 token
            room.http.post(f"/v1/rooms/{room.room}/posts", content=_over_the_limit(room)),  # 413
            upload(room, batch_body(room, posts(room, 100))),  # 429: 10 tokens, 5 left
        ]
        assert [a.status_code for a in answers] == [200, 200, 400, 403, 404, 409, 410, 413, 429]
        for answer in answers:
            status = str(answer.status_code)
            assert status in declared, (status, answer.text)
            schema = declared[status]["content"]["application/json"]["schema"]
            jsonschema.Draft202012Validator({**schema, "components": document["components"]}).validate(
                answer.json()
            )
            if answer.status_code >= 400:
                error = answer.json()["error"]["code"]
                assert error in wire.PUT_POSTS.errors and wire.ERRORS[error][0] == answer.status_code
        assert "retry-after" in answers[-1].headers and "Retry-After" in declared["429"]["headers"]
        room.close()
        stranger.close()
