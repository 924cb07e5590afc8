"""The entry editor's input widgets: tags with completion, the coping table, mood buttons, emotions."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.journal import CopingUse
from ...core.library import techniques
from ...core.vocab import EMOTIONS, MOODS, emotion_label
from ..common import Retranslatable
from .timeline import MOOD_COLOURS, MOOD_INK


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


class MoodRow(QWidget):
    """A one-of-six choice: no mood, or one of the five moods (radio buttons, arrow keys move between them).

    The editor sets their texts, so they keep its translation context.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The mood is optional: a sixth choice says so, and takes a chosen mood back.
        self.none_button = QRadioButton()
        self.none_button.setChecked(True)
        self.group.addButton(self.none_button, 0)
        layout.addWidget(self.none_button)
        self.buttons: dict[int, QRadioButton] = {}
        for level in MOODS:
            button = QRadioButton()
            button.setMinimumWidth(84)
            button.setStyleSheet(
                f"QRadioButton:checked {{ background: {MOOD_COLOURS[level]}; color: {MOOD_INK}; "
                "font-weight: bold; border-radius: 3px; padding: 2px 4px; }"
            )
            self.group.addButton(button, level)
            self.buttons[level] = button
            layout.addWidget(button)
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


class EmotionList(QListWidget):
    """Every emotion as a checkable item, flowing in rows; the editor's retranslate_ui names them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setSpacing(3)
        self.setMaximumHeight(100)
        for key in EMOTIONS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)

    def retranslate_ui(self) -> None:
        for row in range(self.count()):
            item = self.item(row)
            item.setText(emotion_label(str(item.data(Qt.ItemDataRole.UserRole))))

    def checked(self) -> list[str]:
        return [
            str(self.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.count())
            if self.item(r).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, keys: list[str]) -> None:
        for r in range(self.count()):
            item = self.item(r)
            on = item.data(Qt.ItemDataRole.UserRole) in keys
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
