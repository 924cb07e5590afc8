"""What every CLI command shares: exit codes, errors, secrets from stdin or the terminal, one way in."""

from __future__ import annotations

import argparse
import getpass
import math
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeAlias

from ..core import db, numerals, paths
from ..core.errors import (
    CorruptVault,
    PeerappError,
    TextTooLong,
    VaultDamaged,
    WrongPassphrase,
    WrongRecoveryKey,
)
from ..core.i18n import translate

if TYPE_CHECKING:
    from ..core.session import Session
    from ..core.vault import Vault

# Text given as `-` on standard input: a long entry is a few hundred KiB; this is far above that.
MAX_STDIN_TEXT = 16 * 1024 * 1024

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_WRONG_PASSPHRASE = 0, 1, 2, 3

Handler = Callable[[argparse.Namespace], int]
# A string: argparse's class is generic only to type checkers.
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class CLI:
    """The CLI's messages with a count: `CLI.tr("%n seconds", "", n)` gives the right plural form.

    pyside6-lupdate marks a bare translate() as plural only when its count is a literal number, but it
    reads `<Class>.tr(text, comment, n)` as a plural of the context <Class>, here "CLI".
    """

    @staticmethod
    def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return translate("CLI", text, disambiguation or None, n)


def number(n: int) -> str:
    """A number for a message, in the digits of the interface language (as %n is written)."""
    return numerals.number(n)


class UsageError(Exception):
    """Bad arguments discovered after parsing (exit status 2)."""


class CommandError(Exception):
    """A command could not do its job; the message is already translated (exit status 1)."""


# -- options ---------------------------------------------------------------------------------------


def passphrase_option(
    p: argparse.ArgumentParser, text: str = "read the passphrase from standard input"
) -> None:
    p.add_argument("--passphrase-stdin", action="store_true", help=text)


def json_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable output")


# -- secrets and text from standard input ----------------------------------------------------------


class Secrets:
    """Reads secrets from standard input lines or from the terminal.

    Standard input is read once per process and shared, so the text given as `-` is what follows
    the passphrase line(s).
    """

    _lines: list[str] | None = None

    def __init__(self, from_stdin: bool) -> None:
        self.from_stdin = from_stdin

    @classmethod
    def reset(cls) -> None:
        """Forget what was read: one read of standard input per command (tests call main() repeatedly)."""
        cls._lines = None

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


def resolve_dashes(args: argparse.Namespace, *names: str) -> None:
    """Replace `-` in the named arguments with text from standard input (the first one gets the first line)."""
    wanted = [n for n in names if getattr(args, n, None) == "-"]
    if not wanted:
        return
    data = Secrets(getattr(args, "passphrase_stdin", False)).text()
    for name in wanted[:-1]:
        first, _, data = data.partition("\n")
        setattr(args, name, first.strip())
    last = wanted[-1]
    setattr(args, last, data.strip() if last in ("title", "query") else data.strip("\n"))
    if not getattr(args, last).strip() and last != "title":
        raise UsageError(translate("CLI", "No text was given on standard input."))


# -- the one way into the journal ------------------------------------------------------------------


def wait_for_retry(seconds: float) -> None:
    """The CLI waits out the delay after wrong passphrases (the counter is shared with the app)."""
    print(retry_message(seconds), file=sys.stderr)
    time.sleep(seconds)


def retry_message(seconds: float) -> str:
    return CLI.tr("Too many wrong tries; waiting %n seconds.", "", math.ceil(seconds))


def unlock(data_dir: str | None, secret: str) -> Session:
    """Unlock through every protection of `core.session` (counter, duress, spare, index), nothing more."""
    from ..core.session import open_journal  # the vault's modules load only for commands that need them

    return open_journal(paths.data_dir(data_dir), secret, wait=wait_for_retry)


def unlock_key(data_dir: str | None, secret: str) -> Vault:
    """The key alone, for `passwd`: the same counter and duress handling, but the journal is not opened.

    `open_journal` may refresh the search index; a passphrase change rewraps the key and must leave
    vault.db as it was.
    """
    from ..core import protection
    from ..core.vault import Vault

    vault = Vault(paths.data_dir(data_dir))
    protection.unlock(vault, secret, wait=wait_for_retry)
    return vault


@contextmanager
def open_journal(args: argparse.Namespace, *, full_check: bool = False) -> Iterator[Session]:
    """Ask the passphrase, unlock, check for damage; the session is closed (locked) on the way out.

    Bulk commands check every page each time (`full_check`); quick ones once a day, so damage is
    found without making every `journal add` read the whole file. Damage found by the check or by
    the command becomes one line naming the newest good backup.
    """
    from ..core import integrity

    session = unlock(args.data_dir, Secrets(args.passphrase_stdin).get(translate("CLI", "Passphrase: ")))
    try:
        vault = session.vault
        if vault.key_file_damaged:
            print(f"peerapp: {key_file_advice()}", file=sys.stderr)
        if full_check:
            integrity.require_intact(vault)
        else:
            integrity.check_if_due(vault)
        yield session
    except VaultDamaged as exc:
        raise damaged(session.vault, exc) from None
    finally:
        session.close()


def key_file_advice() -> str:
    return translate(
        "CLI",
        "The key file is damaged, but your passphrase still opened the journal. Make a new recovery key "
        "in the app, or repair the key file with: peerapp restore --key-file-only BACKUP",
    )


def damaged(vault: Vault, exc: VaultDamaged) -> CommandError:
    """The damage message with the newest good backup to restore, as one line; the vault is locked."""
    from ..core.backup import newest_good_backup

    good = newest_good_backup(vault)
    vault.lock()
    line = exc.user_message()
    if good is not None:
        line += " " + translate("CLI", "Newest good backup: %1").replace("%1", str(good))
    return CommandError(line)


# -- running a command -----------------------------------------------------------------------------


def setup_language(lang: str | None) -> None:
    from ..core import catalog  # Qt-free: a command never loads PySide6 to print a line
    from ..core.settings import Settings

    settings = Settings.load()
    catalog.install(lang or settings.language or "en", settings.digits)


def run(handler: Handler, args: argparse.Namespace) -> int:
    """Run one command; every failure becomes one line on stderr and its exit status (design section 7)."""
    try:
        return handler(args)
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
