"""The sync deadline under httpx: every socket connect, read and write of a group sync ends by one time,
and a read waiting on a silent server ends as soon as the sync is cancelled.

A server that sends one byte just before each read timeout, in its headers or its body, could
otherwise hold a sync for as long as it liked. The transport gives httpcore a network backend whose
sockets clamp each call's timeout to what is left of the sync's deadline.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import httpcore
import httpx

# How often a read that waits for the server looks whether the sync was cancelled: lock and quick
# exit wait for a cancelled sync, so it must not sit out a 30-second read timeout.
CANCEL_POLL = 0.2
CONNECT_THREAD = "peerapp-connect"  # the helper thread of a connect (its name is for tests)


class Cancelled(Exception):
    """The user cancelled while a request or a wait was in progress (not an error). Raised from the
    socket itself, past httpx, so it is never taken for a network failure."""


class Deadline:
    """The monotonic time by which the current sync must be over (None: no deadline), and whether
    the sync was cancelled."""

    def __init__(self, cancelled: Callable[[], bool] = lambda: False) -> None:
        self.at: float | None = None
        self.cancelled = cancelled

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


class DeadlineStream(httpcore.NetworkStream):
    """A socket whose every read and write ends by the deadline, so a server that sends one byte
    just before each read timeout (headers or body) cannot stretch a sync out."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        limit = self._deadline.clamp(timeout, httpcore.ReadTimeout)
        end = None if limit is None else time.monotonic() + limit
        # Waited for in short steps, so a cancel is seen while the server says nothing. A timed-out
        # recv loses nothing, on TLS too: OpenSSL keeps a partial record for the next read.
        while True:
            if self._deadline.cancelled():
                raise Cancelled()
            left = None if end is None else end - time.monotonic()
            if left is not None and left <= 0:
                raise httpcore.ReadTimeout("timed out")
            try:
                return self._inner.read(max_bytes, CANCEL_POLL if left is None else min(CANCEL_POLL, left))
            except httpcore.ReadTimeout:
                continue

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
        return DeadlineStream(inner, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's sockets (direct or to the SOCKS proxy), each wrapped in a DeadlineStream."""

    def __init__(self, inner: httpcore.NetworkBackend, deadline: Deadline) -> None:
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
        attempt = _Connect(
            lambda: self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        )
        return DeadlineStream(attempt.wait(self._deadline.cancelled), self._deadline)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("no unix sockets")  # group servers are reached over TCP only

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _Connect:
    """A connect on a helper thread, watched for a cancel: a connect cannot be woken (a firewall that
    drops packets holds it for the whole connect timeout), so a cancelled sync leaves it behind, and
    the helper closes whatever it still opens."""

    def __init__(self, connect: Callable[[], httpcore.NetworkStream]) -> None:
        self._connect = connect
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._abandoned = False
        self._outcome: httpcore.NetworkStream | BaseException | None = None
        threading.Thread(target=self._run, name=CONNECT_THREAD, daemon=True).start()

    def _run(self) -> None:
        outcome: httpcore.NetworkStream | BaseException
        try:
            outcome = self._connect()
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            outcome = exc
        with self._lock:
            if self._abandoned and isinstance(outcome, httpcore.NetworkStream):
                outcome.close()
            self._outcome = outcome
            self._done.set()

    def wait(self, cancelled: Callable[[], bool]) -> httpcore.NetworkStream:
        while not self._done.wait(CANCEL_POLL):
            with self._lock:
                if cancelled() and not self._done.is_set():
                    self._abandoned = True
                    raise Cancelled()
        outcome = self._outcome
        if isinstance(outcome, BaseException):
            raise outcome
        assert outcome is not None
        return outcome


def enforce(transport: httpx.HTTPTransport, deadline: Deadline) -> httpx.HTTPTransport:
    """Make every connection of `transport` (direct or through its SOCKS proxy) end by `deadline`."""
    # httpx has no public way to give its pool a network backend. Its pool (direct or SOCKS)
    # makes every connection through `_network_backend`; without it the deadline would be lost,
    # so a renamed attribute must fail here, loudly, not silently.
    pool = transport._pool
    if not isinstance(getattr(pool, "_network_backend", None), httpcore.NetworkBackend):
        raise RuntimeError("httpcore changed: the sync deadline cannot be enforced")
    pool._network_backend = DeadlineBackend(pool._network_backend, deadline)
    return transport
