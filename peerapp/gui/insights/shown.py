"""What the insights page shows for its current choices: the last figures worked out, dropped on lock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ...core.insight_summaries import Summaries
from ...core.insights import Association, MoodPoint, Overview, Period, TechniqueStats, WeekdayMood
from .loader import Figures


@dataclass
class ShownFigures:
    """Everything computed for the current choices (dropped on lock)."""

    overview: Overview | None = None
    period: Period = Period.WEEK  # the grouping `points` were made with
    points: list[MoodPoint] = field(default_factory=list)
    weekdays: list[WeekdayMood] = field(default_factory=list)
    year: int = 0
    pixels: dict[date, float] = field(default_factory=dict)
    pixel_entries: dict[date, int] = field(default_factory=dict)
    associations: list[Association] = field(default_factory=list)
    helps: list[TechniqueStats] = field(default_factory=list)
    summaries: Summaries = field(default_factory=Summaries)

    @classmethod
    def of(cls, found: Figures, year: int) -> ShownFigures:
        """What one request's figures show, with the year in pixels at `year`."""
        report = found.report
        return cls(
            overview=report.overview,
            period=report.period,
            points=report.points,
            weekdays=report.weekdays,
            year=year,
            pixels=report.pixels,
            pixel_entries=report.pixel_entries,
            associations=report.associations,
            helps=report.helps,
            summaries=found.summaries,
        )
