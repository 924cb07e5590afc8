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

import httpcore
import httpx

from peerapp.core.i18n import QT_TRANSLATE_NOOP

from . import protocol
from .errors import ServerRejected, ServerUnavailable
from .protocol import ProtocolError

USER_AGENT = "peerapp"  # the same for every install, so it identifies no one
MAX_RESPONSE = 4 * 1024 * 1024
MAX_JSON_DEPTH = 8
MAX_RETRY_AFTER = 30.0  # a server may not park a client for longer than this per wait
# The largest seq a client accepts: JSON numbers are exact up to here everywhere, and no real room
# gets near it. A larger one can only come from a broken or hostile server.
MAX_SEQ = 2**53 - 1
MAX_RATE_WAITS = 50  # consecutive 429 answers before giving up on this run
CONNECT_TIMEOUT = 15.0
READ_TIMEOUT = 30.0
PROXY_SCHEMES = ("socks5://", "socks5h://")


class SyncTimedOut(ServerUnavailable):
    """The sync's total deadline passed: a server too slow (or asking to wait too long) to finish."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The group server is too slow or too busy right now, so this sync stopped. Nothing is lost: "
        "what arrived is kept, and the rest comes at the next sync.",
    )


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
class Event:
    """One validated event of a page; `fields` holds the type-specific, still-encoded values."""

    seq: int
    type: str
    post_id: str | None
    fields: dict[str, Any]


@dataclass(frozen=True)
class Page:
    events: list[Event]
    more: bool
    head: int | None = None  # the room's last seq, when the server says (older servers do not)


class _Deadline:
    """The monotonic time by which the current sync must be over; None means no deadline."""

    def __init__(self) -> None:
        self.at: float | None = None

    def remaining(self) -> float | None:
        return None if self.at is None else self.at - time.monotonic()

    def expired(self) -> bool:
        left = self.remaining()
        return left is not None and left <= 0

    def clamp(self, timeout: float | None, timed_out: type[Exception]) -> float | None:
        """The timeout for one socket call: never past the deadline."""
        left = self.remaining()
        if left is None:
            return timeout
        if left <= 0:
            raise timed_out("deadline")
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket whose every read and write ends by the deadline, so a server that sends one byte
    just before each read timeout (headers or body) cannot stretch a sync out."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(
            ssl_context, server_hostname, self._deadline.clamp(timeout, httpcore.ConnectTimeout)
        )
        return _DeadlineStream(inner, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's sockets (direct or to the SOCKS proxy), each wrapped in a _DeadlineStream."""

    def __init__(self, inner: httpcore.NetworkBackend, deadline: _Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        timeout = self._deadline.clamp(timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("no unix sockets")  # group servers are reached over TCP only

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _bounded_transport(proxy: str | None, deadline: _Deadline) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(
        proxy=None if proxy is None else isolated_proxy(proxy),
        # Without TCP_NODELAY a request written as headers then body waits out the peer's
        # delayed ACK (about 40 ms a request on Linux).
        socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)],
    )
    # httpx has no public way to give its pool a network backend. Its pool (direct or SOCKS)
    # makes every connection through `_network_backend`; without it the deadline would be lost,
    # so a renamed attribute must fail here, loudly, not silently.
    pool = transport._pool
    if not isinstance(getattr(pool, "_network_backend", None), httpcore.NetworkBackend):
        raise RuntimeError("httpcore changed: the sync deadline cannot be enforced")
    pool._network_backend = _DeadlineBackend(pool._network_backend, deadline)
    return transport


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
        self.base = server_url.rstrip("/")
        self.cancel = cancel or threading.Event()
        self.max_retry_after = max_retry_after
        self.rate_waits = 0  # how many 429 waits happened (for tests and progress)
        self._deadline = _Deadline()
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

    def health(self) -> None:
        body = self._call("GET", "/v1/health")
        if body.get("status") != "ok":
            raise ProtocolError("health")

    def create_room(self, payload: dict[str, Any]) -> None:
        body = self._call("POST", "/v1/rooms", payload)
        if body.get("room") != payload.get("room"):
            raise ProtocolError("room")

    def put_post(self, room: str, post_id: str, payload: dict[str, Any]) -> int:
        return _seq(self._call("PUT", f"/v1/rooms/{room}/posts/{post_id}", payload))

    def delete_post(self, room: str, post_id: str, payload: dict[str, Any]) -> int:
        return _seq(self._call("DELETE", f"/v1/rooms/{room}/posts/{post_id}", payload))

    def report(self, room: str, payload: dict[str, Any]) -> int:
        return _seq(self._call("POST", f"/v1/rooms/{room}/reports", payload))

    def events(self, room: str, after: int, limit: int = protocol.MAX_PAGE) -> Page:
        body = self._call("GET", f"/v1/rooms/{room}/events", params={"after": after, "limit": limit})
        return parse_page(body, after, limit)

    # -- plumbing -----------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        payload: dict[str, Any] | None = None,
        params: dict[str, int] | None = None,
    ) -> dict[str, Any]:
        content = None
        headers = {}
        if payload is not None:
            content = json.dumps(payload, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
        waits = 0
        while True:
            status, retry_after, body = self._send(method, path, content, headers, params)
            if status == 429:
                waits += 1
                self.rate_waits += 1
                if waits > MAX_RATE_WAITS:
                    raise ServerRejected("rate_limited", 429, retry_after)
                self._wait(retry_after)
                continue
            if status >= 500:
                raise ServerUnavailable(str(status))
            value = _parse_json(body)
            if 200 <= status < 300:
                return value
            raise ServerRejected(_error_code(value), status)

    def _send(
        self,
        method: str,
        path: str,
        content: bytes | None,
        headers: dict[str, str],
        params: dict[str, int] | None,
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
                if response.status_code not in (429,) and response.status_code < 500:
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


class Cancelled(Exception):
    """The user cancelled while a request or a wait was in progress (not an error)."""


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


def _error_code(value: dict[str, Any]) -> str:
    error = value.get("error")
    code = error.get("code") if isinstance(error, dict) else None
    if not isinstance(code, str) or not 0 < len(code) <= 40 or not code.replace("_", "").isalnum():
        raise ProtocolError("bad error")
    return code


def _int(value: object, *, minimum: int = 0) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not minimum <= value <= MAX_SEQ:
        raise ProtocolError("bad number")
    return value


def _seq(body: dict[str, Any]) -> int:
    return _int(body.get("seq"), minimum=1)


def parse_page(body: dict[str, Any], after: int, limit: int) -> Page:
    """Check a page's shape and ordering; a page that fails is refused whole (ProtocolError).

    Seqs must rise strictly above `after`, stay at most MAX_SEQ, and (when the server gives its
    head) at most the head: a page that breaks any of these never moves the cursor. Single events
    whose contents are bad (wrong type, undecodable blob) are still returned with their seq so the
    engine can count them as discarded and move past them.
    """
    events, more = body.get("events"), body.get("more")
    if not isinstance(events, list) or not isinstance(more, bool) or len(events) > limit:
        raise ProtocolError("bad page")
    _int(body.get("next"))
    head = _int(body["head"]) if "head" in body else None
    out: list[Event] = []
    last = after
    for raw in events:
        if not isinstance(raw, dict):
            raise ProtocolError("bad event")
        seq = _int(raw.get("seq"), minimum=1)
        if seq <= last or (head is not None and seq > head):
            raise ProtocolError("seq order")
        last = seq
        kind = raw.get("type")
        post_id = raw.get("id")
        out.append(
            Event(
                seq=seq,
                type=kind if isinstance(kind, str) else "",
                post_id=post_id if isinstance(post_id, str) else None,
                fields=raw,
            )
        )
    return Page(out, more and bool(out), head)
