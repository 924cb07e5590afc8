"""A large import file is read by a child process while the import writes (transfer/read_ahead.py): the
journal it leaves is the one reading in the same process leaves; a damaged file, bad rows and unknown
mood labels are told the same way; a child that dies is taken over with nothing lost or doubled; a
cancel stops the child. Real child processes; the size from which a child reads is lowered, so small
files take that way too."""

from __future__ import annotations

import os
import random
import signal
from pathlib import Path

import pytest
from test_import_bulk import CancelledInSecondBatch, _file, _row
from test_insight_days import kept

from peerapp.core import db
from peerapp.core.errors import ImportFileInvalid, OperationCancelled, UnknownMoodLabels
from peerapp.core.journal import JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.transfer import BATCH, import_entries, read_ahead
from peerapp.core.vault import Vault
from support import PASSPHRASE

ROWS = 3 * BATCH + 123


def children() -> set[int]:
    """This process's child processes now, zombies included (any Linux: /proc/PID/stat's parent)."""
    found: set[int] = set()
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_text()
            except OSError:  # ended meanwhile
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == os.getpid():
                found.add(int(name))
    return found


@pytest.fixture
def child_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_ahead, "CHILD_READS_FROM", 0)


def _other_vault(tmp_path: Path) -> db.Connection:
    vault = Vault(tmp_path / "other", kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    return vault.connect()


def _journal(conn: db.Connection) -> list[object]:
    """Everything an import writes, by uid and name (ids are the same either way, but say nothing)."""
    return [
        conn.execute(
            "SELECT id, uid, at, at_utc, day, mood, title, body, created_at, updated_at, deleted_at, prompt"
            " FROM entry ORDER BY id"
        ).fetchall(),
        conn.execute(
            "SELECT e.uid, g.name FROM entry_tag t JOIN entry e ON e.id = t.entry_id JOIN tag g"
            " ON g.id = t.tag_id ORDER BY e.id, g.name"
        ).fetchall(),
        conn.execute("SELECT * FROM tag ORDER BY id").fetchall(),
        conn.execute("SELECT * FROM entry_emotion ORDER BY entry_id, emotion").fetchall(),
        conn.execute("SELECT * FROM entry_coping ORDER BY entry_id, position").fetchall(),
        conn.execute("SELECT rowid, title, tags, body FROM entry_fts ORDER BY rowid").fetchall(),
        kept(conn),
    ]


def _rows(seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows = [_row(rng, f"r{i}", 1 + i % 12) for i in range(ROWS)]
    rows[7]["mood"] = "bad"  # bad rows, reported by line
    rows[BATCH + 5]["at"] = "yesterday"
    rows[2 * BATCH + 9] = dict(rows[3])  # a duplicate of an earlier row, skipped
    return rows


class Watch:
    """A progress callback that notes the child processes the import started (others of this process,
    a server of an earlier test, are left out)."""

    def __init__(self) -> None:
        self.before = children()
        self.seen: set[int] = set()
        self.calls = 0

    def __call__(self, done: int, total: int) -> None:
        self.calls += 1
        self.seen |= children() - self.before


def test_a_child_reads_and_the_journal_is_the_one_reading_here_gives(
    repo: JournalRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _file(tmp_path / "a.json", _rows(1))
    monkeypatch.setattr(read_ahead, "CHILD_READS_FROM", 10**12)  # read here
    here = _other_vault(tmp_path)
    watch = Watch()
    expected = import_entries(here, "json", source, progress=watch)
    assert not watch.seen  # no child for a file under the size
    monkeypatch.setattr(read_ahead, "CHILD_READS_FROM", 0)
    watch = Watch()
    report = import_entries(repo.conn, "json", source, progress=watch)
    assert watch.seen  # a child read it
    assert not children() & watch.seen  # and is gone
    assert (report.added, report.skipped_duplicates, report.errors) == (
        expected.added,
        expected.skipped_duplicates,
        expected.errors,
    )
    assert report.added == ROWS - 3 and report.skipped_duplicates == 1
    assert [line for line, _ in report.errors] == [8, BATCH + 6]
    assert "mood" in report.errors[0][1]
    assert _journal(repo.conn) == _journal(here)
    # Again: every row is there already; the child skips preparing them, and the count is the same.
    again = import_entries(repo.conn, "json", source, progress=watch)
    monkeypatch.setattr(read_ahead, "CHILD_READS_FROM", 10**12)
    expected = import_entries(here, "json", source)
    assert (again.added, again.skipped_duplicates, again.errors) == (
        expected.added,
        expected.skipped_duplicates,
        expected.errors,
    )
    assert again.added == 0 and again.skipped_duplicates == ROWS - 2
    assert _journal(repo.conn) == _journal(here)


def test_damage_the_child_finds_late_is_raised_and_changes_nothing(
    repo: JournalRepository, tmp_path: Path, child_reads: None
) -> None:
    before = _journal(repo.conn)
    watch = Watch()
    with pytest.raises(ImportFileInvalid):
        import_entries(
            repo.conn, "json", _file(tmp_path / "d.json", _rows(2), tail=",\n{oops"), progress=watch
        )
    assert watch.calls > 2 and watch.seen  # batches had gone in before the damage was found
    assert _journal(repo.conn) == before
    assert not children() & watch.seen


def test_unknown_mood_labels_come_from_the_child_whole(
    repo: JournalRepository, tmp_path: Path, child_reads: None
) -> None:
    lines = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    lines += [f"2024-03-{1 + i % 28:02d},March {1 + i % 28},Friday,10:0{i % 10},{mood},,,day {i}" for i, mood in
              enumerate(["good", "meh", "rad", "sleepy"] * 200)]  # fmt: skip
    source = tmp_path / "daylio.csv"
    source.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(UnknownMoodLabels) as caught:
        import_entries(repo.conn, "daylio", source)
    assert caught.value.labels == ["sleepy"]
    assert "sleepy" in caught.value.user_message()
    report = import_entries(repo.conn, "daylio", source, mood_map={"sleepy": 2})
    assert report.added == 800


def test_a_child_that_dies_is_taken_over_with_nothing_lost_or_doubled(
    repo: JournalRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _file(tmp_path / "k.json", _rows(3))
    here = _other_vault(tmp_path)
    monkeypatch.setattr(read_ahead, "CHILD_READS_FROM", 10**12)
    expected = import_entries(here, "json", source)
    monkeypatch.setattr(read_ahead, "CHILD_READS_FROM", 0)
    killed: list[int] = []
    others = children()

    def kill_the_child(done: int, total: int) -> None:
        if done and not killed:  # after the first batch went in
            for pid in children() - others:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

    report = import_entries(repo.conn, "json", source, progress=kill_the_child)
    assert killed
    assert (report.added, report.skipped_duplicates, report.errors) == (
        expected.added,
        expected.skipped_duplicates,
        expected.errors,
    )
    assert _journal(repo.conn) == _journal(here)


def test_a_cancel_stops_the_child_and_changes_nothing(
    repo: JournalRepository, tmp_path: Path, child_reads: None
) -> None:
    before = _journal(repo.conn)
    watch = Watch()
    with pytest.raises(OperationCancelled):
        import_entries(
            repo.conn,
            "json",
            _file(tmp_path / "c.json", _rows(4)),
            progress=watch,
            cancel=CancelledInSecondBatch(),
        )
    assert watch.seen
    assert not children() & watch.seen  # stopped and reaped, not left reading
    assert _journal(repo.conn) == before
