"""Fuzz a real server process from its own OpenAPI document (schemathesis), with hostile JSON inside
otherwise valid signed requests (hypothesis), and with broken HTTP on raw sockets. No answer may be a 5xx,
and the server may log no traceback or internal error.

The functions here are the engine of bench/torture_server.py too; the test below is the small,
always-on run (a few hundred requests).
"""

from __future__ import annotations

import json
import random
import socket
import urllib.parse
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.core.result import Ok

from peerapp.sync import protocol
from support.servers import Room, ServerProcess, start_server

# What the server may print that is not a fault: uvicorn's note on a request it could not parse.
BENIGN = ("listening on http://", "skipped ", "WARNING:  Invalid HTTP request received.")
FAULT_MARKS = ("Traceback", "internal error", "Exception", "Error")


@dataclass
class FuzzStats:
    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)  # a few 5xx examples, for the report
    bad_405: int = 0  # 405 without an Allow header
    not_json: int = 0  # an error from the app that is not {"error": {"code", "message"}}

    @property
    def five_xx(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    def add(self, other: FuzzStats) -> None:
        self.requests += other.requests
        self.statuses.update(other.statuses)
        self.server_errors += other.server_errors[: max(0, 10 - len(self.server_errors))]
        self.bad_405 += other.bad_405
        self.not_json += other.not_json

    def record(self, what: str, response: httpx.Response) -> None:
        self.requests += 1
        self.statuses[response.status_code] += 1
        if response.status_code >= 500 and len(self.server_errors) < 10:
            self.server_errors.append(f"{response.status_code} {what}")
        if response.status_code == 405 and not response.headers.get("allow"):
            self.bad_405 += 1
        if response.status_code >= 400 and response.request.method != "HEAD":
            try:
                error = response.json()["error"]
                ok = isinstance(error["code"], str) and isinstance(error["message"], str)
            except (ValueError, KeyError, TypeError):
                ok = False
            self.not_json += not ok


def server_faults(server: ServerProcess) -> list[str]:
    """Lines of the server's output that show a fault: a traceback or a logged internal error."""
    lines = [line.rstrip() for line in server.output.splitlines() if line.strip()]
    return [
        line for line in lines if not line.startswith(BENIGN) and any(mark in line for mark in FAULT_MARKS)
    ]


def _settings(examples: int, number: int) -> Callable[[Callable[..., None]], Callable[[], None]]:
    """Hypothesis settings for a fixed number of generated cases from a given seed, nothing saved."""
    chosen = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate],
    )

    def apply(test: Callable[..., None]) -> Callable[[], None]:
        wrapped: Callable[[], None] = seed(number)(chosen(test))
        return wrapped

    return apply


# --- 1. schemathesis: cases generated from the server's OpenAPI document -------------------------


def fuzz_openapi(base_url: str, room: str, examples: int, seed: int = 0) -> FuzzStats:
    """Every operation, schema-valid and schema-breaking cases, against unknown and known rooms."""
    stats = FuzzStats()
    document = httpx.get(base_url + "/v1/openapi.json", timeout=30).json()
    schema = schemathesis.openapi.from_dict(document)
    client = httpx.Client(base_url=base_url, timeout=30)
    try:
        for result in schema.get_all_operations():
            if not isinstance(result, Ok):
                raise AssertionError(f"the OpenAPI document does not load: {result}")
            operation = result.ok()
            params = {"room": room} if "{room}" in operation.path else None
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                for fixed in (None, params) if params else (None,):
                    strategy = operation.as_strategy(generation_mode=mode, path_parameters=fixed)
                    label = f"{operation.path} ({mode.value})"
                    try:
                        _run_cases(client, stats, base_url, strategy, label, examples, seed)
                    except Unsatisfiable:  # e.g. GET /v1/health has nothing to break in negative mode
                        pass
    finally:
        client.close()
    return stats


def _run_cases(
    client: httpx.Client,
    stats: FuzzStats,
    base_url: str,
    strategy: Any,
    label: str,
    examples: int,
    number: int,
) -> None:
    @_settings(examples, number)
    @given(case=strategy)
    def run(case: Any) -> None:
        kw = case.as_transport_kwargs(base_url=base_url)
        headers = {k: v for k, v in (kw.get("headers") or {}).items() if k.lower() != "cookie"}
        data = kw.get("data")
        response = client.request(
            kw["method"],
            kw["url"],
            headers=headers,
            params=kw.get("params"),
            content=data if isinstance(data, (bytes, str)) else None,
            json=kw["json"] if "json" in kw else None,
        )
        stats.record(f"{kw['method']} {label}", response)

    run()


# --- 2. hypothesis: hostile JSON inside otherwise valid, signed requests --------------------------

HUGE_INT = "9" * 5000
# JSON text that parses to something odd, or fails to parse in odd ways.
ODD_JSON = [
    HUGE_INT,
    "-" + "1" * 4301,
    "1e999",
    "-1e999",
    "NaN",
    "Infinity",
    '"\\ud800"',
    '"\\u0000"',
    "[" * 5000 + "]" * 5000,
    '{"a":' * 2000 + "1" + "}" * 2000,
    "null",
    "true",
    "[]",
    "{}",
    '""',
    "0",
    "-0",
    "1.5",
    str(2**64),
    str(-(2**63)),
    '"' + "A" * 90_000 + '"',
]

json_leaf = st.one_of(
    st.sampled_from(ODD_JSON),
    st.integers().map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(json.dumps),
    st.text(max_size=80).map(json.dumps),
    st.binary(max_size=120).map(lambda b: json.dumps(protocol.b64e(b))),
    st.text(alphabet="0123456789abcdef ", max_size=70).map(json.dumps),
)
json_value = st.recursive(
    json_leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: "[" + ",".join(items) + "]"),
        st.dictionaries(st.text(max_size=8).map(json.dumps), inner, max_size=4).map(
            lambda d: "{" + ",".join(f"{k}:{v}" for k, v in d.items()) + "}"
        ),
    ),
    max_leaves=8,
)
path_piece = st.one_of(
    st.text(max_size=70),
    st.text(alphabet="0123456789abcdefABCDEF ", min_size=30, max_size=66),
    st.sampled_from(["", ".", "..", "%00", "%2F", "0" * 64, "0" * 32, "0" * 63 + "g", " " * 64]),
)


@dataclass
class Target:
    """A valid request to mutate: method, path template pieces and a valid JSON body (or None)."""

    method: str
    room: str
    post_id: str | None
    suffix: str  # "posts", "reports", "events" or "" for /v1/rooms
    body: dict[str, str] | None

    def path(self, room: str | None = None, post_id: str | None = None) -> str:
        room = self.room if room is None else room
        post_id = self.post_id if post_id is None else post_id
        if self.suffix == "":
            return "/v1/rooms"
        if self.suffix == "posts":
            return f"/v1/rooms/{room}/posts/{post_id}"
        return f"/v1/rooms/{room}/{self.suffix}"


def valid_targets(room: Room) -> list[Target]:
    """Valid requests for a room that exists and holds a post (nothing here is sent unchanged)."""
    kept_id, _, kept_secret = room.post("kept")
    post_id, blob, secret = room.seal("a fresh one")
    report = json.loads(room.report(kept_id).request.content)
    p = protocol
    admin_sig = p.sign(room.admin, p.admin_delete_message(room.keys.room_id, kept_id))
    r = room.room
    return [
        Target("POST", r, None, "", room.create_body()),
        Target("PUT", r, post_id, "posts", room.put_body(post_id, blob, secret)),
        Target("DELETE", r, kept_id, "posts", {"secret": p.b64e(kept_secret)}),
        Target("DELETE", r, kept_id, "posts", {"admin_sig": p.b64e(admin_sig)}),
        Target("POST", r, None, "reports", report),
        Target("GET", r, None, "events", None),
    ]


@st.composite
def mutated_request(draw: Any, targets: list[Target]) -> tuple[str, str, bytes | None, dict[str, str]]:
    target = draw(st.sampled_from(targets))
    method = target.method
    room = post_id = None
    if draw(st.integers(0, 9)) == 0:
        method = draw(st.sampled_from(["GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD"]))
    if draw(st.integers(0, 5)) == 0:
        room = urllib.parse.quote(draw(path_piece), safe="")
    if target.post_id and draw(st.integers(0, 5)) == 0:
        post_id = urllib.parse.quote(draw(path_piece), safe="")
    path = target.path(room, post_id)
    if target.body is None:
        params = draw(st.dictionaries(st.sampled_from(["after", "limit", "x"]), st.one_of(
            st.integers(-(2**70), 2**70).map(str), st.text(max_size=30), st.sampled_from(["", "1e3", "٣"]),
        ), max_size=3))  # fmt: skip
        query = urllib.parse.urlencode(params)
        return method, path + ("?" + query if query else ""), None, {}
    fields = {k: json.dumps(v) for k, v in target.body.items()}
    how = draw(st.sampled_from(["field", "field", "field", "drop", "extra", "whole", "truncate", "flip"]))
    if how == "field":
        fields[draw(st.sampled_from(sorted(fields)))] = draw(json_value)
    elif how == "drop":
        fields.pop(draw(st.sampled_from(sorted(fields))))
    elif how == "extra":
        fields[json.dumps(draw(st.text(max_size=10)))[1:-1]] = draw(json_value)
    text = "{" + ",".join(f"{json.dumps(k)}:{v}" for k, v in fields.items()) + "}"
    body = text.encode()
    if how == "whole":
        body = draw(json_value).encode()
    elif how == "truncate":
        body = body[: draw(st.integers(0, max(0, len(body) - 1)))]
    elif how == "flip":
        at = draw(st.integers(0, len(body) - 1))
        body = body[:at] + bytes([body[at] ^ draw(st.integers(1, 255))]) + body[at + 1 :]
    return method, path, body, {"content-type": "application/json"}


def fuzz_mutations(base_url: str, targets: list[Target], examples: int, seed: int = 0) -> FuzzStats:
    stats = FuzzStats()
    client = httpx.Client(base_url=base_url, timeout=60)

    @_settings(examples, seed)
    @given(request=mutated_request(targets))
    def run(request: tuple[str, str, bytes | None, dict[str, str]]) -> None:
        method, path, body, headers = request
        response = client.request(method, path, content=body, headers=headers)
        stats.record(f"{method} {path[:80]} {body[:80]!r}" if body else f"{method} {path[:80]}", response)

    try:
        run()
    finally:
        client.close()
    return stats


# --- 3. broken HTTP on raw sockets -----------------------------------------------------------------


def raw_cases(room: str) -> list[tuple[str, bytes, bool]]:
    """(name, bytes to send, hang up right after sending)."""
    put = f"PUT /v1/rooms/{room}/posts/{'0' * 32} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    get = f"GET /v1/rooms/{room}/events HTTP/1.1\r\nHost: x\r\n"
    return [
        ("hang-up mid body", (put + 'Content-Length: 5000\r\n\r\n{"blob": "AAAA').encode(), True),
        ("hang-up mid headers", put.encode()[:40], True),
        ("negative length", (put + "Content-Length: -1\r\n\r\n{}").encode(), False),
        ("non-numeric length", (put + "Content-Length: abc\r\n\r\n{}").encode(), False),
        ("huge length", (put + "Content-Length: 99999999999999999999\r\n\r\n{}").encode(), False),
        ("bad chunk", (put + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n").encode(), False),
        (
            "chunked and length",
            (put + "Transfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n2\r\n{}\r\n0\r\n\r\n").encode(),
            False,
        ),
        ("chunked hang-up", (put + 'Transfer-Encoding: chunked\r\n\r\n100\r\n{"blob"').encode(), True),
        ("http/1.0 no host", f"GET /v1/rooms/{room}/events HTTP/1.0\r\n\r\n".encode(), False),
        ("long header", (get + "X-Pad: " + "a" * 200_000 + "\r\n\r\n").encode(), False),
        ("garbage line", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(64), False),
        ("nul in path", f"GET /v1/rooms/{room}\x00/events HTTP/1.1\r\nHost: x\r\n\r\n".encode(), False),
        ("pipelined", (get + "\r\n" + get + "\r\n").encode(), False),
        ("unknown method", f"BREW /v1/rooms/{room}/events HTTP/1.1\r\nHost: x\r\n\r\n".encode(), False),
        ("space in target", f"GET /v1/rooms/{room} /events HTTP/1.1\r\nHost: x\r\n\r\n".encode(), False),
    ]


def fuzz_raw(port: int, room: str) -> FuzzStats:
    stats = FuzzStats()
    for name, data, hang_up in raw_cases(room):
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            try:
                sock.sendall(data)
                if hang_up:
                    sock.shutdown(socket.SHUT_WR)
                    continue
                first = sock.recv(65536)
            except OSError:  # the server may cut off a request it will not read
                continue
        stats.requests += 1
        if first.startswith(b"HTTP/1."):
            status = int(first.split(b" ", 2)[1])
            stats.statuses[status] += 1
            if status >= 500:
                stats.server_errors.append(f"{status} raw: {name}")
    return stats


def fuzz_server(server: ServerProcess, *, openapi: int, mutations: int, seed: int = 0) -> FuzzStats:
    """All three kinds against one running server; `openapi` and `mutations` are hypothesis example
    counts (per operation and mode, and in all)."""
    random.seed(seed)
    room = Room(server.url)
    assert room.create().status_code == 201
    stats = FuzzStats()
    stats.add(fuzz_openapi(server.url, room.room, openapi, seed))
    stats.add(fuzz_mutations(server.url, valid_targets(room), mutations, seed))
    stats.add(fuzz_raw(server.port, room.room))
    room.close()
    return stats


def test_fuzzing_the_server_finds_no_5xx_and_no_logged_fault(tmp_path: Path) -> None:
    server = start_server(tmp_path, "sqlite", room_rate=0, create_rate=0)
    try:
        stats = fuzz_server(server, openapi=8, mutations=150)
        assert stats.requests >= 300
        assert stats.five_xx == 0, stats.server_errors
        assert stats.bad_405 == 0 and stats.not_json == 0
        assert stats.statuses[400] > 100  # the cases reached the checks, not only the router
        assert server_faults(server) == []
        # And the server still works.
        room = Room(server.url)
        assert room.create().status_code == 201 and room.post("after the storm")[1] == 1
        room.close()
    finally:
        server.stop()
