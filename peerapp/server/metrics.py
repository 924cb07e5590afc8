"""Opt-in Prometheus metrics: counts by route template and status, latency histograms, rooms and bytes.

Nothing here can hold a room id or an address: requests are counted under the template of the route
they matched ("/v1/rooms/{room}/events"), or "other". With several workers each one leaves its counts
in a shared folder (an atomic rename every few seconds and at exit); whichever worker is scraped adds
them up, so a scrape through the load balancer sees the whole server.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from starlette.routing import Match, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from peerapp.server.storage import Store

log = logging.getLogger("peerapp.server")

# Seconds; from a cached read (a few ms) to a slow batch upload on a busy disk.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE"})
FLUSH_SECONDS = 1.0
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

Key = tuple[str, str, str]  # route template, method, status


class Counts:
    """One process's counters (all plain ints and floats, so they travel as JSON)."""

    def __init__(self) -> None:
        self.requests: dict[Key, int] = {}
        self.seconds: dict[tuple[str, str], list[float]] = {}  # per bucket, then +Inf, then the sum
        self.bytes_in: dict[str, int] = {}
        self.bytes_out: dict[str, int] = {}

    def add(self, route: str, method: str, status: int, seconds: float, got: int, sent: int) -> None:
        key = (route, method, str(status))
        self.requests[key] = self.requests.get(key, 0) + 1
        row = self.seconds.setdefault((route, method), [0.0] * (len(BUCKETS) + 2))
        for index, bound in enumerate(BUCKETS):
            if seconds <= bound:
                row[index] += 1
        row[len(BUCKETS)] += 1
        row[-1] += seconds
        self.bytes_in[route] = self.bytes_in.get(route, 0) + got
        self.bytes_out[route] = self.bytes_out.get(route, 0) + sent

    def total(self) -> int:
        return sum(self.requests.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "requests": [[*key, n] for key, n in self.requests.items()],
            "seconds": [[*key, row] for key, row in self.seconds.items()],
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
        }

    def merge(self, data: dict[str, Any]) -> None:
        """Add another worker's snapshot (its to_json())."""
        for route, method, status, n in data.get("requests", []):
            key = (str(route), str(method), str(status))
            self.requests[key] = self.requests.get(key, 0) + int(n)
        for route, method, row in data.get("seconds", []):
            mine = self.seconds.setdefault((str(route), str(method)), [0.0] * (len(BUCKETS) + 2))
            if len(row) == len(mine):
                for index, value in enumerate(row):
                    mine[index] += float(value)
        for name in ("bytes_in", "bytes_out"):
            target: dict[str, int] = getattr(self, name)
            for route, n in dict(data.get(name, {})).items():
                target[str(route)] = target.get(str(route), 0) + int(n)


def route_template(routes: Iterable[Any], scope: Scope) -> str:
    """The path template of the route this request matched, or "other" (never the path itself)."""
    for route in routes:
        if isinstance(route, Route):
            match, _child = route.matches(scope)
            if match is not Match.NONE:
                return route.path
    return "other"


class MetricsMiddleware:
    """Counts every HTTP request after its answer is sent; optionally logs it (template, status, time)."""

    def __init__(self, app: ASGIApp, counts: Counts, routes: list[Any], log_requests: bool) -> None:
        self.app = app
        self.counts = counts
        self.routes = routes
        self.log_requests = log_requests

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # an app that raises before answering is counted as the 500 uvicorn sends
        got = sent = 0

        async def counted_receive() -> Message:
            nonlocal got
            message = await receive()
            if message["type"] == "http.request":
                got += len(message.get("body", b""))
            return message

        async def counted_send(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = int(message["status"])
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, counted_receive, counted_send)
        finally:
            seconds = time.perf_counter() - started
            method = scope["method"] if scope["method"] in METHODS else "other"
            route = route_template(self.routes, scope)
            self.counts.add(route, method, status, seconds, got, sent)
            if self.log_requests:
                log.info(
                    "request",
                    extra={
                        "fields": {
                            "route": route,
                            "method": method,
                            "status": status,
                            "ms": round(seconds * 1000, 1),
                        }
                    },
                )


class Snapshots:
    """This worker's counts in `folder` (when workers share one), and the sum of everyone's."""

    def __init__(self, counts: Counts, folder: str, worker: int) -> None:
        self.counts = counts
        self.folder = Path(folder) if folder else None
        self.worker = worker

    def write(self) -> None:
        if self.folder is None:
            return
        data = json.dumps({"worker": self.worker, "counts": self.counts.to_json()})
        # Write then rename: a scrape never reads half a file.
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".w", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(data)
            os.replace(tmp, self.folder / f"worker-{self.worker}.json")
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def gather(self) -> tuple[Counts, dict[int, int]]:
        """Every worker's counts added up, and requests per worker number."""
        if self.folder is None:
            return self.counts, {self.worker: self.counts.total()}
        with contextlib.suppress(OSError):
            self.write()
        total = Counts()
        per_worker: dict[int, int] = {}
        for path in sorted(self.folder.glob("worker-*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                part = Counts()
                part.merge(data["counts"])
            except (OSError, ValueError, KeyError, TypeError):
                continue  # being replaced this instant, or damaged: the next scrape reads it
            total.merge(data["counts"])
            per_worker[int(data.get("worker", -1))] = part.total()
        return total, per_worker

    async def keep_writing(self) -> None:
        """Every few seconds while the worker runs; the lifespan writes a last one at exit."""
        while True:
            await asyncio.sleep(FLUSH_SECONDS)
            try:
                await asyncio.to_thread(self.write)
            except OSError as exc:
                log.warning("metrics: cannot write counts: %s", type(exc).__name__)


def _labels(**values: str) -> str:
    inner = ",".join(f'{name}="{_escape(value)}"' for name, value in sorted(values.items()))
    return "{" + inner + "}"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def render(counts: Counts, per_worker: dict[int, int], gauges: dict[str, tuple[str, float]]) -> str:
    """The Prometheus text exposition (format 0.0.4) of the counts and gauges."""
    lines: list[str] = []

    def family(name: str, kind: str, text: str) -> None:
        lines.append(f"# HELP {name} {text}")
        lines.append(f"# TYPE {name} {kind}")

    family(
        "peerapp_http_requests_total", "counter", "Requests answered, by route template, method and status."
    )
    for (route, method, status), n in sorted(counts.requests.items()):
        lines.append(f"peerapp_http_requests_total{_labels(route=route, method=method, status=status)} {n}")
    family("peerapp_http_request_duration_seconds", "histogram", "Time from request to answer sent.")
    for (route, method), row in sorted(counts.seconds.items()):
        for index, bound in enumerate(BUCKETS):
            labels = _labels(route=route, method=method, le=repr(bound))
            lines.append(f"peerapp_http_request_duration_seconds_bucket{labels} {_number(row[index])}")
        labels = _labels(route=route, method=method, le="+Inf")
        lines.append(f"peerapp_http_request_duration_seconds_bucket{labels} {_number(row[len(BUCKETS)])}")
        base = _labels(route=route, method=method)
        lines.append(f"peerapp_http_request_duration_seconds_sum{base} {_number(row[-1])}")
        lines.append(f"peerapp_http_request_duration_seconds_count{base} {_number(row[len(BUCKETS)])}")
    for name, source, text in (
        (
            "peerapp_http_request_bytes_total",
            counts.bytes_in,
            "Request body bytes received, by route template.",
        ),
        (
            "peerapp_http_response_bytes_total",
            counts.bytes_out,
            "Response body bytes sent, by route template.",
        ),
    ):
        family(name, "counter", text)
        for route, n in sorted(source.items()):
            lines.append(f"{name}{_labels(route=route)} {n}")
    family("peerapp_worker_requests_total", "counter", "Requests answered by each worker process.")
    for worker, n in sorted(per_worker.items()):
        lines.append(f"peerapp_worker_requests_total{_labels(worker=str(worker))} {n}")
    for name, (text, value) in sorted(gauges.items()):
        family(name, "gauge", text)
        lines.append(f"{name} {_number(value)}")
    return "\n".join(lines) + "\n"


GAUGE_HELP = {
    "rooms": "Rooms the server holds.",
    "suspended": "Rooms suspended by the operator.",
    "events": "Events (posts, deletions, reports) the server holds.",
    "bytes": "Bytes of sealed posts and reports the server holds.",
    "tokens": "Room creation tokens issued and not revoked.",
}


async def database_gauges(store: Store) -> dict[str, tuple[str, float]]:
    """The store's counts (Store.stats: rooms, events, bytes...), never a room id."""
    counts = await store.stats()
    return {
        f"peerapp_{name}": (GAUGE_HELP.get(name, name.replace("_", " ").capitalize() + "."), float(n))
        for name, n in counts.items()
    }
