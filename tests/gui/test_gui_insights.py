"""The insights page and its charts on a sample journal whose figures are known by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QImage

from peerapp.core.journal import JournalRepository
from peerapp.gui.design import MOOD_FILL
from peerapp.gui.insights.charts import Chart
from peerapp.gui.insights.page import InsightsPage
from support.insights_sample import fill_sample


@pytest.fixture
def sample(repo: JournalRepository) -> JournalRepository:
    return fill_sample(repo)


@pytest.fixture
def page(qtbot, sample: JournalRepository) -> InsightsPage:  # type: ignore[no-untyped-def]
    widget = InsightsPage()
    qtbot.addWidget(widget)
    widget.resize(1200, 1400)
    widget.show()
    widget.range_combo.setCurrentIndex(2)  # all time: the sample is in 2024
    widget.attach(sample)
    return widget


MOOD_COLOURS = MOOD_FILL[False]  # the light palette's mood fills, which the charts draw with here


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
