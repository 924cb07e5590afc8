"""jrnl's JSON export, read (`jrnl --export json`): an "entries" list of date, time, title, body, tags."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from .. import untrusted
from ..errors import ImportBadDate, ImportFileInvalid, ImportMissingField, ImportRowError
from ..i18n import QT_TRANSLATE_NOOP
from ..journal import Entry
from .base import CONTEXT, Importer, Row, local_time, parse_time, row_uid, shown
from .paging import ImportText


def jrnl_rows(
    path: Path, mood_map: dict[str, int] | None = None, unknown: set[str] | None = None
) -> Iterator[Row]:
    """Each entry of the file as an entry or a row error (jrnl has no moods: the mood arguments are unused)."""
    seen_entries = False
    text = ImportText(path)
    for member in untrusted.JsonStream(text.chunks()).members("entries"):
        if member.key != "entries":
            continue  # "tags" and the like: a summary of the entries
        if member.index == 0:
            if member.value is not untrusted.STREAMED_ARRAY or seen_entries:
                raise ImportFileInvalid("entries")
            seen_entries = True
            continue
        raw = member.value
        try:
            if not isinstance(raw, dict) or not isinstance(raw.get("date"), str):
                raise ImportMissingField()
            try:
                day = date.fromisoformat(raw["date"])
                hour, minute = parse_time(str(raw.get("time") or "12:00"))
            except ValueError as exc:
                raise ImportBadDate(shown(raw.get("date"))) from exc
            tags = raw.get("tags") or []
            if not isinstance(tags, list):
                raise ImportRowError("tags")
            tags = [t.lstrip("@#").strip() for t in tags if isinstance(t, str)]
            if raw.get("starred"):
                tags.append("starred")
            entry = Entry(
                at=local_time(day, hour, minute),
                tags=tags,
                title=str(raw.get("title") or "").strip(),
                text=str(raw.get("body") or "").strip(),
                uid=row_uid("jrnl", raw),
            )
            yield Row(member.index, entry, read=text.bytes_read)
        except ImportRowError as exc:
            yield Row(member.index, None, exc, text.bytes_read)
    if not seen_entries:
        raise ImportFileInvalid("entries")


IMPORTER = Importer(
    name="jrnl",
    label=QT_TRANSLATE_NOOP(CONTEXT, "jrnl (JSON export)"),
    file_filter=QT_TRANSLATE_NOOP(CONTEXT, "JSON files (*.json)"),
    rows=jrnl_rows,
)
