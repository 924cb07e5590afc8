"""Reading files from outside the vault (imports, settings, articles) with caps on size, depth and encoding."""

from __future__ import annotations

import codecs
import csv
import json
import math
import os
import re
import stat
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import (
    ImportFileInvalid,
    ImportFileTooLarge,
    ImportNotAFile,
    ImportNotText,
    ImportPartTooLarge,
    ImportTooDeep,
)

MIB = 1024 * 1024
# The limits below are written into the error messages (errors.py); change both together.
MAX_IMPORT_BYTES = 512 * MIB  # years of daily writing are tens of MB
MAX_PART_CHARS = 8 * MIB  # one CSV record, one JSON entry, one top-level JSON value
MAX_DEPTH = 64  # an export nests 4 levels; json.loads recurses once per level
MAX_NUMBER_CHARS = 100  # int("9" * 5000) is refused by Python and slow before that
MAX_BAD_ROWS = 1000  # more unreadable rows than this: not a journal export at all
CHUNK_BYTES = MIB


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


# -- JSON ------------------------------------------------------------------------------------

_WS = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
# A string, a bracket, or a lone quote (a string not finished in the text at hand).
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[][{}"]', re.S)
# A run of anything but brackets and unfinished strings (possessive: no backtracking).
_NOT_BRACKET = re.compile(r'(?:[^][{}"]++|"[^"\\]*+(?:\\.[^"\\]*+)*+")*+', re.S)
# What a number or a literal is made of (anything else there is for json to refuse).
_SCALAR = re.compile(r"[^][{}\",: \t\n\r]*")


def _int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueError("number too long")
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueError("number too long")
    value = float(text)
    if not math.isfinite(value):  # 1e999
        raise ValueError("number out of range")
    return value


def _constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")  # NaN, Infinity, -Infinity


DECODER = json.JSONDecoder(parse_int=_int, parse_float=_float, parse_constant=_constant)


def check_depth(text: str, max_depth: int = MAX_DEPTH) -> None:
    """ImportTooDeep if brackets in `text` nest deeper than `max_depth` (strings skipped)."""
    level = 0
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token in ("[", "{"):
            level += 1
            if level > max_depth:
                raise ImportTooDeep(f"line {text.count(chr(10), 0, m.start()) + 1}")
        elif token in ("]", "}"):
            level -= 1


def loads(text: str, max_depth: int = MAX_DEPTH) -> object:
    """json.loads for outside text: nesting, number length and NaN/Infinity checked.

    Raises ImportTooDeep, or ValueError for anything that is not strict JSON.
    """
    check_depth(text, max_depth)
    return DECODER.decode(text)


class _StreamedArray:
    """Marks the start of the streamed array in JsonStream.members()."""


STREAMED_ARRAY = _StreamedArray()


@dataclass(frozen=True)
class JsonMember:
    """One member of the top-level object, or one item of the array under the streamed key."""

    key: str
    value: object
    index: int = 0  # position from 1 within the streamed array; 0 for a member
    line: int = 0


class JsonStream:
    """A JSON document whose top level is an object, read piece by piece.

    Only one value is held at a time: each item of the streamed array, each other
    member. Every value is capped at `max_part` characters and `max_depth` levels
    (counted from the top) before json parses it, so neither memory nor recursion
    follows the file. Errors: ImportFileInvalid (with a line), ImportPartTooLarge,
    ImportTooDeep, and what `text_chunks` raises.
    """

    def __init__(
        self, chunks: Iterator[str], *, max_part: int = MAX_PART_CHARS, max_depth: int = MAX_DEPTH
    ) -> None:
        self._chunks = chunks
        self._max_part = max_part
        self._max_depth = max_depth
        self._buf = ""
        self._pos = 0
        self._eof = False
        self._line = 1  # line number at self._line_mark
        self._line_mark = 0

    # -- the buffer ---------------------------------------------------------------------

    def _fill(self) -> bool:
        """Append the next chunk, dropping what was consumed. False at the end of the file."""
        if self._eof:
            return False
        chunk = next(self._chunks, None)
        if chunk is None:
            self._eof = True
            return False
        self.line()  # count the lines about to be dropped
        self._buf = self._buf[self._pos :] + chunk
        self._pos = self._line_mark = 0
        return True

    def line(self, at: int | None = None) -> int:
        """The line number at buffer index `at` (default: the current position)."""
        if at is None:
            self._line += self._buf.count("\n", self._line_mark, self._pos)
            self._line_mark = self._pos
            return self._line
        return self._line + self._buf.count("\n", self._line_mark, at)

    def _invalid(self) -> ImportFileInvalid:
        return ImportFileInvalid(f"json line {self.line()}")

    def _grow(self) -> bool:
        """Read more for the value starting at the current position (capped)."""
        if len(self._buf) - self._pos > self._max_part:
            raise ImportPartTooLarge(f"line {self.line()}")
        return self._fill()

    def _next_char(self) -> str:
        """The next character after whitespace, or "" at the end of the file."""
        while True:
            m = _WS.match(self._buf, self._pos)
            assert m is not None  # the pattern matches the empty string
            self._pos = m.end()
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if not self._fill():
                return ""

    def _expect(self, chars: str) -> str:
        char = self._next_char()
        if not char or char not in chars:
            raise self._invalid()
        self._pos += 1
        return char

    # -- values -------------------------------------------------------------------------

    def _container_end(self, depth: int) -> int:
        level = 0
        i = self._pos
        buf = self._buf
        while True:
            # Jump over everything but brackets, strings included (their brackets are text).
            m = _NOT_BRACKET.match(buf, i)
            assert m is not None  # the pattern matches the empty string
            i = m.end()
            if i < len(buf) and buf[i] != '"':
                if buf[i] in "[{":
                    level += 1
                    if depth + level > self._max_depth:
                        raise ImportTooDeep(f"line {self.line(i)}")
                else:
                    level -= 1
                    if level <= 0:
                        return i + 1
                i += 1
                continue
            # Out of text, or at a string that goes on past it: read more, then go on from there.
            offset = i - self._pos
            if not self._grow():
                raise self._invalid()
            buf = self._buf
            i = self._pos + offset

    def _value_end(self, first: str, depth: int) -> int:
        if first in "[{":
            return self._container_end(depth)
        pattern = _STRING if first == '"' else _SCALAR
        while True:
            m = pattern.match(self._buf, self._pos)
            if m is not None and (m.end() < len(self._buf) or first == '"'):
                return m.end()
            if not self._grow():
                if m is None:
                    raise self._invalid()
                return m.end()

    def _value(self, depth: int) -> object:
        """Parse the value at the current position; `depth` containers enclose it."""
        first = self._next_char()
        if not first:
            raise self._invalid()
        end = self._value_end(first, depth)
        if end - self._pos > self._max_part:  # reading goes a chunk at a time, so check the value too
            raise ImportPartTooLarge(f"line {self.line()}")
        try:
            value = DECODER.decode(self._buf[self._pos : end])
        except ValueError as exc:
            raise self._invalid() from exc
        self._pos = end
        return value

    # -- the document -------------------------------------------------------------------

    def members(self, streamed_key: str) -> Iterator[JsonMember]:
        """Each member of the top-level object in file order.

        An array under `streamed_key` comes as JsonMember(key, STREAMED_ARRAY) and then
        one JsonMember per item, with `index` counting from 1. Raises ImportFileInvalid
        if the document is not one complete JSON object.
        """
        self._expect("{")
        if self._next_char() == "}":
            self._pos += 1
        else:
            while True:
                if self._next_char() != '"':
                    raise self._invalid()
                line = self.line()
                key = self._value(1)
                assert isinstance(key, str)
                self._expect(":")
                if key == streamed_key and self._next_char() == "[":
                    yield JsonMember(key, STREAMED_ARRAY, 0, line)
                    yield from self._items(key)
                else:
                    yield JsonMember(key, self._value(1), 0, line)
                if self._expect(",}") == "}":
                    break
        if self._next_char():
            raise self._invalid()  # more after the object

    def _items(self, key: str) -> Iterator[JsonMember]:
        self._pos += 1  # the [
        if self._next_char() == "]":
            self._pos += 1
            return
        index = 0
        while True:
            index += 1
            self._next_char()
            line = self.line()
            yield JsonMember(key, self._value(2), index, line)
            if self._expect(",]") == "]":
                return


def json_members(path: Path, streamed_key: str, max_bytes: int = MAX_IMPORT_BYTES) -> Iterator[JsonMember]:
    """JsonStream.members() of the file at `path`, opened with `open_file`."""
    with open_file(path, max_bytes) as fh:
        yield from JsonStream(text_chunks(fh, max_bytes)).members(streamed_key)
