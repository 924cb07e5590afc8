"""Checking the contacts: what a reviewer must fix, what may be shown, and what is out of date."""

from __future__ import annotations

import re
from datetime import date

from ..i18n import QT_TRANSLATE_NOOP
from .model import (
    KINDS,
    LABEL_KEYS,
    LANGS,
    REACH_KINDS,
    STALE_AFTER_MONTHS,
    TEXT_FIELDS,
    Contact,
    ContactBook,
    Problem,
)

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

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
