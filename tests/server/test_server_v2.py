"""Protocol version 2 against real server processes (SQLite and PostgreSQL): three members and an
admin; removal that locks the door at the server; replayed and forged key changes; invites that
expire and reset; and a version-1 room that upgrades."""

from __future__ import annotations

import time
from typing import Any

import httpx
import nacl.signing

from peerapp.sync import protocol
from peerapp.sync.v2 import actions
from peerapp.sync.v2.keys import DoorKeys, MemberKeys, new_secret
from peerapp.sync.v2.room_keys import door_message, epoch_message, upgrade_message
from peerapp.sync.v2.state import GroupState
from support.servers import Room, ServerProcess, any_server  # noqa: F401
from support.v2_client import Member, create, join


def code(answer: httpx.Response) -> tuple[int, str]:
    return answer.status_code, answer.json()["error"]["code"] if answer.status_code >= 400 else ""


def test_removed_member_can_neither_write_nor_read_and_others_continue(
    any_server: ServerProcess,  # noqa: F811
) -> None:
    alice, _door = create(any_server.url)
    bob = join(any_server.url, alice, "Bob")
    carol = join(any_server.url, alice, "Carol")
    for member in (alice, bob, carol):
        member.pull()
    carol.say("before")
    alice.pull()
    assert ("Carol", "before") in alice.texts()
    assert code(alice.move_epoch([carol.state.me.id])) == (200, "")
    bob.pull()
    carol.pull()
    assert bob.state.current == 2 and carol.state.current == 1 and carol.state.removed_me
    # The server refuses Carol's uploads under the old epoch's key.
    stale = carol.upload(actions.post(carol.state, "still here?", 0, bytes(32)))
    assert code(stale) == (409, "stale_epoch")
    bob.say("after")
    alice.pull()
    carol.pull()
    assert ("Bob", "after") in alice.texts()
    assert all(text != "after" for _, text in carol.texts())
    # The same change again, or one not signed by the admin role, is refused.
    keys = alice.state.keys()
    replay = {
        "epoch": 2,
        "write_pub": protocol.b64e(keys.write_pub),
        "sig": protocol.b64e(
            protocol.sign(alice.state.admin_key, epoch_message(alice.state.room_id, 2, keys.write_pub))
        ),
    }
    assert code(alice.change("epoch", replay)) == (409, "stale_epoch")
    forged_key = nacl.signing.SigningKey.generate()
    forged = {
        "epoch": 3,
        "write_pub": protocol.b64e(bytes(32)),
        "sig": protocol.b64e(protocol.sign(forged_key, epoch_message(alice.state.room_id, 3, bytes(32)))),
    }
    assert code(carol.change("epoch", forged)) == (403, "bad_signature")
    state = httpx.get(f"{any_server.url}/v2/rooms/{alice.room}", timeout=30).json()
    assert state == {"version": 2, "epoch": 2, "admin_generation": 1, "door_generation": 1}


def _set_door(alice: Member, generation: int, door: DoorKeys, expires: int) -> httpx.Response:
    assert alice.state.admin_key is not None
    message = door_message(alice.state.room_id, generation, door.write_pub, expires)
    sig = protocol.b64e(protocol.sign(alice.state.admin_key, message))
    body = {
        "generation": generation,
        "door_pub": protocol.b64e(door.write_pub),
        "door_expires": expires,
        "sig": sig,
    }
    answer: httpx.Response = alice.change("door", body)
    return answer


def test_an_expired_or_replaced_door_is_closed(any_server: ServerProcess) -> None:  # noqa: F811
    today = int(time.time() // 86400)
    alice, door = create(any_server.url, door_expires=today + 30)
    joiner = MemberKeys.generate()
    room, admin_pub = alice.state.room_id, alice.state.admin_pub
    assert (
        alice.upload(actions.knock(room, admin_pub, door, joiner, "Erin"), door.write_key).status_code == 200
    )
    # The admin resets the invite: the old door's key no longer signs anything the server takes.
    fresh = DoorKeys.from_secret(new_secret())
    assert code(_set_door(alice, 2, fresh, today + 30)) == (200, "")
    assert code(alice.upload(actions.knock(room, admin_pub, door, joiner, "Erin"), door.write_key)) == (
        403,
        "bad_signature",
    )
    assert (
        alice.upload(actions.knock(room, admin_pub, fresh, joiner, "Erin"), fresh.write_key).status_code
        == 200
    )
    # Replaying that reset is refused; a door whose day has passed takes no knock.
    assert code(_set_door(alice, 2, fresh, today + 30)) == (409, "stale_epoch")
    expired = DoorKeys.from_secret(new_secret())
    assert code(_set_door(alice, 3, expired, today - 1)) == (200, "")
    knock = actions.knock(room, admin_pub, expired, joiner, "Erin")
    assert code(alice.upload(knock, expired.write_key)) == (403, "invite_expired")


def test_a_version_1_room_upgrades_and_refuses_version_1_uploads(any_server: ServerProcess) -> None:  # noqa: F811
    v1 = Room(any_server.url)
    assert v1.create().status_code == 201
    v1.post("an old post")
    admin: nacl.signing.SigningKey = v1.admin
    state = GroupState(v1.keys.room_id, b"", MemberKeys.generate())
    new_admin = nacl.signing.SigningKey.generate()
    state.admin_pub, state.admin_key = bytes(new_admin.verify_key), new_admin
    state.enter(1, new_secret())
    door = DoorKeys.from_secret(new_secret())
    state.doors.append(door)
    keys = state.keys()
    message = upgrade_message(v1.keys.room_id, keys.write_pub, state.admin_pub, door.write_pub, 0)
    body: dict[str, Any] = {
        "write_pub": protocol.b64e(keys.write_pub),
        "admin_pub": protocol.b64e(state.admin_pub),
        "door_pub": protocol.b64e(door.write_pub),
        "door_expires": 0,
        "sig": protocol.b64e(protocol.sign(admin, message)),
    }
    url = f"{any_server.url}/v2/rooms/{v1.room}/upgrade"
    assert httpx.post(url, json=body, timeout=30).status_code == 200
    assert code(httpx.post(url, json=body, timeout=30)) == (409, "stale_epoch")  # only once
    post_id, blob, secret = v1.seal("after the upgrade")
    assert code(v1.put(post_id, blob, secret)) == (403, "upgraded")
    member = Member(any_server.url, state)
    member.send(actions.join(state, "Alice"))
    member.say("the first v2 post")
    member.pull()
    assert ("Alice", "the first v2 post") in member.texts()
