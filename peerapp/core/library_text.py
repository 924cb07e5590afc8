"""Article text for the library index: Markdown to plain paragraphs, and the snippet shown with a hit."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence

from . import textnorm

SNIPPET_CHARS = 160

# Link text stops at any bracket and the target at any parenthesis: with "[^\]]*" a line of
# "[[[[..." from an outside article took quadratic time (seconds per 20 KB).
_MD_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\n]*\)")
_MD_MARKS = re.compile(r"(\*\*|__|[*_`])")
_MD_LEAD = re.compile(r"^\s*(#{1,6}\s+|[-+*]\s+|\d+[.)]\s+|>\s?)")
_WORD = re.compile(r"\w+")


def plain(markdown_line: str) -> str:
    """A Markdown line as readable text: no heading or list marks, emphasis or link targets."""
    line = _MD_LEAD.sub("", markdown_line)
    line = _MD_LINK.sub(r"\1", line)
    return _MD_MARKS.sub("", line).strip()


def paragraphs(body: str) -> list[str]:
    """Body text split into paragraphs and list items, as plain text."""
    parts: list[str] = []
    for block in re.split(r"\n\s*\n", body):
        lines = [ln for ln in block.splitlines() if ln.strip()]
        if not lines:
            continue
        if all(_MD_LEAD.match(ln) for ln in lines):  # a list or headings: one part per line
            parts.extend(p for p in (plain(ln) for ln in lines) if p)
        else:
            text = " ".join(plain(ln) for ln in lines)
            if text:
                parts.append(text)
    return parts


def terms_of(options: Iterable[str]) -> list[str]:
    """The bare terms inside FTS5 phrases like '"breath"*' or '"hope"'."""
    return [o.removesuffix("*")[1:-1].replace('""', '"') for o in options]


def snippet(conn: sqlite3.Connection, rowid: int, terms: Sequence[str]) -> str:
    """The paragraph that holds most query terms, cut around the first of them."""
    best_text, best_hits = "", -1
    for text, indexed in conn.execute(
        "SELECT text, terms FROM paragraph WHERE article = ? ORDER BY position", (rowid,)
    ):
        padded = " " + str(indexed)
        hits = sum(1 for t in terms if " " + t in padded)
        if hits > best_hits:
            best_text, best_hits = str(text), hits
    return _cut(best_text, terms if best_hits > 0 else ())


def _cut(text: str, terms: Sequence[str]) -> str:
    if len(text) <= SNIPPET_CHARS:
        return text
    start = 0
    for m in _WORD.finditer(text):
        word = textnorm.normalise(m.group())
        if any(word.startswith(t) or textnorm.stem(word).startswith(t) for t in terms):
            start = m.start()
            break
    begin = max(0, start - SNIPPET_CHARS // 3)
    if begin:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < start else begin
    end = begin + SNIPPET_CHARS
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin else end
    return ("…" if begin else "") + text[begin:end].strip() + ("…" if end < len(text) else "")
