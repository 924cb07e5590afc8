"""The operations a server serves: the protocol's, then the process plane's (liveness, readiness, metrics).

openapi.py documents them and app.py serves them; both read these lists, so the document and the
routes cannot drift apart.
"""

from __future__ import annotations

from peerapp.sync import wire, wire_v2

LIVE = wire.Operation(
    "live", "GET", "/v1/health/live",
    "Whether this process answers at all (no database check): restart it when this fails.",
    ((200, "The process answers.", wire.Health),),
)  # fmt: skip
READY = wire.Operation(
    "ready", "GET", "/v1/health/ready",
    "Whether this process should be sent requests: its database answers and it is not shutting down.",
    ((200, "Ready.", wire.Health),), errors=(wire.UNAVAILABLE,),
)  # fmt: skip
METRICS = wire.Operation(
    "metrics", "GET", "/metrics",
    "Counts in the Prometheus text format, served only with --metrics: requests by route template and "
    "status, latency histograms, rooms and bytes. No room id and no address.",
    ((200, "The Prometheus text exposition format 0.0.4.", None),),
)  # fmt: skip

# Every operation a server can serve: the protocol's, then the process plane's (metrics is opt-in).
SERVER_OPERATIONS = (*wire_v2.ALL_OPERATIONS, LIVE, READY, METRICS)
DEFAULT_OPERATIONS = (*wire_v2.ALL_OPERATIONS, LIVE, READY)
PLAIN_TEXT = frozenset({METRICS.name})  # answered in text/plain, not JSON
