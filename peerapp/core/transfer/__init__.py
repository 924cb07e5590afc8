"""Your data in and out: export to JSON, CSV and Markdown; import Daylio, jrnl and our JSON.

One module per format (`json_format`, `csv_format`, `markdown`, `daylio`, `jrnl`), each declaring
its EXPORTER or IMPORTER; `registry` lists them once for the CLI and the GUI; `exporting` and
`importing` drive any of them through the shared streaming helpers in `paging`.
"""

from __future__ import annotations

from .base import CONTEXT, EntryWriter, Exporter, Importer, Row
from .csv_format import csv_row
from .daylio import ACTIVITY_SEPARATOR, DAYLIO_COLUMNS, DAYLIO_MOODS, MOOD_LABELS, daylio_unknown_moods
from .exporting import export_entries
from .importing import ImportReport, check_import_file, import_entries
from .json_format import JSON_FORMAT, JSON_VERSION, entry_from_export, entry_to_export
from .markdown import entry_markdown, markdown_target_is_folder
from .paging import BATCH, MAX_BATCH_CHARS, PAGE
from .registry import exporters, get_exporter, get_importer, importers

__all__ = [
    "ACTIVITY_SEPARATOR",
    "BATCH",
    "CONTEXT",
    "DAYLIO_COLUMNS",
    "DAYLIO_MOODS",
    "JSON_FORMAT",
    "JSON_VERSION",
    "MAX_BATCH_CHARS",
    "MOOD_LABELS",
    "PAGE",
    "EntryWriter",
    "Exporter",
    "ImportReport",
    "Importer",
    "Row",
    "check_import_file",
    "csv_row",
    "daylio_unknown_moods",
    "entry_from_export",
    "entry_markdown",
    "entry_to_export",
    "export_entries",
    "exporters",
    "get_exporter",
    "get_importer",
    "import_entries",
    "importers",
    "markdown_target_is_folder",
]
