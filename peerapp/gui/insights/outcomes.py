"""The insights card for the three outcomes: coping confidence, belonging and resilience over time.

Per outcome: its recent results as a small line (time runs in the interface's direction), the last one
"of 5" and how many checks it comes from. Below: what went with change between checks, only with enough
changes and always with the counts; after two low results in a row, a kind note with the library's
articles on it and the safety plan. A button takes a check; a choice sets the rhythm (off, weekly,
monthly), and a line says when one is due. Nothing here is a diagnosis, and the card says so.
"""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ...core import self_checks
from ...core.db import Connection
from ...core.i18n import translate  # instrument names are QT_TRANSLATE_NOOP-marked in core.self_checks
from ...core.library import get_article
from ...core.self_checks import CONTEXT, INSTRUMENTS, Pattern, SelfCheck
from .. import design
from ..widgets import locale_format
from .chart_box import Card
from .self_check_dialog import SelfCheckDialog
from .tables import technique_titles

SHOWN = 12  # the most recent results drawn per outcome


class Sparkline(QWidget):
    """A few results (1 to 5) as a line with dots, oldest at the start side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[float] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(96)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(200, design.SPACE["xxl"] + design.SPACE["s"])

    def set_values(self, values: list[float]) -> None:
        self.values = values[-SHOWN:]
        self.update()

    def points(self) -> list[QPointF]:
        """Where each value is drawn; mirrored right to left."""
        pad = design.SPACE["xs"] + 2
        box = QRectF(self.rect()).adjusted(pad, pad, -pad, -pad)
        count = len(self.values)
        step = box.width() / max(1, count - 1)
        found = []
        for i, value in enumerate(self.values):
            x = box.left() + (i * step if count > 1 else box.width() / 2)
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                x = box.left() + box.right() - x
            found.append(QPointF(x, box.bottom() - (value - 1) / 4 * box.height()))
        return found

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if not self.values:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.palette().windowText().color()
        guide = ink.lighter(100)
        guide.setAlpha(50)
        painter.setPen(QPen(guide, 1, Qt.PenStyle.DashLine))
        middle = self.height() / 2
        painter.drawLine(QPointF(0, middle), QPointF(self.width(), middle))  # the scale's middle (3)
        points = self.points()
        painter.setPen(QPen(design.surface("accent"), 2))
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)
        painter.setBrush(design.surface("accent"))
        for p in points:
            painter.drawEllipse(p, 3, 3)
        painter.end()


class OutcomesCard(Card):
    """Self-check results beside the mood figures; `load(conn)` reads them (a few hundred rows at most)."""

    article_requested = Signal(str)
    safety_plan_requested = Signal()
    checked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        self.rows = QWidget()
        super().__init__(self.rows, parent)
        self.conn: Connection | None = None
        self.checks: list[SelfCheck] = []
        self.patterns: list[Pattern] = []
        self.every = "off"
        self.is_due = False
        self.article_buttons: list[QPushButton] = []  # the kind pointer's library articles, when shown
        self.plan_button: QPushButton | None = None
        grid = QGridLayout(self.rows)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(design.SPACE["m"])
        self.names: dict[str, QLabel] = {}
        self.lines: dict[str, Sparkline] = {}
        self.values: dict[str, QLabel] = {}
        for row, key in enumerate(INSTRUMENTS):
            self.names[key], self.lines[key], self.values[key] = QLabel(), Sparkline(), QLabel()
            self.values[key].setProperty("role", "muted")
            grid.addWidget(self.names[key], row, 0)
            grid.addWidget(self.lines[key], row, 1)
            grid.addWidget(self.values[key], row, 2)
        grid.setColumnStretch(1, 1)
        self.layout_.addWidget(self.rows)

        self.patterns_label = QLabel()
        self.patterns_label.setWordWrap(True)
        self.low_label = QLabel()
        self.low_label.setWordWrap(True)
        self.low_buttons = QHBoxLayout()
        self.low_buttons.setSpacing(design.SPACE["s"])
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setProperty("role", "caption")
        for widget in (self.patterns_label, self.low_label):
            self.layout_.addWidget(widget)
        self.layout_.addLayout(self.low_buttons)
        self.layout_.addWidget(self.due_label)

        self.take_button = QPushButton()
        self.take_menu = QMenu(self.take_button)
        self.take_actions = {key: self.take_menu.addAction("") for key in INSTRUMENTS}
        for key, action in self.take_actions.items():
            action.triggered.connect(lambda _c=False, k=key: self.take(k))
        self.take_button.setMenu(self.take_menu)
        self.rhythm_label = QLabel()
        self.rhythm = QComboBox()
        self.rhythm_label.setBuddy(self.rhythm)
        for _key in self_checks.EVERY:
            self.rhythm.addItem("", _key)
        self.rhythm.activated.connect(self._rhythm_chosen)
        bottom = QHBoxLayout()
        bottom.addWidget(self.take_button)
        bottom.addStretch()
        bottom.addWidget(self.rhythm_label)
        bottom.addWidget(self.rhythm)
        self.layout_.addLayout(bottom)
        self.layout_.addWidget(self.note)
        self.retranslate_ui()

    # -- data ------------------------------------------------------------------------------

    def load(self, conn: Connection | None) -> None:
        self.conn = conn
        # Everything shown is read here, once; showing and re-translating never touch the vault, which a
        # lock may have closed meanwhile.
        self.checks = [] if conn is None else self_checks.history(conn)
        self.patterns = [] if conn is None else self_checks.patterns(conn, self.checks)
        self.every = "off" if conn is None else self_checks.every(conn)
        self.is_due = conn is not None and self_checks.due(conn, date.today())
        self.setVisible(conn is not None)
        self._show()

    def take(self, instrument_id: str) -> SelfCheckDialog | None:
        """Open one check over the window; its result shows at once when saved."""
        if self.conn is None:
            return None
        dialog = SelfCheckDialog(self.conn, instrument_id, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self) -> None:
        self.load(self.conn)
        self.checked.emit()

    def _rhythm_chosen(self, index: int) -> None:
        if self.conn is not None:
            self_checks.set_every(self.conn, str(self.rhythm.itemData(index)))
            self.load(self.conn)

    # -- what is shown ---------------------------------------------------------------------

    def _show(self) -> None:
        for key, found in INSTRUMENTS.items():
            mine = [c for c in self.checks if c.instrument == key]
            self.lines[key].set_values([c.score for c in mine])
            if mine:
                text = self.tr("%1 of 5 · %n check(s)", "", len(mine)).replace(
                    "%1", locale_format.number(round(mine[-1].score, 1))
                )
            else:
                text = self.tr("No check yet")
            self.values[key].setText(text)
            self.lines[key].setAccessibleName(
                translate(CONTEXT, found.name)
                + ": "
                + ", ".join(locale_format.number(round(c.score, 1)) for c in mine[-SHOWN:])
            )
        self.set_summary(self._summary())
        titles = technique_titles() if self.patterns else {}
        self.patterns_label.setText("\n".join(self._pattern_text(p, titles) for p in self.patterns[:3]))
        self.patterns_label.setVisible(bool(self.patterns))
        self._show_low()
        every = self.every
        self.rhythm.setCurrentIndex(max(0, self.rhythm.findData(every)))
        is_due = self.is_due
        self.due_label.setText(self.tr("A self-check is due. It takes about a minute.") if is_due else "")
        self.due_label.setVisible(is_due)

    def _summary(self) -> str:
        if not self.checks:
            return self.tr(
                "Short check-ins on how you cope, how connected you feel and how you bounce back. "
                "Take one whenever you like; your results stay in your journal."
            )
        return self.tr(
            "%n self-check(s) so far. Higher means more of each; 3 is the middle.", "", len(self.checks)
        )

    def _pattern_text(self, p: Pattern, titles: dict[str, str]) -> str:
        what = self.tr("posting in a group") if p.what == "groups" else titles.get(p.what, p.what)
        text = self.tr(
            "After periods with %1, your next result changed by %2 on average (%3 times); without it, by %4 "
            "(%5 times). This shows what went together, not what caused what."
        )
        for mark, value in (
            ("%1", what),
            ("%2", _signed(p.with_change)),
            ("%3", locale_format.number(p.with_count)),
            ("%4", _signed(p.without_change)),
            ("%5", locale_format.number(p.without_count)),
        ):
            text = text.replace(mark, value)
        return text

    def _show_low(self) -> None:
        while self.low_buttons.count():
            item = self.low_buttons.takeAt(0)
            widget = None if item is None else item.widget()
            if widget is not None:
                widget.deleteLater()
        self.article_buttons = []
        low = [found for found in INSTRUMENTS.values() if self_checks.low_run(found, self.checks)]
        self.low_label.setVisible(bool(low))
        if not low:
            return
        found = low[0]
        self.low_label.setText(
            self.tr(
                "Your last two results for “%1” were on the low side. That happens, and it is worth being gentle "
                "with yourself. These might help, and your safety plan is here whenever you need it."
            ).replace("%1", translate(CONTEXT, found.name))
        )
        language = "ar" if QLocale().language() == QLocale.Language.Arabic else "en"
        for article in found.articles:
            shown = get_article(article, language)
            button = QPushButton(shown.title if shown is not None else article)
            button.setFlat(True)
            button.clicked.connect(lambda _c=False, a=article: self.article_requested.emit(a))
            self.low_buttons.addWidget(button)
            self.article_buttons.append(button)
        plan = self.plan_button = QPushButton(self.tr("Open my safety plan"))
        plan.clicked.connect(self.safety_plan_requested.emit)
        self.low_buttons.addWidget(plan)
        self.low_buttons.addStretch()

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.tr("Coping, belonging and resilience"))
        for key, found in INSTRUMENTS.items():
            self.names[key].setText(translate(CONTEXT, found.name))
            self.take_actions[key].setText(translate(CONTEXT, found.name))
        self.take_button.setText(self.tr("Take a self-check"))
        self.rhythm_label.setText(self.tr("Offer a self-check:"))
        for index, text in enumerate((self.tr("Never"), self.tr("Every week"), self.tr("Every month"))):
            self.rhythm.setItemText(index, text)
        self.note.setText(translate(CONTEXT, self_checks.NOT_A_DIAGNOSIS))
        self._show()


def _signed(value: float) -> str:
    text = locale_format.number(round(abs(value), 1))
    return ("+" if value > 0 else "−" if value < 0 else "") + text
