"""A version 2 group's state in the vault: GroupState to one JSON blob in group_v2 and back.

The blob holds secrets (the member's keys, every epoch secret, the doors, the admin role key), so it
lives only inside the encrypted vault and is rewritten in the transaction that applies the events
and moves the cursor, so the state and the posts it let in never disagree."""

from __future__ import annotations

import json
from typing import Any

import nacl.signing

from peerapp.core.db import Connection

from ..protocol import ProtocolError, b64d, b64e
from .keys import DoorKeys, EpochKeys, MemberKeys
from .state import GroupState, Member

FORMAT = 1
_BIG = 1 << 20


def _member(m: Member) -> dict[str, Any]:
    return {
        "id": m.id,
        "p": m.pseudonym,
        "sig": b64e(m.sig_pub),
        "box": b64e(m.box_pub),
        "seq": m.joined_seq,
        "epoch": m.epoch,
        "role": m.role,
        "gone": m.gone,
    }


def _unmember(d: dict[str, Any]) -> Member:
    return Member(
        str(d["id"]),
        str(d["p"]),
        b64d(d["sig"], max_len=32),
        b64d(d["box"], max_len=32),
        int(d["seq"]),
        int(d["epoch"]),
        str(d["role"]),
        bool(d["gone"]),
    )


def dumps(state: GroupState) -> bytes:
    sig_seed, box_secret = state.me.to_bytes()
    value = {
        "format": FORMAT,
        "room": b64e(state.room_id),
        "admin_pub": b64e(state.admin_pub),
        "me": [b64e(sig_seed), b64e(box_secret)],
        "epochs": {str(n): b64e(k.secret) for n, k in state.epochs.items()},
        "doors": [b64e(d.secret) for d in state.doors],
        "admin_key": None if state.admin_key is None else b64e(bytes(state.admin_key)),
        "members": [_member(m) for m in state.members.values()],
        "names": state.names,
        "waiting": [[seq, eid, b64e(blob)] for seq, eid, blob in state.waiting],
        "knocks": [_member(m) for m in state.knocks.values()],
        "rules": state.rules,
        "removed_me": state.removed_me,
        "roster_warning": state.roster_warning,
        "dropped": state.dropped,
        "cursor": state.cursor,
        "approval": state.approval,
        "door_expires": state.door_expires,
        "entered": {str(n): seq for n, seq in state.entered.items()},
    }
    return json.dumps(value, separators=(",", ":")).encode()


def loads(data: bytes) -> GroupState:
    """The state back; a damaged blob is a ProtocolError (the vault's own check should catch it first)."""
    try:
        v = json.loads(data.decode())
        if v.get("format") != FORMAT:
            raise ProtocolError("state format")
        me = MemberKeys.from_bytes(b64d(v["me"][0], max_len=32), b64d(v["me"][1], max_len=32))
        state = GroupState(b64d(v["room"], max_len=32), b64d(v["admin_pub"], max_len=32), me)
        state.epochs = {
            int(n): EpochKeys.from_secret(int(n), b64d(s, max_len=32)) for n, s in v["epochs"].items()
        }
        state.doors = [DoorKeys.from_secret(b64d(s, max_len=32)) for s in v["doors"]]
        if v["admin_key"] is not None:
            state.admin_key = nacl.signing.SigningKey(b64d(v["admin_key"], max_len=32))
        state.members = {m.id: m for m in map(_unmember, v["members"])}
        state.names = {str(k): str(mid) for k, mid in v["names"].items()}
        state.waiting = [(int(s), str(e), b64d(b, max_len=_BIG)) for s, e, b in v["waiting"]]
        state.knocks = {m.id: m for m in map(_unmember, v["knocks"])}
        state.rules = v["rules"]
        state.removed_me = bool(v["removed_me"])
        state.roster_warning = bool(v["roster_warning"])
        state.dropped = int(v["dropped"])
        state.cursor = int(v["cursor"])
        state.approval = bool(v["approval"])
        state.door_expires = int(v["door_expires"])
        state.entered = {int(n): int(seq) for n, seq in v.get("entered", {}).items()}
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise ProtocolError("state") from exc
    return state


def load(conn: Connection, group_id: int) -> GroupState:
    row = conn.execute("SELECT state FROM group_v2 WHERE group_id = ?", (group_id,)).fetchone()
    if row is None:
        raise ProtocolError("no v2 state")
    return loads(bytes(row[0]))


def save(conn: Connection, group_id: int, state: GroupState, *, group_row: bool = True) -> None:
    """Write the state; call inside the transaction that applied the events it reflects.
    `group_row=False` leaves peer_group alone (a v1 group's upgrade being prepared)."""
    conn.execute(
        "INSERT INTO group_v2 (group_id, state) VALUES (?, ?)"
        " ON CONFLICT (group_id) DO UPDATE SET state = excluded.state",
        (group_id, dumps(state)),
    )
    if not group_row:
        return
    # The admin column keeps `groups()` (is_admin) in one query for v1 and v2 alike.
    conn.execute(
        "UPDATE peer_group SET admin_key = ?, admin_pub = ? WHERE id = ?",
        (None if state.admin_key is None else bytes(state.admin_key), state.admin_pub, group_id),
    )
