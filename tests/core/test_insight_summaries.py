"""Each insights chart's sentence: the numbers the chart draws, counts given, nothing below the 3-day rule,
no causal wording, and Arabic's six plural forms."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from peerapp.core import catalog, i18n, numerals
from peerapp.core import insight_summaries as says
from peerapp.core.insight_summaries import EmptyFact, Summaries, summarise
from peerapp.core.insights import MIN_DAYS, DateRange, Insights, Period, Report
from peerapp.core.journal import CopingUse, Entry, JournalRepository
from support.insights_sample import at, d, fill_sample


@pytest.fixture(autouse=True)
def plain_words() -> Iterator[None]:
    """English source text and Western digits, whatever another test left behind."""
    i18n.set_translator(None)
    numerals.set_system(numerals.WESTERN)
    yield
    i18n.set_translator(None)
    numerals.set_system(numerals.WESTERN)


@pytest.fixture
def sample(repo: JournalRepository) -> JournalRepository:
    return fill_sample(repo)


def figures(repo: JournalRepository, period: Period = Period.WEEK, rng: DateRange | None = None) -> Report:
    return Insights(repo.conn).report(period, rng or DateRange())


def everything(found: Summaries) -> list[str]:
    """Every sentence said, in the page's order."""
    texts = [
        None if found.mood is None else says.trend_text(found.mood),
        None if found.weekday is None else says.weekday_text(found.weekday),
        None if found.year is None else says.year_text(found.year),
        None if found.associations is None else says.association_text(found.associations),
        None if found.helps is None else says.helps_text(found.helps),
        None if found.drop is None else says.drop_text(found.drop),
    ]
    return [t for t in texts if t is not None]


def test_the_sample_says_what_its_charts_draw(sample: JournalRepository) -> None:
    report = figures(sample)
    found = summarise(report)
    assert found.empty is None
    # Mood over time: the latest week has one day, too few to compare, so the range's mean of the points
    # drawn: 11 days summing to 37.
    drawn_days = sum(p.days for p in report.points)
    drawn_mean = sum(p.mean * p.days for p in report.points) / drawn_days
    assert found.mood is not None and found.mood.latest_mean is None
    assert found.mood.days == drawn_days == 11
    assert found.mood.mean == pytest.approx(drawn_mean) and drawn_mean == pytest.approx(37 / 11)
    assert says.trend_text(found.mood) == "Your mood averaged 3.4 over the 11 days with a mood in this range."
    # Weekdays: only Monday has 3 days, one weekday is no comparison.
    assert found.weekday is None
    # Year: 11 days; as many rounded to Okay as to Very good, so no "most frequent".
    assert found.year == says.YearFact(2024, 11, None, 0)
    assert says.year_text(found.year) == "A mood was recorded on 11 days of 2024."
    # What goes with better and worse days: the table's row with the largest difference, its counts.
    strongest = max(report.associations, key=lambda a: abs(a.difference))
    fact = found.associations
    assert fact is not None and fact.item == strongest.item
    assert (fact.mean_with, fact.mean_without, fact.days_with, fact.days_without) == (
        strongest.mean_with,
        strongest.mean_without,
        strongest.days_with,
        strongest.days_without,
    )
    text = says.association_text(fact)
    assert f"{strongest.mean_with:.1f} over {strongest.days_with} days" in text
    assert f"against {strongest.mean_without:.1f} on the other {strongest.days_without}" in text
    # What helps: box breathing three times, grounding once.
    assert found.helps == says.HelpsFact("box-breathing", 3)
    assert (
        says.helps_text(found.helps)
        == "«\u2068box-breathing\u2069» was the technique used most often: 3 times in this range."
    )
    # Drop in distress: box breathing has two rated uses, fewer than 3.
    assert found.drop is None


def test_a_clear_difference_is_worded_higher_or_lower_and_never_as_a_cause(repo: JournalRepository) -> None:
    monday = date(2025, 3, 3)
    entries = []
    for week, moods in enumerate(([2, 2, 2, 2], [4, 4, 4, 5, 5])):
        for day, mood in enumerate(moods):
            tags = ["friends"] if mood >= 4 else ["work"]
            coping = [CopingUse("box-breathing", 8, 8 - mood, 3)]
            entries.append(Entry(at(monday + timedelta(weeks=week, days=day)), mood, [], tags, coping))
    repo.add_many(entries)
    found = summarise(figures(repo))
    assert found.mood is not None
    assert found.mood.latest_mean == pytest.approx(4.4) and found.mood.latest_days == 5
    assert says.trend_text(found.mood) == (
        "In the latest week your mood was higher than your average for this range: 4.4 over 5 days, against 3.3."
    )
    fact = found.associations
    assert fact is not None and (fact.compared, fact.item, fact.kind) == (2, "friends", "tag")
    assert (round(fact.mean_with, 6), fact.mean_without, fact.days_with, fact.days_without) == (
        4.4,
        2.0,
        5,
        4,
    )
    assert says.association_text(fact) == (
        "Your mood was higher on days tagged «\u2068friends\u2069»: 4.4 over 5 days, against 2.0 on the other 4."
    )
    assert found.drop is not None and (found.drop.technique, found.drop.rated_uses) == ("box-breathing", 9)
    assert found.drop.mean_drop == pytest.approx(30 / 9)
    assert says.drop_text(found.drop).endswith(": 3.3 over 9 rated uses.")
    texts = everything(found)
    assert len(texts) == 5  # Monday, the only weekday with two days, is no comparison
    for text in texts:
        lowered = text.lower()
        assert not any(word in lowered for word in ("cause", "because", "made you", "led to", "disorder"))


def test_nothing_is_said_below_the_three_day_rule(sample: JournalRepository) -> None:
    # From 8 January: 4 days with a mood, too few to compare tags (3 each side) or weekdays, no technique.
    found = summarise(figures(sample, rng=DateRange(since=d(8))), DateRange(since=d(8)))
    assert found.empty is None and found.mood is not None
    assert (found.weekday, found.associations, found.helps, found.drop) == (None, None, None, None)
    # From 10 January: 2 days, the page shows no chart; earlier days exist, so "All time" is what helps.
    rng = DateRange(since=d(10))
    found = summarise(figures(sample, rng=rng), rng)
    assert found == Summaries(empty=EmptyFact("range", 2))
    assert found.empty is not None
    assert says.empty_text(found.empty) == (
        "This range has a mood on 2 days; patterns need 3. Earlier days are under «All time»."
    )


def test_a_new_journal_is_asked_to_write_on_three_days(repo: JournalRepository) -> None:
    assert summarise(figures(repo)).empty == EmptyFact("write", 0)
    repo.add_many([Entry(at(d(1)), 4), Entry(at(d(2)), None)])
    found = summarise(figures(repo))
    assert found.empty == EmptyFact("write", 2)
    assert says.empty_text(EmptyFact("write", 2)) == (
        "Write on 3 days to see patterns — you have written on 2 days so far."
    )
    # A third day without a mood: written on enough days, but moods on only one.
    repo.add(Entry(at(d(3)), None))
    assert summarise(figures(repo)).empty == EmptyFact("mood", 1)
    repo.add(Entry(at(d(4)), 3))
    repo.add(Entry(at(d(5)), 3))
    assert summarise(figures(repo)).empty is None
    assert MIN_DAYS == 3


# Each count's Arabic form: zero, one, two, few (3-10), many (11-99), other (100+).
ARABIC_COUNTS = (0, 1, 2, 3, 11, 100)


def test_arabic_has_six_forms_for_each_count() -> None:
    catalog.install("ar", numerals.ARABIC_INDIC)
    seen = {n: says.empty_text(EmptyFact("write", n)) for n in ARABIC_COUNTS}
    assert seen == {
        0: "تظهر الأنماط بعد الكتابة في ٣ أيام، ولا كتابة بعد.",
        1: "تظهر الأنماط بعد الكتابة في ٣ أيام، وقد كتبت حتى الآن في يوم واحد.",
        2: "تظهر الأنماط بعد الكتابة في ٣ أيام، وقد كتبت حتى الآن في يومين.",
        3: "تظهر الأنماط بعد الكتابة في ٣ أيام، وقد كتبت حتى الآن في ٣ أيام.",
        11: "تظهر الأنماط بعد الكتابة في ٣ أيام، وقد كتبت حتى الآن في ١١ يومًا.",
        100: "تظهر الأنماط بعد الكتابة في ٣ أيام، وقد كتبت حتى الآن في ١٠٠ يوم.",
    }
    helps = {n: says.helps_text(says.HelpsFact("box-breathing", n)) for n in ARABIC_COUNTS}
    assert [helps[n].split(": ")[1] for n in ARABIC_COUNTS] == [
        "٠ مرة في هذه المدة.",
        "مرة واحدة في هذه المدة.",
        "مرتين في هذه المدة.",
        "٣ مرات في هذه المدة.",
        "١١ مرةً في هذه المدة.",
        "١٠٠ مرة في هذه المدة.",
    ]
    # Every sentence with a count has a form of its own for each of the six (none falls back to English).
    arabic_days = says.Words(weekday=lambda w: ("الاثنين", "الثلاثاء", "الأربعاء")[w])
    facts = [
        lambda n: says.trend_text(says.TrendFact(Period.WEEK, 3.0, n)),
        lambda n: says.trend_text(says.TrendFact(Period.MONTH, 3.0, 40, 4.0, n)),
        lambda n: says.trend_text(says.TrendFact(Period.YEAR, 3.0, 40, 2.0, n)),
        lambda n: says.trend_text(says.TrendFact(Period.WEEK, 3.0, 40, 3.1, n)),
        lambda n: says.weekday_text(says.WeekdayFact(0, 4.0, 2, 2.0, n), arabic_days),
        lambda n: says.weekday_text(says.WeekdayFact(0, 3.1, 2, 3.0, n), arabic_days),
        lambda n: says.year_text(says.YearFact(2024, n, None, 0)),
        lambda n: says.year_text(says.YearFact(2024, n, 4, 2)),
        lambda n: says.association_text(says.AssociationFact(n)),
        lambda n: says.association_text(says.AssociationFact(4, "friends", "tag", 4.0, 3.0, n, 5)),
        lambda n: says.association_text(says.AssociationFact(4, "friends", "tag", 2.0, 3.0, n, 5)),
        lambda n: says.association_text(says.AssociationFact(4, "calm", "emotion", 4.0, 3.0, n, 5)),
        lambda n: says.association_text(says.AssociationFact(4, "calm", "emotion", 2.0, 3.0, n, 5)),
        lambda n: says.drop_text(says.DropFact("box-breathing", 2.5, n)),
        lambda n: says.empty_text(EmptyFact("mood", n)),
        lambda n: says.empty_text(EmptyFact("range", n)),
    ]
    for fact in facts:
        texts = [fact(n) for n in ARABIC_COUNTS]
        assert len(set(texts)) == 6, texts
        for text in texts:
            assert not any(
                "a" <= ch.lower() <= "z" for ch in text.replace("box-breathing", "").replace("friends", "")
            ), text
            assert numerals.digit_systems(text) <= {numerals.ARABIC_INDIC}, text


def test_a_name_from_the_journal_stays_as_typed(sample: JournalRepository) -> None:
    fact = says.AssociationFact(4, "%4 and %2", "tag", 4.0, 3.0, 5, 6)
    assert "«\u2068%4 and %2\u2069»" in says.association_text(fact)
