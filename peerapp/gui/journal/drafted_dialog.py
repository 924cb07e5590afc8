"""What the entry editor and the quick check-in share: a draft kept inside the vault every few seconds
while something is unsaved, one way of saving (waiting out another task's write lock), and closing for a
lock or quick exit without asking and without losing anything."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from ...core import db
from ...core.errors import JournalBusy, PeerappError, VaultDamaged
from ...core.journal import Entry, JournalRepository
from ..common import Retranslatable
from ..widgets import locale_format
from ..widgets.announce import announce

AUTOSAVE_MS = 3000
# How long the GUI thread waits for another task's write lock (an import holds it for seconds).
DRAFT_WAIT_MS = 100
SAVE_WAIT_MS = 2000
NEW_DRAFT = "new"
# A check-in's draft has a slot of its own, so it never takes the place of an unfinished entry's; the
# editor it continues in (at once, or from the draft banner after a lock) keeps writing there.
CHECKIN_PREFIX = "checkin:"


def draft_slot(entry_id: int | None) -> str:
    return NEW_DRAFT if entry_id is None else f"edit:{entry_id}"


def _slot_for(entry: Entry | None, draft: dict[str, object] | None) -> str:
    """The draft slot of an editor: the entry's, or the check-in's it continues, or the new entry's."""
    if entry is None and draft is not None:
        slot = draft.get("slot")
        if isinstance(slot, str) and slot.startswith(CHECKIN_PREFIX):
            return slot
    return draft_slot(entry.id if entry else None)


# The texts below keep the editor's translation context ("EntryEditor"), whichever dialog shows them;
# written out in full at each call, so lupdate finds them.
class DraftedDialog(Retranslatable, QDialog):
    """What the editor and the quick check-in share: a draft kept inside the vault every few seconds while
    something is unsaved, one way of saving (waiting out another task's write lock), and closing for a
    lock or quick exit without asking and without losing anything."""

    saved = Signal(int)

    def __init__(self, repo: JournalRepository, slot: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.slot = slot
        self.dirty = False
        self._keeping = False
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.hide()  # shown with its one line when there is one (an empty line costs height)
        self.status = QLabel()
        self.autosave = QTimer(self)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_draft)

    def state(self) -> dict[str, object]:  # pragma: no cover - both dialogs override it
        raise NotImplementedError

    def to_entry(self) -> Entry:  # pragma: no cover - both dialogs override it
        raise NotImplementedError

    def _mark_dirty(self, *_args: object) -> None:
        self.dirty = True

    def save_draft(self) -> None:
        """Keep unsaved work inside the vault (never in a temp file)."""
        if not self.dirty:
            return
        try:
            with db.busy_timeout(self.repo.conn, DRAFT_WAIT_MS):
                self.repo.save_draft(self.slot, self.state())
        except JournalBusy:
            return  # an import holds the journal: still unsaved, kept at the next tick
        except db.OperationalError:
            # A damaged journal is read-only (integrity.py): nothing is written, and nowhere else.
            self._show_error(VaultDamaged().user_message(), say=False)
            return
        self.dirty = False
        self.status.setText(
            QCoreApplication.translate("EntryEditor", "Draft kept safely in your journal at %1").replace(
                "%1", locale_format.time_text(QDateTime.currentDateTime().time())
            )
        )

    def _save_draft_and_say(self) -> None:
        # Announced only when the dialog closes: the autosave every few seconds would talk over typing.
        was_dirty = self.dirty
        self.save_draft()
        if was_dirty and not self.dirty:
            announce(
                self, QCoreApplication.translate("EntryEditor", "Your unfinished entry was kept as a draft.")
            )

    def save(self) -> None:
        entry = self.to_entry()
        try:
            with db.busy_timeout(self.repo.conn, SAVE_WAIT_MS):
                saved = self.repo.update(entry) if entry.id is not None else self.repo.add(entry)
        except PeerappError as exc:  # JournalBusy too: what was chosen or typed stays in the dialog
            self._show_error(exc.user_message())
            return
        except db.OperationalError:
            self._show_error(VaultDamaged().user_message())
            return
        self.repo.delete_draft(self.slot)
        self.dirty = False
        self.autosave.stop()
        assert saved.id is not None
        self.saved.emit(saved.id)
        self.accept()

    def _show_error(self, text: str, say: bool = True) -> None:
        self.error.setText(text)
        self.error.show()
        if say:
            announce(self, text, assertive=True)

    def discard(self) -> None:
        """Forget the unsaved work and its draft, then close."""
        self.repo.delete_draft(self.slot)
        self.dirty = False
        self.autosave.stop()
        super().reject()

    def keep_and_close(self) -> None:
        """Store the draft and close without asking (used when locking or quitting)."""
        self._save_draft_and_say()
        self.autosave.stop()
        self._keeping = True
        self.done(QDialog.DialogCode.Rejected)

    def close_for_lock(self) -> None:
        """Quick exit and locking close every window through this name; the draft is kept."""
        self.keep_and_close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # Closing the window keeps the draft without asking; nothing chosen or typed is lost.
        self._save_draft_and_say()
        self.autosave.stop()
        self._keeping = True
        super().closeEvent(event)
