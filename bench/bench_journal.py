"""Benchmarks for the journal spine: unlock, first page, search, scrolling, memory.

    python bench/bench_journal.py [--sizes 10000,50000] [--out bench/RESULTS.md] [--cache DIR]
        [--search-runs 3] [--no-busy] [--json FILE] [--against CHECKOUT | --before EARLIER.json]

For each size a vault is generated once (bench/generate.py, default KDF) and
cached under bench/out/ (or --cache DIR); the cache key includes the generator and
the schema, so a changed migration rebuilds it. Every measurement that depends on a
cold start or on memory runs in a fresh Python process (this script re-invoked with
--worker), which prints one JSON object on its last line.

Search runs --search-runs times on an idle machine and as often under a competing
load (one spinning process per core, unless --no-busy), each query also on floor.db,
a plain SQLite copy of the vault made once beside it (the floor). --against runs the
search of another checkout's peerapp (say, `git worktree add /tmp/before HEAD~1`) beside
this one's in every round, for a before/after table on the same machine; --before takes
the --json of an earlier run instead.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import itertools
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from results import write_section  # noqa: E402

OUT_DIR = BENCH / "out"
PASSPHRASE = "bench passphrase 1234"
PAGE = 100
FLOOR_DB = "floor.db"
FLOOR_SQL = (
    "SELECT id, uid, at, mood, title, body, created_at, updated_at, deleted_at FROM entry"
    " WHERE deleted_at IS NULL ORDER BY at_utc DESC, id DESC LIMIT 100"
)

# Targets from the brief.
TARGET_FIRST_PAGE_MS = 150.0
TARGET_SEARCH_P95_MS = 30.0
TARGET_SEARCH_BUSY_P95_MS = 15.0  # issue 14: at 50k on a busy 2-core machine
TARGET_RSS_MB = 250.0


def now() -> float:
    return time.perf_counter()


def ms(seconds: float) -> float:
    return seconds * 1000.0


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100.0 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def proc_status(field: str) -> float:
    """A memory field of /proc/self/status (VmRSS, VmHWM) in MB, or NaN off Linux."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return float("nan")


def maxrss_mb() -> float:
    value = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return value / (1024.0 * 1024.0) if sys.platform == "darwin" else value / 1024.0


def reset_hwm() -> bool:
    """Reset the peak-RSS mark (Linux >= 4.0) so later phases can be measured on their own."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


# =========================================================================== workers
# Each runs in a fresh process and returns a dict that is printed as JSON.


def _unlocked(data_dir: Path) -> tuple[Any, dict[str, float]]:
    """Unlock with the real KDF, timing the KDF inside Vault.unlock separately."""
    from peerapp.core import keyslot
    from peerapp.core.vault import Vault

    spent = {"kdf": 0.0}
    original = keyslot.derive

    def timed_derive(*args: Any, **kwargs: Any) -> bytes:
        t = now()
        try:
            return original(*args, **kwargs)
        finally:
            spent["kdf"] += now() - t

    keyslot.derive = timed_derive
    vault = Vault(data_dir)
    t0 = now()
    vault.unlock(PASSPHRASE)
    total = now() - t0
    keyslot.derive = original
    return vault, {"unlock_ms": ms(total), "kdf_ms": ms(spent["kdf"])}


def worker_unlock(data_dir: Path) -> dict[str, Any]:
    """Unlock, first page cold and warm, the plain-SELECT floor, connect without the KDF."""
    from peerapp.core import db
    from peerapp.core.journal import EntryFilter, JournalRepository

    vault, result = _unlocked(data_dir)
    t0 = now()
    conn = vault.connect()
    t1 = now()
    repo = JournalRepository(conn)
    first = repo.page(EntryFilter(), limit=PAGE)
    t2 = now()
    assert len(first) == PAGE
    result["connect_ms"] = ms(t1 - t0)
    result["first_page_cold_ms"] = ms(t2 - t1)
    # What the user waits for once the KDF is done: the check Vault.unlock makes,
    # the GUI's own connection and its first page.
    result["after_kdf_to_first_page_ms"] = result["unlock_ms"] - result["kdf_ms"] + ms(t2 - t0)
    warm = []
    for _ in range(15):
        t = now()
        repo.page(EntryFilter(), limit=PAGE)
        warm.append(ms(now() - t))
    result["first_page_warm_ms"] = statistics.median(warm)
    floor = []
    for _ in range(15):
        t = now()
        conn.execute(FLOOR_SQL).fetchall()
        floor.append(ms(now() - t))
    result["floor_page_warm_ms"] = statistics.median(floor)

    # Without the KDF: the master key is known (read from the unlocked vault in this
    # process only); time opening a connection and its first query alone.
    key = bytes(vault._key)
    connect_only, connect_page = [], []
    for _ in range(7):
        t = now()
        c = db.connect(vault.db_path, key)
        c.execute(FLOOR_SQL).fetchall()
        connect_only.append(ms(now() - t))
        c.close()
        t = now()
        c = db.connect(vault.db_path, key)
        JournalRepository(c).page(EntryFilter(), limit=PAGE)
        connect_page.append(ms(now() - t))
        c.close()
    result["nokdf_connect_query_ms"] = statistics.median(connect_only)
    result["nokdf_connect_page_ms"] = statistics.median(connect_page)
    vault.release(conn)
    vault.lock()
    return result


def run_search_set(
    repo: Any, queries: list[tuple[str, str]], passes: int, floor: Any = None
) -> dict[str, Any]:
    """Per query the median of `passes` page() calls; with `floor` (the same repository on a plain
    SQLite copy) each call is followed by the same call there, so both see the same machine."""
    from peerapp.core.journal import EntryFilter

    per_query: list[list[float]] = [[] for _ in queries]
    per_floor: list[list[float]] = [[] for _ in queries]
    hits: list[int] = [0] * len(queries)
    for _ in range(passes):
        for i, (_kind, q) in enumerate(queries):
            t = now()
            found = repo.page(EntryFilter(query=q), limit=PAGE)
            per_query[i].append(ms(now() - t))
            hits[i] = len(found)
            if floor is not None:
                t = now()
                same = floor.page(EntryFilter(query=q), limit=PAGE)
                per_floor[i].append(ms(now() - t))
                assert [e.id for e in same] == [e.id for e in found], f"floor differs for {q!r}"
    medians = [statistics.median(v) for v in per_query]
    floors = [statistics.median(v) if v else float("nan") for v in per_floor]
    rows = [
        {"kind": kind, "query": q, "ms": m, "floor_ms": f, "hits": h}
        for (kind, q), m, f, h in zip(queries, medians, floors, hits, strict=True)
    ]
    result = {
        "rows": rows,
        "p50": pct(medians, 50),
        "p95": pct(medians, 95),
        "max": max(medians),
        "mean": statistics.fmean(medians),
    }
    if floor is not None:
        result |= {"floor_p50": pct(floors, 50), "floor_p95": pct(floors, 95), "floor_max": max(floors)}
    return result


def plain_floor(data_dir: Path) -> Any:
    """The journal on floor.db: the vault's plain SQLite copy (same SQLite build, no encryption)."""
    import sqlcipher3.dbapi2 as sqlcipher

    from peerapp.core.journal import JournalRepository

    conn = sqlcipher.connect(str(data_dir / FLOOR_DB), isolation_level=None)
    for pragma in ("temp_store = MEMORY", "secure_delete = ON", "foreign_keys = ON", "journal_mode = WAL"):
        conn.execute(f"PRAGMA {pragma}")  # what db.connect sets, minus the key
    return JournalRepository(conn)


def filter_cases(conn: Any) -> dict[str, Any]:
    """The timeline's other filters, alone and with a search (informational, no target)."""
    from datetime import datetime

    from peerapp.core.journal import EntryFilter

    common, rare = (
        r[0]
        for r in conn.execute(
            "SELECT g.name FROM tag g JOIN entry_tag t ON t.tag_id = g.id GROUP BY g.id"
            " ORDER BY count(*) DESC"
        ).fetchall()[::59][:2]
    )
    year = (datetime(2022, 1, 1, tzinfo=UTC), datetime(2023, 1, 1, tzinfo=UTC))
    return {
        "mood 1-2": EntryFilter(moods=frozenset({1, 2})),
        "emotion anxious": EntryFilter(emotion="anxious"),
        f"common tag ({common})": EntryFilter(tag=common),
        f"rare tag ({rare})": EntryFilter(tag=rare),
        "one year (since/until)": EntryFilter(since=year[0], until=year[1]),
        "trash": EntryFilter(trash=True),
        "search sleep + mood 4-5": EntryFilter(query="sleep", moods=frozenset({4, 5})),
        f"search قلق + tag {rare}": EntryFilter(query="قلق", tag=rare),
        "search ا + emotion sad": EntryFilter(query="ا", emotion="sad"),
        "search work + one year": EntryFilter(query="work", since=year[0], until=year[1]),
    }


def worker_search(data_dir: Path) -> dict[str, Any]:
    """Search latency: a first (cold) pass, then the median of three warm passes per query, each
    followed by the same query on the plain SQLite copy (the floor)."""
    from queries import all_queries

    from peerapp.core.journal import EntryFilter, JournalRepository

    vault, _ = _unlocked(data_dir)
    conn = vault.connect()
    repo = JournalRepository(conn)
    repo.page(EntryFilter(), limit=PAGE)
    floor = plain_floor(data_dir)
    floor.page(EntryFilter(), limit=PAGE)
    queries = all_queries()
    cold = run_search_set(repo, queries, 1)
    warm = run_search_set(repo, queries, 3, floor)
    filters = {}
    for name, flt in filter_cases(conn).items():
        times = []
        for _ in range(5):
            t = now()
            n = len(repo.page(flt, limit=PAGE))
            times.append(ms(now() - t))
        filters[name] = {"ms": statistics.median(times), "hits": n}
    floor_sql = []
    for _ in range(25):
        t = now()
        conn.execute(FLOOR_SQL).fetchall()
        floor_sql.append(ms(now() - t))
    unfiltered = []
    for _ in range(25):
        t = now()
        repo.page(EntryFilter(), limit=PAGE)
        unfiltered.append(ms(now() - t))
    floor.conn.close()
    vault.release(conn)
    vault.lock()
    return {
        "cold": {k: v for k, v in cold.items() if k != "rows"},
        "warm": warm,
        "filters": filters,
        "floor_ms": statistics.median(floor_sql),
        "unfiltered_page_ms": statistics.median(unfiltered),
        "queries": len(queries),
        "load": os.getloadavg()[0],
    }


def worker_export(data_dir: Path) -> dict[str, Any]:
    """Write floor.db, a plain (unencrypted) SQLite copy of the vault, for the floor figures."""
    vault, _ = _unlocked(data_dir)
    conn = vault.connect()
    target = data_dir / FLOOR_DB
    target.unlink(missing_ok=True)
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("DETACH DATABASE plain")
    vault.release(conn)
    vault.lock()
    return {"floor_mb": target.stat().st_size / 2**20}


class _Timed:
    """A connection that adds each statement's time (run to the last row) to a bucket."""

    def __init__(self, conn: Any, spent: dict[str, float]) -> None:
        self.conn, self.spent = conn, spent

    def execute(self, sql: str, params: Any = ()) -> Any:
        bucket = (
            "hydration SQL"
            if "entry_tag t" in sql or "entry_emotion" in sql or "entry_coping" in sql
            else "search SQL"
        )
        t = now()
        rows = self.conn.execute(sql, params).fetchall()
        self.spent[bucket] += ms(now() - t)
        return _Rows(rows)


class _Rows(list):  # type: ignore[type-arg]
    def fetchall(self) -> list[Any]:
        return list(self)

    def fetchone(self) -> Any:
        return self[0] if self else None


def worker_profile(data_dir: Path) -> dict[str, Any]:
    """Where the time of the slowest queries goes: the search statements, hydration (tags, emotions,
    coping), Python; and, for scale, the index alone giving every match."""
    from queries import all_queries

    from peerapp.core import textnorm
    from peerapp.core.journal import EntryFilter, JournalRepository

    vault, _ = _unlocked(data_dir)
    conn = vault.connect()
    repo = JournalRepository(conn)
    warm = run_search_set(repo, all_queries(), 3)
    slow = sorted(warm["rows"], key=lambda r: -r["ms"])[:12]
    out = []
    for row in slow:
        q = row["query"]
        parts: list[dict[str, float]] = []
        for _ in range(5):
            spent = {"search SQL": 0.0, "hydration SQL": 0.0}
            timed = JournalRepository(_Timed(conn, spent))  # type: ignore[arg-type]
            t = now()
            timed.page(EntryFilter(query=q), limit=PAGE)
            spent["total"] = ms(now() - t)
            spent["Python"] = spent["total"] - spent["search SQL"] - spent["hydration SQL"]
            parts.append(spent)
        match = textnorm.match_expression(q)
        index_alone = []
        for _ in range(5):
            t = now()
            n = conn.execute("SELECT count(*) FROM entry_fts WHERE entry_fts MATCH ?", (match,)).fetchone()[0]
            index_alone.append(ms(now() - t))
        out.append(
            {"query": q, "kind": row["kind"], "matches": n, "index_all_ms": statistics.median(index_alone)}
            | sorted(parts, key=lambda p: p["total"])[len(parts) // 2]  # the median call, whole
        )
    vault.release(conn)
    vault.lock()
    return {"slowest": out}


def worker_session(data_dir: Path, *, with_qt: bool = False) -> dict[str, Any]:
    """What the GUI does: unlock, first page, scroll the whole timeline keeping every
    entry (as a list model with fetchMore does), then the search set. Memory and scroll times.
    With `with_qt` a QApplication (offscreen) exists first, as it does in the real app."""
    from queries import all_queries

    from peerapp.core.journal import EntryFilter, JournalRepository

    app = None
    if with_qt:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
    rss: dict[str, float] = {"start": proc_status("VmRSS")}
    vault, timing = _unlocked(data_dir)
    rss["after_unlock"] = proc_status("VmRSS")
    rss["peak_through_unlock"] = maxrss_mb()
    hwm_reset = reset_hwm()
    conn = vault.connect()
    repo = JournalRepository(conn)
    model = repo.page(EntryFilter(), limit=PAGE)
    rss["after_first_page"] = proc_status("VmRSS")
    page_times: list[float] = []
    t_scroll = now()
    last = model
    while last:
        t = now()
        last = repo.page(EntryFilter(), after=repo.cursor_after(last[-1]), limit=PAGE)
        page_times.append(ms(now() - t))
        model.extend(last)
    scroll_total = ms(now() - t_scroll)
    rss["after_scroll"] = proc_status("VmRSS")
    # Sanity: newest first, no duplicate, nothing missing, no trashed entry.
    expected = repo.count(EntryFilter())
    keys = [(int(e.at.timestamp()), e.id) for e in model]
    ordered = all(a > b for a, b in itertools.pairwise(keys))
    assert len(model) == expected and len({e.id for e in model}) == expected and ordered, "scroll broke"
    assert all(e.deleted_at is None for e in model)
    search = run_search_set(repo, all_queries(), 1)
    rss["after_search"] = proc_status("VmRSS")
    rss["peak_after_unlock"] = proc_status("VmHWM") if hwm_reset else float("nan")
    rss["peak_total"] = max(maxrss_mb(), rss["peak_through_unlock"])
    entries = len(model)
    vault.release(conn)
    vault.lock()
    del app
    return {
        "rss_mb": rss,
        "hwm_reset": hwm_reset,
        "unlock": timing,
        "entries": entries,
        "pages": len(page_times),
        "scroll_total_ms": scroll_total,
        "scroll_page_p50_ms": pct(page_times, 50),
        "scroll_page_p95_ms": pct(page_times, 95),
        "scroll_page_max_ms": max(page_times),
        "search_p95_ms": search["p95"],
    }


def worker_plans(data_dir: Path) -> dict[str, Any]:
    """EXPLAIN QUERY PLAN of the statements behind page() (for the report)."""
    from peerapp.core import textnorm
    from peerapp.core.journal import Cursor, EntryFilter, JournalRepository

    vault, _ = _unlocked(data_dir)
    conn = vault.connect()
    repo = JournalRepository(conn)
    plans = {}
    cases = {
        "timeline": (EntryFilter(), None),
        "timeline after cursor": (EntryFilter(), Cursor(1_600_000_000, 10**9)),
        "search, one word": (EntryFilter(query="قلق"), None),
        "search, two words": (EntryFilter(query="sleep well"), None),
        "search, a word in no entry": (EntryFilter(query="hospital"), None),
        "search + mood": (EntryFilter(query="sleep", moods=frozenset({1, 2})), None),
        "tag": (EntryFilter(tag="work"), None),
    }
    captured: list[tuple[str, tuple[Any, ...]]] = []

    class Spy:
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        def execute(self, sql: str, params: Any = ()) -> Any:
            captured.append((sql, tuple(params)))
            return self.inner.execute(sql, params)

    for name, (flt, after) in cases.items():
        captured.clear()
        JournalRepository(Spy(conn)).page(flt, after=after, limit=PAGE)  # type: ignore[arg-type]
        # Every statement page() ran for the entries themselves (a search may run several).
        statements = [(sql, params) for sql, params in captured if "FROM entry e " in sql]
        plans[name] = {
            "sql": [sql for sql, _ in statements],
            "plan": [
                " ".join(str(r[-1]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
                for sql, params in statements
            ],
        }
    _ = (textnorm, repo)
    vault.release(conn)
    vault.lock()
    return plans


def worker_session_qt(data_dir: Path) -> dict[str, Any]:
    return worker_session(data_dir, with_qt=True)


def worker_fingerprint(data_dir: Path) -> dict[str, Any]:
    """The vault cache key as the peerapp this worker imports sees it (see --against)."""
    return {"fingerprint": fingerprint()}


TIMELINE_ROWS = 2000  # rows scrolled through in the timeline paint run
TIMELINE_VIEW = (420, 560)  # the journal list's size in a 1024x600 window


def worker_timeline_paint(data_dir: Path) -> dict[str, Any]:
    """The journal page's list as the GUI shows it: the first page on screen, then TIMELINE_ROWS rows
    scrolled through a screen at a time, each screen painted at once. Times the delegate of whichever
    checkout this worker imports (--code: an older one, the floor) through a subclass that counts."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QListView

    from peerapp.core.journal import JournalRepository
    from peerapp.gui.journal import timeline

    app = QApplication.instance() or QApplication([])
    vault, _ = _unlocked(data_dir)
    conn = vault.connect()
    repo = JournalRepository(conn)
    view = QListView()
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.resize(*TIMELINE_VIEW)
    model = timeline.TimelineModel(view)
    view.setModel(model)
    spent = {"paint": 0.0, "size": 0.0}
    counts = {"paint": 0, "size": 0}

    class Counting(timeline.TimelineDelegate):  # type: ignore[misc, name-defined]
        def paint(self, painter: Any, option: Any, index: Any) -> None:
            t = now()
            super().paint(painter, option, index)
            spent["paint"] += now() - t
            counts["paint"] += 1

        def sizeHint(self, option: Any, index: Any) -> Any:  # noqa: N802 - Qt override
            t = now()
            size = super().sizeHint(option, index)
            spent["size"] += now() - t
            counts["size"] += 1
            return size

    view.setItemDelegate(Counting(view))
    view.show()
    app.processEvents()
    t = now()
    model.attach(repo)
    view.doItemsLayout()
    view.viewport().repaint()
    first_page = ms(now() - t)
    first_paints = counts["paint"]
    spent.update(paint=0.0, size=0.0)
    counts.update(paint=0, size=0)
    bar = view.verticalScrollBar()
    steps: list[float] = []
    t_all = now()
    while True:
        bottom = view.indexAt(view.viewport().rect().bottomLeft())
        if (bottom.isValid() and bottom.row() >= TIMELINE_ROWS) or len(steps) > 10 * TIMELINE_ROWS:
            break
        t = now()
        bar.setValue(bar.value() + view.viewport().height())
        if bar.value() >= bar.maximum() and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        app.processEvents()
        view.viewport().repaint()
        steps.append(ms(now() - t))
    scroll_total = ms(now() - t_all)
    loaded = model.rowCount()
    t = now()
    view.doItemsLayout()
    relayout = ms(now() - t)
    vault.release(conn)
    vault.lock()
    return {
        "first_page_ms": first_page,
        "first_page_rows_painted": first_paints,
        "rows_painted": counts["paint"],
        "paint_ms_per_row": ms(spent["paint"]) / max(counts["paint"], 1),
        "size_hints": counts["size"],
        "size_hint_us": 1000 * ms(spent["size"]) / max(counts["size"], 1),
        "screens": len(steps),
        "screen_p50_ms": pct(steps, 50),
        "screen_p95_ms": pct(steps, 95),
        "screen_max_ms": max(steps),
        "scroll_total_ms": scroll_total,
        "rows_loaded": loaded,
        "relayout_ms": relayout,
    }


def timeline_paint_runs(path: Path, runs: int, against: Path | None) -> dict[str, list[dict[str, Any]]]:
    """worker_timeline_paint `runs` times for this checkout and, alternating, for `against`."""
    out: dict[str, list[dict[str, Any]]] = {"this": [], "against": []}
    for _ in range(runs):
        out["this"].append(run_worker("timeline_paint", path))
        if against is not None:
            out["against"].append(run_worker("timeline_paint", path, against))
    return out


def render_timeline_paint(results: dict[str, Any], runs: int, label: str) -> str:
    """The timeline paint section of RESULTS.md: medians of the runs, this checkout beside `label`."""
    keys = [
        ("first page shown (ms)", "first_page_ms", "{:.1f}"),
        ("rows painted while scrolling", "rows_painted", "{:,.0f}"),
        ("paint per row (ms)", "paint_ms_per_row", "{:.3f}"),
        ("sizeHint per call (µs)", "size_hint_us", "{:.1f}"),
        ("sizeHint calls", "size_hints", "{:,.0f}"),
        ("one screen scrolled, p50 (ms)", "screen_p50_ms", "{:.1f}"),
        ("one screen scrolled, p95 (ms)", "screen_p95_ms", "{:.1f}"),
        ("one screen scrolled, max (ms)", "screen_max_ms", "{:.1f}"),
        ("relayout of the loaded rows (ms)", "relayout_ms", "{:.1f}"),
    ]
    lines = [
        "## Journal timeline painting",
        "",
        f"`python bench/bench_journal.py --timeline` ({runs} fresh processes each, medians): the journal"
        f" list at {TIMELINE_VIEW[0]}x{TIMELINE_VIEW[1]} (offscreen), first page shown, then"
        f" {TIMELINE_ROWS:,} rows scrolled a screen at a time with each screen painted at once."
        f" Target: first page < {TARGET_FIRST_PAGE_MS:.0f} ms.",
        "",
    ]
    for size, found in results.items():
        this, other = found["this"], found["against"]
        header = f"| {int(size):,} entries | this checkout |" + (f" {label} |" if other else "")
        lines += ["", header, "|---|---|" + ("---|" if other else "")]
        for name, key, fmt in keys:
            row = f"| {name} | {fmt.format(statistics.median(r[key] for r in this))} |"
            if other:
                row += f" {fmt.format(statistics.median(r[key] for r in other))} |"
            lines.append(row)
    return "\n".join(lines) + "\n"


WORKERS = {
    "unlock": worker_unlock,
    "search": worker_search,
    "session": worker_session,
    "session_qt": worker_session_qt,
    "plans": worker_plans,
    "export": worker_export,
    "profile": worker_profile,
    "fingerprint": worker_fingerprint,
    "timeline_paint": worker_timeline_paint,
}


# =========================================================================== driver


def fingerprint() -> str:
    """Changes when the generator or the schema changes (cached vaults are then rebuilt)."""
    from peerapp.core import migrations, textnorm

    digest = hashlib.sha256()
    digest.update((BENCH / "generate.py").read_bytes())
    digest.update("\n".join(migrations.MIGRATIONS).encode())
    digest.update(str(getattr(textnorm, "VERSION", 0)).encode())  # what goes into the index
    return digest.hexdigest()[:10]


def ensure_vault(size: int, seed: int, cache: Path = OUT_DIR) -> tuple[Path, float | None]:
    """The cached vault for `size`, generating it when needed; returns (dir, seconds or None)."""
    cache.mkdir(parents=True, exist_ok=True)
    name = f"vault-{size}-s{seed}-{fingerprint()}"
    path = cache / name
    if (path / "vault.db").exists() and (path / "READY").exists():
        return path, None
    for stale in cache.glob(f"vault-{size}-s{seed}-*"):
        shutil.rmtree(stale)
    print(f"generating {size} entries -> {path}", file=sys.stderr)
    t = now()
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "generate.py"),
            "--entries",
            str(size),
            "--data-dir",
            str(path),
            "--seed",
            str(seed),
            "--passphrase",
            PASSPHRASE,
        ],
        check=True,
    )
    (path / "READY").write_text("ok\n")
    return path, now() - t


@contextlib.contextmanager
def competing_load(processes: int) -> Iterator[None]:
    """A busy machine: one busy-looping Python process per core, stopped afterwards."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(processes)]
    try:
        time.sleep(0.5)  # let them reach full speed
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
        for spinner in spinners:
            spinner.wait()


def search_runs(
    path: Path, runs: int, busy: bool, against: Path | None = None
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """`runs` search workers on an idle machine and as many under a competing load, alternating so
    both see the same background; each also times the plain SQLite floor query by query. With
    `against` (another checkout), its peerapp runs beside this one's in every state and round,
    the order swapped each round, so a before/after comparison sees the same machine too."""
    if not (path / FLOOR_DB).exists():
        run_worker("export", path)
    vaults = {"this": path}
    if against:
        # The other checkout may have another schema: its vault is the one its fingerprint names
        # (same generator and seed, so the same entries), which must exist in the same folder.
        other = run_worker("fingerprint", path, against)["fingerprint"]
        vaults["against"] = path.with_name(path.name.rsplit("-", 1)[0] + "-" + other)
        if not (vaults["against"] / "READY").exists():
            raise SystemExit(f"no vault for the --against checkout's schema: {vaults['against']}")
        if not (vaults["against"] / FLOOR_DB).exists():
            run_worker("export", vaults["against"], against)
    codes: dict[str, Path | None] = {"this": None} | ({"against": against} if against else {})
    found: dict[str, dict[str, list[dict[str, Any]]]] = {code: {"idle": [], "busy": []} for code in codes}
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 2
    for round_ in range(runs):
        order = list(codes) if round_ % 2 == 0 else list(reversed(codes))
        for code in order:
            found[code]["idle"].append(run_worker("search", vaults[code], codes[code]))
        if busy:
            with competing_load(cores):
                for code in order:
                    found[code]["busy"].append(run_worker("search", vaults[code], codes[code]))
    return {code: {k: v for k, v in states.items() if v} for code, states in found.items()}


def summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians over runs of each run's p50/p95/max (the app and the floor), and their range."""
    warm = [r["warm"] for r in runs]
    out: dict[str, Any] = {
        "runs": len(runs),
        "load": statistics.median(r.get("load", float("nan")) for r in runs),
    }
    for key in ("p50", "p95", "max", "floor_p50", "floor_p95", "floor_max"):
        values = [w[key] for w in warm if key in w]
        if values:
            out[key] = statistics.median(values)
            out[key + "_range"] = (min(values), max(values))
    return out


def run_worker(name: str, data_dir: Path, code: Path | None = None) -> dict[str, Any]:
    """Run a worker in a fresh process; `code`: a checkout whose peerapp it imports instead."""
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--data-dir", str(data_dir)]
        + (["--code", str(code)] if code else []),
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def machine() -> dict[str, str]:
    import nacl
    import sqlcipher3.dbapi2 as sqlcipher

    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    conn = sqlcipher.connect(":memory:")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
    conn.close()
    mem = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    try:
        from importlib.metadata import version

        sqlcipher3_version = version("sqlcipher3")
    except Exception:  # noqa: BLE001
        sqlcipher3_version = "?"
    return {
        "nproc": str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()),
        "cpu": model,
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlcipher": f"{cipher} (SQLite {sqlite})",
        "sqlcipher3": sqlcipher3_version,
        "pynacl": getattr(nacl, "__version__", "?"),
    }


def verdict(value: float, target: float) -> str:
    return "**pass**" if value <= target else "**FAIL**"


STATE_NAMES = {"idle": "idle machine", "busy": "busy machine (one spinning process per core)"}


def search_tables(
    results: dict[str, Any], sizes: list[str], before: dict[str, Any] | None, against_label: str = ""
) -> list[str]:
    """Search on an idle and a busy machine against the floor, and against an earlier run."""
    if not any("search_states" in results[size] for size in sizes):
        return []
    lines = [
        "",
        "## Search: idle, busy and the floor",
        "",
        "Each query of `bench/queries.py` runs as `page(EntryFilter(query=...), limit=100)` in the app's"
        " SQLCipher vault, then at once the same call on `floor.db`, a plain SQLite copy of the same vault"
        " (`sqlcipher_export`, opened by the same sqlcipher3 build without a key: SQLite"
        " without encryption; the standard library's SQLite 3.40 cannot open the index's"
        " `contentless_delete` table). Per query the median of 3 passes; p50/p95/max over the"
        " queries; then the median over the runs (range in brackets). Busy: one `while True: pass`"
        " process per core for the whole run. Idle and busy runs alternate. Load: the 1-minute load"
        " average when a run ended (the machine is shared, so idle is rarely quite idle).",
        "",
        "| entries | machine | runs | p50 ms | p95 ms | max ms | floor p95 ms | ratio p95 / floor p95 | load |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for size in sizes:
        for state, f in results[size].get("search_states", {}).items():
            lo, hi = f["p95_range"]
            lines.append(
                f"| {int(size):,} | {state} | {f['runs']} | {f['p50']:.1f} | {f['p95']:.1f} ({lo:.1f}–{hi:.1f})"
                f" | {f['max']:.1f} | {f['floor_p95']:.1f} | {f['p95'] / f['floor_p95']:.2f}× | {f['load']:.1f} |"
            )
    against = {
        size: {"search_states": results[size]["against_states"]}
        for size in sizes
        if "against_states" in results[size]
    }
    if against:
        before, source = (
            against,
            f"{against_label or 'the checkout given with `--against`'}: run beside this one in every round"
            " and machine state, on the same vaults",
        )
    elif before:
        source = "the earlier run given with `--before`, same vaults, another time"
    if before:
        lines += [
            "",
            f"Before → after ({source}):",
            "",
            "| entries | machine | p50 ms | p95 ms | max ms | floor p95 ms | ratio p95 / floor p95 |",
            "|---|---|---|---|---|---|---|",
        ]
        for size in sizes:
            for state, f in results[size].get("search_states", {}).items():
                b = before.get(size, {}).get("search_states", {}).get(state)
                if not b:
                    continue
                lines.append(
                    f"| {int(size):,} | {state} | {b['p50']:.1f} → {f['p50']:.1f} | {b['p95']:.1f} → {f['p95']:.1f}"
                    f" | {b['max']:.1f} → {f['max']:.1f} | {b['floor_p95']:.1f} → {f['floor_p95']:.1f}"
                    f" | {b['p95'] / b['floor_p95']:.2f}× → {f['p95'] / f['floor_p95']:.2f}× |"
                )
    return lines


def render(
    results: dict[str, Any],
    info: dict[str, str],
    runs: int,
    elapsed: float,
    before: dict[str, Any] | None = None,
    command: str = "",
    against_label: str = "",
) -> str:
    from peerapp.core.keyslot import KdfParams

    kdf = KdfParams()
    sizes = sorted(results, key=int)
    big = sizes[-1]
    lines = [
        "## Journal",
        "",
        f"Generated by `python bench/bench_journal.py {command}` on {time.strftime('%Y-%m-%d')}"
        f" (whole run {elapsed:.0f} s).",
        "Vaults come from `bench/generate.py` (default KDF: Argon2id"
        f" t={kdf.ops}, m={kdf.mem // 2**20} MiB; mixed Arabic/English entries over several years).",
        "All timings are wall clock with the vault file in the OS page cache (a warm disk cache);"
        ' "cold" means a fresh process and a new SQLCipher connection.',
        "What these figures led to change, with before/after numbers: bench/README.md.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in info.items()],
        "",
        "## Targets",
        "",
        "| metric | value | target | result |",
        "|---|---|---|---|",
    ]
    for size in sizes:
        r = results[size]
        u = r["unlock"]
        lines.append(
            f"| first page after the KDF, {int(size):,} entries (median of {runs} fresh processes)"
            f" | {u['after_kdf_to_first_page_ms']:.1f} ms | <= {TARGET_FIRST_PAGE_MS:.0f} ms"
            f" | {verdict(u['after_kdf_to_first_page_ms'], TARGET_FIRST_PAGE_MS)} |"
        )
    for size in sizes:
        states = results[size].get("search_states") or {"idle": results[size]["search"]["warm"]}
        for state, target_ms in (("idle", TARGET_SEARCH_P95_MS), ("busy", TARGET_SEARCH_BUSY_P95_MS)):
            if state not in states:
                continue
            p95 = states[state]["p95"]
            target = f"<= {target_ms:.0f} ms" + ("" if size == big else " (set for 50k)")
            lines.append(
                f"| search p95, {int(size):,} entries ({results[size]['search']['queries']} queries),"
                f" {STATE_NAMES[state]} | {p95:.1f} ms | {target} | {verdict(p95, target_ms)} |"
            )
    for size in sizes:
        m = results[size]["session"]["rss_mb"]
        lines.append(
            f"| peak RSS (ru_maxrss) of a GUI-like session, {int(size):,} entries"
            f" | {m['peak_total']:.0f} MB | <= {TARGET_RSS_MB:.0f} MB"
            f" | {verdict(m['peak_total'], TARGET_RSS_MB)} |"
        )
    lines += search_tables(results, sizes, before, against_label)
    lines += ["", "## All figures", ""]
    header = "| metric | " + " | ".join(f"{int(s):,}" for s in sizes) + " | note |"
    lines += [header, "|---|" + "---|" * len(sizes) + "---|"]

    def row(label: str, get: Any, fmt: str = "{:.1f}", note: str = "") -> None:
        cells = []
        for size in sizes:
            try:
                cells.append(fmt.format(get(results[size])))
            except (KeyError, TypeError, ZeroDivisionError):
                cells.append("–")
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {note} |")

    row("generation time (s)", lambda r: r["generate_s"], "{:.0f}", "only when not cached")
    row("database size (MB)", lambda r: r["db_mb"], "{:.0f}", "vault.db, SQLCipher 4 pages")
    row("Vault.unlock() (ms)", lambda r: r["unlock"]["unlock_ms"], note=f"median of {runs} fresh processes")
    row("  of which Argon2id KDF (ms)", lambda r: r["unlock"]["kdf_ms"])
    row(
        "connect + first query, key known, no KDF (ms)",
        lambda r: r["unlock"]["nokdf_connect_query_ms"],
        note="db.connect + plain 100-row SELECT",
    )
    row(
        "ratio unlock with KDF / without",
        lambda r: r["unlock"]["unlock_ms"] / r["unlock"]["nokdf_connect_query_ms"],
        "{:.0f}×",
    )
    row("Vault.connect() for the GUI (ms)", lambda r: r["unlock"]["connect_ms"])
    row(
        "first page, cold: page(limit=100) on a new connection (ms)",
        lambda r: r["unlock"]["first_page_cold_ms"],
    )
    row(
        "after the KDF to first page on screen (ms)",
        lambda r: r["unlock"]["after_kdf_to_first_page_ms"],
        note="unlock minus KDF + connect + cold page",
    )
    row("first page, warm (ms)", lambda r: r["unlock"]["first_page_warm_ms"])
    row(
        "floor: plain SELECT ... ORDER BY at_utc DESC LIMIT 100, warm (ms)",
        lambda r: r["unlock"]["floor_page_warm_ms"],
    )
    row(
        "ratio warm page() / floor",
        lambda r: r["unlock"]["first_page_warm_ms"] / r["unlock"]["floor_page_warm_ms"],
        "{:.1f}×",
        "the rest is hydration (tags, emotions, coping)",
    )
    row("connect + first page(), key known (ms)", lambda r: r["unlock"]["nokdf_connect_page_ms"])
    row("search p50, warm (ms)", lambda r: r["search"]["warm"]["p50"], note="median of 3 passes per query")
    row("search p95, warm (ms)", lambda r: r["search"]["warm"]["p95"])
    row("search max, warm (ms)", lambda r: r["search"]["warm"]["max"])
    row(
        "search p50 / p95, first pass on a new connection (ms)",
        lambda r: f"{r['search']['cold']['p50']:.1f} / {r['search']['cold']['p95']:.1f}",
        "{}",
    )
    row("ratio search p50 / floor", lambda r: r["search"]["warm"]["p50"] / r["search"]["floor_ms"], "{:.1f}×")
    row(
        "ratio search p95 / unfiltered page()",
        lambda r: r["search"]["warm"]["p95"] / r["search"]["unfiltered_page_ms"],
        "{:.1f}×",
    )
    row(
        "scroll whole timeline: pages", lambda r: r["session"]["pages"], "{:,}", "100 entries a page, cursors"
    )
    row("scroll whole timeline: total (ms)", lambda r: r["session"]["scroll_total_ms"], "{:,.0f}")
    row(
        "scroll: per page p50 / p95 / max (ms)",
        lambda r: "{:.1f} / {:.1f} / {:.1f}".format(
            r["session"]["scroll_page_p50_ms"],
            r["session"]["scroll_page_p95_ms"],
            r["session"]["scroll_page_max_ms"],
        ),
        "{}",
    )
    row("RSS at start (MB)", lambda r: r["session"]["rss_mb"]["start"], "{:.0f}", "Python + imports")
    row(
        "peak RSS through unlock (MB)",
        lambda r: r["session"]["rss_mb"]["peak_through_unlock"],
        "{:.0f}",
        f"Argon2id allocates {kdf.mem // 2**20} MiB, then frees it",
    )
    row("RSS after unlock (MB)", lambda r: r["session"]["rss_mb"]["after_unlock"], "{:.0f}")
    row("RSS after first page (MB)", lambda r: r["session"]["rss_mb"]["after_first_page"], "{:.0f}")
    row(
        "RSS after scrolling, all entries kept (MB)",
        lambda r: r["session"]["rss_mb"]["after_scroll"],
        "{:.0f}",
        "every Entry held, as a list model would",
    )
    row("RSS after the search set (MB)", lambda r: r["session"]["rss_mb"]["after_search"], "{:.0f}")
    row(
        "peak RSS after unlock (MB)",
        lambda r: r["session"]["rss_mb"]["peak_after_unlock"],
        "{:.0f}",
        "VmHWM reset after the KDF",
    )
    row("peak RSS whole session, ru_maxrss (MB)", lambda r: r["session"]["rss_mb"]["peak_total"], "{:.0f}")
    row(
        "same session with a QApplication: RSS at start (MB)",
        lambda r: r["session_qt"]["rss_mb"]["start"],
        "{:.0f}",
        "PySide6 loaded, offscreen, no window",
    )
    row(
        "same session with a QApplication: peak RSS, ru_maxrss (MB)",
        lambda r: r["session_qt"]["rss_mb"]["peak_total"],
        "{:.0f}",
        "informational: the GUI's widgets add more",
    )

    lines += [
        "",
        f"## Search by kind of query, {int(big):,} entries (warm, ms)",
        "",
        "| kind | queries | p50 | p95 | max | mean hits |",
        "|---|---|---|---|---|---|",
    ]
    rows = results[big]["search"]["warm"]["rows"]
    kinds = list(dict.fromkeys(r["kind"] for r in rows))
    for kind in kinds:
        sel = [r for r in rows if r["kind"] == kind]
        t = [r["ms"] for r in sel]
        lines.append(
            f"| {kind} | {len(sel)} | {pct(t, 50):.1f} | {pct(t, 95):.1f} | {max(t):.1f} |"
            f" {statistics.fmean(r['hits'] for r in sel):.0f} |"
        )
    slow = sorted(rows, key=lambda r: -r["ms"])[:10]
    lines += [
        "",
        f"Slowest queries at {int(big):,}:",
        "",
        "| query | kind | ms | floor ms | hits |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| `{r['query']}` | {r['kind']} | {r['ms']:.1f} | {r.get('floor_ms', float('nan')):.1f} | {r['hits']} |"
        for r in slow
    ]
    profile = results[big].get("profile")
    if profile:
        lines += [
            "",
            f"Where the time of the slowest queries goes at {int(big):,} (idle; the median of 5 calls, ms):"
            " the search statements (index match, timeline walk, rows), hydration (tags, emotions and"
            " coping of the page's entries), the rest in Python (building Entry objects, the match"
            " expression); last, for scale, the index alone listing every match.",
            "",
            "| query | kind | page() | search SQL | hydration SQL | Python | matches | index alone, every match |",
            "|---|---|---|---|---|---|---|---|",
        ]
        lines += [
            f"| `{p['query']}` | {p['kind']} | {p['total']:.1f} | {p['search SQL']:.1f} |"
            f" {p['hydration SQL']:.1f} | {p['Python']:.1f} | {p['matches']:,} | {p['index_all_ms']:.1f} |"
            for p in profile["slowest"]
        ]
    filters = results[big]["search"].get("filters")
    if filters:
        lines += [
            "",
            f"Other timeline filters at {int(big):,} (first page of 100, warm, ms; no target):",
            "",
            "| filter | ms | hits |",
            "|---|---|---|",
        ]
        lines += [f"| {name} | {f['ms']:.1f} | {f['hits']} |" for name, f in filters.items()]
    plans = results[big].get("plans")
    if plans:
        lines += ["", f"## Query plans ({int(big):,} entries)", ""]
        for name, p in plans.items():
            lines += [
                f"- {name}: " + " then ".join(f"`{step}`" for step in p["plan"])
                if p["plan"]
                else f"- {name}: none"
            ]
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--out", type=Path, default=BENCH / "RESULTS.md")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--cache", type=Path, default=OUT_DIR, help="folder for the generated vaults (default bench/out)"
    )
    parser.add_argument("--runs", type=int, default=5, help="fresh processes for the unlock figures")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--search-runs", type=int, default=3, help="search workers per machine state")
    parser.add_argument("--no-busy", action="store_true", help="skip the search runs under a competing load")
    parser.add_argument("--before", type=Path, help="--json of an earlier run: adds a before/after table")
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--code", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--against",
        type=Path,
        help="another checkout (e.g. a git worktree of the previous commit): its search runs beside"
        " this one's, on the same vaults and machine, for a before/after table",
    )
    parser.add_argument(
        "--against-label", default="", help="what --against is, for the report (say, a commit)"
    )
    parser.add_argument(
        "--timeline",
        action="store_true",
        help="only the timeline paint run (with --against: that checkout's delegate beside this one's)",
    )
    args = parser.parse_args(argv)

    if args.worker:
        if args.code:
            sys.path.insert(0, str(args.code.resolve()))  # before any peerapp import
        print(json.dumps(WORKERS[args.worker](args.data_dir)))
        return 0

    started = now()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.timeline:
        painted = {}
        for size in sizes:
            path, _gen = ensure_vault(size, args.seed, args.cache)
            print(f"[{size}] timeline paint x{args.runs}", file=sys.stderr)
            painted[str(size)] = timeline_paint_runs(path, args.runs, args.against)
        label = args.against_label or (str(args.against) if args.against else "")
        text = render_timeline_paint(painted, args.runs, label)
        write_section("journal-timeline", text, args.out)
        if args.json:
            args.json.write_text(json.dumps(painted, indent=1))
        print(text, file=sys.stderr)
        return 0
    results: dict[str, Any] = {}
    for size in sizes:
        path, gen_s = ensure_vault(size, args.seed, args.cache)
        r: dict[str, Any] = {"generate_s": gen_s, "db_mb": (path / "vault.db").stat().st_size / 2**20}
        print(f"[{size}] unlock x{args.runs}", file=sys.stderr)
        unlocks = [run_worker("unlock", path) for _ in range(args.runs)]
        r["unlock"] = {k: statistics.median(u[k] for u in unlocks) for k in unlocks[0]}
        print(
            f"[{size}] search x{args.search_runs}, idle" + ("" if args.no_busy else " and busy"),
            file=sys.stderr,
        )
        found = search_runs(path, args.search_runs, not args.no_busy, args.against)
        r["search"] = found["this"]["idle"][0]
        r["search_states"] = {state: summary(runs) for state, runs in found["this"].items()}
        if "against" in found:
            r["against_states"] = {state: summary(runs) for state, runs in found["against"].items()}
        r["profile"] = run_worker("profile", path)
        print(f"[{size}] session (scroll + memory)", file=sys.stderr)
        r["session"] = run_worker("session", path)
        try:
            r["session_qt"] = run_worker("session_qt", path)
        except (subprocess.CalledProcessError, ValueError) as exc:  # no PySide6 / no offscreen platform
            print(f"[{size}] session with Qt skipped: {exc}", file=sys.stderr)
        r["plans"] = run_worker("plans", path)
        results[str(size)] = r
        u, s, m = r["unlock"], r["search"]["warm"], r["session"]
        print(
            f"[{size}] first page after KDF {u['after_kdf_to_first_page_ms']:.1f} ms;"
            f" search p50/p95 {s['p50']:.1f}/{s['p95']:.1f} ms; scroll {m['scroll_total_ms']:.0f} ms;"
            f" peak RSS {m['rss_mb']['peak_total']:.0f} MB",
            file=sys.stderr,
        )
    elapsed = now() - started
    info = machine()
    before = json.loads(args.before.read_text())["results"] if args.before else None
    label = args.against_label or (str(args.against) if args.against else "")
    command = f"--sizes {args.sizes} --runs {args.runs} --search-runs {args.search_runs}"
    command += " --no-busy" if args.no_busy else ""
    command += f" --against <{label}>" if args.against else ""
    write_section("journal", render(results, info, args.runs, elapsed, before, command, label), args.out)
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "results": results}, ensure_ascii=False, indent=1))
    print(f"wrote {args.out} ({elapsed:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
