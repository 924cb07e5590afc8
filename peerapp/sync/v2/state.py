"""A member's view of a version 2 group, rebuilt by applying the room's events in sequence order.

The server is hostile: it may forge, replay, reorder or withhold events. Nothing here trusts it. A
post counts as a member's only if that member's registered key signed it inside the encryption; an
epoch is entered only through a secret an admin sealed to this member; an admin event counts only
under the admin key that was current at its place in the sequence.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import nacl.signing

from ..protocol import ProtocolError, b64d
from .events import (
    admin_signature_ok,
    blob_epoch,
    canonical,
    key_field,
    member_signature_ok,
    open_event,
)
from .keys import DoorKeys, EpochKeys, MemberKeys, member_id, open_as_admin, open_sealed

ADMIN, MEMBER = "admin", "member"


@dataclass
class Member:
    id: str
    pseudonym: str
    sig_pub: bytes
    box_pub: bytes
    joined_seq: int
    epoch: int  # the newest epoch this member was let into (joined in, or sealed to)
    role: str = MEMBER
    gone: bool = False  # removed, or left


@dataclass(frozen=True)
class Accepted:
    """One event this member's client accepted, ready for the feed."""

    seq: int
    event_id: str
    epoch: int
    kind: str
    fields: dict[str, Any]
    author: Member | None  # None: an admin acting as "an admin", or a door event
    verified: bool


def roster_hash(members: list[Member]) -> str:
    """The admin-signed fingerprint of who is in an epoch, in member-id order."""
    rows = [
        [m.id, m.pseudonym, m.sig_pub.hex(), m.box_pub.hex()] for m in sorted(members, key=lambda m: m.id)
    ]
    return hashlib.sha256(canonical({"roster": rows})).hexdigest()


@dataclass
class GroupState:
    room_id: bytes
    admin_pub: bytes
    me: MemberKeys
    epochs: dict[int, EpochKeys] = field(default_factory=dict)
    doors: list[DoorKeys] = field(default_factory=list)
    admin_key: nacl.signing.SigningKey | None = None
    members: dict[str, Member] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # folded pseudonym -> member id
    waiting: list[tuple[int, str, bytes]] = field(default_factory=list)
    knocks: dict[str, Member] = field(default_factory=dict)  # admins only: join requests
    rules: dict[str, Any] | None = None
    removed_me: bool = False
    roster_warning: bool = False  # the server showed the admin another group than it showed us
    dropped: int = 0  # events that failed a check (forged, replayed, unreadable)
    cursor: int = 0  # the last seq applied: a rekey names it, so a join after it is no fork
    approval: bool = False  # from the invite: joiners knock and wait for an admin's welcome
    door_expires: int = 0  # the current door's last Unix day (0: never), for the invite
    entered: dict[int, int] = field(default_factory=dict)  # epoch -> the seq it was entered at
    applying: int = 0  # the seq of the event being applied (not saved)

    # --- where we are -------------------------------------------------------------------------

    @property
    def current(self) -> int:
        return max(self.epochs, default=0)

    def keys(self) -> EpochKeys:
        return self.epochs[self.current]

    def enter(self, epoch: int, secret: bytes) -> None:
        self.epochs[epoch] = EpochKeys.from_secret(epoch, secret)
        self.entered[epoch] = self.applying

    def active(self) -> list[Member]:
        return [m for m in self.members.values() if not m.gone]

    def left_behind(self) -> list[Member]:
        """Members known here but sealed into no epoch after theirs: an admin welcomes them."""
        return [m for m in self.active() if m.epoch < self.current]

    def leaving(self) -> list[Member]:
        """Members who said they are leaving and still hold the current epoch: an admin rekeys."""
        return [m for m in self.members.values() if m.gone and m.epoch >= self.current]

    # --- applying events ----------------------------------------------------------------------

    def apply(self, seq: int, event_id: str, blob: bytes) -> list[Accepted]:
        """Apply one event; events of an epoch not yet entered wait for its rekey."""
        self.cursor = max(self.cursor, seq)
        self.applying = seq
        try:
            epoch = blob_epoch(blob)
        except ProtocolError:
            self.dropped += 1
            return []
        if epoch == 0:
            return self._door(seq, event_id, blob)
        if epoch not in self.epochs:
            if epoch > self.current:
                self.waiting.append((seq, event_id, blob))
            else:
                self.dropped += 1  # before this member's time: never theirs to read
            return []
        try:
            fields = open_event(self.epochs[epoch].content_key, self.room_id, event_id, blob)
        except ProtocolError:
            self.dropped += 1
            return []
        accepted = self._room(seq, event_id, epoch, fields)
        if accepted and accepted[0].kind in ("rekey", "welcome"):
            accepted += self._retry_waiting()
        return accepted

    def _retry_waiting(self) -> list[Accepted]:
        waiting, self.waiting = sorted(self.waiting), []
        out: list[Accepted] = []
        for seq, event_id, blob in waiting:
            out += self.apply(seq, event_id, blob)
        return out

    def _room(self, seq: int, event_id: str, epoch: int, fields: dict[str, Any]) -> list[Accepted]:
        kind = str(fields["k"])
        if "sig_admin" in fields:
            return self._admin(seq, event_id, epoch, kind, fields)
        if kind == "join":
            return self._join(seq, event_id, epoch, fields)
        author = self.members.get(str(fields.get("m", "")))
        verified = author is not None and member_signature_ok(
            author.sig_pub, self.room_id, epoch, event_id, fields
        )
        if not verified:
            self.dropped += 1
            # Never under the claimed name: shown, if at all, as unverified.
            return [Accepted(seq, event_id, epoch, kind, fields, None, False)] if kind == "post" else []
        assert author is not None
        if author.gone:
            # Sequenced after the member left or was removed: a post the server checked against the
            # old epoch's write key just before the rekey, and stored after it. Never shown.
            self.dropped += 1
            return []
        if kind == "leave":
            author.gone = True
        return [Accepted(seq, event_id, epoch, kind, fields, author, True)]

    def _join(self, seq: int, event_id: str, epoch: int, fields: dict[str, Any]) -> list[Accepted]:
        sig_pub, box_pub = key_field(fields["sig_pub"]), key_field(fields["box_pub"])
        mid = member_id(sig_pub)
        folded = str(fields["p"]).strip().casefold()
        if (
            fields.get("m") != mid
            or not member_signature_ok(sig_pub, self.room_id, epoch, event_id, fields)
            or mid in self.members
            or self.names.get(folded, mid) != mid  # the pseudonym is someone else's already
        ):
            self.dropped += 1
            return []
        member = Member(mid, str(fields["p"]), sig_pub, box_pub, seq, epoch)
        self.members[mid] = member
        self.names[folded] = mid
        return [Accepted(seq, event_id, epoch, "join", fields, member, True)]

    def _admin(
        self, seq: int, event_id: str, epoch: int, kind: str, fields: dict[str, Any]
    ) -> list[Accepted]:
        if not admin_signature_ok(self.admin_pub, self.room_id, epoch, event_id, fields):
            self.dropped += 1
            return []
        by = self.members.get(str(fields.get("m", "")))
        if by is not None and not member_signature_ok(by.sig_pub, self.room_id, epoch, event_id, fields):
            by = None  # a name the admin did not really sign with: shown as "an admin"
        if kind == "rekey" and not self._rekey(epoch, fields):
            return []
        if kind == "promote":
            self._promote(fields)
        if kind == "admin_rotate":
            self._rotate(fields)
        if kind == "door":
            door = DoorKeys.from_secret(key_field(fields["secret"]))
            if all(d.secret != door.secret for d in self.doors):
                self.doors.append(door)
            self.door_expires = int(fields["expires"])
        if kind == "rules":
            self.rules = {"text": fields["text"], "contacts": list(fields.get("contacts", []))}
        return [Accepted(seq, event_id, epoch, kind, fields, by, True)]

    def _rekey(self, epoch: int, fields: dict[str, Any]) -> bool:
        target = int(fields["epoch"])
        if epoch != self.current or target != self.current + 1:
            self.dropped += 1  # a replayed or out-of-order rekey: never move back or skip
            return False
        sealed: dict[str, str] = fields["sealed"]
        listed = [self.members[mid] for mid in sealed if mid in self.members]
        if len(listed) != len(sealed) or roster_hash(listed) != fields["roster"]:
            self.roster_warning = True
            self.dropped += 1
            return False
        removed = set(fields.get("removed", []))
        snapshot = int(fields["at"])
        # A member who joined before the admin's snapshot, is neither sealed in nor removed: the
        # server showed this member a group the admin never saw.
        if any(
            m.joined_seq <= snapshot and m.id not in sealed and m.id not in removed for m in self.active()
        ):
            self.roster_warning = True
            self.dropped += 1
            return False
        for mid in removed:
            if mid in self.members:
                self.members[mid].gone = True
        for member in listed:
            member.epoch = target
        if self.me.id not in sealed:
            self.removed_me = self.me.id in fields.get("removed", [])
            return True
        try:
            secret = open_sealed(self.me.box, b64d(sealed[self.me.id], max_len=512))
        except ProtocolError:
            self.dropped += 1
            return False
        self.enter(target, secret)
        return True

    def _promote(self, fields: dict[str, Any]) -> None:
        member = self.members.get(str(fields["member"]))
        if member is None:
            return
        member.role = ADMIN
        if member.id == self.me.id:
            seed = open_sealed(self.me.box, b64d(fields["sealed"], max_len=512))
            self.admin_key = nacl.signing.SigningKey(seed)

    def _rotate(self, fields: dict[str, Any]) -> None:
        sealed: dict[str, str] = fields["sealed"]
        self.admin_pub = key_field(fields["admin_pub"])
        for member in self.members.values():
            member.role = ADMIN if member.id in sealed else MEMBER
        if self.me.id in sealed:
            seed = open_sealed(self.me.box, b64d(sealed[self.me.id], max_len=512))
            self.admin_key = nacl.signing.SigningKey(seed)
        else:
            self.admin_key = None  # demoted: still a member, no longer an admin

    # --- the door -------------------------------------------------------------------------

    def _door(self, seq: int, event_id: str, blob: bytes) -> list[Accepted]:
        for door in reversed(self.doors):
            try:
                fields = open_event(door.content_key, self.room_id, event_id, blob)
            except ProtocolError:
                continue
            return self._door_event(seq, event_id, fields)
        self.dropped += 1
        return []

    def _door_event(self, seq: int, event_id: str, fields: dict[str, Any]) -> list[Accepted]:
        kind = str(fields["k"])
        if kind == "knock":
            return self._knock(seq, event_id, fields)
        if not admin_signature_ok(self.admin_pub, self.room_id, 0, event_id, fields):
            self.dropped += 1
            return []
        epoch = int(fields["epoch"])
        if kind == "grant" and epoch > self.current:
            self.enter(epoch, key_field(fields["secret"]))
            self._seed(seq, epoch, fields.get("members", []))
        elif kind == "welcome" and fields["for"] == self.me.id and epoch > self.current:
            try:
                self.enter(epoch, open_sealed(self.me.box, b64d(fields["sealed"], max_len=512)))
            except ProtocolError:
                self.dropped += 1
                return []
            self._seed(seq, epoch, fields.get("members", []))
        elif kind == "welcome" and fields["for"] in self.members:
            welcomed = self.members[str(fields["for"])]
            welcomed.epoch = max(welcomed.epoch, epoch)  # an admin let a left-behind member in
            return []
        else:
            return []
        return [Accepted(seq, event_id, 0, kind, fields, None, True), *self._retry_waiting()]

    def _seed(self, seq: int, epoch: int, rows: list[list[str]]) -> None:
        """A newcomer learns, from the admin-signed roster, the members whose joins are in epochs
        it cannot read; a pseudonym already registered here keeps its first owner."""
        for mid, pseudonym, sig_b64, box_b64, role in rows:
            sig_pub = key_field(sig_b64)
            folded = pseudonym.strip().casefold()
            if mid in self.members or member_id(sig_pub) != mid or self.names.get(folded, mid) != mid:
                continue
            self.members[mid] = Member(mid, pseudonym, sig_pub, key_field(box_b64), seq, epoch, role)
            self.names[folded] = mid

    def _knock(self, seq: int, event_id: str, fields: dict[str, Any]) -> list[Accepted]:
        if self.admin_key is None:
            return []  # only admins can read a join request
        try:
            inner = open_as_admin(self.admin_key, b64d(fields["sealed"], max_len=8192))
            request = _json_object(inner)
            sig_pub, box_pub = key_field(request["sig_pub"]), key_field(request["box_pub"])
            pseudonym = str(request["p"])
        except (ProtocolError, KeyError, ValueError):
            self.dropped += 1
            return []
        if not 0 < len(pseudonym.strip()) <= 64:
            self.dropped += 1
            return []
        mid = member_id(sig_pub)
        if mid not in self.members:
            self.knocks[mid] = Member(mid, pseudonym, sig_pub, box_pub, seq, 0)
        return [Accepted(seq, event_id, 0, "knock", {"member": mid, "p": pseudonym}, None, True)]


def _json_object(data: bytes) -> dict[str, Any]:
    value = json.loads(data.decode())
    if not isinstance(value, dict):
        raise ValueError("not an object")
    return value
