"""The `server` command: runs a group server (needs the server extra; design section 7)."""

from __future__ import annotations

import argparse

from ..core.i18n import translate
from .common import EXIT_OK, CommandError, Handler, Subparsers


def add_parsers(commands: Subparsers) -> None:
    # The server's own options come from peerapp.server (an optional extra), parsed in cmd_server;
    # an unused prefix character lets "--db URL" and friends through this parser untouched.
    server = commands.add_parser(
        "server", help="run a group server (needs the server extra)", prefix_chars="+", add_help=False
    )
    server.add_argument("server_args", nargs="*", metavar="OPTION")


def cmd_server(args: argparse.Namespace) -> int:
    try:
        from ..server import run as server_run
    except ImportError as exc:
        raise CommandError(_server_missing()) from exc
    parser = argparse.ArgumentParser(prog="peerapp server", description="peerapp group server")
    server_run.add_arguments(parser)
    ns = parser.parse_args(args.server_args)
    ns.data_dir = args.data_dir
    try:
        server_run.serve(server_run.config_from_args(ns))
    except ImportError as exc:
        raise CommandError(_server_missing()) from exc
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def _server_missing() -> str:
    return translate(
        "CLI", "The group server is not installed. Install it with: pip install 'peerapp[server]'"
    )


COMMANDS: dict[str, Handler] = {"server": cmd_server}
