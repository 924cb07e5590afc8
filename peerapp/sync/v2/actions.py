"""Building version 2 events: what a member or an admin posts to join, write, remove, promote,
rotate the admin role, open the door, approve a joiner, pin rules or leave."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

import nacl.signing

from ..protocol import POST_ID_BYTES, ProtocolError, b64e
from .events import VERSION, seal_event, sign_admin, sign_member
from .keys import DoorKeys, EpochKeys, MemberKeys, new_secret, seal_to, seal_to_admins
from .state import GroupState, Member, roster_hash


@dataclass(frozen=True)
class Outgoing:
    """One event ready to upload: its id, the sealed blob and the epoch it is sealed in (0: door)."""

    event_id: str
    blob: bytes
    epoch: int


def new_event_id() -> str:
    return os.urandom(POST_ID_BYTES).hex()


def _room_event(
    state: GroupState, fields: dict[str, Any], *, admin: bool = False, by_name: bool = True
) -> Outgoing:
    keys = state.keys()
    event_id = new_event_id()
    fields = {"v": VERSION, **fields}
    if admin:
        if state.admin_key is None:
            raise ProtocolError("not an admin")
        signed = sign_admin(
            state.admin_key, state.room_id, keys.epoch, event_id, fields, state.me if by_name else None
        )
    else:
        signed = sign_member(state.me, state.room_id, keys.epoch, event_id, fields)
    return Outgoing(
        event_id, seal_event(keys.content_key, state.room_id, event_id, keys.epoch, signed), keys.epoch
    )


def join(state: GroupState, pseudonym: str) -> Outgoing:
    fields = {
        "k": "join",
        "p": pseudonym,
        "sig_pub": b64e(state.me.sig_pub),
        "box_pub": b64e(state.me.box_pub),
    }
    return _room_event(state, fields)


def post(
    state: GroupState, body: str, at: int, dhash: bytes, *, reply_to: str | None = None, cw: str = ""
) -> Outgoing:
    fields: dict[str, Any] = {
        "k": "post",
        "b": body,
        "cw": cw,
        "r": reply_to,
        "t": at,
        "d": dhash.hex(),
        "seen": [],
    }
    return _room_event(state, fields)


def leave(state: GroupState) -> Outgoing:
    return _room_event(state, {"k": "leave"})


def rules(state: GroupState, text: str, contacts: list[dict[str, str]], *, by_name: bool = False) -> Outgoing:
    return _room_event(state, {"k": "rules", "text": text, "contacts": contacts}, admin=True, by_name=by_name)


def admin_delete(state: GroupState, post_id: str, *, by_name: bool = False) -> Outgoing:
    return _room_event(state, {"k": "admin_delete", "post": post_id}, admin=True, by_name=by_name)


def rekey(state: GroupState, remove: list[str]) -> tuple[Outgoing, EpochKeys]:
    """Move the group to the next epoch without the members in `remove` (and those who left)."""
    staying = [m for m in state.active() if m.id not in remove]
    secret = new_secret()
    sealed = {m.id: b64e(seal_to(m.box_pub, secret)) for m in staying}
    gone = sorted({*remove, *(m.id for m in state.leaving())})
    fields: dict[str, Any] = {
        "k": "rekey",
        "epoch": state.current + 1,
        "sealed": sealed,
        "removed": gone,
        "roster": roster_hash(staying),
        "at": state.cursor,
    }
    return _room_event(state, fields, admin=True, by_name=False), EpochKeys.from_secret(
        state.current + 1, secret
    )


def promote(state: GroupState, member: Member) -> Outgoing:
    if state.admin_key is None:
        raise ProtocolError("not an admin")
    sealed = b64e(seal_to(member.box_pub, bytes(state.admin_key)))
    return _room_event(
        state, {"k": "promote", "member": member.id, "sealed": sealed}, admin=True, by_name=False
    )


def rotate_admins(state: GroupState, admins: list[Member]) -> tuple[Outgoing, nacl.signing.SigningKey]:
    """A new admin role key for `admins` only (a demotion), signed by the old one."""
    new_key = nacl.signing.SigningKey.generate()
    sealed = {m.id: b64e(seal_to(m.box_pub, bytes(new_key))) for m in admins}
    fields = {"k": "admin_rotate", "admin_pub": b64e(bytes(new_key.verify_key)), "sealed": sealed}
    return _room_event(state, fields, admin=True, by_name=False), new_key


def _door_event(state: GroupState, door: DoorKeys, fields: dict[str, Any], admin: bool) -> Outgoing:
    event_id = new_event_id()
    fields = {"v": VERSION, **fields}
    if admin:
        if state.admin_key is None:
            raise ProtocolError("not an admin")
        fields = sign_admin(state.admin_key, state.room_id, 0, event_id, fields)
    return Outgoing(event_id, seal_event(door.content_key, state.room_id, event_id, 0, fields), 0)


def roster_rows(state: GroupState) -> list[list[str]]:
    """Who is in the group, for a newcomer who cannot read the joins of earlier epochs."""
    return [
        [m.id, m.pseudonym, b64e(m.sig_pub), b64e(m.box_pub), m.role]
        for m in sorted(state.active(), key=lambda m: m.joined_seq)
    ]


def grant(state: GroupState, door: DoorKeys) -> Outgoing:
    """Open groups: the current epoch secret for invite holders, so nobody waits for an admin."""
    keys = state.keys()
    fields = {"k": "grant", "epoch": keys.epoch, "secret": b64e(keys.secret), "members": roster_rows(state)}
    return _door_event(state, door, fields, True)


def welcome(state: GroupState, door: DoorKeys, member: Member) -> Outgoing:
    """Approval groups (and members a rekey left behind): the current epoch secret, for one member."""
    keys = state.keys()
    fields = {
        "k": "welcome",
        "for": member.id,
        "epoch": keys.epoch,
        "sealed": b64e(seal_to(member.box_pub, keys.secret)),
        "roster": roster_hash(state.active()),
        "members": roster_rows(state),
    }
    return _door_event(state, door, fields, True)


def knock(room_id: bytes, admin_pub: bytes, door: DoorKeys, me: MemberKeys, pseudonym: str) -> Outgoing:
    """A join request only the admins can read."""
    request = {"p": pseudonym, "sig_pub": b64e(me.sig_pub), "box_pub": b64e(me.box_pub)}
    sealed = seal_to_admins(admin_pub, json.dumps(request, ensure_ascii=False).encode())
    event_id = new_event_id()
    fields = {"v": VERSION, "k": "knock", "sealed": b64e(sealed)}
    return Outgoing(event_id, seal_event(door.content_key, room_id, event_id, 0, fields), 0)


def door(state: GroupState, secret: bytes, expires: int) -> Outgoing:
    """A new invite's door key for every member (so anyone in the group can hand out the invite)."""
    fields = {"k": "door", "secret": b64e(secret), "expires": expires}
    return _room_event(state, fields, admin=True, by_name=False)


def report(state: GroupState, sealed: str) -> Outgoing:
    """A report of a post: signed by its member, its {post, reason} sealed to the admin role."""
    return _room_event(state, {"k": "report", "sealed": sealed})
