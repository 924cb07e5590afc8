"""The group API on the wire: one typed model per request and reply, the error codes, the operations.

The client builds its requests and reads the answers with these models, the server checks bodies and
builds its replies with them, and peerapp.server.openapi generates /v1/openapi.json from them, so the
three cannot drift apart. docs/PROTOCOL.md says what the requests mean; fields, limits and encodings
are declared here only. Nothing here needs httpx or the server's packages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

from . import protocol
from .wire_fields import (
    DELETE_HASH,
    DELETE_SECRET,
    POST_BLOB,
    POST_ID,
    PUBLIC_KEY,
    REPORT_BLOB,
    ROOM,
    SEQ,
    SIGNATURE,
)
from .wire_fields import MAX_SEQ as MAX_SEQ  # re-exported, with the two path ids: callers use them from here
from .wire_fields import POST_PATH as POST_PATH
from .wire_fields import ROOM_PATH as ROOM_PATH
from .wire_model import Boolean, Const, Field, Integer, ListOf, Nested, Text, ref
from .wire_model import Model as Model  # re-exported: the base of every model
from .wire_model import WireError as WireError  # re-exported: what every from_json raises

MAX_QUERY_INT = 10**18 - 1  # the server reads up to 18 digits of a query number
_QUERY_INT = re.compile(r"[0-9]{1,18}")

# --- error codes: {"error": {"code", "message"}} --------------------------------------------------

BAD_REQUEST, BAD_SIGNATURE = "bad_request", "bad_signature"
NO_ROOM, NOT_FOUND, NO_ROUTE = "no_room", "not_found", "no_route"
METHOD_NOT_ALLOWED = "method_not_allowed"
ROOM_EXISTS, CONFLICT, GONE = "room_exists", "conflict", "gone"
TOO_LARGE, RATE_LIMITED = "too_large", "rate_limited"
INTERNAL, UNAVAILABLE = "internal", "unavailable"
STALE_EPOCH, INVITE_EXPIRED, UPGRADED = "stale_epoch", "invite_expired", "upgraded"  # version 2 rooms

ERRORS: dict[str, tuple[int, str]] = {
    BAD_REQUEST: (400, "a body, path id or query parameter breaks its model, or the body is not JSON"),
    BAD_SIGNATURE: (403, "a signature, delete secret or admin signature does not verify"),
    NO_ROOM: (404, "there is no such room"),
    NOT_FOUND: (404, "there is no such post"),
    NO_ROUTE: (404, "there is no such endpoint"),
    METHOD_NOT_ALLOWED: (405, "the path does not serve this method (Allow names those it does)"),
    ROOM_EXISTS: (409, "the room exists with other keys"),
    CONFLICT: (409, "this post id holds other bytes"),
    GONE: (410, "this post was deleted"),
    TOO_LARGE: (413, "the body is over the server's size limit"),
    STALE_EPOCH: (409, "v2: the upload's epoch, or a key change's generation, is not the room's next"),
    INVITE_EXPIRED: (403, "v2: the invite's door is closed (expired, or replaced by a new invite)"),
    UPGRADED: (403, "v2: the room moved to protocol version 2; version-1 uploads are refused"),
    RATE_LIMITED: (429, "a token bucket is empty; Retry-After says how many seconds to wait"),
    INTERNAL: (500, "a fault in the server (it logs only the exception's class name)"),
    UNAVAILABLE: (503, "the server's database is not available"),
}


# --- requests --------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class CreateRoom(Model):
    """Register a room; `sig` is the write key's signature over protocol.create_message."""

    room: Annotated[bytes, ROOM]
    write_pub: Annotated[bytes, PUBLIC_KEY]
    admin_pub: Annotated[bytes, PUBLIC_KEY]
    sig: Annotated[bytes, SIGNATURE]


@dataclass(frozen=True, kw_only=True)
class PutPost(Model):
    """Store a post; `sig` is the write key's signature over protocol.put_message."""

    blob: Annotated[bytes, POST_BLOB]
    delete_hash: Annotated[bytes, DELETE_HASH]
    sig: Annotated[bytes, SIGNATURE]


@dataclass(frozen=True, kw_only=True)
class BatchPost(Model):
    """One post of a batch: its id, then what a PUT of it alone would carry (the same signature)."""

    id: Annotated[bytes, POST_ID]
    blob: Annotated[bytes, POST_BLOB]
    delete_hash: Annotated[bytes, DELETE_HASH]
    sig: Annotated[bytes, SIGNATURE]


@dataclass(frozen=True, kw_only=True)
class PutPosts(Model):
    """Store up to protocol.MAX_BATCH posts, each id at most once, in one transaction: all or none.

    A post the room already holds with the same bytes keeps its seq, so a retried batch adds nothing."""

    posts: Annotated[list[BatchPost], ListOf(Nested(BatchPost), protocol.MAX_BATCH, min_items=1)]


@dataclass(frozen=True, kw_only=True)
class DeleteByAuthor(Model):
    """Delete a post with the author's delete secret (the server checks it against the post's hash)."""

    secret: Annotated[bytes, DELETE_SECRET]


@dataclass(frozen=True, kw_only=True)
class DeleteByAdmin(Model):
    """Delete a post as the admin: a signature over protocol.admin_delete_message."""

    admin_sig: Annotated[bytes, SIGNATURE]


DeletePost = DeleteByAuthor | DeleteByAdmin


def delete_request(value: object) -> DeletePost:
    """The body of a deletion: exactly one of the two models."""
    if not isinstance(value, dict):
        raise WireError("The body must be a JSON object.")
    if not set(value) <= {"secret", "admin_sig"}:
        raise WireError("Unknown field.")
    if len(value) != 1:
        raise WireError("Give exactly one of secret or admin_sig.")
    return DeleteByAuthor.from_json(value) if "secret" in value else DeleteByAdmin.from_json(value)


@dataclass(frozen=True, kw_only=True)
class Report(Model):
    """Report a post to the admin: a sealed box only the admin can open, signed by the write key
    over protocol.report_message."""

    blob: Annotated[bytes, REPORT_BLOB]
    sig: Annotated[bytes, SIGNATURE]


@dataclass(frozen=True, kw_only=True)
class EventsQuery(Model):
    """The query of an events listing (its numbers are decimal digits in the URL)."""

    after: Annotated[int, Integer(0, MAX_QUERY_INT, optional=True, doc="list events after this seq")] = 0
    limit: Annotated[int, Integer(1, protocol.MAX_PAGE, optional=True, doc="at most this many events")] = (
        protocol.DEFAULT_PAGE
    )

    @classmethod
    def from_query(cls, items: Sequence[tuple[str, str]], max_page: int = protocol.MAX_PAGE) -> EventsQuery:
        """Read the query's (name, value) pairs; a server may serve smaller pages than MAX_PAGE."""
        names = [name for name, _ in items]
        if set(names) - {"after", "limit"} or len(set(names)) != len(names):
            raise WireError("Unknown or repeated query parameter.")
        given = dict(items)
        after, limit = given.get("after", "0"), given.get("limit", str(protocol.DEFAULT_PAGE))
        if not _QUERY_INT.fullmatch(after) or not _QUERY_INT.fullmatch(limit):
            raise WireError("after and limit must be non-negative integers.")
        if not 1 <= int(limit) <= max_page:
            raise WireError(f"limit must be between 1 and {max_page}.")
        return cls(after=int(after), limit=int(limit))

    def to_query(self) -> dict[str, str]:
        return {name: str(value) for name, value in self.to_json().items()}


# --- replies ---------------------------------------------------------------------------------------


class Reply(Model):
    """Replies are read open: a newer server may add fields, and the client ignores them."""

    closed: ClassVar[bool] = False


@dataclass(frozen=True, kw_only=True)
class Health(Reply):
    """The server and its database are up."""

    status: Annotated[str, Const("ok")] = "ok"
    version: Annotated[int, Const(protocol.VERSION)] = protocol.VERSION


@dataclass(frozen=True, kw_only=True)
class RoomCreated(Reply):
    """The room that was created, or already existed with the same keys."""

    room: Annotated[bytes, ROOM]


@dataclass(frozen=True, kw_only=True)
class Stored(Reply):
    """The seq of what was stored (a post, a tombstone or a report)."""

    seq: Annotated[int, SEQ]


@dataclass(frozen=True, kw_only=True)
class StoredBatch(Reply):
    """The seq of each post of a batch, in the batch's order."""

    seqs: Annotated[list[int], ListOf(SEQ, protocol.MAX_BATCH, min_items=1)]


@dataclass(frozen=True, kw_only=True)
class PostEvent(Reply):
    """A post, still sealed."""

    seq: Annotated[int, SEQ]
    type: Annotated[str, Const("post")] = "post"
    id: Annotated[bytes, POST_ID]
    blob: Annotated[bytes, POST_BLOB]


@dataclass(frozen=True, kw_only=True)
class AuthorDelete(Reply):
    """A deletion by the author: members check the secret against the `d` field inside the post."""

    seq: Annotated[int, SEQ]
    type: Annotated[str, Const("delete")] = "delete"
    id: Annotated[bytes, POST_ID]
    by: Annotated[str, Const("author")] = "author"
    secret: Annotated[bytes, DELETE_SECRET]


@dataclass(frozen=True, kw_only=True)
class AdminDelete(Reply):
    """A deletion by the admin: members check the signature against the admin key in the invite."""

    seq: Annotated[int, SEQ]
    type: Annotated[str, Const("delete")] = "delete"
    id: Annotated[bytes, POST_ID]
    by: Annotated[str, Const("admin")] = "admin"
    sig: Annotated[bytes, SIGNATURE]


@dataclass(frozen=True, kw_only=True)
class ReportEvent(Reply):
    """A report sealed to the admin; other members skip it."""

    seq: Annotated[int, SEQ]
    type: Annotated[str, Const("report")] = "report"
    blob: Annotated[bytes, REPORT_BLOB]


@dataclass(frozen=True)
class Unreadable:
    """An event with a good seq whose other fields break every event model: counted and skipped."""

    seq: int


Event = PostEvent | AuthorDelete | AdminDelete | ReportEvent
EVENTS: tuple[type[Event], ...] = (PostEvent, AuthorDelete, AdminDelete, ReportEvent)


class AnyEvent(Field[Event | Unreadable]):
    """One event of a page. Its seq is read strictly (a bad one refuses the whole page); an event whose
    other fields break its model is read as Unreadable(seq), so a client can count it and move past."""

    def decode(self, value: object, name: str) -> Event | Unreadable:
        if not isinstance(value, dict):
            raise WireError(f"Field {name} must hold objects.")
        seq = SEQ.decode(value.get("seq"), "seq")
        for model in EVENTS:
            if model.matches(value):
                try:
                    return model.from_json(value)
                except WireError:
                    break
        return Unreadable(seq)

    def encode(self, value: Event | Unreadable, name: str) -> object:
        if not isinstance(value, EVENTS):
            raise WireError(f"Field {name} holds something that is not an event.")
        return value.to_json()

    def schema(self) -> dict[str, Any]:
        return {"oneOf": [ref(model) for model in EVENTS]}

    def models(self) -> tuple[type[Model], ...]:
        return EVENTS


@dataclass(frozen=True, kw_only=True)
class EventsPage(Reply):
    """Events in ascending seq order. `next` is the last seq listed, or `after` when none is;
    `head` is the room's last seq, read after the page (older servers leave it out)."""

    events: Annotated[list[Event | Unreadable], ListOf(AnyEvent(), protocol.MAX_PAGE)]
    next: Annotated[int, Integer(0, MAX_QUERY_INT)]
    more: Annotated[bool, Boolean(doc="more events follow")]
    head: Annotated[int | None, Integer(0, MAX_SEQ, optional=True, doc="the room's last seq")] = None


@dataclass(frozen=True, kw_only=True)
class ErrorBody(Reply):
    """What went wrong: a stable code (see ERRORS) and English text for people."""

    # ASCII letters, digits and underscores, with at least one letter or digit.
    code: Annotated[str, Text(40, pattern=r"[A-Za-z0-9_]*[A-Za-z0-9][A-Za-z0-9_]*")]
    message: Annotated[str, Text(1000, optional=True)] = ""


@dataclass(frozen=True, kw_only=True)
class ErrorReply(Reply):
    """Every error answer."""

    error: Annotated[ErrorBody, Nested(ErrorBody)]

    @classmethod
    def of(cls, code: str, message: str) -> ErrorReply:
        return cls(error=ErrorBody(code=code, message=message))


# --- the operations --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Operation:
    """One method on one path: its models, its answers and the error codes it may give."""

    name: str  # the OpenAPI operationId
    method: str
    path: str  # a template: {room} and {post_id} are hex ids
    summary: str
    replies: tuple[tuple[int, str, type[Model] | None], ...]  # (status, meaning, model; None: any JSON)
    request: tuple[type[Model], ...] = ()  # one model, or several of which the body is exactly one
    query: type[EventsQuery] | None = None
    errors: tuple[str, ...] = ()

    def path_fields(self) -> dict[str, Field[bytes]]:
        params = {"room": ROOM_PATH, "post_id": POST_PATH}
        return {name: kind for name, kind in params.items() if "{" + name + "}" in self.path}

    def url(self, **params: str) -> str:
        """The path with its ids filled in; each is checked, so nothing else can reach the URL."""
        fields = self.path_fields()
        if set(params) != set(fields):
            raise WireError("path parameters")
        for name, kind in fields.items():
            kind.decode(params[name], name)
        return self.path.format(**params)


_SIGNED = (BAD_REQUEST, BAD_SIGNATURE, TOO_LARGE, RATE_LIMITED)

HEALTH = Operation(
    "health", "GET", "/v1/health", "Whether the server and its database are up.",
    ((200, "The server and its database are up.", Health),), errors=(UNAVAILABLE,),
)  # fmt: skip
OPENAPI = Operation(
    "openapi", "GET", "/v1/openapi.json", "This document, generated from peerapp.sync.wire.",
    ((200, "This document.", None),),
)  # fmt: skip
CREATE_ROOM = Operation(
    "createRoom", "POST", "/v1/rooms", "Register a room. Any member may (it is signed with the shared write key).",
    ((201, "Created.", RoomCreated), (200, "It already exists with the same keys.", RoomCreated)),
    request=(CreateRoom,), errors=(*_SIGNED, ROOM_EXISTS),
)  # fmt: skip
PUT_POST = Operation(
    "putPost", "PUT", "/v1/rooms/{room}/posts/{post_id}", "Store a post. The same bytes again give the same seq.",
    ((200, "Stored.", Stored),), request=(PutPost,), errors=(*_SIGNED, NO_ROOM, CONFLICT, GONE),
)  # fmt: skip
PUT_POSTS = Operation(
    "putPosts", "POST", "/v1/rooms/{room}/posts",
    "Store a batch of posts in one transaction, all or none; posts already stored with the same bytes keep their seqs.",
    ((200, "Stored, every post.", StoredBatch),), request=(PutPosts,), errors=(*_SIGNED, NO_ROOM, CONFLICT, GONE),
)  # fmt: skip
DELETE_POST = Operation(
    "deletePost", "DELETE", "/v1/rooms/{room}/posts/{post_id}",
    "Delete a post, with the author's delete secret or the admin's signature; deleting again gives the same seq.",
    ((200, "The tombstone's seq.", Stored),), request=(DeleteByAuthor, DeleteByAdmin),
    errors=(*_SIGNED, NO_ROOM, NOT_FOUND),
)  # fmt: skip
ADD_REPORT = Operation(
    "addReport", "POST", "/v1/rooms/{room}/reports", "Store a report sealed to the admin.",
    ((200, "Stored.", Stored),), request=(Report,), errors=(*_SIGNED, NO_ROOM),
)  # fmt: skip
LIST_EVENTS = Operation(
    "listEvents", "GET", "/v1/rooms/{room}/events", "List a room's events after a seq.",
    ((200, "Events in ascending seq order.", EventsPage),), query=EventsQuery,
    errors=(BAD_REQUEST, NO_ROOM, RATE_LIMITED),
)  # fmt: skip

OPERATIONS = (HEALTH, OPENAPI, CREATE_ROOM, PUT_POST, PUT_POSTS, DELETE_POST, ADD_REPORT, LIST_EVENTS)
