"""A bare protocol-v2 member for server tests: a GroupState, its uploads signed with the epoch's (or
the door's) write key, and pulls fed through the state, all over real HTTP to a real server."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import httpx
import nacl.signing

from peerapp.sync import protocol
from peerapp.sync.v2 import actions
from peerapp.sync.v2.actions import Outgoing
from peerapp.sync.v2.keys import DoorKeys, MemberKeys, new_secret
from peerapp.sync.v2.room_keys import create_message, epoch_message
from peerapp.sync.v2.state import Accepted, GroupState


@dataclass
class Member:
    url: str
    state: GroupState
    cursor: int = 0
    seen: list[Accepted] = field(default_factory=list)

    @property
    def room(self) -> str:
        return self.state.room_id.hex()

    def signer(self, out: Outgoing) -> nacl.signing.SigningKey:
        if out.epoch == 0:
            return self.state.doors[-1].write_key
        return self.state.epochs[out.epoch].write_key

    def upload(self, out: Outgoing, signer: nacl.signing.SigningKey | None = None) -> httpx.Response:
        secret = os.urandom(32)
        dhash = protocol.delete_hash(secret)
        sig = protocol.sign(
            signer or self.signer(out),
            protocol.put_message(self.state.room_id, out.event_id, out.blob, dhash),
        )
        body = {
            "blob": protocol.b64e(out.blob),
            "delete_hash": protocol.b64e(dhash),
            "sig": protocol.b64e(sig),
        }
        return httpx.put(f"{self.url}/v1/rooms/{self.room}/posts/{out.event_id}", json=body, timeout=30)

    def send(self, out: Outgoing) -> int:
        answer = self.upload(out)
        assert answer.status_code == 200, answer.text
        return int(answer.json()["seq"])

    def pull(self) -> list[Accepted]:
        fresh: list[Accepted] = []
        while True:
            page = httpx.get(
                f"{self.url}/v1/rooms/{self.room}/events", params={"after": self.cursor}, timeout=30
            )
            assert page.status_code == 200, page.text
            data = page.json()
            for event in data["events"]:
                if event["type"] == "post":
                    fresh += self.state.apply(
                        event["seq"], event["id"], protocol.b64d(event["blob"], max_len=1 << 20)
                    )
                self.cursor = event["seq"]
            if not data["more"]:
                break
        self.seen += fresh
        return fresh

    def say(self, text: str) -> int:
        return self.send(actions.post(self.state, text, 0, bytes(32)))

    def texts(self) -> list[tuple[str | None, str]]:
        return [
            (a.author.pseudonym if a.author else None, a.fields["b"]) for a in self.seen if a.kind == "post"
        ]

    def change(self, path: str, body: dict[str, Any]) -> httpx.Response:
        return httpx.post(f"{self.url}/v2/rooms/{self.room}/{path}", json=body, timeout=30)

    def move_epoch(self, remove: list[str]) -> httpx.Response:
        """Rekey without `remove`: post the rekey, then switch the server to the new write key."""
        out, keys = actions.rekey(self.state, remove)
        self.send(out)
        assert self.state.admin_key is not None
        sig = protocol.sign(
            self.state.admin_key, epoch_message(self.state.room_id, keys.epoch, keys.write_pub)
        )
        answer = self.change(
            "epoch",
            {"epoch": keys.epoch, "write_pub": protocol.b64e(keys.write_pub), "sig": protocol.b64e(sig)},
        )
        self.pull()
        return answer


def create(url: str, name: str = "Alice", door_expires: int = 0) -> tuple[Member, DoorKeys]:
    admin = nacl.signing.SigningKey.generate()
    state = GroupState(os.urandom(32), bytes(admin.verify_key), MemberKeys.generate(), admin_key=admin)
    state.enter(1, new_secret())
    door = DoorKeys.from_secret(new_secret())
    state.doors.append(door)
    keys = state.keys()
    message = create_message(state.room_id, keys.write_pub, state.admin_pub, door.write_pub, door_expires)
    body = {
        "room": state.room_id.hex(),
        "write_pub": protocol.b64e(keys.write_pub),
        "admin_pub": protocol.b64e(state.admin_pub),
        "door_pub": protocol.b64e(door.write_pub),
        "door_expires": door_expires,
        "sig": protocol.b64e(protocol.sign(admin, message)),
    }
    answer = httpx.post(f"{url}/v2/rooms", json=body, timeout=30)
    assert answer.status_code == 201, answer.text
    member = Member(url, state)
    member.send(actions.join(state, name))
    member.send(actions.grant(state, door))
    member.pull()
    return member, door


def join(url: str, founder: Member, name: str) -> Member:
    """Join an open group with the invite's room, door key and admin key only."""
    state = GroupState(founder.state.room_id, founder.state.admin_pub, MemberKeys.generate())
    state.doors.append(founder.state.doors[-1])
    member = Member(url, state)
    member.pull()
    assert state.current >= 1
    member.send(actions.join(state, name))
    member.pull()
    return member
