"""Markdown to HTML for display, treating the text as untrusted (design section 4)."""

from __future__ import annotations

import html
import re

import markdown

_EXTENSIONS = ["meta", "sane_lists", "nl2br"]
_BLOCK = re.compile(r"<(p|li|h[1-6]|blockquote)>")


def _make() -> markdown.Markdown:
    md = markdown.Markdown(extensions=_EXTENSIONS, output_format="html")
    # Raw HTML in a note or article is shown as text, never interpreted.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    # No images: nothing is ever fetched, local or remote.
    for name in ("image_link", "image_reference", "short_image_ref"):
        if name in md.inlinePatterns:
            md.inlinePatterns.deregister(name)
    return md


def render(text: str) -> str:
    """HTML for `text`; each paragraph keeps its own direction (dir="auto")."""
    md = _make()
    body = md.convert(text)
    return _BLOCK.sub(r'<\1 dir="auto">', body)


def render_with_meta(text: str) -> tuple[str, dict[str, list[str]]]:
    """Render an article and return its Meta-Data header too."""
    md = _make()
    body = md.convert(text)
    meta: dict[str, list[str]] = getattr(md, "Meta", {})
    return body, meta


def escape(text: str) -> str:
    return html.escape(text, quote=True)
