"""Benchmark the group client end to end against a real server process on loopback.

    python bench/bench_sync.py [--posts 10000] [--backend sqlite|postgresql]

One client queues N posts and pushes them; a second, fresh client cold-pulls and decrypts all
of them into its vault. The server runs with rate limits off (the client is measured, not the
limiter). Writes the "Group sync client" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for folder in (ROOT, BENCH, ROOT / "tests"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from results import write_section  # noqa: E402

from peerapp.core.keyslot import FAST_KDF  # noqa: E402
from peerapp.core.vault import Vault  # noqa: E402
from peerapp.sync.service import GroupService  # noqa: E402
from support.servers import start_server  # noqa: E402

TARGET_PULL_SECONDS = 5.0
TEXTS = (
    "Couldn't sleep again; the breathing exercise helped a little.",
    "اليوم كان صعبًا، لكنني خرجت للمشي وشعرت بتحسن بسيط.",
    "Thank you all for listening last week. It meant a lot.",
)


def service(folder: Path) -> GroupService:
    vault = Vault(folder, kdf=FAST_KDF)
    vault.create("bench passphrase 1234")
    return GroupService(vault.connect())


def run(posts: int, backend: str) -> str:
    with tempfile.TemporaryDirectory(prefix="peerapp-bench-sync-") as tmp:
        folder = Path(tmp)
        server = start_server(folder, backend, room_rate=0, create_rate=0)
        try:
            alice, bob = service(folder / "alice"), service(folder / "bob")
            group, invite = alice.create_group(server.url, "Bench", "Quiet Fox")
            start = time.perf_counter()
            for i in range(posts):
                alice.post(group.id, f"{TEXTS[i % len(TEXTS)]} #{i}")
            queue_s = time.perf_counter() - start
            start = time.perf_counter()
            pushed = alice.sync(group.id)
            push_s = time.perf_counter() - start
            joined = bob.join_group(invite, "Calm River")
            start = time.perf_counter()
            pulled = bob.sync(joined.id)
            pull_s = time.perf_counter() - start
            start = time.perf_counter()
            first_page = bob.feed(joined.id, limit=50)
            feed_ms = (time.perf_counter() - start) * 1000
        finally:
            server.stop()
    assert pushed.sent == posts and pulled.received == posts and len(first_page) == 50
    verdict = "meets" if pull_s <= TARGET_PULL_SECONDS else "misses"
    rows = [
        ("queue (seal + store in the outbox)", queue_s, posts / queue_s),
        ("push (one PUT each, marked sent)", push_s, posts / push_s),
        ("cold pull (pages of 500, decrypt, store)", pull_s, posts / pull_s),
    ]
    lines = [
        f"{posts:,} posts, server on {backend} (loopback, rate limits off), vault with the test KDF.",
        "",
        "| step | seconds | posts/s |",
        "|---|---:|---:|",
        *(f"| {name} | {secs:.2f} | {rate:,.0f} |" for name, secs, rate in rows),
        "",
        f"First feed page after the pull: {feed_ms:.1f} ms. Cold pull target ≤ {TARGET_PULL_SECONDS:.0f} s: {verdict}.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args()
    markdown = run(args.posts, args.backend)
    print(markdown)
    if not args.no_write:
        write_section("Group sync client", "## Group sync client\n\n" + markdown)


if __name__ == "__main__":
    main()
