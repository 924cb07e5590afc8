"""Writing and editing an entry (mood, emotions, tags, title, Markdown body; date and coping folded away),
and the draft keeping and saving it shares with the quick check-in."""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.journal import CopingUse, Entry, JournalRepository, local_now
from ...core.markdown_render import render
from ...core.vocab import mood_label
from .. import design
from ..common import qdatetime
from ..widgets import locale_format
from ..widgets.ask import ask
from ..widgets.bidi_text import PlainTextEdit, fit_direction, follow_text, show_html
from ..widgets.chips import EmotionChips
from ..widgets.safe_browser import SafeBrowser
from .drafted_dialog import DraftedDialog, _slot_for
from .editor_parts import CopingTable, MoodRow, TagEdit
from .prompt_panel import PromptPanel

# The editor's mood faces and how many rows of emotion chips show before they scroll (the check-in has
# room for larger faces and every chip). Made from design's scale: it has no face sizes of its own.
FACE_SIZE = design.SPACE["xxl"]
EMOTION_ROWS = 3
# A date this far from when the entry was written (or this editor opened) was chosen by someone, or the
# draft is from another day: the fold opens to show it. Writing one entry rarely takes longer.
CHOSEN_DATE = timedelta(hours=3)


class EntryEditor(DraftedDialog):
    """Edits one entry; autosaves a draft into the vault every few seconds while dirty."""

    def __init__(
        self,
        repo: JournalRepository,
        entry: Entry | None = None,
        parent: QWidget | None = None,
        draft: dict[str, object] | None = None,
    ) -> None:
        super().__init__(repo, _slot_for(entry, draft), parent)
        self.entry_id = entry.id if entry else None
        self.original = entry
        self.opened_at = local_now()
        self.setModal(False)
        self._size_for_screen(parent)

        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.title = QLineEdit()
        follow_text(self.title)
        self.mood_row = MoodRow(FACE_SIZE)
        self.mood_buttons = self.mood_row.buttons
        self.mood_row.changed.connect(self._mark_dirty)
        self.emotions = EmotionChips()
        self.emotions.set_area_height(EMOTION_ROWS)
        self.tags = TagEdit()
        follow_text(self.tags)
        self.tags.set_known_tags(repo.tags())
        self.coping = CopingTable()
        # The rarely used fields fold away under a disclosure until asked for (or already filled in).
        self.more_button = QToolButton()
        self.more_button.setCheckable(True)
        self.more_button.setAutoRaise(True)
        self.more_button.toggled.connect(self._fold)
        self.more = QWidget()
        self.prompt = PromptPanel(repo.conn)
        # Each paragraph in its own direction, the cursor and alignment following it.
        self.body = PlainTextEdit()
        # Tab leaves the text for the next control (mood, tags, Save); a tab character is rarely wanted
        # in a journal, and without this a keyboard or screen-reader user is trapped in the text.
        self.body.setTabChangesFocus(True)
        self.preview = SafeBrowser()
        # Three lines of text at the least: with "More" open and the prompt line shown, the editor must
        # still fit a 1024x600 screen (the text takes whatever height is left above that).
        least = self.body.fontMetrics().lineSpacing() * 3 + 2 * design.SPACE["xs"]
        self.body.setMinimumHeight(least)
        self.preview.setMinimumHeight(least)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.body, "")
        self.tabs.addTab(self.preview, "")
        self.tabs.currentChanged.connect(self._refresh_preview)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        self.labels = {name: QLabel() for name in ("when", "title", "mood", "emotions", "tags", "coping")}
        form = QFormLayout()
        form.addRow(self.labels["title"], self.title)
        form.addRow(self.labels["mood"], self.mood_row)
        form.addRow(self.labels["emotions"], self.emotions)
        form.addRow(self.labels["tags"], self.tags)
        more_form = QFormLayout(self.more)
        more_form.setContentsMargins(0, 0, 0, 0)
        more_form.addRow(self.labels["when"], self.when)
        more_form.addRow(self.labels["coping"], self.coping)
        self.labels["when"].setBuddy(self.when)
        self.labels["title"].setBuddy(self.title)
        self.labels["tags"].setBuddy(self.tags)
        self.labels["emotions"].setBuddy(self.emotions.search)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        # The folded prompt's small button shares the disclosure's line, so it costs no height.
        more_row = QHBoxLayout()
        more_row.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeading)
        more_row.addStretch(1)
        more_row.addWidget(self.prompt.show_button)
        layout.addLayout(more_row)
        layout.addWidget(self.more)
        layout.addWidget(self.prompt)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)

        self._load(entry)
        # Showing the entry's own mood is not a change: Cancel must not ask, nor a draft be kept of it.
        self.dirty = False
        if draft:
            self.apply_state(draft)
            self.dirty = True
        self._fold(self._has_more())
        for signal in (
            self.when.dateTimeChanged,
            self.title.textChanged,
            self.tags.textChanged,
            self.body.textChanged,
            self.emotions.changed,
            self.coping.changed,
            self.prompt.changed,
        ):
            signal.connect(self._mark_dirty)
        # Adding a technique (here or from the library) shows the table it went into.
        self.coping.changed.connect(lambda: self._fold(True) if self.coping.table.rowCount() else None)
        self.autosave.start()
        self.retranslate_ui()

    def _has_more(self) -> bool:
        """Whether the folded fields hold something: a technique tried, or a date someone chose."""
        if self.coping.table.rowCount():
            return True
        written = self.opened_at
        if self.original is not None:
            written = self.original.at
            with contextlib.suppress(ValueError):
                written = datetime.fromisoformat(self.original.created_at.replace("Z", "+00:00"))
        return abs(self.at() - written) > CHOSEN_DATE

    def _fold(self, shown: bool) -> None:
        self.more.setVisible(shown)
        if self.more_button.isChecked() != shown:
            self.more_button.setChecked(shown)  # calls this again, with the same answer
        # A triangle before the words says open or closed; the closed one points along the reading.
        closed = "◂" if self.isRightToLeft() else "▸"
        label = self.tr("&More: date, what I tried")
        self.more_button.setText(("▾" if shown else closed) + " " + label)
        self.more_button.setAccessibleName(label.replace("&", ""))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._fold(self.more_button.isChecked())
        super().changeEvent(event)

    def _size_for_screen(self, parent: QWidget | None) -> None:
        # 760×720 where there is room; on a 1024×600 screen the window must still fit, title bar too.
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 760, 720
        if room is not None:
            width, height = min(width, room.width()), min(height, room.height() - 40)
        self.resize(width, height)

    # -- texts ---------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit entry") if self.entry_id else self.tr("New entry"))
        self.labels["when"].setText(self.tr("&When:"))
        self.labels["title"].setText(self.tr("T&itle:"))
        self.labels["mood"].setText(self.tr("Mood:"))
        self.labels["emotions"].setText(self.tr("&Emotions:"))
        self.labels["tags"].setText(self.tr("T&ags:"))
        self.labels["coping"].setText(self.tr("What I tried:"))
        for field in (self.title, self.tags):
            fit_direction(field)  # an empty field turns with the interface
        self.title.setPlaceholderText(self.tr("Optional"))
        self.tags.setPlaceholderText(self.tr("Separate tags with commas"))
        self.body.setPlaceholderText(
            self.tr("Write whatever you like. Markdown works: **bold**, *italic*, - lists.")
        )
        self.body.setAccessibleName(self.tr("Entry text"))
        self._fold(self.more_button.isChecked())
        self.tabs.setAccessibleName(self.tr("Write or preview"))
        self.tabs.setTabText(0, self.tr("&Write"))
        self.tabs.setTabText(1, self.tr("&Preview"))
        self.mood_row.none_button.setText(self.tr("Not set"))
        for level, button in self.mood_buttons.items():
            button.setText(mood_label(level))
        for button in (self.mood_row.none_button, *self.mood_buttons.values()):
            button.setAccessibleName(self.tr("Mood: %1").replace("%1", button.text()))
        self.emotions.retranslate_ui()
        locale_format.set_up_date_field(self.when, with_time=True)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._refresh_preview()

    # -- state ---------------------------------------------------------------------

    def _load(self, entry: Entry | None) -> None:
        at = entry.at if entry else local_now()
        self.when.setDateTime(qdatetime(at))
        if entry is None:
            return
        # An entry written without a prompt opens with the line folded: it is about today, not then.
        self.prompt.set_prompt(entry.prompt, fold_if_none=True)
        self.title.setText(entry.title)
        self.set_mood(entry.mood)
        self.emotions.set_checked(entry.emotions)
        self.tags.setText(", ".join(entry.tags))
        self.coping.set_uses(entry.coping)
        self.body.setPlainText(entry.text)

    def mood(self) -> int | None:
        return self.mood_row.mood()

    def set_mood(self, level: int | None) -> None:
        self.mood_row.set_mood(level)

    def checked_emotions(self) -> list[str]:
        return self.emotions.checked()

    def set_emotions(self, keys: list[str]) -> None:
        self.emotions.set_checked(keys)

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
            prompt=self.prompt.prompt_text(),
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
            "prompt": entry.prompt,
            "slot": self.slot,
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
        prompt = data.get("prompt")
        if isinstance(prompt, str):
            self.prompt.set_prompt(prompt)
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

    def _refresh_preview(self, *_args: object) -> None:
        if self.tabs.currentWidget() is self.preview:
            show_html(self.preview, render(self.body.toPlainText()))

    def reject(self) -> None:
        if self._keeping:
            super().reject()
            return
        if self.dirty or self.repo.load_draft(self.slot) is not None:
            if not ask(
                self,
                self.tr("Discard changes?"),
                self.tr("You have changes that are not saved. Discard them?"),
                self.tr("&Discard changes"),
                destructive=True,
            ):
                return
        self.discard()
