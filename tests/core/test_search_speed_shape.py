"""Journal search: exact on any order of ids and dates, and its work bounded by the page, not the journal.

No timings: the cost is counted in SQLite virtual-machine steps (a progress handler), which are
the same on every run, and the plans come from EXPLAIN QUERY PLAN.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pytest

from peerapp.core import journal_search, textnorm
from peerapp.core.db import Connection
from peerapp.core.journal import Cursor, Entry, EntryFilter, JournalRepository

BASE = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
# Words and how often they appear: every entry, 1 in 7, 1 in 40, three entries, none.
QUERIES = ["a", "alpha", "b", "beta", "gamma", "delta", "omega", "beta gamma", "omega delta", "alpha omega"]


class Recorder:
    """A connection that remembers every statement it runs (the repository only calls execute)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.statements: list[tuple[str, tuple[object, ...]]] = []

    def execute(self, sql: str, params: Any = ()) -> Any:
        self.statements.append((sql, tuple(params)))
        return self.conn.execute(sql, params)


def text(i: int, n: int) -> str:
    words = ["alpha", "words", f"w{i}"]
    words += ["beta"] if i % 7 == 0 else []
    words += ["gamma"] if i % 40 == 0 else []
    words += ["delta"] if i in (3, n // 2, n - 2) else []
    return " ".join(words)


def build(repo: JournalRepository, n: int, order: str) -> None:
    """`n` entries whose ids follow their dates (forward); mostly, with back-dated ones, equal times
    and an old entry moved among the newest (backdated); run against them, as when an old journal
    is imported after new entries (imported); or not at all (shuffled). Then trash and edits."""
    rng = random.Random(n)
    if order == "forward":
        times = [BASE + timedelta(hours=i) for i in range(n)]
    elif order == "backdated":
        times = [BASE + timedelta(hours=i // 3 - (200 if rng.random() < 0.1 else 0)) for i in range(n)]
    elif order == "imported":
        times = [BASE + timedelta(hours=n + i) for i in range(n // 2)]
        times += [BASE + timedelta(hours=i) for i in range(n - n // 2)]
    else:
        times = [BASE + timedelta(hours=rng.randrange(n // 3)) for _ in range(n)]
    entries = [Entry(at=t, text=text(i, n)) for i, t in enumerate(times)]
    repo.add_many(entries)
    ids = [e.id for e in entries if e.id is not None]
    # Trash: only among the newest ids in one journal (then no trashed entry lies below the
    # window), spread over all of them in the others.
    for entry_id in ids[-40::3] if order == "forward" else ids[5::11]:
        repo.delete(entry_id)
    # Old entries (low ids) moved among the newest, or to the top, of the journal.
    moved = {"backdated": (ids[7], n // 3 - 5), "imported": (ids[1], 10 * n), "shuffled": (ids[2], 10 * n)}
    if order in moved:
        entry = repo.get(moved[order][0])
        entry.at = BASE + timedelta(hours=moved[order][1])
        repo.update(entry)


def expected(
    conn: Connection, query: str, trash: bool, after: Cursor | None, limit: int, any_term: bool
) -> list[int]:
    """The definition of a search page: one statement over every match, newest first."""
    sql = (
        "SELECT id FROM entry WHERE deleted_at IS " + ("NOT NULL" if trash else "NULL") + " AND id IN"
        " (SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?)"
        + (" AND (at_utc, id) < (?, ?)" if after else "")
    )
    params: list[object] = [textnorm.match_expression(query, any_term=any_term)]
    params += [after.at_utc, after.id] if after else []
    return [r[0] for r in conn.execute(sql + " ORDER BY at_utc DESC, id DESC LIMIT ?", (*params, limit))]


def expected_page(conn: Connection, query: str, trash: bool, after: Cursor | None, limit: int) -> list[int]:
    ids = expected(conn, query, trash, after, limit, False)
    several = len(set(textnorm.tokens(query))) > 1
    if not ids and several and not expected(conn, query, trash, None, 1, False):
        ids = expected(conn, query, trash, after, limit, True)
    return ids


def shape(sql: str) -> str:
    """Which of the search plan's statements this is."""
    if "+e.deleted_at" in sql:
        return "by id"
    if "(e.at_utc, e.id) >" in sql:
        return "window"
    if "rowid >= ?" in sql:
        return "window, nothing below it"
    if "LIMIT ?)" in sql and "count(*)" in sql:
        return "count matches"
    return "walk" if "entry_fts" in sql else "other"


@pytest.fixture
def recorded(repo: JournalRepository) -> Iterator[tuple[JournalRepository, Recorder]]:
    recorder = Recorder(repo.conn)
    yield JournalRepository(cast(Connection, recorder)), recorder


@pytest.mark.parametrize("order", ["forward", "backdated", "imported", "shuffled"])
def test_search_pages_are_exact_whatever_the_order_of_ids_and_dates(
    repo: JournalRepository, recorded: tuple[JournalRepository, Recorder], order: str
) -> None:
    build(repo, 300, order)
    searcher, recorder = recorded
    for query in QUERIES:
        for trash in (False, True):
            for limit in (5, 10, 50):
                after: Cursor | None = None
                for _ in range(4):
                    got = searcher.page(EntryFilter(query=query, trash=trash), after=after, limit=limit)
                    want = expected_page(repo.conn, query, trash, after, limit)
                    assert [e.id for e in got] == want, (query, trash, limit, after)
                    if not got:
                        break
                    after = searcher.cursor_after(got[-1])
    shapes = {shape(sql) for sql, _ in recorder.statements}
    # Every branch of the plan ran (a threshold change must not leave one untested). Where the
    # newest entries do not have the newest ids, the window is skipped: results stay exact.
    wanted = {"walk", "count matches", "by id"}
    wanted |= {"window"} if order in ("forward", "backdated") else set()
    wanted |= {"window, nothing below it"} if order == "forward" else set()
    assert wanted <= shapes


def vm_steps(conn: Connection, work: Callable[[], object]) -> int:
    """SQLite virtual-machine instructions `work` runs, in hundreds (deterministic, unlike time)."""
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(tick, 100)
    try:
        work()
    finally:
        conn.set_progress_handler(None, 0)
    return steps[0]


def grow(repo: JournalRepository, n: int) -> None:
    """`n` newer entries, as writing adds them; none has the word "delta"."""
    start = BASE + timedelta(days=365)
    repo.add_many(
        Entry(at=start + timedelta(hours=i), text=text(i, n).replace("delta", "")) for i in range(n)
    )


@pytest.mark.parametrize(
    "query", ["a", "alpha", "omega", "delta", "beta gamma", "omega delta", "alpha omega"]
)
def test_search_work_does_not_grow_with_the_journal(repo: JournalRepository, query: str) -> None:
    # A first letter or a word in every entry materialised every match, and a word in no entry
    # (or in a few old ones, or words seldom or never together) walked the whole timeline: both
    # grew with the journal. Now the work is bounded by the page: the newest ids, or the few
    # matches looked up by id.
    build(repo, 300, "forward")
    flt = EntryFilter(query=query)
    small = vm_steps(repo.conn, lambda: repo.page(flt, limit=10))
    grow(repo, 1500)
    big = vm_steps(repo.conn, lambda: repo.page(flt, limit=10))
    # The slack is a page's worth: rare pairs ("beta gamma") fill more of the 10 rows in the bigger
    # journal (2 rows, then 7), and each row read costs about a hundred steps (more since entries keep a
    # prompt). What must not appear is work growing with the 1,500 new entries.
    assert big <= small * 1.5 + 10, (small, big)


@pytest.mark.parametrize("query", ["omega", "omega zeta"])
def test_counting_words_no_entry_has_does_not_walk_the_journal(repo: JournalRepository, query: str) -> None:
    build(repo, 300, "forward")
    flt = EntryFilter(query=query)
    small = vm_steps(repo.conn, lambda: repo.count(flt))
    grow(repo, 1500)
    big = vm_steps(repo.conn, lambda: repo.count(flt))
    assert repo.count(flt) == 0
    assert big <= small * 1.5 + 5, (small, big)


def plans(repo: JournalRepository, recorder: Recorder) -> dict[str, list[str]]:
    """The query plan of each statement the searches ran, by shape."""
    found: dict[str, list[str]] = {}
    for sql, params in recorder.statements:
        if "FROM entry e" in sql:
            steps = [str(r[-1]) for r in repo.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
            found.setdefault(shape(sql), []).extend(steps)
    return found


def test_search_plans_use_the_index_and_never_scan_the_entries(
    repo: JournalRepository, recorded: tuple[JournalRepository, Recorder]
) -> None:
    build(repo, 300, "backdated")
    searcher, recorder = recorded
    for query in QUERIES:
        for trash in (False, True):
            searcher.page(EntryFilter(query=query, trash=trash), limit=10)
    found = plans(repo, recorder)
    for kind, steps in found.items():
        # Never the table itself, nor a whole index other than the trash's own (trashed rows only).
        assert not [s for s in steps if s == "SCAN e" or (s.startswith("SCAN e ") and "entry_trash" not in s)]
        assert any("entry_fts VIRTUAL TABLE INDEX" in s for s in steps), (kind, steps)
    # The window is a range on the timeline index (newer than the newest entry below it) and the
    # match set is probed, not sorted; only the few ids of a tiny set are sorted.
    assert any("entry_timeline (deleted_at=? AND at_utc>?)" in s for s in found["window"])
    for kind in ("window", "walk"):
        assert not [s for s in found[kind] if "TEMP B-TREE" in s], (kind, found[kind])
    assert any("INTEGER PRIMARY KEY" in s for s in found["by id"])


def test_search_index_is_read_for_the_window_only(repo: JournalRepository) -> None:
    """The window's statement asks the index for ids in the window, not for every match."""
    build(repo, 300, "forward")
    window = journal_search.window(repo.conn, EntryFilter(query="a"), 10)
    assert window is not None and window[1] is not None
    clause, params = journal_search.where(EntryFilter(query="a"), None, window=window)
    assert clause is not None and "rowid >= ?" in clause and window[0] in params
    ids = [cast(int, r[0]) for r in journal_search.select(repo.conn, clause, params, 10)]
    assert min(ids) >= window[0]
    assert [e.id for e in repo.page(EntryFilter(query="a"), limit=10)] == ids
