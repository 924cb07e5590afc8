"""Benchmark 1, 2 and 4 server processes on one PostgreSQL database, next to as many bare endpoints.

    python bench/bench_scale.py [--processes 1,2,4] [--clients 8] [--per-client 400] [--pull 5000]

- N real `peerapp.server` processes, each on its own loopback port, all on one fresh PostgreSQL
  database (the session cluster of tests/support/servers.py); nothing in front of them: the load
  generator spreads its keep-alive connections over the ports round-robin.
- Ingest: `--clients` connections, each PUTting single posts into its own room (sealed and signed
  before the clock starts; raw HTTP/1.1 on asyncio streams, as bench_server.py does). Run twice:
  rate limits off, and rate limits on with rates no request reaches, so the shared limiter's one
  statement a request (pg_store.TAKE) is measured without refusals.
- Pull: one room of `--pull` posts; `--clients` threads each read it whole (pages of 500, JSON
  parsed, httpx) from the processes round-robin: events/s over all readers.
- Ceiling: N bench/hello_server.py processes driven the same way (PUT /hello with the same bodies).
Server, database and load generator share this machine's cores. Writes the "Group server, several
processes" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for folder in (ROOT, BENCH, ROOT / "tests"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from bench_server import HelloProcess, build_batches, build_puts, pull, request_bytes, send_all  # noqa: E402
from results import write_section  # noqa: E402

from support.servers import Room, ServerProcess, pg_cluster  # noqa: E402

SECTION = "Group server, several processes"
LIMITS_OFF = {"room_rate": 0, "create_rate": 0, "retention_days": 0}
# On, but out of reach: every request runs the limiter's statement and none is refused.
LIMITS_ON = {
    "room_rate": 1_000_000,
    "room_burst": 1_000_000,
    "create_rate": 1_000_000,
    "create_burst": 1_000_000,
    "retention_days": 0,
}


async def send_spread(urls: list[str], streams: list[list[bytes]]) -> float:
    """Connection i goes to urls[i % len(urls)]; the wall time until every answer is in."""
    start = time.perf_counter()
    await asyncio.gather(*(send_all(urls[i % len(urls)], [s]) for i, s in enumerate(streams)))
    return time.perf_counter() - start


def servers_on(db: str, count: int, options: dict[str, Any]) -> list[ServerProcess]:
    return [ServerProcess(db, options=options).start() for _ in range(count)]


def ingest(urls: list[str], clients: int, per_client: int) -> float:
    rooms = [Room(urls[i % len(urls)]) for i in range(clients)]
    for room in rooms:
        assert room.create().status_code == 201
    streams = [build_puts(room, per_client) for room in rooms]
    seconds = asyncio.run(send_spread(urls, streams))
    for room in rooms:
        room.close()
    return clients * per_client / seconds


def hello_ingest(urls: list[str], clients: int, per_client: int) -> float:
    room = Room("http://unused")
    body = build_puts(room, 1)[0].split(b"\r\n\r\n", 1)[1]
    streams = [[request_bytes("PUT", "/hello", body)] * per_client for _ in range(clients)]
    room.close()
    return clients * per_client / asyncio.run(send_spread(urls, streams))


def pull_all(urls: list[str], room: str, readers: int, posts: int) -> float:
    seconds: list[float] = []

    def read(url: str) -> None:
        took, count = pull(url, room)
        assert count == posts, count
        seconds.append(took)

    threads = [threading.Thread(target=read, args=(urls[i % len(urls)],)) for i in range(readers)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return readers * posts / (time.perf_counter() - start)


def run(processes: list[int], clients: int, per_client: int, posts: int) -> list[dict[str, Any]]:
    rows = []
    for n in processes:
        row: dict[str, Any] = {"n": n}
        for name, options in (("off", LIMITS_OFF), ("on", LIMITS_ON)):
            servers = servers_on(pg_cluster().new_database(), n, options)
            try:
                urls = [s.url for s in servers]
                row[name] = ingest(urls, clients, per_client)
                if name == "off":
                    seed = Room(urls[0])
                    seed.create()
                    asyncio.run(send_spread(urls, [build_batches(seed, posts)]))
                    row["pull"] = pull_all(urls, seed.room, clients, posts)
                    seed.close()
            finally:
                for server in servers:
                    server.stop()
        hellos = [HelloProcess("", port=0).start() for _ in range(n)]
        try:
            row["hello"] = hello_ingest([h.url for h in hellos], clients, per_client)
        finally:
            for hello in hellos:
                hello.stop()
        rows.append(row)
        print(row, flush=True)
    return rows


def markdown(rows: list[dict[str, Any]], clients: int, per_client: int, posts: int) -> str:
    load = os.getloadavg()[0]
    lines = [
        f"## {SECTION}",
        "",
        f"`python bench/bench_scale.py` on {os.cpu_count()} cores (load average {load:.1f} at the end, the",
        "machine is shared), PostgreSQL 15 on the same machine (fsync off, the test cluster), every",
        f"process and the load generator on the same cores. Ingest: {clients} keep-alive connections, "
        f"{per_client} single PUTs each,",
        "spread round-robin over the processes' ports. Limits on: the shared PostgreSQL buckets at rates",
        f"no request reaches. Pull: {clients} readers each read a room of {posts:,} posts whole (httpx,",
        "JSON parsed). Ceiling: as many bench/hello_server.py processes, PUT /hello with the same bodies.",
        "",
        "| processes | ingest, limits off, posts/s | ingest, limits on (shared), posts/s | limiter cost |"
        " pull, events/s | bare PUT ceiling, req/s | ingest / ceiling |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']} | {r['off']:,.0f} | {r['on']:,.0f} | {1 - r['on'] / r['off']:.0%} | {r['pull']:,.0f} "
            f"| {r['hello']:,.0f} | {r['off'] / r['hello']:.0%} |"
        )
    lines += [
        "",
        "The load average is that of the whole machine, other work included: compare the rows with each",
        'other, measured minutes apart in one run, not with the "Group server" section\'s quiet-machine figures.',
        "On two cores more processes cannot add CPU: the table shows what the process model costs and",
        "that seqs, limits and quotas shared through PostgreSQL keep working as processes are added, not",
        "how far it scales on a larger machine, where each process brings its own core and the database",
        'becomes the limit (see docs/OPERATING.md, "10,000 groups and 100 writes a second").',
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", default="1,2,4")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--per-client", type=int, default=400)
    parser.add_argument("--pull", type=int, default=5000)
    parser.add_argument("--no-write", action="store_true", help="print, do not update RESULTS.md")
    args = parser.parse_args()
    processes = [int(n) for n in args.processes.split(",")]
    with tempfile.TemporaryDirectory(prefix="peerapp-bench-scale-"):
        rows = run(processes, args.clients, args.per_client, args.pull)
    text = markdown(rows, args.clients, args.per_client, args.pull)
    print(text)
    if not args.no_write:
        write_section(SECTION, text)


if __name__ == "__main__":
    main()
