"""Liveness, readiness, Prometheus metrics and JSON logs: all counts and no room id or address."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import httpx
import pytest

from peerapp.server.app import create_app
from peerapp.server.config import ServerConfig
from peerapp.server.logs import redact
from peerapp.server.storage import open_store
from support.servers import Room, ServerProcess, database_url


class FlaggedServer(ServerProcess):
    """A ServerProcess with switches (--metrics, --log-requests) after its options."""

    def __init__(self, db_url: str, *flags: str, **options: object) -> None:
        super().__init__(db_url, options=options)
        self.flags = list(flags)

    def command(self) -> list[str]:
        return super().command() + self.flags


def traffic(url: str) -> list[str]:
    """Requests that name room and post ids in every way a client does, and some that fail; the ids."""
    room, other = Room(url), Room(url)
    assert room.create().status_code == 201
    post_id, _seq, secret = room.post("a post")
    kept_id, _seq, _secret = room.post("another")
    assert room.report(kept_id).status_code == 200
    assert room.delete_author(post_id, secret).status_code == 200
    assert room.events().status_code == 200
    assert other.events().status_code == 404  # no such room: its id still travelled in the path
    assert room.http.put(f"/v1/rooms/{room.room}/posts/{post_id}", content=b"{bad").status_code == 400
    assert room.http.get(f"/v1/rooms/{room.room}/nowhere").status_code == 404
    blob = room.seal("a blob")[1]
    room.close()
    other.close()
    return [room.room, other.room, post_id, kept_id, room.p.b64e(blob)[:40]]


def no_secret_in(text: str, secrets: list[str]) -> None:
    """No id, not even a 16-character piece of one, and no loopback address."""
    for secret in secrets:
        for start in range(0, len(secret) - 16, 8):
            assert secret[start : start + 16] not in text, secret
    assert "127.0.0.1" not in text


def in_process(config: ServerConfig, paths: list[str], draining_after: int = -1) -> list[httpx.Response]:
    """GET each path from the real app in this process (its store opened as run.py opens it);
    mark the process draining, as SIGTERM does, after the `draining_after`-th answer."""
    import asyncio

    async def run() -> list[httpx.Response]:
        store = open_store(config.db)
        await store.open()
        app = create_app(config, store, store_opened=True)
        out = []
        try:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                for index, path in enumerate(paths):
                    out.append(await client.get(path))
                    if index == draining_after:
                        app.state.process.draining = True
        finally:
            await store.close()
        return out

    return asyncio.run(run())


# --- metrics -------------------------------------------------------------------------------------

SAMPLE = re.compile(r"([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (-?[0-9.e+-]+|\+Inf|NaN)")
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)')


def parse_prometheus(text: str) -> dict[str, list[tuple[dict[str, str], float]]]:
    """The text exposition format 0.0.4, read strictly: HELP and TYPE before a family's samples,
    well-formed labels, numbers; returns samples by name."""
    assert text.endswith("\n")
    types: dict[str, str] = {}
    samples: dict[str, list[tuple[dict[str, str], float]]] = {}
    for line in text.splitlines():
        if line.startswith("# HELP "):
            continue
        if line.startswith("# TYPE "):
            _, _, name, kind = line.split(" ")
            assert kind in ("counter", "gauge", "histogram") and name not in types, line
            types[name] = kind
            continue
        match = SAMPLE.fullmatch(line)
        assert match, line
        name, _, inner, value = match.groups()
        family = re.sub(r"_(bucket|sum|count)$", "", name) if name not in types else name
        assert family in types, line
        labels: dict[str, str] = {}
        rest = inner or ""
        while rest:
            label = LABEL.match(rest)
            assert label, line
            labels[label.group(1)] = label.group(2)
            rest = rest[label.end() :]
        samples.setdefault(name, []).append((labels, float(value)))
    return samples


def test_metrics_parse_count_by_route_template_and_hold_no_id(tmp_path: Path) -> None:
    with FlaggedServer(database_url(tmp_path, "sqlite"), "--metrics") as server:
        secrets = traffic(server.url)
        text = httpx.get(server.url + "/metrics", timeout=30).text
        response = httpx.get(server.url + "/metrics", timeout=30)
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    samples = parse_prometheus(text)
    routes = {labels["route"] for labels, _ in samples["peerapp_http_requests_total"]}
    assert "/v1/rooms/{room}/posts/{post_id}" in routes and "/v1/rooms/{room}/events" in routes
    assert routes <= {
        *(r.path for r in create_app(ServerConfig(db="sqlite:///u.db", metrics=True)).routes),
        "other",
    }
    by_status = {
        (labels["route"], labels["status"]): n for labels, n in samples["peerapp_http_requests_total"]
    }
    assert by_status[("/v1/rooms/{room}/events", "404")] == 1
    assert by_status[("other", "404")] == 1  # /v1/rooms/<id>/nowhere: counted without its path
    # Histograms: cumulative buckets, +Inf equal to the count.
    buckets = samples["peerapp_http_request_duration_seconds_bucket"]
    counts = {
        (labels["route"], labels["method"]): n
        for labels, n in samples["peerapp_http_request_duration_seconds_count"]
    }
    for key, count in counts.items():
        mine = [(labels["le"], n) for labels, n in buckets if (labels["route"], labels["method"]) == key]
        values = [n for _le, n in mine]
        assert values == sorted(values) and mine[-1] == ("+Inf", count)
        assert math.isclose(sum(1 for _ in mine), 12)
    assert samples["peerapp_rooms"][0][1] == 1
    assert samples["peerapp_http_request_bytes_total"]
    no_secret_in(text, secrets)


def test_metrics_are_off_unless_asked_for(tmp_path: Path) -> None:
    off = ServerConfig(db="sqlite:///" + str(tmp_path / "a.db"))
    metrics, document = in_process(off, ["/metrics", "/v1/openapi.json"])
    assert metrics.status_code == 404 and "/metrics" not in document.json()["paths"]
    on = ServerConfig(db="sqlite:///" + str(tmp_path / "b.db"), metrics=True)
    metrics, document = in_process(on, ["/metrics", "/v1/openapi.json"])
    assert metrics.status_code == 200
    described = document.json()["paths"]["/metrics"]["get"]["responses"]["200"]
    assert list(described["content"]) == ["text/plain"]


# --- health --------------------------------------------------------------------------------------


def test_liveness_and_readiness_and_readiness_refuses_while_draining(tmp_path: Path) -> None:
    config = ServerConfig(db="sqlite:///" + str(tmp_path / "a.db"))
    paths = ["/v1/health/live", "/v1/health/ready", "/v1/openapi.json", "/v1/health/ready", "/v1/health/live"]
    live, ready, document, draining, still_live = in_process(config, paths, draining_after=2)
    assert live.json() == {"status": "ok", "version": 1} and ready.json() == {"status": "ok", "version": 1}
    assert {"/v1/health/live", "/v1/health/ready"} <= set(document.json()["paths"])
    assert draining.status_code == 503 and draining.json()["error"]["code"] == "unavailable"
    assert still_live.status_code == 200


def test_readiness_fails_when_the_database_is_gone(tmp_path: Path) -> None:
    from support.servers import pg_cluster

    db = database_url(tmp_path, "postgresql")
    with ServerProcess(db) as server:
        assert httpx.get(server.url + "/v1/health/ready", timeout=30).status_code == 200
        name = db.rsplit("/", 1)[1]
        pg_cluster().psql(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
        pg_cluster().psql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
        answer = httpx.get(server.url + "/v1/health/ready", timeout=30)
        assert answer.status_code == 503 and answer.json()["error"]["code"] == "unavailable"
        assert httpx.get(server.url + "/v1/health/live", timeout=30).status_code == 200
        pg_cluster().psql(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")
    log = [json.loads(line) for line in server.output.splitlines()[1:] if line.startswith("{")]
    assert any(entry["message"].startswith("ready: database unavailable") for entry in log), server.output


# --- logs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_json_logs_hold_no_address_and_no_room_id(tmp_path: Path, backend: str) -> None:
    with FlaggedServer(database_url(tmp_path, backend), "--log-requests", "--metrics") as server:
        secrets = traffic(server.url)
        httpx.get(server.url + "/metrics", timeout=30)
    lines = server.output.splitlines()
    assert lines[0] == f"listening on {server.url}"
    entries = [json.loads(line) for line in lines[1:]]  # every line is one JSON object
    requests = [e for e in entries if e["message"] == "request"]
    assert len(requests) >= 10
    assert {"route", "method", "status", "ms", "time", "level", "worker"} <= set(requests[0])
    assert any(e["route"] == "/v1/rooms/{room}/posts/{post_id}" and e["status"] == 200 for e in requests)
    no_secret_in("\n".join(lines[1:]), secrets)


def test_redaction_takes_out_addresses_ids_and_blobs_and_keeps_words() -> None:
    room = "9f" * 32
    text = (
        f"peer 203.0.113.7:5544 and [2001:db8::1]:443 fe80::1%eth0 asked for room {room} "
        "blob QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9w== "
        "key b'\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\x09' at 12:30:00 on /v1/rooms/{room}/events"
    )
    out = redact(text)
    for gone in ("203.0.113.7", "2001:db8::1", "fe80::1", room, room[:16], "QUJDREVGR0hJ", "\\x05"):
        assert gone not in out, (gone, out)
    assert "9f9f9f…" in out  # six characters stay: tells two rooms apart in one incident, finds neither
    for kept in ("peer", "asked for room", "at 12:30:00", "/v1/rooms/{room}/events"):
        assert kept in out, (kept, out)


def test_logged_exceptions_keep_their_type_and_places_not_their_message() -> None:
    import io
    import logging

    from peerapp.server.logs import JsonFormatter

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter(3))
    logger = logging.getLogger("peerapp.server.test_observability")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        raise ValueError("room " + "ab" * 32 + " from 198.51.100.2")
    except ValueError:
        logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    entry = json.loads(stream.getvalue())
    assert entry["exception"] == "ValueError" and entry["worker"] == 3 and entry["message"] == "failed"
    assert "ab" * 8 not in stream.getvalue() and "198.51.100.2" not in stream.getvalue()
    assert any("test_server_observability.py" in place for place in entry["where"])
