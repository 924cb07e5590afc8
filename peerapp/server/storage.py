"""What the server keeps: rooms and their events, behind one async interface for SQLite and PostgreSQL."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

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
    # Version 2 (docs/PROTOCOL.md): the current epoch and the generations of the admin key and the
    # door; a v1 room has version 1, epoch 0 and no door.
    version: int = 1
    epoch: int = 0
    admin_gen: int = 0
    door_pub: bytes | None = None
    door_gen: int = 0
    door_expires: int = 0
    suspended: bool = False  # by the operator (peerapp server admin suspend): every request refused


ROOM_COLUMNS = "write_pub, admin_pub, version, epoch, admin_gen, door_pub, door_gen, door_expires, suspended"
# The columns a key change may set, and the generation column it must move on by exactly one.
CHANGES = {
    "epoch": ("epoch", "write_pub"),
    "admin": ("admin_gen", "admin_pub"),
    "door": ("door_gen", "door_pub", "door_expires"),
    "upgrade": (
        "version",
        "write_pub",
        "admin_pub",
        "door_pub",
        "door_expires",
        "epoch",
        "admin_gen",
        "door_gen",
    ),
}


def room_from_row(row: Sequence[Any]) -> Room:
    return Room(
        bytes(row[0]),
        bytes(row[1]),
        int(row[2]),
        int(row[3]),
        int(row[4]),
        bytes(row[5]) if row[5] is not None else None,
        int(row[6]),
        int(row[7]),
        bool(row[8]),
    )


@dataclass(frozen=True)
class Quota:
    """What one room may hold: blob bytes in all, and posts received on one day. 0 is no limit."""

    room_bytes: int = 0
    day_posts: int = 0

    def refusal(self, held: int, adding: int, posts_today: int, new_posts: int) -> str | None:
        """ "quota_bytes" or "quota_posts" when `new_posts` posts of `adding` bytes would break it."""
        if self.room_bytes and held + adding > self.room_bytes:
            return "quota_bytes"
        if self.day_posts and posts_today + new_posts > self.day_posts:
            return "quota_posts"
        return None


NO_QUOTA = Quota()
# head() of a suspended room: reads stop with the room's other requests (a room abused as a file drop
# must stop handing its files out), without a second query on every page.
SUSPENDED_HEAD = -1
# Data-plane tables an export carries, in the order an import must write them: events before rooms,
# so SQLite's triggers (which move a room's last_seq and bytes on every insert) find no room row yet
# and the room rows arrive with their exported counters.
EXPORT_TABLES = ("events", "rooms", "creation_tokens")


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
    status: str  # "created", "same", "conflict", "gone", "no_room", "quota_bytes", "quota_posts"
    seq: int = 0


def post_states(rows: Iterable[Sequence[Any]]) -> dict[bytes, PostState]:
    """What a room holds of some post ids, from (post_id, kind, seq, blob, delete_hash) event rows."""
    by_id: dict[bytes, list[Sequence[Any]]] = {}
    for row in rows:
        by_id.setdefault(bytes(row[0]), []).append(row)
    states = {}
    for post_id, found in by_id.items():
        post = next((r for r in found if r[1] == POST), None)
        tomb = next((r for r in found if r[1] == DELETE), None)
        states[post_id] = PostState(
            seq=int(post[2]) if post else None,
            blob=bytes(post[3]) if post and post[3] is not None else None,
            delete_hash=bytes(post[4]) if post and post[4] is not None else None,
            delete_seq=int(tomb[2]) if tomb else None,
        )
    return states


def existing(state: PostState, blob: bytes, delete_hash: bytes) -> PutResult:
    """The answer to a PUT for a post id the room already has."""
    if state.delete_seq is not None or state.blob is None or state.seq is None:
        return PutResult("gone")
    if state.blob == blob and state.delete_hash == delete_hash:
        return PutResult("same", state.seq)
    return PutResult("conflict")


@dataclass(frozen=True)
class NewPost:
    """One post of a batch, its signature already checked."""

    post_id: bytes
    blob: bytes
    delete_hash: bytes


@dataclass(frozen=True)
class BatchResult:
    """A batch stored whole ("created", with every post's seq in order), or not at all: `status` says
    why ("no_room", "conflict", "gone") and `index` which post stopped it."""

    status: str
    seqs: tuple[int, ...] = ()
    index: int = -1


def plan_batch(posts: Sequence[NewPost], states: dict[bytes, PostState]) -> list[int | None] | BatchResult:
    """Each post's seq when the room already holds it with the same bytes (a retry), None for a new
    one; or the refusal of the whole batch when one id holds other bytes or was deleted."""
    plan: list[int | None] = []
    for index, post in enumerate(posts):
        state = states.get(post.post_id)
        if state is None:
            plan.append(None)
            continue
        found = existing(state, post.blob, post.delete_hash)
        if found.status != "same":
            return BatchResult(found.status, index=index)
        plan.append(found.seq)
    return plan


class Store(Protocol):
    """The storage backends. Every method that adds an event assigns its seq under the room row lock.

    `quota` (set by the app from its config) bounds each room; put_post and put_posts check it under
    the room's lock and answer "quota_bytes" or "quota_posts". `shared_limits` is True when several
    processes share the database (PostgreSQL): then the rate limits live in it (take_tokens).
    """

    quota: Quota
    shared_limits: bool

    async def open(self) -> None: ...

    async def close(self) -> None: ...

    async def ping(self) -> None: ...

    async def create_room(self, room: bytes, write_pub: bytes, admin_pub: bytes, day: int) -> str:
        """Return "created", "exists" (same keys) or "conflict" (other keys)."""
        ...

    async def room(self, room: bytes) -> Room | None: ...

    async def create_room_v2(
        self, room: bytes, write_pub: bytes, admin_pub: bytes, door_pub: bytes, door_expires: int, day: int
    ) -> str:
        """A v2 room at epoch 1, generations 1: "created", "exists" (same keys) or "conflict"."""
        ...

    async def change_room(self, room: bytes, change: str, expect: int, values: dict[str, object]) -> str:
        """Set `values` (columns of CHANGES[change]) only if the change's generation column still holds
        `expect`, in one statement: "changed", "stale" (someone moved it on) or "no_room"."""
        ...

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

    async def put_posts(self, room: bytes, posts: Sequence[NewPost], day: int) -> BatchResult:
        """Store a batch (distinct ids) in one transaction, new posts taking seqs in the batch's order."""
        ...

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

    async def take_tokens(self, key: bytes, rate: float, burst: float, cost: float) -> int:
        """The shared token bucket `key` (limits.RateLimiter's rule): 0, or the seconds to wait."""
        ...

    async def prune_limits(self, idle_seconds: float) -> int:
        """Forget buckets untouched for `idle_seconds` (full again by then); return how many."""
        ...

    async def used_bytes(self) -> int:
        """The database's size on disk, for the global disk budget."""
        ...

    async def stats(self) -> dict[str, int]:
        """Counts only: rooms, suspended rooms, events, blob bytes, creation tokens."""
        ...

    async def suspend(self, room: bytes, suspended: bool) -> bool:
        """Suspend (or lift) a room without reading it; False when there is no such room."""
        ...

    async def add_token(self, token_id: str, token_hash: bytes, day: int) -> None: ...

    async def revoke_token(self, token_id: str) -> bool: ...

    async def token_known(self, token_hash: bytes) -> bool: ...

    def export_rows(self, table: str) -> AsyncIterator[list[Any]]:
        """Every row of one of EXPORT_TABLES, in its EXPORT_COLUMNS order."""
        ...

    async def import_rows(self, table: str, rows: Sequence[Sequence[Any]]) -> None:
        """Insert rows of one of EXPORT_TABLES (an export's); an existing key is an error."""
        ...

    async def is_empty(self) -> bool: ...


EXPORT_COLUMNS = {
    "rooms": (
        "id, write_pub, admin_pub, last_seq, created_day, version, epoch, admin_gen, door_pub, door_gen,"
        " door_expires, suspended, bytes, posts_day, day_posts"
    ),
    "events": "room, seq, kind, post_id, blob, delete_hash, by_admin, proof, day",
    "creation_tokens": "id, hash, created_day",
}


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
