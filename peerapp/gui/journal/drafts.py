"""Which unfinished entry the journal page's draft banner resumes, and as which entry."""

from __future__ import annotations

from ...core.journal import Entry, JournalRepository
from .drafted_dialog import draft_slot


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
