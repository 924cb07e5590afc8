"""GroupService's version 2 half (a mixin): creating and joining v2 groups, members and safety codes,
removal, admins, approval, invites, rules, leaving with succession, and the v1 -> v2 upgrade. Admin
actions are queued and carried out by the next sync from the freshest state (intents.py); leaving and
upgrading need the server at once and say so with ServerUnavailable."""

from __future__ import annotations

import dataclasses
import json
import os
import time
from typing import TYPE_CHECKING, Any

from peerapp.core.errors import PeerappError

from .. import creation, models, protocol, wire, wire_v2
from ..errors import (
    AdminsOnly,
    AlreadyVersion2,
    InvalidGroupName,
    InvalidRules,
    MemberNotFound,
    NeedsVersion2,
    NotJoinedYet,
    NotYourself,
    PostTooLong,
    PseudonymFixed,
    RemovedFromGroup,
    WaitingForApproval,
)
from ..protocol import InvalidInvite, ProtocolError, b64e
from . import actions, saved
from . import store as v2store
from .events import MAX_CONTACTS, MAX_RULES
from .invite import PREFIX, InviteV2
from .keys import DoorKeys, MemberKeys, new_secret, safety_code, seal_to_admins
from .room_keys import upgrade_message
from .state import ADMIN, GroupState, Member

if TYPE_CHECKING:
    import nacl.signing

    from peerapp.core.db import Connection

    from ..store import GroupRecord, GroupStore
    from ..transport import Transport

DAY = 86400


def today() -> int:
    return int(time.time()) // DAY


def expiry(expires_days: int | None) -> int:
    """The Unix day after which a new invite stops working (0: never)."""
    if expires_days is None or expires_days <= 0:
        return 0
    return today() + min(expires_days, 3650)


def new_state(room_id: bytes, me: MemberKeys, admin: nacl.signing.SigningKey, approval: bool, expires: int) -> GroupState:  # fmt: skip
    state = GroupState(room_id, bytes(admin.verify_key), me, admin_key=admin)
    state.enter(1, new_secret())
    state.doors.append(DoorKeys.from_secret(new_secret()))
    state.approval, state.door_expires = approval, expires
    return state


def invite_text(state: GroupState, server_url: str, name: str, door: DoorKeys | None = None, expires: int | None = None) -> str:  # fmt: skip
    door = door or state.doors[-1]
    return InviteV2(
        creation.public_url(server_url), state.room_id, door.secret, state.admin_pub, name, state.approval,
        state.door_expires if expires is None else expires,
    ).encode()  # fmt: skip


class GroupsV2:
    """Mixed into GroupService, which provides the attributes below."""

    conn: Connection
    store: GroupStore

    if TYPE_CHECKING:

        def group(self, ref: int | str) -> models.Group: ...
        def sync(self, group_id: int) -> models.SyncResult: ...
        def proxy(self) -> str | None: ...

    # -- where a group stands -----------------------------------------------------------------

    def _v2(self, group_id: int) -> bool:
        return v2store.version(self.conn, self.store.record(group_id).id) == 2

    def _state(self, group_id: int) -> GroupState:
        if not self._v2(group_id):
            raise NeedsVersion2()
        return saved.load(self.conn, group_id)

    def _admin_state(self, group_id: int) -> GroupState:
        state = self._state(group_id)
        if state.admin_key is None:
            raise AdminsOnly()
        return state

    def _with_roles(self, groups: list[models.Group]) -> list[models.Group]:
        """Each v2 group's version, role, removal and roster warning, from its state."""
        out = []
        for group in groups:
            if v2store.version(self.conn, group.id) == 2:
                s = saved.load(self.conn, group.id)
                role = models.MEMBER if s.current else models.PENDING_APPROVAL
                role = models.ADMIN if s.admin_key else role
                group = dataclasses.replace(
                    group, version=2, role=role, removed=s.removed_me, roster_warning=s.roster_warning
                )
            else:
                group = dataclasses.replace(group, role=models.ADMIN if group.is_admin else models.MEMBER)
            out.append(group)
        return out

    def _member(self, state: GroupState, pseudonym: str, *, knocks: bool = False) -> Member:
        folded = pseudonym.strip().casefold()
        pool: list[Member] = [*state.active(), *(state.knocks.values() if knocks else ())]
        for member in pool:
            if member.pseudonym.strip().casefold() == folded:
                if member.id == state.me.id:
                    raise NotYourself()
                return member
        raise MemberNotFound(pseudonym)

    # -- creating and joining -------------------------------------------------------------------

    def _create_v2(self, url: str, name: str, pseudonym: str, approval: bool, expires_days: int | None) -> tuple[int, str]:  # fmt: skip
        if not name or len(name.encode()) > protocol.INVITE_MAX_NAME or "\n" in name:
            raise InvalidGroupName()
        import nacl.signing

        state = new_state(os.urandom(32), MemberKeys.generate(), nacl.signing.SigningKey.generate(),
                          approval, expiry(expires_days))  # fmt: skip
        with self.store.transaction():
            gid = v2store.add_group(self.conn, name=name, server_url=url, state=state, pseudonym=pseudonym)
            for action in ({"do": "create"}, {"do": "join", "p": pseudonym}, {"do": "promote_me"}, {"do": "grant"}):  # fmt: skip
                v2store.enqueue(self.conn, gid, action)
        return gid, invite_text(state, url, name)

    def _join_v2(self, text: str, pseudonym: str, url: str, name: str) -> int:
        invite = InviteV2.decode(text)
        if invite.expired(today()):
            raise InvalidInvite("expired")
        state = GroupState(invite.room_id, invite.admin_pub, MemberKeys.generate())
        state.doors.append(DoorKeys.from_secret(invite.door_secret))
        state.approval, state.door_expires = invite.approval, invite.expires_day
        with self.store.transaction():
            gid = v2store.add_group(self.conn, name=name, server_url=url, state=state, pseudonym=pseudonym)
            if invite.approval:
                v2store.enqueue(self.conn, gid, {"do": "knock", "p": pseudonym})
            v2store.enqueue(self.conn, gid, {"do": "join", "p": pseudonym})
        return gid

    def create_group_v1(self, server_url: str, name: str, pseudonym: str) -> tuple[models.Group, str]:
        """A version 1 group, as older versions made them (tests of old groups and their upgrade)."""
        from ..outbox import create_room_request
        from ..protocol import Invite
        from ..service import check_pseudonym, check_server_url
        from ..store import OP_CREATE

        url, name = check_server_url(server_url), name.strip()
        if not name or len(name.encode()) > protocol.INVITE_MAX_NAME or "\n" in name:
            raise InvalidGroupName()
        secret, admin = protocol.new_secret(), protocol.new_admin_key()
        invite = Invite(server_url=url, secret=secret, admin_pub=bytes(admin.verify_key), name=name)
        with self.store.transaction():
            gid = self.store.add_group(
                name=name, server_url=url, secret=secret, admin_pub=invite.admin_pub,
                admin_seed=bytes(admin), pseudonym=check_pseudonym(pseudonym),
            )  # fmt: skip
            self.store.enqueue(gid, OP_CREATE, None, create_room_request(self.store.record(gid)).to_json())
        return self.group(gid), invite.encode()

    def _rename_v2(self, group_id: int, pseudonym: str) -> None:
        """Before my join is registered (e.g. the name was taken): the queued join takes the new name.
        After, the name is bound to my keys and cannot change."""
        s = self._state(group_id)
        if s.me.id in s.members:
            raise PseudonymFixed()
        with self.store.transaction():
            self.store.set_pseudonym(group_id, pseudonym)
            for row_id, action in v2store.intents(self.conn, group_id):
                if action.get("do") in ("join", "knock"):
                    payload = json.dumps({**action, "p": pseudonym})
                    self.conn.execute("UPDATE group_outbox SET payload = ? WHERE id = ?", (payload, row_id))

    def _removed(self, group_id: int) -> bool:
        return self._v2(group_id) and saved.load(self.conn, group_id).removed_me

    @staticmethod
    def _is_v2_invite(text: str) -> bool:
        return text.strip().upper().startswith(PREFIX)

    # -- members and admins -----------------------------------------------------------------

    def members(self, group_id: int) -> list[models.Member]:
        """Everyone in the group as this device knows them; admins also see who asks to join."""
        s = self._state(group_id)
        out = [
            models.Member(m.pseudonym, m.role, safety_code(s.room_id, m.sig_pub), m.id == s.me.id)
            for m in sorted(s.active(), key=lambda m: m.joined_seq)
        ]
        if s.me.id not in s.members:
            pseudonym = self.store.record(group_id).pseudonym
            out.append(models.Member(pseudonym, models.PENDING_APPROVAL, safety_code(s.room_id, s.me.sig_pub), True))  # fmt: skip
        if s.admin_key is not None:
            out += [
                models.Member(k.pseudonym, models.PENDING_APPROVAL, safety_code(s.room_id, k.sig_pub), False)
                for k in s.knocks.values()
                if k.id not in s.members
            ]
        return out

    def remove_member(self, group_id: int, pseudonym: str) -> None:
        """Queue a removal: the next sync moves the group to a new epoch without them."""
        s = self._admin_state(group_id)
        v2store.enqueue(self.conn, group_id, {"do": "remove", "member": self._member(s, pseudonym).id})

    def promote(self, group_id: int, pseudonym: str, *, demote: bool = False) -> None:
        s = self._admin_state(group_id)
        member = self._member(s, pseudonym)
        v2store.enqueue(self.conn, group_id, {"do": "demote" if demote else "promote", "member": member.id})

    def approve(self, group_id: int, pseudonym: str) -> None:
        """Let a join request in: the next sync seals the current epoch's secret to them."""
        s = self._admin_state(group_id)
        member = self._member(s, pseudonym, knocks=True)
        if member.id in s.members:
            return  # already in
        v2store.enqueue(self.conn, group_id, {"do": "approve", "member": member.id})

    def rules(self, group_id: int) -> models.Rules | None:
        s = self._state(group_id)
        if s.rules is None:
            return None
        contacts = [models.Contact(str(c["name"]), str(c["how"])) for c in s.rules.get("contacts", [])]
        return models.Rules(str(s.rules["text"]), contacts)

    def set_rules(self, group_id: int, text: str, contacts: list[models.Contact]) -> None:
        self._admin_state(group_id)
        rows = [{"name": c.name.strip(), "how": c.how.strip()} for c in contacts]
        if (
            len(text) > MAX_RULES
            or len(rows) > MAX_CONTACTS
            or any(not r["name"] or not r["how"] or len(r["name"]) > 120 or len(r["how"]) > 300 for r in rows)
        ):
            raise InvalidRules()
        v2store.enqueue(self.conn, group_id, {"do": "rules", "text": text, "contacts": rows})

    def _invite_v2(self, group_id: int, expires_days: int | None) -> str:
        if expires_days is not None:
            return self.reset_invite(group_id, expires_days=expires_days)
        record, s = self.store.record(group_id), self._state(group_id)
        return invite_text(s, record.server_url, record.name)

    def reset_invite(self, group_id: int, *, expires_days: int | None = None) -> str:
        """A new invite; the old one stops working at the next sync. Members are not affected."""
        s = self._admin_state(group_id)
        record = self.store.record(group_id)
        secret, expires = new_secret(), expiry(expires_days)
        v2store.enqueue(self.conn, group_id, {"do": "door", "secret": b64e(secret), "expires": expires})
        return invite_text(s, record.server_url, record.name, DoorKeys.from_secret(secret), expires)

    # -- posting ------------------------------------------------------------------------------

    def _queue_post_v2(self, group_id: int, kind: str, body: str, cw: str, reply_to: str | None) -> str:
        s = self._state(group_id)
        if s.removed_me:
            raise RemovedFromGroup()
        if s.current == 0:  # no epoch key yet: an approval group's admin, or the first sync, brings it
            raise WaitingForApproval() if s.approval else NotJoinedYet()
        secret = protocol.new_delete_secret()
        post_id = protocol.new_post_id()
        fields: dict[str, Any] = {
            "k": kind, "b": body, "cw": cw, "r": reply_to, "t": protocol.coarse_time(time.time()),
            "d": protocol.delete_hash(secret).hex(), "seen": [],
        }  # fmt: skip
        from .engine import reseal

        try:
            blob = reseal(s, post_id, fields)
        except ProtocolError as exc:
            raise PostTooLong() from exc
        pseudonym = (
            s.members[s.me.id].pseudonym if s.me.id in s.members else self.store.record(group_id).pseudonym
        )
        with self.store.transaction():
            v2store.insert_post(
                self.conn, group_id, post_id, fields, author=pseudonym, verified=True,
                status=models.PENDING, mine=True, delete_secret=secret, blob=blob,
            )  # fmt: skip
            self.store.enqueue(group_id, "put", post_id, {})
        return post_id

    def _report_v2(self, group_id: int, post_id: str, reason: str) -> None:
        """A `report` event: signed by my key inside the encryption, its content sealed to the admin
        role, so only admins read it and they know it comes from a member (not who, unless they ask)."""
        s = self._state(group_id)
        if s.current == 0 or s.removed_me:
            raise RemovedFromGroup() if s.removed_me else WaitingForApproval()
        inner = json.dumps({"post": post_id, "reason": reason}, ensure_ascii=False).encode()
        v2store.enqueue(
            self.conn, group_id, {"do": "report", "sealed": b64e(seal_to_admins(s.admin_pub, inner))}
        )

    def _admin_key(self, group_id: int, record: GroupRecord) -> tuple[bytes, nacl.signing.SigningKey | None]:
        """(room id, admin key) for an admin's deletion, in either version."""
        if not self._v2(group_id):
            return record.keys.room_id, record.admin_key
        s = saved.load(self.conn, group_id)
        return s.room_id, s.admin_key

    # -- leaving and upgrading ----------------------------------------------------------------

    def _leave_v2(self, group_id: int, transport: Transport | None = None) -> None:
        """Hand the admin role on if I am the last admin, say goodbye in the room, then forget the
        group here. Without the server a member still forgets the group (its keys go with it; an
        admin can remove them later), but the last admin cannot: the group would have none left."""
        from .engine import V2Engine
        from .intents import Intents

        record = self.store.record(group_id)
        link = transport or self._transport(record.server_url)
        try:
            engine = V2Engine(self.store, record, link)
            engine.pull()
            s = engine.state
            if s.current > 0 and s.me.id in s.members and not s.removed_me:
                if s.admin_key is not None:
                    others = [m for m in s.active() if m.id != s.me.id]
                    admins = [m for m in others if m.role == ADMIN]
                    if others and not admins:  # succession: the longest-standing member
                        admins = [min(others, key=lambda m: m.joined_seq)]
                    Intents(engine).rotate(admins)
                Intents(engine).send(actions.leave(s))
        except PeerappError:
            s = saved.load(self.conn, group_id)
            others = [m for m in s.active() if m.id != s.me.id]
            if s.admin_key is not None and others and all(m.role != ADMIN for m in others):
                raise
        finally:
            if transport is None:
                link.close()
        self.store.delete_group(group_id)

    def _transport(self, url: str) -> Transport:
        from ..transport import Transport

        return Transport(url, proxy=self.proxy())

    def upgrade_group(self, group_id: int) -> str:
        """v1 -> v2, by the v1 admin: tell the members (under the v1 key), switch the room, and
        return the new invite. Members' clients follow at their next sync."""
        from .upgrade import seal

        record = self.store.record(group_id)
        if self._v2(group_id):
            raise AlreadyVersion2()
        if record.admin_key is None:
            raise AdminsOnly()
        import nacl.signing

        row = self.conn.execute("SELECT state FROM group_v2 WHERE group_id = ?", (group_id,)).fetchone()
        # A retry after a cut-off upgrade reuses the same secrets, so members who saw the first try agree.
        s = saved.loads(bytes(row[0])) if row else new_state(
            record.keys.room_id, MemberKeys.generate(), nacl.signing.SigningKey.generate(), False, 0)  # fmt: skip
        saved.save(self.conn, group_id, s, group_row=False)
        self.sync(group_id)  # what waits goes out under v1 first
        invite = invite_text(s, record.server_url, record.name)
        post_id = protocol.new_post_id()
        blob = seal(record.keys, record.admin_key, post_id, s.epochs[1].secret, invite)
        dhash = protocol.delete_hash(os.urandom(32))
        message = protocol.put_message(record.keys.room_id, post_id, blob, dhash)
        put = wire.PutPost(blob=blob, delete_hash=dhash, sig=protocol.sign(record.keys.write_key, message))
        door = s.doors[-1]
        message = upgrade_message(s.room_id, s.epochs[1].write_pub, s.admin_pub, door.write_pub, 0)
        change = wire_v2.UpgradeRoom(
            write_pub=s.epochs[1].write_pub, admin_pub=s.admin_pub, door_pub=door.write_pub,
            door_expires=0, sig=protocol.sign(record.admin_key, message),
        )  # fmt: skip
        link = self._transport(record.server_url)
        try:
            link.put_post(record.room, post_id, put)
            link.change_room(record.room, change)
        finally:
            link.close()
        with self.store.transaction():
            v2store.become_v2(self.conn, group_id, s, record.pseudonym, creator=True)
        try:
            self.sync(group_id)
        except PeerappError:
            pass  # the next sync carries on; the invite works once the room is v2
        return invite
