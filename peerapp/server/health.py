"""Liveness, readiness and the metrics endpoint: what a load balancer, an orchestrator and Prometheus ask."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator

from starlette.requests import Request
from starlette.responses import Response

from peerapp.server.config import ServerConfig
from peerapp.server.http import ApiError, Handler, reply
from peerapp.server.metrics import CONTENT_TYPE, Counts, Snapshots, database_gauges, render
from peerapp.server.operations import LIVE, METRICS, READY
from peerapp.server.storage import Store
from peerapp.sync import wire

log = logging.getLogger("peerapp.server")

GAUGE_SECONDS = 60.0  # a scrape every few seconds must not count the events every time


class ProcessState:
    """This process's life: draining once SIGTERM arrived, and its request counts."""

    def __init__(self, config: ServerConfig) -> None:
        self.draining = False
        self.counts = Counts()
        self.snapshots = Snapshots(self.counts, config.metrics_dir, config.worker)
        self._gauges: tuple[float, dict[str, tuple[str, float]]] = (0.0, {})


class PlaneHandlers:
    """The handlers of LIVE, READY and METRICS over one store."""

    def __init__(self, state: ProcessState, store: Store) -> None:
        self.state = state
        self.store = store

    async def live(self, request: Request) -> Response:
        return reply(wire.Health())

    async def ready(self, request: Request) -> Response:
        if self.state.draining:
            raise ApiError(wire.UNAVAILABLE, "The server is shutting down.")
        try:
            await self.store.ping()
        except Exception as exc:
            log.error("ready: database unavailable: %s", type(exc).__name__)
            raise ApiError(wire.UNAVAILABLE, "The database is not available.") from exc
        return reply(wire.Health())

    async def metrics(self, request: Request) -> Response:
        counts, per_worker = await asyncio.to_thread(self.state.snapshots.gather)
        at, gauges = self.state._gauges
        if time.monotonic() - at > GAUGE_SECONDS or not gauges:
            try:
                gauges = await database_gauges(self.store)
                self.state._gauges = (time.monotonic(), gauges)
            except Exception as exc:  # noqa: BLE001 - the counts are worth serving without the database
                log.warning("metrics: database gauges unavailable: %s", type(exc).__name__)
        return Response(render(counts, per_worker, gauges), media_type=CONTENT_TYPE)

    def handlers(self) -> dict[str, Handler]:
        return {LIVE.name: self.live, READY.name: self.ready, METRICS.name: self.metrics}


@contextlib.asynccontextmanager
async def running(config: ServerConfig, state: ProcessState) -> AsyncIterator[None]:
    """While the app runs: with metrics shared by workers, leave this worker's counts every few
    seconds and a last time at exit, so a scrape of any worker still counts this one's requests."""
    if not (config.metrics and config.metrics_dir):
        yield
        return
    task = asyncio.create_task(state.snapshots.keep_writing())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        with contextlib.suppress(OSError):
            state.snapshots.write()
