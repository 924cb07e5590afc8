"""Saving coping-tool uses and thought records as journal entries, so insights can show what helps."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import InvalidInput
from .i18n import QT_TRANSLATE_NOOP, translate
from .journal import CopingUse, Entry, JournalRepository, local_now
from .vocab import EMOTIONS, emotion_label

CONTEXT = "ThoughtRecord"
THOUGHT_RECORD = "thought-record"

TITLE = QT_TRANSLATE_NOOP("ThoughtRecord", "Thought record")

# One Markdown section per field, in the order the library article walks through them.
HEADINGS: dict[str, str] = {
    "situation": QT_TRANSLATE_NOOP("ThoughtRecord", "Situation"),
    "emotions": QT_TRANSLATE_NOOP("ThoughtRecord", "Emotions"),
    "automatic_thought": QT_TRANSLATE_NOOP("ThoughtRecord", "Automatic thought"),
    "evidence_for": QT_TRANSLATE_NOOP("ThoughtRecord", "Evidence for"),
    "evidence_against": QT_TRANSLATE_NOOP("ThoughtRecord", "Evidence against"),
    "balanced_thought": QT_TRANSLATE_NOOP("ThoughtRecord", "Balanced thought"),
    "emotions_after": QT_TRANSLATE_NOOP("ThoughtRecord", "Emotions after re-rating"),
}


@dataclass
class ThoughtRecord:
    """A CBT thought record. Emotions are (vocabulary key or free text, intensity 0-100)."""

    situation: str = ""
    automatic_thought: str = ""
    emotions: list[tuple[str, int]] = field(default_factory=list)
    evidence_for: str = ""
    evidence_against: str = ""
    balanced_thought: str = ""
    emotions_after: list[tuple[str, int]] | None = None

    def is_empty(self) -> bool:
        texts = (
            self.situation,
            self.automatic_thought,
            self.evidence_for,
            self.evidence_against,
            self.balanced_thought,
        )
        return not any(t.strip() for t in texts) and not self.emotions and not self.emotions_after


def emotion_key(name: str) -> str | None:
    """The vocabulary key `name` stands for (a key, or a label in English or the UI language), if any."""
    text = name.strip()
    if not text:
        return None
    folded = text.casefold()
    candidate = folded.replace(" ", "_").replace("-", "_")
    if candidate in EMOTIONS:
        return candidate
    for key in EMOTIONS:
        if emotion_label(key).casefold() == folded:
            return key
    return None


def _check_rating(value: int | None, low: int, high: int, what: str) -> None:
    if value is not None and not low <= value <= high:
        raise InvalidInput(what)


def log_tool_use(
    repo: JournalRepository,
    technique: str,
    before: int | None,
    after: int | None,
    helpfulness: int | None = None,
    note: str = "",
    title: str = "",
) -> Entry:
    """Save one use of a coping technique (distress 0-10 before/after, helpfulness 1-5) as a new entry."""
    if not technique.strip():
        raise InvalidInput("technique")
    entry = Entry(
        at=local_now(),
        coping=[CopingUse(technique.strip(), before, after, helpfulness)],
        title=title.strip(),
        text=note,
    )
    return repo.add(entry)


def set_tool_ratings(
    repo: JournalRepository,
    entry_id: int,
    technique: str,
    before: int | None,
    after: int | None,
    helpfulness: int | None = None,
) -> Entry:
    """Set distress/helpfulness for `technique` on an existing entry (e.g. a thought record just saved)."""
    entry = repo.get(entry_id)
    for use in entry.coping:
        if use.technique == technique:
            use.distress_before, use.distress_after, use.helpfulness = before, after, helpfulness
            break
    else:
        entry.coping.append(CopingUse(technique, before, after, helpfulness))
    return repo.update(entry)


def _emotion_lines(emotions: list[tuple[str, int]]) -> str:
    lines = []
    for name, intensity in emotions:
        key = emotion_key(name)
        label = emotion_label(key) if key else name.strip()
        lines.append(f"- {label}: {intensity}")
    return "\n".join(lines)


def thought_record_markdown(record: ThoughtRecord) -> str:
    """The entry body: one `##` section per filled-in field, headings in the UI language."""
    sections: list[tuple[str, str]] = [
        ("situation", record.situation.strip()),
        ("emotions", _emotion_lines(record.emotions)),
        ("automatic_thought", record.automatic_thought.strip()),
        ("evidence_for", record.evidence_for.strip()),
        ("evidence_against", record.evidence_against.strip()),
        ("balanced_thought", record.balanced_thought.strip()),
        ("emotions_after", _emotion_lines(record.emotions_after or [])),
    ]
    parts = [f"## {translate(CONTEXT, HEADINGS[name])}\n\n{body}" for name, body in sections if body]
    return "\n\n".join(parts) + "\n" if parts else ""


def save_thought_record(
    repo: JournalRepository,
    record: ThoughtRecord,
    *,
    distress_before: int | None = None,
    distress_after: int | None = None,
    helpfulness: int | None = None,
    title: str = "",
) -> Entry:
    """Save a thought record as an entry with the "thought-record" technique and a sectioned Markdown body."""
    if record.is_empty():
        raise InvalidInput("thought record")
    for rows in (record.emotions, record.emotions_after or []):
        for name, intensity in rows:
            if not name.strip():
                raise InvalidInput("emotion")
            _check_rating(intensity, 0, 100, "intensity")
    keys = [k for k in (emotion_key(name) for name, _ in record.emotions) if k is not None]
    entry = Entry(
        at=local_now(),
        emotions=keys,
        coping=[CopingUse(THOUGHT_RECORD, distress_before, distress_after, helpfulness)],
        title=title.strip() or translate(CONTEXT, TITLE),
        text=thought_record_markdown(record),
    )
    return repo.add(entry)
