"""The streaming JSON reader: a large import's top-level object read one capped value at a time."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .errors import ImportFileInvalid, ImportPartTooLarge, ImportTooDeep
from .limits import MAX_DEPTH, MAX_PART_CHARS
from .strict_json import DECODER

# json's scanner (C), with the strict decoder's checks: (value, end) of the value at an index,
# StopIteration if none starts there. JSONDecoder sets it in __init__, so typeshed does not list it.
_SCAN: Callable[[str, int], tuple[object, int]] = DECODER.scan_once  # type: ignore[attr-defined]
_SPACES = " \t\n\r"  # JSON's whitespace
_WS = re.compile(f"[{_SPACES}]*")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
# A run of anything but brackets and unfinished strings (possessive: no backtracking).
_NOT_BRACKET = re.compile(r'(?:[^][{}"]++|"[^"\\]*+(?:\\.[^"\\]*+)*+")*+', re.S)
# What a number or a literal is made of (anything else there is for json to refuse).
_SCALAR = re.compile(r"[^][{}\",: \t\n\r]*")
_SCALAR_ENDS = '][{}",: \t\n\r'  # what _SCALAR stops at
_MIN_WINDOW = 64
_MISSED = object()  # a container the one-pass reading left for the careful way


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
    (counted from the top), so neither memory nor recursion follows the file. Errors:
    ImportFileInvalid (with a line), ImportPartTooLarge, ImportTooDeep, and what
    `text_chunks` raises.

    A value is read in one pass where it can be: json's scanner reads it where it stands, and
    its result is kept only if the value ended inside the buffer and within `max_part`; a
    container is scanned in a window too shallow to nest past `max_depth` (_whole_container),
    so json never recurses deeper than the cap. Anything else (a value cut by the end of the
    buffer, damage, a bomb) is read the careful way: its end found bracket by bracket with both
    caps checked on the way, then parsed, so the error is always the one that way gives.
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
        self._window = _MIN_WINDOW  # how much text json is first given for a container

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
        buf, pos = self._buf, self._pos
        if pos < len(buf) and buf[pos] not in _SPACES:  # most often no whitespace comes first
            return buf[pos]
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
        if first in "[{":
            value = self._whole_container(depth)
            if value is not _MISSED:
                return value
        else:
            buf = self._buf
            start = self._pos
            try:
                value, end = _SCAN(buf, start)  # a string or a scalar: json does not recurse
            except (StopIteration, ValueError):
                pass  # damaged, or cut by the end of the buffer: the careful way says which
            else:
                # Ending before the buffer does, a number or a literal cannot go on in the next
                # chunk; it must end where the careful way ends it ("1x" is refused, never read as 1).
                if (
                    end < len(buf)
                    and end - start <= self._max_part
                    and (first == '"' or buf[end] in _SCALAR_ENDS)
                ):
                    self._pos = end
                    return value
        return self._careful_value(first, depth)

    def _whole_container(self, depth: int) -> object:
        """The array or object at the current position read in one pass, or _MISSED.

        json recurses once per level, so it only ever sees a window of the buffer holding no more
        opening brackets (in strings too) than the depth left: however the text nests, neither its
        recursion nor a value it returns can pass the cap. The window is cut from the buffer, which
        costs per character, so it is made to fit: first the rest of a long line when it ends near
        (an export writes one entry per line), else about the last container's length; while the
        value goes on past it, at least twice as long; each to the last line end in reach. A value
        that is damaged, over `max_part`, cut by the end of the buffer or with more brackets than
        that is _MISSED, and read the careful way, which gives the error.
        """
        buf, start, budget = self._buf, self._pos, self._max_depth - depth
        # First the rest of the line, if it is long and ends within four times the guess (an entry
        # of an export); else the guess, to the last line end in it (indented JSON).
        high = self._window
        line_end = buf.find("\n", start, start + 4 * high)
        if line_end - start < high // 4:
            line_end = buf.rfind("\n", start, start + high)
        openers = 0
        counted = start  # the brackets before here are in `openers`
        while True:
            stop = min(line_end + 1 if line_end >= 0 else start + high, len(buf))
            openers += buf.count("[", counted, stop) + buf.count("{", counted, stop)
            counted = stop
            if openers > budget:
                return _MISSED
            try:
                value, length = _SCAN(buf[start:stop], 0)
            except (StopIteration, ValueError):
                if stop == len(buf) or stop - start > self._max_part:
                    return _MISSED
                # Indented JSON ends a line after "{": the next window is the guess at least.
                low, high = stop - start, max(2 * (stop - start), self._window)
                line_end = buf.rfind("\n", start + low, start + high)
                continue
            if length > self._max_part:
                return _MISSED
            self._pos = start + length
            self._window = max(_MIN_WINDOW, length + length // 2)
            return value

    def _careful_value(self, first: str, depth: int) -> object:
        """The value at the current position, its end found and both caps checked before it is parsed."""
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
