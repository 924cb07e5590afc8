"""Start the group server: command-line options, the config, and uvicorn with the access log off."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import sys
from collections.abc import Mapping
from pathlib import Path
from types import FrameType

from peerapp.core import paths
from peerapp.core.errors import PeerappError
from peerapp.core.i18n import QT_TRANSLATE_NOOP
from peerapp.server.config import ServerConfig
from peerapp.server.creation import MAX_POW_BITS
from peerapp.sync import protocol

# Seqs must stay below 2**53 (clients refuse larger ones); a billion per restore leaves room for
# millions of restores.
MAX_SKIP = 10**9
MAX_WORKERS = 64
# Every option can also come from PEERAPP_<OPTION> (PEERAPP_DB, PEERAPP_PORT, PEERAPP_WORKERS...), so
# a container or a systemd unit configures the server without a command line; the command line wins.
# Not --skip-seqs: it is a one-time step after a restore, and an environment would repeat it at every
# start.
ENV_PREFIX = "PEERAPP_"
NOT_FROM_ENV = frozenset({"help", "skip_seqs", "retention_interval"})
TRUE, FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")

__all__ = [
    "BadServerConfig",
    "OneProcessOnly",
    "ServerConfig",
    "ServerStartFailed",
    "add_arguments",
    "config_from_args",
    "serve",
    "serve_socket",
]


class BadServerConfig(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The server settings are not valid. The database must be sqlite:///PATH or postgresql://…, "
        "and the numbers must not be negative.",
    )


class OneProcessOnly(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "An SQLite database serves one server process only. For --workers above 1, use PostgreSQL "
        "(--db postgresql://…).",
    )


class ServerStartFailed(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The group server could not start. Check that the port is free and the database can be opened.",
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The server's options, shared by `python -m peerapp.server` and `peerapp server`."""
    parser.add_argument(
        "--db",
        metavar="URL",
        help="sqlite:///relative/path, sqlite:////absolute/path or postgresql://user@host/db "
        "(default: server.db in the data folder)",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 picks a free one)")
    parser.add_argument(
        "--retention-days",
        type=int,
        default=90,
        metavar="N",
        help="delete events older than N days (0: keep)",
    )
    parser.add_argument(
        "--room-rate", type=float, default=20.0, metavar="R", help="requests a second per room"
    )
    parser.add_argument("--room-burst", type=float, default=100.0, metavar="N", help="burst per room")
    parser.add_argument(
        "--create-rate", type=float, default=1.0, metavar="R", help="room creations a second, in all"
    )
    parser.add_argument(
        "--create-burst", type=float, default=20.0, metavar="N", help="burst of room creations"
    )
    parser.add_argument(
        "--max-page", type=int, default=protocol.MAX_PAGE, metavar="N", help="most events in one page"
    )
    parser.add_argument(
        "--max-batch",
        type=int,
        default=protocol.MAX_BATCH,
        metavar="N",
        help=f"most posts in one batch upload (default {protocol.MAX_BATCH}; 0: no batch uploads, "
        "members send one post a request)",
    )
    parser.add_argument(
        "--skip-seqs",
        type=int,
        default=0,
        metavar="N",
        help="after restoring the database from a backup, start once with this: every room's next "
        "seq jumps N ahead, so no seq already handed out is used again (e.g. 1000000)",
    )
    # For tests and operators who want retention to run more often than hourly.
    parser.add_argument("--retention-interval", type=float, default=3600.0, help=argparse.SUPPRESS)
    # process plane
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help=f"server processes on this port (1-{MAX_WORKERS}; above 1 needs a PostgreSQL --db)",
    )
    parser.add_argument(
        "--metrics",
        action="store_true",
        help="serve GET /metrics in the Prometheus text format (counts only: no room ids, no addresses)",
    )
    parser.add_argument(
        "--log-requests",
        action="store_true",
        help="log one JSON line per request: route template, status and time (no address, no room id)",
    )
    parser.add_argument(
        "--graceful-timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="after SIGTERM, how long requests in flight may still take (default 30)",
    )
    # data plane (issue 18): creation modes, quotas, the disk budget (peerapp.server.creation, storage)
    parser.add_argument(
        "--creation",
        choices=("open", "token", "pow"),
        default="",
        help="who may create rooms: anyone, holders of an operator's token (peerapp server admin "
        "token issue), or anyone who solves a small proof of work (default: token, or open when "
        "listening on loopback only; set it explicitly behind a proxy or an onion service)",
    )
    parser.add_argument(
        "--pow-bits", type=int, default=20, metavar="N", help="proof-of-work difficulty in bits (default 20)"
    )
    parser.add_argument(
        "--room-quota-bytes",
        type=int,
        default=512 * 1024 * 1024,
        metavar="N",
        help="bytes of posts one room may hold (default 512 MiB; 0: no limit)",
    )
    parser.add_argument(
        "--room-day-posts",
        type=int,
        default=10_000,
        metavar="N",
        help="posts one room may take in a day (default 10000; 0: no limit)",
    )
    parser.add_argument(
        "--disk-budget",
        type=int,
        default=0,
        metavar="BYTES",
        help="refuse new posts once the database holds this many bytes (default 0: no budget)",
    )
    environment_defaults(parser, os.environ)
    parser.epilog = (
        "Every option can also be set in the environment as PEERAPP_ and its name in capitals "
        "(PEERAPP_DB, PEERAPP_PORT, PEERAPP_WORKERS, PEERAPP_METRICS=1 ...), except --skip-seqs; "
        "the command line wins."
    )


def environment_defaults(parser: argparse.ArgumentParser, environ: Mapping[str, str]) -> None:
    """Take each option's default from PEERAPP_<DEST> when set; argparse converts it like typed text."""
    for action in parser._actions:  # argparse has no public list of its options
        if action.dest in NOT_FROM_ENV or not action.option_strings:
            continue
        value = environ.get(ENV_PREFIX + action.dest.upper())
        if value is not None:
            # A flag's text is read in config_from_args, so a wrong value is one clear line there.
            action.default = value


def config_from_args(ns: argparse.Namespace) -> ServerConfig:
    db = ns.db or "sqlite:///" + str(Path(paths.data_dir(getattr(ns, "data_dir", None))) / "server.db")
    if not db.startswith(("sqlite:///", "postgresql://", "postgres://")) or db == "sqlite:///":
        raise BadServerConfig("--db")
    numbers = (ns.retention_days, ns.room_rate, ns.room_burst, ns.create_rate, ns.create_burst)
    if min(numbers) < 0 or not 1 <= ns.max_page <= protocol.MAX_PAGE or not 0 <= ns.port <= 65535:
        raise BadServerConfig()
    if not 0 <= ns.max_batch <= protocol.MAX_BATCH:
        raise BadServerConfig("--max-batch")
    if ns.retention_interval <= 0:
        raise BadServerConfig("--retention-interval")
    if not 0 <= ns.skip_seqs <= MAX_SKIP:
        raise BadServerConfig("--skip-seqs")
    if not 1 <= ns.workers <= MAX_WORKERS:
        raise BadServerConfig("--workers")
    if ns.workers > 1 and db.startswith("sqlite:"):
        raise OneProcessOnly()
    if not ns.graceful_timeout > 0:
        raise BadServerConfig("--graceful-timeout")
    if ns.creation not in ("", "open", "token", "pow"):  # from the environment, argparse does not check
        raise BadServerConfig("--creation")
    if (
        not 1 <= ns.pow_bits <= MAX_POW_BITS
        or min(ns.room_quota_bytes, ns.room_day_posts, ns.disk_budget) < 0
    ):
        raise BadServerConfig()
    return ServerConfig(
        db=db,
        host=ns.host,
        port=ns.port,
        retention_days=ns.retention_days,
        room_rate=ns.room_rate,
        room_burst=ns.room_burst,
        create_rate=ns.create_rate,
        create_burst=ns.create_burst,
        max_page=ns.max_page,
        max_batch=ns.max_batch,
        retention_interval=ns.retention_interval,
        skip_seqs=ns.skip_seqs,
        workers=ns.workers,
        metrics=_flag(ns.metrics, "PEERAPP_METRICS"),
        log_requests=_flag(ns.log_requests, "PEERAPP_LOG_REQUESTS"),
        graceful_timeout=ns.graceful_timeout,
        creation=ns.creation,
        pow_bits=ns.pow_bits,
        room_quota_bytes=ns.room_quota_bytes,
        room_day_posts=ns.room_day_posts,
        disk_budget=ns.disk_budget,
    )


def _flag(value: bool | str, name: str) -> bool:
    """A flag from the command line (a bool) or from the environment (1/0, true/false, yes/no, on/off)."""
    if isinstance(value, bool):
        return value
    if value.strip().lower() in TRUE:
        return True
    if value.strip().lower() in FALSE:
        return False
    raise BadServerConfig(name)


def serve(config: ServerConfig) -> None:
    """Open the database, listen, print "listening on http://HOST:PORT", and block until SIGTERM or
    SIGINT, then let the requests in flight finish (up to config.graceful_timeout) and return.

    With config.workers above 1, a supervisor runs that many processes (peerapp.server.workers).
    Raises BadServerConfig, ServerStartFailed or WorkersFailed (translatable), or ImportError
    without the server extra.
    """
    import uvicorn  # noqa: F401 - an ImportError here tells the caller the server extra is missing

    if config.workers > 1:
        from peerapp.server.workers import supervise

        supervise(config)
        return
    from peerapp.server.workers import bind

    serve_socket(config, bind(config.host, config.port, reuse_port=False))


def serve_socket(config: ServerConfig, sock: socket.socket) -> None:
    """Serve on a socket that is already bound and listening (closed on return)."""
    from peerapp.server import logs

    logs.setup(config.worker)
    stopping: list[int] = []

    # uvicorn catches SIGTERM while it serves; this handler covers the start before it and is the one
    # uvicorn hands the signal back to once everything is finished, so a clean stop exits 0.
    def on_term(sig: int, _frame: object) -> None:
        stopping.append(sig)

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        asyncio.run(_serve(config, sock, stopping))
    finally:
        signal.signal(signal.SIGTERM, previous)
        sock.close()


async def _serve(config: ServerConfig, sock: socket.socket, stopping: list[int]) -> None:
    import uvicorn

    from peerapp.server.app import create_app
    from peerapp.server.storage import open_store

    store = open_store(config.db)
    try:
        await store.open()
        skipped = await store.skip_seqs(config.skip_seqs) if config.skip_seqs else None
    except Exception as exc:  # every driver has its own errors; all mean "cannot start"
        await store.close()  # a driver thread left open would keep the process alive
        raise ServerStartFailed(type(exc).__name__) from exc
    if skipped is not None:
        print(f"skipped {config.skip_seqs} seqs in {skipped} rooms", flush=True)
    port = sock.getsockname()[1]
    host = f"[{config.host}]" if ":" in config.host else config.host
    app = create_app(config, store, store_opened=True)

    class Server(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets=sockets)
            if stopping:  # SIGTERM came while the database opened: stop before serving anyone
                self.should_exit = True
            if not self.should_exit:
                print(f"listening on http://{host}:{port}", flush=True)

        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            # Readiness answers 503 from now on, so a load balancer stops sending while we drain.
            app.state.process.draining = True
            super().handle_exit(sig, frame)

    uv_config = uvicorn.Config(
        app,
        http="httptools",
        ws="none",  # no WebSocket route exists; nothing should speak it (or import its library)
        lifespan="on",
        access_log=False,  # no request is ever logged by uvicorn: no addresses, no paths
        log_config=None,  # logs.setup made every record a JSON line
        log_level="warning",
        server_header=False,
        date_header=False,
        proxy_headers=False,  # forwarded addresses are not wanted either
        timeout_keep_alive=30,
        timeout_graceful_shutdown=max(1, round(config.graceful_timeout)),
    )
    await Server(uv_config).serve(sockets=[sock])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m peerapp.server", description="peerapp group server")
    add_arguments(parser)
    ns = parser.parse_args(argv)
    try:
        serve(config_from_args(ns))
    except PeerappError as exc:
        print(exc.user_message(), file=sys.stderr)
        return 1
    except ImportError:
        print(
            "The group server is not installed. Install it with: pip install 'peerapp[server]'",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 0
    return 0
