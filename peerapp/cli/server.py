"""The `server` command: runs a group server (needs the server extra; design section 7)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..core import paths
from ..core.i18n import translate
from .common import EXIT_OK, CommandError, Handler, Subparsers, UsageError


def add_parsers(commands: Subparsers) -> None:
    # The server's own options come from peerapp.server (an optional extra), parsed in cmd_server;
    # an unused prefix character lets "--db URL" and friends through this parser untouched.
    server = commands.add_parser(
        "server", help="run a group server (needs the server extra)", prefix_chars="+", add_help=False
    )
    server.add_argument("server_args", nargs="*", metavar="OPTION")


def cmd_server(args: argparse.Namespace) -> int:
    if args.server_args[:1] == ["admin"]:
        return cmd_admin(args.server_args[1:], args.data_dir)
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


# --- peerapp server admin ... (design section 7) ---------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so a bad command line is one translated line and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(
            translate("CLI", "Unknown or incomplete admin command. Try: peerapp server admin --help")
        )


def _admin_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="peerapp server admin", description="operator commands on the server's database")
    parser.add_argument(
        "--db", metavar="URL", help="the server's database (default: server.db in the data folder)"
    )
    sub = parser.add_subparsers(dest="action", required=True)
    stats = sub.add_parser("stats", help="counts only: rooms, events, bytes, tokens")
    stats.add_argument("--json", action="store_true", help="machine-readable output")
    prune = sub.add_parser("prune", help="delete events older than the retention now")
    prune.add_argument("--retention-days", type=int, default=90, metavar="N")
    token = sub.add_parser("token", help="room creation tokens")
    token_sub = token.add_subparsers(dest="token_action", required=True)
    token_sub.add_parser("issue", help="print a new token (only its hash is kept)")
    revoke = token_sub.add_parser("revoke", help="revoke a token by its id")
    revoke.add_argument("token_id", metavar="ID")
    suspend = sub.add_parser("suspend", help="refuse every request of a room, without reading it")
    suspend.add_argument("room", metavar="ROOM")
    suspend.add_argument("--lift", action="store_true", help="end the suspension")
    export = sub.add_parser("export", help="write the database to a file, for a move")
    export.add_argument("-o", "--output", required=True, metavar="PATH")
    load = sub.add_parser("import", help="load an export into an empty database")
    load.add_argument("path", metavar="PATH")
    return parser


def cmd_admin(argv: list[str], data_dir: str | None) -> int:
    try:
        from ..server import admin
    except ImportError as exc:
        raise CommandError(_server_missing()) from exc
    ns = _admin_parser().parse_args(argv)
    url = ns.db or "sqlite:///" + str(Path(paths.data_dir(data_dir)) / "server.db")
    if not url.startswith(("sqlite:///", "postgresql://", "postgres://")) or url == "sqlite:///":
        raise UsageError(translate("CLI", "The database must be sqlite:///PATH or postgresql://…"))
    if ns.action == "prune" and ns.retention_days < 1:
        raise UsageError(translate("CLI", "The retention must be at least one day."))
    try:
        if ns.action == "stats":
            counts = admin.stats(url)
            if ns.json:
                print(json.dumps(counts))
            else:
                for key, value in counts.items():
                    print(f"{key} {value}")
        elif ns.action == "prune":
            print(admin.prune(url, ns.retention_days))
        elif ns.action == "token" and ns.token_action == "issue":
            token_id, token = admin.issue_token(url)
            # The token alone on stdout (for scripts); its id, for revoking, on stderr.
            print(token)
            print(translate("CLI", "Token id (to revoke it): %1").replace("%1", token_id), file=sys.stderr)
        elif ns.action == "token":
            admin.revoke_token(url, ns.token_id)
        elif ns.action == "suspend":
            admin.suspend(url, ns.room, lift=ns.lift)
        elif ns.action == "export":
            admin.export(url, Path(ns.output))
        else:
            admin.import_(url, Path(ns.path))
    except admin.AdminError as exc:
        raise CommandError(_admin_message(exc.reason)) from exc
    return EXIT_OK


def _admin_message(reason: str) -> str:
    messages = {
        "no_database": translate(
            "CLI", "The server's database could not be opened. Check --db and that the database is running."
        ),
        "no_room": translate("CLI", "There is no room with that id on this server."),
        "bad_room": translate("CLI", "A room id is 64 hexadecimal characters."),
        "no_token": translate("CLI", "There is no creation token with that id."),
        "bad_export": translate(
            "CLI", "The file is not a whole peerapp server export. Nothing was imported."
        ),
        "not_empty": translate("CLI", "The database to import into must be empty. Nothing was imported."),
        "cannot_write": translate("CLI", "The export file could not be written. Nothing was left behind."),
    }
    return messages[reason]


def _server_missing() -> str:
    return translate(
        "CLI", "The group server is not installed. Install it with: pip install 'peerapp[server]'"
    )


COMMANDS: dict[str, Handler] = {"server": cmd_server}
