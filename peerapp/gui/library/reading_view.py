"""One article to read: a comfortable measure, clear headings, its category chip and reading time, and
a prominent "Try it now" for techniques that have an interactive tool."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import (
    QFont,
    QFontInfo,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextLayout,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from .. import design
from ..common import text_direction
from ..widgets.safe_browser import SafeBrowser
from .cards import category_fill, chip_size, paint_chip

# Characters per line of the article's text column. 45 to 75 is the range typographers hold
# comfortable for a single column, 66 its usual ideal (Bringhurst, The Elements of Typographic Style,
# 2.1.2); measured on the article's own text, so Arabic and Latin get the same measure.
MEASURE_CHARS = 66
# Distance from one line to the next, in multiples of the font size: 1.5 to 1.6 is the usual comfortable
# leading for body text on screen (WCAG 2.1, 1.4.12 asks that 1.5 must not break a page). Arabic
# letters reach higher and lower (alif and lam above, ra and waw below, dots and vowel marks on
# both sides), so Arabic text gets more room.
LEADING = {"en": 1.6, "ar": 1.9}


def _size_css(font: QFont) -> str:
    """A design.font() size as CSS for the article document (points, or pixels when set in pixels)."""
    if font.pointSizeF() > 0:
        return f"{font.pointSizeF():.1f}pt"
    return f"{font.pixelSize()}px"


_HEADING = re.compile(r"<(/?)h([1-6])(\s[^>]*)?>")


def headings_as_classes(html: str) -> str:
    """<h2> as <p class="h2">: Qt sizes real headings by its own steps whatever the style sheet says,
    and the type scale must decide them."""
    return _HEADING.sub(
        lambda m: "</p>" if m.group(1) else f"<p class='h{m.group(2)}'{m.group(3) or ''}>", html
    )


class CategoryChip(QWidget):
    """A category's name on its colour, as the article list's cards show it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = ""
        self.text = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_category(self, category: str, text: str) -> None:
        self.category, self.text = category, text
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()

    def _font(self) -> QFont:
        return design.font("caption", self.font())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return chip_size(QFontMetrics(self._font()), self.text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        size = self.sizeHint()
        rect = self.rect()
        rect.setSize(size.boundedTo(rect.size()))
        rect.moveCenter(self.rect().center())
        paint_chip(painter, rect, self.text, category_fill(self.category), self._font())
        painter.end()


class ArticleView(QWidget):
    """The reading pane: a header (chip, reading time, Try it now) over the article in a safe browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        self._char_width = 0.0
        self.chip = CategoryChip()
        self.minutes = QLabel()
        self.tool_button = QPushButton()
        self.tool_button.setProperty("role", "primary")  # the accent button of theme.style_sheet
        self.browser = SafeBrowser()
        self.browser.setFrameShape(SafeBrowser.Shape.NoFrame)
        self.header = QWidget()
        # The header is part of the page: it wears the reading pane's paper colour, not the window's.
        self.header.setBackgroundRole(QPalette.ColorRole.Base)
        self.header.setAutoFillBackground(True)
        row = QHBoxLayout(self.header)
        row.setSpacing(design.SPACE["s"])
        row.addWidget(self.chip)
        row.addWidget(self.minutes)
        row.addStretch()
        row.addWidget(self.tool_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.browser, 1)
        self.minutes.setProperty("role", "caption")
        # The column is measured on the viewport, which narrows when the scroll bar appears.
        self.browser.viewport().installEventFilter(self)

    def line_height(self, sample: str) -> int:
        """The CSS line height (a percentage of the font's own line) that gives the language's LEADING.

        Qt's percentage multiplies the line spacing of the fonts the text is set in, and an Arabic
        font's is already far taller than a Latin one's, so the share is measured on the text itself.
        """
        font = self.browser.font()
        layout = QTextLayout(sample[:200], font)
        layout.beginLayout()
        line = layout.createLine()
        natural = QFontMetricsF(font).lineSpacing()
        if line.isValid():
            line.setLineWidth(100_000.0)  # one line: its height is what the fonts of this text need
            natural = max(natural, line.height())
        layout.endLayout()
        size = QFontInfo(font).pixelSize()
        target = size * LEADING.get(self.lang, LEADING["en"])
        return max(100, round(100 * target / natural)) if natural > 0 else 100

    def style_sheet(self, sample: str) -> str:
        """Headings from the type scale, and the line height of the article's language."""
        base = self.browser.font()
        height = self.line_height(sample)
        gap = design.SPACE["l"]
        return (
            f"p, li {{ line-height: {height}%; margin-bottom: {gap}px; }}\n"
            f"ul, ol {{ margin-bottom: {gap}px; }}\n"
            f"p.h1 {{ font-size: {_size_css(design.font('title', base))}; font-weight: 700; line-height: 120%;"
            f" margin-top: 0px; margin-bottom: {design.SPACE['l']}px; }}\n"
            f"p.h2, p.h3, p.h4 {{ font-size: {_size_css(design.font('subtitle', base))}; font-weight: 600;"
            f" line-height: 120%; margin-top: {design.SPACE['xl']}px; margin-bottom: {design.SPACE['s']}px; }}\n"
        )

    def show_article(self, html: str, lang: str, sample: str) -> None:
        """Show `html` (already escaped) in `lang`; `sample`, its plain text, measures the column."""
        self.lang = lang
        font = self.browser.font()
        sample = " ".join(sample.split())[:400] or "x"
        self._char_width = QFontMetricsF(font).horizontalAdvance(sample) / len(sample)
        document = self.browser.document()
        document.setDefaultStyleSheet(self.style_sheet(sample))
        self.browser.setHtml(headings_as_classes(html))
        self.browser.setLayoutDirection(text_direction(sample))
        self.apply_measure()

    def clear_article(self) -> None:
        self.browser.setHtml("")

    def column_width(self) -> int:
        """The text column: MEASURE_CHARS of the article's own characters, or the pane if narrower."""
        return round(self._char_width * MEASURE_CHARS) if self._char_width else 0

    def apply_measure(self) -> None:
        """Centre a column of about MEASURE_CHARS characters, with the header lined up over it."""
        width = self.browser.viewport().width()
        least = design.SPACE["l"]
        column = self.column_width()
        side = max(least, (width - column) // 2) if column else least
        frame = self.browser.document().rootFrame()
        form = frame.frameFormat()
        if (form.leftMargin(), form.rightMargin()) != (side, side):
            form.setLeftMargin(side)
            form.setRightMargin(side)
            form.setTopMargin(design.SPACE["m"])
            form.setBottomMargin(design.SPACE["xl"])
            frame.setFrameFormat(form)
        # The document margin (4px by default) sits inside the frame's margin; the scroll bar is on
        # the trailing side in both directions.
        inset = side + round(self.browser.document().documentMargin())
        bar = self.browser.width() - width
        layout = self.header.layout()
        if layout is not None:
            layout.setContentsMargins(inset, design.SPACE["s"], inset + bar, design.SPACE["xs"])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.browser.viewport() and event.type() == QEvent.Type.Resize:
            self.apply_measure()
        return False
