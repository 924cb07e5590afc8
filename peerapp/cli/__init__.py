"""The command-line contract (design section 7): the parser and `main`; each area adds its own commands."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .. import __version__
from ..core.settings import LANGUAGES
from . import app, common, group, journal, library, server, transfer

# The order of the commands in help and in argparse's messages.
_AREAS = (app, journal, library, transfer, server, group)

COMMANDS: dict[str, common.Handler] = {
    name: handler for area in _AREAS for name, handler in area.COMMANDS.items()
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="peerapp", description="peerapp: private journal and peer support")
    parser.add_argument("--version", action="version", version=f"peerapp {__version__}")
    parser.add_argument("--data-dir", help="folder holding the vault (default: the platform's data folder)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of messages and the interface")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for area in _AREAS:
        area.add_parsers(commands)
    app.add_hidden_parsers(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    common.Secrets.reset()
    command = args.command or "gui"
    if command != "gui":
        common.setup_language(args.lang)
    return common.run(COMMANDS[command], args)
