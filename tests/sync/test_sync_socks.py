"""Group traffic through a real SOCKS5 proxy on loopback, as with Tor: nothing goes around it."""

from __future__ import annotations

import socket
import struct
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from peerapp.sync.errors import ServerUnavailable
from support.servers import ServerProcess, sqlite_server  # noqa: F401
from support.sync_tools import new_service

# The proxy runs in this process's threads, named with this prefix, so the connections it makes
# on the client's behalf can be told apart from the client's own.
PROXY_THREAD = "socks5-proxy"


class Socks5Proxy:
    """A minimal SOCKS5 server (RFC 1928 CONNECT; no authentication or RFC 1929 user names, as Tor
    accepts) that records the targets and the user name of each connection."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.targets: list[tuple[str, int]] = []
        self.users: list[str] = []
        threading.Thread(target=self._serve, name=PROXY_THREAD + "-accept", daemon=True).start()

    @property
    def url(self) -> str:
        return f"socks5h://127.0.0.1:{self.port}"

    def close(self) -> None:
        try:  # wakes the accept() in the serving thread; close() alone would leave it listening
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(
                target=self._handle, args=(client,), name=PROXY_THREAD + "-handle", daemon=True
            ).start()

    def _handle(self, client: socket.socket) -> None:
        with client:
            version, n_methods = _read(client, 2)
            methods = _read(client, n_methods)
            if version != 5 or not {0, 2} & set(methods):
                client.sendall(b"\x05\xff")
                return
            if 2 in methods:  # user name and password; Tor takes any and isolates circuits by them
                client.sendall(b"\x05\x02")
                _auth_version, name_len = _read(client, 2)
                user = _read(client, name_len).decode()
                _read(client, _read(client, 1)[0])
                self.users.append(user)
                client.sendall(b"\x01\x00")
            else:
                self.users.append("")
                client.sendall(b"\x05\x00")
            _ver, command, _rsv, kind = _read(client, 4)
            if kind == 3:  # a host name: socks5h lets the proxy resolve it, as Tor must
                host = _read(client, _read(client, 1)[0]).decode()
            elif kind == 1:
                host = socket.inet_ntoa(_read(client, 4))
            else:
                client.sendall(b"\x05\x08\x00\x01" + bytes(6))
                return
            (port,) = struct.unpack(">H", _read(client, 2))
            self.targets.append((host, port))
            if command != 1:
                client.sendall(b"\x05\x07\x00\x01" + bytes(6))
                return
            upstream = socket.create_connection((host, port))
            client.sendall(b"\x05\x00\x00\x01" + bytes(6))
            _pipe(client, upstream)


def _read(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def _pipe(a: socket.socket, b: socket.socket) -> None:
    def copy(src: socket.socket, dst: socket.socket) -> None:
        try:
            while chunk := src.recv(65536):
                dst.sendall(chunk)
        except OSError:
            pass
        finally:
            dst.close()

    other = threading.Thread(target=copy, args=(b, a), name=PROXY_THREAD + "-pipe", daemon=True)
    other.start()
    copy(a, b)
    other.join(5)


@pytest.fixture
def socks() -> Iterator[Socks5Proxy]:
    proxy = Socks5Proxy()
    yield proxy
    proxy.close()


@dataclass(frozen=True)
class Connect:
    host: str
    port: int
    by_proxy: bool  # made by the proxy's own threads (its upstream connections)


@pytest.fixture
def connections() -> Iterator[list[Connect]]:
    """Every TCP connect this process makes, and which thread made it, seen by an audit hook
    (hooks cannot be removed)."""
    seen: list[Connect] = []
    active = [True]

    def hook(event: str, args: tuple[object, ...]) -> None:
        if active[0] and event == "socket.connect" and isinstance(args[1], tuple):
            by_proxy = threading.current_thread().name.startswith(PROXY_THREAD)
            seen.append(Connect(str(args[1][0]), int(args[1][1]), by_proxy))

    sys.addaudithook(hook)
    yield seen
    active[0] = False


def from_the_client(connections: list[Connect]) -> set[tuple[str, int]]:
    return {(c.host, c.port) for c in connections if not c.by_proxy}


def test_sync_goes_through_the_socks5_proxy_and_nowhere_else(
    tmp_path: Path,
    sqlite_server: ServerProcess,  # noqa: F811
    socks: Socks5Proxy,
    connections: list[Connect],
) -> None:
    alice, bob = new_service(tmp_path / "a"), new_service(tmp_path / "b")
    # "localhost" rather than an address: with socks5h the proxy, not this machine, resolves it.
    url = sqlite_server.url.replace("127.0.0.1", "localhost")
    group, invite = alice.create_group_v1(url, "Circle", "Quiet River")
    gb = bob.join_group(invite, "Calm Hill").id
    for member in (alice, bob):
        member.set_proxy(socks.url)
    alice.post(group.id, "through the proxy")
    connections.clear()
    alice.sync(group.id)
    bob.sync(gb)
    assert [p.text for p in bob.feed(gb)] == ["through the proxy"]
    # The proxy was asked for the server by name; the client connected to the proxy and nowhere
    # else (a request sent straight to the server, even to 127.0.0.1, would show up here); only
    # the proxy's own threads connected to the server.
    assert socks.targets and set(socks.targets) == {("localhost", sqlite_server.port)}
    assert from_the_client(connections) == {("127.0.0.1", socks.port)}
    assert {c.port for c in connections if c.by_proxy} == {sqlite_server.port}


def test_each_group_sync_gets_its_own_socks_user_name_for_tor_circuit_isolation(
    tmp_path: Path,
    sqlite_server: ServerProcess,  # noqa: F811
    socks: Socks5Proxy,
) -> None:
    member = new_service(tmp_path / "a")
    member.set_proxy(socks.url)
    first, _ = member.create_group_v1(sqlite_server.url, "First", "Quiet River")
    second, _ = member.create_group_v1(sqlite_server.url, "Second", "Calm Hill")
    member.post(first.id, "one")
    member.post(second.id, "two")
    member.sync(first.id)
    seen_first = set(socks.users)
    member.sync(second.id)
    seen_second = set(socks.users) - seen_first
    # Tor gives different SOCKS credentials different circuits: the two groups never share one.
    assert len(seen_first) == 1 and len(seen_second) == 1
    assert "" not in seen_first | seen_second
    # A user's own proxy credentials are kept as they are.
    socks.users.clear()
    member.set_proxy(socks.url.replace("//", "//me:secret@"))
    member.post(first.id, "three")
    member.sync(first.id)
    assert set(socks.users) == {"me"}


def test_a_dead_proxy_means_no_sync_not_a_direct_connection(
    tmp_path: Path,
    sqlite_server: ServerProcess,  # noqa: F811
    socks: Socks5Proxy,
    connections: list[Connect],
) -> None:
    alice = new_service(tmp_path / "a")
    group, _ = alice.create_group_v1(sqlite_server.url, "Circle", "Quiet River")
    alice.set_proxy(socks.url)
    socks.close()  # Tor is not running
    alice.post(group.id, "waits for the proxy")
    connections.clear()
    with pytest.raises(ServerUnavailable):
        alice.sync(group.id)
    assert from_the_client(connections) == {("127.0.0.1", socks.port)}
    assert [p.status for p in alice.feed(group.id)] == ["pending"]
