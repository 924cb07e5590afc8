"""Insights: core aggregates checked against hand-computed numbers, and the insights page and charts."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QImage

from peerapp.core.insights import DateRange, Insights, Period
from peerapp.core.journal import CopingUse, Entry, JournalRepository
from peerapp.gui.insights.charts import Chart
from peerapp.gui.insights.page import InsightsPage
from peerapp.gui.journal.timeline import MOOD_COLOURS

# A zone ahead of UTC, so an entry late in the evening is still on its local day.
TZ = timezone(timedelta(hours=3))


def at(day: date, hour: int = 20) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 30, tzinfo=TZ)


def d(day: int, month: int = 1) -> date:
    return date(2024, month, day)


# Daily moods (mean of that day's entries with a mood), 2024-01-01 is a Monday:
#   Jan 1 Mon 3 (2 and 4)   Jan 2 Tue 5   Jan 3 Wed 1   Jan 4 Thu 4   Jan 5 Fri 2
#   Jan 6 Sat 5             Jan 7 Sun 3   Jan 8 Mon 4   Jan 9 Tue 2 (1 and 3)
#   Jan 10 Wed 3            Feb 5 Mon 5
# 11 days, sum 37.
@pytest.fixture
def sample(repo: JournalRepository) -> JournalRepository:
    entries = [
        Entry(
            at(d(1), 8),
            2,
            ["anxious"],
            ["work"],
            [CopingUse("box-breathing", 8, 4, 4)],
        ),
        Entry(at(d(1), 23), 4),
        Entry(at(d(2)), 5, ["calm"], ["friends"]),
        Entry(
            at(d(3)),
            1,
            ["anxious"],
            ["work"],
            [CopingUse("box-breathing", 6, 5), CopingUse("grounding-5-4-3-2-1", 7, None, 2)],
        ),
        Entry(at(d(4)), 4, ["calm"], ["friends"]),
        Entry(at(d(5)), 2, ["anxious"], ["work"], [CopingUse("box-breathing", None, None, 5)]),
        Entry(at(d(6)), 5, ["calm"], ["friends", "rare"]),
        Entry(at(d(7)), 3, [], ["rare"]),
        Entry(at(d(8)), 4),
        # No mood: the day still "has" the tag; its mood comes from the other entry.
        Entry(at(d(8), 9), None, [], ["work"]),
        Entry(at(d(9), 7), 1),
        Entry(at(d(9)), 3),
        Entry(at(d(10)), 3),
        Entry(at(d(5, 2)), 5),
    ]
    repo.add_many(entries)
    # Trashed entries must change nothing: they would add a day, a third "rare" day and a big drop.
    trashed = [
        Entry(at(d(11)), 5, ["anxious"], ["work"], [CopingUse("box-breathing", 10, 0, 5)]),
        Entry(at(d(2), 9), 1, [], ["rare"]),
    ]
    repo.add_many(trashed)
    for entry in trashed:
        assert entry.id is not None
        repo.delete(entry.id)
    return repo


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


@pytest.fixture
def page(qtbot, sample: JournalRepository) -> InsightsPage:  # type: ignore[no-untyped-def]
    widget = InsightsPage()
    qtbot.addWidget(widget)
    widget.resize(1200, 1400)
    widget.show()
    widget.range_combo.setCurrentIndex(2)  # all time: the sample is in 2024
    widget.attach(sample)
    return widget


def colour_pixels(image: QImage, colour: str) -> list[tuple[int, int]]:
    target = QColor(colour).rgb()
    return [
        (x, y)
        for y in range(0, image.height(), 1)
        for x in range(image.width())
        if image.pixel(x, y) == target
    ]


def start_side_mean_x(chart: Chart) -> float:
    """Mean x of the mood-coloured pixels in the chart's first drawn row of day cells."""
    image = chart.grab().toImage()
    hits = [p for c in MOOD_COLOURS.values() for p in colour_pixels(image, c)]
    assert hits, "no mood colour drawn"
    first_row = min(y for _x, y in hits) + 2
    xs = [x for x, y in hits if y == first_row]
    return sum(xs) / len(xs) / image.width()


def test_page_shows_data_after_attach(page: InsightsPage) -> None:
    assert page.scroll_area.isVisibleTo(page) and not page.empty_label.isVisibleTo(page)
    assert page.assoc_table.rowCount() == 4
    items = {page.assoc_table.item(r, 0).text() for r in range(4)}
    assert items == {"work", "friends", "anxious", "calm"}
    assert page.helps_table.rowCount() == 2
    titles = {page.helps_table.item(r, 0).text() for r in range(2)}
    assert titles == {"Box breathing", "5-4-3-2-1 grounding"}
    assert len(page.mood_chart.points) == 3  # weeks
    page.period_combo.setCurrentIndex(1)  # months
    assert len(page.mood_chart.points) == 2
    assert page.year_combo.currentData() == 2024 and len(page.year_chart.days) == 11
    for chart in page.export_buttons:
        assert chart.accessibleName()


def test_empty_state_and_clear(page: InsightsPage) -> None:
    page.range_combo.setCurrentIndex(0)  # last 3 months: nothing from 2024
    assert page.empty_label.isVisibleTo(page) and not page.scroll_area.isVisibleTo(page)
    page.range_combo.setCurrentIndex(2)
    assert page.assoc_table.rowCount() == 4
    page.clear()
    assert page.repo is None
    assert page.assoc_table.rowCount() == 0 and page.helps_table.rowCount() == 0
    assert page.mood_chart.points == [] and page.year_chart.days == {}
    assert page.empty_label.isVisibleTo(page)


def test_charts_paint_and_mirror(page: InsightsPage) -> None:
    for chart in (page.mood_chart, page.weekday_chart, page.year_chart, page.drop_chart):
        image = chart.grab().toImage()
        assert any(colour_pixels(image, c) for c in MOOD_COLOURS.values()) or chart is page.drop_chart
        assert len({image.pixel(x, image.height() // 2) for x in range(image.width())}) > 1
    ltr = start_side_mean_x(page.year_chart)
    # The newest week (mean 5, blue) is at the end of the time axis.
    blue = colour_pixels(page.mood_chart.grab().toImage(), MOOD_COLOURS[5])
    assert blue and sum(x for x, _ in blue) / len(blue) > page.mood_chart.width() / 2
    page.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    assert page.year_chart.layoutDirection() == Qt.LayoutDirection.RightToLeft
    rtl = start_side_mean_x(page.year_chart)
    assert ltr < 0.5 < rtl
    blue = colour_pixels(page.mood_chart.grab().toImage(), MOOD_COLOURS[5])
    assert blue and sum(x for x, _ in blue) / len(blue) < page.mood_chart.width() / 2


def test_export_png(page: InsightsPage, tmp_path: Path) -> None:
    for i, chart in enumerate((page.mood_chart, page.weekday_chart, page.year_chart, page.drop_chart)):
        path = tmp_path / f"chart{i}.png"
        assert chart.export_png(path)
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        image = QImage(str(path))
        assert not image.isNull() and image.width() > 100


def test_numbers_follow_the_locale(page: InsightsPage) -> None:
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
        page.retranslate_ui()
        texts = [page.assoc_table.item(r, c).text() for r in range(4) for c in (2, 4)]
        assert all(any("\u0660" <= ch <= "\u0669" for ch in t) for t in texts), texts
    finally:
        QLocale.setDefault(before)
        page.retranslate_ui()
