"""What every format shares: the registry's entry types, one read row, and the helpers rows are made with."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

from ..errors import ImportBadDate, ImportRowError
from ..i18n import translate
from ..journal import Entry

if TYPE_CHECKING:  # the driver loads when a vault opens, not when the formats are listed
    from ..db import Connection

CONTEXT = "Transfer"  # the translation context of every label and file filter in the registry


class EntryWriter(Protocol):
    """Writes entries one after another into an open text file, then what closes the file's format."""

    def write(self, entry: Entry) -> None: ...

    def close(self) -> None: ...


@dataclass
class Row:
    """One record of an import file: an entry, or why it could not be read. `line` counts from 1.

    `read` is how many bytes of the file had been read when the row was made (for progress).
    """

    line: int
    entry: Entry | None
    error: ImportRowError | None = None
    read: int = 0
    # Not an entry: one of the export's other lists ("templates", "self_checks"), stored after the
    # entries inside the import's transaction (transfer/extras.py).
    extra: tuple[str, object] | None = None


JournalWriter = Callable[["Connection", IO[str], Callable[[int], None]], int]
"""Writes the whole journal (connection, open text file, called with the count after each page; it
raises to cancel) straight from the vault's rows, in the order and format `open`'s writer would;
returns how many entries it wrote."""

RowReader = Callable[[Path, "dict[str, int] | None", "set[str] | None"], Iterator[Row]]
"""Reads an import file as rows: (path, mood map, set that collects unknown mood labels)."""


@dataclass(frozen=True)
class Exporter:
    """A format entries are written to. `label` and `file_filter` are English sources (context CONTEXT)."""

    name: str  # the CLI's --format value, stable
    label: str
    file_filter: str
    suffix: str  # what a chosen file name gets when it has none
    with_trash: bool  # JSON keeps everything; the readable formats leave the trash out
    open: Callable[[IO[str]], EntryWriter]
    # JSON only: the same file written from the rows as read, with no Entry made per row (export_entries
    # uses it when set; `open` stays for writing entries one by one).
    write_journal: JournalWriter | None = None
    # Markdown only: one file per entry, as (file name, text); `used` keeps names unique in the folder.
    folder_file: Callable[[Entry, set[str]], tuple[str, str]] | None = None
    # Markdown only: whether a target path means a folder. One rule for the CLI and the GUI.
    target_is_folder: Callable[[Path], bool] | None = None

    def writes_folder(self, path: Path) -> bool:
        """Whether exporting to `path` makes a folder with one file per entry."""
        return self.target_is_folder is not None and self.target_is_folder(Path(path))

    def label_text(self) -> str:
        return translate(CONTEXT, self.label)


@dataclass(frozen=True)
class Importer:
    """A format entries are read from. `label` and `file_filter` are English sources (context CONTEXT)."""

    name: str  # the CLI's --from value, stable
    label: str
    file_filter: str
    rows: RowReader
    mood_labels: bool = False  # Daylio: custom mood labels the person maps to 1-5 before importing

    def label_text(self) -> str:
        return translate(CONTEXT, self.label)


# -- helpers the readers share ----------------------------------------------------------------


# What row_uid hashes; these bytes must never change, or a file imported before an upgrade would be
# imported again after it. One encoder, the same settings as json.dumps(ensure_ascii=False, sort_keys=True).
_UID_TEXT = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
# "21:30" and "8:05", the common case, without strptime (same result: hour 0-23, minute 00-59).
_CLOCK = re.compile(r"([0-9]{1,2}):([0-5][0-9])")


def row_uid(prefix: str, parts: object) -> str:
    """A stable uid for an imported record, so importing the same file twice adds nothing."""
    digest = hashlib.sha256(_UID_TEXT(parts).encode()).hexdigest()
    return f"{prefix}-{digest[:32]}"


def shown(value: object, limit: int = 40) -> str:
    """A value from the file as a short one-line detail for a row error."""
    text = " ".join(str(value).split())
    text = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in text[: limit + 1])
    return text if len(text) <= limit else text[:limit] + "…"


def parse_time(text: str) -> tuple[int, int]:
    """Hour and minute from the clock formats exports use (24 h, or 12 h with AM/PM)."""
    text = text.strip()
    clock = _CLOCK.fullmatch(text)
    if clock is not None and int(clock[1]) < 24:
        return int(clock[1]), int(clock[2])
    for fmt in ("%H:%M", "%I:%M %p", "%H:%M:%S", "%I:%M%p"):
        try:
            parsed = datetime.strptime(text.upper(), fmt)
        except ValueError:
            continue
        return parsed.hour, parsed.minute
    raise ImportBadDate(shown(text))


def local_time(day: date, hour: int, minute: int) -> datetime:
    """A wall-clock time from a file that has no time zone, in this computer's zone."""
    try:
        return datetime(day.year, day.month, day.day, hour, minute).astimezone()
    except (ValueError, OverflowError, OSError) as exc:  # year 1 or 9999 in a far time zone
        raise ImportBadDate(day.isoformat()) from exc
