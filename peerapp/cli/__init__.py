"""The command-line contract (design section 7): the parser and `main`; each area adds its own commands.

Opening the desktop app (no command, or `gui`) builds a parser with only the app's area, so the
launcher does not import every command area (the journal search, transfer formats, the group client)
before the lock screen.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from .. import __version__
from ..core.settings import LANGUAGES
from . import app, common

_GLOBAL_OPTIONS = ("--data-dir", "--lang")


def _areas() -> tuple[ModuleType, ...]:
    """Every command area, in the order of the commands in help and in argparse's messages."""
    from . import checkin, group, journal, library, prompt, server, template, transfer

    return (app, journal, library, prompt, transfer, server, group, checkin, template)


def build_parser(areas: Sequence[ModuleType] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="peerapp", description="peerapp: private journal and peer support")
    parser.add_argument("--version", action="version", version=f"peerapp {__version__}")
    parser.add_argument("--data-dir", help="folder holding the vault (default: the platform's data folder)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of messages and the interface")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for area in areas if areas is not None else _areas():
        area.add_parsers(commands)
    app.add_hidden_parsers(commands)
    return parser


def _opens_the_app(argv: Sequence[str]) -> bool:
    """True for `peerapp [--data-dir D] [--lang L] [gui]`: the desktop app and nothing else."""
    rest = list(argv)
    while rest and (
        rest[0] in _GLOBAL_OPTIONS or rest[0].startswith(tuple(o + "=" for o in _GLOBAL_OPTIONS))
    ):
        rest = rest[2:] if rest[0] in _GLOBAL_OPTIONS else rest[1:]
    return rest in ([], ["gui"])


def parse(argv: Sequence[str]) -> tuple[argparse.Namespace, dict[str, common.Handler]]:
    """The parsed arguments and the handlers of the areas that were loaded to parse them."""
    areas = (app,) if _opens_the_app(argv) else _areas()
    args = build_parser(areas).parse_args(argv)
    return args, {name: handler for area in areas for name, handler in area.COMMANDS.items()}


def main(argv: Sequence[str] | None = None) -> int:
    args, handlers = parse(list(sys.argv[1:] if argv is None else argv))
    common.Secrets.reset()
    command = args.command or "gui"
    if command != "gui":
        common.setup_language(args.lang)
    return common.run(handlers[command], args)
