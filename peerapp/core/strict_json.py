"""Strict JSON for outside text: numbers of bounded length, no NaN or Infinity, nesting checked first."""

from __future__ import annotations

import json
import math
import re

from .errors import ImportTooDeep
from .limits import MAX_DEPTH, MAX_NUMBER_CHARS

# A string, a bracket, or a lone quote (a string not finished in the text at hand).
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[][{}"]', re.S)


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
