"""Typo correction against a vocabulary kept in SQLite: edit distance and a symmetric-delete index."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

# Every vocabulary word and its one-letter deletions. Two words one edit apart (a letter
# added, dropped, changed, or two neighbours swapped) share an entry, so lookups need no
# scan of the vocabulary.
SCHEMA = """
CREATE TABLE word (rowid INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE, freq INTEGER NOT NULL);
CREATE TABLE word_variant (
    variant TEXT NOT NULL,
    word INTEGER NOT NULL,
    PRIMARY KEY (variant, word)
) WITHOUT ROWID;
"""
# Shorter words have too many neighbours to correct safely.
MIN_LENGTH = 3


def osa_distance(a: str, b: str) -> int:
    """Edit distance where swapping two neighbouring letters counts as one edit."""
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _variants(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


MAX_LENGTH = 40  # no real word is longer; a long one would build length² characters of variants


def correctable(word: str) -> bool:
    return MIN_LENGTH <= len(word) <= MAX_LENGTH and not word.isdigit()


def store_vocabulary(conn: sqlite3.Connection, frequency: Mapping[str, int]) -> None:
    """Create the vocabulary tables in `conn` and fill them (word → how many documents hold it)."""
    conn.executescript(SCHEMA)
    for rowid, word in enumerate(sorted(w for w in frequency if correctable(w)), 1):
        conn.execute("INSERT INTO word (rowid, word, freq) VALUES (?, ?, ?)", (rowid, word, frequency[word]))
        conn.executemany(
            "INSERT INTO word_variant (variant, word) VALUES (?, ?)", [(v, rowid) for v in _variants(word)]
        )


def corrections(conn: sqlite3.Connection, word: str, limit: int = 3) -> list[str]:
    """Vocabulary words nearest to `word`: one edit away, or two for words of five letters or more.

    Nearest first, then the most common; empty when nothing is close enough.
    """
    if not correctable(word):
        return []
    keys = sorted(_variants(word))
    marks = ",".join("?" * len(keys))
    rows = conn.execute(
        "SELECT DISTINCT w.word, w.freq FROM word_variant v JOIN word w ON w.rowid = v.word"
        f" WHERE v.variant IN ({marks})",
        keys,
    ).fetchall()
    allowed = 1 if len(word) <= 4 else 2
    scored = sorted((osa_distance(word, str(w)), -int(f), str(w)) for w, f in rows)
    scored = [s for s in scored if s[0] <= allowed]
    if not scored:
        return []
    best = scored[0][0]
    return [w for d, _f, w in scored if d == best][:limit]
