"""Benchmark for insights: each figure before and after the per-day aggregates, against a floor.

    python bench/bench_insights.py [--entries 50000] [--runs 7] [--data-dir /tmp/insights/v50k] [--no-write]

Entries come from bench/generate.py's Writer (moods, emotions, tags, coping with ratings, over several
years; 0.5% in the trash); the vault uses the cheap test KDF since unlocking is not measured. With
--data-dir the vault is kept there and reused by the next run.

For every figure, one round measures three things back to back, so a busy machine slows all three:
- before: the insights module as it was before migration 8 (read from git), which joins every entry
  with its tags and emotions, on the same vault;
- after: today's module, which reads the aggregates the triggers keep (migration 8's per-day tables,
  and over all time migration 9's totals of each tag and emotion);
- floor: today's module on a plain (unencrypted) SQLite copy of the same database, same SQLite
  library: what the same queries cost without the cipher.
Medians of --runs rounds. The ratio is after / floor. It also measures what the triggers add to
writing entries, the migrations' backfills, and the page on the GUI thread: its longest stall, with
the mood chart as it is and as it was (BEFORE_CHARTS, read from git), and what each part paints in.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import importlib.util
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for path in (ROOT, BENCH):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import sqlcipher3.dbapi2 as sqlcipher  # noqa: E402
from generate import BATCH, Writer, timestamps  # noqa: E402
from results import write_section  # noqa: E402

from peerapp.core import db  # noqa: E402
from peerapp.core import insights as insights_module  # noqa: E402
from peerapp.core.insight_schema import INSIGHT_AGGREGATES, INSIGHT_MARK_TOTALS  # noqa: E402
from peerapp.core.insights import DateRange, Insights, Period, Report  # noqa: E402
from peerapp.core.journal import Entry, JournalRepository  # noqa: E402
from peerapp.core.keyslot import FAST_KDF  # noqa: E402
from peerapp.core.migrations import MIGRATIONS  # noqa: E402
from peerapp.core.tasks import CancelToken  # noqa: E402
from peerapp.core.vault import Vault  # noqa: E402

TARGET_MS = 200.0
PASSPHRASE = "bench passphrase 1234"
# The last commit whose insights read the entries themselves (before migration 8).
BEFORE_COMMIT = "de75a0bb56626be9d344fddce6264f90f98e9058"
# The last commit whose mood chart stroked each line as one path.
BEFORE_CHARTS = "0fe7cd3bb6e1fc8fc6c2676f1d9b9f34faadb4ff"
END = datetime(2025, 5, 31, 22, 0, 0)
ALL = DateRange()
THREE_MONTHS = DateRange(since=date(2025, 3, 1), until=date(2025, 5, 31))
LAST_YEAR = DateRange(since=date(2024, 6, 1), until=date(2025, 5, 31))
AGGREGATES = ("insight_mark_total", "insight_day", "insight_mark", "insight_coping")


def build(n: int, folder: Path, seed: int = 1) -> Vault:
    """A vault of `n` generated entries, 0.5% of them in the trash."""
    rng = random.Random(seed)
    vault = Vault(folder, kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    repo = JournalRepository(vault.connect())
    writer = Writer(rng)
    pairs = timestamps(rng, n, END)
    for i in range(0, n, BATCH):
        repo.add_many([writer.entry(at, created) for at, created in pairs[i : i + BATCH]])
    ids = [int(r[0]) for r in repo.conn.execute("SELECT id FROM entry")]
    with db.Transaction(repo.conn):
        for entry_id in rng.sample(ids, n // 200):
            repo.delete(entry_id)
    return vault


def open_vault(n: int, folder: Path) -> tuple[Vault, float | None]:
    """The vault in `folder`, built first when it is missing or holds another count (seconds, or None)."""
    if (folder / "vault.keys").exists():
        vault = Vault(folder)
        vault.unlock(PASSPHRASE)
        conn = vault.connect()
        if conn.execute("SELECT count(*) FROM entry").fetchone()[0] == n:
            return vault, None
        vault.lock()
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    vault = build(n, folder)
    return vault, time.perf_counter() - t0


def plain_copy(conn: db.Connection, path: Path) -> None:
    """An unencrypted copy of the vault's database (the floor reads it with the same SQLite library)."""
    path.unlink(missing_ok=True)
    conn.execute(f"ATTACH DATABASE '{path}' AS plain KEY ''")
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("DETACH DATABASE plain")


def plain_connect(path: Path) -> db.Connection:
    plain: db.Connection = sqlcipher.connect(str(path), isolation_level=None)
    plain.execute("PRAGMA temp_store = MEMORY")
    return plain


def module_at(commit: str, path: str, name: str) -> ModuleType | None:
    """The module at `path` as of `commit` (None without git), loaded as `name` so its relative imports resolve."""
    try:
        source = subprocess.run(
            ["git", "show", f"{commit}:{path}"], cwd=ROOT, capture_output=True, check=True, text=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    spec = importlib.util.spec_from_loader(name, loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    module.__package__ = name.rpartition(".")[0]
    sys.modules[spec.name] = module
    exec(compile(source, path, "exec"), module.__dict__)  # our own history, not outside code
    return module


def module_before() -> ModuleType | None:
    """peerapp.core.insights as of BEFORE_COMMIT (None without git); its relative imports still resolve."""
    return module_at(BEFORE_COMMIT, "peerapp/core/insights.py", "peerapp.core._insights_before")


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000.0


Opener = Callable[[], contextlib.AbstractContextManager[db.Connection]]


def reusing(conn: db.Connection) -> Opener:
    """The same connection every time, its page cache warm (how the page used to read)."""

    @contextlib.contextmanager
    def opened() -> Iterator[db.Connection]:
        yield conn

    return opened


def opening(connect: Callable[[], db.Connection], close: Callable[[db.Connection], None]) -> Opener:
    """A new connection each time, as the page's worker opens one: connecting and a cold cache count."""

    @contextlib.contextmanager
    def opened() -> Iterator[db.Connection]:
        conn = connect()
        try:
            yield conn
        finally:
            close(conn)

    return opened


def cases(module: Any, page: Opener, parts: Opener, before: bool) -> list[tuple[str, Callable[[], object]]]:
    """The figures, by name, from either insights module (the old report has no year).

    The whole page reads through `page`; each figure alone through `parts`.
    """
    year = {} if before else {"year": 2024}

    def call(method: str, *args: object, **kwargs: object) -> Callable[[], object]:
        opener = page if method == "report" else parts

        def run() -> object:
            with opener() as conn:
                return getattr(module.Insights(conn), method)(*args, **kwargs)

        return run

    def joined(method: str, *args: object, **kwargs: object) -> Callable[[], object]:
        """`method` reading every (day, item) row joined with its day, as before migration 9's totals."""
        opener = page if method == "report" else parts

        def run() -> object:
            with opener() as conn:
                insights = module.Insights(conn)
                insights.store.totals = False
                return getattr(insights, method)(*args, **kwargs)

        return run

    def over(label: str, bounds: DateRange) -> list[tuple[str, Callable[[], object]]]:
        rng = module.DateRange(bounds.since, bounds.until)
        return [
            (f"whole page, report() ({label})", call("report", Period.WEEK, rng, **year)),
            (f"overview ({label})", call("overview", rng)),
            (f"mood over time, weeks ({label})", call("mood_over_time", Period.WEEK, rng)),
            (f"mood by weekday ({label})", call("by_weekday", rng)),
            (f"better and worse days ({label})", call("associations", rng)),
            (f"what helps ({label})", call("what_helps", rng)),
        ]

    last_year = module.DateRange(LAST_YEAR.since, LAST_YEAR.until)
    without = (
        []
        if before
        else [
            (
                "whole page, report() (all time, without the totals)",
                joined("report", Period.WEEK, ALL, **year),
            ),
            ("better and worse days (all time, without the totals)", joined("associations", ALL)),
        ]
    )
    return [
        *over("all time", ALL),
        *without,
        *over("3 months", THREE_MONTHS),
        ("whole page, report() (last year)", call("report", Period.WEEK, last_year, **year)),
        ("year in pixels (2024)", call("year_in_pixels", 2024)),
        ("years with data", call("years")),
    ]


def measure_reads(vault: Vault, plain_path: Path, runs: int) -> list[list[str]]:
    old = module_before()
    warm, warm_plain = vault.connect(), plain_connect(plain_path)
    fresh = opening(vault.connect, vault.release)
    fresh_plain = opening(lambda: plain_connect(plain_path), db.Connection.close)
    after = cases(insights_module, fresh, reusing(warm), before=False)
    floor = dict(cases(insights_module, fresh_plain, reusing(warm_plain), before=False))
    before = dict(cases(old, reusing(warm), reusing(warm), before=True)) if old is not None else {}
    rows = []
    for name, fn in after:
        times: dict[str, list[float]] = {"before": [], "after": [], "floor": []}
        for _ in range(runs):
            if name in before:
                times["before"].append(timed(before[name]))
            times["after"].append(timed(fn))
            times["floor"].append(timed(floor[name]))
        med = {k: statistics.median(v) if v else float("nan") for k, v in times.items()}
        speedup = f"{med['before'] / med['after']:.1f}×" if times["before"] else "-"
        rows.append(
            [
                name,
                f"{med['before']:.1f}" if times["before"] else "-",
                f"{med['after']:.1f}",
                f"{max(times['after']):.1f}",
                f"{med['floor']:.1f}",
                f"{med['after'] / med['floor']:.2f}",
                speedup,
            ]
        )
        print(" | ".join(rows[-1]), flush=True)
    vault.release(warm)
    warm_plain.close()
    return rows


def drop_aggregates(conn: db.Connection, *, totals_only: bool = False) -> None:
    """Migrations 8 and 9 undone (or only 9): their triggers and tables go, as in a vault made before."""
    pattern = "insight_total_%" if totals_only else "insight_%"
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE ?", (pattern,)
    ):
        conn.execute(f"DROP TRIGGER {name}")
    for table in AGGREGATES[:1] if totals_only else AGGREGATES:
        conn.execute(f"DROP TABLE {table}")


@contextlib.contextmanager
def scratch_vault(folder: Path, *, triggers: str) -> Iterator[JournalRepository]:
    """A fresh vault with all the insight triggers ("8 and 9"), migration 8's only ("8"), or none."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    vault = Vault(folder, kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    repo = JournalRepository(vault.connect())
    if triggers != "8 and 9":
        drop_aggregates(repo.conn, totals_only=triggers == "8")
    try:
        yield repo
    finally:
        vault.lock()


def write_round(repo: JournalRepository, entries: list[Entry]) -> dict[str, float]:
    """add_many of `entries`, then editing, trashing and purging 200 of them; ms for each step."""
    picked = entries[:: max(1, len(entries) // 200)][:200]
    took = {f"add_many, {len(entries):,} entries": timed(lambda: repo.add_many(entries))}

    def edit() -> None:
        for e in picked:
            e.mood = 1 + (e.mood or 0) % 5
            e.tags = [*e.tags[1:], "edited"]
            repo.update(e)

    def trash() -> None:
        for e in picked:
            assert e.id is not None
            repo.delete(e.id)

    took[f"edit {len(picked)} entries, one by one"] = timed(edit)
    took[f"trash {len(picked)} entries, one by one"] = timed(trash)
    took[f"empty the trash ({len(picked)})"] = timed(repo.empty_trash)
    return took


def measure_writes(folder: Path, runs: int, n: int = 5000) -> list[list[str]]:
    """What the triggers cost: the same writes on fresh vaults without them, with 8's, and with 8's and 9's."""
    writer = Writer(random.Random(2))
    entries = [writer.entry(at, created) for at, created in timestamps(random.Random(2), n, END)]
    kinds = ["none", "8", "8 and 9"]
    times: dict[tuple[str, str], list[float]] = {}
    for i in range(runs):
        for triggers in kinds[i % 3 :] + kinds[: i % 3]:  # each goes first in turn
            with scratch_vault(folder / "writes", triggers=triggers) as repo:
                for name, ms in write_round(repo, copy.deepcopy(entries)).items():
                    times.setdefault((name, triggers), []).append(ms)
    rows = []
    for name in dict.fromkeys(k[0] for k in times):
        none, eight, both = (statistics.median(times[(name, kind)]) for kind in kinds)
        rows.append(
            [name, f"{none:.0f}", f"{eight:.0f}", f"{both:.0f}", f"{both / none:.2f}", f"{both / eight:.2f}"]
        )
        print(" | ".join(rows[-1]), flush=True)
    return rows


def measure_backfill(vault: Vault, folder: Path) -> tuple[float, float, float]:
    """Seconds for migrations 8 and 9, and for 9 alone, on copies of the vault made as before them, and
    for reading its entries once."""
    conn = vault.connect()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    vault.release(conn)

    def migrated(first: str) -> tuple[float, float]:
        copy = folder / "backfill"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(vault.directory, copy)
        again = Vault(copy)
        again.unlock(PASSPHRASE)
        conn = again.connect()
        drop_aggregates(conn, totals_only=first == INSIGHT_MARK_TOTALS)
        conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(first)}")
        read = timed(lambda: conn.execute("SELECT count(*), sum(length(body)) FROM entry").fetchone())
        again.release(conn)
        migrate = timed(again.connect)  # the connection migrates: tables, triggers, backfill
        again.lock()
        shutil.rmtree(copy, ignore_errors=True)
        return migrate / 1000.0, read / 1000.0

    both, read = migrated(INSIGHT_AGGREGATES)
    nine, _ = migrated(INSIGHT_MARK_TOTALS)
    return both, nine, read


def before_compute(old: ModuleType) -> Callable[..., Report]:
    """The page's computation with the module as it was (it knew no year or period in its report)."""

    def compute(
        conn: db.Connection, period: Period, rng: DateRange, year: int | None, _cancel: object
    ) -> Report:
        insights = old.Insights(conn)
        r = insights.report(period, old.DateRange(rng.since, rng.until))
        shown = year if year in r.years else (r.years[-1] if r.years else None)
        pixels = {} if shown is None else insights.year_in_pixels(shown)
        return Report(
            r.overview, r.points, r.weekdays, r.associations, r.helps, r.years, shown, pixels, period
        )

    return compute


def profile_round(vault: Vault) -> dict[str, float]:
    """Each step of one all-time report(), timed on its own, on a fresh connection as the worker has."""
    took: dict[str, float] = {}
    t0 = time.perf_counter()
    conn = vault.connect()
    insights = Insights(conn)
    took["open a connection (key, schema)"] = (time.perf_counter() - t0) * 1000.0
    days: list[Any] = []
    took["per-day rows (SQL and Day objects)"] = timed(lambda: days.extend(insights.days(ALL)))
    took["better and worse days (SQL, migration 9's totals)"] = timed(
        lambda: insights.associations(ALL, days=days)
    )
    took["what helps (SQL)"] = timed(lambda: insights.what_helps(ALL))
    took["years and year in pixels (SQL)"] = timed(lambda: insights.year_in_pixels(insights.years()[-1]))
    took["weeks, weekdays, overview (Python)"] = timed(
        lambda: (
            insights_module.group_days(days, Period.WEEK),
            insights_module.weekday_means(days),
            insights.summarise(days),
        )
    )
    vault.release(conn)
    return took


def profile_report(vault: Vault, runs: int) -> list[list[str]]:
    """Where the whole page's time goes over all time: medians of each step of report()."""
    rounds = [profile_round(vault) for _ in range(runs)]
    medians = {name: statistics.median(r[name] for r in rounds) for name in rounds[0]}
    total = sum(medians.values())
    return [[name, f"{ms:.1f}", f"{ms / total:.0%}"] for name, ms in medians.items()]


def measure_gui(vault: Vault, runs: int) -> list[list[str]]:
    """The longest the GUI thread is unavailable while the real page refreshes (a 1 ms timer's worst gap).

    Each measured refresh follows one for the other range, so the figures on the page change as when
    someone switches ranges (a refresh to the same figures would leave less to paint).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QRect, QTimer
    from PySide6.QtWidgets import QApplication

    from peerapp.core.session import Session
    from peerapp.gui.insights.loader import compute_report
    from peerapp.gui.insights.page import InsightsPage

    app = QApplication.instance() or QApplication([])
    old = module_before()
    old_charts = module_at(
        BEFORE_CHARTS, "peerapp/gui/insights/charts.py", "peerapp.gui.insights._charts_old"
    )
    session = Session(vault)

    def make_page(chart_class: type | None = None) -> InsightsPage:
        page = InsightsPage()
        layout = page.mood_box.layout()
        if chart_class is not None and layout is not None:  # the same page with the mood chart as it was
            chart = chart_class()
            layout.replaceWidget(page.mood_chart, chart)
            page.mood_chart.deleteLater()
            page.mood_chart = page.mood_box.chart = chart
            page.retranslate_ui()
        page.resize(1200, 1400)
        return page

    pages = {"after": make_page()}
    if old_charts is not None:
        pages["chart before"] = make_page(old_charts.MoodLineChart)
    for page in pages.values():  # each its own window, shown throughout: only the refreshed one works
        page.show()
    app.processEvents()

    def gaps(action: Callable[[], None], until: Any) -> tuple[float, float]:
        """(worst gap of a 1 ms timer, ms until `until` fires) while `action` runs from the event loop."""
        loop = QEventLoop()
        marks = {"last": time.perf_counter(), "worst": 0.0, "start": 0.0, "shown": 0.0}

        def tick() -> None:
            now = time.perf_counter()
            marks["worst"] = max(marks["worst"], now - marks["last"])
            marks["last"] = now

        def start() -> None:
            marks["start"] = time.perf_counter()
            action()

        def shown(_report: object = None) -> None:
            marks["shown"] = time.perf_counter()
            QTimer.singleShot(100, loop.quit)  # the page paints what it was given meanwhile

        timer = QTimer()
        timer.setInterval(1)
        timer.timeout.connect(tick)
        if until is None:
            QTimer.singleShot(300, shown)
        else:
            until.connect(shown)
        timer.start()
        QTimer.singleShot(20, start)
        loop.exec()
        timer.stop()
        if until is not None:
            until.disconnect(shown)
        return marks["worst"] * 1000.0, (marks["shown"] - marks["start"]) * 1000.0

    def once(page: InsightsPage, rng: DateRange, compute: Callable[..., Report]) -> tuple[float, float]:
        """(worst gap, ms until the figures were on the page) for one refresh."""
        page.loader.compute = compute
        page.date_range = lambda: rng  # type: ignore[method-assign]  # the data ends in 2025
        return gaps(page.refresh, page.loader.loaded)

    def switched(
        page: InsightsPage, rng: DateRange, other: DateRange, compute: Callable[..., Report]
    ) -> tuple[float, float]:
        once(page, other, compute)
        return once(page, rng, compute)

    rows = []
    for label, rng, other in (
        ("all time", ALL, THREE_MONTHS),
        ("last year", LAST_YEAR, ALL),
        ("3 months", THREE_MONTHS, ALL),
    ):
        seen: dict[str, list[float]] = {
            "before": [],
            "chart before": [],
            "after": [],
            "shown": [],
            "floor": [],
        }
        for _ in range(runs):
            for name, page in pages.items():
                if name == "after" and old is not None:
                    page.attach(session.journal)  # computed on the GUI thread, as the page used to
                    seen["before"].append(switched(page, rng, other, before_compute(old))[0])
                page.attach(session)
                worst, until = switched(page, rng, other, compute_report)
                seen[name].append(worst)
                if name == "after":
                    seen["shown"].append(until)
            seen["floor"].append(gaps(lambda: None, None)[0])  # nothing to do for 300 ms
        med = {k: statistics.median(v) if v else float("nan") for k, v in seen.items()}
        rows.append(
            [
                f"longest GUI stall, whole page ({label})",
                *(f"{med[k]:.1f}" if seen[k] else "-" for k in ("before", "chart before", "after")),
                f"{med['shown']:.1f}",
                f"{med['floor']:.1f}",
                f"{med['after'] / med['floor']:.1f}",
            ]
        )
        print(" | ".join(rows[-1]), flush=True)
    # What the GUI thread itself does once the all-time figures arrive: fill the page, paint each chart.
    report = compute_report(session.conn, Period.WEEK, ALL, 2024, CancelToken())
    parts: dict[str, dict[str, list[float]]] = {}

    def paint_parts(version: str, page: InsightsPage) -> None:
        page.show()
        page.attach(session)
        page._loaded(report)
        app.processEvents()
        chart = page.mood_chart
        weeks = len(report.points)
        sliver = QRect(chart.width() // 2, 0, 30, chart.height())  # scrolling sideways a little exposes
        band = QRect(0, chart.height() // 2, chart.width(), 20)  # scrolling the page up a little exposes

        def new_figures() -> None:
            chart.set_points(report.points, Period.WEEK)
            chart.repaint()

        steps: list[tuple[str, Callable[[], object]]] = [
            (f"paint mood over time, new figures ({weeks} weeks)", new_figures),
            (f"repaint 30 px wide of mood over time ({weeks} weeks)", lambda: chart.repaint(sliver)),
            (f"repaint 20 px high of mood over time ({weeks} weeks)", lambda: chart.repaint(band)),
        ]
        if version == "after":
            steps += [
                ("fill the page with the figures", lambda: page._loaded(report)),
                ("paint year in pixels", page.year_chart.repaint),
                ("paint mood by weekday", page.weekday_chart.repaint),
                ("paint the two tables", page.assoc_table.viewport().repaint),
            ]
        for _ in range(runs):
            chart.set_points([], Period.WEEK)  # nothing worked out for the figures shown before is reused
            chart.repaint()
            for name, step in steps:
                parts.setdefault(name, {}).setdefault(version, []).append(timed(step))
        page.hide()

    for version, page in pages.items():
        paint_parts(version, page)
    for name, times in parts.items():
        mid = {k: f"{statistics.median(v):.1f}" for k, v in times.items()}
        rows.append(
            [f"GUI thread: {name} (all time)", "-", mid.get("chart before", "-"), mid["after"], "-", "-", "-"]
        )
        print(" | ".join(rows[-1]), flush=True)
    for page in pages.values():
        page.clear()
    session.close()
    app.processEvents()
    return rows


def table(head: list[str], rows: list[list[str]]) -> list[str]:
    align = ["---"] + ["---:"] * (len(head) - 1)
    return [
        "| " + " | ".join(head) + " |",
        "| " + " | ".join(align) + " |",
        *("| " + " | ".join(r) + " |" for r in rows),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--data-dir", type=Path, help="keep the vault here and reuse it (default: a temp folder)"
    )
    parser.add_argument("--no-write", action="store_true", help="print only, leave RESULTS.md alone")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.data_dir or Path(tmp) / "vault"
        work = Path(tmp)
        vault, built = open_vault(args.entries, folder)
        conn = vault.connect()
        plain_copy(conn, work / "plain.db")
        overview = Insights(conn).overview()
        marks = conn.execute("SELECT count(*) FROM insight_mark").fetchone()[0]
        days = conn.execute("SELECT count(*) FROM insight_day").fetchone()[0]
        vault.release(conn)
        print("reads: computation | before | after | max | floor | after/floor | speed-up", flush=True)
        reads = measure_reads(vault, work / "plain.db", args.runs)
        profile = profile_report(vault, args.runs)
        migrate, nine, read = measure_backfill(vault, work)
        print("GUI: | before | chart before | after | shown after | floor | ratio", flush=True)
        gui = measure_gui(vault, max(3, args.runs // 2))
        vault.lock()  # the page's session has locked it already; this says so
        print("writes: | no triggers | 8 | 8 and 9 | ratio | 9's share", flush=True)
        writes = measure_writes(work, max(3, args.runs // 2))

    slow = [r[0] for r in reads if float(r[2]) >= TARGET_MS]
    markdown = "\n".join(
        [
            "## Insights",
            "",
            f"`python bench/bench_insights.py --entries {args.entries} --runs {args.runs}`: "
            f"{overview.entries:,} entries outside the trash on {days:,} days "
            f"({overview.first_day} to {overview.last_day}), {marks:,} (day, tag or emotion) rows, test KDF"
            + (f", built in {built:.0f} s" if built is not None else "")
            + ". Medians in ms. *Before*: the module as of "
            f"{BEFORE_COMMIT[:7]} (joins every entry with its tags and emotions); *after*: the per-day "
            "aggregates of migration 8 and, over all time, migration 9's totals of each tag and emotion (the "
            "rows *without the totals* join every (day, item) row with its day instead, as before 9); "
            "*floor*: the same as after on a plain (unencrypted) SQLite copy, same "
            "SQLite library; ratio = after / floor. Each figure alone reads one connection kept open (cache "
            "warm). The whole page reads as each version of the page did: before on the GUI's own connection "
            "(warm), after and floor on a new connection each time, as the page's worker opens one "
            "(connecting and decrypting every page it reads are counted). Each round measures the three back "
            "to back. "
            f"3 months is {THREE_MONTHS.since} to {THREE_MONTHS.until}. Aim: each under {TARGET_MS:.0f} ms "
            + ("(met by every figure)." if not slow else f"(missed: {', '.join(slow)})."),
            "",
            *table(["computation", "before", "after", "after max", "floor", "ratio", "speed-up"], reads),
            "",
            "What the triggers add to writing (fresh vault, medians of "
            f"{max(3, args.runs // 2)} rounds, ms; without any, with migration 8's, with 8's and 9's; "
            "ratio = all / none; 9's share = all / 8's):",
            "",
            *table(["write", "without triggers", "8", "8 and 9", "ratio", "9's share"], writes),
            "",
            "The page on the GUI thread (offscreen, 1200×1400; a 1 ms timer's worst gap while one refresh "
            "runs and the page paints, ms; each measured refresh follows one for the other range, so the "
            "figures change as when someone switches). *Before*: the page worked the figures out on the GUI "
            "thread with the old module; *chart before*: on the job host, with the mood chart as of "
            f"{BEFORE_CHARTS[:7]} (each line stroked as one path); *after*: on the job host with today's "
            "chart; *shown after*: from the request until the figures are on the page; *floor*: the worst "
            "gap of the same timer with nothing to do; ratio = after / floor. The paint rows: a chart given "
            "new figures and painted, and a strip of it painted again (30 px wide, what scrolling sideways "
            "exposes; 20 px high, what scrolling the page up exposes).",
            "",
            *table(["GUI thread", "before", "chart before", "after", "shown after", "floor", "ratio"], gui),
            "",
            "Where the whole page's time goes over all time (each step of report() timed on its own, on a "
            "fresh connection as the worker has; medians, ms):",
            "",
            *table(["step", "ms", "share"], profile),
            "",
            f"Migrations 8 and 9 on this vault (tables, triggers, backfills): {migrate:.2f} s, once, at the first "
            f"unlock after the update, of which 9 alone (from a vault that has 8) {nine:.2f} s; reading every "
            f"entry's body once takes {read:.2f} s for comparison.",
        ]
    )
    if not args.no_write:
        write_section("insights", markdown)
    print(markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
