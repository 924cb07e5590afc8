"""Our own JSON: everything an entry holds, trash included, written and read back without loss."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from json.encoder import encode_basestring
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

from .. import untrusted
from ..errors import ImportBadDate, ImportBadMood, ImportFileInvalid, ImportMissingField, ImportRowError
from ..i18n import QT_TRANSLATE_NOOP
from ..journal import CopingUse, Entry
from ..journal_rows import emotion_rank
from . import extras
from .base import CONTEXT, Exporter, Importer, Row, shown
from .paging import ImportText, row_pages

if TYPE_CHECKING:
    from ..db import Connection

JSON_FORMAT = "peerapp-journal"
JSON_VERSION = 1
MAX_UID = 200
# One encoder for every entry: json.dumps with an argument builds a new one per call.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def entry_to_export(entry: Entry) -> dict[str, object]:
    """An entry as our JSON export holds it: everything except the local row id.

    Entry.to_json's members in its order, less the id, then "trashed" (the same file as before:
    tests/core/test_export_json.py holds the two together); "prompt", like to_json's, only when set.
    """
    data: dict[str, object] = {
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
    }
    if entry.prompt is not None:
        data["prompt"] = entry.prompt
    data["trashed"] = entry.deleted_at is not None
    return data


# What comes before the first entry and after the last.
_HEAD = json.dumps({"format": JSON_FORMAT, "version": JSON_VERSION})[:-1] + ', "entries": ['
_TAIL = "\n]}\n"


class JsonWriter:
    """`{"format": …, "version": 1, "entries": [` then one entry per line, so memory stays flat."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.first = True
        fh.write(_HEAD)

    def write(self, entry: Entry) -> None:
        self.fh.write(("\n" if self.first else ",\n") + _ENCODE(entry_to_export(entry)))
        self.first = False

    def close(self) -> None:
        self.fh.write(_TAIL)


def _number(value: object) -> str:
    """A column's number as json writes it (the columns hold integers or NULL)."""
    if value is None:
        return "null"
    return str(value) if type(value) is int else _ENCODE(value)


def _strings_json(values: list[str] | None) -> str:
    return "[" + ", ".join(map(encode_basestring, values)) + "]" if values else "[]"


def write_journal(conn: Connection, fh: IO[str], step: Callable[[int], None]) -> int:
    """The journal and its trash as JsonWriter writes them, but straight from the rows: each entry's
    line is put together from its columns, each string escaped by json's own (C) escaper, with no
    Entry, datetime or dict made per row (half an export's time at 50k entries, bench/RESULTS.md).

    The same bytes as writing each entry's entry_to_export with JsonWriter (tests/core/
    test_export_rows.py compares them): `at` is stored as Entry.at.isoformat() wrote it, tags come
    sorted by name and emotions in the vocabulary's order, as hydrate gives them. `step` is called
    with the count after each page of PAGE entries, and raises to stop.
    """
    quote = encode_basestring
    fh.write(_HEAD)
    done = 0
    for rows in row_pages(conn, with_trash=True):
        ids = [row[0] for row in rows]
        tags, emotions, coping = _children(conn, ids)
        lines = []
        for entry_id, uid, at, mood, title, body, created, updated, deleted, prompt, _at_utc in cast(
            "list[tuple[int, str, str, int | None, str, str, str, str, str | None, str | None, int]]", rows
        ):
            feelings = emotions.get(entry_id)
            if feelings is not None and len(feelings) > 1:
                feelings.sort(key=emotion_rank)
            uses = coping.get(entry_id)
            lines.append(
                f'{{"uid": {quote(uid)}, "at": {quote(at)}, "mood": {_number(mood)},'
                f' "emotions": {_strings_json(feelings)}, "tags": {_strings_json(tags.get(entry_id))},'
                f' "coping": [{", ".join(uses) if uses else ""}],'
                f' "title": {quote(title)}, "text": {quote(body)},'
                f' "created_at": {quote(created)}, "updated_at": {quote(updated)},'
                f' "deleted_at": {"null" if deleted is None else quote(deleted)},'
                + ("" if prompt is None else f' "prompt": {quote(prompt)},')
                + (' "trashed": false}' if deleted is None else ' "trashed": true}')
            )
        fh.write(("\n" if not done else ",\n") + ",\n".join(lines))
        done += len(rows)
        step(done)
    fh.write(extras.export_tail(conn))
    return done


def _children(
    conn: Connection, ids: Sequence[object]
) -> tuple[dict[int, list[str]], dict[int, list[str]], dict[int, list[str]]]:
    """The page's tags (sorted by name), emotions (as stored) and coping uses (as JSON, in order), by id;
    the same queries as hydrate's."""
    marks = ",".join("?" * len(ids))
    tags: defaultdict[int, list[str]] = defaultdict(list)
    for entry_id, name in conn.execute(
        f"SELECT t.entry_id, g.name FROM entry_tag t JOIN tag g ON g.id = t.tag_id"
        f" WHERE t.entry_id IN ({marks}) ORDER BY g.name",
        ids,
    ):
        tags[entry_id].append(name)
    emotions: defaultdict[int, list[str]] = defaultdict(list)
    for entry_id, key in conn.execute(
        f"SELECT entry_id, emotion FROM entry_emotion WHERE entry_id IN ({marks})", ids
    ):
        emotions[entry_id].append(key)
    coping: defaultdict[int, list[str]] = defaultdict(list)
    quote = encode_basestring
    for entry_id, technique, before, after, helpful in conn.execute(
        f"SELECT entry_id, technique, distress_before, distress_after, helpfulness"
        f" FROM entry_coping WHERE entry_id IN ({marks}) ORDER BY entry_id, position",
        ids,
    ):
        coping[entry_id].append(
            f'{{"technique": {quote(technique)}, "distress_before": {_number(before)},'
            f' "distress_after": {_number(after)}, "helpfulness": {_number(helpful)}}}'
        )
    return tags, emotions, coping


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
    prompt = raw.get("prompt")  # absent in files from before prompts, and for entries without one
    if prompt is not None and not isinstance(prompt, str):
        raise ImportRowError("prompt")
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
        prompt=prompt,
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
            elif member.key in extras.KEYS:
                yield Row(0, None, read=text.bytes_read, extra=(member.key, extras.checked(member.value)))
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
    write_journal=write_journal,
)

IMPORTER = Importer(
    name="json",
    label=QT_TRANSLATE_NOOP(CONTEXT, "peerapp (JSON export)"),
    file_filter=QT_TRANSLATE_NOOP(CONTEXT, "JSON files (*.json)"),
    rows=json_rows,
)
