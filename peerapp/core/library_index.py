"""Full-text search over the article library: a cached SQLite FTS5 index of normalised text."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import textnorm
from .library import Article, library_dir, scan_articles
from .paths import cache_dir

# Bump when the schema or what goes into it changes; textnorm.VERSION covers the normaliser.
INDEX_FORMAT = 1
# bm25 column weights: a word in the title says far more about an article than one in the body.
WEIGHTS = (8.0, 4.0, 1.0)
SNIPPET_CHARS = 160
# Fuzzy matching only corrects words at least this long; shorter ones have too many neighbours.
MIN_FUZZY_LENGTH = 3

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE article (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    category TEXT NOT NULL
);
CREATE TABLE paragraph (
    article INTEGER NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,   -- plain text as written, for snippets
    terms TEXT NOT NULL,  -- the same paragraph as index terms, to pick the snippet
    PRIMARY KEY (article, position)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE article_fts USING fts5 (
    title, tags, body,
    content = '',
    tokenize = 'unicode61 remove_diacritics 0'
);
-- Every normalised word of the library and its one-letter deletions: a symmetric-delete
-- index that finds words one edit away (typos) without scanning the vocabulary.
CREATE TABLE word (rowid INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE, freq INTEGER NOT NULL);
CREATE TABLE word_variant (variant TEXT NOT NULL, word INTEGER NOT NULL, PRIMARY KEY (variant, word))
    WITHOUT ROWID;
"""

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(\*\*|__|[*_`])")
_MD_LEAD = re.compile(r"^\s*(#{1,6}\s+|[-+*]\s+|\d+[.)]\s+|>\s?)")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class LibraryHit:
    """One search result, shown from the original article."""

    id: str
    title: str
    category: str
    score: float  # higher is better; comparable only within one result list
    snippet: str

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "category": self.category,
                "score": self.score, "snippet": self.snippet}


def _plain(markdown_line: str) -> str:
    """A Markdown line as readable text: no heading or list marks, emphasis or link targets."""
    line = _MD_LEAD.sub("", markdown_line)
    line = _MD_LINK.sub(r"\1", line)
    return _MD_MARKS.sub("", line).strip()


def _paragraphs(body: str) -> list[str]:
    """Body text split into paragraphs and list items, as plain text."""
    parts: list[str] = []
    for block in re.split(r"\n\s*\n", body):
        lines = [ln for ln in block.splitlines() if ln.strip()]
        if not lines:
            continue
        if all(_MD_LEAD.match(ln) for ln in lines):  # a list or headings: one part per line
            parts.extend(p for p in (_plain(ln) for ln in lines) if p)
        else:
            text = " ".join(_plain(ln) for ln in lines)
            if text:
                parts.append(text)
    return parts


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


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _fingerprint(files: Sequence[Path], lang: str) -> str:
    """Changes whenever an article file, the index format or the normaliser changes."""
    digest = hashlib.sha256(f"{INDEX_FORMAT}:{textnorm.VERSION}:{lang}".encode())
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            data = b"\0unreadable"
        digest.update(path.name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


class LibraryIndex:
    """Search over the articles of one language in one resources folder.

    The index is built on first use and kept in the cache folder; opening it again
    reuses the file unless an article, the index format or the normaliser changed.
    Queries are never stored. If the cache folder is not writable, the index lives
    in memory for this process.
    """

    def __init__(self, lang: str, resources: Path | None = None, *, cache: Path | None = None) -> None:
        self.lang = lang
        self.directory = library_dir(resources) / lang
        self._cache = cache
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self.builds = 0  # how many times this object built the index (tests, benchmarks)

    # -- the cache file ------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """Where the cached index of this folder and language lives."""
        where = str(self.directory.resolve()).encode("utf-8", "surrogateescape")
        name = f"library-{self.lang}-{hashlib.sha256(where).hexdigest()[:16]}.sqlite3"
        return (self._cache or cache_dir()) / name

    def _files(self) -> list[Path]:
        if not self.directory.is_dir():
            return []
        return sorted(self.directory.glob("*.md"))

    def open(self) -> bool:
        """Open the cached index, building it first if it is missing or stale. True if it was built."""
        with self._lock:
            return self._open_locked()

    def _open_locked(self) -> bool:
        if self._conn is not None:
            return False
        fingerprint = _fingerprint(self._files(), self.lang)
        conn = self._open_cached(fingerprint)
        if conn is not None:
            self._conn = conn
            return False
        self._conn = self._build(fingerprint)
        return True

    def _open_cached(self, fingerprint: str) -> sqlite3.Connection | None:
        path = self.path
        if not path.is_file():
            return None
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False)
            row = conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
            if row is not None and row[0] == fingerprint:
                return conn
        except sqlite3.DatabaseError:
            pass  # damaged or foreign file: rebuilt below
        if conn is not None:
            conn.close()
        return None

    def build(self) -> None:
        """Rebuild the index from the articles now, whatever the cache holds."""
        with self._lock:
            self._close_locked()
            self._conn = self._build(_fingerprint(self._files(), self.lang))

    def _build(self, fingerprint: str) -> sqlite3.Connection:
        self.builds += 1
        articles = scan_articles(self.directory, self.lang)
        path = self.path
        tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.unlink(missing_ok=True)
            conn = sqlite3.connect(tmp)
            try:
                _fill(conn, articles, fingerprint)
            finally:
                conn.close()
            os.replace(tmp, path)
            return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False)
        except (OSError, sqlite3.Error):
            # No usable cache folder: keep the index in memory for this process.
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            memory = sqlite3.connect(":memory:", check_same_thread=False)
            _fill(memory, articles, fingerprint)
            return memory

    def close(self) -> None:
        with self._lock:
            self._close_locked()

    def _close_locked(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> LibraryIndex:
        self.open()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- searching -----------------------------------------------------------------------

    def search(self, query: str, limit: int = 10) -> list[LibraryHit]:
        """The best `limit` articles for `query`, best first.

        Each word matches by prefix, as typed or as its stem; hyphenated words match as
        a phrase ("4-7-8"). A word the library does not contain at all is replaced by the
        library's words one or two edits away (typos). Then all words must match; if no
        article has them all, any one will do.
        """
        units = textnorm.query_units(query)
        if not units or limit <= 0:
            return []
        with self._lock:
            self._open_locked()
            conn = self._conn
            assert conn is not None
            groups = [g for unit in units for g in self._unit_options(conn, unit)]
            if not groups:
                return []
            for joiner in (" AND ", " OR "):
                expression = joiner.join("(" + " OR ".join(sorted(g)) + ")" for g in groups)
                rows = conn.execute(
                    "SELECT a.rowid, a.id, a.title, a.category, bm25(article_fts, ?, ?, ?) AS rank"
                    " FROM article_fts JOIN article a ON a.rowid = article_fts.rowid"
                    " WHERE article_fts MATCH ? ORDER BY rank, a.id LIMIT ?",
                    (*WEIGHTS, expression, limit),
                ).fetchall()
                if rows:
                    terms = [t for g in groups for t in _terms_of(g)]
                    return [
                        LibraryHit(id=r[1], title=r[2], category=r[3], score=round(-float(r[4]), 4),
                                   snippet=_snippet(conn, int(r[0]), terms))
                        for r in rows
                    ]
                if len(groups) == 1:
                    break
        return []

    def _unit_options(self, conn: sqlite3.Connection, unit: tuple[str, ...]) -> list[set[str]]:
        """Alternative FTS5 phrases for one query word or hyphenated run (empty: nothing fits)."""
        if len(unit) > 1:
            phrase = {_quote(" ".join(textnorm.stem(t) for t in unit)) + "*", _quote(" ".join(unit)) + "*"}
            if _matches(conn, " OR ".join(sorted(phrase))):
                return [phrase]
            return [g for t in unit for g in self._unit_options(conn, (t,))]
        token = unit[0]
        options = {_quote(textnorm.stem(token)) + "*", _quote(token) + "*"}
        if _matches(conn, " OR ".join(sorted(options))):
            return [options]
        corrected: set[str] = set()
        for word in self._corrections(conn, token):
            corrected |= {_quote(textnorm.stem(word)) + "*", _quote(word) + "*"}
        return [corrected] if corrected else []

    def _corrections(self, conn: sqlite3.Connection, token: str) -> list[str]:
        """Library words closest to an unknown `token`: edit distance 1, or 2 for long words."""
        if len(token) < MIN_FUZZY_LENGTH or token.isdigit():
            return []
        keys = sorted({token, *_deletions(token)})
        marks = ",".join("?" * len(keys))
        candidates = conn.execute(
            f"SELECT DISTINCT w.word, w.freq FROM word_variant v JOIN word w ON w.rowid = v.word"
            f" WHERE v.variant IN ({marks})",
            keys,
        ).fetchall()
        allowed = 1 if len(token) <= 4 else 2
        scored = [(osa_distance(token, str(w)), -int(f), str(w)) for w, f in candidates]
        scored = [s for s in scored if s[0] <= allowed]
        if not scored:
            return []
        best = min(s[0] for s in scored)
        return [w for d, _f, w in sorted(scored) if d == best][:3]

    # -- listing -------------------------------------------------------------------------

    def article_ids(self) -> list[str]:
        """Ids of every indexed article."""
        with self._lock:
            self._open_locked()
            assert self._conn is not None
            return [str(r[0]) for r in self._conn.execute("SELECT id FROM article ORDER BY id")]


def _matches(conn: sqlite3.Connection, expression: str) -> bool:
    row = conn.execute("SELECT 1 FROM article_fts WHERE article_fts MATCH ? LIMIT 1", (expression,))
    return row.fetchone() is not None


def _terms_of(options: Iterable[str]) -> list[str]:
    """The bare terms inside FTS5 prefix phrases like '"breath"*'."""
    return [o[1:-2].replace('""', '"') for o in options]


def _snippet(conn: sqlite3.Connection, rowid: int, terms: Sequence[str]) -> str:
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


def _fill(conn: sqlite3.Connection, articles: Sequence[Article], fingerprint: str) -> None:
    """Create the schema in an empty database and index `articles`."""
    frequency: dict[str, int] = {}
    with conn:
        conn.executescript(_SCHEMA)
        for rowid, article in enumerate(articles, 1):
            title = article.title or article.id
            tags = ", ".join(article.tags)
            conn.execute(
                "INSERT INTO article (rowid, id, title, category) VALUES (?, ?, ?, ?)",
                (rowid, article.id, title, article.category),
            )
            conn.execute(
                "INSERT INTO article_fts (rowid, title, tags, body) VALUES (?, ?, ?, ?)",
                (rowid, textnorm.index_text(title), textnorm.index_text(tags), textnorm.index_text(article.body)),
            )
            conn.executemany(
                "INSERT INTO paragraph (article, position, text, terms) VALUES (?, ?, ?, ?)",
                [(rowid, i, p, textnorm.index_text(p)) for i, p in enumerate(_paragraphs(article.body))],
            )
            for word in set(textnorm.tokens(f"{title} {tags} {article.body}")):
                if len(word) >= MIN_FUZZY_LENGTH and not word.isdigit():
                    frequency[word] = frequency.get(word, 0) + 1
        for rowid, (word, freq) in enumerate(sorted(frequency.items()), 1):
            conn.execute("INSERT INTO word (rowid, word, freq) VALUES (?, ?, ?)", (rowid, word, freq))
            conn.executemany(
                "INSERT INTO word_variant (variant, word) VALUES (?, ?)",
                [(v, rowid) for v in {word, *_deletions(word)}],
            )
        conn.execute("INSERT INTO meta (key, value) VALUES ('fingerprint', ?)", (fingerprint,))
        conn.execute("INSERT INTO meta (key, value) VALUES ('format', ?)", (str(INDEX_FORMAT),))
