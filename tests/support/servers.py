"""Real group server processes for tests: SQLite per test, PostgreSQL in a session-wide cluster.

Use with `from servers import sqlite_server, pg_server, any_server  # noqa: F401` (the fixtures
need nothing else), or call `start_server(tmp_path, backend, **options)` for custom limits.
PostgreSQL runs in one cluster per test session, started on first use; each server gets a fresh
database.
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    """`python -m peerapp.server` on a loopback port; its stdout and stderr are kept in `.output`."""

    def __init__(self, db_url: str, *, port: int = 0, options: dict[str, Any] | None = None) -> None:
        self.db_url = db_url
        self.port = port
        self.options = dict(options or {})
        self.proc: subprocess.Popen[str] | None = None
        self._lines: list[str] = []
        self._reader: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def output(self) -> str:
        """Everything the server printed so far (all runs)."""
        return "".join(self._lines)

    def command(self) -> list[str]:
        cmd = [sys.executable, "-m", "peerapp.server", "--db", self.db_url, "--host", "127.0.0.1"]
        cmd += ["--port", str(self.port)]
        for key, value in self.options.items():
            cmd += ["--" + key.replace("_", "-"), str(value)]
        return cmd

    def start(self) -> ServerProcess:
        """Start (or restart, on the same port and database) and wait for the "listening on" line."""
        if self.proc is not None and self.proc.poll() is None:
            return self
        env = dict(os.environ)
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        env["PYTHONUNBUFFERED"] = "1"
        self.proc = subprocess.Popen(
            self.command(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        ready = threading.Event()
        listening: list[bool] = []
        proc = self.proc

        def read() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                self._lines.append(line)
                if line.startswith("listening on http://"):
                    self.port = int(line.strip().rsplit(":", 1)[1])
                    listening.append(True)
                    ready.set()
            ready.set()

        self._reader = threading.Thread(target=read, daemon=True)
        self._reader.start()
        if not ready.wait(START_TIMEOUT) or not listening or proc.poll() is not None:
            self.stop(kill=True)
            raise RuntimeError("the server did not start:\n" + self.output)
        return self

    def stop(self, *, kill: bool = False) -> None:
        """SIGTERM and wait (a clean shutdown), or SIGKILL with kill=True (a crash)."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(20)
        if self._reader is not None:
            self._reader.join(10)

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# --- PostgreSQL -------------------------------------------------------------------------


def _pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        pytest.fail(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). "
            "Install the Debian package `postgresql` (.ci/run does) to run the server tests on PostgreSQL.",
            pytrace=False,
        )
    return Path(found[-1]).parent


class PgCluster:
    """A throwaway cluster in a temporary folder, trust auth on 127.0.0.1, fsync off."""

    def __init__(self) -> None:
        self.bin = _pg_bin()
        self.root = Path(tempfile.mkdtemp(prefix="peerapp-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.as_root = os.geteuid() == 0

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        # PostgreSQL refuses to run as root: run its tools as the `postgres` user.
        cmd = ["runuser", "-u", "postgres", "--", *args] if self.as_root else list(args)
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)

    def _check(self, what: str, result: subprocess.CompletedProcess[str]) -> None:
        if result.returncode != 0:
            pytest.fail(f"PostgreSQL {what} failed:\n{result.stdout}\n{result.stderr}", pytrace=False)

    def start(self) -> None:
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
        init = self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
            "--no-locale", "--no-sync",
        )  # fmt: skip
        self._check("initdb", init)
        options = f"-k {self.root} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        started = self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-w", "-t", "60",
            "-o", options, "start",
        )  # fmt: skip
        self._check("start", started)

    def psql(self, sql: str, dbname: str = "postgres") -> str:
        result = subprocess.run(
            [str(self.bin / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
             "-p", str(self.port), "-U", "postgres", "-d", dbname, "-c", sql],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        self._check("psql", result)
        return result.stdout

    def new_database(self) -> str:
        name = "t_" + uuid.uuid4().hex[:12]
        self.psql(f"CREATE DATABASE {name}")
        return self.url(name)

    def url(self, dbname: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


_cluster: PgCluster | None = None
_running: list[ServerProcess] = []


def pg_cluster() -> PgCluster:
    """The session's cluster, started on first use and stopped when the test process exits."""
    global _cluster
    if _cluster is None:
        cluster = PgCluster()
        atexit.register(cluster.stop)
        cluster.start()
        _cluster = cluster
    return _cluster


@atexit.register
def _stop_leftovers() -> None:
    for server in _running:
        server.stop(kill=True)


# --- starting servers -------------------------------------------------------------------


def database_url(tmp_path: Path, backend: str) -> str:
    if backend == "sqlite":
        return "sqlite:///" + str(tmp_path / "server.db")
    if backend == "postgresql":
        return pg_cluster().new_database()
    raise ValueError(backend)


def start_server(tmp_path: Path, backend: str = "sqlite", **options: Any) -> ServerProcess:
    """A started server with a fresh database; options become --flags (room_rate=1 -> --room-rate 1).

    Use it as a context manager, or call .stop(); leftovers are killed when the tests end.
    """
    folder = Path(tempfile.mkdtemp(prefix="server-", dir=tmp_path))
    server = ServerProcess(database_url(folder, backend), options=options)
    _running.append(server)
    return server.start()


def _serve(tmp_path: Path, backend: str) -> Iterator[ServerProcess]:
    server = start_server(tmp_path, backend)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def sqlite_server(tmp_path: Path) -> Iterator[ServerProcess]:
    yield from _serve(tmp_path, "sqlite")


@pytest.fixture
def pg_server(tmp_path: Path) -> Iterator[ServerProcess]:
    yield from _serve(tmp_path, "postgresql")


@pytest.fixture(params=["sqlite", "postgresql"])
def any_server(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[ServerProcess]:
    yield from _serve(tmp_path, request.param)


def wait_until(predicate: Any, timeout: float = 30.0, interval: float = 0.05) -> bool:
    """Poll until predicate() is true; a generous deadline, not a timing assertion."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())


# --- a minimal protocol client for server tests ------------------------------------------


class Room:
    """A group's keys plus the signed requests of docs/PROTOCOL.md, sent with httpx."""

    def __init__(self, server_url: str) -> None:
        import httpx

        from peerapp.sync import protocol

        self.p = protocol
        self.keys = protocol.GroupKeys.from_secret(protocol.new_secret())
        self.admin = protocol.new_admin_key()
        self.http = httpx.Client(base_url=server_url, timeout=30, headers={"user-agent": "peerapp"})

    @property
    def room(self) -> str:
        return self.keys.room

    def create_body(self) -> dict[str, str]:
        p, k = self.p, self.keys
        admin_pub = bytes(self.admin.verify_key)
        sig = p.sign(k.write_key, p.create_message(k.room_id, k.write_pub, admin_pub))
        return {
            "room": k.room,
            "write_pub": p.b64e(k.write_pub),
            "admin_pub": p.b64e(admin_pub),
            "sig": p.b64e(sig),
        }

    def create(self) -> Any:
        return self.http.post("/v1/rooms", json=self.create_body())

    def seal(self, text: str = "hello", author: str = "Kind Owl") -> tuple[str, bytes, bytes]:
        """A new post: (post id, blob, delete secret)."""
        p = self.p
        secret = p.new_delete_secret()
        post_id = p.new_post_id()
        plain = p.post_plaintext(
            kind="post",
            author=author,
            body=text,
            delete_hash=p.delete_hash(secret),
            at=p.coarse_time(time.time()),
        )
        return post_id, p.seal_post(self.keys, post_id, plain), secret

    def put_body(self, post_id: str, blob: bytes, secret: bytes) -> dict[str, str]:
        p = self.p
        dhash = p.delete_hash(secret)
        sig = p.sign(self.keys.write_key, p.put_message(self.keys.room_id, post_id, blob, dhash))
        return {"blob": p.b64e(blob), "delete_hash": p.b64e(dhash), "sig": p.b64e(sig)}

    def put(self, post_id: str, blob: bytes, secret: bytes) -> Any:
        return self.http.put(
            f"/v1/rooms/{self.room}/posts/{post_id}", json=self.put_body(post_id, blob, secret)
        )

    def post(self, text: str = "hello") -> tuple[str, int, bytes]:
        """Seal and PUT a post; return (post id, seq, delete secret)."""
        post_id, blob, secret = self.seal(text)
        response = self.put(post_id, blob, secret)
        assert response.status_code == 200, response.text
        return post_id, int(response.json()["seq"]), secret

    def delete_author(self, post_id: str, secret: bytes) -> Any:
        return self.http.request(
            "DELETE", f"/v1/rooms/{self.room}/posts/{post_id}", json={"secret": self.p.b64e(secret)}
        )

    def delete_admin(self, post_id: str, key: Any = None) -> Any:
        p = self.p
        sig = p.sign(key or self.admin, p.admin_delete_message(self.keys.room_id, post_id))
        return self.http.request(
            "DELETE", f"/v1/rooms/{self.room}/posts/{post_id}", json={"admin_sig": p.b64e(sig)}
        )

    def report(self, post_id: str, reason: str = "unkind") -> Any:
        p = self.p
        blob = p.seal_report(bytes(self.admin.verify_key), post_id, reason)
        sig = p.sign(self.keys.write_key, p.report_message(self.keys.room_id, blob))
        return self.http.post(
            f"/v1/rooms/{self.room}/reports", json={"blob": p.b64e(blob), "sig": p.b64e(sig)}
        )

    def events(self, after: int = 0, limit: int | None = None) -> Any:
        params = {"after": str(after)} if limit is None else {"after": str(after), "limit": str(limit)}
        return self.http.get(f"/v1/rooms/{self.room}/events", params=params)

    def all_events(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        after = 0
        while True:
            page = self.events(after, 500).json()
            out += page["events"]
            after = page["next"]
            if not page["more"]:
                return out

    def close(self) -> None:
        self.http.close()
