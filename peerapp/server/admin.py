"""The operator's commands on a server's database: counts, retention, creation tokens, suspension, a move."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from peerapp.server import creation
from peerapp.server.storage import EXPORT_TABLES, Store, open_store, today
from peerapp.sync import wire

T = TypeVar("T")
EXPORT_FORMAT = "peerapp-server-export"
EXPORT_VERSION = 1
_CHUNK = 1000  # rows an import writes in one statement batch


class AdminError(Exception):
    """A command could not do its job; `reason` names why (the CLI turns it into one translated line)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# Why an admin command failed; the CLI has a sentence for each.
NO_DATABASE, NO_ROOM, NO_TOKEN, BAD_ROOM = "no_database", "no_room", "no_token", "bad_room"
BAD_EXPORT, NOT_EMPTY, CANNOT_WRITE = "bad_export", "not_empty", "cannot_write"


def _with_store(url: str, action: Callable[[Store], Awaitable[T]]) -> T:
    async def run() -> T:
        store = open_store(url)
        try:
            await store.open()
        except Exception as exc:  # every driver has its own errors; all mean "cannot open"
            await store.close()
            raise AdminError(NO_DATABASE) from exc
        try:
            return await action(store)
        finally:
            await store.close()

    return asyncio.run(run())


def stats(url: str) -> dict[str, int]:
    """Counts only: rooms, suspended rooms, events, blob bytes, creation tokens. No room is read."""
    return _with_store(url, lambda store: store.stats())


def prune(url: str, retention_days: int) -> int:
    """Delete events older than `retention_days` now (what the server does hourly); return how many."""
    return _with_store(url, lambda store: store.purge(today() - retention_days))


def issue_token(url: str) -> tuple[str, str]:
    """A new creation token: (id, token). Only its hash is stored; the token is shown this once."""
    token_id, token = creation.new_token()

    async def add(store: Store) -> None:
        await store.add_token(token_id, creation.token_hash(token), today())

    _with_store(url, add)
    return token_id, token


def revoke_token(url: str, token_id: str) -> None:
    if not _with_store(url, lambda store: store.revoke_token(token_id.strip().lower())):
        raise AdminError(NO_TOKEN)


def parse_room(value: str) -> bytes:
    """A room id as the server's paths and logs write it (64 lowercase hex digits)."""
    try:
        return wire.ROOM_PATH.decode(value.strip().lower(), "room")
    except wire.WireError as exc:
        raise AdminError(BAD_ROOM) from exc


def suspend(url: str, room: str, *, lift: bool = False) -> None:
    """Suspend a room (every request refused with room_suspended) or lift it; nothing of it is read."""
    room_id = parse_room(room)
    if not _with_store(url, lambda store: store.suspend(room_id, not lift)):
        raise AdminError(NO_ROOM)


# --- a move: export and import ------------------------------------------------------------------
#
# JSON lines: a header, then one ["table", [values]] per row; bytes are {"b": base64}. Either backend
# reads what either wrote, so the same two commands move SQLite to PostgreSQL.


def _encode(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"b": base64.b64encode(bytes(value)).decode()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        return base64.b64decode(value["b"], validate=True)
    if value is None or isinstance(value, int | str):
        return value
    raise ValueError("value")


def export(url: str, path: Path) -> dict[str, int]:
    """Write the database to `path` (via a temporary file beside it, renamed once whole)."""

    async def write(store: Store) -> dict[str, int]:
        counts: dict[str, int] = {}
        folder = path.resolve().parent
        try:
            fd, temp = tempfile.mkstemp(prefix=".export-", dir=folder)
        except OSError as exc:
            raise AdminError(CANNOT_WRITE) from exc
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(json.dumps({"format": EXPORT_FORMAT, "version": EXPORT_VERSION}) + "\n")
                for table in EXPORT_TABLES:
                    counts[table] = 0
                    async for row in store.export_rows(table):
                        out.write(json.dumps([table, [_encode(v) for v in row]]) + "\n")
                        counts[table] += 1
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, path)
        except OSError as exc:
            Path(temp).unlink(missing_ok=True)
            raise AdminError(CANNOT_WRITE) from exc
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return counts

    return _with_store(url, write)


def _read_export(path: Path) -> list[tuple[str, list[Any]]]:
    """Every row of an export, checked before anything is written."""
    try:
        with path.open(encoding="utf-8") as source:
            header = json.loads(source.readline())
            if header != {"format": EXPORT_FORMAT, "version": EXPORT_VERSION}:
                raise AdminError(BAD_EXPORT)
            rows = []
            for line in source:
                table, values = json.loads(line)
                if table not in EXPORT_TABLES or not isinstance(values, list):
                    raise AdminError(BAD_EXPORT)
                rows.append((table, [_decode(v) for v in values]))
            return rows
    except (OSError, ValueError, TypeError, KeyError) as exc:  # unreadable, not JSON, not our shape
        raise AdminError(BAD_EXPORT) from exc


def import_(url: str, path: Path) -> dict[str, int]:
    """Load an export into an empty database (the move's second half); return the rows per table."""
    rows = _read_export(path)

    async def load(store: Store) -> dict[str, int]:
        if not await store.is_empty():
            raise AdminError(NOT_EMPTY)
        counts: dict[str, int] = {}
        for table in EXPORT_TABLES:
            mine = [values for name, values in rows if name == table]
            for start in range(0, len(mine), _CHUNK):
                try:
                    await store.import_rows(table, mine[start : start + _CHUNK])
                except Exception as exc:  # a row the database refuses: the export is not whole
                    raise AdminError(BAD_EXPORT) from exc
            counts[table] = len(mine)
        return counts

    return _with_store(url, load)
