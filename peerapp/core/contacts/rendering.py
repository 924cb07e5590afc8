"""Rendering the contacts as Markdown where an article says {{contacts}}."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import unquote

from .checking import is_stale, shown_contacts
from .loading import load_contacts
from .model import FILE_NAME, Contact, ContactBook, ContactsUnreadable, Region, pick_text

# The article marks where the contacts go; the text after "|" is shown if the list cannot be read,
# so the fallback is written in the article's own language.
_MARKER = re.compile(r"^\{\{contacts(?:[ \t]*\|[ \t]*(?P<fallback>[^\n]*?))?[ \t]*\}\}[ \t]*$", re.MULTILINE)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def _md(text: str) -> str:
    """Text from the data file, shown literally (no accidental emphasis or links)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _ltr(text: str) -> str:
    """Numbers, addresses and dates kept left to right inside Arabic text.

    Without the embedding, "+961 81 633 133" in a right-to-left paragraph is shown as
    "133 633 81 961+" and a date's parts swap places.
    """
    return f"\u202a{text}\u202c" if text else text


def _render_contact(contact: Contact, labels: dict[str, str], lang: str, today: date) -> str:
    def text(name: str) -> str:
        return _md(pick_text(contact.text.get(name, {}), lang))

    # The kind is plain text: italic Arabic falls back to a font without Arabic glyphs on some systems.
    head = f"**{text('name')}**\n{_md(labels.get('kind.' + contact.kind, ''))}"
    if text("note"):
        head += "\n" + text("note")
    if is_stale(contact, today):
        head += f"\n**{_md(labels.get('stale', ''))}**"
    reach = " · ".join(
        f"{_md(labels.get('reach.' + r.kind, r.kind))}: {_ltr(_md(r.value))}" for r in contact.reach
    )
    # One source per line, so each keeps its own direction (titles are Arabic, English or French).
    sources = "".join(
        "\n    - "
        + _md(s.title)
        + (f" ({_ltr(_md(s.published))})" if s.published else "")
        + f", {_ltr(_md(unquote(s.url)))}"
        for s in contact.sources
    )
    checked = _ltr(contact.checked_on.isoformat()) if contact.checked_on else ""
    # How to reach it comes first; who runs it and any link to the police follow straight after.
    rows = [
        (labels.get("reach", ""), reach),
        (labels.get("hours", ""), text("hours")),
        (labels.get("languages", ""), text("languages")),
        (labels.get("run_by", ""), text("run_by")),
        (labels.get("state", ""), text("state")),
        (labels.get("checked", ""), checked),
        (labels.get("sources", ""), sources),
    ]
    return (
        head
        + "\n\n"
        + "\n".join(
            f"- {_md(label)}:" + ("" if value.startswith("\n") else " ") + value for label, value in rows
        )
    )


def render_contacts(book: ContactBook, lang: str, today: date) -> str:
    """Markdown for the article: verified contacts by region, then the places where we found nothing."""
    labels = book.labels.get(lang) or book.labels.get("en") or {}
    shown = shown_contacts(book)
    parts: list[str] = []
    empty: list[Region] = []
    for region in book.regions:
        contacts = [c for c in shown if c.region == region.id]
        if not contacts:
            empty.append(region)
            continue
        parts.append(f"### {_md(pick_text(region.name, lang) or region.id)}")
        if pick_text(region.note, lang):
            parts.append(_md(pick_text(region.note, lang)))
        parts += [_render_contact(c, labels, lang, today) for c in contacts]
    if empty:
        parts.append(f"### {_md(labels.get('none_heading', ''))}")
        parts.append(_md(labels.get("none_intro", "")))
        parts.append(
            "\n".join(
                f"- **{_md(pick_text(r.name, lang) or r.id)}**: {_md(pick_text(r.note, lang))}" for r in empty
            )
        )
    return "\n\n".join(parts)


def expand(body: str, library: Path, lang: str, today: date | None = None) -> str:
    """Put the rendered contacts where an article says {{contacts}}; other articles are returned as they are."""
    match = _MARKER.search(body)
    if match is None:
        return body
    try:
        text = render_contacts(load_contacts(library / FILE_NAME), lang, today or date.today())
    except ContactsUnreadable:
        text = match.group("fallback") or ""
    return body[: match.start()] + text + body[match.end() :]
