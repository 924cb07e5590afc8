"""Benchmark the group server process on loopback: ingest with N clients, cold pull, and a bare-framework ceiling.

    python bench/bench_server.py [--backend sqlite|postgresql|both] [--posts 10000] [--clients 1,4,16]

- The server is the real `python -m peerapp.server` process, rate limits off (--room-rate 0
  --create-rate 0), so the storage and request path are measured, not the limiter.
- Ingest: N concurrent keep-alive connections, each PUTting posts into its own room. Posts are
  sealed and signed before the clock starts, and the load generator writes pre-built HTTP/1.1
  requests on raw asyncio streams, because httpx's own per-request cost would otherwise be the
  bottleneck on a 2-core machine.
- Pull: 10,000 posts in one room; the server is restarted (a cold process, the OS file cache
  warm), then one httpx client fetches every page of 500 and parses the JSON, like the app does.
- Ceiling: bench/hello_server.py, a bare Starlette app under the same uvicorn settings, answering
  GET /hello and PUT /hello (reads the body, no checks, no database), driven by the same clients.
Writes the "Group server" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for folder in (ROOT, BENCH, ROOT / "tests"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import httpx  # noqa: E402
from results import write_section  # noqa: E402

from support.servers import Room, ServerProcess, start_server  # noqa: E402

TARGET_INGEST = 1000.0  # posts/s
TARGET_PULL = 5.0  # seconds for 10,000 posts
TEXT = "Couldn't sleep again; the breathing exercise helped a little. " * 4  # ~250 characters


class HelloProcess(ServerProcess):
    def command(self) -> list[str]:
        return [sys.executable, str(BENCH / "hello_server.py"), "--port", str(self.port)]


def build_puts(room: Room, count: int) -> list[bytes]:
    """Complete HTTP/1.1 PUT requests, sealed and signed ahead of the clock."""
    out = []
    for _ in range(count):
        post_id, blob, secret = room.seal(TEXT)
        body = httpx.Request("PUT", "http://x", json=room.put_body(post_id, blob, secret)).content
        out.append(request_bytes("PUT", f"/v1/rooms/{room.room}/posts/{post_id}", body))
    return out


def build_batches(room: Room, count: int, size: int = 100) -> list[bytes]:
    """Complete HTTP/1.1 batch uploads (POST /v1/rooms/{room}/posts) of `size` posts, `count` posts in all."""
    out = []
    for start in range(0, count, size):
        posts = []
        for _ in range(min(size, count - start)):
            post_id, blob, secret = room.seal(TEXT)
            posts.append({"id": post_id, **room.put_body(post_id, blob, secret)})
        body = httpx.Request("POST", "http://x", json={"posts": posts}).content
        out.append(request_bytes("POST", f"/v1/rooms/{room.room}/posts", body))
    return out


def request_bytes(method: str, path: str, body: bytes = b"") -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nhost: 127.0.0.1\r\nuser-agent: peerapp\r\n"
    if body:
        head += f"content-type: application/json\r\ncontent-length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


async def send_all(url: str, streams: list[list[bytes]]) -> float:
    """One keep-alive connection per list; return the wall time to get every answer."""
    host, port = url.removeprefix("http://").split(":")

    async def client(requests: list[bytes]) -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        for req in requests:
            writer.write(req)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            length = next(
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length")
            )
            await reader.readexactly(length)
            if status != 200:
                raise RuntimeError(f"status {status}")
        writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(client(r) for r in streams))
    return time.perf_counter() - start


def ingest(server: ServerProcess, hello: ServerProcess, clients: int, per_client: int) -> tuple[float, float]:
    """(posts/s, hello PUTs/s) with `clients` connections."""
    rooms = [Room(server.url) for _ in range(clients)]
    for room in rooms:
        room.create()
    streams = [build_puts(room, per_client) for room in rooms]
    seconds = asyncio.run(send_all(server.url, streams))
    hello_streams = [
        [request_bytes("PUT", "/hello", req.split(b"\r\n\r\n", 1)[1]) for req in stream] for stream in streams
    ]
    hello_seconds = asyncio.run(send_all(hello.url, hello_streams))
    for room in rooms:
        room.close()
    total = clients * per_client
    return total / seconds, total / hello_seconds


def ingest_batches(server: ServerProcess, clients: int, per_client: int, size: int = 100) -> float:
    """Posts/s with `clients` connections, each uploading batches of `size` posts into its own room."""
    rooms = [Room(server.url) for _ in range(clients)]
    for room in rooms:
        room.create()
    streams = [build_batches(room, per_client, size) for room in rooms]
    seconds = asyncio.run(send_all(server.url, streams))
    for room in rooms:
        room.close()
    return clients * per_client / seconds


def seed(server: ServerProcess, posts: int) -> Room:
    room = Room(server.url)
    room.create()
    requests = build_puts(room, posts)
    asyncio.run(send_all(server.url, [requests[i::4] for i in range(4)]))
    return room


def pull(url: str, room: str) -> tuple[float, int]:
    with httpx.Client(base_url=url, headers={"user-agent": "peerapp"}) as http:
        start = time.perf_counter()
        after, count = 0, 0
        while True:
            page = http.get(f"/v1/rooms/{room}/events", params={"after": after, "limit": 500}).json()
            count += len(page["events"])
            after = page["next"]
            if not page["more"]:
                return time.perf_counter() - start, count


def hello_gets(url: str, count: int = 2000) -> float:
    requests = [request_bytes("GET", "/hello")] * count
    return count / asyncio.run(send_all(url, [requests]))


def health_gets(url: str, count: int = 2000) -> float:
    requests = [request_bytes("GET", "/v1/health")] * count
    return count / asyncio.run(send_all(url, [requests]))


def run(backend: str, posts: int, clients: list[int], per_client: int, tmp: Path) -> dict[str, Any]:
    server = start_server(tmp, backend, room_rate=0, create_rate=0)
    hello = HelloProcess("", port=0).start()
    try:
        rows = [(n, *ingest(server, hello, n, max(per_client // n, 200))) for n in clients]
        health = health_gets(server.url)
        hello_get = hello_gets(hello.url)
        room = seed(server, posts)
        server.stop()
        server.start()  # a cold server process
        cold, count = pull(server.url, room.room)
        assert count == posts, count
        warm = statistics.median(pull(server.url, room.room)[0] for _ in range(3))
        room.close()
    finally:
        server.stop()
        hello.stop()
    return {
        "backend": backend,
        "ingest": rows,
        "health": health,
        "hello_get": hello_get,
        "cold": cold,
        "warm": warm,
        "posts": posts,
    }


def markdown(results: list[dict[str, Any]]) -> str:
    cpu = os.cpu_count()
    lines = [
        "## Group server",
        "",
        f"`python bench/bench_server.py` on {cpu} cores, server and load generator on the same machine;",
        "rate limits off. A post is ~250 characters (a 512-byte bucket, a 1.4 KB request).",
        "The ceiling is bench/hello_server.py: a bare Starlette app under the same uvicorn",
        "settings, no checks and no database, driven the same way.",
        "",
    ]
    for r in results:
        lines += [
            f"### {r['backend']}",
            "",
            "| clients | ingest, posts/s | hello PUT, req/s | ratio |",
            "|---|---|---|---|",
        ]
        for n, posts_s, hello_s in r["ingest"]:
            lines.append(f"| {n} | {posts_s:,.0f} | {hello_s:,.0f} | {posts_s / hello_s:.0%} |")
        lines += [
            "",
            f"- Cold pull of {r['posts']:,} posts (pages of 500, a freshly started server process, JSON parsed): "
            f"**{r['cold']:.2f} s** ({r['posts'] / r['cold']:,.0f} events/s); warm median {r['warm']:.2f} s. "
            f"Target ≤ {TARGET_PULL:.0f} s.",
            f"- GET /v1/health {r['health']:,.0f} req/s against bare GET /hello {r['hello_get']:,.0f} req/s "
            f"({r['health'] / r['hello_get']:.0%}), one connection.",
            f"- Ingest target ≥ {TARGET_INGEST:,.0f} posts/s.",
            "",
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="sqlite")
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--clients", default="1,4,16")
    parser.add_argument(
        "--per-client", type=int, default=4000, help="posts per ingest run, split over the clients"
    )
    parser.add_argument("--no-write", action="store_true", help="print, do not update RESULTS.md")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    clients = [int(n) for n in args.clients.split(",")]
    results = []
    with tempfile.TemporaryDirectory(prefix="peerapp-bench-server-") as tmp:
        for backend in backends:
            results.append(run(backend, args.posts, clients, args.per_client, Path(tmp)))
    text = markdown(results)
    print(text)
    if not args.no_write:
        write_section("Group server", text)


if __name__ == "__main__":
    main()
