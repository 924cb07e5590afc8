"""The `template list|add|delete` commands (design section 7): the entry templates kept in the vault.

`template add` takes the same repeatable `--tag` and `--emotion` as `journal add`, plus `--name` and one
`--section` per text section: "HEADING" or "HEADING | hint". `--section -` reads the sections from
standard input instead (after the passphrase line with `--passphrase-stdin`), one per line.
"""

from __future__ import annotations

import argparse
import json

from ..core.i18n import translate
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
)


def add_parsers(commands: Subparsers) -> None:
    template = commands.add_parser("template", help="the templates a new entry can start from")
    tcmd = template.add_subparsers(dest="template_command", metavar="ACTION", required=True)

    lst = tcmd.add_parser("list", help="every template, by name")
    passphrase_option(lst)
    json_option(lst)

    add = tcmd.add_parser("add", help="add a template")
    add.add_argument("--name", required=True, help="the template's name, as the app lists it")
    add.add_argument("--title", default="", help="the title a new entry starts with")
    add.add_argument("--tag", action="append", default=[], metavar="TAG")
    add.add_argument("--emotion", action="append", default=[], metavar="KEY")
    add.add_argument(
        "--section",
        action="append",
        default=[],
        metavar="HEADING",
        help='a text section: "HEADING" or "HEADING | hint"; - reads one per line from standard input',
    )
    passphrase_option(add)
    json_option(add)

    delete = tcmd.add_parser("delete", help="delete a template")
    delete.add_argument("id", type=int, metavar="ID")
    passphrase_option(delete)


def _language(args: argparse.Namespace) -> str:
    """The language the shipped templates are seeded in: the CLI's own (as common.setup_language picks it)."""
    from ..core.settings import Settings

    return str(args.lang or Settings.load().language or "en")


def _section_lines(args: argparse.Namespace) -> list[str]:
    """The --section values, each `-` replaced by the lines of standard input."""
    lines: list[str] = []
    for value in args.section:
        if value == "-":
            text = Secrets(args.passphrase_stdin).text()
            given = [line for line in text.splitlines() if line.strip()]
            if not given:
                raise UsageError(translate("CLI", "No text was given on standard input."))
            lines.extend(given)
        else:
            lines.append(value)
    return lines


def cmd_template(args: argparse.Namespace) -> int:
    from ..core.templates import Section, Template, TemplateRepository

    with open_journal(args) as session:
        templates = TemplateRepository(session.conn)
        if args.template_command == "list":
            listed = templates.all(_language(args))
            if args.json:
                print(json.dumps([t.to_json() for t in listed], ensure_ascii=False, indent=1))
            else:
                for t in listed:
                    print(f"{t.id}\t{t.name}\t{' · '.join(s.heading for s in t.sections)}")
        elif args.template_command == "add":
            sections = [Section.parse(line) for line in _section_lines(args)]
            # The shipped ones first, so a new vault's first `add` cannot take one of their names.
            templates.all(_language(args))
            added = templates.add(Template(args.name, args.title, args.tag, args.emotion, sections))
            print(json.dumps(added.to_json(), ensure_ascii=False) if args.json else added.id)
        elif args.template_command == "delete":
            templates.delete(args.id)
            print(translate("CLI", "Deleted template %1.").replace("%1", number(args.id)))
    return EXIT_OK


COMMANDS: dict[str, Handler] = {"template": cmd_template}
