"""The bundled article library: reading articles from any resources directory."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import contacts
from .db import Connection
from .i18n import QT_TRANSLATE_NOOP, translate
from .markdown_render import render_with_meta
from .paths import resources_dir

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


def _split_header(text: str) -> tuple[dict[str, list[str]], str]:
    _html, meta = render_with_meta(text)
    _head, _, body = text.partition("\n\n")
    if not meta:
        return {}, text
    return meta, body


def read_article(path: Path, lang: str) -> Article:
    text = path.read_text("utf-8")
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


def scan_articles(directory: Path, lang: str) -> list[Article]:
    """Read every article in `directory` now (no cache), sorted by category then title.

    A file that cannot be read as UTF-8 text is skipped, so one damaged file in a
    resources folder does not hide the rest; a file without a header keeps its id as title.
    """
    if not directory.is_dir():
        return []
    articles = []
    for path in sorted(directory.glob("*.md")):
        try:
            articles.append(read_article(path, lang))
        except (OSError, ValueError):  # ValueError covers UnicodeDecodeError
            continue
    articles.sort(key=lambda a: (a.category, a.title.casefold()))
    return articles


def techniques(lang: str, resources: Path | None = None) -> dict[str, str]:
    """Coping technique ids and their titles in `lang`, for the journal's coping picker."""
    return {a.id: a.title for a in load_articles(lang, resources) if a.category == "coping"}


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
