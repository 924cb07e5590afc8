"""Test tools for the group client: vault-backed services, a loopback HTTP proxy that can misbehave,
and a hostile HTTP server that serves crafted answers. Everything listens on 127.0.0.1 only."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peerapp.core.keyslot import FAST_KDF
from peerapp.core.vault import Vault
from peerapp.sync import protocol
from peerapp.sync.service import GroupService
from peerapp.sync.store import GroupRecord
from support import PASSPHRASE


def new_vault(folder: Path) -> Vault:
    """A fresh, real, unlocked vault in `folder` (cheap KDF)."""
    vault = Vault(folder, kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    return vault


def new_service(folder: Path) -> GroupService:
    """A GroupService over a fresh vault in `folder`."""
    return GroupService(new_vault(folder).connect())


def record(service: GroupService, group_id: int) -> GroupRecord:
    return service.store.record(group_id)


def sealed_event(keys: protocol.GroupKeys, seq: int, *, text: str = "hello", reply_to: str | None = None,
                 post_id: str | None = None, secret: bytes | None = None, author: str = "Someone",
                 kind: str = "post") -> dict[str, Any]:  # fmt: skip
    """A valid post (or, with kind="reaction", reaction) event for a page, as a real server would list it."""
    post_id = post_id or protocol.new_post_id()
    secret = secret or protocol.new_delete_secret()
    value = protocol.post_plaintext(
        kind=kind, author=author, body=text, delete_hash=protocol.delete_hash(secret), at=1_700_000_400,
        reply_to=reply_to,
    )  # fmt: skip
    return {
        "seq": seq,
        "type": "post",
        "id": post_id,
        "blob": protocol.b64e(protocol.seal_post(keys, post_id, value)),
    }


def put_payload(keys: protocol.GroupKeys, post_id: str, blob: bytes, secret: bytes) -> dict[str, str]:
    dhash = protocol.delete_hash(secret)
    sig = protocol.sign(keys.write_key, protocol.put_message(keys.room_id, post_id, blob, dhash))
    return {"blob": protocol.b64e(blob), "delete_hash": protocol.b64e(dhash), "sig": protocol.b64e(sig)}


# --- a loopback HTTP/1.1 proxy ------------------------------------------------------------


@dataclass
class Exchange:
    request_line: str
    headers: dict[str, str]  # lower-case names
    body: bytes


def _read_message(sock: socket.socket, buffer: bytearray) -> tuple[bytes, bytes] | None:
    """One HTTP/1.1 message (head, body) with a Content-Length body; None when the peer closed."""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buffer.extend(chunk)
    end = buffer.index(b"\r\n\r\n") + 4
    head = bytes(buffer[:end])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(buffer) < end + length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buffer.extend(chunk)
    body = bytes(buffer[end : end + length])
    del buffer[: end + length]
    return head, body


def _parse_head(head: bytes) -> tuple[str, dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if ":" in line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    return lines[0], headers


# What to do with one exchange: "forward", "drop" (send the request, swallow the answer and hang
# up: the server committed but the client never hears), or "truncate" (half the answer, then hang up).
Decide = Callable[[Exchange], str]


class LoopbackProxy:
    """Forwards HTTP/1.1 between a client and `target`, recording requests; `decide` can misbehave."""

    def __init__(self, target_port: int, decide: Decide | None = None, set_cookie: bool = False) -> None:
        self.target_port = target_port
        self.decide = decide or (lambda _e: "forward")
        self.set_cookie = set_cookie
        self.requests: list[Exchange] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._closed = True
        self.listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.target_port))
        cbuf, ubuf = bytearray(), bytearray()
        try:
            while True:
                request = _read_message(client, cbuf)
                if request is None:
                    return
                line, headers = _parse_head(request[0])
                exchange = Exchange(line, headers, request[1])
                self.requests.append(exchange)
                action = self.decide(exchange)
                upstream.sendall(request[0] + request[1])
                response = _read_message(upstream, ubuf)
                if response is None or action == "drop":
                    return
                head, body = response
                if self.set_cookie:
                    head = head[:-2] + b"Set-Cookie: tracker=abc123; Path=/\r\n\r\n"
                if action == "truncate":
                    client.sendall(head + body[: len(body) // 2])
                    return
                client.sendall(head + body)
        except OSError:
            return
        finally:
            client.close()
            upstream.close()


# --- a hostile server -------------------------------------------------------------------------

Responder = Callable[[str, str, bytes], tuple[int, dict[str, str], bytes]]


@dataclass
class HostileServer:
    """An http.server on loopback answering every request with `respond(method, path, body)`."""

    respond: Responder
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                outer.requests.append(
                    (self.command, self.path, {k.lower(): v for k, v in self.headers.items()})
                )
                status, headers, payload = outer.respond(self.command, self.path, body)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if "content-length" not in {k.lower() for k in headers}:
                    self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                try:
                    self.wfile.write(payload)
                except OSError:
                    pass

            do_GET = do_PUT = do_POST = do_DELETE = _any  # noqa: N815

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def json_reply(data: object, status: int = 200, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:  # fmt: skip
    return status, {"Content-Type": "application/json", **(headers or {})}, json.dumps(data).encode()


# --- a server that answers as slowly as it can ---------------------------------------------


class TrickleServer:
    """Answers every request by dribbling bytes: the body one byte at a time ("body"), or the
    status line and headers themselves ("headers"), each byte `interval` seconds apart.

    A real socket server on loopback, so the client's own timeouts and deadline are what stop it.
    """

    def __init__(self, mode: str = "body", interval: float = 0.05, body_size: int = 100_000) -> None:
        self.mode = mode
        self.interval = interval
        self.body_size = body_size
        self.requests: list[str] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self._closed = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._closed.set()
        try:
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        with client:
            request = _read_message(client, bytearray())
            if request is None:
                return
            self.requests.append(_parse_head(request[0])[0])
            body = b'{"events": [], "next": 0, "more": false, "pad": "' + b"x" * self.body_size + b'"}'
            head = (
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n"
            )
            if self.mode == "body":
                client.sendall(head)
                dribble = body
            else:
                dribble = head + body
            for i in range(len(dribble)):
                if self._closed.wait(self.interval):
                    return
                try:
                    client.sendall(dribble[i : i + 1])
                except OSError:
                    return  # the client gave up: what the test wants
