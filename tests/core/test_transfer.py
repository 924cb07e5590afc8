"""Export (JSON, CSV, Markdown) and import (Daylio, jrnl, our JSON), core and CLI."""

from __future__ import annotations

import argparse
import csv
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from peerapp.core.errors import ImportFileInvalid, OperationCancelled, UnknownMoodLabels
from peerapp.core.journal import Entry, EntryFilter, JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.tasks import CancelToken
from peerapp.core.transfer import DAYLIO_COLUMNS, export_entries, import_entries
from peerapp.core.vault import Vault
from support import PASSPHRASE
from support.transfer_sample import DAYLIO, TZ, fill_sample


def _all(repo: JournalRepository) -> list[dict[str, Any]]:
    rows = repo.page(EntryFilter(), limit=10_000) + repo.page(EntryFilter(trash=True), limit=10_000)
    out = []
    for e in rows:
        data = e.to_json()
        data.pop("id")
        out.append(data)
    return sorted(out, key=lambda d: str(d["uid"]))


def test_json_round_trip_is_lossless(repo: JournalRepository, tmp_path: Path) -> None:
    fill_sample(repo)
    target = tmp_path / "out.json"
    assert export_entries(repo.conn, "json", target) == 4
    other = Vault(tmp_path / "other", kdf=FAST_KDF)
    other.create(PASSPHRASE)
    try:
        fresh = JournalRepository(other.connect())
        report = import_entries(fresh.conn, "json", target)
        assert (report.added, report.skipped_duplicates, report.errors) == (4, 0, [])
        assert _all(fresh) == _all(repo)
        again = import_entries(fresh.conn, "json", target)
        assert (again.added, again.skipped_duplicates) == (0, 4)
        assert fresh.count() == 3
    finally:
        other.lock()


def test_csv_export_columns_and_labels(repo: JournalRepository, tmp_path: Path) -> None:
    fill_sample(repo)
    target = tmp_path / "out.csv"
    assert export_entries(repo.conn, "csv", target) == 3  # trash is left out
    with target.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == DAYLIO_COLUMNS
    by_date = {r[0]: r for r in rows[1:]}
    assert by_date["2024-05-01"][1:6] == ["May 1", "Wednesday", "21:30", "rad", "work | عائلة"]
    assert by_date["2024-05-01"][6] == "A good day"
    assert by_date["2024-05-01"][7].startswith("Line one, with a comma\n")
    assert by_date["2024-05-02"][4] == "awful"
    assert by_date["2024-05-04"][4] == ""


def test_csv_export_reimports_as_daylio(repo: JournalRepository, tmp_path: Path) -> None:
    fill_sample(repo)
    target = tmp_path / "out.csv"
    export_entries(repo.conn, "csv", target)
    report = import_entries(repo.conn, "daylio", target)
    assert report.added == 3 and not report.errors


def test_markdown_file_and_folder(repo: JournalRepository, tmp_path: Path) -> None:
    fill_sample(repo)
    single = tmp_path / "journal.md"
    assert export_entries(repo.conn, "markdown", single) == 3
    text = single.read_text("utf-8")
    assert "# A good day" in text and "- mood: 5 (rad)" in text and "box-breathing" in text
    assert "to the trash" not in text
    folder = tmp_path / "entries"
    assert export_entries(repo.conn, "markdown", folder, markdown_folder=True) == 3
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 3 and all(name.endswith(".md") for name in files)
    assert "hard morning" in (folder / "2024-05-02_080000.md").read_text("utf-8")


def test_export_cancel_leaves_nothing(repo: JournalRepository, tmp_path: Path) -> None:
    repo.add_many(
        Entry(at=datetime(2024, 1, 1, tzinfo=TZ) + timedelta(hours=i), text=f"e{i}") for i in range(1200)
    )
    for fmt, folder in (("json", False), ("csv", False), ("markdown", True)):
        target = tmp_path / f"out-{fmt}"
        cancel = CancelToken()
        seen: list[int] = []

        def progress(done: int, total: int, cancel: CancelToken = cancel, seen: list[int] = seen) -> None:
            seen.append(done)
            if done > 0:  # after the first page: cancelled half-way
                cancel.cancel()

        with pytest.raises(OperationCancelled):
            export_entries(repo.conn, fmt, target, progress, cancel, markdown_folder=folder)
        assert seen == [0, 500]
        assert list(tmp_path.iterdir()) == [] or all(p.name == "data" for p in tmp_path.iterdir())
    assert repo.count() == 1200


def test_export_progress_reaches_total(repo: JournalRepository, tmp_path: Path) -> None:
    repo.add_many(
        Entry(at=datetime(2024, 1, 1, tzinfo=TZ) + timedelta(hours=i), text=f"e{i}") for i in range(1100)
    )
    seen: list[tuple[int, int]] = []
    export_entries(repo.conn, "json", tmp_path / "x.json", lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 1100) and seen[-1] == (1100, 1100)


def test_daylio_import_custom_labels_errors_and_reimport(repo: JournalRepository, tmp_path: Path) -> None:
    source = tmp_path / "daylio.csv"
    source.write_text(DAYLIO, "utf-8")
    with pytest.raises(UnknownMoodLabels) as caught:
        import_entries(repo.conn, "daylio", source)
    assert caught.value.labels == ["super happy"]
    assert "super happy" in caught.value.user_message()
    assert repo.count() == 0
    report = import_entries(repo.conn, "daylio", source, mood_map={"Super Happy": 5})
    assert report.added == 4 and report.skipped_duplicates == 0
    assert [line for line, _msg in report.errors] == [5]  # the note on line 2 spans two lines
    assert "date" in report.errors[0][1]
    entries = {e.day: e for e in repo.page(EntryFilter(), limit=50)}
    first = entries["2024-05-01"]
    assert (first.mood, first.tags, first.title, first.text) == (
        5,
        ["friends", "sport"],
        "Title",
        "A note\nover two lines",
    )
    assert entries["2024-05-02"].at.strftime("%H:%M") == "08:05"
    assert entries["2024-05-04"].mood == 5
    again = import_entries(repo.conn, "daylio", source, mood_map={"super happy": 5})
    assert (again.added, again.skipped_duplicates) == (0, 4)
    assert repo.count() == 4


def test_jrnl_import(repo: JournalRepository, tmp_path: Path) -> None:
    source = tmp_path / "jrnl.json"
    source.write_text(
        json.dumps(
            {
                "tags": {"@work": 1},
                "entries": [
                    {
                        "title": "Meeting",
                        "body": "went fine @work",
                        "date": "2024-02-03",
                        "time": "14:20",
                        "tags": ["@work"],
                        "starred": True,
                    },
                    {
                        "title": "Bad",
                        "body": "",
                        "date": "yesterday",
                        "time": "10:00",
                        "tags": [],
                        "starred": False,
                    },
                    {
                        "title": "Walk",
                        "body": "park",
                        "date": "2024-02-04",
                        "time": "07:00",
                        "tags": [],
                        "starred": False,
                    },
                ],
            }
        ),
        "utf-8",
    )
    report = import_entries(repo.conn, "jrnl", source)
    assert report.added == 2 and [line for line, _ in report.errors] == [2]
    meeting = repo.search("Meeting")[0]
    assert meeting.tags == ["starred", "work"] and meeting.at.strftime("%Y-%m-%d %H:%M") == "2024-02-03 14:20"
    assert import_entries(repo.conn, "jrnl", source).added == 0


def test_import_rejects_wrong_file(repo: JournalRepository, tmp_path: Path) -> None:
    source = tmp_path / "x.json"
    source.write_text("{not json", "utf-8")
    with pytest.raises(ImportFileInvalid):
        import_entries(repo.conn, "json", source)
    with pytest.raises(ImportFileInvalid):
        import_entries(repo.conn, "jrnl", source)


def test_import_cancel_adds_nothing(repo: JournalRepository, tmp_path: Path) -> None:
    """A cancel after a batch went in rolls the whole import back: an import is all or nothing."""
    lines = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    lines += [
        f"2023-01-{1 + i % 28:02d},x,x,{i // 60 % 24:02d}:{i % 60:02d},good,,,row {i}" for i in range(1200)
    ]
    source = tmp_path / "big.csv"
    source.write_text("\n".join(lines), "utf-8")

    class CancelledInSecondBatch(CancelToken):
        """A real token that counts as cancelled from its second poll: after the first batch went in."""

        polls = 0

        def cancelled(self) -> bool:
            self.polls += 1
            return self.polls >= 2

    token = CancelledInSecondBatch()
    with pytest.raises(OperationCancelled):
        import_entries(repo.conn, "daylio", source, cancel=token)
    assert token.polls == 2  # the first batch was written before the cancel was seen
    assert repo.count() == 0
    assert not repo.conn.in_transaction
    rest = import_entries(repo.conn, "daylio", source)
    assert (rest.added, rest.skipped_duplicates) == (1200, 0)


def test_cli_export_import(cli: Any, tmp_path: Path) -> None:
    assert cli("init", "--passphrase-stdin", stdin=PASSPHRASE + "\n").code == 0
    assert (
        cli(
            "journal", "add", "--mood", "4", "--tag", "t1", "--passphrase-stdin", "hello", stdin=PASSPHRASE
        ).code
        == 0
    )
    out = tmp_path / "e.csv"
    result = cli("export", "--format", "csv", "-o", str(out), "--passphrase-stdin", stdin=PASSPHRASE)
    assert result.code == 0, result.stderr
    assert "Exported 1 entry to " in result.stdout and out.read_text("utf-8").splitlines()[0] == ",".join(
        DAYLIO_COLUMNS
    )
    folder = tmp_path / "md"
    assert (
        cli("export", "--format", "markdown", "-o", str(folder), "--passphrase-stdin", stdin=PASSPHRASE).code
        == 0
    )
    assert len(list(folder.iterdir())) == 1

    source = tmp_path / "daylio.csv"
    source.write_text(DAYLIO, "utf-8")
    refused = cli("import", "--from", "daylio", str(source), "--passphrase-stdin", stdin=PASSPHRASE)
    assert (
        refused.code == 1
        and "super happy" in refused.stderr
        and len(refused.stderr.strip().splitlines()) == 1
    )
    done = cli(
        "import",
        "--from",
        "daylio",
        str(source),
        "--mood-map",
        "super happy=5",
        "--passphrase-stdin",
        stdin=PASSPHRASE,
    )
    assert done.code == 0, done.stderr
    assert "Added 4 entries." in done.stdout and "Line 5:" in done.stdout
    bad = cli(
        "import", "--from", "daylio", str(source), "--mood-map", "x=9", "--passphrase-stdin", stdin=PASSPHRASE
    )
    assert bad.code == 2


def _choices(parser: argparse.ArgumentParser, command: str, option: str) -> list[str]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    action = next(a for a in sub.choices[command]._actions if option in a.option_strings)
    return list(action.choices or [])


def test_formats_are_listed_once_in_the_registry() -> None:
    """The CLI's choices are the registry's names; each entry carries a label and a file filter."""
    from peerapp.cli import build_parser
    from peerapp.core.errors import InvalidInput
    from peerapp.core.transfer import exporters, get_exporter, get_importer, importers

    assert [e.name for e in exporters()] == ["json", "csv", "markdown"]
    assert [i.name for i in importers()] == ["daylio", "jrnl", "json"]
    parser = build_parser()
    assert _choices(parser, "export", "--format") == [e.name for e in exporters()]
    assert _choices(parser, "import", "--from") == [i.name for i in importers()]
    for entry in (*exporters(), *importers()):
        assert entry.label and entry.label_text() == entry.label  # English: the source itself
        assert entry.file_filter.endswith(")") and "(*." in entry.file_filter
    assert get_exporter("csv").suffix == ".csv" and get_importer("daylio").mood_labels
    assert [e.name for e in exporters() if e.folder_file is not None] == ["markdown"]
    for name in ("pdf", ""):
        with pytest.raises(InvalidInput):
            get_exporter(name)
        with pytest.raises(InvalidInput):
            get_importer(name)


def test_markdown_folder_is_decided_by_one_rule(cli: Any, tmp_path: Path) -> None:
    """A name ending in .md is one file, anything else (or an existing folder) a folder of files."""
    from peerapp.core.transfer import get_exporter, markdown_target_is_folder

    (tmp_path / "existing.md").mkdir()
    assert markdown_target_is_folder(tmp_path / "notes")
    assert markdown_target_is_folder(tmp_path / "notes.txt")
    assert markdown_target_is_folder(tmp_path / "existing.md")
    assert not markdown_target_is_folder(tmp_path / "notes.md")
    assert not markdown_target_is_folder(tmp_path / "NOTES.MD")
    assert get_exporter("markdown").writes_folder(tmp_path / "notes")
    assert not get_exporter("json").writes_folder(tmp_path / "notes")  # only Markdown has a folder form

    assert cli("init", "--passphrase-stdin", stdin=PASSPHRASE + "\n").code == 0
    assert cli("journal", "add", "--passphrase-stdin", "hello", stdin=PASSPHRASE).code == 0
    for target in (tmp_path / "one.md", tmp_path / "many", tmp_path / "existing.md"):
        result = cli(
            "export", "--format", "markdown", "-o", str(target), "--passphrase-stdin", stdin=PASSPHRASE
        )
        assert result.code == 0, result.stderr
        assert target.is_dir() == (target.name != "one.md")
    assert (tmp_path / "one.md").is_file() and "hello" in (tmp_path / "one.md").read_text("utf-8")
    assert [p.suffix for p in (tmp_path / "many").iterdir()] == [".md"]
    assert [p.suffix for p in (tmp_path / "existing.md").iterdir()] == [".md"]


def test_cli_refuses_a_bad_import_file_before_asking_the_passphrase(cli: Any, tmp_path: Path) -> None:
    """No passphrase on standard input: a bad file, a folder or a missing file is refused on its own."""
    assert cli("init", "--passphrase-stdin", stdin=PASSPHRASE + "\n").code == 0
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else", "version": 1, "entries": []}', "utf-8")
    folder = tmp_path / "folder.json"
    folder.mkdir()
    for path, expected in (
        (bad, "not in the expected format"),
        (folder, "This is a folder or a special file"),
        (tmp_path / "missing.json", "There is no file at"),
    ):
        result = cli("import", "--from", "json", str(path), "--passphrase-stdin", stdin="")
        assert result.code == 1, result.stderr  # asking would have failed with 2: no passphrase given
        assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_our_json_bad_rows_are_reported_and_rest_imports(repo: JournalRepository, tmp_path: Path) -> None:
    fill_sample(repo)
    target = tmp_path / "out.json"
    export_entries(repo.conn, "json", target)
    data = json.loads(target.read_text("utf-8"))
    data["entries"][0]["coping"] = [{"technique": "walk", "distress_before": 42}]
    data["entries"][1]["at"] = "not a date"
    data["entries"][2]["mood"] = 9
    target.write_text(json.dumps(data), "utf-8")
    other = Vault(tmp_path / "other", kdf=FAST_KDF)
    other.create(PASSPHRASE)
    try:
        report = import_entries(other.connect(), "json", target)
        assert report.added == 1
        assert [line for line, _ in report.errors] == [1, 2, 3]
    finally:
        other.lock()


def test_csv_note_longer_than_the_csv_modules_default_field_limit(
    repo: JournalRepository, tmp_path: Path
) -> None:
    """csv refuses fields over 128 KiB by default, which a long note can pass; the cap is 8 MiB."""
    note = "كلمة " * 60_000  # 300,000 characters
    source = tmp_path / "long.csv"
    with source.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(DAYLIO_COLUMNS)
        writer.writerow(["2024-05-01", "May 1", "Wednesday", "21:30", "rad", "", "Long", note])
    report = import_entries(repo.conn, "daylio", source)
    assert report.added == 1 and not report.errors
    assert repo.search("Long")[0].text == note.strip()


def test_csv_line_ends_of_every_kind(repo: JournalRepository, tmp_path: Path) -> None:
    """\\n, \\r\\n and a lone \\r end lines, as when the whole file was read with newline=""."""
    rows = [
        "full_date,date,weekday,time,mood,activities,note_title,note",
        '2024-05-01,x,x,10:00,rad,,,"two\r\nlines"',
        "2024-05-02,x,x,10:00,good,,,lf",
        "not-a-date,x,x,10:00,good,,,bad",
        "2024-05-03,x,x,10:00,meh,,,cr",
    ]
    source = tmp_path / "ends.csv"
    source.write_bytes(
        (rows[0] + "\r\n" + rows[1] + "\n" + rows[2] + "\r" + rows[3] + "\r\n" + rows[4]).encode()
    )
    report = import_entries(repo.conn, "daylio", source)
    assert report.added == 3 and [line for line, _m in report.errors] == [5]
    assert {e.text for e in repo.page(EntryFilter(), limit=10)} == {"two\r\nlines", "lf", "cr"}


def test_checking_a_file_keeps_memory_flat(tmp_path: Path) -> None:
    """The file is streamed, never held whole: checking a 24 MB export stays far below its size."""
    import tracemalloc

    from peerapp.core.transfer import check_import_file

    entry = {"uid": "", "at": "2024-05-01T21:30:00+03:00", "mood": 3, "tags": ["a"], "text": "x" * 2000}
    source = tmp_path / "big.json"
    with source.open("w", encoding="utf-8") as fh:
        fh.write('{"format": "peerapp-journal", "version": 1, "entries": [\n')
        for i in range(12_000):
            fh.write(("," if i else "") + json.dumps({**entry, "uid": f"u{i}"}) + "\n")
        fh.write("]}\n")
    size = source.stat().st_size
    tracemalloc.start()
    try:
        assert check_import_file("json", source) == 12_000
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size > 24_000_000 and peak < size / 4
