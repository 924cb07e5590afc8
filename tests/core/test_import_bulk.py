"""Bulk imports: the insight aggregates they rebuild set by set equal a fresh count, their triggers come back
as they were (and stay when a cancel or damage rolls the import back), and the search index they write
through the word cache holds what saving the entries one by one writes."""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

import pytest
from test_insight_days import from_scratch, kept  # the Python count the trigger tests compare with

from peerapp.core import db, textnorm
from peerapp.core.errors import ImportFileInvalid, OperationCancelled
from peerapp.core.insight_schema import BULK_TABLES, BULK_TRIGGERS
from peerapp.core.journal import CopingUse, EntryFilter, JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.tasks import CancelToken
from peerapp.core.transfer import BATCH, import_entries
from peerapp.core.transfer.json_format import entry_from_export
from peerapp.core.vault import Vault
from support import PASSPHRASE
from support.related_pairs import PAIRS

HEADER = '{"format": "peerapp-journal", "version": 1, "entries": [\n'
TAGS = ["work", "family", "sleep", "عائلة", "gym", "new-tag"]
EMOTIONS = ["anxious", "calm", "sad", "proud", "angry"]
TECHNIQUES = ["box-breathing", "body-scan", "worry-time"]
OFFSETS = ["-05:00", "+00:00", "+03:00", "+14:00"]
WORDS = ["slept", "badly", "حزين", "anxious", "العائلة", "walk", "٢٠٢٤", "مُتْعَبٌ", "ﬁne", "STRASSE", "—", "x"]


def _row(rng: random.Random, uid: str, first_day: int) -> dict[str, object]:
    """A random exported entry on one of a few days (a zone far from UTC, so some cross midnight)."""
    day = first_day + rng.randrange(8)
    at = f"2024-03-{day:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00{rng.choice(OFFSETS)}"
    row: dict[str, object] = {
        "uid": uid,
        "at": at,
        "mood": rng.choice([None, 1, 2, 3, 4, 5]),
        "tags": rng.sample(TAGS, rng.randrange(3)),
        "emotions": rng.sample(EMOTIONS, rng.randrange(3)),
        "coping": [
            {
                "technique": rng.choice(TECHNIQUES),
                "distress_before": rng.choice([None, 6, 9]),
                "distress_after": rng.choice([None, 2, 7]),
                "helpfulness": rng.choice([None, 1, 4]),
            }
            for _ in range(rng.randrange(3))
        ],
        "title": " ".join(rng.choices(WORDS, k=rng.randrange(3))),
        "text": " ".join(rng.choices(WORDS, k=rng.randrange(12))),
        "created_at": "2024-03-20T10:00:00Z",
        "updated_at": "2024-03-20T10:00:00Z",
    }
    if rng.random() < 0.1:
        row["trashed"] = True
        row["deleted_at"] = "2024-03-21T10:00:00Z"
    return row


def _file(path: Path, rows: list[dict[str, object]], tail: str = "\n]}\n") -> Path:
    path.write_text(HEADER + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + tail, "utf-8")
    return path


def _triggers(conn: db.Connection) -> list[tuple[str, str]]:
    return [
        (str(n), str(s))
        for n, s in conn.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'")
    ]


def _fill(repo: JournalRepository, rng: random.Random) -> None:
    """Entries already there on the days the imports write to, some of them in the trash."""
    repo.add_many([entry_from_export(_row(rng, f"own{i}", 3)) for i in range(60)])
    live = [int(r[0]) for r in repo.conn.execute("SELECT id FROM entry WHERE deleted_at IS NULL")]
    for entry_id in rng.sample(live, 8):
        repo.delete(entry_id)


def test_a_bulk_import_keeps_the_aggregates_exact(repo: JournalRepository, tmp_path: Path) -> None:
    rng = random.Random(7)
    _fill(repo, rng)
    conn = repo.conn
    triggers = sorted(_triggers(conn))
    assert kept(conn) == from_scratch(conn)
    # Several batches, on the journal's days and on new ones (days 1-17 against the journal's 3-10).
    first = _file(tmp_path / "a.json", [_row(rng, f"a{i}", 1 + i % 10) for i in range(2 * BATCH + 150)])
    report = import_entries(conn, "json", first)
    assert report.added == 2 * BATCH + 150
    assert kept(conn) == from_scratch(conn)
    assert all(kept(conn))
    assert sorted(_triggers(conn)) == triggers
    # Into the fuller journal, half of it already there (skipped), the rest on the same days.
    rows = [_row(rng, f"a{i}", 1 + i % 10) for i in range(0, 2 * BATCH, 2)] + [
        _row(rng, f"b{i}", 5) for i in range(300)
    ]
    report = import_entries(conn, "json", _file(tmp_path / "b.json", rows))
    assert (report.added, report.skipped_duplicates) == (300, BATCH)
    assert kept(conn) == from_scratch(conn)
    # The triggers work again after it: an edit, the trash and a plain add keep the tables exact.
    entry = repo.get(int(conn.execute("SELECT max(id) FROM entry WHERE deleted_at IS NULL").fetchone()[0]))
    entry.tags, entry.emotions, entry.mood = ["sleep"], ["calm"], 5
    entry.coping = [CopingUse("walk", 8, 3, 5)]
    repo.update(entry)
    repo.delete(int(conn.execute("SELECT min(id) FROM entry WHERE deleted_at IS NULL").fetchone()[0]))
    repo.add(entry_from_export(_row(rng, "after", 4)))
    assert kept(conn) == from_scratch(conn)


class CancelledInSecondBatch(CancelToken):
    """A real token that counts as cancelled from its second poll: after the first batch went in."""

    polls = 0

    def cancelled(self) -> bool:
        self.polls += 1
        return self.polls >= 2


def test_a_cancelled_or_damaged_bulk_import_changes_nothing(repo: JournalRepository, tmp_path: Path) -> None:
    rng = random.Random(8)
    _fill(repo, rng)
    conn = repo.conn
    before = (kept(conn), sorted(_triggers(conn)), conn.execute("SELECT * FROM entry_fts_config").fetchall())
    rows = [_row(rng, f"c{i}", 1 + i % 10) for i in range(2 * BATCH)]
    with pytest.raises(OperationCancelled):
        import_entries(conn, "json", _file(tmp_path / "c.json", rows), cancel=CancelledInSecondBatch())
    assert (
        kept(conn),
        sorted(_triggers(conn)),
        conn.execute("SELECT * FROM entry_fts_config").fetchall(),
    ) == before
    with pytest.raises(ImportFileInvalid):
        import_entries(conn, "json", _file(tmp_path / "d.json", rows, tail=",\n{oops"))
    assert (
        kept(conn),
        sorted(_triggers(conn)),
        conn.execute("SELECT * FROM entry_fts_config").fetchall(),
    ) == before
    assert conn.execute("SELECT count(*) FROM entry").fetchone()[0] == 60
    assert not conn.in_transaction


def test_the_bulk_triggers_are_every_trigger_on_the_tables_they_watch(repo: JournalRepository) -> None:
    """A trigger a later migration adds there must get its set-based rebuild in insight_schema too."""
    marks = ",".join("?" * len(BULK_TABLES))
    names = {
        str(r[0])
        for r in repo.conn.execute(
            f"SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN ({marks})", BULK_TABLES
        )
    }
    assert names == BULK_TRIGGERS


def test_a_vault_with_another_trigger_keeps_every_trigger_working(
    repo: JournalRepository, tmp_path: Path
) -> None:
    """bulk_insights rebuilds only what it knows: with a trigger it does not know, none are suspended."""
    conn = repo.conn
    conn.execute("INSERT INTO kv (key, value) VALUES ('tagged', 0)")
    conn.execute(
        "CREATE TRIGGER someone_elses AFTER INSERT ON entry_tag BEGIN"
        " UPDATE kv SET value = value + 1 WHERE key = 'tagged'; END"
    )
    rng = random.Random(9)
    rows = [_row(rng, f"e{i}", 1) | {"tags": ["work"]} for i in range(BATCH + 10)]
    assert import_entries(conn, "json", _file(tmp_path / "e.json", rows)).added == BATCH + 10
    assert int(conn.execute("SELECT value FROM kv WHERE key = 'tagged'").fetchone()[0]) == BATCH + 10
    assert kept(conn) == from_scratch(conn)


# -- the search index ---------------------------------------------------------------------------

NASTY = [
    "",
    "   ",
    "— … !!",
    "Hello, عالم! 42",
    "مُتْعَبٌ جداً، والعائلة بخير",
    "كتـــاب ٢٠٢٤ ۱۴۰۳",
    "İstanbul ß STRASSE ﬁne ﻻ",
    "\ufdfa and \ufdfb",  # one character that NFKC makes several words
    "a\u00a0b\u2003c\u3000d\u202fe\u205ff\u1680g\x85h\u2028i\u2029j",  # whitespace NFKC turns into spaces
    "x \u0301y \u0345z \u0308",  # combining marks after a space
    "self-compassion 5-4-3-2-1 don't",
    "\t\nline\r\nbreaks\x1c\x1d\x1e\x1f\x0b\x0c",
    "ｆｕｌｌｗｉｄｔｈ　ＷＯＲＤＳ",
    "panicking organise organisation",
]


def _fuzz(rng: random.Random) -> str:
    """A random string from letters, marks, digits, punctuation and every kind of whitespace."""
    spaces = [chr(c) for c in range(0x3001) if chr(c).isspace()]
    pools = [
        "abcXYZ",
        "ابتةىأإآؤئ",
        "\u064b\u064e\u0650\u0652\u0670\u0640",
        "٠١٢۳",
        "\u0301\u0308\u0345\u0307",
        "İßﬁﻻ\ufdfa\u00b4\u00a8",
        ".,;-—'\"",
        "".join(spaces),
    ]
    return "".join(rng.choice(rng.choice(pools)) for _ in range(rng.randrange(40)))


def test_index_words_equal_index_text() -> None:
    rng = random.Random(3)
    texts = NASTY + [_fuzz(rng) for _ in range(3000)]
    words = textnorm.IndexWords(limit=50)  # small, so it also starts again many times
    for text in texts + texts:
        assert words.index_text(text) == textnorm.index_text(text), repr(text)
    assert len(words) <= 50


def test_no_whitespace_joins_or_makes_a_word() -> None:
    """Why IndexWords may split on whitespace first: over every character that NFKC decomposes or
    that combines, the normal form of a text split at a whitespace character is the two halves'."""
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    word = re.compile(r"\w")
    for space in spaces:
        assert not word.search(textnorm.normalise(space)), hex(ord(space))
    tricky = [
        chr(c)
        for c in range(0x110000)
        if not 0xD800 <= c <= 0xDFFF and (unicodedata.decomposition(chr(c)) or unicodedata.combining(chr(c)))
    ]
    for space in spaces:
        for char in tricky:
            for left, right in ((char, space), (space, char)):
                whole = unicodedata.normalize("NFKC", left + right)
                assert whole == unicodedata.normalize("NFKC", left) + unicodedata.normalize("NFKC", right)


def _instances(conn: db.Connection) -> list[tuple[object, ...]]:
    """Every term the search index holds, with its entry, column and position."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.index_terms USING fts5vocab(main, entry_fts, instance)"
    )
    return [
        tuple(r)
        for r in conn.execute("SELECT term, doc, col, offset FROM temp.index_terms ORDER BY 1, 2, 3, 4")
    ]


def test_the_import_indexes_what_saving_indexes(repo: JournalRepository, tmp_path: Path) -> None:
    rng = random.Random(4)
    rows = [_row(rng, f"s{i}", 1) for i in range(BATCH + 50)]
    rows += [
        {"uid": f"p{i}", "at": "2024-03-02T10:00:00+03:00", "text": text} for i, text in enumerate(NASTY)
    ]
    import_entries(repo.conn, "json", _file(tmp_path / "s.json", rows))
    other = Vault(tmp_path / "other", kdf=FAST_KDF)
    other.create(PASSPHRASE)
    try:
        saved = JournalRepository(other.connect())
        for row in rows:  # one at a time, as the editor saves them
            saved.add(entry_from_export(row))
        assert _instances(repo.conn) == _instances(saved.conn)
    finally:
        other.lock()
    assert repo.count(EntryFilter(query="مُتعب")) == repo.count(EntryFilter(query="متعب")) > 0


@pytest.mark.parametrize(("lang", "one", "other"), PAIRS)
def test_imported_entries_are_found_by_related_forms(
    repo: JournalRepository, tmp_path: Path, lang: str, one: str, other: str
) -> None:
    rows: list[dict[str, object]] = [
        {"uid": "r1", "at": "2024-03-02T11:00:00+03:00", "text": f"today I wrote {other} and more"},
        {"uid": "r2", "at": "2024-03-02T12:00:00+03:00", "text": "kettle on the stove"},
    ]
    import_entries(repo.conn, "json", _file(tmp_path / "r.json", rows))
    assert [e.text for e in repo.search(one)] == [f"today I wrote {other} and more"]
    assert repo.count(EntryFilter(query=one)) == 1


def test_the_search_index_keeps_its_default_memory_after_an_import(
    repo: JournalRepository, tmp_path: Path
) -> None:
    rng = random.Random(5)
    import_entries(repo.conn, "json", _file(tmp_path / "h.json", [_row(rng, f"h{i}", 1) for i in range(20)]))
    size = repo.conn.execute("SELECT v FROM entry_fts_config WHERE k = 'hashsize'").fetchone()
    assert size is None or size[0] == 1024 * 1024


def test_a_trashed_row_imports_into_the_trash_and_counts_nowhere(
    repo: JournalRepository, tmp_path: Path
) -> None:
    rng = random.Random(6)
    row = _row(rng, "t1", 1) | {
        "trashed": True,
        "deleted_at": "2024-03-21T10:00:00Z",
        "mood": 5,
        "tags": ["work"],
    }
    import_entries(repo.conn, "json", _file(tmp_path / "t.json", [row]))
    assert repo.conn.execute("SELECT count(*) FROM entry WHERE deleted_at IS NOT NULL").fetchone()[0] == 1
    assert kept(repo.conn) == from_scratch(repo.conn) == ({}, {}, {}, {})
