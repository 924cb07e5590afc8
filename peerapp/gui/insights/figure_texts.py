"""What the insights page says about its figures: hover texts, summary sentences and screen-reader lines.

The words keep the page's translation context ("InsightsPage"), where the Arabic for them already is.
Texts with a plural are translated by the page itself (`self.tr`) and passed in as templates: lupdate
reads a count only from `tr()`, not from `QCoreApplication.translate()`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale

from ...core import insight_summaries as says
from ...core.insight_summaries import Summaries, Words
from ...core.insights import MoodPoint, TechniqueStats, WeekdayMood
from ...core.vocab import mood_label
from ..widgets import locale_format
from .charts import Bar, count_text, format_number, format_year, mood_colour, mood_level


def words(titles: dict[str, str]) -> Words:
    """Numbers, weekdays and technique names as the page writes them, for the summaries."""
    locale = QLocale()
    return Words(
        number=format_number,
        count=count_text,
        year=format_year,
        weekday=lambda w: locale.dayName(w + 1, QLocale.FormatType.LongFormat),
        technique=lambda key: titles.get(key, key),
    )


def summary_texts(found: Summaries, words: Words) -> dict[str, str]:
    """Each card's sentence ("" when there is too little to say), in the interface language."""
    return {
        "mood": "" if found.mood is None else says.trend_text(found.mood, words),
        "weekday": "" if found.weekday is None else says.weekday_text(found.weekday, words),
        "year": "" if found.year is None else says.year_text(found.year, words),
        "associations": ""
        if found.associations is None
        else says.association_text(found.associations, words),
        "helps": "" if found.helps is None else says.helps_text(found.helps, words),
        "drop": "" if found.drop is None else says.drop_text(found.drop, words),
    }


def mood_tip(template: str, label: str, mean: float) -> str:
    """A hover text from its translated template: %1 the period or day, %2 the mood's name, %3 the mean."""
    return (
        template.replace("%2", mood_label(mood_level(mean)))
        .replace("%3", format_number(mean))
        .replace("%1", label)
    )


def weekday_bars(weekdays: list[WeekdayMood], template: Callable[[int], str]) -> list[Bar]:
    """One bar per weekday in its mood's colour; `template(days)` is the page's translated hover text."""
    locale = QLocale()
    bars = []
    for w in weekdays:
        name = locale.dayName(w.weekday + 1, QLocale.FormatType.LongFormat)
        tip = "" if w.mean is None else mood_tip(template(w.days), name, w.mean)
        bars.append(Bar(name, w.mean, None if w.mean is None else mood_colour(w.mean), tooltip=tip))
    return bars


def drop_bars(
    rows: list[TechniqueStats], titles: dict[str, str], template: Callable[[int], str]
) -> list[Bar]:
    """One bar per technique with rated uses, its mean drop in distress; `template(ratings)` its hover text."""
    bars = []
    for s in rows:
        if s.mean_drop is None:
            continue
        name = titles.get(s.technique, s.technique)
        tip = template(s.rated_uses).replace("%2", format_number(s.mean_drop)).replace("%1", name)
        bars.append(Bar(name, s.mean_drop, tooltip=tip))
    return bars


def year_description(year: str, days: int) -> str:
    """The year in pixels for a screen reader: which year, and how many days have a mood."""
    return (
        QCoreApplication.translate(
            "InsightsPage", "Each day of %1 coloured by its mean mood. Days with a mood: %2."
        )
        .replace("%1", year)
        .replace("%2", count_text(days))
    )


def chart_figures(
    points: list[MoodPoint], weekdays: list[WeekdayMood], helps: list[TechniqueStats], titles: dict[str, str]
) -> dict[str, str]:
    """The figures a screen reader hears after each chart's sentence ("mood", "weekday" and "drop")."""
    if points:
        last = points[-1]
        mood = (
            QCoreApplication.translate(
                "InsightsPage",
                "Mean mood for each period, with a dashed moving average. Latest: %1, mean %2.",
            )
            .replace("%1", locale_format.long_date(last.start))
            .replace("%2", format_number(last.mean))
        )
    else:
        mood = QCoreApplication.translate("InsightsPage", "No mood recorded in this range.")
    weekday = "; ".join(
        QLocale().dayName(w.weekday + 1) + ": " + format_number(w.mean)
        for w in weekdays
        if w.mean is not None
    )
    drop = "; ".join(
        titles.get(s.technique, s.technique) + ": " + format_number(s.mean_drop)
        for s in helps
        if s.mean_drop is not None
    )
    return {"mood": mood, "weekday": weekday, "drop": drop}
