"""Insights: core aggregates checked against hand-computed numbers (the sample in support.insights_sample)."""

from __future__ import annotations

import itertools

import pytest

from peerapp.core.insights import DateRange, Insights, Period
from peerapp.core.journal import JournalRepository
from support.insights_sample import d, fill_sample


@pytest.fixture
def sample(repo: JournalRepository) -> JournalRepository:
    return fill_sample(repo)


def close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) < 1e-9


def test_overview_and_trash_excluded(sample: JournalRepository) -> None:
    ov = Insights.of(sample).overview()
    assert ov.entries == 14
    assert ov.days_with_mood == 11
    assert (ov.first_day, ov.last_day) == (d(1), d(5, 2))


def test_weekday_means(sample: JournalRepository) -> None:
    days = Insights.of(sample).by_weekday()
    assert [w.weekday for w in days] == list(range(7))
    expected = [(4.0, 3), (3.5, 2), (2.0, 2), (4.0, 1), (2.0, 1), (5.0, 1), (3.0, 1)]
    for w, (mean, count) in zip(days, expected, strict=True):
        assert close(w.mean, mean), w
        assert w.days == count


def test_weekly_monthly_yearly_and_moving_average(sample: JournalRepository) -> None:
    insights = Insights.of(sample)
    weeks = insights.mood_over_time(Period.WEEK)
    assert [p.start for p in weeks] == [d(1), d(8), d(5, 2)]
    assert close(weeks[0].mean, 23 / 7) and weeks[0].days == 7 and weeks[0].entries == 8
    assert close(weeks[1].mean, 3.0) and weeks[1].days == 3 and weeks[1].entries == 4
    assert close(weeks[2].mean, 5.0)
    assert close(weeks[0].moving_average, 23 / 7)
    assert close(weeks[1].moving_average, (23 / 7 + 3) / 2)
    assert close(weeks[2].moving_average, (23 / 7 + 3 + 5) / 3)

    months = insights.mood_over_time(Period.MONTH)
    assert [(p.start, p.days) for p in months] == [(d(1), 10), (d(1, 2), 1)]
    assert close(months[0].mean, 3.2) and close(months[1].mean, 5.0)

    years = insights.mood_over_time(Period.YEAR)
    assert len(years) == 1 and years[0].start == d(1) and close(years[0].mean, 37 / 11)

    daily = insights.mood_over_time(Period.DAY, window=3)
    assert [p.mean for p in daily[:4]] == [3.0, 5.0, 1.0, 4.0]
    assert close(daily[2].moving_average, 3.0)
    assert close(daily[3].moving_average, 10 / 3)


def test_associations_and_three_day_rule(sample: JournalRepository) -> None:
    found = Insights.of(sample).associations()
    rows = {(a.kind, a.item): a for a in found}
    assert set(rows) == {("tag", "work"), ("tag", "friends"), ("emotion", "anxious"), ("emotion", "calm")}
    # "rare" is on only 2 days (the trashed third one does not count): not shown.
    work = rows[("tag", "work")]
    assert (work.days_with, work.days_without) == (4, 7)
    assert close(work.mean_with, 2.5) and close(work.mean_without, 27 / 7)
    friends = rows[("tag", "friends")]
    assert (friends.days_with, friends.days_without) == (3, 8)
    assert close(friends.mean_with, 14 / 3) and close(friends.mean_without, 23 / 8)
    anxious = rows[("emotion", "anxious")]
    assert close(anxious.mean_with, 2.0) and close(anxious.mean_without, 31 / 8)
    # Best days first.
    assert [(a.kind, a.item) for a in found] == [
        ("emotion", "calm"),
        ("tag", "friends"),
        ("tag", "work"),
        ("emotion", "anxious"),
    ]
    assert all(x.difference >= y.difference for x, y in itertools.pairwise(found))
    # With a lower threshold the two-day tag appears.
    assert any(a.item == "rare" for a in Insights.of(sample).associations(min_days=2))


def test_what_helps(sample: JournalRepository) -> None:
    stats = {s.technique: s for s in Insights.of(sample).what_helps()}
    box = stats["box-breathing"]
    assert box.uses == 3 and box.rated_uses == 2
    assert close(box.mean_drop, 2.5)
    assert close(box.mean_helpfulness, 4.5) and box.helpfulness_uses == 2
    grounding = stats["grounding-5-4-3-2-1"]
    assert grounding.uses == 1 and grounding.mean_drop is None and grounding.rated_uses == 0
    assert close(grounding.mean_helpfulness, 2.0)
    assert [s.technique for s in Insights.of(sample).what_helps()] == ["box-breathing", "grounding-5-4-3-2-1"]


def test_date_range(sample: JournalRepository) -> None:
    insights = Insights.of(sample)
    rng = DateRange(since=d(3), until=d(7))
    assert insights.overview(rng).days_with_mood == 5
    assert insights.daily_moods(rng) == {d(3): 1.0, d(4): 4.0, d(5): 2.0, d(6): 5.0, d(7): 3.0}
    wed = insights.by_weekday(rng)[2]
    assert close(wed.mean, 1.0) and wed.days == 1
    assert insights.by_weekday(rng)[0].mean is None
    box = {s.technique: s for s in insights.what_helps(rng)}["box-breathing"]
    assert box.uses == 2 and box.rated_uses == 1 and close(box.mean_drop, 1.0)
    # 5 days cannot give 3 with and 3 without.
    assert insights.associations(rng) == []
    assert [p.start for p in insights.mood_over_time(Period.WEEK, DateRange(since=d(8)))] == [d(8), d(5, 2)]


def test_year_in_pixels(sample: JournalRepository) -> None:
    insights = Insights.of(sample)
    pixels = insights.year_in_pixels(2024)
    assert len(pixels) == 11 and pixels[d(1)] == 3.0 and pixels[d(9)] == 2.0 and pixels[d(5, 2)] == 5.0
    assert insights.year_in_pixels(2023) == {}
    assert insights.year_in_pixels(2024, DateRange(until=d(2))) == {d(1): 3.0, d(2): 5.0}
    assert insights.years() == [2024]


# -- GUI ------------------------------------------------------------------------------------------
