"""The HTTP API of docs/PROTOCOL.md as a Starlette app: strict input checks, JSON errors, no logs of requests."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from peerapp.server import creation
from peerapp.server.config import ServerConfig
from peerapp.server.health import PlaneHandlers, ProcessState, running
from peerapp.server.http import (
    ROOM_SUSPENDED,
    ApiError,
    Handler,
    bad_request,
    checked,
    endpoint,
    error_reply,
    post_param,
    raw_reply,
    read_body,
    read_json,
    refusal,
    reply,
    room_param,
)
from peerapp.server.limits import Bucket, batch_cost
from peerapp.server.metrics import MetricsMiddleware
from peerapp.server.openapi import openapi_document
from peerapp.server.operations import METRICS, SERVER_OPERATIONS
from peerapp.server.rooms_v2 import V2Handlers, upload_key
from peerapp.server.storage import (
    DELETE,
    POST,
    SUSPENDED_HEAD,
    Event,
    NewPost,
    Quota,
    Room,
    Store,
    open_store,
    today,
)
from peerapp.sync import protocol, wire

log = logging.getLogger("peerapp.server")

# A page stops growing past this many bytes so the client's 4 MiB bound always holds.
PAGE_BYTES = 4 * 1024 * 1024 - 64 * 1024


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
        # The buckets live in the store: in this process for SQLite, in the database for PostgreSQL,
        # so N processes on one database share one limit (limits.Bucket, Store.take_tokens).
        self.write_limit = Bucket(b"w", config.room_rate, config.room_burst)
        self.read_limit = Bucket(b"r", config.room_rate, config.room_burst)
        self.create_limit = Bucket(b"c", config.create_rate, config.create_burst)
        store.quota = Quota(config.room_quota_bytes, config.room_day_posts)
        self.gate = creation.Gate(config, store)

    async def take(self, bucket: Bucket, key: bytes, cost: int = 1) -> None:
        wait = await self.store.take_tokens(bucket.prefix + key, bucket.rate, bucket.burst, cost)
        if wait:
            raise ApiError(
                wire.RATE_LIMITED, "Too many requests; try again later.", {"retry-after": str(wait)}
            )

    async def check_disk(self) -> None:
        await self.gate.check_disk()

    async def admit_creation(self, request: Request, room: bytes) -> None:
        """The creation mode's check (creation.Gate), then the shared bucket: a request without a
        token or proof cannot spend the bucket that honest creators share."""
        await self.gate.admit(request.headers, room)
        await self.take(self.create_limit, b"")

    async def health(self, request: Request) -> Response:
        try:
            await self.store.ping()
        except Exception as exc:
            log.error("health: database unavailable: %s", type(exc).__name__)
            raise ApiError(wire.UNAVAILABLE, "The database is not available.") from exc
        return reply(wire.Health())

    async def openapi(self, request: Request) -> Response:
        return raw_reply(openapi_document(served(self.config)))

    async def create_room(self, request: Request) -> Response:
        body = await read_body(request, self.config.max_body, wire.CreateRoom.from_json)
        message = protocol.create_message(body.room, body.write_pub, body.admin_pub)
        if not protocol.verify(body.write_pub, message, body.sig):
            raise ApiError(wire.BAD_SIGNATURE, "The signature does not verify.")
        found = await self.store.room(body.room)
        if found is None:
            await self.admit_creation(request, body.room)
            outcome = await self.store.create_room(body.room, body.write_pub, body.admin_pub, today())
        elif found.suspended:
            raise _suspended()
        else:  # a member's retry: nothing new is stored, so no creation token is spent
            same = (found.write_pub, found.admin_pub) == (body.write_pub, body.admin_pub)
            outcome = "exists" if same else "conflict"
        if outcome == "conflict":
            raise ApiError(wire.ROOM_EXISTS, "The room exists with other keys.")
        return reply(wire.RoomCreated(room=body.room), 201 if outcome == "created" else 200)

    async def room(self, room: bytes) -> Room:
        """The room's keys, or the no_room answer."""
        found = await self.store.room(room)
        if found is None:
            raise ApiError(wire.NO_ROOM, "There is no such room.")
        if found.suspended:
            raise _suspended()
        return found

    async def put_post(self, request: Request) -> Response:
        room, post_id = room_param(request), post_param(request)
        body = await read_body(request, self.config.max_body, wire.PutPost.from_json)
        # v1 rooms: the write key; v2 rooms: the current epoch's write key, or the door's (rooms_v2).
        key = upload_key(await self.room(room), body.blob)
        message = protocol.put_message(room, post_id.hex(), body.blob, body.delete_hash)
        if not protocol.verify(key, message, body.sig):
            raise ApiError(wire.BAD_SIGNATURE, "The signature does not verify.")
        await self.take(self.write_limit, room)
        await self.check_disk()
        result = await self.store.put_post(room, post_id, body.blob, body.delete_hash, today())
        return self._put_reply(result.status, result.seq)

    async def put_posts(self, request: Request) -> Response:
        """A batch: checked whole (count, distinct ids, every signature) before one token charge
        for its posts and bytes (limits.batch_cost) and one transaction that stores all or none."""
        room = room_param(request)
        value, size = await read_json(request, self.config.max_batch_body)
        body = checked(wire.PutPosts.from_json, value)
        if len(body.posts) > self.config.max_batch:
            raise ApiError(wire.TOO_LARGE, f"A batch holds at most {self.config.max_batch} posts here.")
        if len({post.id for post in body.posts}) != len(body.posts):
            raise bad_request("A batch names the same post id twice.")
        found = await self.room(room)
        for index, post in enumerate(body.posts):
            message = protocol.put_message(room, post.id.hex(), post.blob, post.delete_hash)
            if not protocol.verify(upload_key(found, post.blob), message, post.sig):
                raise ApiError(
                    wire.BAD_SIGNATURE, f"Post {index} of the batch: the signature does not verify."
                )
        await self.take(self.write_limit, room, batch_cost(len(body.posts), size, self.config.max_body))
        await self.check_disk()
        posts = [NewPost(post.id, post.blob, post.delete_hash) for post in body.posts]
        result = await self.store.put_posts(room, posts, today())
        if result.status == "no_room":  # deleted since the keys were read: no post to name
            raise refusal(result.status)
        if result.status in ("quota_bytes", "quota_posts"):
            raise refusal(result.status, after=" Nothing was stored.")
        if result.status != "created":
            raise refusal(result.status, f"Post {result.index} of the batch: ", " Nothing was stored.")
        return reply(wire.StoredBatch(seqs=list(result.seqs)))

    def _put_reply(self, status: str, seq: int) -> Response:
        if status in ("created", "same"):
            return reply(wire.Stored(seq=seq))
        raise refusal(status)

    async def delete_post(self, request: Request) -> Response:
        room, post_id = room_param(request), post_param(request)
        body = await read_body(request, self.config.max_body, wire.delete_request)
        admin_pub = (await self.room(room)).admin_pub
        state = await self.store.post_state(room, post_id)
        if state is None:
            raise ApiError(wire.NOT_FOUND, "There is no such post.")
        if isinstance(body, wire.DeleteByAuthor):
            # A retention-trimmed post has no hash left; its tombstone still answers below.
            proof = body.secret
            ok = state.delete_hash is not None and hmac.compare_digest(
                protocol.delete_hash(proof), state.delete_hash
            )
        else:
            proof = body.admin_sig
            ok = protocol.verify(admin_pub, protocol.admin_delete_message(room, post_id.hex()), proof)
        if not ok:
            raise ApiError(wire.BAD_SIGNATURE, "The deletion proof does not verify.")
        await self.take(self.write_limit, room)
        by_admin = isinstance(body, wire.DeleteByAdmin)
        result = await self.store.delete_post(room, post_id, by_admin, proof, today())
        return self._put_reply(result.status, result.seq)

    async def add_report(self, request: Request) -> Response:
        room = room_param(request)
        body = await read_body(request, self.config.max_body, wire.Report.from_json)
        write_pub = (await self.room(room)).write_pub
        if not protocol.verify(write_pub, protocol.report_message(room, body.blob), body.sig):
            raise ApiError(wire.BAD_SIGNATURE, "The signature does not verify.")
        await self.take(self.write_limit, room)
        await self.check_disk()
        result = await self.store.add_report(room, body.blob, today())
        return self._put_reply(result.status, result.seq)

    async def events(self, request: Request) -> Response:
        room = room_param(request)
        try:
            query = wire.EventsQuery.from_query(request.query_params.multi_items(), self.config.max_page)
        except wire.WireError as exc:
            raise bad_request(exc.reason) from exc
        await self.take(self.read_limit, room)
        rows = await self.store.events(room, query.after, query.limit + 1)
        # Read after the events: the head only grows, so it is at least every seq on the page.
        head = await self.store.head(room)
        if head is None:
            raise ApiError(wire.NO_ROOM, "There is no such room.")
        if head == SUSPENDED_HEAD:
            raise _suspended()
        out: list[wire.Event | wire.Unreadable] = []
        size = 0
        for event in rows[: query.limit]:
            item = wire_event(event)
            size += -(-len(getattr(item, "blob", b"")) * 4 // 3) + 200  # its base64 length, and room to spare
            if out and size > PAGE_BYTES:
                break
            out.append(item)
        more = len(rows) > len(out)
        # `head` (the room's last seq) lets a client see that the server lost history it had
        # already handed out (a database restored from an old copy): then head < its cursor.
        last = out[-1].seq if out else query.after
        return reply(wire.EventsPage(events=out, next=last, more=more, head=head))


def _suspended() -> ApiError:
    return ApiError(ROOM_SUSPENDED, "The server's operator suspended this room.")


def served(config: ServerConfig) -> tuple[wire.Operation, ...]:
    """The operations this server serves: all of wire_v2.ALL_OPERATIONS, but no batch upload with
    --max-batch 0, so it answers that path as an older server does (404 no_route); then liveness,
    readiness and, with --metrics only, the metrics (health.SERVER_OPERATIONS)."""
    return tuple(
        op
        for op in SERVER_OPERATIONS
        if (op is not wire.PUT_POSTS or config.max_batch > 0) and (op is not METRICS or config.metrics)
    )


def wire_event(event: Event) -> wire.Event:
    if event.kind == DELETE:
        assert event.post_id is not None and event.proof is not None
        if event.by_admin:
            return wire.AdminDelete(seq=event.seq, id=event.post_id, sig=event.proof)
        return wire.AuthorDelete(seq=event.seq, id=event.post_id, secret=event.proof)
    assert event.blob is not None
    if event.kind == POST:
        assert event.post_id is not None
        return wire.PostEvent(seq=event.seq, id=event.post_id, blob=event.blob)
    return wire.ReportEvent(seq=event.seq, blob=event.blob)


async def not_found(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 404
    if status == 405:
        # Starlette names the route's methods in Allow, as RFC 9110 requires of a 405.
        allow = (exc.headers or {}).get("Allow", "") if isinstance(exc, HTTPException) else ""
        headers = {"allow": allow} if allow else None
        return error_reply(ApiError(wire.METHOD_NOT_ALLOWED, "Method not allowed.", headers))
    return error_reply(ApiError(wire.NO_ROUTE, "No such endpoint."))


async def _retention(api: Api) -> None:
    while True:
        try:
            await api.store.purge(today() - api.config.retention_days)
            # Shared buckets untouched for this long are full again: forgetting them changes nothing.
            await api.store.prune_limits(max(_full_after(api.write_limit), _full_after(api.create_limit)))
        except Exception as exc:  # noqa: BLE001 - keep serving; try again next round
            log.error("retention failed: %s", type(exc).__name__)
        await asyncio.sleep(api.config.retention_interval)


def _full_after(bucket: Bucket) -> float:
    return bucket.burst / bucket.rate if bucket.rate > 0 else 0.0


def _by_method(handlers: dict[str, Handler]) -> Handler:
    async def handle(request: Request) -> Response:
        # Starlette serves HEAD wherever GET is served; it sends the headers only.
        return await handlers["GET" if request.method == "HEAD" else request.method](request)

    return handle


def create_app(config: ServerConfig, store: Store | None = None, *, store_opened: bool = False) -> Starlette:
    """The ASGI app; its lifespan opens the store (unless the caller already did) and runs retention."""
    api = Api(config, store or open_store(config.db))
    process = ProcessState(config)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if not store_opened:
            await api.store.open()
        # One retention loop per server, not per worker: the others would only repeat its deletes.
        retain = config.retention_days > 0 and config.worker == 0
        task = asyncio.create_task(_retention(api)) if retain else None
        try:
            async with running(config, process):
                yield
        finally:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await api.store.close()

    handlers: dict[str, Handler] = {
        "health": api.health,
        "openapi": api.openapi,
        "createRoom": api.create_room,
        "putPost": api.put_post,
        "putPosts": api.put_posts,
        "deletePost": api.delete_post,
        "addReport": api.add_report,
        "listEvents": api.events,
    }
    handlers.update(PlaneHandlers(process, api.store).handlers())  # liveness, readiness, metrics
    v2 = V2Handlers(api)
    handlers.update(
        createRoomV2=v2.create_room,
        roomKeys=v2.room_keys,
        setEpoch=v2.set_epoch,
        setAdmin=v2.set_admin,
        setDoor=v2.set_door,
        upgradeRoom=v2.upgrade,
    )
    # One route per path of wire.OPERATIONS, so nothing is served that the document does not describe,
    # and a path with two methods (PUT and DELETE of a post) names both in a 405's Allow.
    by_path: dict[str, dict[str, Handler]] = {}
    for op in served(config):
        by_path.setdefault(op.path, {})[op.method] = handlers[op.name]
    routes = [
        Route(path, endpoint(_by_method(methods)), methods=list(methods)) for path, methods in by_path.items()
    ]
    # Counting costs a little on every request, so only when someone asked for the counts or the lines.
    counting = config.metrics or config.log_requests
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={404: not_found, 405: not_found},
        middleware=[
            Middleware(
                MetricsMiddleware, counts=process.counts, routes=routes, log_requests=config.log_requests
            )
        ]
        if counting
        else None,
    )
    app.state.process = process  # run.py marks it draining on SIGTERM, so readiness answers 503
    return app
