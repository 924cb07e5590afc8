"""What each insights sentence says, as data: the facts summarise() (core.insight_summaries) picks."""

from __future__ import annotations

from dataclasses import dataclass

from .insights import Period

# A difference in mean mood (on the 1-5 scale) smaller than this is worded "about the same": the charts
# show one decimal, and a tenth or two either way is what one unusual day moves a mean of a few days.
NOTABLE = 0.25


@dataclass(frozen=True)
class TrendFact:
    """Mood over time: the range's mean over its days, and the latest period's when it has enough days."""

    period: Period
    mean: float
    days: int
    latest_mean: float | None = None  # None: the latest period has fewer than MIN_DAYS days
    latest_days: int = 0


@dataclass(frozen=True)
class WeekdayFact:
    """The weekdays with the highest and lowest mean among those with MIN_DAYS days or more."""

    best: int  # 0 = Monday
    best_mean: float
    worst: int
    worst_mean: float
    days: int  # days with a mood behind the chart

    @property
    def alike(self) -> bool:
        return self.best_mean - self.worst_mean < NOTABLE


@dataclass(frozen=True)
class YearFact:
    """The days of a year with a mood, and the mood level most of them rounded to (None on a tie)."""

    year: int
    days: int
    common: int | None
    common_days: int


@dataclass(frozen=True)
class AssociationFact:
    """The tag or emotion whose days differ most in mood from the others; None when none differs notably."""

    compared: int  # tags and emotions in the table
    item: str | None = None
    kind: str = "tag"
    mean_with: float = 0.0
    mean_without: float = 0.0
    days_with: int = 0
    days_without: int = 0


@dataclass(frozen=True)
class HelpsFact:
    """The technique used most often (only when it is the only one with that many uses)."""

    technique: str
    uses: int


@dataclass(frozen=True)
class DropFact:
    """The technique with the largest mean drop in distress among those with MIN_DAYS rated uses."""

    technique: str
    mean_drop: float
    rated_uses: int


@dataclass(frozen=True)
class EmptyFact:
    """Why there is nothing to show yet, and what would help.

    kind "write": fewer than MIN_DAYS days with an entry; "mood": entries on enough days, but fewer
    than MIN_DAYS with a mood; "range": the range chosen is short of days, and there are earlier ones.
    """

    kind: str
    days: int


@dataclass(frozen=True)
class Summaries:
    """Each chart's sentence (None: too little to say), or, with too little for any chart, `empty`."""

    mood: TrendFact | None = None
    weekday: WeekdayFact | None = None
    year: YearFact | None = None
    associations: AssociationFact | None = None
    helps: HelpsFact | None = None
    drop: DropFact | None = None
    empty: EmptyFact | None = None
