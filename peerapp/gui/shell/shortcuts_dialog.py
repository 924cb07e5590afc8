"""Help > Keyboard shortcuts: a table read from the window's real actions and shortcuts, so it never goes stale."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..common import Retranslatable


def screen_reader_mode() -> bool:
    """True while an assistive technology (Orca through AT-SPI, NVDA, VoiceOver) is listening.

    Qt turns its accessibility bridge on only then, so the app needs no setting to know.
    """
    return bool(QAccessible.isActive())


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what it does, keys) for every action and shortcut of `window` that has keys, menu order kept."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for action in window.findChildren(QAction):
        keys = action.shortcut()
        label = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()
        if keys.isEmpty() or not label:
            continue
        text = keys.toString(QKeySequence.SequenceFormat.NativeText)
        if text not in seen:
            seen.add(text)
            rows.append((label, text))
    for shortcut in window.findChildren(QShortcut):
        text = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        label = shortcut.whatsThis()  # a QShortcut has no text: it names itself here
        if text and label and text not in seen:
            seen.add(text)
            rows.append((label, text))
    return rows


class ShortcutsDialog(Retranslatable, QDialog):
    """The keys of every menu action, and how quick exit works in this mode."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window_ = window
        self.table = QTableWidget(0, 2)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(520, 460)
        self.retranslate_ui()
        self.table.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(self.window_)
        self.table.setRowCount(len(rows))
        for row, (label, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(label))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        lines = [
            self.tr("Tab and Shift+Tab move between controls, also out of the entry text."),
            self.tr("Alt and an underlined letter open a menu or press a button."),
            self.tr(
                "In the check-in, 1 to 5 choose a mood; among the feelings, the arrow keys move between them."
            ),
        ]
        if screen_reader_mode():
            lines.append(self.tr("A screen reader is running, so pressing Esc twice does not quick-exit."))
        else:
            lines.append(self.tr("Pressing Esc twice quickly is a quick exit too."))
        self.note.setText("\n".join(lines))
        self.close_button.setText(self.tr("Close"))
