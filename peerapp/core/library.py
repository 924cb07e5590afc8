"""The bundled article library: reading articles from any resources directory."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import contacts, numerals, untrusted
from .db import Connection
from .errors import PeerappError
from .i18n import QT_TRANSLATE_NOOP, translate
from .paths import resources_dir

# Caps for a resources folder given on the command line (the bundled articles are a few KB each).
MAX_ARTICLE_BYTES = 1024 * 1024
MAX_ARTICLES = 5000

CATEGORIES: dict[str, str] = {
    "coping": QT_TRANSLATE_NOOP("Library", "Coping"),
    "belonging": QT_TRANSLATE_NOOP("Library", "Belonging"),
    "resilience": QT_TRANSLATE_NOOP("Library", "Resilience"),
    "practical": QT_TRANSLATE_NOOP("Library", "Practical life"),
    "professional-help": QT_TRANSLATE_NOOP("Library", "Professional help"),
    "safety": QT_TRANSLATE_NOOP("Library", "Safety"),
    "crisis": QT_TRANSLATE_NOOP("Library", "Crisis"),
}


def category_label(key: str) -> str:
    """Translated name of a category; unknown categories (other resource folders) show as they are."""
    source = CATEGORIES.get(key)
    return translate("Library", source) if source else key.replace("-", " ").capitalize()


@dataclass
class Article:
    """One article in one language."""

    id: str
    lang: str
    title: str
    category: str
    tags: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    body: str = ""  # Markdown without the header
    path: Path | None = None


# The Meta-Data header as Python-Markdown's "meta" extension reads it (design section 4),
# parsed here so that listing articles never runs the Markdown renderer on a file from
# an outside folder (deeply nested lists make it recurse and take minutes).
_META_BEGIN = re.compile(r"-{3}(\s.*)?$")
_META_END = re.compile(r"(-{3}|\.{3})(\s.*)?$")
_META_LINE = re.compile(r"[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)")
_META_MORE = re.compile(r"[ ]{4,}(.*)")


def _split_header(text: str) -> tuple[dict[str, list[str]], str]:
    """The header (`Key: value` lines, indented continuations, up to a blank line) and the body."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4).split("\n")
    meta: dict[str, list[str]] = {}
    key = ""
    start = 1 if lines and _META_BEGIN.match(lines[0]) else 0
    for line in lines[start:]:
        if not line.strip() or _META_END.match(line):
            break
        if m := _META_LINE.match(line):
            key = m.group(1).lower()
            meta.setdefault(key, []).append(m.group(2).strip())
        elif key and (more := _META_MORE.match(line)):
            meta[key].append(more.group(1).strip())
        else:
            break
    if not meta:
        return {}, text
    _head, _, body = text.partition("\n\n")
    return meta, body


def read_article(path: Path, lang: str) -> Article:
    """One article file; raises OSError or PeerappError (too large, not UTF-8 text, not a file)."""
    text = untrusted.read_text(path, MAX_ARTICLE_BYTES)
    meta, body = _split_header(text)
    tags = [t.strip() for line in meta.get("tags", []) for t in line.split(",") if t.strip()]
    return Article(
        id=path.stem,
        lang=lang,
        title=" ".join(meta.get("title", [path.stem])).strip(),
        category=" ".join(meta.get("category", ["other"])).strip().lower(),
        tags=tags,
        sources=[s.strip() for s in meta.get("sources", []) if s.strip()],
        # The crisis-lines article shows the verified contacts kept in library/contacts.json.
        body=contacts.expand(body.strip(), path.parent.parent, lang),
        path=path,
    )


def library_dir(resources: Path | None = None) -> Path:
    return (resources or resources_dir()) / "library"


def load_articles(lang: str, resources: Path | None = None) -> list[Article]:
    """Every article of one language, sorted by category then title."""
    return list(_load_cached(str(library_dir(resources) / lang), lang))


@lru_cache(maxsize=8)
def _load_cached(folder: str, lang: str) -> tuple[Article, ...]:
    return tuple(scan_articles(Path(folder), lang))


def article_files(directory: Path) -> list[Path]:
    """The `*.md` files of a library folder, sorted; at most MAX_ARTICLES of them."""
    if not directory.is_dir():
        return []
    return sorted(itertools.islice(directory.glob("*.md"), MAX_ARTICLES))


def scan_articles(directory: Path, lang: str, skipped: list[Path] | None = None) -> list[Article]:
    """Read every article in `directory` now (no cache), sorted by category then title.

    A file that cannot be read (not UTF-8 text, over MAX_ARTICLE_BYTES, a FIFO or folder
    named *.md, a symlink loop) is skipped and added to `skipped`, so one damaged or
    hostile file in a resources folder does not hide the rest; a file without a header
    keeps its id as title.
    """
    articles = []
    for path in article_files(directory):
        try:
            articles.append(read_article(path, lang))
        except (OSError, ValueError, PeerappError):  # ValueError covers UnicodeDecodeError
            if skipped is not None:
                skipped.append(path)
    articles.sort(key=lambda a: (a.category, a.title.casefold()))
    return articles


def techniques(lang: str, resources: Path | None = None) -> dict[str, str]:
    """Coping technique ids and their titles in `lang`, for the journal's coping picker.

    An Arabic title's numbers ("تنفس 4-7-8") are shown in the interface's digits (numerals.set_system).
    """
    articles = [a for a in load_articles(lang, resources) if a.category == "coping"]
    return {a.id: numerals.localize(a.title) if lang == "ar" else a.title for a in articles}


def get_article(article_id: str, lang: str, resources: Path | None = None) -> Article | None:
    for article in load_articles(lang, resources):
        if article.id == article_id:
            return article
    return None


class BookmarkRepository:
    """Bookmarked article ids, stored inside the vault."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT article_id FROM bookmark ORDER BY created_at DESC")]

    def contains(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM bookmark WHERE article_id = ?", (article_id,)).fetchone()
        return row is not None

    def set(self, article_id: str, on: bool) -> None:
        if on:
            self.conn.execute(
                "INSERT OR IGNORE INTO bookmark (article_id, created_at) VALUES (?, datetime('now'))",
                (article_id,),
            )
        else:
            self.conn.execute("DELETE FROM bookmark WHERE article_id = ?", (article_id,))
