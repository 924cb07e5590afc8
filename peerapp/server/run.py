"""Start the group server: command-line options, the config, and uvicorn with the access log off."""

from __future__ import annotations

import argparse
import asyncio
import socket
import sys
from pathlib import Path

from peerapp.core import paths
from peerapp.core.errors import PeerappError
from peerapp.core.i18n import QT_TRANSLATE_NOOP
from peerapp.server.config import ServerConfig
from peerapp.sync import protocol

# Seqs must stay below 2**53 (clients refuse larger ones); a billion per restore leaves room for
# millions of restores.
MAX_SKIP = 10**9

__all__ = [
    "BadServerConfig",
    "ServerConfig",
    "ServerStartFailed",
    "add_arguments",
    "config_from_args",
    "serve",
]


class BadServerConfig(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The server settings are not valid. The database must be sqlite:///PATH or postgresql://…, "
        "and the numbers must not be negative.",
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
    )


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY on accepted sockets only when proto says TCP,
    # and without it every response (headers, then body) waits out the client's delayed ACK (~40 ms).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ServerStartFailed(f"{host}:{port}: {exc.strerror}") from exc
    sock.set_inheritable(True)
    return sock


def serve(config: ServerConfig) -> None:
    """Open the database, listen, print "listening on http://HOST:PORT", and block until stopped.

    Raises BadServerConfig or ServerStartFailed (translatable), or ImportError without the server extra.
    """
    import uvicorn  # noqa: F401 - an ImportError here tells the caller the server extra is missing

    asyncio.run(_serve(config))


async def _serve(config: ServerConfig) -> None:
    import uvicorn

    from peerapp.server.app import create_app
    from peerapp.server.storage import open_store

    sock = _bind(config.host, config.port)
    store = open_store(config.db)
    try:
        await store.open()
        skipped = await store.skip_seqs(config.skip_seqs) if config.skip_seqs else None
    except Exception as exc:  # every driver has its own errors; all mean "cannot start"
        sock.close()
        await store.close()  # a driver thread left open would keep the process alive
        raise ServerStartFailed(type(exc).__name__) from exc
    if skipped is not None:
        print(f"skipped {config.skip_seqs} seqs in {skipped} rooms", flush=True)
    port = sock.getsockname()[1]
    host = f"[{config.host}]" if ":" in config.host else config.host

    class Server(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets=sockets)
            if not self.should_exit:
                print(f"listening on http://{host}:{port}", flush=True)

    uv_config = uvicorn.Config(
        create_app(config, store, store_opened=True),
        http="httptools",
        lifespan="on",
        access_log=False,  # no request is ever logged: no addresses, no paths
        log_level="warning",
        server_header=False,
        date_header=False,
        proxy_headers=False,  # forwarded addresses are not wanted either
        timeout_keep_alive=30,
    )
    try:
        await Server(uv_config).serve(sockets=[sock])
    finally:
        sock.close()


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
