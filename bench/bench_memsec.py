"""What SQLCipher's cipher_memory_security costs: the same work with it ON, OFF (the app), and on plain SQLite.

    python bench/bench_memsec.py [--entries 10000] [--runs 3] [--no-write]

The setting is process-wide and cannot be turned off again, so each mode runs in a fresh process:
`on` keys the database and turns it on (what the app did before), `off` keys it as the app does now,
`plain` opens the same schema unkeyed (plain SQLite, the floor). Each process adds the entries with
`add_many`, then runs 50 searches; the table shows medians over `--runs` processes and the ratio to
the floor measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for path in (ROOT, BENCH):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

MODES = ("on", "off", "plain")
WORDS = ["family", "walk", "sleep", "anxious", "دعم", "أمل", "friends", "work", "breathing", "قلق"]


def worker(mode: str, entries: int, folder: Path) -> dict[str, float]:
    """One process: build a vault of `entries` in `mode`, time add_many and 50 searches."""
    import sqlcipher3.dbapi2 as sqlcipher
    from generate import Writer, timestamps

    from peerapp.core import db
    from peerapp.core.journal import JournalRepository

    path = folder / f"{mode}.db"
    conn = sqlcipher.connect(str(path), isolation_level=None)
    if mode != "plain":
        conn.execute("PRAGMA key = \"x'" + "11" * 32 + "'\"")
        if mode == "on":
            conn.execute("PRAGMA cipher_memory_security = ON")
    for pragma in ("temp_store = MEMORY", "secure_delete = ON", "foreign_keys = ON", "journal_mode = WAL"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("PRAGMA synchronous = FULL")
    db._migrate(conn, 0)
    rng = random.Random(1)
    writer = Writer(rng)
    batch = [writer.entry(at, created) for at, created in timestamps(rng, entries, end=_end())]
    repo = JournalRepository(conn)
    started = time.perf_counter()
    repo.add_many(batch)
    add = time.perf_counter() - started
    started = time.perf_counter()
    for i in range(50):
        repo.search(WORDS[i % len(WORDS)], limit=50)
    search = (time.perf_counter() - started) / 50
    conn.close()
    return {"add_many": add, "search": search}


def _end():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime(2026, 12, 1, tzinfo=UTC)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--worker", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.entries, args.folder)))
        return 0
    figures: dict[str, list[dict[str, float]]] = {mode: [] for mode in MODES}
    for run in range(args.runs):
        for mode in MODES:  # interleaved, so a noisy moment hits every mode alike
            with tempfile.TemporaryDirectory() as tmp:
                out = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--worker",
                        mode,
                        "--entries",
                        str(args.entries),
                        "--folder",
                        tmp,
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                )
            figures[mode].append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(f"run {run + 1}/{args.runs} {mode}: {figures[mode][-1]}", file=sys.stderr)

    def median(mode: str, key: str) -> float:
        return statistics.median(f[key] for f in figures[mode])

    lines = [
        "## cipher_memory_security (bench/bench_memsec.py)",
        "",
        f"{args.entries:,} entries added with `add_many`, then 50 searches; medians of {args.runs} fresh "
        "processes per mode, interleaved. Ratio: to plain SQLite (same schema, unkeyed) in the same run.",
        "",
        "| mode | add_many | ratio | search (mean of 50) | ratio |",
        "|---|---|---|---|---|",
    ]
    floor_add, floor_search = median("plain", "add_many"), median("plain", "search")
    names = {
        "on": "memory security ON (before)",
        "off": "memory security OFF (now)",
        "plain": "plain SQLite (floor)",
    }
    for mode in MODES:
        add, search = median(mode, "add_many"), median(mode, "search")
        lines.append(
            f"| {names[mode]} | {add:.2f} s | {add / floor_add:.2f}× | {search * 1000:.2f} ms | "
            f"{search / floor_search:.2f}× |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        from results import write_section

        write_section("memsec", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
