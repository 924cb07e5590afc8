"""Markdown export: readable text, as one file, or as a folder with one file per entry (no trash)."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from ..i18n import QT_TRANSLATE_NOOP
from ..journal import Entry
from .base import CONTEXT, Exporter
from .daylio import MOOD_LABELS

SUFFIX = ".md"


def markdown_target_is_folder(path: Path) -> bool:
    """The one rule for where a Markdown export goes, used by the CLI and the GUI alike.

    A name ending in .md is one file; an existing folder, or any other name, is a folder with
    one file per entry. The GUI's "one file per entry" box only fills in a name that says so.
    """
    path = Path(path)
    return path.is_dir() or path.suffix.lower() != SUFFIX


def entry_markdown(entry: Entry) -> str:
    """One entry as a heading, a list of what it records, and its text."""
    heading = entry.title or entry.at.strftime("%Y-%m-%d %H:%M")
    lines = [f"# {heading}", "", f"- date: {entry.at.isoformat()}"]
    if entry.mood is not None:
        lines.append(f"- mood: {entry.mood} ({MOOD_LABELS[entry.mood]})")
    if entry.emotions:
        lines.append(f"- emotions: {', '.join(entry.emotions)}")
    if entry.tags:
        lines.append(f"- tags: {', '.join(entry.tags)}")
    for use in entry.coping:
        parts = [use.technique]
        if use.distress_before is not None or use.distress_after is not None:
            parts.append(f"distress {use.distress_before}->{use.distress_after}")
        if use.helpfulness is not None:
            parts.append(f"helpfulness {use.helpfulness}/5")
        lines.append(f"- coping: {', '.join(parts)}")
    lines += ["", entry.text.rstrip(), ""]
    return "\n".join(lines)


class MarkdownWriter:
    """Every entry in one file, separated by horizontal rules."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.first = True

    def write(self, entry: Entry) -> None:
        if not self.first:
            self.fh.write("\n---\n\n")
        self.first = False
        self.fh.write(entry_markdown(entry))

    def close(self) -> None:
        pass


def entry_file(entry: Entry, used: set[str]) -> tuple[str, str]:
    """The file of one entry in a folder export: named by its time, made unique with _2, _3, …"""
    base = entry.at.strftime("%Y-%m-%d_%H%M%S")
    name, n = f"{base}{SUFFIX}", 1
    while name in used:
        n += 1
        name = f"{base}_{n}{SUFFIX}"
    used.add(name)
    return name, entry_markdown(entry)


EXPORTER = Exporter(
    name="markdown",
    label=QT_TRANSLATE_NOOP(CONTEXT, "Markdown (readable text)"),
    file_filter=QT_TRANSLATE_NOOP(CONTEXT, "Markdown files (*.md)"),
    suffix=SUFFIX,
    with_trash=False,
    open=MarkdownWriter,
    folder_file=entry_file,
    target_is_folder=markdown_target_is_folder,
)
