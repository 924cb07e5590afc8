"""What JournalRepository.add_many stores, row by row, checked against values worked out here.

The expectations are written from the model (Entry) and textnorm alone, not from journal_rows, so a
faster way of building the rows cannot change what a bulk import or a save stores unnoticed.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from peerapp.core import db, textnorm
from peerapp.core.errors import InvalidInput
from peerapp.core.journal import CopingUse, Entry, JournalRepository

TZ = timezone(timedelta(hours=3))


def _entries() -> list[Entry]:
    return [
        Entry(
            at=datetime(2024, 5, 1, 21, 30, tzinfo=TZ),
            mood=4,
            emotions=["calm", "hopeful", "calm"],
            tags=[" work ", "عائلة", "work", "", "  "],
            coping=[CopingUse("box-breathing", 7, 3, 4), CopingUse("walk"), CopingUse("call", None, 2, None)],
            title="A good day",
            text="Breathing slowly… أَشْعُرُ بالتعب! 5-4-3-2-1",
            uid="first",
        ),
        Entry(at=datetime(2024, 5, 2, 8, 0), text="naive time, no title, no tags", uid="naive"),
        Entry(at=datetime(999, 1, 2, 3, 4, tzinfo=UTC), title="old", tags=["work", "new tag"], uid="old"),
        Entry(
            at=datetime(9999, 12, 30, 23, 0, tzinfo=TZ),
            mood=1,
            emotions=["sad"],
            tags=["عائلة"],
            text="",
            deleted_at="2024-06-01T00:00:00+00:00",
            created_at="2024-05-01T00:00:00+00:00",
            updated_at="2024-05-02T00:00:00+00:00",
            uid="trashed",
        ),
        Entry(at=datetime(2024, 5, 3, 9, 15, tzinfo=TZ), title="**only punctuation** — ؟", uid="marks"),
    ]


def _expected_tags(tags: list[str]) -> list[str]:
    seen: list[str] = []
    for tag in tags:
        if tag.strip() and tag.strip() not in seen:
            seen.append(tag.strip())
    return seen


def _instances(conn: db.Connection, schema: str, table: str) -> list[tuple[object, ...]]:
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_{table} USING fts5vocab({schema}, {table}, instance)"
    )
    return [
        tuple(r)
        for r in conn.execute(f"SELECT term, doc, col, offset FROM temp.v_{table} ORDER BY 1, 2, 3, 4")
    ]


def test_add_many_stores_each_entry_and_its_rows(repo: JournalRepository) -> None:
    conn = repo.conn
    repo.add(Entry(at=datetime(2024, 4, 1, tzinfo=TZ), tags=["work"], uid="before"))  # a tag already stored
    entries = _entries()
    originals = [(e.at, list(e.tags)) for e in entries]
    # Two batches in one outer transaction sharing one tag cache, as an import writes them.
    tag_ids: dict[str, int] = {}
    conn.execute("BEGIN IMMEDIATE")
    assert repo.add_many(entries[:2], tag_ids) == 2
    assert repo.add_many(entries[2:], tag_ids) == 3
    conn.execute("COMMIT")

    ids = [e.id for e in entries]
    assert ids == [2, 3, 4, 5, 6]
    rows = conn.execute(
        "SELECT id, uid, at, at_utc, day, mood, title, body, created_at, updated_at, deleted_at"
        " FROM entry WHERE id > 1 ORDER BY id"
    ).fetchall()
    expected_rows = []
    for entry, (at, _tags) in zip(entries, originals, strict=True):
        aware = at if at.tzinfo is not None else at.astimezone()
        assert entry.created_at and entry.updated_at
        expected_rows.append(
            (
                entry.id,
                entry.uid,
                aware.isoformat(),
                int(aware.timestamp()),
                aware.date().isoformat(),
                entry.mood,
                entry.title,
                entry.text,
                entry.created_at,
                entry.updated_at,
                entry.deleted_at,
            )
        )
    assert [tuple(r) for r in rows] == expected_rows
    assert rows[2][4] == "0999-01-02" and rows[3][4] == "9999-12-30"

    # Tags: stripped, empty ones dropped, each once in its first place; a name is one tag row.
    tag_names = {int(r[0]): str(r[1]) for r in conn.execute("SELECT id, name FROM tag")}
    assert sorted(tag_names.values()) == sorted({"work", "عائلة", "new tag"})
    links = [
        (int(r[0]), tag_names[int(r[1])]) for r in conn.execute("SELECT entry_id, tag_id FROM entry_tag")
    ]
    expected_links = [
        (e.id, name)
        for e, (_at, tags) in zip(entries, originals, strict=True)
        for name in _expected_tags(tags)
    ]
    assert sorted(links) == sorted([*expected_links, (1, "work")])
    assert [e.tags for e in entries] == [_expected_tags(tags) for _at, tags in originals]
    # The first entry's tags came in first: "work" was known, "عائلة" is made before "new tag".
    by_name = {name: tag_id for tag_id, name in tag_names.items()}
    assert by_name["عائلة"] < by_name["new tag"]

    emotions = sorted(tuple(r) for r in conn.execute("SELECT entry_id, emotion FROM entry_emotion"))
    assert emotions == sorted([(2, "calm"), (2, "hopeful"), (5, "sad")])
    coping = [tuple(r) for r in conn.execute("SELECT * FROM entry_coping ORDER BY entry_id, position")]
    assert coping == [
        (2, 0, "box-breathing", 7, 3, 4),
        (2, 1, "walk", None, None, None),
        (2, 2, "call", None, 2, None),
    ]

    # The search index holds what textnorm.index_text makes of the title, the tags and the body.
    conn.execute(
        "CREATE VIRTUAL TABLE temp.ref_fts USING fts5 (title, tags, body, content = '',"
        " contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2')"
    )
    index = textnorm.index_text
    conn.execute("INSERT INTO temp.ref_fts (rowid, title, tags, body) VALUES (1, '', 'work', '')")
    for entry in entries:
        conn.execute(
            "INSERT INTO temp.ref_fts (rowid, title, tags, body) VALUES (?, ?, ?, ?)",
            (entry.id, index(entry.title), index(" ".join(entry.tags)), index(entry.text)),
        )
    stored = _instances(conn, "main", "entry_fts")
    assert stored == _instances(conn, "temp", "ref_fts")
    assert ("عايل", 2, "tags", 1) in stored and ("breath", 2, "body", 0) in stored


def test_a_bad_entry_in_a_batch_stores_nothing(repo: JournalRepository) -> None:
    entries = _entries()
    entries[3].mood = 9
    with pytest.raises(InvalidInput):
        repo.add_many(entries)
    assert repo.conn.execute("SELECT count(*) FROM entry").fetchone()[0] == 0
    assert repo.conn.execute("SELECT count(*) FROM tag").fetchone()[0] == 0
