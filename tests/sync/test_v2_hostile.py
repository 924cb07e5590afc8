"""A hostile server and a hostile member against version 2's rekeys: forged, replayed, reordered and
withheld. Real vaults and a real server process; a filtering proxy in front of it plays the server
that lies to one member."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import nacl.signing
import pytest
from test_v2_groups import Person, group_of, sync_all

from peerapp.sync import protocol, wire_v2
from peerapp.sync.errors import ServerRejected
from peerapp.sync.transport import Transport
from peerapp.sync.v2 import actions, room_keys
from peerapp.sync.v2.engine import upload
from support import servers
from support.servers import ServerProcess
from support.sync_tools import HostileServer

sqlite_server = servers.sqlite_server
Edit = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]


class LyingServer:
    """Forwards every request to the real server; `edit` rewrites the event pages it answers."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.edit: Edit = lambda events: events
        self.server = HostileServer(self.respond)
        self.url = self.server.url

    def respond(self, method: str, path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
        headers = {"Content-Type": "application/json"} if body else {}
        answer = httpx.request(
            method, self.upstream + path, content=body or None, headers=headers, timeout=30
        )
        content = answer.content
        if method == "GET" and "/events" in path and answer.status_code == 200:
            page = answer.json()
            page["events"] = self.edit(page["events"])
            content = json.dumps(page).encode()
        return answer.status_code, {"Content-Type": "application/json"}, content


@pytest.fixture
def lying(sqlite_server: ServerProcess) -> Iterator[LyingServer]:
    server = LyingServer(sqlite_server.url)
    yield server
    server.server.close()


def head(url: str, room: str) -> int:
    return int(httpx.get(f"{url}/v1/rooms/{room}/events", params={"after": 0, "limit": 1}).json()["head"])


def events(url: str, room: str) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    after = 0
    while True:
        page = httpx.get(f"{url}/v1/rooms/{room}/events", params={"after": after}).json()
        for event in page["events"]:
            out[event["seq"]] = event
            after = event["seq"]
        if not page["more"]:
            return out


def behind(person: Person, url: str) -> None:
    """Point a member's group at another server address (the lying proxy)."""
    person.service.conn.execute("UPDATE peer_group SET server_url = ? WHERE id = ?", (url, person.gid))


def remove(admin: Person, pseudonym: str, url: str) -> int:
    """Remove a member; the seq of the rekey event (the admin's first upload of the action)."""
    room = admin.state().room_id.hex()
    before = head(url, room)
    admin.service.remove_member(admin.gid, pseudonym)
    admin.sync()
    return before + 1


def test_a_forged_rekey_from_a_member_is_dropped_and_its_epoch_refused(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    ana, ben, cai = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben", "Cai"])
    sync_all([ana, ben, cai])
    state = cai.state()
    # Cai holds the epoch's keys but not the admin role: he signs a rekey with a key of his own.
    state.admin_key = nacl.signing.SigningKey.generate()
    out, epoch = actions.rekey(state, [state.names["ben"]])
    with Transport(sqlite_server.url) as link:
        upload(link, state, out.event_id, out.blob)
        sig = protocol.sign(state.admin_key, room_keys.epoch_message(state.room_id, 2, epoch.write_pub))
        with pytest.raises(ServerRejected) as refused:
            link.change_room(
                state.room_id.hex(), wire_v2.SetEpoch(epoch=2, write_pub=epoch.write_pub, sig=sig)
            )
        assert refused.value.code == "bad_signature"
    for person in (ana, ben):
        result = person.sync()
        assert result.discarded >= 1
        assert person.state().current == 1
    ben.say("still in")
    sync_all([ana, ben])
    assert ("Ben", "still in", True) in ana.texts()


def test_a_replayed_rekey_never_moves_a_member_back(
    tmp_path: Path, sqlite_server: ServerProcess, lying: LyingServer
) -> None:
    ana, ben, cai, dia = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben", "Cai", "Dia"])
    sync_all([ana, ben, cai, dia])
    first = remove(ana, "Cai", sqlite_server.url)
    ben.sync()
    assert ben.state().current == 2
    second = remove(ana, "Dia", sqlite_server.url)
    ana.say("in epoch three")
    ana.sync()
    room = ana.state().room_id.hex()
    old = events(sqlite_server.url, room)[first]
    # Ben's server serves the first rekey again in place of every event after it.
    behind(ben, lying.url)
    lying.edit = lambda page: [e if e["seq"] < second else {**old, "seq": e["seq"]} for e in page]
    ben.sync()
    assert ben.state().current == 2  # the second rekey was replaced, and the first does nothing again
    lying.edit = lambda page: page
    ben.service.conn.execute("UPDATE peer_group SET cursor = ? WHERE id = ?", (second - 1, ben.gid))
    ben.sync()
    assert ben.state().current == 3
    assert ("Ana", "in epoch three", True) in ben.texts()


def test_rekeys_served_in_reverse_order_still_bring_an_offline_member_up(
    tmp_path: Path, sqlite_server: ServerProcess, lying: LyingServer
) -> None:
    ana, ben, cai, dia = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben", "Cai", "Dia"])
    sync_all([ana, ben, cai, dia])
    first = remove(ana, "Cai", sqlite_server.url)
    ana.say("in epoch two")
    ana.sync()
    second = remove(ana, "Dia", sqlite_server.url)
    ana.say("in epoch three")
    ana.sync()
    room = ana.state().room_id.hex()
    stored = events(sqlite_server.url, room)
    swap = {first: stored[second], second: stored[first]}
    behind(ben, lying.url)
    lying.edit = lambda page: [{**swap[e["seq"]], "seq": e["seq"]} if e["seq"] in swap else e for e in page]
    ben.sync()
    assert ben.state().current == 3
    assert [t for _n, t, v in ben.texts() if v] == ["in epoch two", "in epoch three"]


def test_a_withheld_rekey_keeps_new_posts_waiting_until_it_is_served(
    tmp_path: Path, sqlite_server: ServerProcess, lying: LyingServer
) -> None:
    ana, ben, cai = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben", "Cai"])
    sync_all([ana, ben, cai])
    behind(ben, lying.url)
    rekey = remove(ana, "Cai", sqlite_server.url)
    ana.say("in epoch two")
    ana.sync()
    lying.edit = lambda page: [e for e in page if e["seq"] != rekey]
    ben.say("written in epoch one")
    result = ben.sync()
    # Ben cannot move on, nor be fooled: nothing new is shown, his post waits, nothing is lost.
    state = ben.state()
    assert state.current == 1 and state.waiting
    assert "in epoch two" not in [t for _n, t, _v in ben.texts()]
    assert result.sent == 0 and ben.service.feed(ben.gid)[0].status == "pending"
    lying.edit = lambda page: page
    result = ben.sync()
    assert ben.state().current == 2 and not ben.state().waiting
    assert ("Ana", "in epoch two", True) in ben.texts()
    assert result.sent == 1
    ana.sync()
    assert ("Ben", "written in epoch one", True) in ana.texts()


def test_a_post_stored_after_its_authors_removal_is_never_shown(
    tmp_path: Path, sqlite_server: ServerProcess, lying: LyingServer
) -> None:
    """The known window: a PUT checked against the old write key just before the rekey and stored
    after it (or a hostile server that stores it anyway). Members drop a removed member's event
    sequenced after the removal, though its epoch is one they hold."""
    ana, ben, cai = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben", "Cai"])
    sync_all([ana, ben, cai])
    late = actions.post(cai.state(), "slipped in late", 0, bytes(32))
    behind(ben, lying.url)
    remove(ana, "Cai", sqlite_server.url)
    ana.say("filler")
    ana.sync()
    filler = max(events(sqlite_server.url, ana.state().room_id.hex()))
    lying.edit = lambda page: [
        {**e, "id": late.event_id, "blob": protocol.b64e(late.blob)} if e["seq"] == filler else e
        for e in page
    ]
    result = ben.sync()
    assert result.discarded >= 1
    assert ben.state().current == 2
    assert "slipped in late" not in [t for _n, t, _v in ben.texts()]


def test_a_forged_grant_at_the_door_lets_nobody_in(tmp_path: Path, sqlite_server: ServerProcess) -> None:
    """In an approval group anyone holding the invite can write at the door; a grant or welcome not
    signed by the admin role gives a waiting joiner nothing, and the admins' real welcome still does."""
    ana, ben = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben"], approval=True)
    eve = ben.state()  # the invite's keys, as anyone holding it has them
    eve.admin_key = nacl.signing.SigningKey.generate()
    eve.enter(1, bytes(32))
    forged = [actions.grant(eve, eve.doors[-1])]
    me = ben.state().members.get(ben.state().me.id) or actions.Member(
        ben.state().me.id, "Ben", ben.state().me.sig_pub, ben.state().me.box_pub, 0, 0
    )
    forged.append(actions.welcome(eve, eve.doors[-1], me))
    with Transport(sqlite_server.url) as link:
        for out in forged:
            upload(link, eve, out.event_id, out.blob)
    result = ben.sync()
    assert result.discarded >= 2
    assert ben.state().current == 0
    ana.sync()
    ana.service.approve(ana.gid, "Ben")
    ana.sync()
    ben.sync()
    assert ben.state().current == 1
    assert ben.state().epochs[1].secret != bytes(32)


def test_a_join_hidden_from_the_admin_is_caught_and_the_group_says_so(
    tmp_path: Path, sqlite_server: ServerProcess, lying: LyingServer
) -> None:
    ana, ben, cai = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben", "Cai"])
    sync_all([ana, ben, cai])
    room = ana.state().room_id.hex()
    before = head(sqlite_server.url, room)
    # Eve joins; a server lying to the admin hides it from her, and shows it to Ben.
    eve = Person(tmp_path, "Eve")
    eve.gid = eve.service.join_group(ana.service.invite(ana.gid), "Eve").id
    eve.sync()
    hidden = set(range(before + 1, head(sqlite_server.url, room) + 1))
    assert hidden
    behind(ana, lying.url)
    lying.edit = lambda page: [e for e in page if e["seq"] not in hidden]
    cai.say("after Eve came in")  # Ana reads on past Eve's join without seeing it
    cai.sync()
    ana.sync()
    ben.sync()
    assert not ben.service.group(ben.gid).roster_warning
    # Ana removes Cai: the new key is sealed to the group she was shown, without Eve.
    remove(ana, "Cai", lying.url)
    ben.sync()
    assert ben.state().current == 1  # the new key is refused, not taken
    assert ben.service.group(ben.gid).roster_warning
    assert [g.roster_warning for g in ben.service.groups()] == [True]
    assert not ana.service.group(ana.gid).roster_warning
