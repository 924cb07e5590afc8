"""One plain sentence above each insights chart, worked out from the very figures the chart draws.

`summarise()` picks what each sentence says (which weekday, which tag, whether the latest week stood out)
and runs on the job host with the figures; `*_text()` words a choice in the interface language when
it is shown, so a language change needs no new computation. Every sentence gives its counts, says what
went together and never what caused what, and is left out when the chart has too little to go on: the
"enough data" rule of core.insights (MIN_DAYS days on each side of a comparison). The facts themselves
are defined in core.insight_facts and named here too (imported `as` themselves), beside their words.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from . import numerals
from .i18n import translate
from .insight_facts import NOTABLE as NOTABLE
from .insight_facts import AssociationFact as AssociationFact
from .insight_facts import DropFact as DropFact
from .insight_facts import EmptyFact as EmptyFact
from .insight_facts import HelpsFact as HelpsFact
from .insight_facts import Summaries as Summaries
from .insight_facts import TrendFact as TrendFact
from .insight_facts import WeekdayFact as WeekdayFact
from .insight_facts import YearFact as YearFact
from .insights import MIN_DAYS, DateRange, Period, Report
from .vocab import emotion_label, mood_label


class InsightSummary:
    """The sentences' messages: `InsightSummary.tr(text, "", n)` is how pyside6-lupdate finds a plural."""

    @staticmethod
    def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return translate("InsightSummary", text, disambiguation or None, n)


def enough(report: Report) -> bool:
    """Whether the page shows its charts: MIN_DAYS days with a mood in the range."""
    return report.overview.days_with_mood >= MIN_DAYS


def summarise(report: Report, rng: DateRange | None = None) -> Summaries:
    """Every chart's sentence for `report`, the figures worked out for range `rng` (None: all time)."""
    rng = rng or DateRange()
    if not enough(report):
        return Summaries(empty=empty_fact(report, rng))
    return Summaries(
        mood=trend_fact(report),
        weekday=weekday_fact(report),
        year=year_fact(report),
        associations=association_fact(report),
        helps=helps_fact(report),
        drop=drop_fact(report),
    )


def empty_fact(report: Report, rng: DateRange) -> EmptyFact:
    overview = report.overview
    earlier = report.first_day is not None and rng.since is not None and report.first_day < rng.since
    if earlier:
        return EmptyFact("range", overview.days_with_mood)
    if overview.days_written < MIN_DAYS:
        return EmptyFact("write", overview.days_written)
    return EmptyFact("mood", overview.days_with_mood)


def trend_fact(report: Report) -> TrendFact | None:
    points = report.points
    days = sum(p.days for p in points)
    if days < MIN_DAYS:
        return None
    # The mean of the daily means, from the points drawn (each the mean of its days).
    mean = sum(p.mean * p.days for p in points) / days
    latest = points[-1]
    if len(points) < 2 or latest.days < MIN_DAYS:
        return TrendFact(report.period, mean, days)
    return TrendFact(report.period, mean, days, latest.mean, latest.days)


def weekday_fact(report: Report) -> WeekdayFact | None:
    shown = [w for w in report.weekdays if w.mean is not None and w.days >= MIN_DAYS]
    if len(shown) < 2:
        return None
    # The earliest weekday wins a tie, so the sentence is the same on every run.
    best = max(shown, key=lambda w: (w.mean or 0.0, -w.weekday))
    worst = min(shown, key=lambda w: (w.mean or 0.0, w.weekday))
    assert best.mean is not None and worst.mean is not None
    days = sum(w.days for w in report.weekdays)
    return WeekdayFact(best.weekday, best.mean, worst.weekday, worst.mean, days)


def year_fact(report: Report) -> YearFact | None:
    if report.year is None or len(report.pixels) < MIN_DAYS:
        return None
    # Each day is coloured by its rounded mean (charts.mood_colour); the sentence counts the same colours.
    levels = Counter(max(1, min(5, round(mean))) for mean in report.pixels.values())
    ranked = levels.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return YearFact(report.year, len(report.pixels), None, 0)
    return YearFact(report.year, len(report.pixels), ranked[0][0], ranked[0][1])


def association_fact(report: Report) -> AssociationFact | None:
    rows = report.associations  # already only items with MIN_DAYS days on each side
    if not rows:
        return None
    strongest = max(rows, key=lambda a: (abs(a.difference), a.days_with))
    if abs(strongest.difference) < NOTABLE:
        return AssociationFact(len(rows))
    return AssociationFact(
        len(rows),
        strongest.item,
        strongest.kind,
        strongest.mean_with,
        strongest.mean_without,
        strongest.days_with,
        strongest.days_without,
    )


def helps_fact(report: Report) -> HelpsFact | None:
    ranked = sorted(report.helps, key=lambda s: -s.uses)
    if not ranked or ranked[0].uses < MIN_DAYS:
        return None
    if len(ranked) > 1 and ranked[1].uses == ranked[0].uses:
        return None  # "most often" would not be true of either
    return HelpsFact(ranked[0].technique, ranked[0].uses)


def drop_fact(report: Report) -> DropFact | None:
    rated = [s for s in report.helps if s.mean_drop is not None and s.rated_uses >= MIN_DAYS]
    if not rated:
        return None
    best = max(rated, key=lambda s: (s.mean_drop or 0.0, s.rated_uses))
    assert best.mean_drop is not None
    if best.mean_drop <= 0:
        return None  # no drop to speak of
    return DropFact(best.technique, best.mean_drop, best.rated_uses)


# -- the words --------------------------------------------------------------------------------------


def _number(value: float) -> str:
    return numerals.convert(f"{value:.1f}")


def _weekday(weekday: int) -> str:
    return calendar.day_name[weekday]


@dataclass(frozen=True)
class Words:
    """How numbers and names read in the interface: the GUI passes its QLocale's, the default is plain
    (one decimal and counts in numerals' current digits, English weekday names, technique keys)."""

    number: Callable[[float], str] = _number
    count: Callable[[int], str] = numerals.number
    year: Callable[[int], str] = numerals.number
    weekday: Callable[[int], str] = _weekday
    technique: Callable[[str], str] = field(default=lambda key: key)


def quoted(text: str) -> str:
    """A name from the journal or the library set apart in «», its direction kept inside."""
    return "«\u2068" + text + "\u2069»"


def _period_word(period: Period) -> str:
    """The period after "In the latest …" ("آخر أسبوع": the Arabic reads the same for each)."""
    if period == Period.YEAR:
        return InsightSummary.tr("year")
    if period == Period.MONTH:
        return InsightSummary.tr("month")
    if period == Period.DAY:
        return InsightSummary.tr("day")
    return InsightSummary.tr("week")


def trend_text(fact: TrendFact, words: Words = Words()) -> str:
    if fact.latest_mean is None:
        return InsightSummary.tr(
            "Your mood averaged %1 over the %Ln days with a mood in this range.", "", fact.days
        ).replace("%1", words.number(fact.mean))
    difference = fact.latest_mean - fact.mean
    if difference >= NOTABLE:
        text = InsightSummary.tr(
            "In the latest %1 your mood was higher than your average for this range: %2 over %Ln days, "
            "against %3.",
            "",
            fact.latest_days,
        )
    elif difference <= -NOTABLE:
        text = InsightSummary.tr(
            "In the latest %1 your mood was lower than your average for this range: %2 over %Ln days, "
            "against %3.",
            "",
            fact.latest_days,
        )
    else:
        text = InsightSummary.tr(
            "In the latest %1 your mood was about the same as your average for this range: %2 over %Ln days, "
            "against %3.",
            "",
            fact.latest_days,
        )
    return (
        text.replace("%1", _period_word(fact.period))
        .replace("%2", words.number(fact.latest_mean))
        .replace("%3", words.number(fact.mean))
    )


def weekday_text(fact: WeekdayFact, words: Words = Words()) -> str:
    if fact.alike:
        return (
            InsightSummary.tr(
                "Of %Ln days with a mood, every weekday had about the same average (%1 to %2).", "", fact.days
            )
            .replace("%1", words.number(fact.worst_mean))
            .replace("%2", words.number(fact.best_mean))
        )
    return (
        InsightSummary.tr(
            "Of %Ln days with a mood, %1 had the highest average (%2) and %3 the lowest (%4).", "", fact.days
        )
        .replace("%1", words.weekday(fact.best))
        .replace("%2", words.number(fact.best_mean))
        .replace("%3", words.weekday(fact.worst))
        .replace("%4", words.number(fact.worst_mean))
    )


def year_text(fact: YearFact, words: Words = Words()) -> str:
    if fact.common is None:
        return InsightSummary.tr("A mood was recorded on %Ln days of %1.", "", fact.days).replace(
            "%1", words.year(fact.year)
        )
    return (
        InsightSummary.tr(
            "A mood was recorded on %Ln days of %1; the most frequent was %2 (%3 of them).", "", fact.days
        )
        .replace("%1", words.year(fact.year))
        .replace("%2", quoted(mood_label(fact.common)))
        .replace("%3", words.count(fact.common_days))
    )


def association_text(fact: AssociationFact, words: Words = Words()) -> str:
    if fact.item is None:
        return InsightSummary.tr(
            "None of the %Ln items compared goes with a clear difference in mood.", "", fact.compared
        )
    higher = fact.mean_with > fact.mean_without
    if fact.kind == "tag":
        name = quoted(fact.item)
        if higher:
            text = InsightSummary.tr(
                "Your mood was higher on days tagged %1: %2 over %Ln days, against %3 on the other %4.",
                "",
                fact.days_with,
            )
        else:
            text = InsightSummary.tr(
                "Your mood was lower on days tagged %1: %2 over %Ln days, against %3 on the other %4.",
                "",
                fact.days_with,
            )
    else:
        name = quoted(emotion_label(fact.item))
        if higher:
            text = InsightSummary.tr(
                "Your mood was higher on days you noted %1: %2 over %Ln days, against %3 on the other %4.",
                "",
                fact.days_with,
            )
        else:
            text = InsightSummary.tr(
                "Your mood was lower on days you noted %1: %2 over %Ln days, against %3 on the other %4.",
                "",
                fact.days_with,
            )
    # %4 last: the name (%1) may hold anything the person typed, "%4" included.
    return (
        text.replace("%2", words.number(fact.mean_with))
        .replace("%3", words.number(fact.mean_without))
        .replace("%4", words.count(fact.days_without))
        .replace("%1", name)
    )


def helps_text(fact: HelpsFact, words: Words = Words()) -> str:
    return InsightSummary.tr(
        "%1 was the technique used most often: %Ln times in this range.", "", fact.uses
    ).replace("%1", quoted(words.technique(fact.technique)))


def drop_text(fact: DropFact, words: Words = Words()) -> str:
    return (
        InsightSummary.tr(
            "The largest average drop in distress came with %1: %2 over %Ln rated uses.", "", fact.rated_uses
        )
        .replace("%2", words.number(fact.mean_drop))
        .replace("%1", quoted(words.technique(fact.technique)))
    )


def empty_text(fact: EmptyFact, words: Words = Words()) -> str:
    """The kind line shown instead of charts; the 3 days it asks for come in the interface's digits."""
    if fact.kind == "range":
        text = InsightSummary.tr(
            "This range has a mood on %Ln days; patterns need %1. Earlier days are under «All time».",
            "",
            fact.days,
        )
    elif fact.kind == "mood":
        text = InsightSummary.tr(
            "Add a mood on %1 days to see patterns — %Ln days have one so far.", "", fact.days
        )
    else:
        text = InsightSummary.tr(
            "Write on %1 days to see patterns — you have written on %Ln days so far.", "", fact.days
        )
    return text.replace("%1", words.count(MIN_DAYS))
