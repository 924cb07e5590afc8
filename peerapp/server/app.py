"""The HTTP API of docs/PROTOCOL.md as a Starlette app: strict input checks, JSON errors, no logs of requests."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route

from peerapp.server.config import ServerConfig
from peerapp.server.limits import RateLimiter
from peerapp.server.openapi import openapi_document
from peerapp.server.storage import DELETE, KIND_NAMES, Event, Store, open_store, today
from peerapp.sync import protocol
from peerapp.sync.protocol import ProtocolError

log = logging.getLogger("peerapp.server")

# A page stops growing past this many bytes so the client's 4 MiB bound always holds.
PAGE_BYTES = 4 * 1024 * 1024 - 64 * 1024
_UINT = re.compile(r"[0-9]{1,18}")
# Ids are checked here as well as in protocol.hex_id: bytes.fromhex skips spaces, so "00 11 …" of the
# right length would otherwise decode to a shorter id.
_ROOM_HEX = re.compile(r"[0-9a-f]{64}")
_POST_HEX = re.compile(r"[0-9a-f]{32}")
_HEADERS = {"cache-control": "no-store", "x-content-type-options": "nosniff"}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(code)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


def reply(data: object, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(data, separators=(",", ":"), ensure_ascii=True).encode()
    return Response(body, status, {**_HEADERS, **(headers or {})}, media_type="application/json")


def error_reply(exc: ApiError) -> Response:
    return reply({"error": {"code": exc.code, "message": exc.message}}, exc.status, exc.headers)


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
            return error_reply(ApiError(500, "internal", "Internal server error."))

    wrapped.__name__ = fn.__name__
    wrapped.__doc__ = fn.__doc__
    return wrapped


def bad_request(message: str) -> ApiError:
    return ApiError(400, "bad_request", message)


# --- input ------------------------------------------------------------------------------


async def read_json(request: Request, max_body: int, fields: dict[str, int]) -> dict[str, Any]:
    """Read a JSON object body of at most `max_body` bytes whose keys are a subset of `fields`."""
    length = request.headers.get("content-length")
    if length is not None:
        if not _UINT.fullmatch(length):
            raise bad_request("Bad Content-Length.")
        if int(length) > max_body:
            raise ApiError(413, "too_large", "The body is over the size limit.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():  # counted as it arrives: Content-Length may be absent or lie
        size += len(chunk)
        if size > max_body:
            raise ApiError(413, "too_large", "The body is over the size limit.")
        chunks.append(chunk)
    try:
        value = json.loads(b"".join(chunks))
    except (ValueError, RecursionError) as exc:
        # ValueError covers bad JSON, bad UTF-8, and an integer over Python's 4,300-digit limit.
        raise bad_request("The body is not valid JSON.") from exc
    if not isinstance(value, dict):
        raise bad_request("The body must be a JSON object.")
    unknown = set(value) - set(fields)
    if unknown:
        raise bad_request("Unknown field.")
    return value


def b64_field(body: dict[str, Any], name: str, size: int, *, exact: bool = True) -> bytes:
    if name not in body:
        raise bad_request(f"Missing field: {name}.")
    try:
        data = protocol.b64d(body[name], max_len=size)
    except ProtocolError as exc:
        raise bad_request(f"Field {name} is not base64url of the right length.") from exc
    if exact and len(data) != size:
        raise bad_request(f"Field {name} is not base64url of the right length.")
    return data


def room_id(value: object, message: str = "The room id must be 64 lowercase hex characters.") -> bytes:
    if not isinstance(value, str) or not _ROOM_HEX.fullmatch(value):
        raise bad_request(message)
    try:
        return protocol.hex_id(value, protocol.ROOM_ID_BYTES)
    except ProtocolError as exc:
        raise bad_request(message) from exc


def room_param(request: Request) -> bytes:
    return room_id(request.path_params["room"])


def post_param(request: Request) -> bytes:
    value = request.path_params["post_id"]
    message = "The post id must be 32 lowercase hex characters."
    if not _POST_HEX.fullmatch(value):
        raise bad_request(message)
    try:
        return protocol.hex_id(value, protocol.POST_ID_BYTES)
    except ProtocolError as exc:
        raise bad_request(message) from exc


def _envelope_ok(blob: bytes) -> bool:
    """A post blob is version | nonce | ciphertext of one padding bucket | tag."""
    return (
        blob[:1] == bytes([protocol.VERSION])
        and len(blob) - 1 - protocol.NONCE_BYTES - protocol.TAG_BYTES in protocol.BUCKETS
    )


def _report_ok(blob: bytes) -> bool:
    """A report is a sealed box (32-byte key + 16-byte tag) over a padded plaintext."""
    return len(blob) - 48 in protocol.BUCKETS


# --- the API ------------------------------------------------------------------------------


class Api:
    """The handlers. A rate-limit token is spent only once a request has proved what it claims.

    Writes (posts, deletions, reports) spend their room's write bucket after the signature, delete
    secret or admin signature checks out, so someone who knows a room id but not its keys cannot
    use up the members' tokens. Reads carry no proof; they have their own bucket per room, so a
    flood of reads can slow reading but never blocks posting. Room creation spends the shared
    bucket only when a correctly signed request would create a new room: garbage and retries for
    an existing room cost nothing.
    """

    def __init__(self, config: ServerConfig, store: Store) -> None:
        self.config = config
        self.store = store
        self.write_limit = RateLimiter(config.room_rate, config.room_burst)
        self.read_limit = RateLimiter(config.room_rate, config.room_burst)
        self.create_limit = RateLimiter(config.create_rate, config.create_burst)

    def _limit(self, limiter: RateLimiter, key: bytes) -> None:
        wait = limiter.take(key)
        if wait:
            raise ApiError(
                429, "rate_limited", "Too many requests; try again later.", {"retry-after": str(wait)}
            )

    async def _room_keys(self, room: bytes) -> tuple[bytes, bytes]:
        found = await self.store.room(room)
        if found is None:
            raise ApiError(404, "no_room", "There is no such room.")
        return found.write_pub, found.admin_pub

    async def health(self, request: Request) -> Response:
        try:
            await self.store.ping()
        except Exception as exc:
            log.error("health: database unavailable: %s", type(exc).__name__)
            raise ApiError(503, "unavailable", "The database is not available.") from exc
        return reply({"status": "ok", "version": protocol.VERSION})

    async def openapi(self, request: Request) -> Response:
        return reply(openapi_document())

    async def create_room(self, request: Request) -> Response:
        body = await read_json(
            request, self.config.max_body, {"room": 1, "write_pub": 1, "admin_pub": 1, "sig": 1}
        )
        room = room_id(body.get("room"), "Field room must be 64 lowercase hex characters.")
        write_pub = b64_field(body, "write_pub", 32)
        admin_pub = b64_field(body, "admin_pub", 32)
        sig = b64_field(body, "sig", 64)
        if not protocol.verify(write_pub, protocol.create_message(room, write_pub, admin_pub), sig):
            raise ApiError(403, "bad_signature", "The signature does not verify.")
        found = await self.store.room(room)
        if found is None:
            self._limit(self.create_limit, b"")
            outcome = await self.store.create_room(room, write_pub, admin_pub, today())
        else:  # a member's retry: nothing new is stored, so no creation token is spent
            outcome = "exists" if (found.write_pub, found.admin_pub) == (write_pub, admin_pub) else "conflict"
        if outcome == "conflict":
            raise ApiError(409, "room_exists", "The room exists with other keys.")
        return reply({"room": room.hex()}, 201 if outcome == "created" else 200)

    async def post_item(self, request: Request) -> Response:
        """PUT and DELETE share one route, so a 405 there names both in Allow."""
        if request.method == "PUT":
            return await self.put_post(request)
        return await self.delete_post(request)

    async def put_post(self, request: Request) -> Response:
        room, post_id = room_param(request), post_param(request)
        body = await read_json(request, self.config.max_body, {"blob": 1, "delete_hash": 1, "sig": 1})
        blob = b64_field(body, "blob", protocol.MAX_BLOB, exact=False)
        if not _envelope_ok(blob):
            raise bad_request("Field blob is not a post envelope.")
        dhash = b64_field(body, "delete_hash", 32)
        sig = b64_field(body, "sig", 64)
        write_pub, _ = await self._room_keys(room)
        if not protocol.verify(write_pub, protocol.put_message(room, post_id.hex(), blob, dhash), sig):
            raise ApiError(403, "bad_signature", "The signature does not verify.")
        self._limit(self.write_limit, room)
        result = await self.store.put_post(room, post_id, blob, dhash, today())
        return self._put_reply(result.status, result.seq)

    def _put_reply(self, status: str, seq: int) -> Response:
        if status in ("created", "same"):
            return reply({"seq": seq})
        if status == "no_room":
            raise ApiError(404, "no_room", "There is no such room.")
        if status == "conflict":
            raise ApiError(409, "conflict", "This post id holds other bytes.")
        if status == "gone":
            raise ApiError(410, "gone", "This post was deleted.")
        raise ApiError(404, "not_found", "There is no such post.")

    async def delete_post(self, request: Request) -> Response:
        room, post_id = room_param(request), post_param(request)
        body = await read_json(request, self.config.max_body, {"secret": 1, "admin_sig": 1})
        if len(body) != 1:
            raise bad_request("Give exactly one of secret or admin_sig.")
        if "secret" in body:
            proof = b64_field(body, "secret", protocol.DELETE_SECRET_BYTES)
        else:
            proof = b64_field(body, "admin_sig", 64)
        _, admin_pub = await self._room_keys(room)
        state = await self.store.post_state(room, post_id)
        if state is None:
            raise ApiError(404, "not_found", "There is no such post.")
        if "secret" in body:
            # A retention-trimmed post has no hash left; its tombstone still answers below.
            ok = state.delete_hash is not None and hmac.compare_digest(
                protocol.delete_hash(proof), state.delete_hash
            )
        else:
            ok = protocol.verify(admin_pub, protocol.admin_delete_message(room, post_id.hex()), proof)
        if not ok:
            raise ApiError(403, "bad_signature", "The deletion proof does not verify.")
        self._limit(self.write_limit, room)
        result = await self.store.delete_post(room, post_id, "admin_sig" in body, proof, today())
        return self._put_reply(result.status, result.seq)

    async def add_report(self, request: Request) -> Response:
        room = room_param(request)
        body = await read_json(request, self.config.max_body, {"blob": 1, "sig": 1})
        blob = b64_field(body, "blob", protocol.MAX_REPORT_BLOB, exact=False)
        if not _report_ok(blob):
            raise bad_request("Field blob is not a sealed report.")
        sig = b64_field(body, "sig", 64)
        write_pub, _ = await self._room_keys(room)
        if not protocol.verify(write_pub, protocol.report_message(room, blob), sig):
            raise ApiError(403, "bad_signature", "The signature does not verify.")
        self._limit(self.write_limit, room)
        result = await self.store.add_report(room, blob, today())
        return self._put_reply(result.status, result.seq)

    async def events(self, request: Request) -> Response:
        room = room_param(request)
        params = request.query_params
        if set(params) - {"after", "limit"} or len(params.multi_items()) != len(params):
            raise bad_request("Unknown or repeated query parameter.")
        after_text = params.get("after", "0")
        limit_text = params.get("limit", str(protocol.DEFAULT_PAGE))
        if not _UINT.fullmatch(after_text) or not _UINT.fullmatch(limit_text):
            raise bad_request("after and limit must be non-negative integers.")
        after, limit = int(after_text), int(limit_text)
        if not 1 <= limit <= self.config.max_page:
            raise bad_request(f"limit must be between 1 and {self.config.max_page}.")
        self._limit(self.read_limit, room)
        rows = await self.store.events(room, after, limit + 1)
        # Read after the events: the head only grows, so it is at least every seq on the page.
        head = await self.store.head(room)
        if head is None:
            raise ApiError(404, "no_room", "There is no such room.")
        out: list[dict[str, object]] = []
        size = 0
        for event in rows[:limit]:
            item = event_json(event)
            size += len(str(item.get("blob", ""))) + 200
            if out and size > PAGE_BYTES:
                break
            out.append(item)
        more = len(rows) > len(out)
        # `head` (the room's last seq) lets a client see that the server lost history it had
        # already handed out (a database restored from an old copy): then head < its cursor.
        return reply({"events": out, "next": out[-1]["seq"] if out else after, "more": more, "head": head})


def event_json(event: Event) -> dict[str, object]:
    item: dict[str, object] = {"seq": event.seq, "type": KIND_NAMES[event.kind]}
    if event.post_id is not None:
        item["id"] = event.post_id.hex()
    if event.kind == DELETE:
        item["by"] = "admin" if event.by_admin else "author"
        item["sig" if event.by_admin else "secret"] = protocol.b64e(event.proof or b"")
    elif event.blob is not None:
        item["blob"] = protocol.b64e(event.blob)
    return item


async def not_found(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 404
    if status == 405:
        # Starlette names the route's methods in Allow, as RFC 9110 requires of a 405.
        allow = (exc.headers or {}).get("Allow", "") if isinstance(exc, HTTPException) else ""
        headers = {"allow": allow} if allow else None
        return error_reply(ApiError(405, "method_not_allowed", "Method not allowed.", headers))
    return error_reply(ApiError(404, "no_route", "No such endpoint."))


async def _retention(api: Api) -> None:
    while True:
        try:
            await api.store.purge(today() - api.config.retention_days)
        except Exception as exc:  # noqa: BLE001 - keep serving; try again next round
            log.error("retention failed: %s", type(exc).__name__)
        await asyncio.sleep(api.config.retention_interval)


def create_app(config: ServerConfig, store: Store | None = None, *, store_opened: bool = False) -> Starlette:
    """The ASGI app; its lifespan opens the store (unless the caller already did) and runs retention."""
    api = Api(config, store or open_store(config.db))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if not store_opened:
            await api.store.open()
        task = asyncio.create_task(_retention(api)) if config.retention_days > 0 else None
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await api.store.close()

    routes = [
        Route("/v1/health", endpoint(api.health), methods=["GET"]),
        Route("/v1/openapi.json", endpoint(api.openapi), methods=["GET"]),
        Route("/v1/rooms", endpoint(api.create_room), methods=["POST"]),
        Route("/v1/rooms/{room}/posts/{post_id}", endpoint(api.post_item), methods=["PUT", "DELETE"]),
        Route("/v1/rooms/{room}/reports", endpoint(api.add_report), methods=["POST"]),
        Route("/v1/rooms/{room}/events", endpoint(api.events), methods=["GET"]),
    ]
    return Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={404: not_found, 405: not_found},
    )
