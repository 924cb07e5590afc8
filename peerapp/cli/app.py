"""The commands that load the desktop app: `gui` (the default) and the hidden `selfcheck`."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from ..core.i18n import translate
from .common import EXIT_OK, CommandError, Handler, Subparsers


def add_parsers(commands: Subparsers) -> None:
    commands.add_parser("gui", help="open the desktop app (the default)")


def add_hidden_parsers(commands: Subparsers) -> None:
    # Hidden (no help=): a smoke test for installed and frozen builds, not a user command.
    commands.add_parser("selfcheck")


def cmd_gui(args: argparse.Namespace) -> int:
    from ..gui.shell.app import run

    return run(data_dir=args.data_dir, lang=args.lang)


def cmd_selfcheck(args: argparse.Namespace) -> int:
    """Exercise the vault, journal search, library and translations in a throwaway folder."""
    from ..core.journal import Entry, EntryFilter, local_now
    from ..core.keyslot import FAST_KDF
    from ..core.library import library_dir
    from ..core.library_index import LibraryIndex
    from ..core.session import create_journal, open_journal
    from ..gui.shell.translations import app_translator

    passphrase = "selfcheck passphrase"
    with tempfile.TemporaryDirectory(prefix="peerapp-selfcheck-") as tmp:
        folder = Path(tmp)
        # The same way in as every command, so a build that breaks it fails here.
        session, _ = create_journal(folder / "vault", passphrase, kdf=FAST_KDF)
        try:
            session.journal.add(
                Entry(at=local_now(), mood=4, tags=["selfcheck"], text="Slow breathing helped today.")
            )
            if len(session.journal.page(EntryFilter(query="breathe"), limit=5)) != 1:
                raise CommandError(
                    translate("CLI", "Self-check failed: a new entry was not found by search.")
                )
        finally:
            session.close()

        session = open_journal(folder / "vault", passphrase)
        try:
            if len(session.journal.page(EntryFilter(query="breathing"), limit=5)) != 1:
                raise CommandError(
                    translate(
                        "CLI", "Self-check failed: the entry was not found after reopening the journal."
                    )
                )
        finally:
            session.close()

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


COMMANDS: dict[str, Handler] = {"gui": cmd_gui, "selfcheck": cmd_selfcheck}
