"""Markdown to HTML for display, treating the text as untrusted (design section 4)."""

from __future__ import annotations

import html
import re
from xml.etree import ElementTree

import markdown
from markdown.treeprocessors import Treeprocessor

from . import numerals

_EXTENSIONS = ["meta", "sane_lists", "nl2br"]
_BLOCK = re.compile(r"<(p|li|h[1-6]|blockquote)>")


class _AppDigits(Treeprocessor):  # type: ignore[misc]  # Python-Markdown has no type hints
    """The numbers of the app's own text (a library article) in the interface's digits.

    Runs after Python-Markdown's unescape step, so only real text is changed; code is left as written.
    Numbered lists get their numbers written out, because Qt draws list numbers in Western digits.
    """

    def __init__(self, md: markdown.Markdown, system: str) -> None:
        super().__init__(md)
        self.system = system

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            if element.text and element.tag not in ("code", "pre"):
                element.text = numerals.localize(element.text, self.system)
            if element.tail:
                element.tail = numerals.localize(element.tail, self.system)
        for ordered in root.iter("ol"):
            start = int(ordered.get("start", "1"))
            ordered.set("style", "list-style-type: none")
            for position, item in enumerate(ordered.findall("li"), start=start):
                label = numerals.number(position, self.system) + ". "
                target = (
                    item[0] if len(item) and item[0].tag == "p" and not (item.text or "").strip() else item
                )
                target.text = label + (target.text or "")


def _make(digits: str | None = None) -> markdown.Markdown:
    md = markdown.Markdown(extensions=_EXTENSIONS, output_format="html")
    if digits is not None:
        md.treeprocessors.register(_AppDigits(md, digits), "app_digits", -10)
    # Raw HTML in a note or article is shown as text, never interpreted.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    # No images: nothing is ever fetched, local or remote.
    for name in ("image_link", "image_reference", "short_image_ref"):
        if name in md.inlinePatterns:
            md.inlinePatterns.deregister(name)
    return md


# Python-Markdown recurses once per nested list or quote level, and some nestings take time
# quadratic in their depth: an imported entry (up to 8 MB) or a group post could be built to hang
# or crash the view. Past these caps the text is shown as plain, escaped text instead.
MAX_MARKDOWN_CHARS = 1024 * 1024
MAX_NESTING = 16
_INDENT = re.compile(r"^(?:[ \t]|>)+", re.M)


def too_deep(text: str) -> bool:
    """Whether `text` is too long or nests lists or quotes deeper than MAX_NESTING levels."""
    if len(text) > MAX_MARKDOWN_CHARS:
        return True
    for match in _INDENT.finditer(text):
        lead = match.group(0)
        depth = lead.count(">") + (len(lead.replace(">", "").expandtabs(4)) // 2)
        if depth > MAX_NESTING * 2:
            return True
    return False


def plain(text: str) -> str:
    """The text as escaped paragraphs (the fallback for text Markdown must not be trusted with)."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f'<p dir="auto">{escape(p).replace(chr(10), "<br />")}</p>' for p in paragraphs)


def render(text: str, app_digits: str | None = None) -> str:
    """HTML for `text`; each paragraph keeps its own direction (dir="auto").

    `app_digits` (a numerals system) is for the app's own text only: a person's words keep their digits.
    """
    if too_deep(text):
        return plain(text)
    md = _make(app_digits)
    try:
        body = md.convert(text)
    except RecursionError:
        return plain(text)
    return _BLOCK.sub(r'<\1 dir="auto">', body)


def render_with_meta(text: str) -> tuple[str, dict[str, list[str]]]:
    """Render an article and return its Meta-Data header too."""
    md = _make()
    body = md.convert(text)
    meta: dict[str, list[str]] = getattr(md, "Meta", {})
    return body, meta


def escape(text: str) -> str:
    return html.escape(text, quote=True)
