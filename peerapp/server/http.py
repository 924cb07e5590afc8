"""The server's HTTP plumbing: JSON replies, the error answer of every code, bounded JSON input, path ids."""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from peerapp.sync import wire

log = logging.getLogger("peerapp.server")

_UINT = re.compile(r"[0-9]{1,18}")
_HEADERS = {"cache-control": "no-store", "x-content-type-options": "nosniff"}
T = TypeVar("T")

# The data plane's refusals (issue 18). They belong in wire.ERRORS next to the others (the client
# translates them by code); until that file takes them, the server knows them from here.
CREATION_TOKEN_REQUIRED, BAD_CREATION_TOKEN = "creation_token_required", "bad_creation_token"
POW_REQUIRED, ROOM_SUSPENDED = "pow_required", "room_suspended"
QUOTA_BYTES, QUOTA_POSTS, DISK_FULL = "quota_bytes", "quota_posts", "disk_full"
DATA_PLANE_ERRORS: dict[str, tuple[int, str]] = {
    CREATION_TOKEN_REQUIRED: (403, "this server creates rooms only with an operator's creation token"),
    BAD_CREATION_TOKEN: (403, "the creation token is unknown or was revoked"),
    POW_REQUIRED: (403, "room creation needs a proof of work; Peerapp-Pow-Bits says how many bits"),
    ROOM_SUSPENDED: (403, "the server's operator suspended this room"),
    QUOTA_BYTES: (507, "the room holds as many bytes as this server allows"),
    QUOTA_POSTS: (403, "the room took as many posts today as this server allows; Retry-After says when"),
    DISK_FULL: (507, "the server's disk budget is used up"),
}


class ApiError(Exception):
    """An answer with one of wire.ERRORS' codes (its status comes from there) and English text."""

    def __init__(self, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(code)
        self.status = (wire.ERRORS.get(code) or DATA_PLANE_ERRORS[code])[0]
        self.code, self.message, self.headers = code, message, headers or {}


def reply(data: wire.Model, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return raw_reply(data.to_json(), status, headers)


def raw_reply(data: object, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(data, separators=(",", ":"), ensure_ascii=True).encode()
    return Response(body, status, {**_HEADERS, **(headers or {})}, media_type="application/json")


def error_reply(exc: ApiError) -> Response:
    return reply(wire.ErrorReply.of(exc.code, exc.message), exc.status, exc.headers)


Handler = Callable[[Request], Awaitable[Response]]


def endpoint(fn: Handler) -> Handler:
    """Turn ApiError into its JSON reply, and any bug into a bare 500 that logs no request detail."""

    async def wrapped(request: Request) -> Response:
        try:
            return await fn(request)
        except ApiError as exc:
            return error_reply(exc)
        except ClientDisconnect:
            # The client hung up before its body arrived: nobody will read an answer, and it is
            # not a fault of the server, so nothing is logged.
            return Response(status_code=400)
        except Exception as exc:  # noqa: BLE001 - a bug must not leak a traceback or request detail
            log.error("internal error: %s", type(exc).__name__)
            return error_reply(ApiError(wire.INTERNAL, "Internal server error."))

    wrapped.__name__ = fn.__name__
    wrapped.__doc__ = fn.__doc__
    return wrapped


def bad_request(message: str) -> ApiError:
    return ApiError(wire.BAD_REQUEST, message)


_REFUSALS = {
    "no_room": (wire.NO_ROOM, "There is no such room."),
    "conflict": (wire.CONFLICT, "This post id holds other bytes."),
    "gone": (wire.GONE, "This post was deleted."),
    "not_found": (wire.NOT_FOUND, "There is no such post."),
    "quota_bytes": (QUOTA_BYTES, "The room is full: it holds as many bytes as this server allows."),
    "quota_posts": (QUOTA_POSTS, "The room took as many posts today as this server allows."),
}


def refusal(status: str, before: str = "", after: str = "") -> ApiError:
    """The error answer for a store's refusal ("no_room", "conflict", "gone" or "not_found")."""
    code, message = _REFUSALS[status]
    headers = {"retry-after": str(seconds_to_midnight())} if code == QUOTA_POSTS else None
    return ApiError(code, before + message + after, headers)


def seconds_to_midnight() -> int:
    """Until the next UTC day, when a room's count of posts starts again (storage.today)."""
    return 86400 - int(time.time()) % 86400


# --- input ------------------------------------------------------------------------------


async def read_json(request: Request, max_body: int) -> tuple[object, int]:
    """A JSON body of at most `max_body` bytes, and its size in bytes."""
    length = request.headers.get("content-length")
    if length is not None:
        if not _UINT.fullmatch(length):
            raise bad_request("Bad Content-Length.")
        if int(length) > max_body:
            raise ApiError(wire.TOO_LARGE, "The body is over the size limit.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():  # counted as it arrives: Content-Length may be absent or lie
        size += len(chunk)
        if size > max_body:
            raise ApiError(wire.TOO_LARGE, "The body is over the size limit.")
        chunks.append(chunk)
    try:
        return json.loads(b"".join(chunks)), size
    except (ValueError, RecursionError) as exc:
        # ValueError covers bad JSON, bad UTF-8, and an integer over Python's 4,300-digit limit.
        raise bad_request("The body is not valid JSON.") from exc


async def read_body(request: Request, max_body: int, parse: Callable[[object], T]) -> T:
    """Read a JSON body of at most `max_body` bytes and check it with its wire model (`parse`)."""
    value, _size = await read_json(request, max_body)
    return checked(parse, value)


def checked(parse: Callable[[object], T], value: object) -> T:
    try:
        return parse(value)
    except wire.WireError as exc:
        raise bad_request(exc.reason) from exc


def room_param(request: Request) -> bytes:
    return checked(lambda v: wire.ROOM_PATH.decode(v, "room"), request.path_params["room"])


def post_param(request: Request) -> bytes:
    return checked(lambda v: wire.POST_PATH.decode(v, "post_id"), request.path_params["post_id"])
