"""The torture suite: SIGKILL at random moments, a damage matrix, and (if present) the server fuzz.

    python bench/torture.py                       # 200 kills per operation, the damage matrix -> RESULTS.md
    python bench/torture.py --kills 20 --out /tmp/t.md   # a quick look

Every kill runs the real CLI (`python -m peerapp`) in its own process and kills it with SIGKILL after
a random delay inside the operation's usual duration. Then the next start is made (an unlock, which
finishes or undoes interrupted work and sweeps leftovers) and the journal is checked:

- lost: an entry (or passphrase, or backup) the CLI acknowledged with exit 0 that is gone;
- duplicates: an entry present twice (imports are idempotent, adds are not retried);
- orphans: a hidden temp file, a staging folder or a half-written backup left after that start;
- tracebacks: a Python traceback on any stderr;
- unopenable: the journal no longer opens with any passphrase it was told.

The damage matrix changes vault.db, vault.keys, a backup and import files in many ways and checks
that every rejected input leaves the vault byte-identical and prints one line, no traceback.
tests/project/test_torture.py runs a few of each on every test run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from peerapp.core import crashsafe, protection  # noqa: E402
from peerapp.core.backup import read_backup  # noqa: E402
from peerapp.core.errors import PeerappError  # noqa: E402
from peerapp.core.journal import Entry, EntryFilter, JournalRepository, local_now  # noqa: E402
from peerapp.core.keyslot import FAST_KDF  # noqa: E402
from peerapp.core.vault import DB_NAME, SLOTS_NAME, Vault  # noqa: E402

PASS_A = "torture passphrase one"
PASS_B = "torture passphrase two"
OPERATIONS = ("add", "import", "passwd", "backup", "restore", "export")
COLUMNS = (
    "tries",
    "killed mid-way",
    "acknowledged lost",
    "duplicates",
    "orphan files",
    "tracebacks",
    "unopenable",
)


@dataclass
class Figures:
    """One row of the kill table."""

    tries: int = 0
    killed: int = 0
    lost: int = 0
    duplicates: int = 0
    orphans: int = 0
    tracebacks: int = 0
    unopenable: int = 0
    notes: list[str] = field(default_factory=list)

    def row(self) -> list[int]:
        return [
            self.tries,
            self.killed,
            self.lost,
            self.duplicates,
            self.orphans,
            self.tracebacks,
            self.unopenable,
        ]

    def clean(self) -> bool:
        return not (self.lost or self.duplicates or self.orphans or self.tracebacks or self.unopenable)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_killed(args: list[str], stdin: str, delay: float) -> tuple[int | None, str]:
    """Run the CLI; SIGKILL it after `delay` s unless it ended. Returns (exit code or None if killed, stderr)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "peerapp", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert proc.stdin is not None
    proc.stdin.write(stdin.encode())
    proc.stdin.close()
    try:
        proc.wait(delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert proc.stderr is not None
        return None, proc.stderr.read().decode(errors="replace")
    assert proc.stderr is not None
    return proc.returncode, proc.stderr.read().decode(errors="replace")


def _orphans(*folders: Path) -> list[Path]:
    found: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            found += [p for p in folder.glob(".*") if p.name.endswith(crashsafe.TEMP_SUFFIX)]
    return found


class Journal:
    """One throwaway journal and what the CLI acknowledged about it."""

    def __init__(self, root: Path, entries: int = 0) -> None:
        self.root = root
        self.data = root / "data"
        self.out = root / "out"
        self.out.mkdir(parents=True, exist_ok=True)
        self.passphrases = [PASS_A]  # the one acknowledged last is the current one
        self.acknowledged: set[str] = set()
        self.told: str | None = None  # a passphrase change acknowledged by the last run
        v = Vault(self.data, kdf=FAST_KDF)
        v.create(PASS_A)
        if entries:
            texts = [f"seed entry {i} " + "lorem ipsum " * 30 for i in range(entries)]
            JournalRepository(v.connect()).add_many(Entry(at=local_now(), mood=3, text=t) for t in texts)
            self.acknowledged.update(texts)
        v.lock()

    def cli(self, *args: str) -> list[str]:
        return ["--data-dir", str(self.data), *args]

    def open(self) -> tuple[Vault, str] | None:
        """The next start: find which passphrase opens it (last acknowledged first), then unlock through
        the front door, which finishes interrupted work and sweeps leftovers."""
        order = [self.passphrases[-1], *(p for p in (PASS_A, PASS_B) if p != self.passphrases[-1])]
        for passphrase in order:
            probe = Vault(self.data)
            try:
                probe.unlock(passphrase)
            except PeerappError:
                continue
            probe.lock()
            v = Vault(self.data)
            protection.unlock(v, passphrase)
            return v, passphrase
        return None

    def texts(self, v: Vault) -> list[str]:
        repo = JournalRepository(v.connect())
        return [e.text for e in repo.page(EntryFilter(), limit=1_000_000)]


def _check(journal: Journal, figures: Figures, stderr: str) -> None:
    if "Traceback" in stderr:
        figures.tracebacks += 1
        figures.notes.append(stderr.strip().splitlines()[-1][:200])
    opened = journal.open()
    if opened is None:
        figures.unopenable += 1
        return
    v, passphrase = opened
    try:
        if passphrase != journal.passphrases[-1]:
            # A change killed after its write but before it was acknowledged: it stands.
            journal.passphrases.append(passphrase)
        texts = journal.texts(v)
        figures.lost += len(journal.acknowledged - set(texts))
        figures.duplicates += len(texts) - len(set(texts))
    finally:
        v.lock()
    orphans = _orphans(journal.data, journal.out) + (
        [crashsafe.staging_dir(journal.data)] if crashsafe.staging_dir(journal.data).exists() else []
    )
    figures.orphans += len(orphans)
    for leftover in orphans:
        figures.notes.append(f"orphan {leftover.name}")
        crashsafe.remove_leftover(leftover) if leftover.is_file() else shutil.rmtree(
            leftover, ignore_errors=True
        )


def _durations(journal: Journal) -> float:
    """How long a bare CLI start takes here: kills are spread over that and the work after it."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "peerapp", "--version"], env=_env(), capture_output=True, check=True
    )
    return time.perf_counter() - started


def _import_file(root: Path, n: int = 400) -> Path:
    path = root / "import.json"
    if not path.exists():
        entries = [
            Entry(
                at=local_now(), mood=1 + i % 5, text=f"imported entry {i} " + "dolor " * 20, uid=f"imp{i:05d}"
            )
            for i in range(n)
        ]
        path.write_text(
            json.dumps({"format": "peerapp-journal", "version": 1, "entries": [e.to_json() for e in entries]})
        )
    return path


def torture(op: str, kills: int, root: Path, rng: random.Random, progress: Callable[[str], None]) -> Figures:
    """`kills` runs of `op`, each killed at a random moment (or finishing, when the delay is long)."""
    figures = Figures()
    journal = Journal(root / op, entries=300 if op in ("export", "backup", "restore") else 20)
    start = _durations(journal)
    backup_file = root / op / "good.peerbackup"
    if op == "restore":
        code, err = run_killed(
            journal.cli("backup", "-o", str(backup_file), "--passphrase-stdin"), PASS_A + "\n", 120
        )
        assert code == 0, err
    imported = _import_file(root) if op == "import" else None
    # Kills are spread from the interpreter's start to just before the usual end of the operation,
    # learnt from the runs that finished, so nearly every try is cut somewhere in the middle.
    usual = 2.5 * start + (1.0 if op in ("backup", "export", "restore", "import") else 0.3)
    i = 0
    while figures.killed < kills and figures.tries < 4 * kills:
        i += 1
        delay = rng.uniform(0.5 * start, max(0.6 * start, 0.97 * usual))
        began = time.perf_counter()
        current = journal.passphrases[-1]
        if op == "add":
            text = f"added entry {i} {rng.random()}"
            code, err = run_killed(
                journal.cli("journal", "add", "--passphrase-stdin", "-"), f"{current}\n{text}\n", delay
            )
            if code == 0:
                journal.acknowledged.add(text)
        elif op == "import":
            assert imported is not None
            code, err = run_killed(
                journal.cli("import", "--from", "json", str(imported), "--passphrase-stdin"),
                current + "\n",
                delay,
            )
            if code == 0:
                journal.acknowledged.update(
                    json.loads(imported.read_text())["entries"][j]["text"] for j in range(400)
                )
        elif op == "passwd":
            new = PASS_B if current == PASS_A else PASS_A
            code, err = run_killed(journal.cli("passwd", "--passphrase-stdin"), f"{current}\n{new}\n", delay)
            if code == 0:
                journal.passphrases.append(new)
                journal.told = new
        elif op == "backup":
            target = journal.out / f"b{i}.peerbackup"
            code, err = run_killed(
                journal.cli("backup", "-o", str(target), "--passphrase-stdin"), current + "\n", delay
            )
            if code == 0:
                try:
                    read_backup(target)
                except PeerappError:
                    figures.lost += 1
                target.unlink(missing_ok=True)
        elif op == "restore":
            code, err = run_killed(
                journal.cli("restore", str(backup_file), "--yes"), "", delay
            )  # same content as the journal, so either outcome is whole
        elif op == "export":
            target = journal.out / f"e{i}.json"
            code, err = run_killed(
                journal.cli("export", "--format", "json", "-o", str(target), "--passphrase-stdin"),
                current + "\n",
                delay,
            )
            if code == 0:
                target.unlink(missing_ok=True)
        else:
            raise ValueError(op)
        figures.tries += 1
        figures.killed += code is None
        if code is not None:
            usual = 0.7 * usual + 0.3 * (time.perf_counter() - began)
        if code not in (None, 0):
            err = err if "Traceback" in err else ""
            figures.notes.append(f"exit {code}")
        _check(journal, figures, err)
        if journal.told is not None and journal.passphrases[-1] != journal.told:
            figures.lost += 1  # an acknowledged passphrase change did not stick
        journal.told = None
        progress(f"{op}: {figures.killed}/{kills} kills, {i} tries")
    return figures


# -- the damage matrix ------------------------------------------------------------------------------


def _mutations(data: bytes, rng: random.Random) -> Iterator[tuple[str, bytes]]:
    n = len(data)
    for frac in (0.0, 0.1, 0.5, 0.9, 0.999):
        cut = int(n * frac)
        yield f"truncated at {frac:.0%}", data[:cut]
    for frac in (0.01, 0.3, 0.5, 0.7, 0.99):
        at = min(n - 1, max(0, int(n * frac)))
        yield f"bit flipped at {frac:.0%}", data[:at] + bytes([data[at] ^ 0x10]) + data[at + 1 :]
    at = rng.randrange(n)
    yield "random byte changed", data[:at] + bytes([(data[at] + 1) % 256]) + data[at + 1 :]
    yield "garbage appended", data + os.urandom(4096)
    yield "zeroed middle", data[: n // 3] + bytes(min(4096, n - n // 3)) + data[n // 3 + 4096 :]
    yield "empty", b""
    yield "random bytes", os.urandom(max(1, n))


def _vault_bytes(data: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes() for p in sorted(data.iterdir()) if p.is_file() and p.name != "attempts.json"
    }


TARGETS = ("vault.db", "vault.keys", "backup", "import")


def damage_matrix(
    root: Path,
    rng: random.Random,
    progress: Callable[[str], None],
    targets: tuple[str, ...] = TARGETS,
    per_target: int | None = None,
) -> dict[str, list[int]]:
    """target -> [cases, rejected, vault changed on a rejected input, tracebacks, more than one line]."""
    results: dict[str, list[int]] = {}
    journal = Journal(root / "damage", entries=120)
    backup_file = root / "damage" / "b.peerbackup"
    run_killed(journal.cli("backup", "-o", str(backup_file), "--passphrase-stdin"), PASS_A + "\n", 120)
    export_file = root / "damage" / "export.json"
    run_killed(
        journal.cli("export", "--format", "json", "-o", str(export_file), "--passphrase-stdin"),
        PASS_A + "\n",
        120,
    )
    pristine = {name: (journal.data / name).read_bytes() for name in (DB_NAME, SLOTS_NAME)}
    for target in targets:
        row = [0, 0, 0, 0, 0]
        source = {
            "vault.db": pristine[DB_NAME],
            "vault.keys": pristine[SLOTS_NAME],
            "backup": backup_file.read_bytes(),
            "import": export_file.read_bytes(),
        }[target]
        cases = list(_mutations(source, rng))
        if per_target is not None:
            cases = rng.sample(cases, per_target)
        for name, mutated in cases:
            for key, data in pristine.items():
                (journal.data / key).write_bytes(data)
            (journal.data / f"{DB_NAME}-wal").unlink(missing_ok=True)
            (journal.data / f"{DB_NAME}-shm").unlink(missing_ok=True)
            if target in ("vault.db", "vault.keys"):
                (journal.data / (DB_NAME if target == "vault.db" else SLOTS_NAME)).write_bytes(mutated)
                before = _vault_bytes(journal.data)
                code, err = run_killed(
                    journal.cli("backup", "-o", str(root / "damage" / "x.peerbackup"), "--passphrase-stdin"),
                    PASS_A + "\n",
                    120,
                )
                (root / "damage" / "x.peerbackup").unlink(missing_ok=True)
            elif target == "backup":
                bad = root / "damage" / "bad.peerbackup"
                bad.write_bytes(mutated)
                before = _vault_bytes(journal.data)
                code, err = run_killed(journal.cli("restore", str(bad), "--yes"), "", 120)
            else:
                bad = root / "damage" / "bad.json"
                bad.write_bytes(mutated)
                before = _vault_bytes(journal.data)
                code, err = run_killed(
                    journal.cli("import", "--from", "json", str(bad), "--passphrase-stdin"),
                    PASS_A + "\n",
                    120,
                )
            row[0] += 1
            if code != 0:
                row[1] += 1
                if _vault_bytes(journal.data) != before:
                    row[2] += 1
                    progress(f"  changed: {target} {name}")
                if len(err.strip().splitlines()) != 1:
                    row[4] += 1
                    progress(f"  lines: {target} {name}: {err.strip()[:200]}")
            if "Traceback" in err:
                row[3] += 1
                progress(f"  traceback: {target} {name}")
            progress(f"damage {target}: {name} -> exit {code}")
        results[target] = row
    return results


def _server_section(quick: bool, progress: Callable[[str], None]) -> str:
    """Run bench/torture_server.py (server fuzz and hostile servers) and keep its figures."""
    script = Path(__file__).resolve().parent / "torture_server.py"
    if not script.exists():
        return "The server fuzz (bench/torture_server.py) is not present in this checkout.\n"
    progress("server fuzz and hostile servers (bench/torture_server.py) ...")
    command = [sys.executable, str(script), "--write", *(["--quick"] if quick else [])]
    result = subprocess.run(command, capture_output=True, text=True, env=_env(), check=False)
    verdict = "all zero" if result.returncode == 0 else f"FAULTS (exit {result.returncode})"
    return (
        f"Server and hostile-server torture: {verdict}; its table is the 'Torture: group server' "
        "section below (bench/torture_server.py --write).\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--kills", type=int, default=200, help="kills (in the middle of the work) per operation"
    )
    parser.add_argument("--ops", default=",".join(OPERATIONS))
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--no-server", action="store_true")
    parser.add_argument("--out", type=Path, help="write the Markdown here instead of bench/RESULTS.md")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    sys.path.insert(0, str(Path(__file__).resolve().parent))

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="peerapp-torture-") as tmp:
        os.environ["PEERAPP_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.environ["PEERAPP_CACHE_DIR"] = str(Path(tmp) / "cache")
        started = time.perf_counter()
        rows = {op: torture(op, args.kills, Path(tmp), rng, say) for op in args.ops.split(",") if op}
        matrix = damage_matrix(Path(tmp), rng, say)
        elapsed = time.perf_counter() - started
    lines = [
        "## Torture suite (bench/torture.py)",
        "",
        f"SIGKILL at a random moment until {args.kills} runs per operation were killed mid-way (seed "
        f"{args.seed}); after each try, the next start (an unlock) and a check. Goal: zero in every "
        "column after 'killed mid-way'.",
        "",
        "| operation | " + " | ".join(COLUMNS) + " |",
        "|---|" + "---|" * len(COLUMNS),
    ]
    for op, fig in rows.items():
        lines.append(f"| {op} | " + " | ".join(f"{v:,}" for v in fig.row()) + " |")
    lines += [
        "",
        f"Damage matrix: each file changed in {len(list(_mutations(b'x' * 8192, rng)))} ways (truncations, bit "
        "flips, zeroed, appended and random bytes); the "
        "vault must stay byte-identical on every rejected input, with one line and no traceback.",
        "",
        "| damaged file | cases | rejected | vault changed | tracebacks | not one line |",
        "|---|---|---|---|---|---|",
    ]
    for target, row in matrix.items():
        lines.append(f"| {target} | " + " | ".join(str(v) for v in row) + " |")
    lines += ["", f"Run time {elapsed:.0f} s.", ""]
    if not args.no_server:
        lines.append(_server_section(args.kills < 50, say))
    notes = [n for fig in rows.values() for n in fig.notes if not n.startswith("exit")]
    if notes:
        lines += ["", "Notes: " + "; ".join(sorted(set(notes))[:20])]
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text, "utf-8")
    else:
        from results import write_section

        write_section("torture", text)
    print(text)
    clean = all(fig.clean() for fig in rows.values()) and all(
        r[2] == r[3] == r[4] == 0 for r in matrix.values()
    )
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
