"""The contacts data model: services, regions, sources, the whole book, and a problem found in it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import PeerappError
from ..i18n import QT_TRANSLATE_NOOP, translate

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


def pick_text(texts: dict[str, str], lang: str) -> str:
    """The text in `lang`, else the English one, else nothing."""
    return texts.get(lang) or texts.get("en") or ""
