"""The quick check-in: five large mood faces, emotions as chips if wanted, then Save or the full editor."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.journal import Entry, JournalRepository, local_now
from ...core.vocab import mood_label
from .. import design
from ..common import WINDOW_FRAME
from ..widgets.announce import announce
from ..widgets.chips import EmotionChips
from .drafted_dialog import CHECKIN_PREFIX, DraftedDialog
from .editor_parts import MoodRow

# The check-in's faces: large enough to hit without aiming (design has no face sizes of its own).
FACE_SIZE = design.SPACE["xxl"] + design.SPACE["xl"]
# Digits that pick a mood, Western and Arabic-Indic (an Arabic keyboard may type either).
_DIGITS = {str(level): level for level in range(1, 6)} | {chr(0x0660 + level): level for level in range(1, 6)}
CONTINUED = 2  # done() code: the check-in went on in the full editor


class CheckInDialog(DraftedDialog):
    """A mood in one click, emotions in another, then Save: a normal journal entry with no text.

    It keeps a draft in the vault like the editor (its own slot, so never in place of an unfinished
    entry's), closes without asking on lock, and "Continue in the full editor" hands everything chosen
    to an editor that goes on writing that same draft.
    """

    def __init__(
        self,
        repo: JournalRepository,
        open_editor: Callable[[dict[str, object]], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(repo, CHECKIN_PREFIX + uuid.uuid4().hex, parent)
        self.open_editor = open_editor
        self.started = local_now()
        self.setModal(False)
        self.heading = QLabel()
        self.heading.setFont(design.font("title"))
        self.heading.setWordWrap(True)
        self.faces = MoodRow(FACE_SIZE, with_none=False)
        self.faces.layout().setSpacing(design.SPACE["s"])  # type: ignore[union-attr]
        self.faces.changed.connect(self._chosen)
        self.emotions_label = QLabel()
        self.emotions_label.setFont(design.font("subtitle"))
        self.emotions = EmotionChips()
        self.emotions.changed.connect(self._chosen)
        self.emotions_label.setBuddy(self.emotions.search)
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        self.continue_button = QPushButton()
        self.continue_button.clicked.connect(self.continue_in_editor)
        self.error.setWordWrap(True)

        faces_row = QHBoxLayout()
        faces_row.addStretch()
        faces_row.addWidget(self.faces)
        faces_row.addStretch()
        buttons = QHBoxLayout()
        buttons.addWidget(self.continue_button)
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        margin = design.SPACE["xl"]
        layout.setContentsMargins(margin, design.SPACE["l"], margin, design.SPACE["l"])
        layout.setSpacing(design.SPACE["m"])
        # The feelings' search sits beside their heading: on a 600-pixel screen the chips need the row.
        find_row = QHBoxLayout()
        find_row.addWidget(self.emotions_label)
        find_row.addWidget(self.emotions.search, 1)
        layout.addWidget(self.heading)
        layout.addLayout(faces_row)
        layout.addLayout(find_row)
        layout.addWidget(self.emotions, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._size_for_screen(parent)
        self.autosave.start()
        self.retranslate_ui()
        self._update_buttons()

    def _size_for_screen(self, parent: QWidget | None) -> None:
        # Room for every chip where there is room; on a 1024×600 screen it still fits, title bar too.
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 820, 640
        if room is not None:
            width, height = min(width, room.width()), min(height, room.height() - WINDOW_FRAME)
        self.resize(width, height)

    # -- texts ---------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Check in"))
        self.heading.setText(self.tr("How are you right now?"))
        for level, face in self.faces.buttons.items():
            face.setText(mood_label(level))
            face.setAccessibleName(self.tr("Mood: %1").replace("%1", face.text()))
            face.setToolTip(self.tr("Press %1").replace("%1", str(level)))
        self.faces.setAccessibleName(self.tr("Mood"))
        self.emotions_label.setText(self.tr("Any &feelings? (optional)"))
        self.emotions.retranslate_ui()
        self.save_button.setText(self.tr("&Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.continue_button.setText(self.tr("&Continue in the full editor"))

    # -- choosing ------------------------------------------------------------------

    def mood(self) -> int | None:
        return self.faces.mood()

    def _chosen(self) -> None:
        self._mark_dirty()
        self._update_buttons()

    def _update_buttons(self) -> None:
        # Nothing to save until something is chosen: an entry with no mood, feeling or text says nothing.
        self.save_button.setEnabled(self.mood() is not None or bool(self.emotions.checked()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # 1–5 pick a mood from anywhere in the dialog but the search field, which takes its own typing.
        level = _DIGITS.get(event.text())
        if level is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            face = self.faces.buttons[level]
            face.setChecked(True)
            face.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        super().keyPressEvent(event)

    # -- the entry -----------------------------------------------------------------

    def to_entry(self) -> Entry:
        return Entry(at=self.started, mood=self.mood(), emotions=self.emotions.checked())

    def state(self) -> dict[str, object]:
        """What was chosen, in the editor's draft shape, so the editor can resume it."""
        entry = self.to_entry()
        return {
            "entry_id": None,
            "at": entry.at.isoformat(),
            "mood": entry.mood,
            "emotions": entry.emotions,
            "tags": "",
            "title": "",
            "text": "",
            "coping": [],
            "slot": self.slot,
        }

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return  # Return pressed with nothing chosen
        super().save()
        if self.result() == QDialog.DialogCode.Accepted:
            parent = self.parentWidget()
            announce(parent if parent is not None else self, self.tr("Check-in saved"))

    def continue_in_editor(self) -> None:
        """Go on in the full editor with the mood and feelings chosen; it takes over this draft."""
        if not self.open_editor(self.state()):
            self._show_error(
                self.tr("Finish or close the entry that is open first; this check-in is kept here.")
            )
            return
        self.dirty = False
        self.autosave.stop()
        self._keeping = True  # the editor writes this slot now: nothing to discard
        self.done(CONTINUED)

    def reject(self) -> None:
        if self._keeping:
            super().reject()
            return
        # Cancel forgets a check-in without asking: it is a click or two, and nothing was typed.
        self.discard()
