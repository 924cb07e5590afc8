"""Sync policy below the widgets: one backoff schedule, one sync of every group that goes on past a
failing one, and error codes (not translated text) in the vault, translated only when shown."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from peerapp.core import db
from peerapp.core.errors import PeerappError
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.vault import Vault
from peerapp.sync import errors, protocol
from peerapp.sync.errors import ServerRejected, ServerUnavailable, SyncTimedOut, error_code, error_text
from peerapp.sync.models import GroupSyncResult, SyncAllResult, SyncResult
from peerapp.sync.schedule import SyncSchedule, next_sync_in
from peerapp.sync.service import GroupService
from support import PASSPHRASE, CliResult, servers
from support.servers import ServerProcess
from support.sync_tools import HostileServer, json_reply, new_vault

sqlite_server = servers.sqlite_server
Cli = Callable[..., CliResult]
UNREACHABLE_URL = "http://127.0.0.1:9"


def test_one_backoff_schedule_one_minute_then_1_2_4_8_15_minutes() -> None:
    assert [next_sync_in(n) for n in range(8)] == [60, 60, 120, 240, 480, 900, 900, 900]
    assert next_sync_in(10**6) == 900
    schedule = SyncSchedule()
    assert schedule.first_delay() == 0  # a fresh schedule syncs at once
    failed = SyncAllResult([GroupSyncResult(1, "a", error=ServerUnavailable("x"))])
    schedule.ran(failed)
    schedule.ran(failed)
    assert (schedule.failures, schedule.last_error, schedule.next_delay()) == (2, "unreachable", 120)
    assert schedule.first_delay() == 120  # still backing off after a lock and unlock... until reset
    schedule.ran(SyncAllResult(cancelled=True))  # a cancelled run says nothing about the server
    assert schedule.failures == 2
    schedule.ran(SyncAllResult([GroupSyncResult(1, "a", result=SyncResult())]))
    assert (schedule.failures, schedule.last_error, schedule.next_delay()) == (0, None, 60)
    schedule.failed(PeerappError())
    schedule.reset()
    assert (schedule.failures, schedule.last_error) == (0, None)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (SyncTimedOut(), "timed_out"),
        (ServerUnavailable("ConnectError"), "unreachable"),
        (ServerRejected("rate_limited", 429), "refused:rate_limited"),
        (protocol.ProtocolError("bad page"), "bad_answer"),
        (PeerappError("anything"), "failed"),
    ],
)
def test_each_failure_has_a_code_whose_text_is_its_message(error: PeerappError, code: str) -> None:
    assert error_code(error) == code
    expected = error.user_message() if isinstance(error, ServerRejected) else type(error)("").user_message()
    assert error_text(code) == expected
    assert error_text("something a newer version wrote") == PeerappError().user_message()


def _refusing(method: str, path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
    return json_reply({"error": {"code": "suspended", "message": "x"}}, 403)


def _garbage(method: str, path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/json"}, b"[1, 2"


def test_sync_all_goes_on_past_failing_groups_and_stores_codes(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    refusing, garbage = HostileServer(_refusing), HostileServer(_garbage)
    try:
        service = GroupService(new_vault(tmp_path / "member").connect())
        for url, name in [
            (UNREACHABLE_URL, "Offline"),
            (refusing.url, "Refusing"),
            (garbage.url, "Garbage"),
            (sqlite_server.url, "Working"),
        ]:
            group, _invite = service.create_group_v1(url, name, "Quiet Fox")
            service.post(group.id, f"hello {name}")
        seen: list[GroupSyncResult] = []
        outcome = service.sync_all(each=seen.append)
        assert (
            [g.name for g in seen]
            == ["Offline", "Refusing", "Garbage", "Working"]
            == [g.name for g in outcome.groups]
        )
        assert [type(e).__name__ for e in outcome.errors] == [
            "ServerUnavailable",
            "ServerRejected",
            "ProtocolError",
        ]
        assert outcome.sent == 1 and not outcome.cancelled  # the working group's post
        stored = {g.name: g.last_error for g in service.groups()}
        assert stored == {
            "Offline": "unreachable",
            "Refusing": "refused:suspended",
            "Garbage": "bad_answer",
            "Working": None,
        }
    finally:
        refusing.close()
        garbage.close()


def test_a_cancelled_sync_all_stops_before_the_next_group(
    tmp_path: Path, sqlite_server: ServerProcess
) -> None:
    from peerapp.core.tasks import CancelToken

    service = GroupService(new_vault(tmp_path / "member").connect())
    for name in ("One", "Two"):
        service.create_group_v1(sqlite_server.url, name, "Quiet Fox")
    token = CancelToken()
    outcome = service.sync_all(cancel=token, each=lambda _done: token.cancel())
    assert outcome.cancelled and [g.name for g in outcome.groups] == ["One"]


def test_old_translated_errors_become_codes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A vault as a version before migration 7 (error codes) left it.
    monkeypatch.setattr(db, "SCHEMA_VERSION", 6)
    vault = new_vault(tmp_path / "old")
    service = GroupService(vault.connect())
    old = {
        "timed_out": SyncTimedOut.message,
        "unreachable": ServerUnavailable.message,
        "bad_answer": protocol.ProtocolError("bad page").args[0],
        "refused:no_room": ServerRejected("no_room").args[0],
        "failed": "تعذّر الوصول إلى خادم المجموعة.",  # stored in Arabic by an older version
    }
    # Rows written by hand: today's service writes columns this old schema does not have yet.
    for number, (name, text) in enumerate([*old.items(), ("fine", None)]):
        service.conn.execute(
            "INSERT INTO peer_group (name, server_url, secret, admin_pub, room, pseudonym, last_error, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z')",
            (name, UNREACHABLE_URL, bytes(32), bytes(32), f"room{number}", "Quiet Fox", text),
        )
    assert service.conn.execute("PRAGMA user_version").fetchone()[0] == 6
    vault.release(service.conn)
    monkeypatch.undo()
    migrated = GroupService(vault.connect())
    assert {g.name: g.last_error for g in migrated.groups()} == {**{code: code for code in old}, "fine": None}


def _user(folder: Path) -> Path:
    vault = Vault(folder, kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    vault.lock()
    return folder


def test_the_cli_lists_the_code_in_json_and_the_translated_text_for_people(cli: Cli, tmp_path: Path) -> None:
    folder = _user(tmp_path / "alice")

    def run(*args: str) -> CliResult:
        result = cli(*args, "--passphrase-stdin", stdin=PASSPHRASE + "\n", data=folder)
        assert "Traceback" not in result.stderr
        return result

    assert (
        run("group", "create", "--server", UNREACHABLE_URL, "--name", "Offline", "--pseudonym", "Fox").code
        == 0
    )
    failed = run("group", "sync")
    assert failed.code == 1 and failed.stderr.startswith("Offline: The group server could not be reached.")
    listed = json.loads(run("group", "list", "--json").stdout)
    assert listed[0]["last_error"] == errors.UNREACHABLE
    assert json.loads(run("--lang", "ar", "group", "list", "--json").stdout)[0]["last_error"] == "unreachable"
    assert run("group", "list").stdout.rstrip().endswith("\t" + error_text("unreachable"))
    arabic = run("--lang", "ar", "group", "list").stdout
    assert "تعذّر الوصول إلى خادم المجموعة" in arabic and "could not be reached" not in arabic
