"""The one cancel token of core.tasks: what it promises, and every long core function stopping on it."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from peerapp.core.backup import create_backup, restore_backup
from peerapp.core.errors import OperationCancelled
from peerapp.core.journal import Entry, JournalRepository
from peerapp.core.tasks import CancelToken
from peerapp.core.vault import Vault


class CancelledAtPoll(CancelToken):
    """A real token that counts as cancelled from its nth poll: stops work in the middle of a step."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.n = n
        self.polls = 0

    def cancelled(self) -> bool:
        self.polls += 1
        return self.is_set() or self.polls >= self.n


def test_the_token_is_an_event_set_once_from_any_thread() -> None:
    token = CancelToken()
    assert not token.cancelled()
    token.raise_if_cancelled()  # nothing yet
    threading.Thread(target=token.cancel).start()
    assert token.wait(10)  # an Event: code that takes one (a group sync) accepts the token
    assert isinstance(token, threading.Event) and token.cancelled()
    with pytest.raises(OperationCancelled):
        token.raise_if_cancelled()
    token.cancel()  # twice is fine
    assert token.cancelled()


def test_a_restore_cancelled_half_way_leaves_the_folder_as_it_was(
    vault: Vault, repo: JournalRepository, tmp_path: Path
) -> None:
    repo.add_many(
        Entry(at=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=i), text=f"{i} " + "y" * 2000)
        for i in range(3000)
    )
    backup = create_backup(vault, tmp_path / "b.peerbackup")
    target = tmp_path / "restored"
    target.mkdir()
    (target / "keep.txt").write_text("unrelated", "utf-8")
    token = CancelledAtPoll(2)  # after the first MiB of the database is copied into the staging folder
    with pytest.raises(OperationCancelled):
        restore_backup(backup, target, cancel=token)
    assert token.polls == 2
    assert sorted(p.name for p in target.iterdir()) == ["keep.txt"]  # no staging folder, no journal
