"""Benchmark for insights: each aggregate over a synthetic vault of many entries.

    python bench/bench_insights.py [--entries 50000] [--runs 5] [--no-write]

Entries come from bench/generate.py's Writer (moods, emotions, tags, coping with ratings,
over several years); the vault uses the cheap test KDF since unlocking is not measured.
Each computation runs `--runs` times; the table shows the median and the slowest run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for path in (ROOT, BENCH):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from generate import BATCH, Writer, timestamps  # noqa: E402
from results import write_section  # noqa: E402

from peerapp.core.insights import DateRange, Insights, Period  # noqa: E402
from peerapp.core.journal import JournalRepository  # noqa: E402
from peerapp.core.keyslot import FAST_KDF  # noqa: E402
from peerapp.core.vault import Vault  # noqa: E402

TARGET_MS = 200.0
# Not in the schema yet: a migration would add it (this flag measures what it would give).
PROPOSED_INDEX = "CREATE INDEX entry_day ON entry (deleted_at, day, mood)"  # each computation, so the page refreshes without a visible pause


def build(n: int, folder: Path, seed: int = 1) -> Vault:
    rng = random.Random(seed)
    vault = Vault(folder, kdf=FAST_KDF)
    vault.create("bench passphrase 1234")
    repo = JournalRepository(vault.connect())
    writer = Writer(rng)
    pairs = timestamps(rng, n, datetime(2025, 5, 31, 22, 0, 0))
    for i in range(0, n, BATCH):
        repo.add_many([writer.entry(at, created) for at, created in pairs[i : i + BATCH]])
    return vault


def measure(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000.0)
    return statistics.median(times), max(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--index", action="store_true", help=f"add the proposed covering index first: {PROPOSED_INDEX}"
    )
    parser.add_argument("--no-write", action="store_true", help="print only, leave RESULTS.md alone")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        vault = build(args.entries, Path(tmp))
        built = time.perf_counter() - t0
        conn = vault.connect()
        if args.index:
            conn.execute(PROPOSED_INDEX)
        insights = Insights(conn)
        last_year = DateRange(since=date(2024, 6, 1), until=date(2025, 5, 31))
        overview = insights.overview()
        cases: list[tuple[str, Callable[[], object]]] = [
            ("whole page: report() (all, weeks)", lambda: insights.report(Period.WEEK)),
            ("whole page: report() (last year)", lambda: insights.report(Period.WEEK, last_year)),
            ("overview (all)", insights.overview),
            ("mood over time, weeks (all)", lambda: insights.mood_over_time(Period.WEEK)),
            ("mood over time, months (all)", lambda: insights.mood_over_time(Period.MONTH)),
            ("mood over time, weeks (last year)", lambda: insights.mood_over_time(Period.WEEK, last_year)),
            ("mood by weekday (all)", insights.by_weekday),
            ("year in pixels (2024)", lambda: insights.year_in_pixels(2024)),
            ("years with data", insights.years),
            ("better and worse days (all)", insights.associations),
            ("better and worse days (last year)", lambda: insights.associations(last_year)),
            ("what helps (all)", insights.what_helps),
            ("what helps (last year)", lambda: insights.what_helps(last_year)),
        ]
        rows = []
        for name, fn in cases:
            median, worst = measure(fn, args.runs)
            rows.append(f"| {name} | {median:.1f} | {worst:.1f} |")
            print(f"{name:40s} {median:8.1f} ms (max {worst:.1f})")
        vault.lock()

    markdown = "\n".join(
        [
            "## Insights" + (" (with the proposed index)" if args.index else ""),
            "",
            f"`python bench/bench_insights.py --entries {args.entries} --runs {args.runs}`: "
            f"{overview.entries} entries on {overview.days_with_mood} days with a mood "
            f"({overview.first_day} to {overview.last_day}), test KDF, built in {built:.0f} s. "
            "Every figure comes from SQL aggregates (per day at the finest); no entry is loaded into Python. "
            f"Target: each under {TARGET_MS:.0f} ms.",
            "",
            "| computation | median ms | max ms |",
            "|---|---:|---:|",
            *rows,
        ]
    )
    if not args.no_write:
        write_section("insights-index" if args.index else "insights", markdown)
    print(markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
