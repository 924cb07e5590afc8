"""The streaming JSON reader reads a whole value in one pass, and gives what the careful way gives.

The careful way (each value's end found bracket by bracket, both caps checked, then parsed) is the
reader's reference: for any text, chunking and caps, the one-pass reader yields the same members
and raises the same error at the same line.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerapp.core import errors
from peerapp.core.json_stream import STREAMED_ARRAY, JsonStream
from support import ROOT


class CarefulStream(JsonStream):
    """The reader with its one-pass shortcut off: every value read the careful way."""

    def _value(self, depth: int) -> object:
        first = self._next_char()
        if not first:
            raise self._invalid()
        return self._careful_value(first, depth)


class CountingStream(JsonStream):
    """The reader, counting the values it had to read the careful way."""

    careful = 0

    def _careful_value(self, first: str, depth: int) -> object:
        self.careful += 1
        return super()._careful_value(first, depth)


Outcome = tuple[list[tuple[str, object, int, int]], tuple[type[Exception], tuple[object, ...]] | None]


def outcome(stream: JsonStream) -> Outcome:
    """The members read (key, value, index, line) and the error that stopped the reading, if any."""
    got: list[tuple[str, object, int, int]] = []
    try:
        for m in stream.members("entries"):
            got.append((m.key, "<array>" if m.value is STREAMED_ARRAY else m.value, m.index, m.line))
    except errors.PeerappError as exc:
        return got, (type(exc), exc.args)
    return got, None


def chunked(text: str, sizes: list[int]) -> Iterator[str]:
    i = k = 0
    while i < len(text):
        yield text[i : i + sizes[k % len(sizes)]]
        i, k = i + sizes[k % len(sizes)], k + 1


def both(text: str, sizes: list[int], **caps: int) -> tuple[Outcome, Outcome]:
    return (
        outcome(JsonStream(chunked(text, sizes), **caps)),
        outcome(CarefulStream(chunked(text, sizes), **caps)),
    )


def read(text: str, sizes: list[int] | None = None, **caps: int) -> Outcome:
    return outcome(JsonStream(chunked(text, sizes or [len(text) or 1]), **caps))


# -- the same as the careful way, whatever the text ---------------------------------------------

PIECES = ["a", "ع", '"', "\\", "[", "]", "{", "}", ",", ":", " ", "\n", "1", "-", "e", "."]


def _value(rng: random.Random, depth: int) -> object:
    kind = rng.randint(0, 9 if depth < 7 else 5)
    if kind == 0:
        return rng.choice([None, True, False])
    if kind == 1:
        return rng.choice([rng.randint(-(10**6), 10**6), 10 ** rng.randint(90, 110), rng.random() * 1e5])
    if kind <= 5:
        return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 10)))
    if kind <= 7:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(["k", "[", "{"]) + str(i): _value(rng, depth + 1) for i in range(rng.randint(0, 3))}


def _damage(rng: random.Random, text: str) -> str:
    """Cut, insert or delete a few characters, or splice in a literal json refuses or a deep run."""
    for _ in range(rng.randint(1, 3)):
        i = rng.randint(0, len(text))
        choice = rng.randint(0, 5)
        if choice == 0:
            text = text[:i]
        elif choice == 1:
            text = text[:i] + rng.choice([*PIECES, "x", "NaN", "1e999", "9" * 120]) + text[i:]
        elif choice == 2:
            text = text[:i] + text[i + 1 :]
        elif choice == 3:
            text = text[:i] + "[" * rng.randint(5, 2000) + text[i:]
        else:
            text = text[:i] + "1" + text[i:]
    return text


def test_one_pass_reads_what_the_careful_way_reads() -> None:
    rng = random.Random(2026)
    for n in range(3000):
        doc = {"format": _value(rng, 1), "entries": [_value(rng, 2) for _ in range(rng.randint(0, 6))]}
        text = json.dumps(doc, ensure_ascii=rng.random() < 0.3, indent=rng.choice([None, 0, 1]))
        if n % 3:
            text = _damage(rng, text)
        sizes = [rng.randint(1, 64) for _ in range(4)]
        caps = {"max_depth": rng.randint(2, 9), "max_part": rng.randint(8, 400)}
        fast, careful = both(text, sizes, **caps)
        assert fast == careful, (text, sizes, caps)


# -- what the shortcut must not take for a value ----------------------------------------------


def test_whole_values_are_read_once() -> None:
    rows = [
        {"uid": f"u{i}", "mood": i % 5 + 1, "tags": ["a", "[b]"], "coping": [{"t": 1.5}]} for i in range(50)
    ]
    text = json.dumps({"format": "x", "version": 1, "entries": rows})
    stream = CountingStream(iter([text]))
    got, error = outcome(stream)
    assert error is None and [value for _k, value, index, _l in got if index] == rows
    assert stream.careful == 0  # every value was whole in the buffer: none was read twice


def test_a_number_cut_by_the_end_of_a_chunk_is_read_whole() -> None:
    got, error = read('{"version": 12' + '3, "entries": []}', sizes=[len('{"version": 12')])
    assert error is None and got[0][1] == 123
    got, error = read('{"entries": [1, 2' + "5, 3]}", sizes=[len('{"entries": [1, 2')])
    assert error is None and [value for _k, value, index, _l in got if index] == [1, 25, 3]


def test_a_number_run_into_other_text_is_refused_whole() -> None:
    for text in ('{"version": 1x, "entries": []}', '{"entries": [1true]}', '{"entries": [nullx]}'):
        got, error = read(text)
        assert error is not None and error[0] is errors.ImportFileInvalid, text
        assert all(index == 0 for _k, _v, index, _l in got)  # no member read from the bad value


def test_a_whole_value_over_the_size_cap_is_refused() -> None:
    text = '{"entries": [' + json.dumps({"text": "a" * 500}) + "]}"
    got, error = read(text, max_part=400)
    assert error is not None and error[0] is errors.ImportPartTooLarge
    assert got == [("entries", "<array>", 0, 1)]
    assert read(text, max_part=600)[1] is None


def test_a_whole_value_nested_past_the_cap_is_refused() -> None:
    # Top object, the entries array, then the item: MAX_DEPTH counts from the top.
    at_cap = '{"entries": [' + "[" * 62 + "]" * 62 + "]}"
    assert read(at_cap)[1] is None
    for depth in (63, 500, 100_000):  # under json's recursion limit, and far over it
        _got, error = read('{"entries": [' + "[" * depth + "]" * depth + "]}")
        assert error is not None and error[0] is errors.ImportTooDeep, depth


def test_brackets_in_strings_do_not_count_as_nesting() -> None:
    row = {"text": "[" * 200 + "{" * 200, "tags": ["]]]", "{{{"]}
    got, error = read('{"entries": [' + json.dumps(row) + "]}")
    assert error is None and got[1][1] == row


@pytest.mark.parametrize("size", [1, 2, 3, 7, 64])
def test_any_chunking_reads_the_same(size: int) -> None:
    rows = [{"uid": "u", "mood": 12345, "text": 'x"\\y' * 5, "n": [1.5e3, -2, None, True]}] * 4
    text = json.dumps({"version": 1, "entries": rows, "z": 9876543210})
    assert read(text, sizes=[size]) == read(text)
    assert read(text)[1] is None


def test_json_never_recurses_past_the_cap(tmp_path: Path) -> None:
    """A nesting bomb is refused in a thread with a small stack (macOS gives threads 512 KiB): json
    is only given text too shallow to nest past the cap, so its recursion cannot crash the process."""
    code = (
        "import threading\n"
        "from peerapp.core import errors\n"
        "from peerapp.core.json_stream import JsonStream\n"
        "threading.stack_size(128 * 1024)\n"
        "refused = []\n"
        "def read():\n"
        "    for depth in (100, 1000, 100_000):\n"
        "        text = '{\"entries\": [' + '[' * depth + ']' * depth + ']}'\n"
        "        try:\n"
        "            for _ in JsonStream(iter([text])).members('entries'):\n"
        "                pass\n"
        "        except errors.ImportTooDeep:\n"
        "            refused.append(depth)\n"
        "thread = threading.Thread(target=read)\n"
        "thread.start()\n"
        "thread.join()\n"
        "print(refused)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr}"
    assert done.stdout.strip() == "[100, 1000, 100000]"
