"""The command-line contract (design section 7), through the real `python -m peerapp` in a subprocess."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from peerapp import __version__
from peerapp.core.journal import Entry, JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.protection import ATTEMPTS_FILE
from peerapp.core.vault import DB_NAME, SLOTS_NAME, SPARE_NAME, Vault
from support import PASSPHRASE, CliResult

Cli = Callable[..., CliResult]
ENTRY_KEYS = {"id", "at", "mood", "emotions", "tags", "coping", "title", "text"}
NEW_PASSPHRASE = "another passphrase entirely"
STDIN = PASSPHRASE + "\n"


def ok(result: CliResult) -> CliResult:
    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def failed(result: CliResult, code: int) -> str:
    """The single stderr line of a failed command."""
    assert result.code == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 if code != 2 else len(lines) >= 1, result.stderr
    return lines[-1]


def snapshot(folder: Path) -> dict[str, bytes]:
    """The vault's files; the wrong-try counter beside them is meant to change on a wrong try."""
    return {
        p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != "attempts.json"
    }


def check_entry_shape(item: object) -> dict[str, object]:
    assert isinstance(item, dict)
    assert ENTRY_KEYS <= set(item)
    assert isinstance(item["id"], int)
    assert isinstance(item["at"], str) and datetime.fromisoformat(item["at"]).tzinfo is not None
    assert item["mood"] is None or isinstance(item["mood"], int)
    for key in ("emotions", "tags", "coping"):
        assert isinstance(item[key], list)
    assert isinstance(item["title"], str) and isinstance(item["text"], str)
    return item


def same_entry(a: dict[str, object], b: dict[str, object]) -> bool:
    """Equal as entries: tag order is not part of the contract."""

    def norm(d: dict[str, object]) -> dict[str, object]:
        tags = d["tags"]
        assert isinstance(tags, list)
        return {**d, "tags": sorted(tags)}

    return norm(a) == norm(b)


def run_json(cli: Cli, *args: str) -> list[dict[str, object]]:
    data = json.loads(ok(cli(*args, "--json", "--passphrase-stdin", stdin=STDIN)).stdout)
    assert isinstance(data, list)
    return data


@pytest.fixture
def fast_vault(data_dir: Path) -> Path:
    """An empty, locked vault with a cheap KDF: the CLI reads the cost from the key file."""
    v = Vault(data_dir, kdf=FAST_KDF)
    v.create(PASSPHRASE)
    v.lock()
    return data_dir


def test_version(cli: Cli) -> None:
    result = ok(cli("--version"))
    assert result.stdout.strip() == f"peerapp {__version__}"


def test_init_then_use_with_real_kdf(cli: Cli, data_dir: Path) -> None:
    result = ok(cli("init", "--passphrase-stdin", stdin=STDIN))
    assert str(data_dir) in result.stdout
    assert PASSPHRASE not in result.stdout + result.stderr
    # The same files the app makes (core.session.create_journal): every journal folder looks alike.
    assert {p.name for p in data_dir.iterdir()} == {DB_NAME, SLOTS_NAME, SPARE_NAME, ATTEMPTS_FILE}
    assert data_dir.stat().st_mode & 0o777 == 0o700
    slots = json.loads((data_dir / SLOTS_NAME).read_text())
    kdf = slots["slots"][0]["kdf"]
    # A vault made by the app uses at least RFC 9106's second setting, never the test setting.
    assert kdf["alg"] == "argon2id" and kdf["ops"] >= 3 and kdf["mem"] >= 64 * 1024 * 1024

    added = ok(cli("journal", "add", "--passphrase-stdin", "أشعر بالأمل today", stdin=STDIN))
    entry_id = int(added.stdout.strip())
    shown = ok(cli("journal", "show", str(entry_id), "--json", "--passphrase-stdin", stdin=STDIN))
    assert check_entry_shape(json.loads(shown.stdout))["text"] == "أشعر بالأمل today"

    # init again refuses and leaves the journal alone
    before = snapshot(data_dir)
    message = failed(cli("init", "--passphrase-stdin", stdin="some other passphrase\n"), 1)
    assert "already" in message
    assert snapshot(data_dir) == before


def test_init_with_recovery_key(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "with-recovery"
    result = ok(cli("init", "--recovery-key", "--passphrase-stdin", stdin=STDIN, data=folder))
    key = result.stdout.strip().splitlines()[-1]
    v = Vault(folder)
    v.unlock_with_recovery_key(key)  # the printed key really opens the vault
    v.lock()


def test_init_refuses_weak_passphrase(cli: Cli, data_dir: Path) -> None:
    message = failed(cli("init", "--passphrase-stdin", stdin="short\n"), 1)
    assert "8" in message
    assert not (data_dir / DB_NAME).exists()


def test_add_list_search_show_delete(cli: Cli, fast_vault: Path) -> None:
    added = ok(
        cli(
            "journal",
            "add",
            "--passphrase-stdin",
            "--json",
            "--mood",
            "2",
            "--emotion",
            "anxious",
            "--emotion",
            "hopeful",
            "--tag",
            "عائلة",
            "--tag",
            "work",
            "--coping",
            "box-breathing",
            "--at",
            "2024-05-01T21:30:00+03:00",
            "--title",
            "Long day",
            "I practised breathing.\nأشعر بالتعب",
            stdin=STDIN,
        )
    )
    first = check_entry_shape(json.loads(added.stdout))
    assert first["mood"] == 2
    assert first["emotions"] == ["anxious", "hopeful"]
    assert sorted(first["tags"]) == sorted(["عائلة", "work"])  # type: ignore[type-var]
    coping = first["coping"]
    assert isinstance(coping, list) and [c["technique"] for c in coping] == ["box-breathing"]
    assert first["at"] == "2024-05-01T21:30:00+03:00"  # the given offset is kept
    assert first["title"] == "Long day"
    assert first["text"] == "I practised breathing.\nأشعر بالتعب"

    second = ok(
        cli("journal", "add", "--passphrase-stdin", "--at", "2024-05-02T08:00", "calm morning", stdin=STDIN)
    )
    second_id = int(second.stdout.strip())

    listed = run_json(cli, "journal", "list")
    assert [check_entry_shape(e)["id"] for e in listed] == [second_id, first["id"]]  # newest first
    assert same_entry(listed[1], first)

    found = run_json(cli, "journal", "search", "اشعر")
    assert [e["id"] for e in found] == [first["id"]]  # hamza-less query, normalised search
    assert same_entry(check_entry_shape(found[0]), first)

    shown = json.loads(
        ok(cli("journal", "show", str(first["id"]), "--json", "--passphrase-stdin", stdin=STDIN)).stdout
    )
    assert same_entry(check_entry_shape(shown), first)

    deleted = ok(cli("journal", "delete", str(first["id"]), "--passphrase-stdin", stdin=STDIN))
    assert str(first["id"]) in deleted.stdout
    assert [e["id"] for e in run_json(cli, "journal", "list")] == [second_id]
    assert run_json(cli, "journal", "search", "breathing") == []

    # Moved to the trash, not erased: the core still has it there.
    v = Vault(fast_vault)
    v.unlock(PASSPHRASE)
    trashed = JournalRepository(v.connect()).get(int(str(first["id"])))
    assert trashed.deleted_at is not None
    v.lock()


def test_list_text_output_and_limit(cli: Cli, fast_vault: Path) -> None:
    v = Vault(fast_vault)
    v.unlock(PASSPHRASE)
    repo = JournalRepository(v.connect())
    for day in range(1, 6):
        repo.add(Entry(at=datetime.fromisoformat(f"2024-06-0{day}T10:00+00:00"), mood=day, text=f"day {day}"))
    v.lock()
    result = ok(cli("journal", "list", "--limit", "3", "--passphrase-stdin", stdin=STDIN))
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3
    assert [line.split("\t")[-1] for line in lines] == ["day 5", "day 4", "day 3"]
    assert [line.split("\t")[2] for line in lines] == ["5", "4", "3"]


def test_passwd(cli: Cli, fast_vault: Path) -> None:
    before = snapshot(fast_vault)
    failed(cli("passwd", "--passphrase-stdin", stdin=f"wrong old passphrase\n{NEW_PASSPHRASE}\n"), 3)
    assert snapshot(fast_vault) == before

    ok(cli("passwd", "--passphrase-stdin", stdin=f"{PASSPHRASE}\n{NEW_PASSPHRASE}\n"))
    assert (fast_vault / DB_NAME).read_bytes() == before[DB_NAME]  # rewrapped, not re-encrypted
    message = failed(cli("journal", "list", "--passphrase-stdin", stdin=STDIN), 3)
    assert "passphrase" in message.lower()
    ok(cli("journal", "list", "--passphrase-stdin", stdin=NEW_PASSPHRASE + "\n"))


def test_passwd_weak_new_passphrase_changes_nothing(cli: Cli, fast_vault: Path) -> None:
    before = snapshot(fast_vault)
    failed(cli("passwd", "--passphrase-stdin", stdin=f"{PASSPHRASE}\nshort\n"), 1)
    assert snapshot(fast_vault) == before


@pytest.mark.parametrize(
    "args",
    [
        ("journal", "add", "--mood", "9", "text"),
        ("journal", "add", "--mood", "bad", "text"),
        ("journal", "add"),  # no TEXT
        ("journal", "show", "not-a-number"),
        ("journal", "frobnicate"),
    ],
)
def test_usage_errors_exit_2(cli: Cli, fast_vault: Path, args: tuple[str, ...]) -> None:
    result = cli(*args, "--passphrase-stdin", stdin=STDIN)
    assert result.code == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()


def test_bad_at_exits_2(cli: Cli, fast_vault: Path) -> None:
    before = snapshot(fast_vault)
    result = cli("journal", "add", "--at", "yesterday-ish", "text", "--passphrase-stdin", stdin=STDIN)
    message = failed(result, 2)
    assert "--at" in message
    assert snapshot(fast_vault) == before


def test_missing_passphrase_on_stdin_exits_2(cli: Cli, fast_vault: Path) -> None:
    message = failed(cli("journal", "list", "--passphrase-stdin", stdin=""), 2)
    assert "passphrase" in message.lower()


@pytest.mark.parametrize("args", [("journal", "list"), ("journal", "add", "hello")])
def test_no_vault_exits_1_with_clear_message(cli: Cli, data_dir: Path, args: tuple[str, ...]) -> None:
    message = failed(cli(*args, "--passphrase-stdin", stdin=STDIN), 1)
    assert "peerapp init" in message
    assert not (data_dir / DB_NAME).exists()
    assert not (data_dir / SLOTS_NAME).exists()


def test_show_missing_entry_exits_1(cli: Cli, fast_vault: Path) -> None:
    message = failed(cli("journal", "show", "4242", "--passphrase-stdin", stdin=STDIN), 1)
    assert "4242" in message or "no journal entry" in message.lower()


def test_damage_found_by_a_query_fails_cleanly(cli: Cli, fast_vault: Path) -> None:
    """Damage past the pages checked at unlock surfaces mid-command: still exit 1, one line, no traceback."""
    v = Vault(fast_vault)
    v.unlock(PASSPHRASE)
    when = datetime.fromisoformat("2024-06-01T10:00+00:00")
    JournalRepository(v.connect()).add_many(Entry(at=when, text="some words " * 60) for _ in range(200))
    v.lock()
    path = fast_vault / DB_NAME
    data = bytearray(path.read_bytes())
    for page in range(3, len(data) // 4096):  # one flipped byte in every page after the schema
        data[page * 4096 + 2000] ^= 0xFF
    path.write_bytes(bytes(data))
    message = failed(cli("journal", "list", "--passphrase-stdin", stdin=STDIN), 1)
    assert "damaged" in message
