"""Our own JSON: everything an entry holds, trash included, written and read back without loss."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO

from .. import untrusted
from ..errors import ImportBadDate, ImportBadMood, ImportFileInvalid, ImportMissingField, ImportRowError
from ..i18n import QT_TRANSLATE_NOOP
from ..journal import CopingUse, Entry
from .base import CONTEXT, Exporter, Importer, Row, shown
from .paging import ImportText

JSON_FORMAT = "peerapp-journal"
JSON_VERSION = 1
MAX_UID = 200
# One encoder for every entry: json.dumps with an argument builds a new one per call.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def entry_to_export(entry: Entry) -> dict[str, object]:
    """An entry as our JSON export holds it: everything except the local row id.

    Entry.to_json's members in its order, less the id, then "trashed" (the same file as before:
    tests/core/test_export_json.py holds the two together). Built in one go, since an export makes
    one per entry.
    """
    return {
        "uid": entry.uid,
        "at": entry.at.isoformat(),
        "mood": entry.mood,
        "emotions": list(entry.emotions),
        "tags": list(entry.tags),
        "coping": [
            {
                "technique": use.technique,
                "distress_before": use.distress_before,
                "distress_after": use.distress_after,
                "helpfulness": use.helpfulness,
            }
            for use in entry.coping
        ],
        "title": entry.title,
        "text": entry.text,
        "created_at": entry.created_at,
        "updated_at": entry.updated_at,
        "deleted_at": entry.deleted_at,
        "trashed": entry.deleted_at is not None,
    }


class JsonWriter:
    """`{"format": …, "version": 1, "entries": [` then one entry per line, so memory stays flat."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.first = True
        header = {"format": JSON_FORMAT, "version": JSON_VERSION}
        fh.write(json.dumps(header)[:-1] + ', "entries": [')

    def write(self, entry: Entry) -> None:
        self.fh.write(("\n" if self.first else ",\n") + _ENCODE(entry_to_export(entry)))
        self.first = False

    def close(self) -> None:
        self.fh.write("\n]}\n")


def _strings(raw: dict[str, object], key: str) -> list[str]:
    values = raw.get(key)
    if not values:
        return []
    if not isinstance(values, list):
        raise ImportRowError(key)
    for value in values:  # a loop, not all(): a row has a few, and this runs twice per row
        if not isinstance(value, str):
            raise ImportRowError(key)  # nested lists, numbers, an object: not what an export writes
    return list(values)


def entry_from_export(raw: object) -> Entry:
    """Rebuild an entry from our JSON export (ImportRowError when it does not fit)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("uid"), str) or not raw["uid"]:
        raise ImportMissingField()
    if len(raw["uid"]) > MAX_UID:
        raise ImportRowError("uid")
    try:
        at = datetime.fromisoformat(str(raw.get("at")))
    except ValueError as exc:
        raise ImportBadDate(shown(raw.get("at"))) from exc
    mood = raw.get("mood")
    if mood is not None and (not isinstance(mood, int) or not 1 <= mood <= 5):
        raise ImportBadMood(shown(mood))
    coping: list[CopingUse] = []
    uses = raw.get("coping") or []
    if not isinstance(uses, list):
        raise ImportRowError("coping")
    for use in uses:
        if not isinstance(use, dict) or not isinstance(use.get("technique"), str):
            raise ImportMissingField()
        coping.append(
            CopingUse(
                use["technique"],
                use.get("distress_before"),
                use.get("distress_after"),
                use.get("helpfulness"),
            )
        )
    deleted = raw.get("deleted_at")
    if raw.get("trashed") and not deleted:
        deleted = str(raw.get("updated_at") or "")
    return Entry(
        at=at,
        mood=mood,
        emotions=_strings(raw, "emotions"),
        tags=_strings(raw, "tags"),
        coping=coping,
        title=str(raw.get("title") or ""),
        text=str(raw.get("text") or ""),
        uid=raw["uid"],
        created_at=str(raw.get("created_at") or ""),
        updated_at=str(raw.get("updated_at") or ""),
        deleted_at=str(deleted) if deleted else None,
    )


def json_rows(
    path: Path, mood_map: dict[str, int] | None = None, unknown: set[str] | None = None
) -> Iterator[Row]:
    """Each exported entry as an entry or a row error; `line` is its position in the list, from 1.

    Moods are numbers in our format: the mood arguments are unused.
    """
    header: dict[str, object] = {}
    seen_entries = False

    def check_header(final: bool) -> None:
        if ("format" in header or final) and header.get("format") != JSON_FORMAT:
            raise ImportFileInvalid("format")
        if final and not seen_entries:
            raise ImportFileInvalid("format")
        if ("version" in header or final) and header.get("version") != JSON_VERSION:
            raise ImportFileInvalid("version")

    text = ImportText(path)
    for member in untrusted.JsonStream(text.chunks()).members("entries"):
        if member.index == 0:
            if member.key in ("format", "version"):
                header[member.key] = member.value
            elif member.key == "entries":
                if member.value is not untrusted.STREAMED_ARRAY or seen_entries:
                    raise ImportFileInvalid("format")
                seen_entries = True
            # Fail before the first entry when the header says this is not our format.
            check_header(final=False)
            continue
        try:
            yield Row(member.index, entry_from_export(member.value), read=text.bytes_read)
        except ImportRowError as exc:
            yield Row(member.index, None, exc, text.bytes_read)
    check_header(final=True)


EXPORTER = Exporter(
    name="json",
    label=QT_TRANSLATE_NOOP(CONTEXT, "JSON (complete, can be imported again)"),
    file_filter=QT_TRANSLATE_NOOP(CONTEXT, "JSON files (*.json)"),
    suffix=".json",
    with_trash=True,
    open=JsonWriter,
)

IMPORTER = Importer(
    name="json",
    label=QT_TRANSLATE_NOOP(CONTEXT, "peerapp (JSON export)"),
    file_filter=QT_TRANSLATE_NOOP(CONTEXT, "JSON files (*.json)"),
    rows=json_rows,
)
