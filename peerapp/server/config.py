"""The server's settings, filled from the command line (peerapp.server.run)."""

from __future__ import annotations

from dataclasses import dataclass

from peerapp.sync import protocol


@dataclass(frozen=True)
class ServerConfig:
    db: str  # sqlite:///relative/path, sqlite:////absolute/path or postgresql://...
    host: str = "127.0.0.1"
    port: int = 8765  # 0 picks a free port (the "listening on" line says which)
    retention_days: int = 90  # 0 keeps events forever
    room_rate: float = 20.0  # requests a second per room; 0 turns the limit off
    room_burst: float = 100.0
    create_rate: float = 1.0  # room creations a second, shared by everyone
    create_burst: float = 20.0
    max_page: int = protocol.MAX_PAGE
    max_body: int = protocol.MAX_BODY
    max_batch: int = protocol.MAX_BATCH  # posts in one batch upload; 0 serves no batch endpoint
    max_batch_body: int = protocol.MAX_BATCH_BODY
    retention_interval: float = 3600.0  # seconds between retention runs
    skip_seqs: int = 0  # at start, move every room's last seq forward by this (after a restore)
    # process plane
    workers: int = 1  # server processes sharing the listening port; above 1 needs PostgreSQL
    metrics: bool = False  # serve GET /metrics (Prometheus text format, counts only)
    log_requests: bool = False  # one JSON log line per request: route template, status, duration
    graceful_timeout: float = 30.0  # seconds in-flight requests may still take after SIGTERM
    worker: int = 0  # this process's number among the workers; only worker 0 runs retention
    metrics_dir: str = ""  # where the workers leave their counts for whichever one is scraped
    # data plane
    creation: str = ""  # open | token | pow; "" is token, or open when listening on loopback only
    pow_bits: int = 20  # leading zero bits a room's proof of work needs (about 2**20 hashes)
    room_quota_bytes: int = 512 * 1024 * 1024  # blob bytes one room may hold; 0: no limit
    room_day_posts: int = 10_000  # posts one room may take in a day (UTC); 0: no limit
    disk_budget: int = 0  # bytes the database may fill before writes are refused; 0: no budget
