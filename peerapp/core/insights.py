"""Insights over the journal (mood trends, weekdays, associations, what helps), from per-day aggregates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from .db import Connection
from .insight_days import DayStore, interruptible
from .journal import JournalRepository
from .tasks import CancelToken

MIN_DAYS = 3
MOVING_WINDOW = 7


class Period(StrEnum):
    """How mood over time is grouped: one point per day, week (from Monday), month or year."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class DateRange:
    """Local days from `since` to `until`, both included; None leaves that side open."""

    since: date | None = None
    until: date | None = None


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
    days_written: int = 0  # days with any entry, with a mood or not


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
    year: int | None = None  # the year of `pixels`: the one asked for if it has data, else the newest
    pixels: dict[date, float] = field(default_factory=dict)
    period: Period = Period.WEEK  # the grouping of `points`
    pixel_entries: dict[date, int] = field(default_factory=dict)  # entries with a mood behind each pixel
    first_day: date | None = None  # the journal's first day with an entry, whatever the range


class Insights:
    """Read-only figures over one vault connection, from the per-day aggregates (migration 8).

    No query reads the entries themselves: the triggers that keep the aggregates did that work when
    each entry was written, so a figure costs about the number of days in its range.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.store = DayStore(conn)

    @classmethod
    def of(cls, repo: JournalRepository) -> Insights:
        return cls(repo.conn)

    def days(self, rng: DateRange = DateRange()) -> list[Day]:
        """One aggregate row per local day with entries, oldest first."""
        return [
            Day(day, mood_sum / moods if moods else None, moods, entries)
            for day, entries, moods, mood_sum in self.store.days(rng.since, rng.until)
        ]

    @staticmethod
    def summarise(days: list[Day]) -> Overview:
        moody = [d.day for d in days if d.mood is not None]
        return Overview(
            entries=sum(d.entries for d in days),
            days_with_mood=len(moody),
            first_day=moody[0] if moody else None,
            last_day=moody[-1] if moody else None,
            days_written=sum(1 for d in days if d.entries),
        )

    def overview(self, rng: DateRange = DateRange()) -> Overview:
        return self.summarise(self.days(rng))

    def daily_moods(self, rng: DateRange = DateRange()) -> dict[date, float]:
        return {d.day: d.mood for d in self.days(rng) if d.mood is not None}

    def mood_over_time(
        self, period: Period = Period.WEEK, rng: DateRange = DateRange(), window: int = MOVING_WINDOW
    ) -> list[MoodPoint]:
        """Mean of daily means per period with a trailing moving average (see `group_days`)."""
        return group_days(self.days(rng), Period(period), window)

    def year_in_pixels(self, year: int, rng: DateRange = DateRange()) -> dict[date, float]:
        """Mean mood per day of `year` (days without a mood are absent)."""
        return {d.day: d.mood for d in self._year_days(year, rng) if d.mood is not None}

    def _year_days(self, year: int, rng: DateRange = DateRange()) -> list[Day]:
        since = date(year, 1, 1) if rng.since is None else max(rng.since, date(year, 1, 1))
        until = date(year, 12, 31) if rng.until is None else min(rng.until, date(year, 12, 31))
        if since > until:
            return []
        return self.days(DateRange(since, until))

    def years(self) -> list[int]:
        """From the year of the first day with entries to the year of the last."""
        return self._years(self.store.bounds())

    @staticmethod
    def _years(bounds: tuple[date, date] | None) -> list[int]:
        return [] if bounds is None else list(range(bounds[0].year, bounds[1].year + 1))

    def by_weekday(self, rng: DateRange = DateRange()) -> list[WeekdayMood]:
        """Mean daily mood for Monday..Sunday, from each entry's local day."""
        return weekday_means(self.days(rng))

    def report(
        self,
        period: Period = Period.WEEK,
        rng: DateRange = DateRange(),
        *,
        year: int | None = None,
        cancel: CancelToken | None = None,
    ) -> Report:
        """All of the page's figures, with the year in pixels of `year` (or of the newest year).

        The per-day rows are read once and shared. `cancel` stops the work between steps and inside a
        running query (OperationCancelled).
        """
        with interruptible(self.conn, cancel):
            days = self.days(rng)
            associations = self.associations(rng, days=days)
            helps = self.what_helps(rng)
            bounds = self.store.bounds()
            years = self._years(bounds)
            shown = year if year in years else (years[-1] if years else None)
            year_days = [] if shown is None else [d for d in self._year_days(shown) if d.mood is not None]
        return Report(
            overview=self.summarise(days),
            points=group_days(days, Period(period)),
            weekdays=weekday_means(days),
            associations=associations,
            helps=helps,
            years=years,
            year=shown,
            pixels={d.day: d.mood for d in year_days if d.mood is not None},
            period=Period(period),
            pixel_entries={d.day: d.with_mood for d in year_days},
            first_day=None if bounds is None else bounds[0],
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
        found = [
            Association(
                item=mark.item,
                kind=mark.kind,
                mean_with=mark.mood_total / mark.days,
                mean_without=(total_sum - mark.mood_total) / (total_days - mark.days),
                days_with=mark.days,
                days_without=total_days - mark.days,
            )
            for mark in self.store.marks(rng.since, rng.until, min_days, total_days - min_days)
        ]
        found.sort(key=lambda a: (-a.difference, -a.days_with, a.kind, a.item))
        return found

    def what_helps(self, rng: DateRange = DateRange()) -> list[TechniqueStats]:
        """Per technique: uses, mean distress drop where both ratings exist, mean helpfulness.

        Sorted by mean drop (largest first, unrated last), then by uses.
        """
        stats = [
            TechniqueStats(
                technique=s.technique,
                uses=s.uses,
                mean_drop=s.drop_sum / s.rated if s.rated else None,
                rated_uses=s.rated,
                mean_helpfulness=s.helpful_sum / s.helpful if s.helpful else None,
                helpfulness_uses=s.helpful,
            )
            for s in self.store.coping(rng.since, rng.until)
        ]
        stats.sort(key=lambda s: (s.mean_drop is None, -(s.mean_drop or 0.0), -s.uses, s.technique))
        return stats
