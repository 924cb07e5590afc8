"""Insights over the journal (mood trends, weekdays, associations, what helps), computed locally in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

from .db import Connection
from .journal import JournalRepository

MIN_DAYS = 3
MOVING_WINDOW = 7


class Period(StrEnum):
    """How mood over time is grouped: one point per day, week (from Monday), month or year."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


_SLACK = 86400  # seconds; more than any UTC offset


def _utc_midnight(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


@dataclass(frozen=True)
class DateRange:
    """Local days from `since` to `until`, both included; None leaves that side open."""

    since: date | None = None
    until: date | None = None

    def clauses(self) -> tuple[str, list[object]]:
        """SQL conditions on `entry e`: not in the trash, local day in range.

        The day test is exact; the looser at_utc bounds (a day either side covers every UTC
        offset) let the timeline index skip entries far outside the range.
        """
        sql = ["e.deleted_at IS NULL"]
        params: list[object] = []
        if self.since is not None:
            sql.append("e.at_utc >= ? AND e.day >= ?")
            params += [_utc_midnight(self.since) - _SLACK, self.since.isoformat()]
        if self.until is not None:
            sql.append("e.at_utc < ? AND e.day <= ?")
            params += [_utc_midnight(self.until) + 86400 + _SLACK, self.until.isoformat()]
        return " AND ".join(sql), params


@dataclass(frozen=True)
class MoodPoint:
    """One period of mood over time: the mean of its daily means and the moving average so far."""

    start: date
    mean: float
    days: int  # days with a mood in the period
    entries: int  # entries with a mood in the period
    moving_average: float


@dataclass(frozen=True)
class WeekdayMood:
    """Mean daily mood on one weekday (0 = Monday ... 6 = Sunday); mean is None with no days."""

    weekday: int
    mean: float | None
    days: int


@dataclass(frozen=True)
class Association:
    """A tag or emotion, with the mean daily mood on days with it and on days without it."""

    item: str
    kind: str  # "tag" or "emotion"
    mean_with: float
    mean_without: float
    days_with: int
    days_without: int

    @property
    def difference(self) -> float:
        return self.mean_with - self.mean_without


@dataclass(frozen=True)
class TechniqueStats:
    """How a coping technique went: uses, mean distress drop (before - after) and helpfulness."""

    technique: str
    uses: int
    mean_drop: float | None
    rated_uses: int  # uses with both a before and an after distress rating
    mean_helpfulness: float | None
    helpfulness_uses: int


@dataclass(frozen=True)
class Overview:
    """How much there is to look at in a range."""

    entries: int
    days_with_mood: int
    first_day: date | None
    last_day: date | None


def _daily_cte(rng: DateRange, *, materialized: bool = False) -> tuple[str, list[object]]:
    """`daily(day, mood, n)`: each day's mean mood over its entries that have one."""
    where, params = rng.clauses()
    return (
        "daily AS "
        + ("MATERIALIZED " if materialized else "")
        + "(SELECT e.day AS day, avg(e.mood) AS mood, count(*) AS n FROM entry e"
        f" WHERE {where} AND e.mood IS NOT NULL GROUP BY e.day)",
        params,
    )


@dataclass(frozen=True)
class Day:
    """One local day's aggregate: mean mood over its entries with a mood (None if none has one)."""

    day: date
    mood: float | None
    with_mood: int
    entries: int


def _period_start(day: date, period: Period) -> date:
    if period == Period.WEEK:
        return date.fromordinal(day.toordinal() - day.weekday())
    if period == Period.MONTH:
        return day.replace(day=1)
    if period == Period.YEAR:
        return day.replace(month=1, day=1)
    return day


def group_days(days: list[Day], period: Period, window: int = MOVING_WINDOW) -> list[MoodPoint]:
    """Mean of daily means per period, oldest first, with a trailing moving average.

    The moving average at a point is the mean of that point and up to `window - 1`
    points before it, so a short series still gets a line.
    """
    sums: dict[date, list[float]] = {}
    for d in days:
        if d.mood is None:
            continue
        acc = sums.setdefault(_period_start(d.day, period), [0.0, 0.0, 0.0])
        acc[0] += d.mood
        acc[1] += 1
        acc[2] += d.with_mood
    points: list[MoodPoint] = []
    means: list[float] = []
    for start in sorted(sums):
        total, count, entries = sums[start]
        means.append(total / count)
        recent = means[-window:]
        points.append(MoodPoint(start, means[-1], int(count), int(entries), sum(recent) / len(recent)))
    return points


def weekday_means(days: list[Day]) -> list[WeekdayMood]:
    """Mean daily mood for Monday..Sunday."""
    sums = [[0.0, 0] for _ in range(7)]
    for d in days:
        if d.mood is not None:
            acc = sums[d.day.weekday()]
            acc[0] += d.mood
            acc[1] += 1
    return [WeekdayMood(w, (t / n) if n else None, int(n)) for w, (t, n) in enumerate(sums)]


@dataclass(frozen=True)
class Report:
    """Everything the insights page shows, computed in as few passes over the vault as possible."""

    overview: Overview
    points: list[MoodPoint]
    weekdays: list[WeekdayMood]
    associations: list[Association]
    helps: list[TechniqueStats]
    years: list[int]


class Insights:
    """Read-only aggregates over one vault connection; nothing is loaded entry by entry."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    @classmethod
    def of(cls, repo: JournalRepository) -> Insights:
        return cls(repo.conn)

    def days(self, rng: DateRange = DateRange()) -> list[Day]:
        """One aggregate row per local day with entries, oldest first (one pass over the vault)."""
        where, params = rng.clauses()
        rows = self.conn.execute(
            f"SELECT e.day, avg(e.mood), count(e.mood), count(*) FROM entry e WHERE {where}"
            " GROUP BY e.day ORDER BY e.day",
            params,
        )
        return [
            Day(date.fromisoformat(day), None if mood is None else float(mood), int(with_mood), int(n))
            for day, mood, with_mood, n in rows
        ]

    @staticmethod
    def summarise(days: list[Day]) -> Overview:
        moody = [d.day for d in days if d.mood is not None]
        return Overview(
            entries=sum(d.entries for d in days),
            days_with_mood=len(moody),
            first_day=moody[0] if moody else None,
            last_day=moody[-1] if moody else None,
        )

    def overview(self, rng: DateRange = DateRange()) -> Overview:
        return self.summarise(self.days(rng))

    def daily_moods(self, rng: DateRange = DateRange()) -> dict[date, float]:
        cte, params = _daily_cte(rng)
        rows = self.conn.execute(f"WITH {cte} SELECT day, mood FROM daily ORDER BY day", params)
        return {date.fromisoformat(day): float(mood) for day, mood in rows}

    def mood_over_time(
        self, period: Period = Period.WEEK, rng: DateRange = DateRange(), window: int = MOVING_WINDOW
    ) -> list[MoodPoint]:
        """Mean of daily means per period with a trailing moving average (see `group_days`)."""
        return group_days(self.days(rng), Period(period), window)

    def year_in_pixels(self, year: int, rng: DateRange = DateRange()) -> dict[date, float]:
        """Mean mood per day of `year` (days without a mood are absent)."""
        since = date(year, 1, 1) if rng.since is None else max(rng.since, date(year, 1, 1))
        until = date(year, 12, 31) if rng.until is None else min(rng.until, date(year, 12, 31))
        if since > until:
            return {}
        return self.daily_moods(DateRange(since, until))

    def years(self) -> list[int]:
        """From the year of the first entry to the year of the last (two index lookups, no scan)."""
        ends = [
            self.conn.execute(
                f"SELECT day FROM entry WHERE deleted_at IS NULL ORDER BY at_utc {order}, id {order} LIMIT 1"
            ).fetchone()
            for order in ("ASC", "DESC")
        ]
        if ends[0] is None or ends[1] is None:
            return []
        first, last = sorted(int(str(row[0])[:4]) for row in ends)
        return list(range(first, last + 1))

    def by_weekday(self, rng: DateRange = DateRange()) -> list[WeekdayMood]:
        """Mean daily mood for Monday..Sunday, from each entry's local day."""
        return weekday_means(self.days(rng))

    def report(self, period: Period = Period.WEEK, rng: DateRange = DateRange()) -> Report:
        """All of the page's figures; the per-day aggregate is read once and shared."""
        days = self.days(rng)
        return Report(
            overview=self.summarise(days),
            points=group_days(days, Period(period)),
            weekdays=weekday_means(days),
            associations=self.associations(rng, days=days),
            helps=self.what_helps(rng),
            years=self.years(),
        )

    def associations(
        self, rng: DateRange = DateRange(), min_days: int = MIN_DAYS, days: list[Day] | None = None
    ) -> list[Association]:
        """Tags and emotions with mean daily mood on days with vs without them, best first.

        A day "has" a tag when any of its entries has it; only days with a mood count.
        Items are kept only when both sides have at least `min_days` days. `days` is
        `self.days(rng)` when the caller already has it.
        """
        moods = [d.mood for d in (self.days(rng) if days is None else days) if d.mood is not None]
        total_days, total_sum = len(moods), sum(moods)
        if total_days < 2 * min_days:
            return []
        cte, params = _daily_cte(rng, materialized=True)
        where, wparams = rng.clauses()
        # CROSS JOIN keeps the entries as the outer loop, so each one costs a primary-key probe
        # into the narrow link table instead of a lookup of its whole (wide) row.
        queries = {
            "tag": f"WITH {cte}, marked AS (SELECT DISTINCT t.tag_id AS item, e.day AS day FROM entry e"
            f" CROSS JOIN entry_tag t ON t.entry_id = e.id WHERE {where}),"
            " counted AS (SELECT marked.item AS item, count(*) AS n, sum(daily.mood) AS total"
            " FROM marked JOIN daily ON daily.day = marked.day GROUP BY marked.item"
            " HAVING count(*) >= ? AND ? - count(*) >= ?)"
            " SELECT g.name, counted.n, counted.total FROM counted JOIN tag g ON g.id = counted.item",
            "emotion": f"WITH {cte}, marked AS (SELECT DISTINCT m.emotion AS item, e.day AS day FROM entry e"
            f" CROSS JOIN entry_emotion m ON m.entry_id = e.id WHERE {where})"
            " SELECT marked.item, count(*), sum(daily.mood) FROM marked JOIN daily ON daily.day = marked.day"
            " GROUP BY marked.item HAVING count(*) >= ? AND ? - count(*) >= ?",
        }
        rows = [
            (kind, *row)
            for kind, sql in queries.items()
            for row in self.conn.execute(sql, [*params, *wparams, min_days, total_days, min_days])
        ]
        found = [
            Association(
                item=str(item),
                kind=str(kind),
                mean_with=float(sum_with) / int(days_with),
                mean_without=(total_sum - float(sum_with)) / (total_days - int(days_with)),
                days_with=int(days_with),
                days_without=total_days - int(days_with),
            )
            for kind, item, days_with, sum_with in rows
        ]
        found.sort(key=lambda a: (-a.difference, -a.days_with, a.kind, a.item))
        return found

    def what_helps(self, rng: DateRange = DateRange()) -> list[TechniqueStats]:
        """Per technique: uses, mean distress drop where both ratings exist, mean helpfulness.

        Sorted by mean drop (largest first, unrated last), then by uses.
        """
        where, params = rng.clauses()
        both = "c.distress_before IS NOT NULL AND c.distress_after IS NOT NULL"
        rows = self.conn.execute(
            "SELECT c.technique, count(*),"
            f" avg(CASE WHEN {both} THEN c.distress_before - c.distress_after END),"
            f" sum(CASE WHEN {both} THEN 1 ELSE 0 END),"
            " avg(c.helpfulness), count(c.helpfulness)"
            f" FROM entry_coping c JOIN entry e ON e.id = c.entry_id WHERE {where}"
            " GROUP BY c.technique",
            params,
        ).fetchall()
        stats = [
            TechniqueStats(
                technique=str(t),
                uses=int(uses),
                mean_drop=None if drop is None else float(drop),
                rated_uses=int(rated),
                mean_helpfulness=None if helpful is None else float(helpful),
                helpfulness_uses=int(helpful_n),
            )
            for t, uses, drop, rated, helpful, helpful_n in rows
        ]
        stats.sort(key=lambda s: (s.mean_drop is None, -(s.mean_drop or 0.0), -s.uses, s.technique))
        return stats
