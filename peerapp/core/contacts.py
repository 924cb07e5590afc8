"""Verified crisis and support contacts (resources/library/contacts.json): load, check, render."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote

from . import untrusted
from .errors import PeerappError
from .i18n import QT_TRANSLATE_NOOP, translate
from .paths import resources_dir

FILE_NAME = "contacts.json"
# The bundled list is about 60 KB; anything far larger is not a contacts file.
MAX_FILE_BYTES = 1024 * 1024
FORMAT = 1
LANGS = ("en", "ar")
CONTEXT = "Contacts"
# Contacts are re-checked at least yearly; older checks are shown as possibly out of date.
STALE_AFTER_MONTHS = 12
KINDS = (
    "crisis-line",
    "mental-health-line",
    "lgbtq-organisation",
    "digital-security",
    "human-rights-defenders",
    "relocation",
    "directory",
)
REACH_KINDS = ("phone", "text", "message", "chat", "web", "email", "signal", "whatsapp", "form", "social")
TEXT_FIELDS = ("name", "run_by", "state", "languages", "hours")
LABEL_KEYS = (
    "run_by",
    "state",
    "languages",
    "hours",
    "reach",
    "checked",
    "sources",
    "stale",
    "none_heading",
    "none_intro",
    *(f"kind.{kind}" for kind in KINDS),
    *(f"reach.{kind}" for kind in REACH_KINDS),
)
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# The article marks where the contacts go; the text after "|" is shown if the list cannot be read,
# so the fallback is written in the article's own language.
_MARKER = re.compile(r"^\{\{contacts(?:[ \t]*\|[ \t]*(?P<fallback>[^\n]*?))?[ \t]*\}\}[ \t]*$", re.MULTILINE)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


class ContactsUnreadable(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The list of verified contacts is missing or damaged, so it cannot be shown."
    )


@dataclass(frozen=True)
class Source:
    """A public source a contact was checked against, as it was read."""

    title: str
    url: str
    published: str = ""  # when the source itself was published, if it says


@dataclass(frozen=True)
class Reach:
    """One way to reach a service: a phone number, an address, a web page."""

    kind: str
    value: str


@dataclass(frozen=True)
class Contact:
    """One service; `text` maps a field ("name", "run_by", ...) to its text per language."""

    id: str
    region: str
    kind: str
    verified: bool
    checked_on: date | None
    sources: tuple[Source, ...]
    reach: tuple[Reach, ...]
    text: dict[str, dict[str, str]]
    parse_errors: tuple[str, ...] = ()  # fields present but of the wrong type


@dataclass(frozen=True)
class Region:
    """A country (or "international"); `note` says plainly what we could and could not verify there."""

    id: str
    name: dict[str, str]
    note: dict[str, str]


@dataclass(frozen=True)
class ContactBook:
    reviewed: date | None
    labels: dict[str, dict[str, str]]
    regions: tuple[Region, ...]
    contacts: tuple[Contact, ...]


@dataclass(frozen=True)
class Problem:
    """Something a reviewer must fix; `message` is an English source string with an optional %1."""

    subject: str
    message: str
    arg: str = ""

    def text(self) -> str:
        return f"{self.subject}: " + translate(CONTEXT, self.message).replace("%1", self.arg)


# -- messages (marked for lupdate; translated when shown) ---------------------------------------

NO_ID = QT_TRANSLATE_NOOP("Contacts", "has no valid id (lowercase letters, digits and dashes)")
DUPLICATE_ID = QT_TRANSLATE_NOOP("Contacts", "has the same id as another contact")
UNKNOWN_REGION = QT_TRANSLATE_NOOP("Contacts", "names a region that is not in the list: %1")
UNKNOWN_KIND = QT_TRANSLATE_NOOP("Contacts", "has an unknown kind: %1")
WRONG_TYPE = QT_TRANSLATE_NOOP("Contacts", "has a field of the wrong type: %1")
NO_CHECKED_ON = QT_TRANSLATE_NOOP("Contacts", "has no checked-on date (YYYY-MM-DD)")
FUTURE_CHECKED_ON = QT_TRANSLATE_NOOP("Contacts", "has a checked-on date in the future: %1")
NO_SOURCE = QT_TRANSLATE_NOOP("Contacts", "has no source it was checked against")
BAD_SOURCE = QT_TRANSLATE_NOOP("Contacts", "has a source without a title or a web address (http or https)")
MISSING_TEXT = QT_TRANSLATE_NOOP("Contacts", "is missing text: %1")
BAD_REACH = QT_TRANSLATE_NOOP("Contacts", "has a way to reach it of an unknown kind or without a value")
NO_REACH = QT_TRANSLATE_NOOP("Contacts", "is marked verified but gives no way to reach it")
NO_REGION_NAME = QT_TRANSLATE_NOOP("Contacts", "has no name in both languages")
NO_REGION_NOTE = QT_TRANSLATE_NOOP(
    "Contacts", "has no verified contact and no note saying so in both languages"
)
MISSING_LABEL = QT_TRANSLATE_NOOP("Contacts", "is missing the label %1")
BAD_REVIEWED = QT_TRANSLATE_NOOP("Contacts", "has no review date (YYYY-MM-DD)")


# -- loading ----------------------------------------------------------------------------------


def default_path() -> Path:
    """The bundled contacts file."""
    return resources_dir() / "library" / FILE_NAME


def _parse_date(raw: object) -> date | None:
    if not isinstance(raw, str):
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None


def _texts(raw: object) -> dict[str, str]:
    """Language -> text, whitespace collapsed so a value cannot break the article's layout."""
    if not isinstance(raw, dict):
        return {}
    return {
        lang: " ".join(value.split())
        for lang, value in raw.items()
        if isinstance(lang, str) and isinstance(value, str) and value.strip()
    }


def _string(raw: object) -> str:
    return " ".join(raw.split()) if isinstance(raw, str) else ""


def _sources(raw: object) -> tuple[Source, ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(
        Source(_string(item.get("title")), _string(item.get("url")), _string(item.get("published")))
        if isinstance(item, dict)
        else Source("", "")
        for item in raw
    )


def _reach(raw: object) -> tuple[Reach, ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(
        Reach(_string(item.get("kind")), _string(item.get("value")))
        if isinstance(item, dict)
        else Reach("", "")
        for item in raw
    )


def _contact(raw: object) -> Contact:
    item = raw if isinstance(raw, dict) else {}
    errors = []
    verified = item.get("verified")
    if not isinstance(verified, bool):
        errors.append("verified")
    for key, kind in (("sources", list), ("reach", list)):
        if key in item and not isinstance(item[key], kind):
            errors.append(key)
    return Contact(
        id=_string(item.get("id")),
        region=_string(item.get("region")),
        kind=_string(item.get("kind")),
        # Only an explicit true counts: anything else is never shown as a crisis line.
        verified=verified is True,
        checked_on=_parse_date(item.get("checked_on")),
        sources=_sources(item.get("sources")),
        reach=_reach(item.get("reach")),
        text={name: _texts(item.get(name)) for name in (*TEXT_FIELDS, "note")},
        parse_errors=tuple(errors),
    )


def parse_contacts(data: object) -> ContactBook:
    """Turn decoded JSON into a ContactBook; a wrong overall shape raises ContactsUnreadable."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ContactsUnreadable("format")
    regions, contacts, labels = data.get("regions"), data.get("contacts"), data.get("labels")
    if not isinstance(regions, list) or not isinstance(contacts, list) or not isinstance(labels, dict):
        raise ContactsUnreadable("regions, contacts, labels")
    return ContactBook(
        reviewed=_parse_date(data.get("reviewed")),
        labels={lang: _texts(value) for lang, value in labels.items() if isinstance(lang, str)},
        regions=tuple(
            Region(_string(r.get("id")), _texts(r.get("name")), _texts(r.get("note")))
            for r in regions
            if isinstance(r, dict)
        ),
        contacts=tuple(_contact(item) for item in contacts),
    )


def load_contacts(path: Path) -> ContactBook:
    """Read and parse a contacts file; an unreadable or malformed file raises ContactsUnreadable."""
    try:
        # The same capped reader as imports: regular files only (a FIFO never blocks), a size cap,
        # strict UTF-8, and nesting checked before parsing.
        data = untrusted.loads(untrusted.read_text(path, MAX_FILE_BYTES))
    except (OSError, PeerappError) as exc:
        raise ContactsUnreadable(str(path)) from exc
    except ValueError as exc:  # json.JSONDecodeError
        raise ContactsUnreadable(f"{path}: {exc}") from exc
    return parse_contacts(data)


# -- checking ---------------------------------------------------------------------------------


def contact_problems(contact: Contact, region_ids: set[str], today: date | None = None) -> list[Problem]:
    """What is wrong with one contact. With `today`, a check date in the future is a problem too."""
    subject = contact.id or "?"
    found: list[Problem] = []
    if not _ID.fullmatch(contact.id):
        found.append(Problem(subject, NO_ID))
    if contact.region not in region_ids:
        found.append(Problem(subject, UNKNOWN_REGION, contact.region))
    if contact.kind not in KINDS:
        found.append(Problem(subject, UNKNOWN_KIND, contact.kind))
    found += [Problem(subject, WRONG_TYPE, name) for name in contact.parse_errors]
    if contact.checked_on is None:
        found.append(Problem(subject, NO_CHECKED_ON))
    elif today is not None and contact.checked_on > today:
        found.append(Problem(subject, FUTURE_CHECKED_ON, contact.checked_on.isoformat()))
    if not contact.sources:
        found.append(Problem(subject, NO_SOURCE))
    elif any(not s.title or not s.url.startswith(("https://", "http://")) for s in contact.sources):
        found.append(Problem(subject, BAD_SOURCE))
    for name in TEXT_FIELDS:
        for lang in LANGS:
            if not contact.text.get(name, {}).get(lang):
                found.append(Problem(subject, MISSING_TEXT, f"{name}.{lang}"))
    if any(r.kind not in REACH_KINDS or not r.value for r in contact.reach):
        found.append(Problem(subject, BAD_REACH))
    if contact.verified and not contact.reach:
        found.append(Problem(subject, NO_REACH))
    return found


def problems(book: ContactBook, today: date | None = None) -> list[Problem]:
    """Everything a reviewer must fix before the list is complete and honest."""
    found: list[Problem] = []
    if book.reviewed is None:
        found.append(Problem("reviewed", BAD_REVIEWED))
    for lang in LANGS:
        labels = book.labels.get(lang, {})
        found += [Problem(f"labels.{lang}", MISSING_LABEL, key) for key in LABEL_KEYS if not labels.get(key)]
    region_ids = {r.id for r in book.regions}
    seen: set[str] = set()
    for contact in book.contacts:
        found += contact_problems(contact, region_ids, today)
        if contact.id in seen:
            found.append(Problem(contact.id, DUPLICATE_ID))
        seen.add(contact.id)
    shown_regions = {c.region for c in shown_contacts(book)}
    for region in book.regions:
        if not all(region.name.get(lang) for lang in LANGS):
            found.append(Problem(f"region {region.id}", NO_REGION_NAME))
        if region.id not in shown_regions and not all(region.note.get(lang) for lang in LANGS):
            found.append(Problem(f"region {region.id}", NO_REGION_NOTE))
    return found


def shown_contacts(book: ContactBook) -> list[Contact]:
    """The contacts an article may show: verified, dated, sourced and complete. Nothing else."""
    region_ids = {r.id for r in book.regions}
    ids = [c.id for c in book.contacts]
    return [
        c
        for c in book.contacts
        if c.verified is True and ids.count(c.id) == 1 and not contact_problems(c, region_ids)
    ]


def fresh_since(today: date) -> date:
    """The oldest check date that is not stale: the same day STALE_AFTER_MONTHS months earlier."""
    years, months = divmod(today.month - 1 - STALE_AFTER_MONTHS, 12)
    year, month = today.year + years, months + 1
    for day in range(today.day, 0, -1):  # 29-31 do not exist in every month
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # day 1 exists in every month


def is_stale(contact: Contact, today: date) -> bool:
    """Checked more than STALE_AFTER_MONTHS months before `today`, or never checked."""
    return contact.checked_on is None or contact.checked_on < fresh_since(today)


def stale_contacts(book: ContactBook, today: date) -> list[Contact]:
    return [c for c in book.contacts if is_stale(c, today)]


# -- rendering --------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Text from the data file, shown literally (no accidental emphasis or links)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _ltr(text: str) -> str:
    """Numbers, addresses and dates kept left to right inside Arabic text.

    Without the embedding, "+961 81 633 133" in a right-to-left paragraph is shown as
    "133 633 81 961+" and a date's parts swap places.
    """
    return f"\u202a{text}\u202c" if text else text


def _pick(texts: dict[str, str], lang: str) -> str:
    return texts.get(lang) or texts.get("en") or ""


def _render_contact(contact: Contact, labels: dict[str, str], lang: str, today: date) -> str:
    def text(name: str) -> str:
        return _md(_pick(contact.text.get(name, {}), lang))

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
        parts.append(f"### {_md(_pick(region.name, lang) or region.id)}")
        if _pick(region.note, lang):
            parts.append(_md(_pick(region.note, lang)))
        parts += [_render_contact(c, labels, lang, today) for c in contacts]
    if empty:
        parts.append(f"### {_md(labels.get('none_heading', ''))}")
        parts.append(_md(labels.get("none_intro", "")))
        parts.append(
            "\n".join(f"- **{_md(_pick(r.name, lang) or r.id)}**: {_md(_pick(r.note, lang))}" for r in empty)
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


# -- content check: python -m peerapp.core.contacts [--stale] ---------------------------------


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            translate("Contacts", "not a date (YYYY-MM-DD): %1").replace("%1", value)
        ) from exc


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m peerapp.core.contacts",
        description=translate(
            "Contacts", "Check the list of verified contacts; exit status 1 if it needs work."
        ),
    )
    parser.add_argument(
        "--stale",
        action="store_true",
        help=translate("Contacts", "list the contacts checked more than 12 months ago"),
    )
    parser.add_argument(
        "--file", type=Path, help=translate("Contacts", "a contacts file (default: the bundled one)")
    )
    parser.add_argument(
        "--today", type=_iso_date, help=translate("Contacts", "the date to check against (YYYY-MM-DD)")
    )
    args = parser.parse_args(argv)
    today: date = args.today or date.today()
    try:
        book = load_contacts(args.file or default_path())
    except ContactsUnreadable as exc:
        print(exc.user_message(), file=sys.stderr)
        return 1
    if args.stale:
        stale = stale_contacts(book, today)
        if not stale:
            print(translate("Contacts", "No contact was checked more than 12 months ago."))
            return 0
        print(translate("Contacts", "Checked more than 12 months ago (check them again):"))
        for contact in stale:
            when = contact.checked_on.isoformat() if contact.checked_on else "—"
            print(f"  {contact.id}\t{when}\t{_pick(contact.text.get('name', {}), 'en')}")
        return 1
    found = problems(book, today)
    if not found:
        shown = len(shown_contacts(book))
        print(
            translate("Contacts", "The list is complete. Contacts that can be shown: %1").replace(
                "%1", str(shown)
            )
        )
        return 0
    for problem in found:
        print(problem.text())
    return 1


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # the reader stopped early (| head): no traceback, no second error at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
