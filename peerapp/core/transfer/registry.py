"""The formats, listed once: the CLI's --format and --from choices and the GUI's lists all read them here."""

from __future__ import annotations

from ..errors import InvalidInput
from . import csv_format, daylio, jrnl, json_format, markdown
from .base import Exporter, Importer

# In the order people see them (the GUI's lists, the CLI's help). A new format is one module with an
# EXPORTER or IMPORTER, and one name here.
_EXPORTERS: tuple[Exporter, ...] = (json_format.EXPORTER, csv_format.EXPORTER, markdown.EXPORTER)
_IMPORTERS: tuple[Importer, ...] = (daylio.IMPORTER, jrnl.IMPORTER, json_format.IMPORTER)


def exporters() -> tuple[Exporter, ...]:
    return _EXPORTERS


def importers() -> tuple[Importer, ...]:
    return _IMPORTERS


def get_exporter(name: str) -> Exporter:
    """The exporter called `name` (InvalidInput when there is none)."""
    for exporter in _EXPORTERS:
        if exporter.name == name:
            return exporter
    raise InvalidInput(str(name))


def get_importer(name: str) -> Importer:
    """The importer called `name` (InvalidInput when there is none)."""
    for importer in _IMPORTERS:
        if importer.name == name:
            return importer
    raise InvalidInput(str(name))
