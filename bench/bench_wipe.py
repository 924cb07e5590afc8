"""Benchmark the panic wipe: time until the journal is unreadable, and until every file is gone.

    python bench/bench_wipe.py [--sizes 10000,50000] [--runs 3]

Uses bench_journal's cached vaults (default KDF, as a user has it). Each run wipes a fresh copy
two ways: "Erase everything now" from the unlocked app, and a duress passphrase typed at the lock
screen (which pays one Argon2id run first). Writes the "Panic wipe" section of bench/RESULTS.md.
The config and cache folders point at a temporary folder: a wipe also erases settings and caches.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for folder in (ROOT, BENCH):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from bench_journal import OUT_DIR, ensure_vault, machine  # noqa: E402
from results import write_section  # noqa: E402

from peerapp.core import decoy, protection, wipe  # noqa: E402
from peerapp.core.errors import VaultWiped  # noqa: E402
from peerapp.core.journal import Entry, JournalRepository, local_now  # noqa: E402
from peerapp.core.keyslot import DURESS_WIPE  # noqa: E402
from peerapp.core.vault import DB_NAME, Vault  # noqa: E402

PASSPHRASE = "bench passphrase 1234"
DURESS = "bench duress passphrase"


def copy_vault(source: Path, target: Path) -> Vault:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    (target / "READY").unlink(missing_ok=True)
    vault = Vault(target)
    decoy.ensure_spare(vault)
    os.sync()  # the copy is on disk before the clock starts, as a user's journal would be
    return vault


def run_menu_wipe(vault: Vault) -> tuple[float, float]:
    """Unlocked with a write pending in the WAL, then 'Erase everything now'."""
    vault.unlock(PASSPHRASE)
    conn = vault.connect()
    JournalRepository(conn).add(Entry(at=local_now(), text="one more entry, still in the write-ahead log"))
    report = protection.panic_wipe(vault)
    assert not vault.slots_path.exists() and not (vault.directory / DB_NAME).exists(), "wipe left files"
    return report.unreadable_after, report.finished_after


def run_duress_wipe(vault: Vault) -> tuple[float, float, float]:
    """The duress passphrase at the lock screen: KDF, then the same wipe. Returns (kdf+unreadable, total, kdf)."""
    vault.unlock(PASSPHRASE)
    vault.set_duress(DURESS, DURESS_WIPE)
    vault.lock()
    marks: dict[str, float] = {}
    original_destroy, original_derive = wipe.destroy_key_file, protection.decoy.keyslot.derive

    def timed_destroy(path: Path) -> None:
        original_destroy(path)
        marks["unreadable"] = time.perf_counter()

    def timed_derive(*args: object, **kwargs: object) -> bytes:
        result = original_derive(*args, **kwargs)  # type: ignore[arg-type]
        marks.setdefault("kdf", time.perf_counter())
        return result

    wipe.destroy_key_file = timed_destroy  # type: ignore[assignment]
    protection.decoy.keyslot.derive = timed_derive  # type: ignore[assignment]
    try:
        start = time.perf_counter()
        try:
            protection.unlock(Vault(vault.directory), DURESS)
        except VaultWiped:
            pass
        end = time.perf_counter()
    finally:
        wipe.destroy_key_file = original_destroy  # type: ignore[assignment]
        protection.decoy.keyslot.derive = original_derive  # type: ignore[assignment]
    assert not any(vault.directory.iterdir()), "wipe left files"
    return marks["unreadable"] - start, end - start, marks["kdf"] - start


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=BENCH / "RESULTS.md")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="peerapp-bench-wipe-"))
    os.environ["PEERAPP_CONFIG_DIR"] = str(scratch / "config")
    os.environ["PEERAPP_CACHE_DIR"] = str(scratch / "cache")
    rows = []
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            source, _ = ensure_vault(size, args.seed)
            target = OUT_DIR / f"wipe-{size}"
            db_mb = (source / DB_NAME).stat().st_size / 1e6
            menu, duress = [], []
            for _ in range(args.runs):
                menu.append(run_menu_wipe(copy_vault(source, target)))
                duress.append(run_duress_wipe(copy_vault(source, target)))
            shutil.rmtree(target, ignore_errors=True)
            rows.append(
                f"| {size:,} | {db_mb:.0f} MB "
                f"| {ms(statistics.median(m[0] for m in menu))} | {ms(statistics.median(m[1] for m in menu))} "
                f"| {ms(statistics.median(d[2] for d in duress))} "
                f"| {ms(statistics.median(d[0] for d in duress))} | {ms(statistics.median(d[1] for d in duress))} |"
            )
            print(rows[-1], file=sys.stderr)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    info = machine()
    body = "\n".join(
        [
            "## Panic wipe",
            "",
            f"`python bench/bench_wipe.py --runs {args.runs}`; medians in milliseconds, on "
            + ", ".join(f"{k} {v}" for k, v in info.items())
            + ".",
            "",
            "*Unreadable* is when the key file has been overwritten with random bytes, fsynced and unlinked:"
            " from then on no passphrase, recovery key or copy of the database opens the journal."
            " *All gone* adds deleting the databases (journal, spare, write-ahead log), caches and settings.",
            "",
            "| entries | vault.db | Erase now: unreadable | Erase now: all gone"
            " | duress: Argon2id | duress: unreadable | duress: all gone |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
            "The duress columns count from the moment the passphrase is submitted, so they include the one"
            " Argon2id run every unlock pays (the default cost). The database is deleted, not overwritten:"
            " without the key its pages are ciphertext, and overwriting does not reach blocks a flash drive"
            " or copy-on-write filesystem has already moved (docs/ARCHITECTURE.md).",
        ]
    )
    write_section("Panic wipe", body, args.out)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
