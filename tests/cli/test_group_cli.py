"""`peerapp group ...` end to end: two users with their own data folders and a real server."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from peerapp.core.keyslot import FAST_KDF
from peerapp.core.vault import Vault
from support import PASSPHRASE, CliResult, servers
from support.servers import ServerProcess

Cli = Callable[..., CliResult]
STDIN = PASSPHRASE + "\n"
POST_KEYS = {"id", "pseudonym", "text", "at", "reply_to", "content_warning", "mine", "status"}

sqlite_server = servers.sqlite_server


def _user(folder: Path) -> Path:
    vault = Vault(folder, kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    vault.lock()
    return folder


def ok(result: CliResult) -> str:
    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def fails(result: CliResult, code: int = 1) -> str:
    assert result.code == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    return result.stderr


@pytest.fixture
def users(tmp_path: Path, cli: Cli) -> tuple[Callable[..., CliResult], Callable[..., CliResult]]:
    a, b = _user(tmp_path / "alice"), _user(tmp_path / "bob")

    def as_user(folder: Path) -> Callable[..., CliResult]:
        return lambda *args: cli("group", *args, "--passphrase-stdin", stdin=STDIN, data=folder)

    return as_user(a), as_user(b)


def _feed(run: Callable[..., CliResult], group: str) -> list[dict[str, object]]:
    items = json.loads(ok(run("feed", group, "--json")))
    for item in items:
        assert POST_KEYS <= set(item)
    return items


def test_two_users_create_join_post_sync_delete_and_leave(
    users: tuple[Cli, Cli], sqlite_server: ServerProcess
) -> None:
    alice, bob = users
    created = alice(
        "create", "--server", sqlite_server.url, "--name", "Night owls", "--pseudonym", "Quiet Fox"
    )
    invite = ok(created).strip()  # the invite alone on stdout (design §7), for scripts
    assert invite.startswith("PEERAPP2:") and "\n" not in invite
    assert "registered" in created.stderr
    assert ok(alice("invite", "Night owls")).strip() == invite
    post_id = ok(alice("post", "1", "Couldn't sleep again.", "--cw", "insomnia")).strip()
    assert _feed(alice, "1")[0]["status"] == "pending"
    ok(bob("join", invite, "--pseudonym", "Calm River"))
    assert "sent 1" in ok(alice("sync"))
    assert "received 1" in ok(bob("sync", "Night owls"))
    (seen,) = _feed(bob, "1")
    assert seen == {**seen, "id": post_id, "pseudonym": "Quiet Fox", "text": "Couldn't sleep again.",
                    "content_warning": "insomnia", "mine": False, "reply_to": None, "status": "received"}  # fmt: skip
    reply_id = ok(bob("post", "1", "Me neither.", "--reply-to", post_id[:6])).strip()
    ok(bob("react", "1", post_id))
    ok(bob("sync"))
    ok(alice("sync", "1"))
    items = _feed(alice, "1")
    assert [i["id"] for i in items] == [post_id, reply_id] and items[1]["reply_to"] == post_id
    assert items[0]["me_too"] == 1
    text = ok(alice("feed", "1"))
    assert "Me neither." in text and "insomnia" in text
    listed = json.loads(ok(alice("list", "--json")))
    assert listed[0]["name"] == "Night owls" and listed[0]["is_admin"] is True
    assert invite not in json.dumps(listed)
    # Bob deletes his reply; Alice deletes her post.
    ok(bob("delete-post", "1", reply_id))
    ok(bob("sync"))
    ok(alice("sync"))
    assert [i["id"] for i in _feed(alice, "1")] == [post_id]
    ok(alice("delete-post", "1", post_id))
    ok(alice("sync"))
    ok(bob("sync"))
    assert _feed(bob, "1") == []
    ok(bob("leave", "1"))
    assert json.loads(ok(bob("list", "--json"))) == []
    fails(bob("feed", "1"))


def test_errors_are_one_translated_line(users: tuple[Cli, Cli], tmp_path: Path) -> None:
    alice, _bob = users
    assert "invite" in fails(alice("join", "PEERAPP2:NOPE", "--pseudonym", "X")).lower()
    fails(alice("create", "--server", "ftp://example.org", "--name", "x"))
    fails(alice("post", "7", "hello"))
    fails(alice("proxy", "http://127.0.0.1:9050"))
    assert "socks5h" in ok(alice("proxy", "socks5h://127.0.0.1:9050"))
    assert "directly" in ok(alice("proxy", "--off"))
    fails(alice("proxy", "socks5h://127.0.0.1:9050", "--off"), code=2)


def test_create_without_a_reachable_server_still_gives_an_invite(users: tuple[Cli, Cli]) -> None:
    alice, _bob = users
    created = alice("create", "--server", "http://127.0.0.1:9", "--name", "Offline", "--pseudonym", "Fox")
    assert ok(created).strip().startswith("PEERAPP2:") and len(created.stdout.splitlines()) == 1
    assert "next sync" in created.stderr
    ok(alice("post", "Offline", "written offline"))
    fails(alice("sync"))
    assert json.loads(ok(alice("list", "--json")))[0]["pending"] == 2


def test_wrong_passphrase_exits_3(cli: Cli, tmp_path: Path) -> None:
    folder = _user(tmp_path / "carol")
    fails(cli("group", "list", "--passphrase-stdin", stdin="wrong passphrase\n", data=folder), code=3)


def test_server_command_passes_its_options(cli: Cli) -> None:
    result = cli("server", "--port", "not-a-number")
    assert result.code == 2 and "Traceback" not in result.stderr
    assert "--retention-days" in ok(cli("server", "--help"))
