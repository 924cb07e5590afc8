"""Protocol version 2 as members' clients see it: identities, impersonation, removal and epochs,
approval, admins and succession, and a hostile server that forges, replays, reorders and withholds.

The room here is the server's one ordered sequence held in a list; the same events go through a
real server process in the server tests once the v2 endpoints exist."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import nacl.signing
import pytest

from peerapp.sync.protocol import InvalidInvite, b64e
from peerapp.sync.v2 import actions
from peerapp.sync.v2.actions import Outgoing
from peerapp.sync.v2.events import seal_event, sign_member
from peerapp.sync.v2.invite import InviteV2
from peerapp.sync.v2.keys import DoorKeys, MemberKeys, new_secret, safety_code
from peerapp.sync.v2.state import Accepted, GroupState


@dataclass
class Room:
    """The server's sequence: events in the order it stored them."""

    events: list[tuple[int, str, bytes]] = field(default_factory=list)

    def add(self, out: Outgoing) -> int:
        seq = self.events[-1][0] + 1 if self.events else 1
        self.events.append((seq, out.event_id, out.blob))
        return seq


@dataclass
class Client:
    name: str
    state: GroupState
    cursor: int = 0
    seen: list[Accepted] = field(default_factory=list)

    def pull(self, room: Room) -> list[Accepted]:
        fresh: list[Accepted] = []
        for seq, event_id, blob in [e for e in room.events if e[0] > self.cursor]:
            fresh += self.state.apply(seq, event_id, blob)
            self.cursor = seq
        self.seen += fresh
        return fresh

    def posts(self) -> list[tuple[str | None, str, bool]]:
        return [
            (a.author.pseudonym if a.author else None, a.fields["b"], a.verified)
            for a in self.seen
            if a.kind == "post"
        ]


def dhash() -> bytes:
    return os.urandom(32)


def say(client: Client, room: Room, text: str) -> None:
    room.add(actions.post(client.state, text, 0, dhash()))


def make_group(room: Room, *, approval: bool = False) -> tuple[Client, DoorKeys, InviteV2]:
    admin = nacl.signing.SigningKey.generate()
    state = GroupState(os.urandom(32), bytes(admin.verify_key), MemberKeys.generate(), admin_key=admin)
    state.enter(1, new_secret())
    door = DoorKeys.from_secret(new_secret())
    state.doors.append(door)
    alice = Client("Alice", state)
    room.add(actions.join(state, "Alice"))
    if not approval:
        room.add(actions.grant(state, door))
    alice.pull(room)
    invite = InviteV2("https://example.org", state.room_id, door.secret, state.admin_pub, "Circle", approval)
    return alice, door, invite


def join_open(room: Room, invite: InviteV2, name: str) -> Client:
    state = GroupState(invite.room_id, invite.admin_pub, MemberKeys.generate())
    state.doors.append(DoorKeys.from_secret(invite.door_secret))
    client = Client(name, state)
    client.pull(room)
    assert state.current >= 1, "an open group's grant lets an invite holder in"
    room.add(actions.join(state, name))
    client.pull(room)
    return client


def sync(room: Room, *clients: Client) -> None:
    for client in clients:
        client.pull(room)


def test_members_see_each_others_posts_under_verified_names() -> None:
    room = Room()
    alice, _door, invite = make_group(room)
    bob = join_open(room, invite, "Bob")
    carol = join_open(room, invite, "Carol")
    say(bob, room, "hello from Bob")
    say(carol, room, "مرحبا من كارول")
    sync(room, alice, bob, carol)
    for client in (alice, bob, carol):
        assert ("Bob", "hello from Bob", True) in client.posts()
        assert ("Carol", "مرحبا من كارول", True) in client.posts()
    assert {m.pseudonym for m in alice.state.active()} == {"Alice", "Bob", "Carol"}


def test_impersonation_is_never_shown_under_the_victims_name() -> None:
    room = Room()
    alice, _door, invite = make_group(room)
    bob = join_open(room, invite, "Bob")
    mallory = join_open(room, invite, "Mallory")
    # Mallory signs with her own key but claims Bob's member id.
    forged = actions.post(mallory.state, "I am Bob, trust me", 0, dhash())
    from peerapp.sync.v2.events import open_event

    keys = mallory.state.keys()
    fields = open_event(keys.content_key, room_id := mallory.state.room_id, forged.event_id, forged.blob)
    fields["m"] = bob.state.me.id
    resealed = seal_event(keys.content_key, room_id, forged.event_id, keys.epoch, fields)
    room.add(Outgoing(forged.event_id, resealed, keys.epoch))
    # And a second claim of the pseudonym "Bob" with fresh keys.
    impostor = GroupState(invite.room_id, invite.admin_pub, MemberKeys.generate())
    impostor.doors.append(DoorKeys.from_secret(invite.door_secret))
    Client("Bob again", impostor).pull(room)
    room.add(actions.join(impostor, "bob"))
    room.add(actions.post(impostor, "also Bob", 0, dhash()))
    sync(room, alice)
    shown = alice.posts()
    assert ("Bob", "I am Bob, trust me", True) not in shown
    assert (None, "I am Bob, trust me", False) in shown
    assert all(author is None for author, text, _ in shown if text == "also Bob")
    assert [m.pseudonym.casefold() for m in alice.state.active()].count("bob") == 1


def test_a_join_must_be_signed_by_the_key_it_registers() -> None:
    room = Room()
    alice, _door, invite = make_group(room)
    mallory = join_open(room, invite, "Mallory")
    victim = MemberKeys.generate()  # someone's keys Mallory wants to bind to a name she chose
    keys = mallory.state.keys()
    event_id = actions.new_event_id()
    fields = {
        "v": 2,
        "k": "join",
        "p": "Helper",
        "sig_pub": b64e(victim.sig_pub),
        "box_pub": b64e(victim.box_pub),
    }
    signed = sign_member(mallory.state.me, mallory.state.room_id, keys.epoch, event_id, fields)
    signed["m"] = victim.id  # claims the victim's id; the signature is Mallory's
    blob = seal_event(keys.content_key, mallory.state.room_id, event_id, keys.epoch, signed)
    room.add(Outgoing(event_id, blob, keys.epoch))
    alice.pull(room)
    assert victim.id not in alice.state.members
    assert "Helper" not in {m.pseudonym for m in alice.state.active()}


def test_removed_member_cannot_read_new_posts_and_others_continue() -> None:
    room = Room()
    alice, _door, invite = make_group(room, approval=False)
    bob = join_open(room, invite, "Bob")
    carol = join_open(room, invite, "Carol")
    sync(room, alice)
    out, new_keys = actions.rekey(alice.state, remove=[carol.state.me.id])
    room.add(out)
    sync(room, alice, bob, carol)
    assert alice.state.current == bob.state.current == 2
    assert carol.state.current == 1 and carol.state.removed_me
    say(bob, room, "after Carol left")
    sync(room, alice, carol)
    assert ("Bob", "after Carol left", True) in alice.posts()
    assert all(text != "after Carol left" for _, text, _ in carol.posts())
    assert new_keys.write_pub != carol.state.keys().write_pub  # the server gets a key Carol lacks


def test_offline_member_catches_up_across_two_rekeys() -> None:
    room = Room()
    alice, _door, invite = make_group(room)
    bob = join_open(room, invite, "Bob")
    carol = join_open(room, invite, "Carol")
    dave = join_open(room, invite, "Dave")
    sync(room, alice)
    room.add(actions.rekey(alice.state, remove=[carol.state.me.id])[0])
    alice.pull(room)
    say(alice, room, "epoch two")
    room.add(actions.rekey(alice.state, remove=[bob.state.me.id])[0])
    alice.pull(room)
    say(alice, room, "epoch three")
    dave.pull(room)  # Dave was offline the whole time
    assert dave.state.current == 3
    assert {t for _, t, _ in dave.posts()} >= {"epoch two", "epoch three"}


def test_joiner_reads_nothing_before_approval_and_everything_after() -> None:
    room = Room()
    alice, door, invite = make_group(room, approval=True)
    say(alice, room, "rules of the circle")
    joiner = GroupState(invite.room_id, invite.admin_pub, MemberKeys.generate())
    joiner.doors.append(DoorKeys.from_secret(invite.door_secret))
    erin = Client("Erin", joiner)
    room.add(actions.knock(invite.room_id, invite.admin_pub, joiner.doors[0], joiner.me, "Erin"))
    erin.pull(room)
    assert joiner.current == 0 and erin.posts() == []
    alice.pull(room)
    request = alice.state.knocks[joiner.me.id]
    assert request.pseudonym == "Erin"
    room.add(actions.welcome(alice.state, door, request))
    erin.pull(room)
    assert joiner.current == 1
    assert ("Alice", "rules of the circle", True) in erin.posts()


def test_creator_leaves_and_the_promoted_admin_carries_on() -> None:
    room = Room()
    alice, _door, invite = make_group(room)
    bob = join_open(room, invite, "Bob")
    carol = join_open(room, invite, "Carol")
    sync(room, alice)
    bob_member = alice.state.members[bob.state.me.id]
    room.add(actions.promote(alice.state, bob_member))
    sync(room, alice, bob, carol)
    assert bob.state.admin_key is not None
    room.add(actions.leave(alice.state))
    sync(room, bob, carol)
    assert [m.pseudonym for m in bob.state.leaving()] == ["Alice"]
    room.add(actions.rekey(bob.state, remove=[])[0])
    bob.pull(room)
    room.add(actions.rules(bob.state, "Be kind.", [{"name": "Helpline", "how": "call 123"}]))
    sync(room, bob, carol, alice)
    assert bob.state.current == carol.state.current == 2 and alice.state.current == 1
    assert carol.state.rules == {"text": "Be kind.", "contacts": [{"name": "Helpline", "how": "call 123"}]}
    assert alice.state.rules is None


def test_demoted_admin_loses_the_admin_role() -> None:
    room = Room()
    alice, _door, invite = make_group(room)
    bob = join_open(room, invite, "Bob")
    sync(room, alice)
    room.add(actions.promote(alice.state, alice.state.members[bob.state.me.id]))
    sync(room, alice, bob)
    me = alice.state.members[alice.state.me.id]
    out, _new = actions.rotate_admins(alice.state, [me])
    room.add(out)
    sync(room, alice, bob)
    assert bob.state.admin_key is None and alice.state.admin_key is not None
    # Bob still holds the old role key: what he signs with it no longer counts.
    old = GroupState(bob.state.room_id, bob.state.admin_pub, bob.state.me, dict(bob.state.epochs))
    old.admin_key = nacl.signing.SigningKey.generate()
    room.add(actions.rules(old, "forged rules", []))
    sync(room, alice)
    assert alice.state.rules is None


# --- a hostile server ------------------------------------------------------------------------


def test_forged_rekey_is_dropped() -> None:
    room = Room()
    alice, _door, invite = make_group(room)
    bob = join_open(room, invite, "Bob")
    mallory = join_open(room, invite, "Mallory")
    sync(room, alice, bob)
    mallory.state.admin_key = nacl.signing.SigningKey.generate()  # not the group's admin key
    room.add(actions.rekey(mallory.state, remove=[alice.state.me.id])[0])
    sync(room, alice, bob)
    assert alice.state.current == bob.state.current == 1
    assert not alice.state.removed_me


def test_replayed_rekey_never_moves_a_member_back_or_on() -> None:
    room = Room()
    alice, _door, invite = make_group(room)
    bob = join_open(room, invite, "Bob")
    sync(room, alice)
    out, _ = actions.rekey(alice.state, remove=[])
    room.add(out)
    sync(room, alice, bob)
    room.events.append((room.events[-1][0] + 1, out.event_id, out.blob))  # the same event again
    dropped = bob.state.dropped
    bob.pull(room)
    assert bob.state.current == 2 and bob.state.dropped > dropped


def test_reordered_and_withheld_rekeys_wait_then_apply() -> None:
    room = Room()
    alice, _door, invite = make_group(room)
    bob = join_open(room, invite, "Bob")
    sync(room, alice)
    first, _ = actions.rekey(alice.state, remove=[])
    hidden = Room(list(room.events))
    hidden.add(first)
    alice.pull(hidden)
    say(alice, hidden, "in epoch two")
    second, _ = actions.rekey(alice.state, remove=[])
    hidden.add(second)
    alice.pull(hidden)
    say(alice, hidden, "in epoch three")
    # The server shows Bob everything but the first rekey, then the first rekey last.
    shown = Room([e for e in hidden.events if e[1] != first.event_id])
    bob.pull(shown)
    assert bob.state.current == 1 and len(bob.state.waiting) == 3
    assert all(t not in ("in epoch two", "in epoch three") for _, t, _ in bob.posts())
    shown.add(first)
    bob.pull(shown)
    assert bob.state.current == 3 and not bob.state.waiting
    assert {t for _, t, _ in bob.posts()} >= {"in epoch two", "in epoch three"}


def test_a_roster_the_admin_never_saw_is_caught() -> None:
    room = Room()
    alice, _door, invite = make_group(room)
    bob = join_open(room, invite, "Bob")
    sync(room, alice)
    # A forked server: at the same seq Alice is shown her own post and Bob a join she never sees.
    private = Room(list(room.events))
    sneaky = join_open(private, invite, "Sneaky")
    say(alice, room, "only Alice sees this at that seq")
    alice.pull(room)
    bob.pull(private)
    assert sneaky.state.me.id in bob.state.members
    out, _ = actions.rekey(alice.state, remove=[])
    mixed = Room(list(private.events))
    mixed.add(out)
    bob.pull(mixed)
    assert bob.state.roster_warning
    assert bob.state.current == 1  # the epoch is refused, not silently entered


def test_a_member_who_joined_during_a_rekey_is_welcomed_not_lost() -> None:
    room = Room()
    alice, door, invite = make_group(room)
    bob = join_open(room, invite, "Bob")
    sync(room, alice)
    out, _ = actions.rekey(alice.state, remove=[])  # built before Frank's join reached Alice
    frank = join_open(room, invite, "Frank")
    room.add(out)
    sync(room, alice, bob, frank)
    assert not bob.state.roster_warning and bob.state.current == 2
    assert frank.state.current == 1
    assert [m.pseudonym for m in alice.state.left_behind()] == ["Frank"]
    room.add(actions.welcome(alice.state, door, alice.state.members[frank.state.me.id]))
    say(alice, room, "welcome, Frank")
    sync(room, alice, frank)
    assert frank.state.current == 2 and not alice.state.left_behind()
    assert ("Alice", "welcome, Frank", True) in frank.posts()


# --- codes and invites -----------------------------------------------------------------------


def test_safety_codes_agree_and_differ() -> None:
    room_id, member = os.urandom(32), MemberKeys.generate()
    code = safety_code(room_id, member.sig_pub)
    assert code == safety_code(room_id, member.sig_pub)
    assert len(code.split()) == 6 and all(len(g) == 5 and g.isdigit() for g in code.split())
    assert code != safety_code(room_id, MemberKeys.generate().sig_pub)
    assert code != safety_code(os.urandom(32), member.sig_pub)  # per group, never linkable


def test_invite_v2_round_trip_expiry_and_damage() -> None:
    invite = InviteV2(
        "https://groups.example.org", os.urandom(32), os.urandom(32), os.urandom(32), "حلقة", True, 20500
    )
    text = invite.encode()
    assert text.startswith("PEERAPP2:") and InviteV2.decode(text.lower()) == invite
    assert invite.expired(20501) and not invite.expired(20500)
    damaged = text[:-3] + ("A" if text[-3] != "A" else "B") + text[-2:]
    with pytest.raises(InvalidInvite):
        InviteV2.decode(damaged)
