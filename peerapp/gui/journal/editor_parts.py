"""The entry editor's input widgets: tags with completion, the coping table, the mood faces."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPoint, QRectF, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.journal import CopingUse
from ...core.library import techniques
from ...core.vocab import MOODS
from .. import design, theme
from ..common import Retranslatable


class TagEdit(QLineEdit):
    """Comma-separated tags; completes the word being typed from tags already used."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._insert)
        self.textEdited.connect(self._complete)

    def set_known_tags(self, tags: list[str]) -> None:
        self._model.setStringList(tags)

    def tags(self) -> list[str]:
        return [t.strip() for t in self.text().replace("،", ",").split(",") if t.strip()]

    def _current(self) -> str:
        return self.text().replace("،", ",").split(",")[-1].strip()

    def _hide_popup(self) -> None:
        popup = self._completer.popup()
        if popup is not None:
            popup.hide()

    def _complete(self, _text: str) -> None:
        prefix = self._current()
        if not prefix:
            self._hide_popup()
            return
        self._completer.setCompletionPrefix(prefix)
        if self._completer.completionCount():
            self._completer.complete()
        else:
            self._hide_popup()

    def _insert(self, tag: str) -> None:
        head = self.text().replace("،", ",").rsplit(",", 1)[0] if "," in self.text().replace("،", ",") else ""
        self.setText((head + ", " if head else "") + tag + ", ")


class CopingTable(Retranslatable, QWidget):
    """Techniques tried, each with distress before/after (0-10) and helpfulness (1-5)."""

    changed = Signal()
    NONE = -1
    VISIBLE_ROWS = 3  # more scroll; fewer leave no empty space (the text below gets it on small screens)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 5)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add_row(None))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeading)
        self.titles: dict[str, str] = {}
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Technique"),
                self.tr("Distress before"),
                self.tr("Distress after"),
                self.tr("Helpfulness"),
                self.tr("Remove"),
            ]
        )
        self.table.setAccessibleName(self.tr("What I tried"))
        self.add_button.setText(self.tr("Add a technique I tried"))
        self.titles = techniques(QLocale().name()[:2])
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 0)
            if isinstance(combo, QComboBox):
                self._fill_techniques(combo, combo.currentData() or combo.currentText())
            for col in (1, 2):
                spin = self.table.cellWidget(row, col)
                if isinstance(spin, QSpinBox):
                    spin.setSpecialValueText(self.tr("–"))
                    header_item = self.table.horizontalHeaderItem(col)
                    spin.setAccessibleName(header_item.text() if header_item else "")
            help_combo = self.table.cellWidget(row, 3)
            if isinstance(help_combo, QComboBox):
                self._fill_helpfulness(help_combo, help_combo.currentData())
            remove = self.table.cellWidget(row, 4)
            if isinstance(remove, QToolButton):
                remove.setText(self.tr("Remove"))
        self._fit()

    def _fit(self) -> None:
        # A section sized to its contents is measured when the view lays itself out, which a new
        # cell widget or a new text does not cause: "not rated" showed as "not ratec" until reopened.
        for col in range(1, self.table.columnCount()):
            self.table.resizeColumnToContents(col)
        rows = self.table.rowCount()
        for row in range(rows):
            self.table.resizeRowToContents(row)
        self.table.setVisible(rows > 0)
        shown = sum(self.table.rowHeight(row) for row in range(min(rows, self.VISIBLE_ROWS)))
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + shown + 2 * self.table.frameWidth())

    def _fill_techniques(self, combo: QComboBox, current: str | None) -> None:
        combo.blockSignals(True)
        combo.clear()
        for key, title in sorted(self.titles.items(), key=lambda kv: kv[1].casefold()):
            combo.addItem(title, key)
        if current:
            index = combo.findData(current)
            if index < 0:
                combo.addItem(current, current)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
        combo.setAccessibleName(self.tr("Technique"))
        combo.blockSignals(False)

    def _fill_helpfulness(self, combo: QComboBox, current: int | None) -> None:
        labels = [
            self.tr("not rated"),
            self.tr("1 – did not help"),
            self.tr("2 – a little"),
            self.tr("3 – somewhat"),
            self.tr("4 – helped"),
            self.tr("5 – helped a lot"),
        ]
        combo.blockSignals(True)
        combo.clear()
        for value, label in enumerate(labels):
            combo.addItem(label, None if value == 0 else value)
        combo.setCurrentIndex(current or 0)
        combo.setAccessibleName(self.tr("Helpfulness"))
        combo.blockSignals(False)

    def add_row(self, use: CopingUse | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        technique = QComboBox()
        technique.setEditable(True)
        technique.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._fill_techniques(technique, use.technique if use else None)
        technique.currentIndexChanged.connect(self.changed)
        technique.editTextChanged.connect(self.changed)
        self.table.setCellWidget(row, 0, technique)
        for col, value in (
            (1, use.distress_before if use else None),
            (2, use.distress_after if use else None),
        ):
            spin = QSpinBox()
            spin.setRange(self.NONE, 10)
            spin.setSpecialValueText(self.tr("–"))
            spin.setValue(self.NONE if value is None else value)
            spin.valueChanged.connect(self.changed)
            self.table.setCellWidget(row, col, spin)
        helpful = QComboBox()
        self._fill_helpfulness(helpful, use.helpfulness if use else None)
        helpful.currentIndexChanged.connect(self.changed)
        self.table.setCellWidget(row, 3, helpful)
        remove = QToolButton()
        remove.setText(self.tr("Remove"))
        remove.clicked.connect(lambda: self._remove(remove))
        self.table.setCellWidget(row, 4, remove)
        self.retranslate_ui()
        self.changed.emit()

    def _remove(self, button: QToolButton) -> None:
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, 4) is button:
                self.table.removeRow(row)
                self._fit()
                self.changed.emit()
                return

    def uses(self) -> list[CopingUse]:
        result = []
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 0)
            assert isinstance(combo, QComboBox)
            text = combo.currentText().strip()
            key = combo.currentData() if combo.findText(text) == combo.currentIndex() else None
            technique = str(key) if key else text
            if not technique:
                continue
            values = []
            for col in (1, 2):
                spin = self.table.cellWidget(row, col)
                assert isinstance(spin, QSpinBox)
                values.append(None if spin.value() == self.NONE else spin.value())
            helpful = self.table.cellWidget(row, 3)
            assert isinstance(helpful, QComboBox)
            result.append(CopingUse(technique, values[0], values[1], helpful.currentData()))
        return result

    def set_uses(self, uses: list[CopingUse]) -> None:
        self.table.setRowCount(0)
        for use in uses:
            self.add_row(use)
        self._fit()


class MoodFace(QRadioButton):
    """One mood as its face (design.mood_glyph) with its name under it; chosen, it sits on the mood's tint
    inside a ring of its colour. A radio button underneath, so arrow keys move the choice and a screen
    reader hears one choice of several. `level` None is "not set": an empty dashed circle."""

    def __init__(self, level: int | None, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.face_size = size
        # Large faces get room around them; the editor's small ones sit closer (600-pixel screens).
        self.pad = (
            design.SPACE["s"] if size > design.SPACE["xxl"] else design.SPACE["xs"]
        ) + theme.FOCUS_WIDTH
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # The ring shows for focus that came from the keyboard only: a face focused when the check-in
        # opens must not look chosen (the chosen one has its own tint and ring).
        self._ring = False

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self._ring = event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        )
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        self._ring = True  # a key pressed here: someone is using the keyboard
        self.update()
        super().keyPressEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        metrics = self.fontMetrics()
        pad = self.pad
        width = max(self.face_size, metrics.horizontalAdvance(self.text())) + 2 * pad
        height = self.face_size + design.SPACE["xs"] + metrics.height() + 2 * pad
        return QSize(width, height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt override
        return self.rect().contains(pos)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        dark = design.is_dark()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outer = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        chosen = self.isChecked()
        if chosen or self.underMouse():
            tint = design.mood_tint(self.level or 3, dark)
            painter.setPen(
                QPen(design.mood_fill(self.level, dark), 2) if chosen and self.level else Qt.PenStyle.NoPen
            )
            if chosen and not self.level:
                painter.setPen(QPen(design.surface("muted", dark), 2))
            painter.setBrush(tint)
            radius = design.RADIUS["m"]
            painter.drawRoundedRect(outer.adjusted(1, 1, -1, -1), radius, radius)
        pad = self.pad
        left = (self.width() - self.face_size) / 2
        face = QRectF(left, pad, self.face_size, self.face_size)
        if self.level:
            ratio = self.devicePixelRatioF()
            painter.drawPixmap(face.topLeft(), design.mood_glyph(self.level, self.face_size, dark, ratio))
        else:
            pen = QPen(design.surface("muted", dark), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(face.adjusted(3, 3, -3, -3))
        text = QRectF(0, face.bottom() + design.SPACE["xs"], self.width(), self.fontMetrics().height())
        ink = (
            design.surface("text", dark)
            if chosen or self.underMouse()
            else self.palette().color(QPalette.ColorRole.WindowText)
        )
        font = self.font()
        font.setBold(chosen)  # the chosen name stands out without colour alone
        painter.setFont(font)
        painter.setPen(ink)
        painter.drawText(text, int(Qt.AlignmentFlag.AlignCenter), self.text())
        if self.hasFocus() and self._ring:
            half = theme.FOCUS_WIDTH / 2
            painter.setPen(QPen(QColor(theme.FOCUS[dark]), theme.FOCUS_WIDTH))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            radius = design.RADIUS["m"]
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), radius, radius)
        painter.end()


class MoodRow(QWidget):
    """A one-of-six choice: no mood, or one of the five mood faces (radio buttons: arrow keys move the
    choice). The check-in shows the five alone and large; the editor small, with "not set" first.

    The owner sets their texts, so they keep its translation context.
    """

    changed = Signal()

    def __init__(self, size: int = 32, with_none: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(design.SPACE["xs"])
        # The mood is optional: a sixth choice says so, and takes a chosen mood back.
        self.none_button = MoodFace(None, size)
        self.none_button.setChecked(True)
        self.group.addButton(self.none_button, 0)
        if with_none:
            layout.addWidget(self.none_button)
        else:
            self.none_button.hide()
        self.buttons: dict[int, MoodFace] = {}
        for level in MOODS:
            button = MoodFace(level, size)
            self.group.addButton(button, level)
            self.buttons[level] = button
            layout.addWidget(button)
        if with_none:
            layout.addStretch()
        self.group.idToggled.connect(self._toggled)

    def _toggled(self, _level: int, checked: bool) -> None:
        if checked:
            self.changed.emit()

    def mood(self) -> int | None:
        level = self.group.checkedId()
        return level if level in self.buttons else None

    def set_mood(self, level: int | None) -> None:
        button = self.buttons.get(level) if level is not None else None
        (button or self.none_button).setChecked(True)
