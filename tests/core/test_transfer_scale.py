"""Imports at scale: one read of the file, one transaction (all or nothing, killed or not), progress in bytes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from peerapp.core import errors
from peerapp.core.journal import EntryFilter, JournalRepository
from peerapp.core.transfer import BATCH, check_import_file, import_entries
from peerapp.core.vault import Vault
from support import PASSPHRASE, ROOT

HEADER = '{"format": "peerapp-journal", "version": 1, "entries": [\n'


def _row(i: int, **extra: object) -> dict[str, object]:
    at = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00+03:00"
    return {
        "uid": f"u{i:06d}",
        "at": at,
        "mood": 1 + i % 5,
        "tags": [f"t{i % 7}"],
        "text": f"entry {i}",
    } | extra


def _json_file(path: Path, rows: list[dict[str, object]], tail: str = "\n]}\n") -> Path:
    path.write_text(HEADER + ",\n".join(json.dumps(r) for r in rows) + tail, "utf-8")
    return path


def _bytes_read() -> int:
    """Bytes this process has read through read() calls so far (Linux), files and all."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar in /proc/self/io")


def test_an_import_reads_its_file_once(repo: JournalRepository, tmp_path: Path) -> None:
    """Measured by the kernel's count of bytes read: about the file's size, not twice it.

    Every row is already in the journal, so the import writes nothing and reads little of the vault.
    """
    import_entries(repo.conn, "json", _json_file(tmp_path / "small.json", [_row(i) for i in range(300)]))
    big = _json_file(tmp_path / "big.json", [_row(i, padding="x" * 60_000) for i in range(300)])
    size = big.stat().st_size
    before = _bytes_read()
    report = import_entries(repo.conn, "json", big)
    read = _bytes_read() - before
    assert (report.added, report.skipped_duplicates) == (0, 300)
    assert size > 18_000_000 and size <= read < 1.3 * size, (size, read)
    before = _bytes_read()
    assert check_import_file("json", big) == 300  # the CLI's check before unlocking: one read too
    assert size <= _bytes_read() - before < 1.3 * size


def test_damage_after_many_batches_adds_nothing(repo: JournalRepository, tmp_path: Path) -> None:
    """Rows already written in the transaction go when the file turns out bad further on."""
    good = [_row(i) for i in range(3 * BATCH)]
    bad = [_row(i, mood=9) for i in range(3 * BATCH, 3 * BATCH + 1001)]  # one more than MAX_BAD_ROWS
    with pytest.raises(errors.ImportTooManyBadRows):
        import_entries(repo.conn, "json", _json_file(tmp_path / "bad-rows.json", good + bad))
    with pytest.raises(errors.ImportFileInvalid):
        import_entries(repo.conn, "json", _json_file(tmp_path / "cut.json", good, tail="\n"))
    assert repo.count() == 0 and repo.count(EntryFilter(trash=True)) == 0
    assert not repo.conn.in_transaction


def test_an_unknown_mood_label_late_in_a_daylio_file_adds_nothing(
    repo: JournalRepository, tmp_path: Path
) -> None:
    lines = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    start = date(2020, 1, 1)
    lines += [f"{start + timedelta(days=i)},x,x,12:00,good,,,row {i}" for i in range(3 * BATCH)]
    lines.append(f"{start + timedelta(days=3 * BATCH)},x,x,12:00,ecstatic,,,the last row")
    source = tmp_path / "daylio.csv"
    source.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(errors.UnknownMoodLabels):
        import_entries(repo.conn, "daylio", source)
    assert repo.count() == 0
    report = import_entries(repo.conn, "daylio", source, mood_map={"ecstatic": 5})
    assert report.added == 3 * BATCH + 1 and repo.count() == 3 * BATCH + 1


def test_progress_counts_bytes_up_to_the_file_size(repo: JournalRepository, tmp_path: Path) -> None:
    source = _json_file(tmp_path / "p.json", [_row(i, text="words " * 500) for i in range(4 * BATCH)])
    size = source.stat().st_size
    seen: list[tuple[int, int]] = []
    import_entries(repo.conn, "json", source, lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, size) and seen[-1] == (size, size)
    assert {total for _done, total in seen} == {size}
    steps = [done for done, _total in seen]
    assert steps == sorted(steps) and len(set(steps)) >= 4  # moves on while the file is read


def test_the_page_cache_is_put_back(repo: JournalRepository, tmp_path: Path) -> None:
    """An import widens its connection's page cache while it writes, and only then."""
    before = repo.conn.execute("PRAGMA cache_size").fetchone()[0]
    import_entries(repo.conn, "json", _json_file(tmp_path / "ok.json", [_row(i) for i in range(10)]))
    assert repo.conn.execute("PRAGMA cache_size").fetchone()[0] == before
    with pytest.raises(errors.ImportFileInvalid):
        import_entries(
            repo.conn, "json", _json_file(tmp_path / "cut.json", [_row(i) for i in range(BATCH + 1)], "")
        )
    assert repo.conn.execute("PRAGMA cache_size").fetchone()[0] == before


def test_trashed_rows_go_straight_to_the_trash(repo: JournalRepository, tmp_path: Path) -> None:
    """Inserted with their deletion time; the insight aggregates count only the rest."""
    rows = [_row(i, deleted_at="2024-12-01T00:00:00+00:00" if i % 4 == 0 else None) for i in range(40)]
    report = import_entries(repo.conn, "json", _json_file(tmp_path / "t.json", rows))
    assert report.added == 40 and repo.count() == 30 and repo.count(EntryFilter(trash=True)) == 10
    counted = repo.conn.execute("SELECT sum(entries), sum(moods) FROM insight_day").fetchone()
    assert tuple(counted) == (30, 30)
    assert repo.conn.execute("SELECT sum(entries) FROM insight_mark WHERE kind = 'tag'").fetchone()[0] == 30


_KILLED_IMPORT = """
import sys
from pathlib import Path
from peerapp.core.transfer import import_entries
from peerapp.core.vault import Vault

vault = Vault(Path(sys.argv[1]))
vault.unlock(sys.argv[2])
conn = vault.connect()

def progress(done, total):
    if done:  # a batch is in: say so, then wait to be killed inside the transaction
        print("written", flush=True)
        sys.stdin.readline()

import_entries(conn, "json", Path(sys.argv[3]), progress)
print("finished", flush=True)
"""


def test_a_killed_import_leaves_the_journal_as_it_was(
    vault: Vault, repo: JournalRepository, tmp_path: Path
) -> None:
    """SIGKILL after batches went in (the importer is held there, so no timing is involved)."""
    source = _json_file(tmp_path / "k.json", [_row(i, text="words " * 300) for i in range(4 * BATCH)])
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_IMPORT, str(vault.directory), PASSPHRASE, str(source)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "written"  # a batch is in, not committed
    finally:
        child.kill()
        child.wait()
    assert repo.count() == 0 and repo.count(EntryFilter(trash=True)) == 0
    assert repo.conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
    report = import_entries(repo.conn, "json", source)
    assert report.added == 4 * BATCH and repo.count() == 4 * BATCH


def test_row_uids_never_change() -> None:
    """A file imported before an upgrade must find its duplicates after it: the uid of a record is fixed."""
    from peerapp.core.transfer.base import row_uid

    record = ["2024-05-01", "May 1", "Wednesday", "21:30", "rad", "friends | sport", "Title", 'نص "quoted"']
    assert row_uid("daylio", record) == "daylio-6242e69bf0dbc3942907b602267c9b0d"
    raw = {"date": "2024-05-01", "time": "09:15", "title": "t", "body": "ب", "tags": ["@a"], "starred": True}
    assert row_uid("jrnl", raw) == "jrnl-24c40c2d1dfb3404acd2b54e157eaded"


def test_clock_times_read_as_strptime_reads_them() -> None:
    from datetime import datetime

    from peerapp.core.errors import ImportBadDate
    from peerapp.core.transfer.base import parse_time

    def by_strptime(text: str) -> tuple[int, int] | None:
        for fmt in ("%H:%M", "%I:%M %p", "%H:%M:%S", "%I:%M%p"):
            try:
                parsed = datetime.strptime(text.strip().upper(), fmt)
            except ValueError:
                continue
            return parsed.hour, parsed.minute
        return None

    hours = ["0", "00", "7", "07", "12", "23", "24", "99", "001", "٢١"]
    minutes = ["0", "00", "05", "5", "59", "60", "٣٠"]
    cases = [f"{h}:{m}" for h in hours for m in minutes] + [" 8:05 am ", "12:00:00", "1:2", "+1:00", "¹:00"]
    for text in cases:
        try:
            got: tuple[int, int] | None = parse_time(text)
        except ImportBadDate:
            got = None
        assert got == by_strptime(text), text
