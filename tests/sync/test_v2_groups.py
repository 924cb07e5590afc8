"""Version 2 groups end to end: three or more members, each with their own real vault, through
GroupService against a real server process (issue 17's "done means")."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerapp.sync import errors, models, protocol
from peerapp.sync.errors import (
    AdminsOnly,
    MemberNotFound,
    PseudonymFixed,
    PseudonymTaken,
    RemovedFromGroup,
    ServerRejected,
    ServerUnavailable,
    WaitingForApproval,
)
from peerapp.sync.v2 import actions, saved
from peerapp.sync.v2.engine import put_request
from peerapp.sync.v2.events import seal_event, sign_member
from peerapp.sync.v2.state import GroupState
from support import servers
from support.servers import ServerProcess
from support.sync_tools import new_service

sqlite_server = servers.sqlite_server
pg_server = servers.pg_server


class Person:
    """One member: a service over their own vault, and their group's local id."""

    def __init__(self, folder: Path, name: str) -> None:
        self.name = name
        self.service = new_service(folder / name)
        self.gid = 0

    def sync(self) -> models.SyncResult:
        return self.service.sync(self.gid)

    def say(self, text: str) -> str:
        return self.service.post(self.gid, text).id

    def texts(self) -> list[tuple[str, str, bool]]:
        """(pseudonym, text, verified) of every top-level post, oldest first."""
        posts = self.service.feed(self.gid, limit=500)
        return [(p.pseudonym, p.text, p.verified) for p in reversed(posts)]

    def state(self) -> GroupState:
        return saved.load(self.service.conn, self.gid)

    def roles(self) -> dict[str, str]:
        return {m.pseudonym: m.role for m in self.service.members(self.gid)}


def group_of(tmp_path: Path, url: str, names: list[str], *, approval: bool = False) -> list[Person]:
    """The first person creates the group; the others join with its invite and sync."""
    people = [Person(tmp_path, n) for n in names]
    first = people[0]
    group, invite = first.service.create_group(url, "Circle", names[0], approval=approval)
    first.gid = group.id
    first.sync()
    for person in people[1:]:
        person.gid = person.service.join_group(invite, person.name).id
        person.sync()
    return people


def sync_all(people: list[Person]) -> None:
    for _ in range(2):  # twice: what one sends in the first round, the others read in the second
        for person in people:
            person.sync()


def test_members_see_each_other_verified_with_the_same_safety_codes(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    ana, ben, cai = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben", "Cai"])
    ben.say("hello from Ben")
    sync_all([ana, ben, cai])
    for person in (ana, ben, cai):
        assert ("Ben", "hello from Ben", True) in person.texts()
        assert person.roles() == {"Ana": "admin", "Ben": "member", "Cai": "member"}
    codes = [{m.pseudonym: m.safety_code for m in p.service.members(p.gid)} for p in (ana, ben, cai)]
    assert codes[0] == codes[1] == codes[2]
    assert len(codes[0]["Ana"].replace(" ", "")) == 30
    group = ana.service.group(ana.gid)
    assert (group.version, group.role, group.removed) == (2, "admin", False)
    assert ben.service.group(ben.gid).role == "member"


def test_impersonation_is_rejected(tmp_path: Path, sqlite_server: ServerProcess) -> None:
    """Cai, holding the group's keys, posts claiming to be Ben, and joins again as "ben": neither
    is ever shown under Ben's name."""
    ana, ben, cai = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben", "Cai"])
    sync_all([ana, ben, cai])
    state = cai.state()
    ben_id = state.names["ben"]
    # A post carrying Ben's member id but signed with Cai's key.
    forged = actions.post(state, "I am Ben, trust me", 0, bytes(32))
    fields = sign_member(state.me, state.room_id, state.current, forged.event_id,
                                 {"v": 2, "k": "post", "b": "I am Ben, trust me", "cw": "", "r": None,
                                  "t": 0, "d": "00" * 32, "seen": []})  # fmt: skip
    fields["m"] = ben_id
    blob = seal_event(state.keys().content_key, state.room_id, forged.event_id, state.current, fields)
    # A second join claiming the pseudonym "ben" with fresh keys.
    impostor = saved.loads(saved.dumps(state))
    from peerapp.sync.v2.keys import MemberKeys

    impostor.me = MemberKeys.generate()
    rejoin = actions.join(impostor, "ben")
    from peerapp.sync.transport import Transport

    with Transport(sqlite_server.url) as link:
        for event_id, sealed in ((forged.event_id, blob), (rejoin.event_id, rejoin.blob)):
            dhash = protocol.delete_hash(bytes(32))
            link.put_post(state.room_id.hex(), event_id, put_request(state, event_id, sealed, dhash))
    sync_all([ana, ben, cai])
    for person in (ana, ben):
        texts = person.texts()
        assert ("Ben", "I am Ben, trust me", True) not in texts
        assert all(not (t == "I am Ben, trust me" and name) for name, t, _v in texts)
        assert [m.pseudonym for m in person.service.members(person.gid)].count("Ben") == 1
        assert len(person.service.members(person.gid)) == 3


def test_a_removed_member_can_neither_read_nor_write_and_the_rest_go_on(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    ana, ben, cai = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben", "Cai"])
    sync_all([ana, ben, cai])
    ana.service.remove_member(ana.gid, "Cai")
    ana.sync()
    ben.say("after the removal")
    sync_all([ana, ben])
    with pytest.raises(RemovedFromGroup):
        cai.sync()
    assert cai.service.group(cai.gid).removed
    assert ("Ben", "after the removal", True) in ana.texts()
    assert "after the removal" not in [t for _n, t, _v in cai.texts()]
    assert cai.state().current == 1
    assert ana.state().current == 2
    # Cai's upload under the old epoch's write key is refused by the server.
    state = cai.state()
    out = actions.post(state, "still here?", 0, bytes(32))
    from peerapp.sync.transport import Transport

    with Transport(sqlite_server.url) as link, pytest.raises(ServerRejected) as refused:
        link.put_post(state.room_id.hex(), out.event_id,
                      put_request(state, out.event_id, out.blob, bytes(32)))  # fmt: skip
    assert refused.value.code == "stale_epoch"
    with pytest.raises(RemovedFromGroup):
        cai.say("still here?")
    assert [m.pseudonym for m in ben.service.members(ben.gid)] == ["Ana", "Ben"]


def test_an_offline_member_catches_up_across_two_rekeys(tmp_path: Path, sqlite_server: ServerProcess) -> None:
    ana, ben, cai, dia, eli = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben", "Cai", "Dia", "Eli"])
    sync_all([ana, ben, cai, dia, eli])
    ben.say("epoch one")
    ben.sync()
    ana.service.remove_member(ana.gid, "Cai")
    ana.sync()
    ana.say("epoch two")
    ana.sync()
    ana.service.remove_member(ana.gid, "Dia")
    ana.sync()
    ana.say("epoch three")
    ana.sync()
    assert ana.state().current == 3
    eli.sync()  # Eli was offline all along
    assert eli.state().current == 3
    assert [t for _n, t, v in eli.texts() if v] == ["epoch one", "epoch two", "epoch three"]
    eli.say("back")
    eli.sync()
    ana.sync()
    assert ("Eli", "back", True) in ana.texts()


def test_a_post_queued_before_a_rekey_is_sealed_again_and_sent(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    ana, ben, cai = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben", "Cai"])
    sync_all([ana, ben, cai])
    ben.say("written offline in epoch one")  # queued, sealed under epoch 1
    ana.service.remove_member(ana.gid, "Cai")
    ana.sync()
    result = ben.sync()  # the stale_epoch answer: pull, seal again under epoch 2, send
    assert result.sent == 1
    ana.sync()
    assert ("Ben", "written offline in epoch one", True) in ana.texts()
    post = ben.service.feed(ben.gid)[0]
    assert post.status == "sent"


def test_an_approval_gated_joiner_reads_nothing_before_and_everything_after(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    ana, ben = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben"], approval=True)
    assert ben.service.group(ben.gid).role == "pending"
    ana.sync()
    assert ana.roles() == {"Ana": "admin", "Ben": "pending"}
    ana.say("before approval")
    ana.sync()
    ben.sync()
    assert ben.texts() == []
    assert ben.state().current == 0
    with pytest.raises(WaitingForApproval):
        ben.say("let me in")
    with pytest.raises(AdminsOnly):
        ben.service.approve(ben.gid, "Ana")
    ana.service.approve(ana.gid, "Ben")
    ana.sync()
    ben.sync()
    ana.say("after approval")
    ana.sync()
    ben.sync()
    assert [t for _n, t, _v in ben.texts()] == ["before approval", "after approval"]
    assert ben.service.group(ben.gid).role == "member"
    ben.say("thank you")
    ben.sync()
    ana.sync()
    assert ("Ben", "thank you", True) in ana.texts()
    assert ana.roles() == {"Ana": "admin", "Ben": "member"}


def test_the_creator_leaves_and_an_admin_remains(tmp_path: Path, sqlite_server: ServerProcess) -> None:
    ana, ben, cai = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben", "Cai"])
    sync_all([ana, ben, cai])
    ana.service.leave_group(ana.gid)
    assert ana.service.groups() == []
    sync_all([ben, cai])
    # Ben, the longest-standing member, holds the admin role now; the group moved on without Ana.
    assert ben.roles() == {"Ben": "admin", "Cai": "member"}
    assert ben.state().current == 2
    ben.service.set_rules(ben.gid, "Be kind.", [models.Contact("Helpline", "+000 1234")])
    ben.sync()
    cai.sync()
    rules = cai.service.rules(cai.gid)
    assert rules is not None and rules.text == "Be kind." and rules.contacts[0].how == "+000 1234"
    with pytest.raises(MemberNotFound):
        ben.service.remove_member(ben.gid, "Ana")


def test_promote_and_demote(tmp_path: Path, sqlite_server: ServerProcess) -> None:
    ana, ben, cai = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben", "Cai"])
    sync_all([ana, ben, cai])
    ana.service.promote(ana.gid, "Ben")
    ana.sync()
    sync_all([ben, cai])
    assert cai.roles()["Ben"] == "admin"
    ben.service.remove_member(ben.gid, "Cai")  # the new admin can act
    ben.sync()
    ana.service.promote(ana.gid, "Ben", demote=True)
    ana.sync()
    ben.sync()
    assert ben.roles() == {"Ana": "admin", "Ben": "member"}
    with pytest.raises(AdminsOnly):
        ben.service.reset_invite(ben.gid)


def test_a_reset_invite_stops_the_old_one_and_members_go_on(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    ana, ben = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben"])
    old = ana.service.invite(ana.gid)
    new = ana.service.reset_invite(ana.gid, expires_days=7)
    ana.sync()
    late = Person(tmp_path, "Late")
    late.gid = late.service.join_group(old, "Late").id
    late.sync()  # the old door's grant is of an epoch the group has left: its join is refused
    ben.say("after the reset")
    fresh = Person(tmp_path, "Fresh")
    fresh.gid = fresh.service.join_group(new, "Fresh").id
    fresh.sync()
    ben.say("still here")
    sync_all([ben, ana, fresh])
    assert ("Ben", "still here", True) in fresh.texts()
    assert ben.service.invite(ben.gid) == new
    late.sync()
    assert late.texts() == []
    assert "Late" not in ana.roles()
    assert ana.roles() == {"Ana": "admin", "Ben": "member", "Fresh": "member"}


def test_a_v1_group_keeps_working_and_upgrades(tmp_path: Path, sqlite_server: ServerProcess) -> None:
    people = [Person(tmp_path, n) for n in ("Ana", "Ben", "Cai")]
    ana, ben, cai = people
    group, invite = ana.service.create_group_v1(sqlite_server.url, "Old circle", "Ana")
    ana.gid = group.id
    ana.sync()
    for person in (ben, cai):
        person.gid = person.service.join_group(invite, person.name).id
    ben.say("a v1 post")
    sync_all(people)
    assert ("Ben", "a v1 post", False) in cai.texts()
    assert ana.service.group(ana.gid).version == 1
    cai.say("written just before the upgrade")  # queued as v1, sent after: sealed again as v2
    new_invite = ana.service.upgrade_group(ana.gid)
    assert new_invite.startswith("PEERAPP2:")
    sync_all(people)
    for person in people:
        assert person.service.group(person.gid).version == 2
        assert person.roles() == {"Ana": "admin", "Ben": "member", "Cai": "member"}
        assert ("Ben", "a v1 post", False) in person.texts()
        assert ("Cai", "written just before the upgrade", True) in person.texts()
    ana.service.remove_member(ana.gid, "Cai")
    ana.sync()
    ben.say("v2 now")
    sync_all([ana, ben])
    assert ("Ben", "v2 now", True) in ana.texts()


def test_a_taken_pseudonym_is_refused_until_another_is_chosen(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    ana, _ben = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben"])
    twin = Person(tmp_path, "twin")
    twin.gid = twin.service.join_group(ana.service.invite(ana.gid), " ben ").id
    with pytest.raises(PseudonymTaken):
        twin.sync()
    with pytest.raises(PseudonymTaken):
        twin.sync()  # the join stays queued, unsent
    twin.service.set_pseudonym(twin.gid, "Bea")
    twin.sync()
    with pytest.raises(PseudonymFixed):
        twin.service.set_pseudonym(twin.gid, "Other")
    twin.say("hi, I am Bea")
    twin.sync()
    ana.sync()
    assert ana.roles() == {"Ana": "admin", "Ben": "member", "Bea": "member"}
    assert ("Bea", "hi, I am Bea", True) in ana.texts()
    ana.service.leave_group(ana.gid)
    assert ana.service.conn.execute("SELECT count(*) FROM group_v2").fetchone()[0] == 0


def test_a_report_reaches_every_admin_and_nobody_else(tmp_path: Path, sqlite_server: ServerProcess) -> None:
    ana, ben, cai = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben", "Cai"])
    sync_all([ana, ben, cai])
    ana.service.promote(ana.gid, "Ben")
    post = ben.say("something unkind")
    sync_all([ana, ben, cai])
    cai.service.report_post(cai.gid, post, "this hurt")
    sync_all([cai, ana, ben])
    for admin in (ana, ben):
        assert [(r.post_id, r.reason) for r in admin.service.reports(admin.gid)] == [(post, "this hurt")]
    with pytest.raises(AdminsOnly.__mro__[1]):  # NotAdmin: a member cannot read reports
        cai.service.reports(cai.gid)
    ana.service.delete_post(ana.gid, post)  # as an admin
    sync_all([ana, cai])
    assert "something unkind" not in [t for _n, t, _v in cai.texts()]


def test_removal_and_approval_on_postgresql(tmp_path: Path, pg_server: ServerProcess) -> None:
    """The same client against the PostgreSQL store: a rekey's compare-and-set and the door."""
    test_a_removed_member_can_neither_read_nor_write_and_the_rest_go_on(tmp_path / "removal", pg_server)
    test_an_approval_gated_joiner_reads_nothing_before_and_everything_after(tmp_path / "approval", pg_server)


def test_an_approved_joiner_whom_a_rekey_overtook_is_welcomed_again(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    ana, ben, cai = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben", "Cai"], approval=True)
    ana.sync()
    ana.service.approve(ana.gid, "Ben")
    ana.sync()
    ben.sync()
    assert ben.roles()["Ben"] == "member"
    ana.service.approve(ana.gid, "Cai")
    ana.sync()
    ana.service.remove_member(ana.gid, "Ben")  # before Cai's app has even looked
    ana.sync()
    cai.sync()  # Cai enters epoch 1, but epoch 2 was sealed without Cai
    ana.sync()  # Ana's app welcomes Cai into epoch 2
    cai.sync()
    cai.say("made it")
    cai.sync()
    ana.sync()
    assert cai.state().current == 2
    assert ("Cai", "made it", True) in ana.texts()
    assert ana.roles() == {"Ana": "admin", "Cai": "member"}


def test_a_removed_members_list_says_so_in_a_sentence_of_its_own(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    ana, ben = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben"])
    ana.sync()
    ana.service.remove_member(ana.gid, "Ben")
    ana.sync()
    with pytest.raises(RemovedFromGroup):
        ben.sync()
    group = ben.service.group(ben.gid)
    assert group.removed and group.last_error == errors.REMOVED
    assert errors.error_text(group.last_error) == RemovedFromGroup().user_message()


def test_leaving_without_the_server(tmp_path: Path, sqlite_server: ServerProcess) -> None:
    """A member forgets the group offline all the same; the last admin must hand the role on first."""
    ana, ben = group_of(tmp_path, sqlite_server.url, ["Ana", "Ben"])
    sync_all([ana, ben])
    for person in (ana, ben):
        person.service.conn.execute(
            "UPDATE peer_group SET server_url = 'http://127.0.0.1:9' WHERE id = ?", (person.gid,)
        )
    with pytest.raises(ServerUnavailable):
        ana.service.leave_group(ana.gid)
    assert ana.service.groups() != []
    ben.service.leave_group(ben.gid)
    assert ben.service.groups() == []
    assert ben.service.conn.execute("SELECT count(*) FROM group_v2").fetchone()[0] == 0
