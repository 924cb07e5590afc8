"""The JSON export written straight from the rows is byte for byte what writing each Entry gives; an
entry's writing prompt goes out and comes back; the import's one check-and-tidy per row and its own
insert store what add_many stores, with every link pointing at its parent and the pragmas put back."""

from __future__ import annotations

import io
import json
import random
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from peerapp.core.entries import MAX_PROMPT_CHARS, validate
from peerapp.core.errors import ImportFileInvalid
from peerapp.core.journal import CopingUse, Entry, EntryFilter, JournalRepository
from peerapp.core.journal_rows import insert_checked
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.transfer import PAGE, export_entries, import_entries
from peerapp.core.transfer.importing import _check
from peerapp.core.transfer.json_format import JsonWriter, write_journal
from peerapp.core.transfer.paging import journal_pages
from peerapp.core.vault import Vault
from support import PASSPHRASE

# Strings json escapes in every way it can: quotes, backslashes, control characters, line and paragraph
# separators, DEL, Arabic with marks, an emoji, a word that is only punctuation.
NASTY = ['"quoted" \\ back', "tab\tnew\nline\r\x01\x1f\x7f", "\u2028\u2029", "مُتْعَبٌ «اليوم»", "🙂 ok", "—"]
# Known emotions out of the vocabulary's order, and keys it does not know (they go last, as stored).
EMOTIONS = ["calm", "anxious", "zz-own", "aa-own", "sad", "proud"]
TAGS = ["work", "عائلة", "Zebra", "apple", " spaced ", "x"]


def _entries(rng: random.Random, n: int) -> list[Entry]:
    zones = [timezone(timedelta(hours=h, minutes=m)) for h, m in ((-5, 0), (0, 0), (3, 0), (5, 30), (14, 0))]
    start = datetime(2023, 1, 1, tzinfo=UTC)
    entries = []
    for i in range(n):
        # Some share a second (the keyset's tie on id), some have microseconds.
        at = (
            start + timedelta(minutes=rng.choice([i * 37, 5]), microseconds=rng.choice([0, 0, 120]))
        ).astimezone(rng.choice(zones))
        entries.append(
            Entry(
                at=at,
                mood=rng.choice([None, 1, 3, 5]),
                emotions=rng.sample(EMOTIONS, rng.randrange(4)),
                tags=rng.sample(TAGS, rng.randrange(4)),
                coping=[
                    CopingUse(
                        rng.choice([*NASTY, "walk"]), rng.choice([None, 0, 10]), rng.choice([None, 3]), h
                    )
                    for h in rng.sample([None, 1, 5], rng.randrange(3))
                ],
                title=rng.choice(["", *NASTY]),
                text=" ".join(rng.choices([*NASTY, "plain words"], k=rng.randrange(6))),
                uid=f"u{i}",
                created_at="2024-01-01T00:00:00+00:00",
                updated_at="2024-01-02T00:00:00+00:00",
                prompt=rng.choice([None, None, "What helped today?", "ما الذي ساعدك اليوم؟ " + NASTY[0]]),
            )
        )
    return entries


def _journal(repo: JournalRepository, rng: random.Random, n: int) -> None:
    repo.add_many(_entries(rng, n))
    ids = [int(r[0]) for r in repo.conn.execute("SELECT id FROM entry")]
    for entry_id in rng.sample(ids, n // 10):
        repo.delete(entry_id)


def _entry_by_entry(repo: JournalRepository) -> str:
    """The file as the Entry writer makes it: every page hydrated, each entry's entry_to_export encoded."""
    out = io.StringIO()
    writer = JsonWriter(out)
    for entries in journal_pages(repo, with_trash=True):
        for entry in entries:
            writer.write(entry)
    writer.close()
    return out.getvalue()


def test_the_rows_writer_writes_what_the_entry_writer_writes(repo: JournalRepository) -> None:
    rng = random.Random(3)
    _journal(repo, rng, 2 * PAGE + 120)  # three pages of the journal, one of the trash
    out = io.StringIO()
    steps: list[int] = []
    assert write_journal(repo.conn, out, steps.append) == 2 * PAGE + 120
    assert out.getvalue() == _entry_by_entry(repo)
    live = repo.count()
    assert steps == [PAGE, 2 * PAGE, live, 2 * PAGE + 120]  # after each page: the journal's, then the trash's
    data = json.loads(out.getvalue())
    assert {"prompt"} <= set().union(*(e.keys() for e in data["entries"]))
    assert all("prompt" not in e or e["prompt"] for e in data["entries"])  # only when set
    assert sum(e["trashed"] for e in data["entries"]) == (2 * PAGE + 120) // 10


def test_an_empty_journal_exports_as_before(repo: JournalRepository) -> None:
    out = io.StringIO()
    assert write_journal(repo.conn, out, lambda done: None) == 0
    assert out.getvalue() == _entry_by_entry(repo)
    assert json.loads(out.getvalue()) == {"format": "peerapp-journal", "version": 1, "entries": []}


def test_prompts_go_out_and_come_back(repo: JournalRepository, tmp_path: Path) -> None:
    rng = random.Random(4)
    _journal(repo, rng, 300)
    target = tmp_path / "out.json"
    assert export_entries(repo.conn, "json", target) == 300
    other = Vault(tmp_path / "other", kdf=FAST_KDF)
    other.create(PASSPHRASE)
    try:
        back = JournalRepository(other.connect())
        report = import_entries(back.conn, "json", target)
        assert (report.added, report.errors) == (300, [])

        def everything(r: JournalRepository) -> list[dict[str, object]]:
            # By uid: entries of the same second keep their ids' order, and the ids are new.
            pages = [e for trash in (False, True) for e in r.page(EntryFilter(trash=trash), limit=1000)]
            return sorted(({k: v for k, v in e.to_json().items() if k != "id"} for e in pages), key=str)

        assert everything(back) == everything(repo)
        assert {e.prompt for e in back.page(limit=1000)} >= {"What helped today?", None}
        # And out again: the same entries, each the same line.
        again = tmp_path / "again.json"
        export_entries(back.conn, "json", again)

        def lines(path: Path) -> list[str]:  # one entry a line; U+2028 in a text is no line end here
            return sorted(line.rstrip(",") for line in path.read_text("utf-8").split("\n"))

        assert lines(again) == lines(target)
    finally:
        other.lock()


def _file(path: Path, rows: list[dict[str, object]]) -> Path:
    body = ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    path.write_text('{"format": "peerapp-journal", "version": 1, "entries": [\n' + body + "\n]}\n", "utf-8")
    return path


def test_a_prompt_that_is_no_text_or_too_long_is_a_bad_row(repo: JournalRepository, tmp_path: Path) -> None:
    at = "2024-03-02T10:00:00+03:00"
    rows: list[dict[str, object]] = [
        {"uid": "ok", "at": at, "text": "a", "prompt": "  What went well?  "},
        {"uid": "blank", "at": at, "text": "b", "prompt": "   "},
        {"uid": "number", "at": at, "text": "c", "prompt": 3},
        {"uid": "list", "at": at, "text": "d", "prompt": ["x"]},
        {"uid": "long", "at": at, "text": "e", "prompt": "p" * (MAX_PROMPT_CHARS + 1)},
        {"uid": "nul", "at": at, "text": "f", "prompt": "a\u0000b"},
        {"uid": "none", "at": at, "text": "g", "prompt": None},
    ]
    report = import_entries(repo.conn, "json", _file(tmp_path / "p.json", rows))
    assert report.added == 3
    assert [line for line, _message in report.errors] == [3, 4, 5, 6]
    assert all("\n" not in message for _line, message in report.errors)  # one line each
    stored = {e.uid: e.prompt for e in repo.page(limit=10)}
    assert stored == {"ok": "What went well?", "blank": None, "none": None}


def test_a_checked_row_is_what_validate_leaves(tmp_path: Path) -> None:
    """_check tidies as validate does (so insert_checked need not validate again): validate changes
    nothing more in a row _check let through."""
    rng = random.Random(5)
    for entry in _entries(rng, 200):
        entry.at = entry.at.replace(tzinfo=None) if rng.random() < 0.2 else entry.at
        entry.tags += [" padded ", "", "work", "work "]
        entry.emotions += entry.emotions[:1]
        entry.prompt = rng.choice([None, "  spaced  ", " ", entry.prompt])
        _check(entry)
        again = Entry(**{k: getattr(entry, k) for k in entry.__dataclass_fields__})
        again.tags, again.emotions = list(entry.tags), list(entry.emotions)
        validate(again)
        assert again == entry
        assert entry.at.tzinfo is not None and entry.prompt != ""


def _tables(repo: JournalRepository) -> dict[str, list[tuple[object, ...]]]:
    conn = repo.conn
    queries = {
        "entry": "SELECT * FROM entry ORDER BY id",
        "tag": "SELECT * FROM tag ORDER BY id",
        "entry_tag": "SELECT * FROM entry_tag ORDER BY 1, 2",
        "entry_emotion": "SELECT * FROM entry_emotion ORDER BY 1, 2",
        "entry_coping": "SELECT * FROM entry_coping ORDER BY 1, 2",
        "terms": "SELECT term, doc, col, offset FROM temp.terms ORDER BY 1, 2, 3, 4",
    }
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING fts5vocab(main, entry_fts, instance)")
    return {name: conn.execute(sql).fetchall() for name, sql in queries.items()}


def test_insert_checked_stores_what_add_many_stores(repo: JournalRepository, tmp_path: Path) -> None:
    rng = random.Random(6)
    entries = _entries(rng, 700)
    checked = [Entry(**{k: getattr(e, k) for k in e.__dataclass_fields__}) for e in entries]
    for entry in checked:
        _check(entry)
    repo.add_many(entries[:350])
    repo.add_many(entries[350:])
    other = Vault(tmp_path / "other", kdf=FAST_KDF)
    other.create(PASSPHRASE)
    try:
        conn = other.connect()
        conn.execute("BEGIN IMMEDIATE")
        tags: dict[str, int] = {}
        days = insert_checked(conn, checked[:350], tags, "2024-05-01T00:00:00+00:00")
        days += insert_checked(conn, checked[350:], tags, "2024-05-01T00:00:00+00:00")
        conn.execute("COMMIT")
        assert days == [e.day for e in entries]
        assert _tables(JournalRepository(conn)) == _tables(repo)
    finally:
        other.lock()


def test_an_import_links_every_row_to_its_parent_and_puts_the_pragmas_back(
    repo: JournalRepository, tmp_path: Path
) -> None:
    rng = random.Random(7)
    _journal(repo, rng, 60)
    source = tmp_path / "out.json"
    export_entries(repo.conn, "json", source)
    target = Vault(tmp_path / "target", kdf=FAST_KDF)
    target.create(PASSPHRASE)
    try:
        conn = target.connect()
        JournalRepository(conn).add_many(_entries(random.Random(8), 5))  # ids and tags already there
        before = conn.execute("PRAGMA cache_size").fetchone()[0]
        report = import_entries(conn, "json", source)
        assert report.added == 60 - 5 and report.skipped_duplicates == 5
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA cache_size").fetchone()[0] == before
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # A damaged file: refused, nothing added, the pragmas put back all the same.
        damaged = tmp_path / "damaged.json"
        damaged.write_text(source.read_text("utf-8")[:-200], "utf-8")
        with pytest.raises(ImportFileInvalid):
            import_entries(conn, "json", damaged)
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert JournalRepository(conn).count() + JournalRepository(conn).count(EntryFilter(trash=True)) == 60
    finally:
        target.lock()
