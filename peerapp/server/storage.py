"""What the server keeps: rooms and their events, behind one async interface for SQLite and PostgreSQL."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol

# Event kinds as stored; on the wire each is its own model (peerapp.sync.wire, see app.wire_event).
POST = 1
DELETE = 2
REPORT = 3


def today() -> int:
    """Days since the epoch: the only time the server records (no timestamps)."""
    return int(time.time() // 86400)


@dataclass(frozen=True)
class Room:
    write_pub: bytes
    admin_pub: bytes


@dataclass(frozen=True)
class PostState:
    """What the server knows about one post id in one room."""

    seq: int | None  # the post event's seq (None when only a deletion is known)
    blob: bytes | None  # None once deleted
    delete_hash: bytes | None
    delete_seq: int | None  # the tombstone's seq, when deleted


@dataclass(frozen=True)
class Event:
    seq: int
    kind: int
    post_id: bytes | None
    blob: bytes | None
    by_admin: bool
    proof: bytes | None


@dataclass(frozen=True)
class PutResult:
    status: str  # "created", "same", "conflict", "gone", "no_room"
    seq: int = 0


def existing(state: PostState, blob: bytes, delete_hash: bytes) -> PutResult:
    """The answer to a PUT for a post id the room already has."""
    if state.delete_seq is not None or state.blob is None or state.seq is None:
        return PutResult("gone")
    if state.blob == blob and state.delete_hash == delete_hash:
        return PutResult("same", state.seq)
    return PutResult("conflict")


class Store(Protocol):
    """The storage backends. Every method that adds an event assigns its seq under the room row lock."""

    async def open(self) -> None: ...

    async def close(self) -> None: ...

    async def ping(self) -> None: ...

    async def create_room(self, room: bytes, write_pub: bytes, admin_pub: bytes, day: int) -> str:
        """Return "created", "exists" (same keys) or "conflict" (other keys)."""
        ...

    async def room(self, room: bytes) -> Room | None: ...

    async def head(self, room: bytes) -> int | None:
        """The room's last seq (0 before its first event), or None when there is no such room."""
        ...

    async def skip_seqs(self, count: int) -> int:
        """Move every room's last seq forward by `count` (after a restore); return how many rooms."""
        ...

    async def post_state(self, room: bytes, post_id: bytes) -> PostState | None: ...

    async def put_post(
        self, room: bytes, post_id: bytes, blob: bytes, delete_hash: bytes, day: int
    ) -> PutResult: ...

    async def delete_post(
        self, room: bytes, post_id: bytes, by_admin: bool, proof: bytes, day: int
    ) -> PutResult:
        """Return "created" or "same" with the tombstone's seq, or "not_found"."""
        ...

    async def add_report(self, room: bytes, blob: bytes, day: int) -> PutResult: ...

    async def events(self, room: bytes, after: int, limit: int) -> list[Event]: ...

    async def purge(self, before_day: int) -> int:
        """Delete events received before `before_day` and rooms left empty since then; return the count."""
        ...


def open_store(url: str) -> Store:
    """Pick the backend from the database URL."""
    if url.startswith("sqlite:///"):
        from peerapp.server.sqlite_store import SQLiteStore

        # SQLAlchemy's convention: sqlite:///relative/path, sqlite:////absolute/path.
        path = url.removeprefix("sqlite:///")
        if not path:
            raise ValueError("the SQLite URL has no path")
        return SQLiteStore(path)
    if url.startswith(("postgresql://", "postgres://")):
        from peerapp.server.pg_store import PostgresStore

        return PostgresStore(url)
    raise ValueError("unsupported database URL (use sqlite:///PATH or postgresql://...)")
