"""Reading the per-day insight aggregates (migration 8) for a range of local days, and the all-time totals
of tags and emotions (migration 9)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .db import Connection, OperationalError
from .errors import OperationCancelled
from .tasks import CancelToken

# What the triggers of migration 8 keep, computed from the entries. Used only when the tables are
# missing: a damaged vault from before migration 8 is opened read-only and never migrated.
_DERIVED = {
    "insight_day": "(SELECT day, count(*) AS entries, count(mood) AS moods, coalesce(sum(mood), 0) AS mood_sum"
    " FROM entry WHERE deleted_at IS NULL GROUP BY day)",
    "insight_mark": "(SELECT e.day AS day, 'tag' AS kind, t.tag_id AS item, count(*) AS entries"
    " FROM entry e JOIN entry_tag t ON t.entry_id = e.id WHERE e.deleted_at IS NULL GROUP BY e.day, t.tag_id"
    " UNION ALL SELECT e.day, 'emotion', m.emotion, count(*)"
    " FROM entry e JOIN entry_emotion m ON m.entry_id = e.id WHERE e.deleted_at IS NULL GROUP BY e.day, m.emotion)",
    "insight_coping": "(SELECT e.day AS day, c.technique AS technique, count(*) AS uses,"
    " count(c.distress_before + c.distress_after) AS rated,"
    " coalesce(sum(c.distress_before - c.distress_after), 0) AS drop_sum,"
    " count(c.helpfulness) AS helpful, coalesce(sum(c.helpfulness), 0) AS helpful_sum"
    " FROM entry e JOIN entry_coping c ON c.entry_id = e.id WHERE e.deleted_at IS NULL"
    " GROUP BY e.day, c.technique)",
}
# How often (in SQLite virtual machine steps) a running query looks at the cancel token.
_CANCEL_STEPS = 10_000


# One local day: (day, its entries outside the trash, how many have a mood, the sum of those moods). A
# plain tuple: at 50k entries there are thousands of days, and each object made costs.
DayRow = tuple[date, int, int, int]


@dataclass(frozen=True)
class MarkCount:
    """A tag or emotion over a range: days with a mood that have it, and the sum of those days' means."""

    kind: str  # "tag" or "emotion"
    item: str  # the tag's name or the emotion's key
    days: int
    mood_total: float


@dataclass(frozen=True)
class CopingSums:
    """One technique over a range: the counts and sums behind the means of "what helps"."""

    technique: str
    uses: int
    rated: int
    drop_sum: int
    helpful: int
    helpful_sum: int


def day_clause(since: date | None, until: date | None, column: str = "day") -> tuple[str, list[object]]:
    """SQL conditions keeping `column` (an ISO day) between `since` and `until`, both included."""
    sql, params = ["1"], list[object]()
    if since is not None:
        sql.append(f"{column} >= ?")
        params.append(since.isoformat())
    if until is not None:
        sql.append(f"{column} <= ?")
        params.append(until.isoformat())
    return " AND ".join(sql), params


class DayStore:
    """The aggregate tables of one connection; every query reads them by day range, never the entries."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        present = {
            str(row[0])
            for row in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN (?, ?, ?, ?)",
                (*_DERIVED, "insight_mark_total"),
            )
        }
        self.source = {name: name if name in present else derived for name, derived in _DERIVED.items()}
        self.totals = "insight_mark_total" in present  # missing only in a damaged vault from before 9

    def days(self, since: date | None = None, until: date | None = None) -> list[DayRow]:
        """Every day with entries in the range, oldest first."""
        where, params = day_clause(since, until)
        rows = self.conn.execute(
            f"SELECT day, entries, moods, mood_sum FROM {self.source['insight_day']} WHERE {where} ORDER BY day",
            params,
        )
        return [(date.fromisoformat(day), n, moods, total) for day, n, moods, total in rows]

    def bounds(self) -> tuple[date, date] | None:
        """The first and the last day with entries (two ends of the key: SQLite reads an end only for
        a lone min() or max(), so each has its own subquery)."""
        source = self.source["insight_day"]
        first, last = self.conn.execute(
            f"SELECT (SELECT min(day) FROM {source}), (SELECT max(day) FROM {source})"
        ).fetchone()
        if first is None or last is None:
            return None
        return date.fromisoformat(first), date.fromisoformat(last)

    def marks(self, since: date | None, until: date | None, fewest: int, most: int) -> list[MarkCount]:
        """Tags and emotions on at least `fewest` and at most `most` of the range's days with a mood."""
        params: list[object] = [fewest, most]
        if since is None and until is None and self.totals:
            # Over all time a few rows per item hold the answer: the same sum of daily means, whose
            # days are grouped by how many moods they have (mood_sum / moods is each one's mean).
            counted = (
                "SELECT kind, item, sum(days) AS n, sum(CAST(mood_sum AS REAL) / moods) AS total"
                " FROM insight_mark_total GROUP BY kind, item HAVING sum(days) BETWEEN ? AND ?"
            )
        else:
            where, bounds = day_clause(since, until, "m.day")
            counted = (
                "SELECT m.kind AS kind, m.item AS item, count(*) AS n,"
                " sum(CAST(d.mood_sum AS REAL) / d.moods) AS total"
                f" FROM {self.source['insight_mark']} m JOIN {self.source['insight_day']} d ON d.day = m.day"
                f" WHERE {where} AND d.moods > 0 GROUP BY m.kind, m.item HAVING count(*) BETWEEN ? AND ?"
            )
            params = [*bounds, fewest, most]
        rows = self.conn.execute(
            "SELECT g.kind, CASE g.kind WHEN 'tag' THEN (SELECT name FROM tag WHERE id = g.item) ELSE g.item END,"
            f" g.n, g.total FROM ({counted}) g",
            params,
        )
        return [MarkCount(str(kind), str(item), int(n), float(total)) for kind, item, n, total in rows]

    def coping(self, since: date | None = None, until: date | None = None) -> list[CopingSums]:
        """Per technique used in the range, its counts and sums."""
        where, params = day_clause(since, until)
        rows = self.conn.execute(
            "SELECT technique, sum(uses), sum(rated), sum(drop_sum), sum(helpful), sum(helpful_sum)"
            f" FROM {self.source['insight_coping']} WHERE {where} GROUP BY technique",
            params,
        )
        return [CopingSums(str(t), *(int(v) for v in sums)) for t, *sums in rows]


@contextlib.contextmanager
def interruptible(conn: Connection, cancel: CancelToken | None) -> Iterator[None]:
    """Stop a running query as soon as `cancel` is set (it raises OperationCancelled), not after it ends."""
    if cancel is None:
        yield
        return
    token = cancel
    conn.set_progress_handler(lambda: 1 if token.cancelled() else 0, _CANCEL_STEPS)
    try:
        yield
    except OperationalError:
        if token.cancelled():
            raise OperationCancelled() from None
        raise
    finally:
        conn.set_progress_handler(None, _CANCEL_STEPS)
    token.raise_if_cancelled()
