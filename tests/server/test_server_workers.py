"""`--workers N` runs N real processes on one PostgreSQL, and SIGTERM lets a request in flight finish."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from support import ROOT
from support.servers import Room, ServerProcess, database_url, start_server, wait_until


class FlaggedServer(ServerProcess):
    """A ServerProcess with switches (--metrics) after its options; or no arguments at all."""

    def __init__(self, db_url: str, *flags: str, bare: bool = False, **options: object) -> None:
        super().__init__(db_url, options=options)
        self.flags = list(flags)
        self.bare = bare

    def command(self) -> list[str]:
        if self.bare:  # everything from the environment
            return [sys.executable, "-m", "peerapp.server"]
        return super().command() + self.flags


def children(pid: int) -> set[int]:
    """The live processes whose parent is `pid` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def requests_per_worker(url: str) -> dict[str, int]:
    text = httpx.get(url + "/metrics", timeout=30).text
    out = {}
    for line in text.splitlines():
        if line.startswith("peerapp_worker_requests_total{"):
            worker = line.split('worker="', 1)[1].split('"', 1)[0]
            out[worker] = int(float(line.rsplit(" ", 1)[1]))
    return out


def server_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


# --- N processes ---------------------------------------------------------------------------------


def test_three_workers_on_postgresql_are_three_processes_and_each_answers(tmp_path: Path) -> None:
    server = FlaggedServer(database_url(tmp_path, "postgresql"), "--metrics", workers=3)
    try:
        server.start()
        assert server.proc is not None
        supervisor = server.proc.pid
        workers = children(supervisor)
        assert len(workers) == 3
        # A new connection each time: the kernel spreads them over the workers' SO_REUSEPORT sockets.
        for _ in range(60):
            assert httpx.get(server.url + "/v1/health/ready", timeout=30).status_code == 200
        assert wait_until(lambda: set(requests_per_worker(server.url)) == {"0", "1", "2"})
        assert wait_until(lambda: min(requests_per_worker(server.url).values()) > 0), requests_per_worker(
            server.url
        )
        # They share one database: a room created through one worker is seen by all.
        room = Room(server.url)
        assert room.create().status_code == 201
        for i in range(9):
            room.post(f"post {i}")
        assert [e["seq"] for e in room.all_events()] == list(range(1, 10))
        room.close()

        # A worker that dies is started again; the server keeps answering meanwhile.
        victim = min(workers)
        os.kill(victim, signal.SIGKILL)
        assert wait_until(lambda: len(children(supervisor)) == 3 and victim not in children(supervisor))
        assert wait_until(lambda: httpx.get(server.url + "/v1/health/ready", timeout=30).status_code == 200)
        proc = server.proc
        server.stop()
        assert proc.returncode == 0, server.output
        assert not any(pid in children(supervisor) for pid in workers)
    finally:
        server.stop(kill=True)


def test_sqlite_refuses_more_than_one_worker_in_one_line(tmp_path: Path) -> None:
    db = "sqlite:///" + str(tmp_path / "server.db")
    for command in (
        [sys.executable, "-m", "peerapp.server", "--db", db, "--workers", "2", "--port", "0"],
        [sys.executable, "-m", "peerapp", "server", "--db", db, "--workers", "2", "--port", "0"],
    ):
        result = subprocess.run(
            command, capture_output=True, text=True, env=server_env(), timeout=60, check=False
        )
        assert result.returncode == 1, result
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "PostgreSQL" in lines[0] and "Traceback" not in result.stderr, (
            result.stderr
        )
        assert not (tmp_path / "server.db").exists()  # refused before anything was opened


# --- SIGTERM -------------------------------------------------------------------------------------


def start_slow_put(server: ServerProcess, room: Room) -> tuple[socket.socket, bytes, str, bytes]:
    """A PUT whose headers are sent and whose body is not: the handler is waiting for the body once
    the server answers "100 Continue" (uvicorn sends it when the app first reads the body)."""
    post_id, blob, secret = room.seal("sent during shutdown")
    body = json.dumps(room.put_body(post_id, blob, secret)).encode()
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=30)
    head = (
        f"PUT /v1/rooms/{room.room}/posts/{post_id} HTTP/1.1\r\nhost: 127.0.0.1\r\n"
        f"content-type: application/json\r\ncontent-length: {len(body)}\r\nexpect: 100-continue\r\n\r\n"
    )
    sock.sendall(head.encode())
    answer = sock.recv(100)
    assert answer.startswith(b"HTTP/1.1 100 Continue"), answer
    return sock, body, post_id, secret


def refuses_connections(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
    except OSError:
        return True
    return False


def read_response(sock: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


@pytest.mark.parametrize(("backend", "workers"), [("sqlite", 1), ("postgresql", 1), ("postgresql", 2)])
def test_sigterm_lets_the_request_in_flight_finish_then_exits_0(
    tmp_path: Path, backend: str, workers: int
) -> None:
    server = start_server(tmp_path, backend, workers=workers)
    try:
        room = Room(server.url)
        assert room.create().status_code == 201
        kept = [room.post(f"before {i}") for i in range(3)]
        sock, body, post_id, _secret = start_slow_put(server, room)
        proc = server.proc
        assert proc is not None
        proc.send_signal(signal.SIGTERM)
        # The listening sockets close at once: nobody new gets in while the old request finishes.
        assert wait_until(lambda: refuses_connections(server.port))
        assert proc.poll() is None  # still waiting for our request
        sock.sendall(body)
        answer = read_response(sock)
        sock.close()
        assert answer.startswith(b"HTTP/1.1 200"), answer
        assert json.loads(answer.split(b"\r\n\r\n", 1)[1]) == {"seq": 4}
        assert proc.wait(60) == 0, server.output
        assert "Traceback" not in server.output, server.output
        # Nothing half-written: the same database serves every post, the last one included, no gap.
        server.proc = None
        server.options.pop("workers")
        server.start()
        events = room.all_events()
        assert [e["seq"] for e in events] == [1, 2, 3, 4]
        assert [e["id"] for e in events] == [p[0] for p in kept] + [post_id]
        assert room.post("after the restart")[1] == 5
        room.close()
    finally:
        server.stop()


def test_sigterm_with_nothing_in_flight_exits_0_at_once(tmp_path: Path) -> None:
    server = start_server(tmp_path, "sqlite")
    proc = server.proc
    assert proc is not None
    server.stop()
    assert proc.returncode == 0, server.output


# --- settings from the environment ---------------------------------------------------------------


def run_env(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "peerapp.server", *args],
        capture_output=True,
        text=True,
        env={**server_env(), **env},
        timeout=60,
        check=False,
    )


def test_the_environment_configures_the_server_and_the_command_line_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {
        "PEERAPP_DB": database_url(tmp_path, "postgresql"),
        "PEERAPP_HOST": "127.0.0.1",
        "PEERAPP_PORT": "0",
        "PEERAPP_WORKERS": "2",
        "PEERAPP_METRICS": "yes",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    server = FlaggedServer("unused", bare=True)
    try:
        server.start()
        assert server.proc is not None and len(children(server.proc.pid)) == 2
        assert httpx.get(server.url + "/metrics", timeout=30).status_code == 200
        room = Room(server.url)
        assert room.create().status_code == 201
        room.close()
    finally:
        server.stop()
    sqlite = {"PEERAPP_DB": "sqlite:///" + str(tmp_path / "s.db"), "PEERAPP_PORT": "-1"}
    # From the environment alone: two workers on SQLite, refused in one line.
    refused = run_env(sqlite)
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1, refused
    # The command line wins: --workers 1 and --port 0 over PEERAPP_WORKERS=2 and PEERAPP_PORT=-1.
    for key, value in sqlite.items():
        monkeypatch.setenv(key, value)
    winner = FlaggedServer("unused", bare=True)
    winner.command = lambda: [sys.executable, "-m", "peerapp.server", "--workers", "1", "--port", "0"]  # type: ignore[method-assign]
    try:
        winner.start()
        assert httpx.get(winner.url + "/v1/health/ready", timeout=30).status_code == 200
        assert winner.proc is not None and not children(winner.proc.pid)
    finally:
        winner.stop()
    # A flag's text that is neither yes nor no is one clear line, not a silent default.
    bad_flag = run_env({"PEERAPP_METRICS": "maybe", "PEERAPP_WORKERS": "1", "PEERAPP_PORT": "0"})
    assert bad_flag.returncode == 1 and "PEERAPP_METRICS" in bad_flag.stderr, bad_flag
    assert len(bad_flag.stderr.strip().splitlines()) == 1 and "Traceback" not in bad_flag.stderr
    # --skip-seqs is never read from the environment: every restart would skip again.
    from peerapp.server import run

    assert "skip_seqs" in run.NOT_FROM_ENV
    help_text = run_env({"PEERAPP_SKIP_SEQS": "5"}, "--help")
    assert help_text.returncode == 0 and "PEERAPP_DB" in help_text.stdout


def test_ctrl_c_on_a_terminal_stops_the_supervisor_and_its_workers_cleanly(tmp_path: Path) -> None:
    """Ctrl+C reaches the whole process group: supervisor and workers each get SIGINT."""
    command = ServerProcess(database_url(tmp_path, "postgresql"), options={"workers": 2}).command()
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=server_env(),
        start_new_session=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().startswith("listening on ")
        os.killpg(proc.pid, signal.SIGINT)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
