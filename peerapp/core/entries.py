"""The journal entry model: entries, coping uses, filters, page cursors and their validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from .errors import InvalidInput

# A prompt is a sentence or two; an import's longer one is refused rather than stored.
MAX_PROMPT_CHARS = 2000


@dataclass
class CopingUse:
    """One technique tried, with optional distress (0-10) before/after and helpfulness (1-5)."""

    technique: str
    distress_before: int | None = None
    distress_after: int | None = None
    helpfulness: int | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "technique": self.technique,
            "distress_before": self.distress_before,
            "distress_after": self.distress_after,
            "helpfulness": self.helpfulness,
        }


@dataclass
class Entry:
    """A journal entry as the app shows it."""

    at: datetime
    mood: int | None = None
    emotions: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    coping: list[CopingUse] = field(default_factory=list)
    title: str = ""
    text: str = ""
    id: int | None = None
    uid: str = ""
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    # The writing prompt the entry answers (core.prompts), as it was shown: the text, not an id.
    prompt: str | None = None

    @property
    def day(self) -> str:
        return self.at.date().isoformat()

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "uid": self.uid,
            "at": self.at.isoformat(),
            "mood": self.mood,
            "emotions": list(self.emotions),
            "tags": list(self.tags),
            "coping": [c.to_json() for c in self.coping],
            "title": self.title,
            "text": self.text,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "deleted_at": self.deleted_at,
        }
        # Only when there is one: an entry without a prompt keeps the shape the export has always had.
        if self.prompt is not None:
            data["prompt"] = self.prompt
        return data


@dataclass(frozen=True)
class EntryFilter:
    """What the timeline shows: a search query and filters, all optional."""

    query: str = ""
    moods: frozenset[int] = frozenset()
    emotion: str | None = None
    tag: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    trash: bool = False


@dataclass(frozen=True)
class Cursor:
    """Keyset position after the last entry of a page (newest first)."""

    at_utc: int
    id: int


def utc_stamp() -> str:
    """Now in UTC to the second, as entries store their created, updated and deleted times."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def local_now() -> datetime:
    """Now, in local time with its UTC offset."""
    return datetime.now().astimezone().replace(microsecond=0)


def validate(entry: Entry) -> None:
    """Refuse out-of-range values and tidy tags and emotions in place, before an entry is stored."""
    if entry.at.tzinfo is None:
        entry.at = entry.at.astimezone()
    if entry.mood is not None and not 1 <= entry.mood <= 5:
        raise InvalidInput("mood")
    for key in entry.emotions:
        if not key or len(key) > 64:
            raise InvalidInput("emotion")
    for use in entry.coping:
        for value in (use.distress_before, use.distress_after):
            if value is not None and not 0 <= value <= 10:
                raise InvalidInput("distress")
        if use.helpfulness is not None and not 1 <= use.helpfulness <= 5:
            raise InvalidInput("helpfulness")
    # Each tag stripped once (a bulk import validates every entry); always new lists, as before.
    entry.tags = list(dict.fromkeys(filter(None, [t.strip() for t in entry.tags])))
    entry.emotions = list(dict.fromkeys(entry.emotions))
    if entry.prompt is not None:
        entry.prompt = entry.prompt.strip() or None
        if entry.prompt is not None and len(entry.prompt) > MAX_PROMPT_CHARS:
            raise InvalidInput("prompt")
