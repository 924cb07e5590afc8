"""The bundled article library: reading articles from any resources directory."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .markdown_render import render_with_meta
from .paths import resources_dir


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
    head, _, body = text.partition("\n\n")
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
        body=body.strip(),
        path=path,
    )


def library_dir(resources: Path | None = None) -> Path:
    return (resources or resources_dir()) / "library"


def load_articles(lang: str, resources: Path | None = None) -> list[Article]:
    """Every article of one language, sorted by category then title."""
    return list(_load_cached(str(library_dir(resources) / lang), lang))


@lru_cache(maxsize=8)
def _load_cached(folder: str, lang: str) -> tuple[Article, ...]:
    directory = Path(folder)
    if not directory.is_dir():
        return ()
    articles = [read_article(p, lang) for p in sorted(directory.glob("*.md"))]
    articles.sort(key=lambda a: (a.category, a.title.casefold()))
    return tuple(articles)


def techniques(lang: str, resources: Path | None = None) -> dict[str, str]:
    """Coping technique ids and their titles in `lang`, for the journal's coping picker."""
    return {a.id: a.title for a in load_articles(lang, resources) if a.category == "coping"}
