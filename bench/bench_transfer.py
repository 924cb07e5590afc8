"""Benchmark import, export, backup and restore of a large journal against a plain SQLite floor.

    python bench/bench_transfer.py [--entries 50000] [--runs 3] [--before REV] [--dir /tmp/transfer/bench]

Writes the input files once from bench/generate.py's entries (our JSON, a Daylio CSV, a jrnl JSON),
then, in fresh processes and interleaved run by run:

- the floor: the same rows inserted with Python's own sqlite3 (plain SQLite, no encryption) into
  the journal's tables and an FTS5 index of the raw text, one transaction, executemany;
- this tree (and with `--before REV` the package as committed at REV, unpacked with `git archive`):
  JSON import into an empty vault, the same import again (all duplicates), JSON, CSV and Markdown
  export of the vault it made, and a backup and a restore of that vault, each in its own process
  so its peak RSS (ru_maxrss) is its own; Daylio and jrnl imports run once.

Vaults use the cheap test KDF (unlocking is not what is measured). Medians over --runs; ratios are
to the floor of the same run. Writes the "transfer" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PASSPHRASE = "bench passphrase 1234"
TARGETS = {"import json": 8.0, "export json": 2.0}  # seconds, issue 14


# -- the input files ---------------------------------------------------------------------------


def write_inputs(folder: Path, n: int, seed: int) -> dict[str, Path]:
    """Our JSON, a Daylio CSV and a jrnl JSON of the same `n` generated entries (0.5 % in the trash)."""
    sys.path[:0] = [str(ROOT), str(BENCH)]
    from generate import Writer, timestamps

    from peerapp.core.transfer import csv_format, json_format

    rng = random.Random(seed)
    writer = Writer(rng)
    entries = [writer.entry(at, created) for at, created in timestamps(rng, n, datetime(2025, 5, 31, 22))]
    for entry in rng.sample(entries, n // 200):
        entry.deleted_at = entry.updated_at
    files = {"json": folder / "in.json", "daylio": folder / "in.csv", "jrnl": folder / "in-jrnl.json"}
    with files["json"].open("w", encoding="utf-8", newline="") as fh:
        out = json_format.JsonWriter(fh)
        for entry in entries:
            out.write(entry)
        out.close()
    with files["daylio"].open("w", encoding="utf-8", newline="") as fh:
        csv_out = csv_format.CsvWriter(fh)
        for entry in entries:
            csv_out.write(entry)
    jrnl = [
        {
            "date": e.at.date().isoformat(),
            "time": e.at.strftime("%H:%M"),
            "title": e.title,
            "body": e.text,
            "tags": ["@" + t for t in e.tags],
            "starred": False,
        }
        for e in entries
    ]
    files["jrnl"].write_text(json.dumps({"tags": {}, "entries": jrnl}, ensure_ascii=False), "utf-8")
    return files


# -- workers (each in a fresh process; the parent only reads their JSON line) -------------------


def _rss_mb() -> float:
    """Peak RSS of this process so far (ru_maxrss, KiB on Linux), in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _status_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak) from /proc/self/status, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> float:
    """Set this process's peak RSS to its current RSS (Linux clear_refs), so VmHWM then shows the
    peak of what follows alone; returns the current RSS."""
    Path("/proc/self/clear_refs").write_text("5")
    return _status_mb("VmRSS")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # of the children ended and waited for
    return usage.ru_utime + usage.ru_stime


def _timed(out: dict[str, float], key: str, fn: Callable[[], object]) -> None:
    """Run `fn`; record its wall time as `key` and its CPU time as `key cpu`: this process's, and that
    of any child process it started (a large import's reader, transfer/read_ahead.py). The CPU time is
    what a busy shared machine inflates least."""
    wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    fn()
    out[key] = time.perf_counter() - wall
    out[f"{key} cpu"] = time.process_time() - cpu + _children_cpu() - children


def _vault(folder: Path, create: bool) -> Any:
    from peerapp.core.keyslot import FAST_KDF
    from peerapp.core.vault import Vault

    vault = Vault(folder, kdf=FAST_KDF)
    if create:
        vault.create(PASSPHRASE)
    else:
        vault.unlock(PASSPHRASE)
    return vault


def worker_session(work: Path, inputs: dict[str, str]) -> dict[str, float]:
    """JSON import into an empty vault, the same again, then JSON, CSV and Markdown export of it."""
    from peerapp.core.transfer import export_entries, import_entries

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    vault = _vault(work / "vault", create=True)
    conn = vault.connect()
    source = Path(inputs["json"])
    out: dict[str, float] = {}
    _timed(out, "import json", lambda: import_entries(conn, "json", source))
    _timed(out, "re-import json", lambda: import_entries(conn, "json", source))
    out["entries"] = conn.execute("SELECT count(*) FROM entry").fetchone()[0]
    for fmt, name in (("json", "out.json"), ("csv", "out.csv"), ("markdown", "out.md")):
        _timed(out, f"export {fmt}", lambda: export_entries(conn, fmt, work / name))  # noqa: B023
    out["export json MB"] = (work / "out.json").stat().st_size / 1e6
    vault.release(conn)
    vault.lock()
    return out


def worker_import(work: Path, fmt: str, source: Path, label: str) -> dict[str, float]:
    """One import of `source` into an empty vault; with label "no triggers", the insight triggers
    (migrations 8 and 9) are dropped first, so no aggregates are kept: what keeping them costs."""
    from peerapp.core.transfer import import_entries

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    vault = _vault(work / "vault", create=True)
    conn = vault.connect()
    if label == "no triggers":
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'trigger'")]
        for name in names:
            conn.execute(f"DROP TRIGGER {name}")
    out: dict[str, float] = {}
    _timed(out, f"import {fmt}" + (f" ({label})" if label else ""), lambda: import_entries(conn, fmt, source))
    return out


def worker_backup(work: Path) -> dict[str, float]:
    """A backup of the session's vault: time, and peak RSS before and after (this process only)."""
    from peerapp.core.backup import create_backup

    vault = _vault(work / "vault", create=False)
    vault.release(vault.connect())
    before = _reset_peak()
    out: dict[str, float] = {}
    _timed(out, "backup", lambda: create_backup(vault, work / "b.peerbackup"))
    return out | {
        "backup rss growth": _status_mb("VmHWM") - before,
        "backup rss": _rss_mb(),
        "backup MB": (work / "b.peerbackup").stat().st_size / 1e6,
    }


def worker_restore(work: Path) -> dict[str, float]:
    """A restore of the session's backup into an empty folder: time and peak RSS."""
    from peerapp.core.backup import restore_backup

    target = work / "restored"
    shutil.rmtree(target, ignore_errors=True)
    before = _reset_peak()
    out: dict[str, float] = {}
    _timed(out, "restore", lambda: restore_backup(work / "b.peerbackup", target))
    return out | {"restore rss growth": _status_mb("VmHWM") - before, "restore rss": _rss_mb()}


def worker_floor(work: Path, source: Path) -> dict[str, float]:
    """The same rows into plain SQLite (Python's sqlite3): the journal's tables and an FTS5 index.

    The rows are built before the clock starts; the timed part is what any app storing and
    indexing them must do: one transaction, one executemany per table, the commit's fsync.
    """
    import sqlite3

    from peerapp.core.migrations import MIGRATIONS

    data = json.loads(source.read_text("utf-8"))["entries"]
    entries, tags, emotions, coping, fts = [], [], [], [], []
    tag_ids: dict[str, int] = {}
    for i, e in enumerate(data, 1):
        at = datetime.fromisoformat(e["at"])
        dates = (e["created_at"], e["updated_at"], e["deleted_at"])
        day = at.date().isoformat()
        entries.append(
            (i, e["uid"], e["at"], int(at.timestamp()), day, e["mood"], e["title"], e["text"], *dates)
        )
        tags += [(i, tag_ids.setdefault(t, len(tag_ids) + 1)) for t in e["tags"]]
        emotions += [(i, k) for k in e["emotions"]]
        coping += [(i, j, c["technique"], c["distress_before"], c["distress_after"], c["helpfulness"])
                   for j, c in enumerate(e["coping"])]  # fmt: skip
        fts.append((i, e["title"], " ".join(e["tags"]), e["text"]))
    work.mkdir(parents=True, exist_ok=True)
    path = work / "plain.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
        conn.execute(f"PRAGMA {pragma}")
    schema = MIGRATIONS[0]
    if sqlite3.sqlite_version_info < (3, 43):  # contentless_delete is newer than this SQLite
        schema = schema.replace("contentless_delete = 1,", "")
    conn.executescript(schema)

    def load() -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO tag (id, name) VALUES (?, ?)", [(v, k) for k, v in tag_ids.items()])
        conn.executemany("INSERT INTO entry VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries)
        conn.executemany("INSERT INTO entry_tag VALUES (?, ?)", tags)
        conn.executemany("INSERT INTO entry_emotion VALUES (?, ?)", emotions)
        conn.executemany("INSERT INTO entry_coping VALUES (?, ?, ?, ?, ?, ?)", coping)
        conn.executemany("INSERT INTO entry_fts (rowid, title, tags, body) VALUES (?, ?, ?, ?)", fts)
        conn.execute("COMMIT")

    out = {"sqlite": float(sqlite3.sqlite_version_info[1])}
    _timed(out, "floor", load)
    return out


def worker_parts(source: Path, vault_dir: Path) -> dict[str, float]:
    """Where an import's time goes: reading and checking the rows, the search normaliser over their
    text (plain, and through the per-word cache the import uses), and the insight aggregates rebuilt
    set by set for every day of the session's vault (in a transaction rolled back after)."""
    import io

    from peerapp.core import insight_schema, textnorm, untrusted
    from peerapp.core.transfer import json_format
    from peerapp.core.transfer.importing import check_import_file
    from peerapp.core.transfer.paging import ImportText, row_pages

    entries = [row.entry for row in json_format.json_rows(source) if row.entry is not None]
    index = [(e.title, " ".join(e.tags), e.text) for e in entries]
    out: dict[str, float] = {}
    _timed(out, "parse whole file", lambda: json.loads(source.read_text("utf-8")))
    _timed(
        out,
        "stream values",
        lambda: sum(1 for _ in untrusted.JsonStream(ImportText(source).chunks()).members("entries")),
    )
    _timed(out, "read rows", lambda: sum(1 for _ in json_format.json_rows(source)))
    _timed(out, "read and check rows", lambda: check_import_file("json", source))
    _timed(out, "normalise for the index", lambda: [textnorm.index_text(t) for row in index for t in row])
    words = textnorm.IndexWords()
    _timed(out, "normalise, word cache", lambda: [words.index_text(t) for row in index for t in row])
    vault = _vault(vault_dir, create=False)
    conn = vault.connect()
    days = [str(r[0]) for r in conn.execute("SELECT DISTINCT day FROM entry ORDER BY day")]
    conn.execute("BEGIN IMMEDIATE")
    for (name,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    _timed(out, "rebuild insights", lambda: insight_schema.rebuild_days(conn, days))
    conn.execute("ROLLBACK")
    # The JSON export's parts: the entry rows a page at a time, their tags, emotions and coping, and
    # the whole export into memory (the rest of it is making the lines).
    pages = list(row_pages(conn, with_trash=True))
    _timed(out, "export: read rows", lambda: sum(1 for _ in row_pages(conn, with_trash=True)))
    _timed(out, "export: read links", lambda: [json_format._children(conn, [r[0] for r in p]) for p in pages])
    _timed(out, "export: all", lambda: json_format.write_journal(conn, io.StringIO(), lambda done: None))
    vault.release(conn)
    vault.lock()
    return out


def run_worker(argv: list[str]) -> None:
    op, work = argv[0], Path(argv[1])
    result: dict[str, Any]
    if op == "session":
        result = worker_session(work, json.loads(argv[2]))
    elif op == "import":
        result = worker_import(work, argv[2], Path(argv[3]), argv[4] if len(argv) > 4 else "")
    elif op == "inputs":
        result = {k: str(v) for k, v in write_inputs(work, int(argv[2]), int(argv[3])).items()}
    elif op == "parts":
        result = worker_parts(Path(argv[2]), work / "vault")
    elif op == "backup":
        result = worker_backup(work)
    elif op == "restore":
        result = worker_restore(work)
    elif op == "floor":
        result = worker_floor(work, Path(argv[2]))
    else:
        raise SystemExit(f"unknown worker {op}")
    print(json.dumps(result))


# -- the parent ----------------------------------------------------------------------------------


def spawn(tree: Path, *args: str) -> dict[str, Any]:
    """Run one worker with `tree`'s peerapp first on the path; its JSON line."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"worker {args[0]} failed:\n{proc.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def unpack(rev: str, folder: Path) -> Path:
    """The peerapp package as committed at `rev`, unpacked (read-only use of the repository)."""
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", rev], capture_output=True, text=True, check=True
    ).stdout.strip()
    tree = folder / f"tree-{commit}"
    if not (tree / "peerapp").is_dir():
        tree.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "peerapp"], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def median(runs: list[dict[str, float]], key: str) -> float:
    values = [r[key] for r in runs if key in r]
    return statistics.median(values) if values else float("nan")


def _seconds(value: float) -> str:
    return "-" if value != value else f"{value:.2f}"  # NaN: not measured


def report(
    n: int,
    runs: int,
    before: str | None,
    trees: dict[str, list[dict[str, float]]],
    floor: list[dict[str, float]],
) -> str:
    names = list(trees)
    wall0, cpu0 = median(floor, "floor"), median(floor, "floor cpu")
    after = trees["after"]
    lines = [
        f"## Transfer: import, export, backup ({n:,} entries)",
        "",
        f"`python bench/bench_transfer.py --entries {n} --runs {runs}"
        + (f" --before {before}`" if before else "`")
        + f": medians of {runs} runs, each step in a fresh process, the runs interleaved"
        + (f"; **before** is the package as committed at {before}, **after** this tree." if before else ".")
        + f" Load average at the start of each run: {min(f['load'] for f in floor):.1f} to"
        f" {max(f['load'] for f in floor):.1f} on {os.cpu_count()} cores (other work shares the machine)."
        + " **Floor**: the same rows inserted with Python's sqlite3 (plain SQLite"
        f" 3.{int(median(floor, 'sqlite'))}, no encryption) into the journal's tables and an FTS5 index of the"
        f" raw text, in one transaction: **{wall0:.2f} s wall, {cpu0:.2f} s CPU**. Seconds are wall (CPU of"
        " the process and of any child it started); the machine is shared, so the CPU figures and the ratios to the floor's (CPU to CPU)"
        " are the steadier ones.",
        "",
        "| step | " + " | ".join(names) + " | ratio to floor (wall) | ratio to floor (CPU) | target (wall) |",
        "|---|" + "---:|" * len(names) + "---|---|---|",
    ]
    steps = ["import json", "import json (no triggers)", "re-import json", "import daylio", "import jrnl"]
    steps += ["export json", "export csv", "export markdown", "backup", "restore"]
    for step in steps:
        cells = " | ".join(
            f"{_seconds(median(trees[name], step))} ({_seconds(median(trees[name], step + ' cpu'))})"
            for name in names
        )
        walls = [median(trees[name], step) for name in names]
        cpus = [median(trees[name], step + " cpu") for name in names]
        by_wall = " → ".join(f"{v / wall0:.2g}×" for v in walls if v == v)
        ratios = " → ".join(f"{v / cpu0:.2g}×" for v in cpus if v == v)
        target = TARGETS.get(step)
        lines.append(f"| {step} | {cells} | {by_wall} | {ratios} | {f'< {target:.0f} s' if target else ''} |")
    for key in ("backup", "restore"):
        cells = " | ".join(
            f"{median(trees[name], key + ' rss'):.0f} MB peak, +{median(trees[name], key + ' rss growth'):.0f} MB"
            for name in names
        )
        lines.append(f"| {key}: peak RSS (ru_maxrss), growth while it ran | {cells} | | | |")
    parts = after[0] if after and "read and check rows" in after[0] else {}
    lines += [
        "",
        f"JSON file {median(after, 'export json MB'):.0f} MB, backup {median(after, 'backup MB'):.0f} MB. Daylio"
        ' and jrnl imports ran once per tree; "no triggers" is the same import with the insight triggers'
        " (migrations 8 and 9) dropped beforehand, to show their share. Growth is VmHWM after the step minus VmRSS before it"
        " (the peak reset with clear_refs), so it is the step's own; ru_maxrss is the process's peak.",
    ]
    if parts:
        lines += [
            "",
            "Where the import's CPU goes (after, one run, each part alone): reading and checking the rows"
            f" {parts['read and check rows cpu']:.2f} s, of which reading {parts['read rows cpu']:.2f} s (the"
            f" streaming reader, core/json_stream.py, {parts['stream values cpu']:.2f} s, where json.loads of the"
            f" whole file at once takes {parts['parse whole file cpu']:.2f} s) and the rest making the entries and"
            " checking and tidying each once (entries.validate inside importing._check); the search normaliser"
            f" over their text {parts['normalise for the index cpu']:.2f} s word by word (textnorm.index_text),"
            f" but {parts['normalise, word cache cpu']:.2f} s through the import's per-word cache"
            " (textnorm.IndexWords); the insight aggregates of every day of the imported vault deleted and rebuilt"
            f" set by set {parts['rebuild insights cpu']:.2f} s (less into an empty journal: nothing to delete);"
            " the rest is SQLCipher writing the rows, their indexes and the FTS5 index, and the commit.",
            "",
            f"Where the JSON export's CPU goes (after, one run, into memory): {parts['export: all cpu']:.2f} s in"
            f" all, of which reading and decrypting the entry rows a page at a time {parts['export: read rows cpu']:.2f}"
            f" s, their tags, emotions and coping {parts['export: read links cpu']:.2f} s, and the rest putting"
            " each entry's line together (json's C string escaper on every text); then encoding to UTF-8,"
            " writing and the fsync of the crash-safe file.",
        ]
    lines += [
        "",
        "How the steps work now: an import reads its file once, inside one write transaction that commits"
        " after the last row (damage found late, a cancel or a kill leave the journal as it was), with a"
        " 32 MiB page cache and 16 MiB of pending FTS5 terms (FTS5's default is 1 MiB, put back before the"
        " commit) while it writes. A file of 4 MB or more is read by a child Python while the import"
        " writes (transfer/read_ahead.py: the import's CPU above counts both processes, so it can pass its"
        " wall time). Each row is checked and tidied once as it is read (importing._check runs"
        " entries.validate) and prepared with its search index words (journal_rows.prepare), then stored with"
        " one executemany per table and batch (journal_rows.insert_prepared, no second validation); the links"
        " it writes point at rows it has"
        " just written, so SQLite's foreign-key checks are off for its transaction and put back after. The"
        " per-row insight triggers (migrations 8 and 9) are dropped inside that transaction, the aggregates"
        " of the days the import wrote to (collected as it writes) are recomputed set by set after the last"
        " row, and the triggers are created again, all before the commit (insight_schema.bulk_insights)."
        ' Each distinct word is normalised once (textnorm.IndexWords); "no triggers" drops the triggers'
        " beforehand, so no aggregates are kept at all: the difference is what keeping them costs. A backup"
        " streams its snapshot into the archive a chunk at a time, hashing it on the way, and deletes the"
        " encrypted snapshot instead of overwriting it; its memory does not grow with the journal. The JSON"
        " export reads pages of 500 rows and writes each entry's line straight from its columns"
        " (json_format.write_journal: no Entry, datetime or dict per row, the same bytes as before); CSV and"
        " Markdown still make an Entry per row.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--worker":
        run_worker(argv[1:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--before", help="also measure the package as committed at this revision")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/transfer/bench"))
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    print(f"writing {args.entries} entries as JSON, Daylio and jrnl…", file=sys.stderr)
    # Written by a worker, so this process stays small: a child's ru_maxrss starts at its parent's.
    inputs = {
        k: str(v) for k, v in spawn(ROOT, "inputs", str(args.dir), str(args.entries), str(args.seed)).items()
    }
    trees: dict[str, Path] = {}
    if args.before:
        trees[f"before {args.before}"] = unpack(args.before, args.dir)
    trees["after"] = ROOT
    results: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    floor: list[dict[str, float]] = []
    for run in range(args.runs):
        floor.append(
            spawn(ROOT, "floor", str(args.dir / "floor"), inputs["json"]) | {"load": os.getloadavg()[0]}
        )
        print(f"run {run + 1}: floor {floor[-1]['floor']:.2f} s", file=sys.stderr)
        for name, tree in trees.items():
            work = args.dir / name.replace(" ", "-")
            figures = spawn(tree, "session", str(work), json.dumps(inputs))
            figures.update(spawn(tree, "backup", str(work)))
            figures.update(spawn(tree, "restore", str(work)))
            if run == 0:
                for fmt in ("daylio", "jrnl"):
                    figures.update(spawn(tree, "import", str(work / fmt), fmt, inputs[fmt]))
            if tree == ROOT:
                figures.update(
                    spawn(tree, "import", str(work / "bare"), "json", inputs["json"], "no triggers")
                )
            results[name].append(figures)
            shown = {k: round(v, 2) for k, v in figures.items()}
            print(f"run {run + 1}: {name}: {shown}", file=sys.stderr)
    results["after"][0].update(spawn(ROOT, "parts", str(args.dir / "after"), inputs["json"]))
    markdown = report(args.entries, args.runs, args.before, results, floor)
    print(markdown)
    if not args.no_write:
        sys.path.insert(0, str(BENCH))
        from results import write_section

        write_section("transfer", markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
