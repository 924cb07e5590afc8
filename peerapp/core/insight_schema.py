"""Migrations 8 and 9: per-day insight aggregates, all-time tag and emotion totals, triggers and backfills;
and bulk_insights, which lets one large write bring them up to date set by set instead of row by row."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # db imports the migrations, which import this module
    from .db import Connection

# Frozen like every migration once released: a later change is a new migration, not an edit here.
# insight_day: per local day, its entries outside the trash, how many have a mood and the
# sum of those moods. insight_mark: one row per (day, kind, item) that at least one of the day's entries
# has ('tag' with the tag id, 'emotion' with its key); `entries` counts those entries, so a removal
# knows when the row goes. insight_coping: per day and technique, the uses and the sums behind the
# means of "what helps". Rows that fall to zero are deleted, so the tables equal a fresh computation.
# Keys lead with the item, so a figure over all time groups without sorting (about 100,000 mark rows at
# 50k entries); an index by day serves a shorter range (a year: 15 ms instead of 70 at 50k entries, on
# the fresh connection each computation opens, whose pages are all still to decrypt).
_INSIGHT_TABLES = """
    CREATE TABLE IF NOT EXISTS insight_day (
        day       TEXT PRIMARY KEY,
        entries   INTEGER NOT NULL,
        moods     INTEGER NOT NULL,
        mood_sum  INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS insight_mark (
        day      TEXT NOT NULL,
        kind     TEXT NOT NULL,
        item     NOT NULL,  -- no type: a tag id stays an integer, an emotion key text
        entries  INTEGER NOT NULL,
        PRIMARY KEY (kind, item, day)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS insight_coping (
        day          TEXT NOT NULL,
        technique    TEXT NOT NULL,
        uses         INTEGER NOT NULL,
        rated        INTEGER NOT NULL,  -- uses with both a before and an after distress rating
        drop_sum     INTEGER NOT NULL,  -- sum of before - after over those
        helpful      INTEGER NOT NULL,  -- uses with a helpfulness rating
        helpful_sum  INTEGER NOT NULL,
        PRIMARY KEY (technique, day)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS insight_mark_by_day ON insight_mark (day);
    CREATE INDEX IF NOT EXISTS insight_coping_by_day ON insight_coping (day);
"""


def _mark_triggers(kind: str, table: str, item: str) -> str:
    """Triggers keeping insight_mark right for one link table (entry_tag or entry_emotion)."""
    add = f"""
        INSERT INTO insight_mark (day, kind, item, entries)
            SELECT day, '{kind}', NEW.{item}, 1 FROM entry WHERE id = NEW.entry_id AND deleted_at IS NULL
            ON CONFLICT DO UPDATE SET entries = entries + 1;"""
    # The entry is still there when its row goes: its own BEFORE DELETE trigger removes its links first.
    remove = f"""
        UPDATE insight_mark SET entries = entries - 1
            WHERE day = (SELECT day FROM entry WHERE id = OLD.entry_id AND deleted_at IS NULL)
            AND kind = '{kind}' AND item = OLD.{item};
        DELETE FROM insight_mark
            WHERE day = (SELECT day FROM entry WHERE id = OLD.entry_id)
            AND kind = '{kind}' AND item = OLD.{item} AND entries = 0;"""
    return f"""
    CREATE TRIGGER IF NOT EXISTS insight_{kind}_added AFTER INSERT ON {table} BEGIN {add}
    END;
    CREATE TRIGGER IF NOT EXISTS insight_{kind}_removed AFTER DELETE ON {table} BEGIN {remove}
    END;
    CREATE TRIGGER IF NOT EXISTS insight_{kind}_changed AFTER UPDATE ON {table} BEGIN {remove} {add}
    END;
"""


# One coping row's contribution, and the sum of one entry's rows per technique.
_COPING_ROW = """
    1, NEW.distress_before IS NOT NULL AND NEW.distress_after IS NOT NULL,
    coalesce(NEW.distress_before - NEW.distress_after, 0),
    NEW.helpfulness IS NOT NULL, coalesce(NEW.helpfulness, 0)"""
_COPING_SUMS = """
    count(*) AS uses, count(distress_before + distress_after) AS rated,
    coalesce(sum(distress_before - distress_after), 0) AS drop_sum,
    count(helpfulness) AS helpful, coalesce(sum(helpfulness), 0) AS helpful_sum"""
_COPING_ADD = """
    ON CONFLICT DO UPDATE SET uses = uses + excluded.uses, rated = rated + excluded.rated,
        drop_sum = drop_sum + excluded.drop_sum, helpful = helpful + excluded.helpful,
        helpful_sum = helpful_sum + excluded.helpful_sum"""
_COPING_REMOVE = """
    UPDATE insight_coping SET uses = uses - 1,
        rated = rated - (OLD.distress_before IS NOT NULL AND OLD.distress_after IS NOT NULL),
        drop_sum = drop_sum - coalesce(OLD.distress_before - OLD.distress_after, 0),
        helpful = helpful - (OLD.helpfulness IS NOT NULL), helpful_sum = helpful_sum - coalesce(OLD.helpfulness, 0)
        WHERE day = (SELECT day FROM entry WHERE id = OLD.entry_id AND deleted_at IS NULL)
        AND technique = OLD.technique;
    DELETE FROM insight_coping WHERE day = (SELECT day FROM entry WHERE id = OLD.entry_id)
        AND technique = OLD.technique AND uses = 0;"""
_COPING_INSERT = f"""
    INSERT INTO insight_coping (day, technique, uses, rated, drop_sum, helpful, helpful_sum)
        SELECT day, NEW.technique, {_COPING_ROW}
        FROM entry WHERE id = NEW.entry_id AND deleted_at IS NULL {_COPING_ADD};"""
_DAY_ADD = """
    ON CONFLICT (day) DO UPDATE SET entries = entries + 1, moods = moods + excluded.moods,
        mood_sum = mood_sum + excluded.mood_sum"""
_DAY_REMOVE = """
    UPDATE insight_day SET entries = entries - 1, moods = moods - (OLD.mood IS NOT NULL),
        mood_sum = mood_sum - coalesce(OLD.mood, 0)
        WHERE day = OLD.day AND OLD.deleted_at IS NULL;
    DELETE FROM insight_day WHERE day = OLD.day AND entries = 0;"""
_LIVE_CHANGED = "(OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)"
_INSIGHT_TRIGGERS = f"""
    CREATE TRIGGER IF NOT EXISTS insight_coping_added AFTER INSERT ON entry_coping BEGIN {_COPING_INSERT}
    END;
    CREATE TRIGGER IF NOT EXISTS insight_coping_removed AFTER DELETE ON entry_coping BEGIN {_COPING_REMOVE}
    END;
    CREATE TRIGGER IF NOT EXISTS insight_coping_changed AFTER UPDATE ON entry_coping
    BEGIN {_COPING_REMOVE} {_COPING_INSERT}
    END;
    CREATE TRIGGER IF NOT EXISTS insight_entry_added AFTER INSERT ON entry WHEN NEW.deleted_at IS NULL
    BEGIN
        INSERT INTO insight_day (day, entries, moods, mood_sum)
            VALUES (NEW.day, 1, NEW.mood IS NOT NULL, coalesce(NEW.mood, 0)) {_DAY_ADD};
    END;
    CREATE TRIGGER IF NOT EXISTS insight_entry_changed AFTER UPDATE OF day, mood, deleted_at ON entry
        WHEN (OLD.deleted_at IS NULL OR NEW.deleted_at IS NULL)
        AND (OLD.day IS NOT NEW.day OR OLD.mood IS NOT NEW.mood OR {_LIVE_CHANGED})
    BEGIN {_DAY_REMOVE}
        INSERT INTO insight_day (day, entries, moods, mood_sum)
            SELECT NEW.day, 1, NEW.mood IS NOT NULL, coalesce(NEW.mood, 0) WHERE NEW.deleted_at IS NULL
            {_DAY_ADD};
    END;
    -- Another day, the trash or back from it: the entry's tags, emotions and coping go with it.
    CREATE TRIGGER IF NOT EXISTS insight_entry_moved AFTER UPDATE OF day, deleted_at ON entry
        WHEN (OLD.deleted_at IS NULL OR NEW.deleted_at IS NULL)
        AND (OLD.day IS NOT NEW.day OR {_LIVE_CHANGED})
    BEGIN
        UPDATE insight_mark SET entries = entries - 1
            WHERE OLD.deleted_at IS NULL AND day = OLD.day AND kind = 'tag'
            AND item IN (SELECT tag_id FROM entry_tag WHERE entry_id = OLD.id);
        UPDATE insight_mark SET entries = entries - 1
            WHERE OLD.deleted_at IS NULL AND day = OLD.day AND kind = 'emotion'
            AND item IN (SELECT emotion FROM entry_emotion WHERE entry_id = OLD.id);
        DELETE FROM insight_mark WHERE kind = 'tag' AND day = OLD.day AND entries = 0
            AND item IN (SELECT tag_id FROM entry_tag WHERE entry_id = OLD.id);
        DELETE FROM insight_mark WHERE kind = 'emotion' AND day = OLD.day AND entries = 0
            AND item IN (SELECT emotion FROM entry_emotion WHERE entry_id = OLD.id);
        UPDATE insight_coping SET uses = insight_coping.uses - c.uses, rated = insight_coping.rated - c.rated,
            drop_sum = insight_coping.drop_sum - c.drop_sum, helpful = insight_coping.helpful - c.helpful,
            helpful_sum = insight_coping.helpful_sum - c.helpful_sum
            FROM (SELECT technique, {_COPING_SUMS} FROM entry_coping WHERE entry_id = OLD.id
                  GROUP BY technique) AS c
            WHERE OLD.deleted_at IS NULL AND insight_coping.day = OLD.day
            AND insight_coping.technique = c.technique;
        DELETE FROM insight_coping WHERE day = OLD.day AND uses = 0
            AND technique IN (SELECT technique FROM entry_coping WHERE entry_id = OLD.id);
        INSERT INTO insight_mark (day, kind, item, entries)
            SELECT NEW.day, 'tag', tag_id, 1 FROM entry_tag WHERE NEW.deleted_at IS NULL AND entry_id = NEW.id
            ON CONFLICT DO UPDATE SET entries = entries + 1;
        INSERT INTO insight_mark (day, kind, item, entries)
            SELECT NEW.day, 'emotion', emotion, 1 FROM entry_emotion
            WHERE NEW.deleted_at IS NULL AND entry_id = NEW.id
            ON CONFLICT DO UPDATE SET entries = entries + 1;
        INSERT INTO insight_coping (day, technique, uses, rated, drop_sum, helpful, helpful_sum)
            SELECT NEW.day, technique, {_COPING_SUMS} FROM entry_coping
            WHERE NEW.deleted_at IS NULL AND entry_id = NEW.id GROUP BY technique {_COPING_ADD};
    END;
    -- BEFORE, and removing the links itself: a cascade would run after the entry row is gone, when
    -- the links' triggers could no longer find its day.
    CREATE TRIGGER IF NOT EXISTS insight_entry_erased BEFORE DELETE ON entry WHEN OLD.deleted_at IS NULL
    BEGIN
        DELETE FROM entry_tag WHERE entry_id = OLD.id;
        DELETE FROM entry_emotion WHERE entry_id = OLD.id;
        DELETE FROM entry_coping WHERE entry_id = OLD.id;
        {_DAY_REMOVE}
    END;
"""
_INSIGHT_BACKFILL = f"""
    DELETE FROM insight_day;
    DELETE FROM insight_mark;
    DELETE FROM insight_coping;
    INSERT INTO insight_day (day, entries, moods, mood_sum)
        SELECT day, count(*), count(mood), coalesce(sum(mood), 0) FROM entry WHERE deleted_at IS NULL
        GROUP BY day;
    INSERT INTO insight_mark (day, kind, item, entries)
        SELECT e.day, 'tag', t.tag_id, count(*) FROM entry e JOIN entry_tag t ON t.entry_id = e.id
        WHERE e.deleted_at IS NULL GROUP BY e.day, t.tag_id;
    INSERT INTO insight_mark (day, kind, item, entries)
        SELECT e.day, 'emotion', m.emotion, count(*) FROM entry e JOIN entry_emotion m ON m.entry_id = e.id
        WHERE e.deleted_at IS NULL GROUP BY e.day, m.emotion;
    INSERT INTO insight_coping (day, technique, uses, rated, drop_sum, helpful, helpful_sum)
        SELECT e.day, technique, {_COPING_SUMS} FROM entry e JOIN entry_coping c ON c.entry_id = e.id
        WHERE e.deleted_at IS NULL GROUP BY e.day, c.technique;
"""


INSIGHT_AGGREGATES = (
    _INSIGHT_TABLES
    + _mark_triggers("tag", "entry_tag", "tag_id")
    + _mark_triggers("emotion", "entry_emotion", "emotion")
    + _INSIGHT_TRIGGERS
    + _INSIGHT_BACKFILL
)


# Migration 9 (frozen like migration 8). insight_mark_total: per tag or emotion and per number of moods
# on a day, the days with that many moods that have it and the sum of those days' mood sums, over all
# time. Their mean over all time is then sum(mood_sum / moods) over a few rows per item instead of a
# join of every (day, item) row with its day (about 100,000 rows at 50k entries: 46 ms on an idle
# machine, 150 on a busy one; now under 1 ms).
# Whole numbers only, so the rows equal a fresh count (tests compare them after any mix of writes).
# The triggers keep: rows = for each insight_mark row whose day has moods, (1, the day's mood_sum)
# under (kind, item, the day's moods). Each adds or takes away what one row change of insight_mark
# or insight_day moves, reading the other table as it is then, so the order in which migration 8's
# triggers change the two tables does not matter. A day's row is deleted only once its counts are zero
# (after the update that zeroes them), so its deletion has nothing to take away.
_TOTAL_ADD = "ON CONFLICT DO UPDATE SET days = days + 1, mood_sum = mood_sum + excluded.mood_sum"
_DAY_MARKS = "(kind, item) IN (SELECT kind, item FROM insight_mark WHERE day = OLD.day)"
_TOTAL_DAY_REMOVE = f"""
        UPDATE insight_mark_total SET days = days - 1, mood_sum = mood_sum - OLD.mood_sum
            WHERE OLD.moods > 0 AND moods = OLD.moods AND {_DAY_MARKS};
        DELETE FROM insight_mark_total WHERE OLD.moods > 0 AND moods = OLD.moods AND days = 0 AND {_DAY_MARKS};"""
INSIGHT_MARK_TOTALS = f"""
    CREATE TABLE IF NOT EXISTS insight_mark_total (
        kind      TEXT NOT NULL,
        item      NOT NULL,
        moods     INTEGER NOT NULL,  -- how many entries with a mood each of these days has
        days      INTEGER NOT NULL,
        mood_sum  INTEGER NOT NULL,  -- the sum of these days' mood sums
        PRIMARY KEY (kind, item, moods)
    ) WITHOUT ROWID;
    CREATE TRIGGER IF NOT EXISTS insight_total_mark_added AFTER INSERT ON insight_mark BEGIN
        INSERT INTO insight_mark_total (kind, item, moods, days, mood_sum)
            SELECT NEW.kind, NEW.item, moods, 1, mood_sum FROM insight_day WHERE day = NEW.day AND moods > 0
            {_TOTAL_ADD};
    END;
    CREATE TRIGGER IF NOT EXISTS insight_total_mark_removed AFTER DELETE ON insight_mark BEGIN
        UPDATE insight_mark_total SET days = days - 1, mood_sum = insight_mark_total.mood_sum - d.mood_sum
            FROM (SELECT moods, mood_sum FROM insight_day WHERE day = OLD.day AND moods > 0) AS d
            WHERE kind = OLD.kind AND item = OLD.item AND insight_mark_total.moods = d.moods;
        DELETE FROM insight_mark_total WHERE kind = OLD.kind AND item = OLD.item AND days = 0;
    END;
    CREATE TRIGGER IF NOT EXISTS insight_total_day_added AFTER INSERT ON insight_day WHEN NEW.moods > 0
    BEGIN
        INSERT INTO insight_mark_total (kind, item, moods, days, mood_sum)
            SELECT kind, item, NEW.moods, 1, NEW.mood_sum FROM insight_mark WHERE day = NEW.day {_TOTAL_ADD};
    END;
    CREATE TRIGGER IF NOT EXISTS insight_total_day_changed AFTER UPDATE OF day, moods, mood_sum ON insight_day
        WHEN OLD.day IS NOT NEW.day OR OLD.moods IS NOT NEW.moods OR OLD.mood_sum IS NOT NEW.mood_sum
    BEGIN {_TOTAL_DAY_REMOVE}
        INSERT INTO insight_mark_total (kind, item, moods, days, mood_sum)
            SELECT kind, item, NEW.moods, 1, NEW.mood_sum FROM insight_mark WHERE day = NEW.day AND NEW.moods > 0
            {_TOTAL_ADD};
    END;
    DELETE FROM insight_mark_total;
    INSERT INTO insight_mark_total (kind, item, moods, days, mood_sum)
        SELECT m.kind, m.item, d.moods, count(*), sum(d.mood_sum)
        FROM insight_mark m JOIN insight_day d ON d.day = m.day WHERE d.moods > 0
        GROUP BY m.kind, m.item, d.moods;
"""


# -- bulk writes ------------------------------------------------------------------------------------

# Every per-row trigger of migrations 8 and 9. bulk_insights suspends them only when a vault has exactly
# these on the tables they watch: a trigger added later would otherwise be skipped without a word
# (tests/core/test_import_bulk.py fails then, so its author extends _REBUILD_DAYS).
BULK_TRIGGERS = frozenset(
    [
        f"insight_{kind}_{event}"
        for kind in ("tag", "emotion", "coping")
        for event in ("added", "removed", "changed")
    ]
    + [f"insight_entry_{event}" for event in ("added", "changed", "moved", "erased")]
    + [f"insight_total_{event}" for event in ("mark_added", "mark_removed", "day_added", "day_changed")]
)
BULK_TABLES = ("entry", "entry_tag", "entry_emotion", "entry_coping", "insight_day", "insight_mark")

# The days to bring up to date, as a JSON array (one parameter for every statement).
_DAYS = "IN (SELECT value FROM json_each(?1))"
# What those days' rows add to the all-time totals (migration 9), from insight_mark and insight_day as
# they are when it runs: taken away before the days are recomputed, added back after.
_DAY_TOTALS = f"""
    SELECT m.kind AS kind, m.item AS item, d.moods AS moods, count(*) AS days, sum(d.mood_sum) AS mood_sum
        FROM insight_mark m JOIN insight_day d ON d.day = m.day
        WHERE m.day {_DAYS} AND d.moods > 0 GROUP BY m.kind, m.item, d.moods"""
# The days' rows computed from the entries, as the backfill of migration 8 computes every day's; the
# figures of other days do not change (only entries of these days were added).
_REBUILD_DAYS = (
    f"""UPDATE insight_mark_total AS t SET days = t.days - o.days, mood_sum = t.mood_sum - o.mood_sum
        FROM ({_DAY_TOTALS}) AS o WHERE t.kind = o.kind AND t.item = o.item AND t.moods = o.moods""",
    "DELETE FROM insight_mark_total WHERE days = 0",
    f"DELETE FROM insight_mark WHERE day {_DAYS}",
    f"DELETE FROM insight_coping WHERE day {_DAYS}",
    f"DELETE FROM insight_day WHERE day {_DAYS}",
    f"""INSERT INTO insight_day (day, entries, moods, mood_sum)
        SELECT day, count(*), count(mood), coalesce(sum(mood), 0) FROM entry
        WHERE deleted_at IS NULL AND day {_DAYS} GROUP BY day""",
    f"""INSERT INTO insight_mark (day, kind, item, entries)
        SELECT e.day, 'tag', t.tag_id, count(*) FROM entry e JOIN entry_tag t ON t.entry_id = e.id
        WHERE e.deleted_at IS NULL AND e.day {_DAYS} GROUP BY e.day, t.tag_id""",
    f"""INSERT INTO insight_mark (day, kind, item, entries)
        SELECT e.day, 'emotion', m.emotion, count(*) FROM entry e JOIN entry_emotion m ON m.entry_id = e.id
        WHERE e.deleted_at IS NULL AND e.day {_DAYS} GROUP BY e.day, m.emotion""",
    f"""INSERT INTO insight_coping (day, technique, uses, rated, drop_sum, helpful, helpful_sum)
        SELECT e.day, technique, {_COPING_SUMS} FROM entry e JOIN entry_coping c ON c.entry_id = e.id
        WHERE e.deleted_at IS NULL AND e.day {_DAYS} GROUP BY e.day, c.technique""",
    f"""INSERT INTO insight_mark_total (kind, item, moods, days, mood_sum)
        SELECT kind, item, moods, days, mood_sum FROM ({_DAY_TOTALS}) WHERE true
        ON CONFLICT DO UPDATE SET days = days + excluded.days, mood_sum = mood_sum + excluded.mood_sum""",
)


def rebuild_days(conn: Connection, days: list[str]) -> None:
    """Recompute the aggregates of these local days (ISO dates) from their entries, set by set."""
    if days:
        param = (json.dumps(days),)
        for statement in _REBUILD_DAYS:
            conn.execute(statement, param if "?1" in statement else ())


@contextmanager
def bulk_insights(conn: Connection) -> Iterator[set[str]]:
    """Inside a write transaction, for a block that only adds new entries and their tags, emotions and
    coping rows: the per-row insight triggers are dropped, and on leaving the block the days of the
    entries added are recomputed set by set and the triggers created again as they were.

    The block is given a set to put the local day (Entry.day) of every entry it adds in: an import
    knows them as it writes, which spares reading every new row again at the end. Left empty, the days
    are read from the entries added.

    It all happens in the caller's transaction, so a crash or a rollback leaves the triggers and the
    aggregates as they were. When the block raises, nothing is put back: the caller must roll back.
    A vault whose triggers are not exactly BULK_TRIGGERS keeps them working row by row.
    """
    assert conn.in_transaction, "bulk_insights runs inside the caller's write transaction"
    marks = ",".join("?" * len(BULK_TABLES))
    triggers = conn.execute(
        f"SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN ({marks}) ORDER BY rowid",
        BULK_TABLES,
    ).fetchall()
    days: set[str] = set()
    if {str(name) for name, _sql in triggers} != BULK_TRIGGERS:
        yield days
        return
    # New entries get ids above every id there now (add_many gives max(id) + 1 on).
    last = int(conn.execute("SELECT coalesce(max(id), 0) FROM entry").fetchone()[0])
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    yield days
    if not days:
        days.update(str(r[0]) for r in conn.execute("SELECT DISTINCT day FROM entry WHERE id > ?", (last,)))
    rebuild_days(conn, sorted(days))
    for _name, sql in triggers:
        conn.execute(sql)
