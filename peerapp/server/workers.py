"""`--workers N`: a small supervisor that runs N server processes on one port and one PostgreSQL.

Each worker is `python -m peerapp.server.workers`, given its settings as JSON on standard input (not
on the command line, where `ps` would show a database password to every user). On Linux every
worker listens on its own SO_REUSEPORT socket, so the kernel spreads new connections over them;
elsewhere they share the supervisor's socket. The supervisor opens the database once before the
workers start (migrations, --skip-seqs), prints "listening on" when all of them answer, restarts a
worker that dies, and on SIGTERM or SIGINT passes SIGTERM on and waits for every in-flight request.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from peerapp.core.errors import PeerappError
from peerapp.core.i18n import QT_TRANSLATE_NOOP
from peerapp.server import logs
from peerapp.server.config import ServerConfig

log = logging.getLogger("peerapp.server")

START_TIMEOUT = 60.0
RESTARTS_PER_MINUTE = 5  # a worker that keeps dying is a broken setup, not bad luck: stop then
REUSE_PORT = sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")
ROOT = Path(__file__).resolve().parent.parent.parent


class WorkersFailed(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "A server process stopped with an error; the log above says which and why."
    )


def bind(host: str, port: int, *, reuse_port: bool, listen: bool = True) -> socket.socket:
    """A TCP socket bound to host:port (inheritable), listening unless `listen` is false."""
    from peerapp.server.run import ServerStartFailed

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY on accepted sockets only when proto says TCP,
    # and without it every response (headers, then body) waits out the client's delayed ACK (~40 ms).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
        if listen:
            sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise ServerStartFailed(f"{host}:{port}: {exc.strerror}") from exc
    sock.set_inheritable(True)
    return sock


class Worker:
    """One child process and the thread that reads its standard output."""

    def __init__(self, index: int, config: ServerConfig, fd: int | None) -> None:
        self.index = index
        self.ready = threading.Event()
        env = dict(os.environ)
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "peerapp.server.workers"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            pass_fds=(fd,) if fd is not None else (),
        )
        assert self.proc.stdin is not None
        settings = {"config": dataclasses.asdict(config), "fd": fd, "parent": os.getpid()}
        self.proc.stdin.write(json.dumps(settings))
        self.proc.stdin.close()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("listening on "):
                self.ready.set()
            else:
                sys.stdout.write(line)
                sys.stdout.flush()
        self.ready.set()  # ended: whoever waits looks at the exit code

    def alive(self) -> bool:
        return self.proc.poll() is None

    def signal(self, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.send_signal(sig)


def prepare(config: ServerConfig) -> int | None:
    """Open the database once: migrations and --skip-seqs run here, not N times in parallel."""
    from peerapp.server.run import ServerStartFailed
    from peerapp.server.storage import open_store

    async def run() -> int | None:
        store = open_store(config.db)
        try:
            await store.open()
            return await store.skip_seqs(config.skip_seqs) if config.skip_seqs else None
        finally:
            await store.close()

    try:
        return asyncio.run(run())
    except Exception as exc:  # every driver has its own errors; all mean "cannot start"
        raise ServerStartFailed(type(exc).__name__) from exc


def supervise(config: ServerConfig) -> None:
    """Run config.workers processes until SIGTERM or SIGINT; raise ServerStartFailed or WorkersFailed."""
    logs.setup("main")
    stop: list[int] = []

    def on_signal(sig: int, _frame: object) -> None:
        stop.append(sig)

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    folder = tempfile.mkdtemp(prefix="peerapp-metrics-") if config.metrics else ""
    try:
        _supervise(config, folder, stop)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


def _supervise(config: ServerConfig, folder: str, stop: list[int]) -> None:
    from peerapp.server.run import ServerStartFailed

    # Hold the port for the whole run (and learn it, for port 0). With SO_REUSEPORT this socket is
    # bound but never listens, so the kernel hands it no connection; the workers bind their own.
    held = bind(config.host, config.port, reuse_port=REUSE_PORT, listen=not REUSE_PORT)
    port = held.getsockname()[1]
    try:
        skipped = prepare(config)
        if skipped is not None:
            print(f"skipped {config.skip_seqs} seqs in {skipped} rooms", flush=True)
        child = dataclasses.replace(config, port=port, workers=1, skip_seqs=0, metrics_dir=folder)
        fd = None if REUSE_PORT else held.fileno()

        def start(index: int) -> Worker:
            return Worker(index, dataclasses.replace(child, worker=index), fd)

        workers = [start(index) for index in range(config.workers)]
        deadline = time.monotonic() + START_TIMEOUT
        for worker in workers:
            worker.ready.wait(max(0.0, deadline - time.monotonic()))
        if stop or not all(w.alive() and w.ready.is_set() for w in workers):
            failed = not stop
            _stop(workers, config.graceful_timeout)
            if failed:
                raise ServerStartFailed("workers")
            return
        host = f"[{config.host}]" if ":" in config.host else config.host
        print(f"listening on http://{host}:{port}", flush=True)
        restarts: list[float] = []
        while not stop:
            time.sleep(0.2)
            for index, worker in enumerate(workers):
                if worker.alive() or stop:
                    continue
                code = worker.proc.returncode
                now = time.monotonic()
                restarts = [t for t in restarts if now - t < 60] + [now]
                log.error("worker %d exited with %s; starting it again", index, code)
                if len(restarts) > RESTARTS_PER_MINUTE:
                    _stop(workers, config.graceful_timeout)
                    raise WorkersFailed(f"worker {index}: {code}")
                workers[index] = start(index)
        log.info("stopping: waiting for in-flight requests")
        # Killed by our own SIGTERM is a clean end too: a worker still starting had no handler yet,
        # and so no request either.
        codes = [c for c in _stop(workers, config.graceful_timeout) if c not in (0, -signal.SIGTERM)]
        if codes:
            raise WorkersFailed(", ".join(str(c) for c in codes))
        log.info("stopped")
    finally:
        held.close()


def _stop(workers: list[Worker], graceful: float) -> list[int]:
    """SIGTERM every worker, wait for their in-flight requests, then SIGKILL any left; exit codes."""
    for worker in workers:
        if worker.alive():
            worker.signal(signal.SIGTERM)
    deadline = time.monotonic() + graceful + 10.0
    codes = []
    for worker in workers:
        try:
            codes.append(worker.proc.wait(max(0.1, deadline - time.monotonic())))
        except subprocess.TimeoutExpired:
            worker.signal(signal.SIGKILL)
            codes.append(worker.proc.wait())
        worker.reader.join(5)
    return codes


def _die_with_parent() -> None:
    """On Linux, ask for SIGTERM when the supervisor dies, so a killed supervisor leaves no workers."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def worker_main() -> int:
    """A worker: its settings from standard input, its socket its own (SO_REUSEPORT) or inherited."""
    from peerapp.server import run

    # Ctrl+C in a terminal reaches the whole process group; the supervisor answers it by sending
    # SIGTERM, so a worker ignores SIGINT itself (uvicorn still drains on it and hands it back here).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    data: dict[str, Any] = json.loads(sys.stdin.read())
    _die_with_parent()
    if os.getppid() != data.get("parent"):  # the supervisor died before the request above took effect
        return 1
    config = ServerConfig(**data["config"])
    fd = data.get("fd")
    if fd is None:
        sock = bind(config.host, config.port, reuse_port=True)
    else:
        sock = socket.socket(fileno=int(fd))
    try:
        run.serve_socket(config, sock)
    except PeerappError as exc:
        print(exc.user_message(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # importing the module (e.g. to walk the package) must not start a worker
    sys.exit(worker_main())
