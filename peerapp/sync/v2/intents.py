"""The actions a v2 sync carries out after pulling, from the freshest state: the room's creation, a
join or knock, and the admins' work (remove with a rekey, promote, demote, approve, rules, a new
invite), plus what an admin's client does unasked: rekey after a leave, heal an interrupted rekey.

Each action is built from the state as it is now, sent, and followed by a pull, so the next one
sees its effect. A stale_epoch answer (another admin moved the group meanwhile) pulls and tries again."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import nacl.signing

from .. import protocol, wire, wire_v2
from ..errors import AdminsOnly, PseudonymTaken, ServerRejected
from ..protocol import b64d
from . import actions, room_keys
from . import store as v2store
from .keys import DoorKeys, new_secret
from .state import ADMIN, GroupState, Member

if TYPE_CHECKING:
    from .engine import V2Engine

TRIES = 3


class Intents:
    def __init__(self, engine: V2Engine) -> None:
        self.engine = engine
        self.conn = engine.conn
        self.gid = engine.record.id

    @property
    def state(self) -> GroupState:
        return self.engine.state

    @property
    def admin(self) -> nacl.signing.SigningKey:
        key = self.state.admin_key
        if key is None:
            raise AdminsOnly()  # demoted meanwhile
        return key

    def run(self) -> None:
        for row_id, action in v2store.intents(self.conn, self.gid):
            for _try in range(TRIES):
                try:
                    done = self.carry_out(action)
                    break
                except ServerRejected as exc:
                    if exc.code != wire.STALE_EPOCH:
                        raise
                    self.engine.pull()
            else:
                done = False
            if done:
                self.store_drop(row_id)
        if self.state.admin_key is not None and self.state.current > 0:
            self.admin_upkeep()

    def store_drop(self, row_id: int) -> None:
        self.engine.store.drop_op(row_id)

    # -- sending ------------------------------------------------------------------------

    def send(self, out: actions.Outgoing) -> None:
        from .engine import upload

        upload(self.engine.transport, self.state, out.event_id, out.blob)
        self.engine.pull()

    def keys(self) -> wire_v2.RoomKeys:
        return self.engine.transport.room_keys(self.engine.room)

    def change(self, request: wire.Model) -> None:
        self.engine.transport.change_room(self.engine.room, request)

    # -- the actions ----------------------------------------------------------------------

    def carry_out(self, action: dict[str, Any]) -> bool:
        """Do one queued action; False leaves it queued (it cannot run yet)."""
        do = action.get("do")
        s = self.state
        if do == "create":
            return self.create(action)
        if do == "knock":
            door = s.doors[-1]
            self.send(actions.knock(s.room_id, s.admin_pub, door, s.me, str(action["p"])))
            return True
        if do == "join":
            if s.current == 0:
                return False  # not let in yet: an admin's welcome (or the door's grant) comes first
            if s.me.id not in s.members:
                pseudonym = str(action["p"])
                if s.names.get(pseudonym.strip().casefold(), s.me.id) != s.me.id:
                    raise PseudonymTaken()  # the first claim wins; the join stays queued
                self.send(actions.join(s, pseudonym))
            return True
        if do == "report":
            if s.current > 0 and s.me.id in s.members:
                self.send(actions.report(s, str(action["sealed"])))
            return s.current > 0
        if s.admin_key is None or s.current == 0:
            return True  # no longer an admin (demoted meanwhile): nothing this device may do
        member = s.members.get(str(action.get("member", ""))) or s.knocks.get(str(action.get("member", "")))
        if do == "promote_me":
            if s.me.id in s.members and s.members[s.me.id].role != ADMIN:
                self.send(actions.promote(s, s.members[s.me.id]))
            return s.me.id in s.members
        if do == "grant":
            if not s.approval:
                self.send(actions.grant(s, s.doors[-1]))
            return True
        if do == "remove" and member is not None and not member.gone:
            self.remove(member)
        elif do == "promote" and member is not None and member.role != ADMIN:
            self.send(actions.promote(s, member))
        elif do == "demote" and member is not None and member.role == ADMIN:
            self.rotate([m for m in s.active() if m.role == ADMIN and m.id != member.id])
        elif do == "approve" and member is not None and member.id not in s.members:
            member.epoch = s.current  # approved: welcomed again if a rekey comes before their join
            self.send(actions.welcome(s, s.doors[-1], member))
        elif do == "rules":
            self.send(actions.rules(s, str(action["text"]), list(action["contacts"])))
        elif do == "door":
            self.new_door(b64d(action["secret"], max_len=32), int(action["expires"]), rekey=True)
        return True

    def create(self, action: dict[str, Any]) -> bool:
        s = self.state
        door = s.doors[-1]
        write_pub = s.epochs[1].write_pub
        message = room_keys.create_message(s.room_id, write_pub, s.admin_pub, door.write_pub, s.door_expires)
        assert s.admin_key is not None
        request = wire_v2.CreateRoomV2(
            room=s.room_id, write_pub=write_pub, admin_pub=s.admin_pub, door_pub=door.write_pub,
            door_expires=s.door_expires, sig=protocol.sign(self.admin, message),
        )  # fmt: skip
        self.engine.transport.create_room_v2(request)
        return True

    def rekey(self, remove: list[str]) -> None:
        """A new epoch without `remove` (and those who left): the event under the old epoch, then
        the server's new write key, so the old epoch's key can no longer upload."""
        s = self.state
        out, epoch = actions.rekey(s, remove)
        from .engine import upload

        upload(self.engine.transport, s, out.event_id, out.blob)
        self.set_epoch(epoch.epoch, epoch.write_pub)
        self.engine.pull()

    def set_epoch(self, epoch: int, write_pub: bytes) -> None:
        s = self.state
        sig = protocol.sign(self.admin, room_keys.epoch_message(s.room_id, epoch, write_pub))
        self.change(wire_v2.SetEpoch(epoch=epoch, write_pub=write_pub, sig=sig))

    def remove(self, member: Member) -> None:
        s = self.state
        if member.role == ADMIN:  # they hold the admin role key: it goes first
            self.rotate([m for m in s.active() if m.role == ADMIN and m.id != member.id])
        self.rekey([member.id])
        if not s.approval:
            # The removed one still holds the door key, and an open door hands out the epoch
            # secret: a new door (and invite) for the rest; members' keys do not change.
            self.new_door(new_secret(), s.door_expires)

    def rotate(self, admins: list[Member]) -> None:
        """A new admin role key for `admins` only, registered with the server by the old one."""
        s = self.state
        if not admins:
            return
        generation = self.keys().admin_generation + 1
        out, new_key = actions.rotate_admins(s, admins)
        from .engine import upload

        upload(self.engine.transport, s, out.event_id, out.blob)
        new_pub = bytes(new_key.verify_key)
        sig = protocol.sign(self.admin, room_keys.admin_message(s.room_id, generation, new_pub))
        self.change(wire_v2.SetAdmin(generation=generation, admin_pub=new_pub, sig=sig))
        self.engine.pull()

    def new_door(self, secret: bytes, expires: int, *, rekey: bool = False) -> None:
        """A new invite. In an open group the old door still holds a grant of the current epoch,
        so `rekey` moves the group on too (members' clients follow by themselves)."""
        s = self.state
        door = DoorKeys.from_secret(secret)
        if any(d.secret == secret for d in s.doors):
            return  # already done by an earlier try of this action
        generation = self.keys().door_generation + 1
        message = room_keys.door_message(s.room_id, generation, door.write_pub, expires)
        sig = protocol.sign(self.admin, message)
        self.change(
            wire_v2.SetDoor(generation=generation, door_pub=door.write_pub, door_expires=expires, sig=sig)
        )
        if rekey and not s.approval:
            self.rekey([])
        self.send(actions.door(s, secret, expires))
        if not s.approval:
            self.send(actions.grant(s, door))

    # -- unasked ------------------------------------------------------------------------

    def admin_upkeep(self) -> None:
        s = self.state
        keys = self.keys()
        if keys.epoch == s.current - 1:
            # A rekey whose registration was cut off (the event is in the room): finish it.
            self.set_epoch(s.current, s.keys().write_pub)
        if s.leaving():
            self.rekey([])
            if not s.approval:
                self.new_door(new_secret(), s.door_expires)
        for knock in list(s.knocks.values()):
            # Approved, but a rekey came before their join: sealed into no epoch since. Welcome
            # them into the current one (the knock's epoch is where an admin last let them in).
            if knock.id not in s.members and 0 < knock.epoch < s.current:
                knock.epoch = s.current
                self.send(actions.welcome(s, s.doors[-1], knock))
