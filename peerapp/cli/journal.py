"""The `init`, `passwd` and `journal ...` commands (design section 7)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import datetime

from ..core import paths
from ..core.errors import WeakPassphrase
from ..core.i18n import translate
from ..core.journal import CopingUse, Entry, EntryFilter, local_now
from ..core.vault import MIN_PASSPHRASE
from .common import (
    EXIT_OK,
    Handler,
    Secrets,
    Subparsers,
    UsageError,
    json_option,
    number,
    open_journal,
    passphrase_option,
    resolve_dashes,
    unlock_key,
)


def add_parsers(commands: Subparsers) -> None:
    init = commands.add_parser("init", help="create a new encrypted journal")
    passphrase_option(init)
    init.add_argument(
        "--recovery-key", action="store_true", help="also make a recovery key and print it once"
    )

    passwd = commands.add_parser("passwd", help="change the passphrase")
    passphrase_option(passwd, "read the old, then the new passphrase from standard input")

    journal = commands.add_parser("journal", help="write and read journal entries")
    jcmd = journal.add_subparsers(dest="journal_command", metavar="ACTION", required=True)
    add = jcmd.add_parser("add", help="add an entry")
    add.add_argument("--mood", type=int, choices=range(1, 6), metavar="1-5")
    add.add_argument("--emotion", action="append", default=[], metavar="KEY")
    add.add_argument("--tag", action="append", default=[], metavar="TAG")
    add.add_argument("--coping", action="append", default=[], metavar="ID")
    add.add_argument("--at", metavar="ISO-8601", help="when it happened (default: now)")
    add.add_argument("--title", default="", help="the title; - reads it from standard input (first line)")
    add.add_argument("text", metavar="TEXT", help="the entry; - reads it from standard input")
    passphrase_option(add)
    json_option(add)

    lst = jcmd.add_parser("list", help="newest entries first")
    lst.add_argument("--limit", type=int, default=20, metavar="N")
    passphrase_option(lst)
    json_option(lst)

    search = jcmd.add_parser("search", help="full-text search")
    search.add_argument("query", metavar="QUERY", help="what to find; - reads it from standard input")
    search.add_argument("--limit", type=int, default=50, metavar="N")
    passphrase_option(search)
    json_option(search)

    show = jcmd.add_parser("show", help="one entry in full")
    show.add_argument("id", type=int, metavar="ID")
    passphrase_option(show)
    json_option(show)

    delete = jcmd.add_parser("delete", help="move an entry to the trash")
    delete.add_argument("id", type=int, metavar="ID")
    passphrase_option(delete)


def cmd_init(args: argparse.Namespace) -> int:
    from ..core.session import create_journal

    secrets = Secrets(args.passphrase_stdin)
    passphrase = secrets.get(translate("CLI", "New passphrase: "))
    if not args.passphrase_stdin and secrets.get(translate("CLI", "Repeat the passphrase: ")) != passphrase:
        raise UsageError(translate("CLI", "The two passphrases do not match."))
    # The same start as the app's: the spare database and the wrong-try counter come with it.
    session, recovery = create_journal(
        paths.data_dir(args.data_dir), passphrase, with_recovery_key=args.recovery_key
    )
    session.close()
    print(translate("CLI", "Created an encrypted journal in %1.").replace("%1", str(session.vault.directory)))
    print(translate("CLI", "The passphrase cannot be recovered if you forget it."))
    if recovery:
        print(translate("CLI", "Recovery key (shown once; keep it somewhere safe):"))
        print(recovery)
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    secrets = Secrets(args.passphrase_stdin)
    old = secrets.get(translate("CLI", "Current passphrase: "))
    new = secrets.get(translate("CLI", "New passphrase: "))
    if not args.passphrase_stdin and secrets.get(translate("CLI", "Repeat the passphrase: ")) != new:
        raise UsageError(translate("CLI", "The two passphrases do not match."))
    if len(new) < MIN_PASSPHRASE:
        raise WeakPassphrase()
    vault = unlock_key(args.data_dir, old)
    try:
        vault.change_passphrase(old, new)
    finally:
        vault.lock()
    print(translate("CLI", "Passphrase changed."))
    return EXIT_OK


def _parse_at(text: str | None) -> datetime:
    if not text:
        return local_now()
    try:
        at = datetime.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(
            translate("CLI", "--at needs an ISO-8601 date and time, for example 2024-05-01T21:30.")
        ) from exc
    return at if at.tzinfo else at.astimezone()


def _print_entries(entries: Sequence[Entry], as_json: bool) -> None:
    if as_json:
        print(json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=1))
        return
    for e in entries:
        mood = "-" if e.mood is None else str(e.mood)
        headline = e.title or e.text.strip().splitlines()[0] if (e.title or e.text.strip()) else ""
        print(f"{e.id}\t{e.at.strftime('%Y-%m-%d %H:%M')}\t{mood}\t{headline[:70]}")


def cmd_journal(args: argparse.Namespace) -> int:
    at = _parse_at(args.at) if args.journal_command == "add" else None
    with open_journal(args) as session:
        repo = session.journal
        resolve_dashes(args, "title", "text", "query")
        if args.journal_command == "add":
            assert at is not None
            entry = repo.add(
                Entry(
                    at=at,
                    mood=args.mood,
                    emotions=args.emotion,
                    tags=args.tag,
                    coping=[CopingUse(c) for c in args.coping],
                    title=args.title,
                    text=args.text,
                )
            )
            _checked_in_today(entry)
            if args.json:
                print(json.dumps(entry.to_json(), ensure_ascii=False))
            else:
                print(entry.id)
        elif args.journal_command == "list":
            _print_entries(repo.page(EntryFilter(), limit=max(args.limit, 0)), args.json)
        elif args.journal_command == "search":
            _print_entries(repo.page(EntryFilter(query=args.query), limit=max(args.limit, 0)), args.json)
        elif args.journal_command == "show":
            entry = repo.get(args.id)
            if args.json:
                print(json.dumps(entry.to_json(), ensure_ascii=False, indent=1))
            else:
                _print_entry(entry)
        elif args.journal_command == "delete":
            repo.delete(args.id)
            print(translate("CLI", "Moved entry %1 to the trash.").replace("%1", number(args.id)))
    return EXIT_OK


def _checked_in_today(entry: Entry) -> None:
    """An entry dated today means no reminder today: the app (even running locked) reads it from settings."""
    from ..core import reminders
    from ..core.settings import Settings

    today = datetime.now().date()
    if entry.at.astimezone().date() != today:
        return
    settings = Settings.load()
    if settings.reminders_on:
        settings.set_reminder_state(reminders.checked_in(settings.reminder_memory(), today))
        settings.save()


def _print_entry(e: Entry) -> None:
    print(e.at.isoformat())
    if e.mood is not None:
        print(translate("CLI", "Mood:"), number(e.mood))
    if e.emotions:
        print(translate("CLI", "Emotions:"), ", ".join(e.emotions))
    if e.tags:
        print(translate("CLI", "Tags:"), ", ".join(e.tags))
    for c in e.coping:
        before, after = (number(d) if d is not None else "-" for d in (c.distress_before, c.distress_after))
        print(translate("CLI", "Tried:"), c.technique, f"{before}->{after}")
    if e.title:
        print(f"\n{e.title}")
    print(f"\n{e.text}")


COMMANDS: dict[str, Handler] = {"init": cmd_init, "passwd": cmd_passwd, "journal": cmd_journal}
