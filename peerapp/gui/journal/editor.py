"""Writing and editing an entry: mood, emotions, tags, coping, date, title and Markdown body."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core import db
from ...core.errors import PeerappError, VaultDamaged
from ...core.journal import CopingUse, Entry, JournalRepository, local_now
from ...core.library import techniques
from ...core.markdown_render import render
from ...core.vocab import EMOTIONS, MOODS, emotion_label, mood_label
from ..common import Retranslatable, qdatetime
from ..widgets.safe_browser import SafeBrowser
from .timeline import MOOD_COLOURS

AUTOSAVE_MS = 3000
NEW_DRAFT = "new"


def draft_slot(entry_id: int | None) -> str:
    return NEW_DRAFT if entry_id is None else f"edit:{entry_id}"


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
        self.table.setMaximumHeight(120)
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
                "",
            ]
        )
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


class EntryEditor(Retranslatable, QDialog):
    """Edits one entry; autosaves a draft into the vault every few seconds while dirty."""

    saved = Signal(int)

    def __init__(
        self,
        repo: JournalRepository,
        entry: Entry | None = None,
        parent: QWidget | None = None,
        draft: dict[str, object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.repo = repo
        self.entry_id = entry.id if entry else None
        self.original = entry
        self.dirty = False
        self._keeping = False
        self.setModal(False)
        self.resize(760, 720)

        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.title = QLineEdit()
        self.mood_group = QButtonGroup(self)
        self.mood_group.setExclusive(False)
        mood_row = QHBoxLayout()
        self.mood_buttons: dict[int, QToolButton] = {}
        for level in MOODS:
            button = QToolButton()
            button.setCheckable(True)
            button.setMinimumWidth(84)
            button.setStyleSheet(
                f"QToolButton:checked {{ background: {MOOD_COLOURS[level]}; color: white; font-weight: bold; }}"
            )
            self.mood_group.addButton(button, level)
            self.mood_buttons[level] = button
            mood_row.addWidget(button)
        mood_row.addStretch()
        self.mood_group.idToggled.connect(self._mood_toggled)
        self.emotions = QListWidget()
        self.emotions.setFlow(QListWidget.Flow.LeftToRight)
        self.emotions.setWrapping(True)
        self.emotions.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.emotions.setSpacing(3)
        self.emotions.setMaximumHeight(100)
        for key in EMOTIONS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.emotions.addItem(item)
        self.tags = TagEdit()
        self.tags.set_known_tags(repo.tags())
        self.coping = CopingTable()
        self.body = QPlainTextEdit()
        self.preview = SafeBrowser()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.body, "")
        self.tabs.addTab(self.preview, "")
        self.tabs.currentChanged.connect(self._refresh_preview)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.status = QLabel()

        self.labels = {name: QLabel() for name in ("when", "title", "mood", "emotions", "tags", "coping")}
        form = QFormLayout()
        form.addRow(self.labels["when"], self.when)
        form.addRow(self.labels["title"], self.title)
        form.addRow(self.labels["mood"], mood_row)
        form.addRow(self.labels["emotions"], self.emotions)
        form.addRow(self.labels["tags"], self.tags)
        form.addRow(self.labels["coping"], self.coping)
        self.labels["when"].setBuddy(self.when)
        self.labels["title"].setBuddy(self.title)
        self.labels["tags"].setBuddy(self.tags)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)

        self._load(entry)
        if draft:
            self.apply_state(draft)
            self.dirty = True
        for signal in (
            self.when.dateTimeChanged,
            self.title.textChanged,
            self.tags.textChanged,
            self.body.textChanged,
            self.emotions.itemChanged,
            self.coping.changed,
        ):
            signal.connect(self._mark_dirty)
        self.autosave = QTimer(self)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_draft)
        self.autosave.start()
        self.retranslate_ui()

    # -- texts ---------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit entry") if self.entry_id else self.tr("New entry"))
        self.labels["when"].setText(self.tr("&When:"))
        self.labels["title"].setText(self.tr("T&itle:"))
        self.labels["mood"].setText(self.tr("Mood:"))
        self.labels["emotions"].setText(self.tr("Emotions:"))
        self.labels["tags"].setText(self.tr("T&ags:"))
        self.labels["coping"].setText(self.tr("What I tried:"))
        self.title.setPlaceholderText(self.tr("Optional"))
        self.tags.setPlaceholderText(self.tr("Separate tags with commas"))
        self.body.setPlaceholderText(
            self.tr("Write whatever you like. Markdown works: **bold**, *italic*, - lists.")
        )
        self.body.setAccessibleName(self.tr("Entry text"))
        self.emotions.setAccessibleName(self.tr("Emotions"))
        self.tabs.setTabText(0, self.tr("&Write"))
        self.tabs.setTabText(1, self.tr("&Preview"))
        for level, button in self.mood_buttons.items():
            button.setText(mood_label(level))
            button.setAccessibleName(self.tr("Mood: %1").replace("%1", mood_label(level)))
        for row in range(self.emotions.count()):
            item = self.emotions.item(row)
            item.setText(emotion_label(str(item.data(Qt.ItemDataRole.UserRole))))
        self.when.setLocale(QLocale())
        self.when.setDisplayFormat(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._refresh_preview()

    # -- state ---------------------------------------------------------------------

    def _load(self, entry: Entry | None) -> None:
        at = entry.at if entry else local_now()
        self.when.setDateTime(qdatetime(at))
        if entry is None:
            return
        self.title.setText(entry.title)
        if entry.mood is not None:
            self.mood_buttons[entry.mood].setChecked(True)
        for row in range(self.emotions.count()):
            item = self.emotions.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in entry.emotions
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.tags.setText(", ".join(entry.tags))
        self.coping.set_uses(entry.coping)
        self.body.setPlainText(entry.text)

    def _mood_toggled(self, level: int, checked: bool) -> None:
        if checked:
            for other, button in self.mood_buttons.items():
                if other != level and button.isChecked():
                    button.setChecked(False)
        self._mark_dirty()

    def mood(self) -> int | None:
        for level, button in self.mood_buttons.items():
            if button.isChecked():
                return level
        return None

    def set_mood(self, level: int | None) -> None:
        for other, button in self.mood_buttons.items():
            button.setChecked(other == level)

    def checked_emotions(self) -> list[str]:
        return [
            str(self.emotions.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.emotions.count())
            if self.emotions.item(r).checkState() == Qt.CheckState.Checked
        ]

    def set_emotions(self, keys: list[str]) -> None:
        for r in range(self.emotions.count()):
            item = self.emotions.item(r)
            on = item.data(Qt.ItemDataRole.UserRole) in keys
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def at(self) -> datetime:
        value = self.when.dateTime().toPython()
        assert isinstance(value, datetime)
        return value.astimezone()

    def to_entry(self) -> Entry:
        return Entry(
            id=self.entry_id,
            uid=self.original.uid if self.original else "",
            created_at=self.original.created_at if self.original else "",
            at=self.at(),
            mood=self.mood(),
            emotions=self.checked_emotions(),
            tags=self.tags.tags(),
            coping=self.coping.uses(),
            title=self.title.text().strip(),
            text=self.body.toPlainText(),
        )

    def state(self) -> dict[str, object]:
        """Everything typed so far, for the draft stored in the vault."""
        entry = self.to_entry()
        return {
            "entry_id": self.entry_id,
            "at": entry.at.isoformat(),
            "mood": entry.mood,
            "emotions": entry.emotions,
            "tags": self.tags.text(),
            "title": self.title.text(),
            "text": entry.text,
            "coping": [c.to_json() for c in entry.coping],
        }

    def apply_state(self, data: dict[str, object]) -> None:
        at = data.get("at")
        if isinstance(at, str):
            moment = datetime.fromisoformat(at)
            self.when.setDateTime(qdatetime(moment))
        mood = data.get("mood")
        self.set_mood(mood if isinstance(mood, int) else None)
        emotions = data.get("emotions")
        self.set_emotions([str(e) for e in emotions] if isinstance(emotions, list) else [])
        self.tags.setText(str(data.get("tags") or ""))
        self.title.setText(str(data.get("title") or ""))
        self.body.setPlainText(str(data.get("text") or ""))
        coping = data.get("coping")
        uses = []
        if isinstance(coping, list):
            for c in coping:
                if isinstance(c, dict) and c.get("technique"):
                    uses.append(
                        CopingUse(
                            str(c["technique"]),
                            c.get("distress_before"),
                            c.get("distress_after"),
                            c.get("helpfulness"),
                        )
                    )
        self.coping.set_uses(uses)

    def _mark_dirty(self, *_args: object) -> None:
        self.dirty = True

    def _refresh_preview(self, *_args: object) -> None:
        if self.tabs.currentWidget() is self.preview:
            self.preview.setHtml(render(self.body.toPlainText()))

    # -- saving --------------------------------------------------------------------

    def save_draft(self) -> None:
        """Keep unsaved work inside the vault (never in a temp file)."""
        if not self.dirty:
            return
        try:
            self.repo.save_draft(draft_slot(self.entry_id), self.state())
        except db.OperationalError:
            # A damaged journal is read-only (integrity.py): nothing is written, and nowhere else.
            self.error.setText(VaultDamaged().user_message())
            return
        self.dirty = False
        self.status.setText(
            self.tr("Draft kept safely in your journal at %1").replace(
                "%1", QLocale().toString(QDateTime.currentDateTime().time(), QLocale.FormatType.ShortFormat)
            )
        )

    def save(self) -> None:
        entry = self.to_entry()
        try:
            saved = self.repo.update(entry) if entry.id is not None else self.repo.add(entry)
        except PeerappError as exc:
            self.error.setText(exc.user_message())
            return
        except db.OperationalError:
            self.error.setText(VaultDamaged().user_message())
            return
        self.repo.delete_draft(draft_slot(self.entry_id))
        self.dirty = False
        self.autosave.stop()
        assert saved.id is not None
        self.saved.emit(saved.id)
        self.accept()

    def reject(self) -> None:
        if self._keeping:
            super().reject()
            return
        if self.dirty or self.repo.load_draft(draft_slot(self.entry_id)) is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Discard changes?"),
                self.tr("You have changes that are not saved. Discard them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.repo.delete_draft(draft_slot(self.entry_id))
        self.dirty = False
        self.autosave.stop()
        super().reject()

    def keep_and_close(self) -> None:
        """Store the draft and close without asking (used when locking or quitting)."""
        self.save_draft()
        self.autosave.stop()
        self._keeping = True
        self.done(QDialog.DialogCode.Rejected)

    # Quick exit and locking close every window through this name; the draft is kept.
    close_for_lock = keep_and_close

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # Closing the window keeps the draft without asking; nothing typed is lost.
        self.save_draft()
        self.autosave.stop()
        self._keeping = True
        super().closeEvent(event)
