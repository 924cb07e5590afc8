"""Full-text search over the article library: a cached SQLite FTS5 index of normalised text."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import related_forms, spelling, textnorm, untrusted
from .errors import PeerappError
from .library import MAX_ARTICLE_BYTES, Article, article_files, library_dir, scan_articles
from .library_text import paragraphs as split_paragraphs
from .library_text import snippet, terms_of
from .paths import cache_dir

# Bump when the schema or what goes into it changes; textnorm.VERSION covers the normaliser.
INDEX_FORMAT = 2
# Field weights: a word in the title says far more about an article than one in the body.
# Each field has its own FTS5 table, so its bm25 uses that field's length and rarity;
# FTS5's own column weights only scale term counts, which bm25 saturates, so a long
# body would drown the title.
FIELDS = (("title", 8.0), ("tags", 4.0), ("body", 1.0))
# A related form ("hopeless" for "hope") counts for this share of a form of the word itself.
RELATED_WEIGHT = 0.35
# A pasted paragraph is not a query; words past this many are ignored (keeps latency bounded).
MAX_QUERY_WORDS = 24
# Longer words are no typo targets, and the spelling index stores one variant per letter
# of each word: a 100,000-letter "word" in an outside article would be 10 GB of variants.
MAX_VOCABULARY_WORD = 40

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
-- All fields together decide which articles match; the per-field tables rank them.
CREATE VIRTUAL TABLE article_fts USING fts5 (
    title, tags, body, content = '', tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE title_fts USING fts5 (terms, content = '', tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE tags_fts USING fts5 (terms, content = '', tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE body_fts USING fts5 (terms, content = '', tokenize = 'unicode61 remove_diacritics 0');
"""


@dataclass(frozen=True)
class LibraryHit:
    """One search result, shown from the original article."""

    id: str
    title: str
    category: str
    score: float  # higher is better; comparable only within one result list
    snippet: str

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "category": self.category,
            "score": self.score,
            "snippet": self.snippet,
        }


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _fingerprint(files: Sequence[Path], lang: str) -> str:
    """Changes whenever an article file, the index format or the normaliser changes."""
    digest = hashlib.sha256(f"{INDEX_FORMAT}:{textnorm.VERSION}:{lang}".encode())
    for path in files:
        try:
            # Capped and non-blocking, as the articles themselves are read: a FIFO named
            # *.md must not hang the search, nor a 2 GB file fill the memory.
            with untrusted.open_file(path, MAX_ARTICLE_BYTES) as fh:
                data = fh.read(MAX_ARTICLE_BYTES + 1)
        except (OSError, PeerappError):
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
        try:
            folder = self.directory.resolve()
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python 3.11)
            folder = self.directory.absolute()
        where = str(folder).encode("utf-8", "surrogateescape")
        name = f"library-{self.lang}-{hashlib.sha256(where).hexdigest()[:16]}.sqlite3"
        return (self._cache or cache_dir()) / name

    def _files(self) -> list[Path]:
        return article_files(self.directory)

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
        library's words one or two edits away (typos). Articles with every word rank
        first, but an article missing a word still appears, lower down.
        """
        # "breathe breathing" is one word twice over: count it once.
        stems = {tuple(textnorm.stem(t) for t in u): u for u in textnorm.query_units(query)}
        units = list(stems.values())[:MAX_QUERY_WORDS]
        if not units or limit <= 0:
            return []
        with self._lock:
            self._open_locked()
            conn = self._conn
            assert conn is not None
            pairs = [p for unit in units for p in self._unit_options(conn, unit)]
            if not pairs:
                return []
            # Per word: its own forms (as typed, its stem, by prefix) and its related forms
            # (whole stems: "hopeless" for "hope"). Either counts as having the word.
            phrases = ["(" + " OR ".join(sorted(own | rel)) + ")" for own, rel in pairs]
            scores: dict[int, float] = {}
            for options, factor in ((0, 1.0), (1, RELATED_WEIGHT)):
                expression = " OR ".join(o for pair in pairs for o in sorted(pair[options]))
                if expression:
                    self._score(conn, expression, factor, scores)
            # Coordination: an article with only some of the words keeps (share of words)^2
            # of its score, so articles with every word come first unless another is a far
            # better match for most of them ("first session of therapy" needs no "happens").
            matched = dict.fromkeys(scores, 0)
            for phrase in phrases:
                for (rowid,) in conn.execute(
                    "SELECT rowid FROM article_fts WHERE article_fts MATCH ?", (phrase,)
                ):
                    matched[rowid] = matched.get(rowid, 0) + 1
            for rowid in scores:
                scores[rowid] *= (matched[rowid] / len(phrases)) ** 2
            best = sorted(scores, key=lambda r: (-scores[r], r))[:limit]
            terms = [t for own, rel in pairs for t in terms_of(own | rel)]
            hits = []
            for rowid in best:
                article_id, title, category = conn.execute(
                    "SELECT id, title, category FROM article WHERE rowid = ?", (rowid,)
                ).fetchone()
                hits.append(
                    LibraryHit(
                        id=str(article_id),
                        title=str(title),
                        category=str(category),
                        score=round(scores[rowid], 4),
                        snippet=snippet(conn, rowid, terms),
                    )
                )
            return hits

    @staticmethod
    def _score(conn: sqlite3.Connection, expression: str, factor: float, scores: dict[int, float]) -> None:
        """Add each field's weighted bm25 for `expression`, times `factor`, to `scores`."""
        for field, weight in FIELDS:
            for rowid, rank in conn.execute(
                f"SELECT rowid, bm25({field}_fts) FROM {field}_fts WHERE {field}_fts MATCH ?", (expression,)
            ):
                scores[rowid] = scores.get(rowid, 0.0) - factor * weight * float(rank)

    def _unit_options(
        self, conn: sqlite3.Connection, unit: tuple[str, ...]
    ) -> list[tuple[set[str], set[str]]]:
        """(own forms, related forms) FTS5 phrases for one query word or hyphenated run; empty: nothing fits.

        A word the library lacks is looked for among its related forms before its typos.
        """
        if len(unit) > 1:
            phrase = {_quote(" ".join(textnorm.stem(t) for t in unit)) + "*", _quote(" ".join(unit)) + "*"}
            if _matches(conn, " OR ".join(sorted(phrase))):
                return [(phrase, set())]
            return [p for t in unit for p in self._unit_options(conn, (t,))]
        token = unit[0]
        options = {_quote(textnorm.stem(token)) + "*", _quote(token) + "*"}
        # Related stems the library lacks cost nothing in an OR, so only a word with no form
        # of its own checks whether any of them is there.
        related = set(related_forms.fts_terms(token))
        if _matches(conn, " OR ".join(sorted(options))) or (
            related and _matches(conn, " OR ".join(sorted(related)))
        ):
            return [(options, related)]
        corrected: set[str] = set()
        for word in spelling.corrections(conn, token):
            corrected |= {_quote(textnorm.stem(word)) + "*", _quote(word) + "*"}
        return [(corrected, set())] if corrected else []

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
            paragraphs = [(p, textnorm.index_text(p)) for p in split_paragraphs(article.body)]
            fields = {
                "title": textnorm.index_text(title),
                "tags": textnorm.index_text(tags),
                "body": " ".join(terms for _p, terms in paragraphs),
            }
            conn.execute(
                "INSERT INTO article_fts (rowid, title, tags, body) VALUES (?, ?, ?, ?)",
                (rowid, fields["title"], fields["tags"], fields["body"]),
            )
            for field, terms in fields.items():
                conn.execute(f"INSERT INTO {field}_fts (rowid, terms) VALUES (?, ?)", (rowid, terms))
            conn.executemany(
                "INSERT INTO paragraph (article, position, text, terms) VALUES (?, ?, ?, ?)",
                [(rowid, i, p, terms) for i, (p, terms) in enumerate(paragraphs)],
            )
            for word in set(textnorm.tokens(" ".join([title, tags, *(p for p, _t in paragraphs)]))):
                if len(word) <= MAX_VOCABULARY_WORD:
                    frequency[word] = frequency.get(word, 0) + 1
        spelling.store_vocabulary(conn, frequency)
        conn.execute("INSERT INTO meta (key, value) VALUES ('fingerprint', ?)", (fingerprint,))
        conn.execute("INSERT INTO meta (key, value) VALUES ('format', ?)", (str(INDEX_FORMAT),))
