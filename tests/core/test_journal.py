"""The journal repository against a real SQLCipher vault: entries, trash, filters, paging, search, drafts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from peerapp.core.errors import EntryNotFound, InvalidInput
from peerapp.core.journal import CopingUse, Cursor, Entry, EntryFilter, JournalRepository, local_now
from peerapp.core.vault import Vault

BEIRUT = timezone(timedelta(hours=3))
BASE = datetime(2024, 5, 1, 21, 30, tzinfo=BEIRUT)


def at(days: float = 0, hours: float = 0) -> datetime:
    return BASE + timedelta(days=days, hours=hours)


def add(repo: JournalRepository, text: str, **kw: object) -> Entry:
    kw.setdefault("at", at())
    return repo.add(Entry(text=text, **kw))  # type: ignore[arg-type]


def texts(entries: list[Entry]) -> list[str]:
    return [e.text for e in entries]


EVERYTHING = EntryFilter()


def all_pages(repo: JournalRepository, flt: EntryFilter = EVERYTHING, size: int = 40) -> list[list[Entry]]:
    pages: list[list[Entry]] = []
    cursor: Cursor | None = None
    for _ in range(1000):  # bounded: a paging bug must not hang the suite
        page = repo.page(flt, after=cursor, limit=size)
        if not page:
            return pages
        pages.append(page)
        cursor = repo.cursor_after(page[-1])
    raise AssertionError("paging never ended")


# -- writing and reading --------------------------------------------------------------------


def test_add_and_get_round_trip(repo: JournalRepository) -> None:
    entry = repo.add(
        Entry(
            at=at(),
            mood=2,
            emotions=["lonely", "hopeful"],
            tags=["عائلة", "work"],
            coping=[CopingUse("box-breathing", 8, 4, 4), CopingUse("grounding-54321")],
            title="يوم طويل",
            text="I felt tired.\nأشعر بالتعب، لكنني بخير.",
        )
    )
    assert entry.id is not None and entry.uid
    got = repo.get(entry.id)
    assert got.at == at()
    assert got.at.utcoffset() == timedelta(hours=3)  # the local offset is kept, not just UTC
    assert got.mood == 2
    assert got.emotions == ["lonely", "hopeful"]
    assert sorted(got.tags) == sorted(["عائلة", "work"])
    assert got.coping == [CopingUse("box-breathing", 8, 4, 4), CopingUse("grounding-54321", None, None, None)]
    assert got.title == "يوم طويل"
    assert got.text == "I felt tired.\nأشعر بالتعب، لكنني بخير."
    assert got.uid == entry.uid
    assert got.deleted_at is None


def test_entries_survive_lock_and_unlock(vault: Vault, repo: JournalRepository) -> None:
    from support import PASSPHRASE

    entry = add(repo, "still here after locking", tags=["persist"], mood=5)
    assert entry.id is not None
    vault.lock()
    fresh = Vault(vault.directory)
    fresh.unlock(PASSPHRASE)
    got = JournalRepository(fresh.connect()).get(entry.id)
    assert (got.text, got.tags, got.mood) == ("still here after locking", ["persist"], 5)
    fresh.lock()


def test_minimal_entry_and_naive_time(repo: JournalRepository) -> None:
    entry = repo.add(Entry(at=datetime(2024, 1, 2, 3, 4), text="only text"))
    assert entry.id is not None
    got = repo.get(entry.id)
    assert got.at.tzinfo is not None  # a naive time is read as local time, never stored naive
    assert got.at.replace(tzinfo=None) == datetime(2024, 1, 2, 3, 4)
    assert (got.mood, got.emotions, got.tags, got.coping, got.title) == (None, [], [], [], "")


def test_tags_are_trimmed_and_deduplicated(repo: JournalRepository) -> None:
    entry = add(repo, "x", tags=[" work ", "work", "", "  ", "عمل"], emotions=["sad", "sad"])
    assert entry.id is not None
    got = repo.get(entry.id)
    assert sorted(got.tags) == ["work", "عمل"]
    assert got.emotions == ["sad"]


def test_update_in_place(repo: JournalRepository) -> None:
    entry = add(repo, "original words about the ocean", mood=1, tags=["old"], emotions=["sad"])
    assert entry.id is not None
    entry.text = "rewritten words about mountains"
    entry.mood = 4
    entry.tags = ["new"]
    entry.emotions = ["calm"]
    entry.coping = [CopingUse("walk", 6, 3)]
    repo.update(entry)
    got = repo.get(entry.id)
    assert (got.text, got.mood) == ("rewritten words about mountains", 4)
    assert (got.tags, got.emotions) == (["new"], ["calm"])
    assert got.coping == [CopingUse("walk", 6, 3, None)]
    assert repo.count() == 1
    # The search index follows the edit.
    assert texts(repo.search("mountains")) == ["rewritten words about mountains"]
    assert repo.search("ocean") == []
    assert repo.page(EntryFilter(tag="old")) == []
    assert len(repo.page(EntryFilter(tag="new"))) == 1


def test_update_missing_entry(repo: JournalRepository) -> None:
    with pytest.raises(EntryNotFound):
        repo.update(Entry(at=at(), text="never added"))
    with pytest.raises(EntryNotFound):
        repo.update(Entry(at=at(), text="gone", id=9999))
    with pytest.raises(EntryNotFound):
        repo.get(9999)


def test_add_many(repo: JournalRepository) -> None:
    n = repo.add_many(Entry(at=at(days=i), text=f"bulk {i}") for i in range(25))
    assert n == 25
    assert repo.count() == 25
    assert texts(repo.page(limit=3)) == ["bulk 24", "bulk 23", "bulk 22"]


# -- validation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        {"mood": 0},
        {"mood": 6},
        {"mood": -1},
        {"coping": [CopingUse("walk", distress_before=11)]},
        {"coping": [CopingUse("walk", distress_after=-1)]},
        {"coping": [CopingUse("walk", helpfulness=0)]},
        {"coping": [CopingUse("walk", helpfulness=6)]},
        {"emotions": [""]},
    ],
)
def test_invalid_input_is_refused_and_nothing_stored(repo: JournalRepository, bad: dict[str, object]) -> None:
    with pytest.raises(InvalidInput):
        repo.add(Entry(at=at(), text="should not be stored", **bad))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        repo.add_many([Entry(at=at(), text="fine"), Entry(at=at(), text="bad", **bad)])  # type: ignore[arg-type]
    assert repo.count() == 0  # add_many is all or nothing
    good = add(repo, "good")
    for key, value in bad.items():
        setattr(good, key, value)
    with pytest.raises(InvalidInput):
        repo.update(good)
    assert good.id is not None
    assert repo.get(good.id).text == "good"
    assert repo.get(good.id).mood is None


def test_boundary_values_are_accepted(repo: JournalRepository) -> None:
    entry = add(repo, "edges", mood=5, coping=[CopingUse("a", 0, 10, 1), CopingUse("b", 10, 0, 5)])
    assert entry.id is not None
    assert repo.get(entry.id).coping == [CopingUse("a", 0, 10, 1), CopingUse("b", 10, 0, 5)]
    assert add(repo, "low", mood=1).mood == 1


# -- trash ----------------------------------------------------------------------------------


def test_delete_restore_and_empty_trash(repo: JournalRepository) -> None:
    keep = add(repo, "keep me", tags=["shared"])
    drop = add(repo, "throw away the lighthouse", tags=["shared", "only-in-trash"], at=at(hours=1))
    assert keep.id is not None and drop.id is not None

    repo.delete(drop.id)
    assert texts(repo.page()) == ["keep me"]
    assert repo.count() == 1
    assert texts(repo.page(EntryFilter(trash=True))) == ["throw away the lighthouse"]
    assert repo.count(EntryFilter(trash=True)) == 1
    assert repo.get(drop.id).deleted_at is not None
    assert repo.search("lighthouse") == []  # trashed entries are not found by search
    with pytest.raises(EntryNotFound):
        repo.delete(drop.id)  # already in the trash

    repo.restore(drop.id)
    assert texts(repo.page()) == ["throw away the lighthouse", "keep me"]
    assert texts(repo.search("lighthouse")) == ["throw away the lighthouse"]
    with pytest.raises(EntryNotFound):
        repo.restore(drop.id)  # not in the trash

    repo.delete(drop.id)
    assert repo.empty_trash() == 1
    assert repo.empty_trash() == 0
    with pytest.raises(EntryNotFound):
        repo.get(drop.id)
    assert repo.page(EntryFilter(trash=True)) == []
    assert texts(repo.page()) == ["keep me"]
    assert repo.tags() == ["shared"]  # a tag used only by erased entries is gone
    with pytest.raises(EntryNotFound):
        repo.delete(123456)


# -- tags -----------------------------------------------------------------------------------


def test_tags_autocomplete(repo: JournalRepository) -> None:
    add(repo, "a", tags=["work", "walking", "عائلة"])
    add(repo, "b", tags=["work", "عائلة", "عمل"])
    add(repo, "c", tags=["work", "wish"])
    add(repo, "d", tags=["100%", "10_percent", "1000"])
    assert repo.tags("w") == ["work", "walking", "wish"]  # most used first, then by name
    assert repo.tags("wa") == ["walking"]
    assert repo.tags("ع") == ["عائلة", "عمل"]
    assert repo.tags("عم") == ["عمل"]
    assert repo.tags("x") == []
    # LIKE wildcards in what the user typed are taken literally.
    assert repo.tags("100%") == ["100%"]
    assert repo.tags("10_") == ["10_percent"]
    assert repo.tags("%") == []
    assert set(repo.tags()) == {"work", "walking", "wish", "عائلة", "عمل", "100%", "10_percent", "1000"}
    assert repo.tags()[0] == "work"
    assert len(repo.tags(limit=2)) == 2


# -- filters --------------------------------------------------------------------------------


@pytest.fixture
def sample(repo: JournalRepository) -> JournalRepository:
    add(repo, "monday low", at=at(0), mood=1, emotions=["sad", "lonely"], tags=["work"])
    add(repo, "tuesday okay", at=at(1), mood=3, emotions=["calm"], tags=["family", "عائلة"])
    add(repo, "wednesday good", at=at(2), mood=4, emotions=["hopeful", "calm"], tags=["work"])
    add(repo, "thursday great", at=at(3), mood=5, emotions=["proud"], tags=["friends"])
    add(repo, "friday no mood", at=at(4), tags=["عائلة"])
    return repo


def test_filter_by_mood(sample: JournalRepository) -> None:
    assert texts(sample.page(EntryFilter(moods=frozenset({1})))) == ["monday low"]
    assert texts(sample.page(EntryFilter(moods=frozenset({4, 5})))) == ["thursday great", "wednesday good"]
    assert sample.count(EntryFilter(moods=frozenset({1, 3}))) == 2


def test_filter_by_emotion_and_tag(sample: JournalRepository) -> None:
    assert texts(sample.page(EntryFilter(emotion="calm"))) == ["wednesday good", "tuesday okay"]
    assert sample.page(EntryFilter(emotion="angry")) == []
    assert texts(sample.page(EntryFilter(tag="work"))) == ["wednesday good", "monday low"]
    assert texts(sample.page(EntryFilter(tag="عائلة"))) == ["friday no mood", "tuesday okay"]
    assert sample.page(EntryFilter(tag="wor")) == []  # a tag filter is exact, not a prefix
    assert texts(sample.page(EntryFilter(tag="work", emotion="calm"))) == ["wednesday good"]


def test_filter_by_date_range(sample: JournalRepository) -> None:
    # since is inclusive, until exclusive
    flt = EntryFilter(since=at(1), until=at(3))
    assert texts(sample.page(flt)) == ["wednesday good", "tuesday okay"]
    assert sample.count(flt) == 2
    assert texts(sample.page(EntryFilter(since=at(3, hours=-1)))) == ["friday no mood", "thursday great"]
    assert texts(sample.page(EntryFilter(until=at(0, hours=1)))) == ["monday low"]
    # Range bounds in another time zone mean the same instants.
    utc_since = at(1).astimezone(UTC)
    assert sample.count(EntryFilter(since=utc_since, until=at(3).astimezone(UTC))) == 2


def test_filters_combine_with_search(sample: JournalRepository) -> None:
    assert texts(sample.page(EntryFilter(query="good", tag="work"))) == ["wednesday good"]
    assert sample.page(EntryFilter(query="great", tag="work")) == []
    assert sample.count(EntryFilter(query="day")) == 0  # whole-word prefixes only: "day" is inside words


# -- paging ---------------------------------------------------------------------------------


def test_paging_returns_every_entry_once_newest_first(repo: JournalRepository) -> None:
    # 250 entries; many share a timestamp (10 per instant), with mixed UTC offsets.
    entries = []
    for i in range(250):
        when = (BASE + timedelta(minutes=i // 10)).astimezone(timezone(timedelta(hours=i % 3 - 1)))
        entries.append(Entry(at=when, text=f"n{i}", mood=1 + i % 5))
    # Insert in a shuffled order so id order and time order differ.
    order = list(range(250))
    order = order[::7] + [i for i in order if i % 7]
    for i in order:
        repo.add(entries[i])

    pages = all_pages(repo, size=40)
    assert [len(p) for p in pages] == [40] * 6 + [10]
    flat = [e for p in pages for e in p]
    ids = [e.id for e in flat]
    assert len(ids) == len(set(ids)) == 250
    keys = [(e.at.timestamp(), e.id) for e in flat]
    assert keys == sorted(keys, reverse=True)
    assert flat[0].text in {f"n{i}" for i in range(240, 250)}

    # The same with a filter on, and a page size that splits groups of equal time.
    moods = EntryFilter(moods=frozenset({2, 4}))
    filtered = [e for p in all_pages(repo, moods, size=7) for e in p]
    assert len(filtered) == len({e.id for e in filtered}) == 100
    assert all(e.mood in (2, 4) for e in filtered)
    assert [(e.at.timestamp(), e.id) for e in filtered] == sorted(
        ((e.at.timestamp(), e.id) for e in filtered), reverse=True
    )


def test_paging_search_results(repo: JournalRepository) -> None:
    repo.add_many(Entry(at=at(hours=i // 3), text=f"breathing practice {i}") for i in range(95))
    repo.add_many(Entry(at=at(hours=i), text=f"other {i}") for i in range(20))
    found = [e for p in all_pages(repo, EntryFilter(query="breathe"), size=40) for e in p]
    assert len(found) == len({e.id for e in found}) == 95


def test_paging_fallback_search_results(repo: JournalRepository) -> None:
    """When all words together find nothing, the any-word results page like any others."""
    repo.add_many(Entry(at=at(hours=i // 3), text=f"breathing practice {i}") for i in range(95))
    flt = EntryFilter(query="breathing zebra")
    assert len(repo.page(flt, limit=40)) == 40
    found = [e for p in all_pages(repo, flt, size=40) for e in p]
    assert len(found) == len({e.id for e in found}) == 95
    assert repo.count(flt) == 95  # the count shown agrees with the list shown


# -- search ---------------------------------------------------------------------------------


@pytest.fixture
def corpus(repo: JournalRepository) -> JournalRepository:
    add(repo, "أشعر بالوحدة اليوم", at=at(0))
    add(repo, "I practised breathing by the window", at=at(1))
    add(repo, "كنت متعب جدا بعد العمل", at=at(2))
    add(repo, "ذهبت إلى المدرسة صباحا", at=at(3))
    add(repo, "دفعت ٢٠٢٤ ليرة للدواء", at=at(4))
    add(repo, "A calm sea at sunset", at=at(5))
    add(repo, "calm morning, nothing else", at=at(6))
    add(repo, "body text", title="Gratitude list", tags=["شكر"], at=at(7))
    return repo


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("اشعر", ["أشعر بالوحدة اليوم"]),  # hamza-less query finds أشعر
        ("أشعر", ["أشعر بالوحدة اليوم"]),
        ("breathe", ["I practised breathing by the window"]),  # stemming
        ("BREATHING", ["I practised breathing by the window"]),
        ("brea", ["I practised breathing by the window"]),  # prefix while typing
        ("مُتْعَب", ["كنت متعب جدا بعد العمل"]),  # diacritics in the query
        ("مدرسه", ["ذهبت إلى المدرسة صباحا"]),  # ta marbuta vs ha
        ("مدرسة", ["ذهبت إلى المدرسة صباحا"]),
        ("2024", ["دفعت ٢٠٢٤ ليرة للدواء"]),  # Arabic-Indic digits in the text
        ("٢٠٢٤", ["دفعت ٢٠٢٤ ليرة للدواء"]),
        ("۲۰۲۴", ["دفعت ٢٠٢٤ ليرة للدواء"]),  # Persian digits in the query
        ("calm sea", ["A calm sea at sunset"]),  # every word must match when some entry has all
        ("gratitude", ["body text"]),  # titles are searched
        ("شكر", ["body text"]),  # tags are searched
    ],
)
def test_search_normalisation(corpus: JournalRepository, query: str, expected: list[str]) -> None:
    assert texts(corpus.search(query)) == expected


def test_search_ranked_newest_first_with_multiple_hits(corpus: JournalRepository) -> None:
    assert texts(corpus.search("calm")) == ["calm morning, nothing else", "A calm sea at sunset"]


def test_search_or_fallback(corpus: JournalRepository) -> None:
    # No entry has both words: rather than nothing, show entries with either.
    assert texts(corpus.search("breathing sunset")) == [
        "A calm sea at sunset",
        "I practised breathing by the window",
    ]
    assert texts(corpus.search("zebra breathing")) == ["I practised breathing by the window"]
    assert corpus.search("zebra giraffe") == []
    assert corpus.count(EntryFilter(query="breathing sunset")) == 2
    assert corpus.count(EntryFilter(query="calm sea")) == 1


def test_search_with_diacritics_in_the_text(repo: JournalRepository) -> None:
    add(repo, "أَنَا مُتْعَبٌ قَلِيلًا")
    assert texts(repo.search("متعب")) == ["أَنَا مُتْعَبٌ قَلِيلًا"]
    assert texts(repo.search("انا")) == ["أَنَا مُتْعَبٌ قَلِيلًا"]


@pytest.mark.parametrize("query", ['"', "*", "(", ")", "'", "^", "-", ":", "؟!", '""*'])
def test_search_of_syntax_characters_finds_nothing_and_does_not_fail(
    corpus: JournalRepository, query: str
) -> None:
    assert corpus.search(query) == []


@pytest.mark.parametrize("query", ["NOT", "not OR", "NEAR(nothing)", "nothing:", '"nothing', "AND nothing"])
def test_fts_operators_in_queries_are_plain_words(corpus: JournalRepository, query: str) -> None:
    assert texts(corpus.search(query)) == ["calm morning, nothing else"]


def test_empty_query_shows_everything(corpus: JournalRepository) -> None:
    assert len(corpus.page(EntryFilter(query=""))) == 8
    assert len(corpus.page(EntryFilter(query="   "))) == 8  # a cleared search box shows the timeline
    assert corpus.search("?!") == []  # a query with no words finds nothing rather than everything


def test_trashed_entries_not_in_search(corpus: JournalRepository) -> None:
    hit = corpus.search("breathing")[0]
    assert hit.id is not None
    corpus.delete(hit.id)
    assert corpus.search("breathing") == []
    assert corpus.search("breathing sunset") == [corpus.search("sunset")[0]]  # nor in the fallback
    assert texts(corpus.page(EntryFilter(query="breathing", trash=True))) == [hit.text]
    corpus.empty_trash()
    assert corpus.page(EntryFilter(query="breathing", trash=True)) == []


# -- drafts ---------------------------------------------------------------------------------


def test_drafts(repo: JournalRepository) -> None:
    assert repo.load_draft("new") is None
    assert repo.drafts() == []
    repo.save_draft("new", {"text": "نص غير مكتمل", "mood": 2, "tags": ["a"]})
    assert repo.load_draft("new") == {"text": "نص غير مكتمل", "mood": 2, "tags": ["a"]}
    repo.save_draft("new", {"text": "second version"})  # autosave overwrites
    assert repo.load_draft("new") == {"text": "second version"}
    repo.save_draft("entry-7", {"text": "edit in progress"})
    assert sorted(repo.drafts()) == ["entry-7", "new"]
    repo.delete_draft("new")
    assert repo.load_draft("new") is None
    assert repo.drafts() == ["entry-7"]
    repo.delete_draft("does-not-exist")  # harmless
    # drafts are not entries
    assert repo.count() == 0
    assert repo.search("edit") == []


def test_drafts_survive_lock(vault: Vault, repo: JournalRepository) -> None:
    from support import PASSPHRASE

    repo.save_draft("new", {"text": "autosaved"})
    vault.lock()
    fresh = Vault(vault.directory)
    fresh.unlock(PASSPHRASE)
    assert JournalRepository(fresh.connect()).load_draft("new") == {"text": "autosaved"}
    fresh.lock()


def test_search_index_is_rebuilt_when_the_normaliser_changes(repo: JournalRepository) -> None:
    from peerapp.core import textnorm

    repo.add(Entry(at=local_now(), title="نوبات هلع", text="I kept breathing slowly"))
    assert repo.search_index_current()
    # An index written by an older normaliser: stale words, and an older version mark.
    repo.conn.execute("INSERT INTO entry_fts (entry_fts) VALUES ('delete-all')")
    repo.conn.execute(
        "UPDATE kv SET value = ? WHERE key = 'search_index_version'", (str(textnorm.VERSION - 1),)
    )
    assert not repo.search_index_current()
    assert repo.search("breathe") == []
    seen: list[tuple[int, int]] = []
    assert repo.rebuild_search_index(lambda done, total: seen.append((done, total))) == 1
    assert seen[-1] == (1, 1)
    assert repo.search_index_current()
    assert [e.title for e in repo.search("breathe")] == ["نوبات هلع"]
    assert [e.title for e in repo.search("نوبة")] == ["نوبات هلع"]
