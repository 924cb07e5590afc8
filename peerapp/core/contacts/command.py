"""The contacts content check behind `python -m peerapp.core.contacts [--stale]`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ..i18n import translate
from .checking import problems, shown_contacts, stale_contacts
from .loading import default_path, load_contacts
from .model import ContactsUnreadable, pick_text


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
            print(f"  {contact.id}\t{when}\t{pick_text(contact.text.get('name', {}), 'en')}")
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
