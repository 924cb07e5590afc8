"""`peerapp group` on version 2 groups, end to end: three users with their own data folders and a
real server; members, remove, promote, approve, invite --reset and rules (design section 7)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from peerapp.core.keyslot import FAST_KDF
from peerapp.core.vault import Vault
from support import PASSPHRASE, CliResult, servers
from support.servers import ServerProcess

Run = Callable[..., CliResult]
STDIN = PASSPHRASE + "\n"
MEMBER_KEYS = {"pseudonym", "role", "safety_code", "me"}

sqlite_server = servers.sqlite_server


def ok(result: CliResult) -> str:
    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def fails(result: CliResult, code: int = 1) -> str:
    assert result.code == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


@pytest.fixture
def people(tmp_path: Path, cli: Callable[..., CliResult]) -> list[Run]:
    runs = []
    for name in ("ana", "ben", "cai"):
        vault = Vault(tmp_path / name, kdf=FAST_KDF)
        vault.create(PASSPHRASE)
        vault.lock()

        def run(*args: str, folder: Path = tmp_path / name, stdin: str = "") -> CliResult:
            return cli("group", *args, "--passphrase-stdin", stdin=STDIN + stdin, data=folder)

        runs.append(run)
    return runs


def members(run: Run) -> dict[str, dict[str, object]]:
    items = json.loads(ok(run("members", "Circle", "--json")))
    for item in items:
        assert set(item) == MEMBER_KEYS
    return {str(item["pseudonym"]): item for item in items}


def test_members_remove_promote_rules_and_invite(people: list[Run], sqlite_server: ServerProcess) -> None:
    ana, ben, cai = people
    invite = ok(
        ana("create", "--server", sqlite_server.url, "--name", "Circle", "--pseudonym", "Ana")
    ).strip()
    assert invite.startswith("PEERAPP2:")
    for run, name in ((ben, "Ben"), (cai, "Cai")):
        ok(run("join", invite, "--pseudonym", name))
        ok(run("sync"))
    ok(ana("sync"))
    seen = members(ana)
    assert {n: m["role"] for n, m in seen.items()} == {"Ana": "admin", "Ben": "member", "Cai": "member"}
    assert seen["Ana"]["me"] is True and seen["Ben"]["me"] is False
    assert members(ben)["Ana"]["safety_code"] == seen["Ana"]["safety_code"]
    assert "Ana" in ok(cai("members", "Circle"))

    ok(ben("post", "Circle", "hello all"))
    ok(ben("sync"))
    ok(ana("sync"))
    post = json.loads(ok(ana("feed", "Circle", "--json")))[0]
    assert (post["pseudonym"], post["verified"]) == ("Ben", True)

    # Only admins act; one translated line, no traceback.
    assert "admin" in fails(ben("remove", "Circle", "Cai"))
    fails(ana("remove", "Circle", "Nobody"))
    ok(ana("remove", "Circle", "Cai"))
    ok(ben("sync"))
    assert set(members(ben)) == {"Ana", "Ben"}
    fails(cai("sync"))  # removed: one line saying so
    fails(cai("post", "Circle", "am I still here?"))

    ok(ana("promote", "Circle", "Ben"))
    ok(ben("sync"))
    assert members(ben)["Ben"]["role"] == "admin"
    ok(ana("promote", "Circle", "Ben", "--demote"))
    ok(ben("sync"))
    assert members(ben)["Ben"]["role"] == "member"

    ok(ana("rules", "Circle", "--set", "-", stdin="Be kind.\nNo names.\n"))
    ok(ben("sync"))
    assert ok(ben("rules", "Circle")).strip() == "Be kind.\nNo names."
    fails(ben("rules", "Circle", "--set", "mine now"))

    before = ok(ben("invite", "Circle")).strip()
    new = ok(ana("invite", "Circle", "--reset", "--expires", "3")).strip().splitlines()[0]
    assert new.startswith("PEERAPP2:") and new != before
    assert ok(ben("invite", "Circle")).strip() == before  # Ben has not synced since
    ok(ben("sync"))
    assert ok(ben("invite", "Circle")).strip() == new
    assert fails(ana("invite", "Circle", "--expires", "0"), 2)


def test_approval_and_a_v1_group_listed_with_its_version(
    people: list[Run], sqlite_server: ServerProcess
) -> None:
    ana, ben, _cai = people
    invite = ok(ana("create", "--server", sqlite_server.url, "--name", "Circle", "--pseudonym", "Ana",
                    "--approval")).strip()  # fmt: skip
    ok(ben("join", invite, "--pseudonym", "Ben"))
    ok(ben("sync"))
    assert json.loads(ok(ben("list", "--json")))[0]["role"] == "pending"
    fails(ben("post", "Circle", "hello?"))
    ok(ana("sync"))
    assert members(ana)["Ben"]["role"] == "pending"
    ok(ana("approve", "Circle", "Ben"))
    ok(ben("sync"))
    listed = json.loads(ok(ben("list", "--json")))[0]
    assert (listed["version"], listed["role"], listed["removed"]) == (2, "member", False)
    ok(ben("post", "Circle", "thanks"))
    ok(ben("sync"))
