"""Reading a contacts file: the capped JSON reader, then a forgiving parse that records wrong types."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .. import untrusted
from ..errors import PeerappError
from ..paths import resources_dir
from .model import (
    FILE_NAME,
    FORMAT,
    MAX_FILE_BYTES,
    TEXT_FIELDS,
    Contact,
    ContactBook,
    ContactsUnreadable,
    Reach,
    Region,
    Source,
)


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
