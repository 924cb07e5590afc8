"""HTTP to a group server: no cookies, no identifiers, bounded and validated responses."""

from __future__ import annotations

import email.utils
import http.cookiejar
import json
import os
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx

from . import creation, protocol, wire, wire_v2
from .deadline import Cancelled as Cancelled  # re-exported: the engine catches it from here
from .deadline import Deadline, enforce
from .errors import ServerRejected, ServerUnavailable
from .errors import SyncTimedOut as SyncTimedOut  # re-exported: callers catch it from here
from .protocol import ProtocolError
from .wire import MAX_SEQ as MAX_SEQ  # re-exported for bench/torture_server.py

USER_AGENT = "peerapp"  # the same for every install, so it identifies no one
MAX_RESPONSE = 4 * 1024 * 1024
MAX_JSON_DEPTH = 8
MAX_RETRY_AFTER = 30.0  # a server may not park a client for longer than this per wait
MAX_RATE_WAITS = 50  # consecutive 429 answers before giving up on this run
CONNECT_TIMEOUT = 15.0
READ_TIMEOUT = 30.0
PROXY_SCHEMES = ("socks5://", "socks5h://")


class _NoCookies(http.cookiejar.DefaultCookiePolicy):
    """Refuse every cookie, whatever the domain: a cookie would link a member's requests."""

    def set_ok(self, cookie: http.cookiejar.Cookie, request: Any) -> bool:
        return False

    def return_ok(self, cookie: http.cookiejar.Cookie, request: Any) -> bool:
        return False


def _refuse_cookie_header(request: httpx.Request) -> None:
    # A second line of defence: nothing may ever add a Cookie header to a group request.
    if "cookie" in request.headers:
        raise ProtocolError("cookie header")


@dataclass(frozen=True)
class Page:
    """A checked page of events (see parse_page)."""

    events: list[wire.Event | wire.Unreadable]
    more: bool
    head: int | None = None  # the room's last seq, when the server says (older servers do not)


def _bounded_transport(proxy: str | None, deadline: Deadline) -> httpx.HTTPTransport:
    return enforce(
        httpx.HTTPTransport(
            proxy=None if proxy is None else isolated_proxy(proxy),
            # Without TCP_NODELAY a request written as headers then body waits out the peer's
            # delayed ACK (about 40 ms a request on Linux).
            socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)],
        ),
        deadline,
    )


def isolated_proxy(proxy: str) -> str:
    """Give each connection to a SOCKS5 proxy its own random user name.

    Tor isolates streams by SOCKS credentials (IsolateSOCKSAuth, on by default), so each group's
    sync gets its own circuit: two groups on one server cannot be linked by arriving together from
    the same exit relay. Credentials the user set themselves are kept as they are.
    """
    url = httpx.URL(proxy)
    if url.userinfo:
        return proxy
    token = os.urandom(8).hex()
    return str(url.copy_with(username=token, password=token))


class Transport:
    """A connection to one group server. Use one per group so groups cannot be linked by connection."""

    def __init__(
        self,
        server_url: str,
        *,
        proxy: str | None = None,
        cancel: threading.Event | None = None,
        max_retry_after: float = MAX_RETRY_AFTER,
    ) -> None:
        # A creation token travels in the address's fragment (sync/creation.py); it is sent only with
        # a room's creation, never in another request's URL.
        base, self.creation_token = creation.split_server_url(server_url)
        self.base = base.rstrip("/")
        self._pow_bits: int | None = None  # what the last answer's Peerapp-Pow-Bits asked for
        self.cancel = cancel or threading.Event()
        self.max_retry_after = max_retry_after
        self.rate_waits = 0  # how many 429 waits happened (for tests and progress)
        self._deadline = Deadline(cancelled=lambda: self.cancel.is_set())
        jar = http.cookiejar.CookieJar(policy=_NoCookies(allowed_domains=[]))
        self.client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept": "application/json", "Accept-Encoding": "identity"},
            cookies=jar,
            timeout=httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT),
            transport=_bounded_transport(proxy, self._deadline),
            follow_redirects=False,
            # No proxy or credentials from the environment or ~/.netrc: only what the user chose.
            trust_env=False,
            event_hooks={"request": [_refuse_cookie_header]},
        )

    def close(self) -> None:
        self.client.close()

    @property
    def deadline(self) -> float | None:
        """The time.monotonic() by which every request and wait must be over (None: no limit).

        Each socket call is cut off at it, and a Retry-After that would outlast it ends the run
        at once; either way the caller gets SyncTimedOut.
        """
        return self._deadline.at

    @deadline.setter
    def deadline(self, value: float | None) -> None:
        self._deadline.at = value

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- requests -----------------------------------------------------------------------

    def create_room(self, request: wire.CreateRoom) -> None:
        body = self._create(wire.CREATE_ROOM, request, request.room)
        if wire.RoomCreated.from_json(body).room != request.room:
            raise ProtocolError("room")

    def _create(self, op: wire.Operation, request: wire.Model, room: bytes) -> dict[str, Any]:
        """A room's creation with the creation token, if the address had one; on `pow_required`, once
        more with the proof of work the answer asks for (a hostile server cannot ask for more than
        creation.MAX_POW_BITS, and a cancelled sync stops the work)."""
        headers = {creation.TOKEN_HEADER: self.creation_token} if self.creation_token else {}
        try:
            return self._call(op, {}, request, headers=headers)
        except ServerRejected as exc:
            bits = self._pow_bits
            if exc.code != "pow_required" or bits is None:
                raise
        try:
            headers[creation.POW_HEADER] = creation.solve(room, bits, self.cancel)
        except creation.PowTooHard:
            raise ServerRejected("pow_too_hard", 403) from None
        except InterruptedError:
            raise Cancelled() from None
        return self._call(op, {}, request, headers=headers)

    def put_post(self, room: str, post_id: str, request: wire.PutPost) -> int:
        return self._seq(self._call(wire.PUT_POST, {"room": room, "post_id": post_id}, request))

    def put_posts(self, room: str, request: wire.PutPosts) -> list[int]:
        """Store a batch; the seqs come back in the batch's order, one for each post."""
        seqs = wire.StoredBatch.from_json(self._call(wire.PUT_POSTS, {"room": room}, request)).seqs
        if len(seqs) != len(request.posts):
            raise ProtocolError("batch answer")
        return seqs

    def delete_post(self, room: str, post_id: str, request: wire.DeletePost) -> int:
        return self._seq(self._call(wire.DELETE_POST, {"room": room, "post_id": post_id}, request))

    def report(self, room: str, request: wire.Report) -> int:
        return self._seq(self._call(wire.ADD_REPORT, {"room": room}, request))

    def events(self, room: str, after: int, limit: int = protocol.MAX_PAGE) -> Page:
        query = wire.EventsQuery(after=after, limit=limit)
        return parse_page(self._call(wire.LIST_EVENTS, {"room": room}, query=query), after, limit)

    # -- version 2: a room's keys (docs/PROTOCOL.md, "HTTP in version 2") ---------------------

    def create_room_v2(self, request: wire_v2.CreateRoomV2) -> wire_v2.RoomKeys:
        return wire_v2.RoomKeys.from_json(self._create(wire_v2.CREATE_ROOM_V2, request, request.room))

    def room_keys(self, room: str) -> wire_v2.RoomKeys:
        return wire_v2.RoomKeys.from_json(self._call(wire_v2.ROOM_KEYS, {"room": room}))

    def change_room(self, room: str, request: wire.Model) -> wire_v2.RoomKeys:
        """A new epoch, admin key or door, or the upgrade, by the request's model."""
        ops = {
            wire_v2.SetEpoch: wire_v2.SET_EPOCH,
            wire_v2.SetAdmin: wire_v2.SET_ADMIN,
            wire_v2.SetDoor: wire_v2.SET_DOOR,
            wire_v2.UpgradeRoom: wire_v2.UPGRADE_ROOM,
        }
        return wire_v2.RoomKeys.from_json(self._call(ops[type(request)], {"room": room}, request))

    @staticmethod
    def _seq(body: dict[str, Any]) -> int:
        return wire.Stored.from_json(body).seq

    # -- plumbing -----------------------------------------------------------------------

    def _call(
        self,
        op: wire.Operation,
        path: dict[str, str],
        request: wire.Model | None = None,
        query: wire.EventsQuery | None = None,
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        content = None
        headers = dict(headers or {})
        if request is not None:
            content = json.dumps(request.to_json(), separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
        params = None if query is None else query.to_query()
        url = op.url(**path)
        waits = 0
        while True:
            status, retry_after, body = self._send(op.method, url, content, headers, params)
            if status == 429:
                waits += 1
                self.rate_waits += 1
                if waits > MAX_RATE_WAITS:
                    raise ServerRejected("rate_limited", 429, retry_after)
                self._wait(retry_after)
                continue
            if status >= 500 and status != 507:  # 507: a full room or server, said with an error code
                raise ServerUnavailable(str(status))
            value = _parse_json(body)
            if 200 <= status < 300:
                return value
            raise ServerRejected(wire.ErrorReply.from_json(value).error.code, status)

    def _send(
        self,
        method: str,
        path: str,
        content: bytes | None,
        headers: dict[str, str],
        params: dict[str, str] | None,
    ) -> tuple[int, float, bytes]:
        if self.cancel.is_set():
            raise Cancelled()
        try:
            request = self.client.build_request(
                method, self.base + path, content=content, headers=headers, params=params
            )
            response = self.client.send(request, stream=True)
            try:
                self.client.cookies.clear()
                encoding = response.headers.get("content-encoding", "identity").strip().lower()
                if encoding not in ("", "identity"):
                    raise ProtocolError("compressed")
                declared = response.headers.get("content-length")
                if declared is not None and (not declared.isdigit() or int(declared) > MAX_RESPONSE):
                    raise ProtocolError("too large")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_raw():
                    size += len(chunk)
                    if size > MAX_RESPONSE:
                        raise ProtocolError("too large")
                    if self._deadline.expired():
                        raise SyncTimedOut()
                    chunks.append(chunk)
                self._pow_bits = creation.pow_bits(response.headers)
                if response.status_code not in (429,) and (
                    response.status_code < 500 or response.status_code == 507
                ):
                    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    if kind != "application/json":
                        raise ProtocolError("content type")
                return (
                    response.status_code,
                    _retry_after(response.headers.get("retry-after")),
                    b"".join(chunks),
                )
            finally:
                response.close()
        except httpx.TransportError as exc:
            if self._deadline.expired():
                raise SyncTimedOut() from exc
            raise ServerUnavailable(type(exc).__name__) from exc
        except httpx.InvalidURL as exc:
            raise ServerUnavailable("url") from exc

    def _wait(self, seconds: float) -> None:
        wait = min(max(seconds, 0.0), self.max_retry_after)
        left = self._deadline.remaining()
        if left is not None and wait >= left:
            # Waiting only to hit the deadline helps no one: end the run now, with one line.
            raise SyncTimedOut("retry-after")
        if self.cancel.wait(wait):
            raise Cancelled()


def _retry_after(value: str | None) -> float:
    if not value:
        return 1.0
    value = value.strip()
    if value.isdigit():
        return float(min(int(value), 3600))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 1.0
    return max(0.0, when.timestamp() - time.time())


def _depth_ok(value: object, depth: int = 0) -> bool:
    if depth > MAX_JSON_DEPTH:
        return False
    if isinstance(value, dict):
        return all(_depth_ok(v, depth + 1) for v in value.values())
    if isinstance(value, list):
        return all(_depth_ok(v, depth + 1) for v in value)
    return True


def _parse_json(body: bytes) -> dict[str, Any]:
    # The C parser stops deep nesting with RecursionError; valid answers nest only a few levels.
    try:
        value = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise ProtocolError("not json") from exc
    if not isinstance(value, dict) or not _depth_ok(value):
        raise ProtocolError("not an object")
    return value


def parse_page(body: dict[str, Any], after: int, limit: int) -> Page:
    """Check a page's shape and order; a page that fails is refused whole (ProtocolError).

    Seqs must rise strictly above `after`, stay at most MAX_SEQ, and (when the server gives its
    head) at most the head: a page that breaks any of these never moves the cursor. An event whose
    contents break its model (wrong type, undecodable blob) comes back as wire.Unreadable with its
    seq, so the engine counts it as discarded and moves past it.
    """
    page = wire.EventsPage.from_json(body)
    if len(page.events) > limit:
        raise ProtocolError("bad page")
    last = after
    for event in page.events:
        if event.seq <= last or (page.head is not None and event.seq > page.head):
            raise ProtocolError("seq order")
        last = event.seq
    return Page(page.events, page.more and bool(page.events), page.head)
