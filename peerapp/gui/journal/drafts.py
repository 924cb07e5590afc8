"""The journal page's draft banner, and which unfinished entry it resumes, as which entry."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ...core.journal import Entry, JournalRepository
from ..common import Retranslatable
from .drafted_dialog import draft_slot


class DraftBanner(Retranslatable, QWidget):
    """ "You have an entry you did not finish", with Continue writing and Discard it (the page wires them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.resume_button = QPushButton()
        self.discard_button = QPushButton()
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.resume_button)
        row.addWidget(self.discard_button)
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        # The journal page's texts (they were its own before the banner was a widget of its own).
        self.label.setText(QCoreApplication.translate("JournalPage", "You have an entry you did not finish."))
        self.resume_button.setText(QCoreApplication.translate("JournalPage", "Continue writing"))
        self.discard_button.setText(QCoreApplication.translate("JournalPage", "Discard it"))


def draft_to_resume(repo: JournalRepository) -> tuple[Entry | None, dict[str, object]] | None:
    """The first draft: the entry it edits (None for a new one) and its fields; None when there is none.

    A draft of an entry erased since is resumed as a new entry, and its old slot is dropped.
    """
    slots = repo.drafts()
    if not slots:
        return None
    data = repo.load_draft(slots[0]) or {}
    entry_id = data.get("entry_id")
    entry = None
    if isinstance(entry_id, int):
        try:
            entry = repo.get(entry_id)
        except Exception:  # noqa: BLE001 - the entry was erased; resume as a new one
            entry = None
    if entry is None and slots[0] != draft_slot(None):
        repo.delete_draft(slots[0])
        data["entry_id"] = None
    return entry, data
