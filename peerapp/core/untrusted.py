"""Reading files from outside the vault (imports, settings, articles) with caps on size, depth and encoding."""

from __future__ import annotations

import codecs
import csv
import os
import re
import stat
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import ImportFileTooLarge, ImportNotAFile, ImportNotText, ImportPartTooLarge
from .json_stream import STREAMED_ARRAY as STREAMED_ARRAY
from .json_stream import JsonMember as JsonMember
from .json_stream import JsonStream as JsonStream
from .limits import CHUNK_BYTES as CHUNK_BYTES
from .limits import MAX_BAD_ROWS as MAX_BAD_ROWS
from .limits import MAX_DEPTH as MAX_DEPTH
from .limits import MAX_IMPORT_BYTES as MAX_IMPORT_BYTES
from .limits import MAX_NUMBER_CHARS as MAX_NUMBER_CHARS
from .limits import MAX_PART_CHARS as MAX_PART_CHARS
from .limits import MIB as MIB
from .strict_json import DECODER as DECODER
from .strict_json import check_depth as check_depth
from .strict_json import loads as loads


def open_file(path: Path, max_bytes: int) -> BinaryIO:
    """`path` opened for reading if it is a regular file of at most `max_bytes` bytes.

    The open does not block, so a FIFO or a device given as the file is refused instead
    of waiting forever; the size comes from the open file, so a swap after a check cannot
    slip past it. Other OSErrors (missing, no permission) are raised as they are.
    """
    flags = os.O_RDONLY
    for name in ("O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC", "O_BINARY"):
        flags |= getattr(os, name, 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ImportNotAFile()
        if info.st_size > max_bytes:
            raise ImportFileTooLarge()
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def text_chunks(fh: BinaryIO, max_bytes: int) -> Iterator[str]:
    """The file as strict UTF-8 (a leading BOM dropped), a chunk at a time.

    Raises ImportNotText for bytes that are not UTF-8 and for NUL characters (no text
    format we read holds them; they mean a binary or damaged file), and
    ImportFileTooLarge if the file grows past `max_bytes` while it is read.
    """
    decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
    read = 0
    while True:
        data = fh.read(CHUNK_BYTES)
        read += len(data)
        if read > max_bytes:
            raise ImportFileTooLarge()
        try:
            text = decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise ImportNotText() from exc
        if "\0" in text:
            raise ImportNotText()
        if text:
            yield text
        if not data:
            return


def read_text(path: Path, max_bytes: int) -> str:
    """A whole small file as text, with the checks of `open_file` and `text_chunks`."""
    with open_file(path, max_bytes) as fh:
        return "".join(text_chunks(fh, max_bytes))


# -- CSV -------------------------------------------------------------------------------------

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


class TextLines:
    """Lines of a text stream with their line ends, for csv.reader.

    Ends are \\n, \\r\\n or \\r, as io.StringIO(newline="") splits them. Everything read
    since the last `mark()` (one CSV record, which may span lines) is capped at
    `max_chars`, so a field with no closing quote cannot swallow the file.
    """

    def __init__(self, chunks: Iterator[str], max_chars: int = MAX_PART_CHARS) -> None:
        self._chunks = chunks
        self._max = max_chars
        self._ready: deque[str] = deque()
        self._partial: list[str] = []  # at most one unfinished line
        self._since_mark = 0
        self._mark_line = 1
        self._done = False
        self.line = 0  # lines handed out so far

    def mark(self) -> None:
        """Start counting a new record."""
        self._since_mark = 0
        self._mark_line = self.line + 1

    def __iter__(self) -> TextLines:
        return self

    def __next__(self) -> str:
        while not self._ready:
            if self._done:
                raise StopIteration
            self._read()
        line = self._ready.popleft()
        self._since_mark += len(line)
        if self._since_mark > self._max:
            raise ImportPartTooLarge(f"line {self._mark_line}")
        self.line += 1
        return line

    def _read(self) -> None:
        chunk = next(self._chunks, None)
        if chunk is None:
            self._done = True
            self._ready.extend(self._partial)
            self._partial.clear()
            return
        pieces = _LINE.findall(chunk)  # lines with their ends; the last may be unfinished
        if self._partial:
            if self._partial[0].endswith("\r") and not chunk.startswith("\n"):
                self._ready.append(self._partial[0])  # a lone \r ended the previous chunk
            else:
                pieces[0] = self._partial[0] + pieces[0]
            self._partial.clear()
        if not pieces[-1].endswith("\n"):  # unfinished, or \r that may be the first half of \r\n
            self._partial.append(pieces.pop())
            if len(self._partial[0]) > self._max:  # one line alone over the cap: stop reading it
                raise ImportPartTooLarge(f"line {self._mark_line}")
        self._ready.extend(pieces)


def allow_csv_fields() -> None:
    """Let csv read fields up to MAX_PART_CHARS (its default, 128 KiB, is below a long note).

    The limit is process-wide; it is only ever raised, and TextLines caps the records.
    """
    if csv.field_size_limit() < MAX_PART_CHARS:
        csv.field_size_limit(MAX_PART_CHARS)


def json_members(path: Path, streamed_key: str, max_bytes: int = MAX_IMPORT_BYTES) -> Iterator[JsonMember]:
    """JsonStream.members() of the file at `path`, opened with `open_file`."""
    with open_file(path, max_bytes) as fh:
        yield from JsonStream(text_chunks(fh, max_bytes)).members(streamed_key)
