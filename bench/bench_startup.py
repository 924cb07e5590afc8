"""Start-up: from interpreter start to the lock screen on screen, against a bare PySide6 window (the floor).

    python bench/bench_startup.py [--runs 9] [--before DIR] [--first-page-vault DIR] [--cold-bytecode]
                                  [--out bench/RESULTS.md]

Every figure comes from fresh processes (QT_QPA_PLATFORM=offscreen), interleaved floor / app / ... in
each round, so a slow moment of the shared machine hits all of them alike; medians are quoted, and the
ratio app/floor is taken round by round. A child stops its clock after the window's first paint (the
zero timer after the first Paint event reaches one of its widgets), prints its CPU time (time.process_time:
everything since the interpreter started) and the monotonic clock; then, nobody touching anything, it
waits 0.7 s and prints its CPU time again (*settled*: work put off until just after the first paint shows
there), and quits.

Bytecode: an installed app runs from compiled bytecode (pip writes it when it installs). The warm-up
round writes it into the run's scratch folder (PYTHONPYCACHEPREFIX), even where PYTHONDONTWRITEBYTECODE is
set, so no round compiles source and nothing is written into the trees; `--cold-bytecode` keeps the
environment's setting instead (with PYTHONDONTWRITEBYTECODE=1 every child compiles every module it imports).

- floor: QApplication, a QMainWindow holding a QLineEdit, show().
- app: what `peerapp gui` runs once the command line is parsed (gui.shell.app.run without exec()),
  its modules imported before the clock's own PySide6 import, in the order the app imports them.
- cli: the same behind `import peerapp.cli` and its parser, as the `peerapp` command starts.
- `--before DIR`: a source tree (e.g. `git archive <commit> peerapp i18n resources | tar -x -C DIR`)
  measured the same way in the same rounds, for the before/after table.
- `python -X importtime`: the heaviest packages at the lock screen (self time summed per package).
- `--first-page-vault DIR` (a vault from bench/generate.py, default KDF): unlock through the lock screen
  and time the first timeline page on screen, from the end of the passphrase check and from the key press.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from results import write_section  # noqa: E402

TARGET_RATIO = 2.0
TARGET_FIRST_PAGE_MS = 150.0
PASSPHRASE = "bench passphrase 1234"  # bench/generate.py's default

# The clock every child stops: the zero timer after the first paint of one of the window's widgets.
_WATCH = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer

class FirstPaint(QObject):
    # On the window alone: an application-wide Python event filter costs ~30 ms at the first show
    # (every event of every widget is wrapped for Python), which would flatter the floor.
    def __init__(self, app, window):
        super().__init__()
        self.app, self.seen = app, False
        window.installEventFilter(self)

    def eventFilter(self, obj, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, self.done)
        return False

    def done(self):
        self.result = {"cpu": time.process_time(), "at": time.monotonic(), "modules": len(sys.modules)}
        QTimer.singleShot(700, self.settled)

    def settled(self):
        self.result["settled"] = time.process_time()
        print("RESULT " + json.dumps(self.result), flush=True)
        self.app.quit()
"""

CHILDREN: dict[str, str] = {
    "floor": _WATCH
    + """
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLineEdit())
watch = FirstPaint(app, window)
window.show()
app.exec()
""",
    # The app is imported before the watch's own PySide6 import, in the order `peerapp gui` imports.
    "app": """
import sys
from peerapp.gui.shell.app import build_window, create_application
"""
    + _WATCH
    + """
app = create_application()
window = build_window(sys.argv[1], None)
watch = FirstPaint(app, window)
window.show()
app.exec()
""",
    "cli": """
import sys
try:  # the parser `peerapp` builds: only the app's area when it opens the app
    from peerapp.cli import parse
    args, _handlers = parse(["--data-dir", sys.argv[1], "gui"])
except ImportError:  # a tree from before parse()
    from peerapp.cli import build_parser
    args = build_parser().parse_args(["--data-dir", sys.argv[1], "gui"])
from peerapp.gui.shell.app import build_window, create_application
"""
    + _WATCH
    + """
app = create_application()
window = build_window(args.data_dir, args.lang)
watch = FirstPaint(app, window)
window.show()
app.exec()
""",
}

# Unlock a real vault through the lock screen and time the first timeline page on screen.
FIRST_PAGE = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtTest import QTest
from peerapp.gui.shell.app import build_window, create_application
from peerapp.gui.shell.unlock_page import UnlockPage

marks = {}
checked = UnlockPage._on_unlocked

def on_unlocked(self, result):  # the passphrase check (KDF, protections, index) has just ended
    marks["checked"] = time.monotonic()
    window.journal_page.list.viewport().installEventFilter(watch)  # built by now, in either tree
    checked(self, result)

UnlockPage._on_unlocked = on_unlocked
app = create_application()
window = build_window(sys.argv[1], "en")

def start_typing():
    # argv[3]: how long the passphrase takes to type, from the first key to Enter (0: pasted and sent).
    typing_ms = int(sys.argv[3])
    if typing_ms:
        QTest.keyClicks(window.unlock_page.secret, sys.argv[2][:1])
    QTimer.singleShot(typing_ms, press)

def press():
    window.unlock_page.secret.setText(sys.argv[2])
    marks["press"] = time.monotonic()
    window.unlock_page.try_unlock()

def first_page():
    marks["first_page"] = time.monotonic()
    wait_for_tabs()

def wait_for_tabs():
    if window.tabs.count() == len(window.PAGES) or time.monotonic() - marks["press"] > 30:
        marks["all_tabs"] = time.monotonic()
        print("RESULT " + json.dumps(marks), flush=True)
        app.quit()
    else:
        QTimer.singleShot(1, wait_for_tabs)

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            if obj is window and "shown" not in marks:
                marks["shown"] = time.monotonic()
                QTimer.singleShot(0, start_typing)
            elif obj is not window and "painted" not in marks:
                view = window.journal_page.list
                if view.model().rowCount() > 0:
                    marks["painted"] = True
                    QTimer.singleShot(0, first_page)
        return False

watch = Watch()
window.installEventFilter(watch)
window.show()
QTimer.singleShot(60000, app.quit)
app.exec()
"""


COLD_BYTECODE = False  # --cold-bytecode


def child_env(tree: Path, scratch: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(tree),
        PEERAPP_CONFIG_DIR=str(scratch / "config"),
        PEERAPP_CACHE_DIR=str(scratch / "cache"),
    )
    if not COLD_BYTECODE:
        # Compiled once by the warm-up round into the scratch folder, as an installed app is compiled.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(scratch / "bytecode")
    return env


def run_child(code: str, args: list[str], env: dict[str, str], flags: tuple[str, ...] = ()) -> dict[str, Any]:
    """One fresh interpreter; its RESULT line, wall time from spawn, and the whole process's CPU time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    spawned = time.monotonic()
    # Run from the config folder's parent, not from here: `-c` puts the working directory on sys.path.
    proc = subprocess.run(
        [sys.executable, *flags, "-c", code, *args],
        env=env,
        cwd=Path(env["PEERAPP_CONFIG_DIR"]).parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"child failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    result: dict[str, Any] = json.loads(lines[-1][len("RESULT ") :])
    result["spawned"] = spawned
    result["process_cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result["stderr"] = proc.stderr
    return result


def startup_rounds(
    trees: dict[str, Path], variants: list[str], data_dir: Path, scratch: Path, runs: int
) -> dict[tuple[str, str], list[dict[str, float]]]:
    """Interleaved rounds; one warm-up of each first (writes bytecode caches, fills the page cache)."""
    cases = [("floor", "floor")] + [(tree, variant) for tree in trees for variant in variants]
    figures: dict[tuple[str, str], list[dict[str, float]]] = defaultdict(list)
    for round_no in range(runs + 1):
        for tree, variant in cases:
            path = trees.get(tree, ROOT)
            result = run_child(CHILDREN[variant], [str(data_dir)], child_env(path, scratch))
            if round_no == 0:
                continue
            figures[(tree, variant)].append(
                {
                    "cpu": result["cpu"] * 1000,
                    "settled": result["settled"] * 1000,
                    "wall": (result["at"] - result["spawned"]) * 1000,
                    "process_cpu": result["process_cpu"] * 1000,
                    "modules": result["modules"],
                }
            )
    return figures


def importtime_offenders(tree: Path, data_dir: Path, scratch: Path, runs: int = 3) -> dict[str, float]:
    """Self import time (ms) summed per package (peerapp: per subpackage or module), median of runs."""
    per_run: dict[str, list[float]] = defaultdict(list)
    for _ in range(runs):
        result = run_child(CHILDREN["app"], [str(data_dir)], child_env(tree, scratch), ("-X", "importtime"))
        totals: dict[str, float] = defaultdict(float)
        for line in result["stderr"].splitlines():
            if not line.startswith("import time:") or "| imported package" in line:
                continue
            self_us, _cumulative, name = line[len("import time:") :].split("|")
            name = name.strip()
            parts = name.split(".")
            key = ".".join(parts[:3]) if parts[0] == "peerapp" else parts[0]
            totals[key] += int(self_us) / 1000
        for key, value in totals.items():
            per_run[key].append(value)
    return {key: statistics.median(values + [0.0] * (runs - len(values))) for key, values in per_run.items()}


TYPING = {"typed": 1500, "pasted": 0}  # first key to Enter: a 20-character passphrase typed briskly; or none


def first_page_rounds(
    trees: dict[str, Path], vault: Path, scratch: Path, runs: int, passphrase: str
) -> dict[tuple[str, str], list[dict[str, float]]]:
    figures: dict[tuple[str, str], list[dict[str, float]]] = defaultdict(list)
    for round_no in range(runs + 1):
        for scenario, typing_ms in TYPING.items():
            for tree, path in trees.items():
                args = [str(vault), passphrase, str(typing_ms)]
                try:
                    marks = run_child(FIRST_PAGE, args, child_env(path, scratch))
                except RuntimeError as error:
                    print(f"first page, {tree}, {scenario}: {error}", file=sys.stderr)
                    continue
                if round_no == 0 or "first_page" not in marks:
                    continue
                figures[(tree, scenario)].append(
                    {
                        "after_check": (marks["first_page"] - marks["checked"]) * 1000,
                        "after_press": (marks["first_page"] - marks["press"]) * 1000,
                        "all_tabs": (marks["all_tabs"] - marks["press"]) * 1000,
                    }
                )
    return figures


def med(rows: list[dict[str, float]], key: str) -> float:
    return statistics.median(row[key] for row in rows)


def spread(rows: list[dict[str, float]], key: str) -> str:
    values = [row[key] for row in rows]
    return f"{min(values):.0f}–{max(values):.0f}"


def ratios(rows: list[dict[str, float]], floor: list[dict[str, float]], key: str) -> float:
    """Median of the round-by-round ratios (each round's app run against the same round's floor)."""
    return statistics.median(a[key] / b[key] for a, b in zip(rows, floor, strict=True))


def report(
    trees: dict[str, Path],
    figures: dict[tuple[str, str], list[dict[str, float]]],
    offenders: dict[str, dict[str, float]],
    first_page: dict[tuple[str, str], list[dict[str, float]]],
    runs: int,
    elapsed: float,
    before_commit: str,
) -> str:
    floor = figures[("floor", "floor")]
    now = datetime.now(UTC).strftime("%Y-%m-%d")
    lines = [
        "## Start-up",
        "",
        f"Generated by `python bench/bench_startup.py` on {now} (whole run {elapsed:.0f} s), "
        f"Python {platform.python_version()}, {os.cpu_count()} cores shared with other work.",
        "Fresh processes, offscreen platform; the clock stops after the window's first paint. "
        f"Median of {runs} interleaved rounds (min–max in brackets); ratios are taken round by round "
        "against the floor, a bare PySide6 QMainWindow with a QLineEdit shown the same way. "
        + (
            "Every child compiles the source it imports (`--cold-bytecode`, PYTHONDONTWRITEBYTECODE=1)."
            if COLD_BYTECODE
            else "Bytecode compiled by a warm-up round, as an installed app's is."
        ),
        "*Settled*: CPU time 0.7 s after the first paint, nobody touching anything.",
        "",
        "| launch | CPU to first paint (ms) | wall to first paint (ms) | settled CPU (ms) "
        "| modules loaded | CPU ratio to floor | wall ratio | settled ratio |",
        "|---|---|---|---|---|---|---|---|",
        f"| floor | {med(floor, 'cpu'):.0f} ({spread(floor, 'cpu')}) | {med(floor, 'wall'):.0f} "
        f"| {med(floor, 'settled'):.0f} | {med(floor, 'modules'):.0f} | 1.00× | 1.00× | 1.00× |",
    ]
    for (tree, variant), rows in figures.items():
        if tree == "floor":
            continue
        label = (
            f"{tree}: {'`peerapp gui` (gui.shell.app.run)' if variant == 'app' else '`peerapp` CLI entry'}"
        )
        lines.append(
            f"| {label} | {med(rows, 'cpu'):.0f} ({spread(rows, 'cpu')}) | {med(rows, 'wall'):.0f} "
            f"| {med(rows, 'settled'):.0f} | {med(rows, 'modules'):.0f} "
            f"| **{ratios(rows, floor, 'cpu'):.2f}×** | {ratios(rows, floor, 'wall'):.2f}× "
            f"| {ratios(rows, floor, 'settled'):.2f}× |"
        )
    after = figures.get(("after", "app"))
    if after:
        verdict = "pass" if ratios(after, floor, "cpu") <= TARGET_RATIO else "FAIL"
        lines += ["", f"Target: the app at most {TARGET_RATIO:.0f}× the floor in CPU: **{verdict}**."]
    if "before" in trees:
        lines.append(f"\n`before`: {before_commit or 'the --before tree'}; `after`: this tree.")

    lines += [
        "",
        "### Heaviest imports at the lock screen (`python -X importtime`, self ms summed per package)",
        "",
    ]
    names = list(offenders)
    keys = sorted(
        {key for table in offenders.values() for key in table},
        key=lambda key: -max(table.get(key, 0.0) for table in offenders.values()),
    )[:15]
    lines.append("| package | " + " | ".join(f"{name} (ms)" for name in names) + " |")
    lines.append("|---|" + "---|" * len(names))
    for key in keys:
        cells = [f"{offenders[name][key]:.1f}" if key in offenders[name] else "—" for name in names]
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    lines.append(
        "| all imports | " + " | ".join(f"{sum(offenders[name].values()):.0f}" for name in names) + " |"
    )
    lines.append(
        "\n`—`: not imported before the lock screen. importtime's own overhead inflates every figure."
    )

    if first_page:
        lines += [
            "",
            "### First timeline page after unlock, 50,000 entries (default KDF)",
            "",
            "Through the lock screen: *typed* sends the first key, then Enter 1.5 s later (the first tab is "
            "made ready meanwhile); *pasted* sends Enter at once. The clock stops after the timeline's first "
            "paint.",
            "",
            "| tree, passphrase | check done → first page on screen (ms) "
            f"| within {TARGET_FIRST_PAGE_MS:.0f} ms | Enter → first page (ms) | Enter → every tab built (ms) |",
            "|---|---|---|---|---|",
        ]
        for (tree, scenario), rows in first_page.items():
            within = "yes" if med(rows, "after_check") <= TARGET_FIRST_PAGE_MS else "no"
            lines.append(
                f"| {tree}, {scenario} | {med(rows, 'after_check'):.0f} ({spread(rows, 'after_check')}) | {within} "
                f"| {med(rows, 'after_press'):.0f} ({spread(rows, 'after_press')}) | {med(rows, 'all_tabs'):.0f} |"
            )
        lines.append(
            "\nOn screen the window also lays the page out and renders the newest entry's preview; the "
            "journal's own path (after the KDF to the first page, `bench/bench_journal.py`) is not changed here."
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--before", type=Path, help="a source tree to measure as 'before'")
    parser.add_argument("--before-commit", default="", help="the commit the --before tree came from")
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="LABEL=DIR",
        help="another tree to time (an experiment)",
    )
    parser.add_argument("--first-page-vault", type=Path, help="a bench/generate.py vault (50k entries)")
    parser.add_argument("--first-page-runs", type=int, default=5)
    parser.add_argument("--passphrase", default=PASSPHRASE)
    parser.add_argument("--cli", action="store_true", help="also time the `peerapp` CLI entry")
    parser.add_argument(
        "--cold-bytecode",
        action="store_true",
        help="keep the environment's bytecode setting (PYTHONDONTWRITEBYTECODE=1: every child compiles)",
    )
    parser.add_argument("--out", type=Path, help="results file (default bench/RESULTS.md)")
    args = parser.parse_args()
    global COLD_BYTECODE
    COLD_BYTECODE = args.cold_bytecode
    started = time.monotonic()

    trees = {"before": args.before.resolve()} if args.before else {}
    trees["after"] = ROOT
    for extra in args.also:
        label, _, folder = extra.partition("=")
        trees[label] = Path(folder).resolve()
    variants = ["app", "cli"] if args.cli else ["app"]
    with tempfile.TemporaryDirectory(prefix="peerapp-startup-") as tmp:
        scratch = Path(tmp)
        data_dir = scratch / "vault"
        make_vault(data_dir)
        figures = startup_rounds(trees, variants, data_dir, scratch, args.runs)
        offenders = {tree: importtime_offenders(path, data_dir, scratch) for tree, path in trees.items()}
        first_page: dict[tuple[str, str], list[dict[str, float]]] = {}
        if args.first_page_vault:
            compared = {label: path for label, path in trees.items() if label in ("before", "after")}
            first_page = first_page_rounds(
                compared, args.first_page_vault, scratch, args.first_page_runs, args.passphrase
            )
    text = report(
        trees, figures, offenders, first_page, args.runs, time.monotonic() - started, args.before_commit
    )
    print(text)
    write_section("startup", text, *([args.out] if args.out else []))
    return 0


def make_vault(data_dir: Path) -> None:
    """A small vault (cheap KDF): the lock screen only looks at its files, never at the entries."""
    code = (
        "import sys\n"
        "from peerapp.core.keyslot import FAST_KDF\n"
        "from peerapp.core.vault import Vault\n"
        "vault = Vault(sys.argv[1], kdf=FAST_KDF)\n"
        "vault.create('a long and private passphrase')\n"
        "vault.lock()\n"
    )
    env = child_env(ROOT, data_dir.parent)
    subprocess.run([sys.executable, "-c", code, str(data_dir)], env=env, cwd=data_dir.parent, check=True)


if __name__ == "__main__":
    sys.exit(main())
