"""The command-line contract (design section 7): headless access to the vault."""

from __future__ import annotations

import argparse
import getpass
import json
import math
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from . import __version__
from .core import db, paths
from .core.errors import (
    CorruptVault,
    PeerappError,
    TextTooLong,
    VaultDamaged,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from .core.i18n import translate
from .core.journal import CopingUse, Entry, EntryFilter, JournalRepository, local_now
from .core.library import Article, library_dir, load_articles
from .core.library_index import LibraryIndex
from .core.settings import LANGUAGES, Settings
from .core.vault import MIN_PASSPHRASE, Vault

# Text given as `-` on standard input: a long entry is a few hundred KiB; this is far above that.
MAX_STDIN_TEXT = 16 * 1024 * 1024

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_WRONG_PASSPHRASE = 0, 1, 2, 3


class UsageError(Exception):
    """Bad arguments discovered after parsing (exit status 2)."""


class CommandError(Exception):
    """A command could not do its job; the message is already translated (exit status 1)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="peerapp", description="peerapp: private journal and peer support")
    parser.add_argument("--version", action="version", version=f"peerapp {__version__}")
    parser.add_argument("--data-dir", help="folder holding the vault (default: the platform's data folder)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of messages and the interface")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("gui", help="open the desktop app (the default)")

    init = commands.add_parser("init", help="create a new encrypted journal")
    _passphrase_option(init)
    init.add_argument(
        "--recovery-key", action="store_true", help="also make a recovery key and print it once"
    )

    passwd = commands.add_parser("passwd", help="change the passphrase")
    _passphrase_option(passwd, "read the old, then the new passphrase from standard input")

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
    _passphrase_option(add)
    _json_option(add)

    lst = jcmd.add_parser("list", help="newest entries first")
    lst.add_argument("--limit", type=int, default=20, metavar="N")
    _passphrase_option(lst)
    _json_option(lst)

    search = jcmd.add_parser("search", help="full-text search")
    search.add_argument("query", metavar="QUERY", help="what to find; - reads it from standard input")
    search.add_argument("--limit", type=int, default=50, metavar="N")
    _passphrase_option(search)
    _json_option(search)

    show = jcmd.add_parser("show", help="one entry in full")
    show.add_argument("id", type=int, metavar="ID")
    _passphrase_option(show)
    _json_option(show)

    delete = jcmd.add_parser("delete", help="move an entry to the trash")
    delete.add_argument("id", type=int, metavar="ID")
    _passphrase_option(delete)

    library = commands.add_parser("library", help="read and search the coping library (no journal needed)")
    lcmd = library.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    llist = lcmd.add_parser("list", help="every article, by category")
    _content_options(llist)
    _json_option(llist)
    lshow = lcmd.add_parser("show", help="one article in full")
    lshow.add_argument("id", metavar="ID")
    _content_options(lshow)
    lsearch = lcmd.add_parser("search", help="find articles, best first")
    lsearch.add_argument("query", metavar="QUERY")
    lsearch.add_argument("--limit", type=int, default=10, metavar="N")
    _content_options(lsearch)
    _json_option(lsearch)

    export = commands.add_parser("export", help="write every entry to a readable file")
    export.add_argument("--format", required=True, choices=["json", "csv", "markdown"])
    export.add_argument(
        "-o",
        dest="output",
        required=True,
        type=Path,
        metavar="PATH",
        help="output file (Markdown: a name without .md makes a folder with one file per entry)",
    )
    _passphrase_option(export)

    imp = commands.add_parser("import", help="add entries from Daylio, jrnl or a peerapp JSON export")
    imp.add_argument("--from", dest="source", required=True, choices=["daylio", "jrnl", "json"])
    imp.add_argument("path", type=Path, metavar="PATH")
    imp.add_argument(
        "--mood-map",
        action="append",
        default=[],
        metavar="LABEL=N",
        help="the mood (1-5) of a custom Daylio mood label; repeat for each label",
    )
    _passphrase_option(imp)

    backup = commands.add_parser("backup", help="write an encrypted backup of the journal")
    backup.add_argument("-o", dest="output", required=True, type=Path, metavar="PATH")
    _passphrase_option(backup)

    restore = commands.add_parser("restore", help="restore a backup into the data folder")
    restore.add_argument("path", type=Path, metavar="PATH")
    restore.add_argument("--yes", action="store_true", help="replace an existing journal without asking")
    restore.add_argument(
        "--key-file-only",
        action="store_true",
        help="repair a damaged key file with the one in this backup (asks the passphrase the journal "
        "had when the backup was made); the entries are not touched",
    )
    _passphrase_option(restore)

    from .cli_group import add_commands as add_group_commands

    add_group_commands(commands)

    # Hidden (no help=): a smoke test for installed and frozen builds, not a user command.
    commands.add_parser("selfcheck")
    return parser


def _passphrase_option(
    p: argparse.ArgumentParser, text: str = "read the passphrase from standard input"
) -> None:
    p.add_argument("--passphrase-stdin", action="store_true", help=text)


def _json_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable output")


def _content_options(p: argparse.ArgumentParser) -> None:
    # dest differs from the global --lang (messages), which a subcommand default would overwrite.
    p.add_argument(
        "--lang",
        dest="content_lang",
        choices=LANGUAGES,
        help="language of the articles (default: the global --lang, else the saved language)",
    )
    p.add_argument(
        "--resources",
        type=Path,
        metavar="DIR",
        help="a folder holding library/<lang>/<id>.md (default: the bundled articles)",
    )


# -- passphrases --------------------------------------------------------------------


class _Secrets:
    """Reads secrets from standard input lines or from the terminal.

    Standard input is read once per process and shared, so the text given as `-` is what follows
    the passphrase line(s).
    """

    _lines: list[str] | None = None

    def __init__(self, from_stdin: bool) -> None:
        self.from_stdin = from_stdin

    @classmethod
    def _stdin_lines(cls) -> list[str]:
        if cls._lines is None:
            data = sys.stdin.read(MAX_STDIN_TEXT + 1)
            if len(data) > MAX_STDIN_TEXT:
                raise TextTooLong()
            cls._lines = data.splitlines()
        return cls._lines

    def get(self, prompt: str) -> str:
        if self.from_stdin:
            lines = self._stdin_lines()
            if not lines:
                raise UsageError(translate("CLI", "Expected a passphrase on standard input."))
            return lines.pop(0)
        return getpass.getpass(prompt)

    def text(self) -> str:
        """The text given as `-`: the rest of standard input, or typed at the terminal until Ctrl+D.

        Never a command-line argument (other users can read those) and never a temporary file.
        """
        if not self.from_stdin and sys.stdin.isatty():
            print(translate("CLI", "Type the text. To finish, press Ctrl+D on a new line."), file=sys.stderr)
        lines = self._stdin_lines()
        text, type(self)._lines = "\n".join(lines), []
        return text


def _resolve_dashes(args: argparse.Namespace, *names: str) -> None:
    """Replace `-` in the named arguments with text from standard input (the first one gets the first line)."""
    wanted = [n for n in names if getattr(args, n, None) == "-"]
    if not wanted:
        return
    data = _Secrets(getattr(args, "passphrase_stdin", False)).text()
    for name in wanted[:-1]:
        first, _, data = data.partition("\n")
        setattr(args, name, first.strip())
    last = wanted[-1]
    setattr(args, last, data.strip() if last in ("title", "query") else data.strip("\n"))
    if not getattr(args, last).strip() and last != "title":
        raise UsageError(translate("CLI", "No text was given on standard input."))


def _wait_for_retry(seconds: float) -> None:
    """The CLI waits out the delay after wrong passphrases (the counter is shared with the app)."""
    print(
        translate("CLI", "Too many wrong tries; waiting %1 seconds.").replace("%1", str(math.ceil(seconds))),
        file=sys.stderr,
    )
    time.sleep(seconds)


def _unlock(vault: Vault, passphrase: str) -> None:
    from .core import protection

    protection.unlock(vault, passphrase, wait=_wait_for_retry)


def _open(args: argparse.Namespace, *, full_check: bool = False) -> tuple[Vault, JournalRepository]:
    """Unlock (through the counter and duress handling), check for damage, open the journal.

    Bulk commands check every page each time (`full_check`); quick ones once a day, so damage is
    found without making every `journal add` read the whole file.
    """
    from .core import integrity

    vault = Vault(paths.data_dir(args.data_dir))
    secrets = _Secrets(args.passphrase_stdin)
    _unlock(vault, secrets.get(translate("CLI", "Passphrase: ")))
    try:
        if vault.key_file_damaged:
            print(f"peerapp: {_key_file_advice()}", file=sys.stderr)
        if full_check:
            integrity.require_intact(vault)
        else:
            integrity.check_if_due(vault)
        repo = JournalRepository(vault.connect())
        repo.ensure_search_index()
    except VaultDamaged as exc:
        raise _damaged(vault, exc) from None
    except BaseException:
        vault.lock()
        raise
    return vault, repo


def _key_file_advice() -> str:
    return translate(
        "CLI",
        "The key file is damaged, but your passphrase still opened the journal. Make a new recovery key "
        "in the app, or repair the key file with: peerapp restore --key-file-only BACKUP",
    )


def _damaged(vault: Vault, exc: VaultDamaged) -> CommandError:
    """The damage message with the newest good backup to restore, as one line; the vault is locked."""
    from .core.backup import newest_good_backup

    good = newest_good_backup(vault)
    vault.lock()
    line = exc.user_message()
    if good is not None:
        line += " " + translate("CLI", "Newest good backup: %1").replace("%1", str(good))
    return CommandError(line)


# -- commands ------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    vault = Vault(paths.data_dir(args.data_dir))
    secrets = _Secrets(args.passphrase_stdin)
    passphrase = secrets.get(translate("CLI", "New passphrase: "))
    if not args.passphrase_stdin and secrets.get(translate("CLI", "Repeat the passphrase: ")) != passphrase:
        raise UsageError(translate("CLI", "The two passphrases do not match."))
    recovery = vault.create(passphrase, with_recovery_key=args.recovery_key)
    vault.lock()
    print(translate("CLI", "Created an encrypted journal in %1.").replace("%1", str(vault.directory)))
    print(translate("CLI", "The passphrase cannot be recovered if you forget it."))
    if recovery:
        print(translate("CLI", "Recovery key (shown once; keep it somewhere safe):"))
        print(recovery)
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    vault = Vault(paths.data_dir(args.data_dir))
    secrets = _Secrets(args.passphrase_stdin)
    old = secrets.get(translate("CLI", "Current passphrase: "))
    new = secrets.get(translate("CLI", "New passphrase: "))
    if not args.passphrase_stdin and secrets.get(translate("CLI", "Repeat the passphrase: ")) != new:
        raise UsageError(translate("CLI", "The two passphrases do not match."))
    if len(new) < MIN_PASSPHRASE:
        raise WeakPassphrase()
    _unlock(vault, old)
    vault.change_passphrase(old, new)
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
    vault, repo = _open(args)
    try:
        _resolve_dashes(args, "title", "text", "query")
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
            print(translate("CLI", "Moved entry %1 to the trash.").replace("%1", str(args.id)))
    finally:
        vault.lock()
    return EXIT_OK


def _print_entry(e: Entry) -> None:
    print(e.at.isoformat())
    if e.mood is not None:
        print(translate("CLI", "Mood:"), e.mood)
    if e.emotions:
        print(translate("CLI", "Emotions:"), ", ".join(e.emotions))
    if e.tags:
        print(translate("CLI", "Tags:"), ", ".join(e.tags))
    for c in e.coping:
        print(translate("CLI", "Tried:"), c.technique, f"{c.distress_before}->{c.distress_after}")
    if e.title:
        print(f"\n{e.title}")
    print(f"\n{e.text}")


def _content_language(args: argparse.Namespace) -> str:
    lang: str = args.content_lang or args.lang or Settings.load().language or "en"
    return lang


def _library_articles(lang: str, resources: Path | None) -> list[Article]:
    folder = library_dir(resources) / lang
    if not folder.is_dir():
        raise CommandError(translate("CLI", "There is no library in %1.").replace("%1", str(folder)))
    return load_articles(lang, resources)


def cmd_library(args: argparse.Namespace) -> int:
    lang = _content_language(args)
    if args.library_command == "list":
        articles = _library_articles(lang, args.resources)
        if args.json:
            items = [{"id": a.id, "title": a.title, "category": a.category, "tags": a.tags} for a in articles]
            print(json.dumps(items, ensure_ascii=False, indent=1))
        else:
            for a in articles:
                print(f"{a.id}\t{a.category}\t{a.title}")
    elif args.library_command == "show":
        found = [a for a in _library_articles(lang, args.resources) if a.id == args.id]
        if not found:
            raise CommandError(
                translate("CLI", "There is no library article with the id %1.").replace("%1", args.id)
            )
        _print_article(found[0])
    elif args.library_command == "search":
        _library_articles(lang, args.resources)  # a missing folder is an error, not "no results"
        hits = LibraryIndex(lang, args.resources).search(args.query, limit=max(args.limit, 0))
        if args.json:
            print(json.dumps([h.to_json() for h in hits], ensure_ascii=False, indent=1))
        elif not hits:
            print(translate("CLI", "No article matches that search."))
        else:
            for hit in hits:
                print(f"{hit.id}\t{hit.title}")
                if hit.snippet:
                    print(f"    {hit.snippet}")
    return EXIT_OK


def _print_article(article: Article) -> None:
    print(article.title or article.id)
    if article.body:
        print(f"\n{article.body}")
    if article.sources:
        print()
        print(translate("CLI", "Sources:"))
        for source in article.sources:
            print(f"- {source}")


def cmd_export(args: argparse.Namespace) -> int:
    from .core.export_warning import plaintext_export_warning, should_warn_before_export
    from .core.transfer import export_entries

    folder = args.format == "markdown" and args.output.suffix.lower() != ".md"
    vault, repo = _open(args, full_check=True)
    try:
        if should_warn_before_export(repo.conn):
            print(f"peerapp: {plaintext_export_warning()}", file=sys.stderr)
        count = export_entries(repo.conn, args.format, args.output, markdown_folder=folder)
    finally:
        vault.lock()
    print(
        translate("CLI", "Exported to %1. Entries: %2.")
        .replace("%1", str(args.output))
        .replace("%2", str(count))
    )
    return EXIT_OK


def _mood_map(items: Sequence[str]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for item in items:
        label, sep, value = item.rpartition("=")
        if not sep or not label.strip() or value.strip() not in {"1", "2", "3", "4", "5"}:
            raise UsageError(
                translate("CLI", "--mood-map needs LABEL=N with N from 1 to 5, for example happy=5.")
            )
        mapping[label.strip()] = int(value)
    return mapping


def cmd_import(args: argparse.Namespace) -> int:
    from .core.transfer import import_entries

    mood_map = _mood_map(args.mood_map)
    if not args.path.is_file():
        raise CommandError(translate("CLI", "There is no file at %1.").replace("%1", str(args.path)))
    vault, repo = _open(args, full_check=True)
    try:
        report = import_entries(repo.conn, args.source, args.path, mood_map=mood_map)
    finally:
        vault.lock()
    print(translate("CLI", "Entries added: %1.").replace("%1", str(report.added)))
    if report.skipped_duplicates:
        print(
            translate("CLI", "Entries skipped because they were already in the journal: %1.").replace(
                "%1", str(report.skipped_duplicates)
            )
        )
    if report.errors:
        print(translate("CLI", "Rows that could not be imported: %1").replace("%1", str(len(report.errors))))
        line_label = translate("CLI", "Line %1:")
        for line, message in report.errors:
            print(line_label.replace("%1", str(line)), message)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from .core.backup import create_backup

    vault, _repo = _open(args, full_check=True)
    try:
        create_backup(vault, args.output)
    except VaultDamaged as exc:
        raise _damaged(vault, exc) from None
    finally:
        vault.lock()
    print(translate("CLI", "Wrote an encrypted backup to %1.").replace("%1", str(args.output)))
    print(translate("CLI", "It opens with the passphrase the journal had when the backup was made."))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from .core.backup import read_backup, restore_backup

    directory = paths.data_dir(args.data_dir)
    if args.key_file_only:
        return _restore_key_file(args, directory)
    read_backup(args.path)  # a damaged backup is refused before anyone is asked anything
    overwrite = False
    if Vault(directory).exists():
        if not args.yes:
            if not sys.stdin.isatty():
                raise CommandError(
                    translate(
                        "CLI",
                        "A journal already exists in %1. Add --yes to replace it with the backup.",
                    ).replace("%1", str(directory))
                )
            question = translate(
                "CLI", "Replace the journal in %1 with this backup? The current journal will be lost. [y/N] "
            ).replace("%1", str(directory))
            answer = input(question).strip().lower()
            if answer not in {"y", "yes", translate("CLI", "y").lower(), translate("CLI", "yes").lower()}:
                raise CommandError(translate("CLI", "Nothing was restored."))
        overwrite = True
    restore_backup(args.path, directory, overwrite=overwrite)
    print(translate("CLI", "Restored the backup into %1.").replace("%1", str(directory)))
    return EXIT_OK


def _restore_key_file(args: argparse.Namespace, directory: Path) -> int:
    from .core.backup import restore_key_file

    vault = Vault(directory)
    if not vault.exists():
        raise CommandError(translate("CLI", "There is no journal in %1.").replace("%1", str(directory)))
    secret = _Secrets(args.passphrase_stdin).get(
        translate("CLI", "Passphrase the journal had when this backup was made: ")
    )
    restore_key_file(args.path, vault, secret)
    print(translate("CLI", "Repaired the key file from the backup. It opens with that passphrase."))
    return EXIT_OK


def cmd_selfcheck(args: argparse.Namespace) -> int:
    """Exercise the vault, journal search, library and translations in a throwaway folder."""
    import tempfile

    from .core.keyslot import FAST_KDF
    from .gui.translations import app_translator

    passphrase = "selfcheck passphrase"
    with tempfile.TemporaryDirectory(prefix="peerapp-selfcheck-") as tmp:
        folder = Path(tmp)
        vault = Vault(folder / "vault", kdf=FAST_KDF)
        vault.create(passphrase)
        try:
            repo = JournalRepository(vault.connect())
            repo.ensure_search_index()
            repo.add(Entry(at=local_now(), mood=4, tags=["selfcheck"], text="Slow breathing helped today."))
            if len(repo.page(EntryFilter(query="breathe"), limit=5)) != 1:
                raise CommandError(
                    translate("CLI", "Self-check failed: a new entry was not found by search.")
                )
        finally:
            vault.lock()

        reopened = Vault(folder / "vault")
        reopened.unlock(passphrase)
        try:
            repo = JournalRepository(reopened.connect())
            repo.ensure_search_index()
            if len(repo.page(EntryFilter(query="breathing"), limit=5)) != 1:
                raise CommandError(
                    translate(
                        "CLI", "Self-check failed: the entry was not found after reopening the journal."
                    )
                )
        finally:
            reopened.lock()

        if not LibraryIndex("en", cache=folder / "cache").search("breathing"):
            raise CommandError(
                translate(
                    "CLI", "Self-check failed: the bundled library in %1 has no article about breathing."
                ).replace("%1", str(library_dir()))
            )

    if app_translator("ar") is None:
        raise CommandError(translate("CLI", "Self-check failed: the Arabic translation could not be loaded."))
    print("selfcheck ok")  # a fixed marker for scripts and tests, deliberately not translated
    return EXIT_OK


def cmd_group(args: argparse.Namespace) -> int:
    from .cli_group import cmd_group as run

    return run(args)


def cmd_server(args: argparse.Namespace) -> int:
    from .cli_group import cmd_server as run

    return run(args)


def cmd_gui(args: argparse.Namespace) -> int:
    from .gui.app import run

    return run(data_dir=args.data_dir, lang=args.lang)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "passwd": cmd_passwd,
    "journal": cmd_journal,
    "library": cmd_library,
    "gui": cmd_gui,
    "export": cmd_export,
    "import": cmd_import,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "selfcheck": cmd_selfcheck,
    "group": cmd_group,
    "server": cmd_server,
}


def _setup_language(lang: str | None) -> None:
    from .core import catalog  # Qt-free: a command never loads PySide6 to print a line

    catalog.install(lang or Settings.load().language or "en")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _Secrets._lines = None  # one read of standard input per command (tests call main() repeatedly)
    command = args.command or "gui"
    if command != "gui":
        _setup_language(args.lang)
    try:
        return COMMANDS[command](args)
    except UsageError as exc:
        print(f"peerapp: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CommandError as exc:
        print(f"peerapp: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except (WrongPassphrase, WrongRecoveryKey) as exc:
        print(f"peerapp: {exc.user_message()}", file=sys.stderr)
        return EXIT_WRONG_PASSPHRASE
    except PeerappError as exc:
        print(f"peerapp: {exc.user_message()}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_FAILURE
    except OSError as exc:
        message = translate("CLI", "A file could not be read or written:")
        print(f"peerapp: {message} {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILURE
    except db.DatabaseError as exc:
        # Damage beyond the pages checked at unlock shows only when a query reads it;
        # an OperationalError (busy, I/O) is not damage, so it gets the generic message.
        error = PeerappError(str(exc)) if isinstance(exc, db.OperationalError) else CorruptVault(str(exc))
        print(f"peerapp: {error.user_message()}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
