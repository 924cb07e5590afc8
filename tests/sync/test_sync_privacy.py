"""What the server and the network see: no plaintext stored, no cookies, no identifying headers."""

from __future__ import annotations

from pathlib import Path

from peerapp.sync.transport import Transport
from support import servers
from support.servers import ServerProcess
from support.sync_tools import LoopbackProxy, new_service

SECRET_TEXT = "my sister's name is Layla and I feel hopeless"
PSEUDONYM = "Velvet Heron"
GROUP_NAME = "Thursday circle"

sqlite_server = servers.sqlite_server


def _server_files(server: ServerProcess) -> bytes:
    path = Path(server.db_url.removeprefix("sqlite:///"))
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def test_the_server_database_holds_no_plaintext(tmp_path: Path, sqlite_server: ServerProcess) -> None:
    alice, bob = new_service(tmp_path / "a"), new_service(tmp_path / "b")
    group, invite = alice.create_group_v1(sqlite_server.url, GROUP_NAME, PSEUDONYM)
    first = alice.post(group.id, SECRET_TEXT, content_warning="hopelessness")
    gb = bob.join_group(invite, "Calm River").id
    alice.sync(group.id)
    bob.sync(gb)
    bob.post(gb, "answer about " + SECRET_TEXT, reply_to=first.id)
    bob.report_post(gb, first.id, "reported for " + SECRET_TEXT)
    bob.sync(gb)
    assert [p.text for p in bob.feed(gb)] == [SECRET_TEXT]  # it did travel
    stored = _server_files(sqlite_server)
    assert len(stored) > 0
    for needle in (SECRET_TEXT, "Layla", PSEUDONYM, "Calm River", GROUP_NAME, "hopelessness", "reported for"):
        for encoded in (needle.encode(), needle.encode("utf-16-le")):
            assert encoded not in stored, needle


def test_no_cookies_and_the_same_headers_from_every_member(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    proxy = LoopbackProxy(sqlite_server.port, set_cookie=True)  # every answer sets a tracking cookie
    headers_by_member = []
    for name in ("one", "two"):
        member = new_service(tmp_path / name)
        group, _ = member.create_group_v1(sqlite_server.url, f"Group {name}", f"Person {name}")
        member.post(group.id, f"hello from {name}")
        first = len(proxy.requests)
        member.sync(group.id, transport=Transport(proxy.url))
        member.post(group.id, "second")
        member.sync(group.id, transport=Transport(proxy.url))
        seen = proxy.requests[first:]
        assert len(seen) == 5  # create, put, events; put, events
        assert all("cookie" not in r.headers for r in seen)
        by_method = {}
        for r in seen:
            method = r.request_line.split()[0]
            by_method.setdefault(method, set()).add(
                tuple(sorted((k, v) for k, v in r.headers.items() if k != "content-length"))
            )
        headers_by_member.append(by_method)
    one, two = headers_by_member
    assert one == two
    for method, variants in one.items():
        assert len(variants) == 1, method  # nothing changes from one request to the next
        names = {k for k, _v in next(iter(variants))}
        assert dict(next(iter(variants)))["user-agent"] == "peerapp"
        assert names <= {"host", "user-agent", "accept", "accept-encoding", "connection", "content-type"}
