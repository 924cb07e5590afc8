"""Journal filters as SQL, and the search plan: which statements find a page of matches cheaply."""

from __future__ import annotations

from . import textnorm
from .db import Connection
from .entries import Cursor, EntryFilter
from .journal_rows import ENTRY_COLUMNS

# A one-word search looks at the newest WINDOW x limit ids first (search_rows); a match set smaller
# than FEW is looked up by id and sorted rather than probed along the whole timeline.
WINDOW = 10
FEW = 100
# (lowest id in the window, the newest entry below it as (at_utc, id) or None if there is none)
Window = tuple[int, tuple[int, int] | None]
Row = tuple[object, ...]


def where(
    flt: EntryFilter,
    after: Cursor | None,
    *,
    any_term: bool = False,
    window: Window | None = None,
    by_id: bool = False,
    related: bool = False,
) -> tuple[str | None, list[object]]:
    """The WHERE clause over `entry e` and its parameters; None when the query has no words."""
    # by_id: a + on deleted_at keeps the planner off entry_timeline, so it looks the ids up.
    clauses = [("+" if by_id else "") + "e.deleted_at IS " + ("NOT NULL" if flt.trash else "NULL")]
    params: list[object] = []
    if flt.query.strip():
        match = textnorm.match_expression(flt.query, any_term=any_term, related=related)
        if match is None:
            return None, []
        # The unary + keeps the planner from driving the query from the match set (a rowid
        # lookup per match, each decrypting pages, then a sort): it walks entry_timeline newest
        # first, probes the materialised set and stops after `limit` rows.
        fts = "SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?" + (" AND rowid >= ?" if window else "")
        clauses.append(("" if by_id else "+") + f"e.id IN ({fts})")
        params.append(match)
        if window is not None:
            params.append(window[0])
            if window[1] is not None:
                clauses.append("(e.at_utc, e.id) > (?, ?)")  # a range on entry_timeline
                params.extend(window[1])
    if flt.moods:
        clauses.append(f"e.mood IN ({','.join('?' * len(flt.moods))})")
        params.extend(sorted(flt.moods))
    if flt.emotion:
        clauses.append("EXISTS (SELECT 1 FROM entry_emotion m WHERE m.entry_id = e.id AND m.emotion = ?)")
        params.append(flt.emotion)
    if flt.tag:
        clauses.append(
            "EXISTS (SELECT 1 FROM entry_tag t JOIN tag g ON g.id = t.tag_id WHERE t.entry_id = e.id AND g.name = ?)"
        )
        params.append(flt.tag)
    if flt.since is not None:
        clauses.append("e.at_utc >= ?")
        params.append(int(flt.since.timestamp()))
    if flt.until is not None:
        clauses.append("e.at_utc < ?")
        params.append(int(flt.until.timestamp()))
    if after is not None:
        # A row value, so the cursor is a range on entry_timeline rather than a filter
        # applied to every newer row (keeps deep pages as cheap as the first).
        clauses.append("(e.at_utc, e.id) < (?, ?)")
        params.extend([after.at_utc, after.id])
    return " AND ".join(clauses), params


def select(conn: Connection, clause: str | None, params: list[object], limit: int) -> list[Row]:
    """Up to `limit` entry rows matching `clause`, newest first."""
    if clause is None:
        return []
    return conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM entry e WHERE {clause} ORDER BY e.at_utc DESC, e.id DESC LIMIT ?",
        (*params, limit),
    ).fetchall()


def search_rows(
    conn: Connection,
    flt: EntryFilter,
    after: Cursor | None,
    limit: int,
    *,
    any_term: bool,
    related: bool = False,
) -> list[Row]:
    """The rows of one walk of the timeline probing every match, found with less work.

    A first letter or a common word matches tens of thousands of entries, and materialising that
    set was most of a search (bench/README.md). So one word (or the any-word fallback) is looked
    for among the newest WINDOW x limit ids first: every entry newer than the newest one below
    the window is in it, so a page filled there is exact. Otherwise the index first counts the
    matches up to FEW: none ends the search (a word in no entry, or words never together, no
    longer walk the whole timeline), a few are looked up by id, more are probed along it.
    """
    clause, params = where(flt, after, any_term=any_term, related=related)
    match = textnorm.match_expression(flt.query, any_term=any_term, related=related)
    if clause is None or match is None:
        return []
    # One word (or the any-word fallback) can match so much that the newest ids fill the page;
    # several words together match few, and a window would only read the index twice.
    newest = None if " AND " in match else window(conn, flt, limit)
    if newest is not None:
        rows = select(conn, *where(flt, after, any_term=any_term, window=newest, related=related), limit)
        if len(rows) == limit or newest[1] is None:
            return rows
        if rows:  # some among the newest ids: not a tiny set, walk it
            return select(conn, clause, params, limit)
    found = matches(conn, match, FEW)
    if not found:
        return []
    return select(conn, *where(flt, after, any_term=any_term, by_id=found < FEW, related=related), limit)


def window(conn: Connection, flt: EntryFilter, limit: int) -> Window | None:
    """The newest WINDOW x limit ids to search first, or None when the journal is not bigger."""
    top = conn.execute("SELECT max(id) FROM entry").fetchone()[0]
    if limit <= 0 or top is None or top <= WINDOW * limit:
        return None
    low = int(top) - WINDOW * limit + 1
    state = "NOT NULL" if flt.trash else "NULL"
    # Walks entry_timeline (or entry_trash) newest first, over ids in the window only.
    row = conn.execute(
        f"SELECT at_utc, id FROM entry WHERE deleted_at IS {state} AND id < ? ORDER BY at_utc DESC, id DESC LIMIT 1",
        (low,),
    ).fetchone()
    if row is None:
        return low, None
    # Old entries imported after new ones, or an old entry moved to today, can leave fewer than a
    # page of entries above the boundary: then the window cannot fill the page, so skip it.
    above = conn.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM entry WHERE deleted_at IS {state} AND (at_utc, id) > (?, ?)"
        " ORDER BY at_utc DESC, id DESC LIMIT ?)",
        (row[0], row[1], limit),
    ).fetchone()[0]
    return (low, (int(row[0]), int(row[1]))) if above >= limit else None


def matches(conn: Connection, match: str, cap: int) -> int:
    """How many entries the index matches with `match`, counting up to `cap`."""
    sql = "SELECT count(*) FROM (SELECT 1 FROM entry_fts WHERE entry_fts MATCH ? LIMIT ?)"
    return int(conn.execute(sql, (match, cap)).fetchone()[0])
