"""A member who has just joined an open version-2 group is told to sync once before writing (the group's key
comes with the first sync), not that an admin must approve them; in an approval group they are told to wait."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerapp.sync.errors import NotJoinedYet, WaitingForApproval
from support import servers
from support.servers import ServerProcess
from support.sync_tools import new_service

sqlite_server = servers.sqlite_server


def test_writing_before_the_first_sync_says_to_sync(tmp_path: Path, sqlite_server: ServerProcess) -> None:
    alice = new_service(tmp_path / "alice")
    group, invite = alice.create_group(sqlite_server.url, "Open", "Alice")
    alice.sync(group.id)
    bob = new_service(tmp_path / "bob")
    joined = bob.join_group(invite, "Bob")
    with pytest.raises(NotJoinedYet) as early:
        bob.post(joined.id, "too soon")
    assert "Sync once" in early.value.user_message()
    bob.sync(joined.id)
    bob.post(joined.id, "after the first sync")

    gated, gated_invite = alice.create_group(sqlite_server.url, "Gated", "Alice", approval=True)
    alice.sync(gated.id)
    waiting = bob.join_group(gated_invite, "Bob")
    bob.sync(waiting.id)
    with pytest.raises(WaitingForApproval) as held:
        bob.post(waiting.id, "let me in")
    assert not isinstance(held.value, NotJoinedYet)
