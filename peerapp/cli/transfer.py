"""The `export`, `import`, `backup` and `restore` commands (design section 7)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..core import paths
from ..core.i18n import translate
from ..core.vault import Vault
from .common import (
    CLI,
    EXIT_OK,
    CommandError,
    Handler,
    Secrets,
    Subparsers,
    UsageError,
    number,
    open_journal,
    passphrase_option,
)


def add_parsers(commands: Subparsers) -> None:
    # The choices come from the format registry, which the GUI's lists read too.
    from ..core.transfer import exporters, importers

    export = commands.add_parser("export", help="write every entry to a readable file")
    export.add_argument("--format", required=True, choices=[e.name for e in exporters()])
    export.add_argument(
        "-o",
        dest="output",
        required=True,
        type=Path,
        metavar="PATH",
        help="output file (Markdown: a name without .md makes a folder with one file per entry)",
    )
    passphrase_option(export)

    imp = commands.add_parser("import", help="add entries from Daylio, jrnl or a peerapp JSON export")
    imp.add_argument("--from", dest="source", required=True, choices=[i.name for i in importers()])
    imp.add_argument("path", type=Path, metavar="PATH")
    imp.add_argument(
        "--mood-map",
        action="append",
        default=[],
        metavar="LABEL=N",
        help="the mood (1-5) of a custom Daylio mood label; repeat for each label",
    )
    passphrase_option(imp)

    backup = commands.add_parser("backup", help="write an encrypted backup of the journal")
    backup.add_argument("-o", dest="output", required=True, type=Path, metavar="PATH")
    passphrase_option(backup)

    restore = commands.add_parser("restore", help="restore a backup into the data folder")
    restore.add_argument("path", type=Path, metavar="PATH")
    restore.add_argument("--yes", action="store_true", help="replace an existing journal without asking")
    restore.add_argument(
        "--key-file-only",
        action="store_true",
        help="repair a damaged key file with the one in this backup (asks the passphrase the journal "
        "had when the backup was made); the entries are not touched",
    )
    passphrase_option(restore)


def cmd_export(args: argparse.Namespace) -> int:
    from ..core.export_warning import plaintext_export_warning, should_warn_before_export
    from ..core.transfer import export_entries, get_exporter

    # The same rule as the GUI's (core.transfer.markdown_target_is_folder): a name without .md is a folder.
    folder = get_exporter(args.format).writes_folder(args.output)
    with open_journal(args, full_check=True) as session:
        if should_warn_before_export(session.conn):
            print(f"peerapp: {plaintext_export_warning()}", file=sys.stderr)
        count = export_entries(session.conn, args.format, args.output, markdown_folder=folder)
    print(CLI.tr("Exported %n entries to %1.", "", count).replace("%1", str(args.output)))
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
    from ..core.transfer import check_import_file, import_entries

    mood_map = _mood_map(args.mood_map)
    # exists(), not is_file(): a folder or a FIFO gets check_import_file's own message, not "no file".
    if not args.path.exists():
        raise CommandError(translate("CLI", "There is no file at %1.").replace("%1", str(args.path)))
    # The whole file is read before the passphrase is asked: a bad file never opens the vault.
    check_import_file(args.source, args.path, mood_map)
    with open_journal(args, full_check=True) as session:
        report = import_entries(session.conn, args.source, args.path, mood_map=mood_map)
    print(CLI.tr("Added %n entries.", "", report.added))
    if report.skipped_duplicates:
        print(CLI.tr("Skipped %n entries already in the journal.", "", report.skipped_duplicates))
    if report.errors:
        print(CLI.tr("%n rows could not be imported:", "", len(report.errors)))
        line_label = translate("CLI", "Line %1:")
        for line, message in report.errors:
            print(line_label.replace("%1", number(line)), message)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from ..core.backup import create_backup

    # Damage found while backing up is told like damage found at opening (open_journal's one line).
    with open_journal(args, full_check=True) as session:
        create_backup(session.vault, args.output)
    print(translate("CLI", "Wrote an encrypted backup to %1.").replace("%1", str(args.output)))
    print(translate("CLI", "It opens with the passphrase the journal had when the backup was made."))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from ..core.backup import read_backup, restore_backup

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
    from ..core.backup import restore_key_file

    vault = Vault(directory)
    if not vault.exists():
        raise CommandError(translate("CLI", "There is no journal in %1.").replace("%1", str(directory)))
    secret = Secrets(args.passphrase_stdin).get(
        translate("CLI", "Passphrase the journal had when this backup was made: ")
    )
    restore_key_file(args.path, vault, secret)
    print(translate("CLI", "Repaired the key file from the backup. It opens with that passphrase."))
    return EXIT_OK


COMMANDS: dict[str, Handler] = {
    "export": cmd_export,
    "import": cmd_import,
    "backup": cmd_backup,
    "restore": cmd_restore,
}
