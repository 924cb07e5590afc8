"""Trust under crashes, damage and concurrency (issue 11): each test failed on the code before the fix."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from peerapp.core import crashsafe, protection
from peerapp.core.backup import create_backup, restore_backup
from peerapp.core.errors import DamagedKeyFile
from peerapp.core.journal import Entry, JournalRepository, local_now
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.vault import DB_NAME, SLOTS_NAME, Vault
from support import PASSPHRASE, ROOT, CliResult
from support.damage import SECRET, damage_wrapped_byte, flip_byte_in_the_middle, make_vault

Cli = Callable[..., CliResult]
OTHER_PASSPHRASE = "an older passphrase from backup time"


def hidden_parts(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob(".*") if p.name.endswith(crashsafe.TEMP_SUFFIX))


def kill_when(script: str, marker: str = "READY") -> None:
    """Run `script` in a fresh interpreter and SIGKILL it as soon as it prints `marker`."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            if line.strip() == marker:
                break
        else:
            pytest.fail("the child ended before it reached the moment to kill")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)


# The child stops inside the operation (its progress callback blocks), then is killed there.
_PAUSE = """
import sys, time
from pathlib import Path
from peerapp.core.vault import Vault
v = Vault(Path({data!r}))
v.unlock({passphrase!r})
def progress(done, total):
    if done:
        print("READY", flush=True)
        time.sleep(600)
"""


def test_killed_export_leaves_nothing_after_the_next_unlock(cli: Cli, data_dir: Path, tmp_path: Path) -> None:
    make_vault(data_dir)
    out = tmp_path / "out"
    out.mkdir()
    kill_when(
        _PAUSE.format(data=str(data_dir), passphrase=PASSPHRASE)
        + f"""
from peerapp.core.transfer import export_entries
export_entries(v.connect(), "json", Path({str(out / "journal.json")!r}), progress)
"""
    )
    left = hidden_parts(out)
    assert len(left) == 1 and SECRET.encode() in left[0].read_bytes()  # the kill really left plaintext
    result = cli("journal", "list", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert result.code == 0, result.stderr
    assert hidden_parts(out) == [] and list(out.iterdir()) == []


def test_killed_markdown_folder_export_and_backup_are_swept(cli: Cli, data_dir: Path, tmp_path: Path) -> None:
    make_vault(data_dir)
    out = tmp_path / "out"
    out.mkdir()
    kill_when(
        _PAUSE.format(data=str(data_dir), passphrase=PASSPHRASE)
        + f"""
from peerapp.core.transfer import export_entries
export_entries(v.connect(), "markdown", Path({str(out / "notes")!r}), progress, markdown_folder=True)
"""
    )
    kill_when(
        _PAUSE.format(data=str(data_dir), passphrase=PASSPHRASE)
        + f"""
from peerapp.core.backup import create_backup
create_backup(v, Path({str(out / "b.peerbackup")!r}), progress)
"""
    )
    assert hidden_parts(out)
    assert cli("journal", "list", "--passphrase-stdin", stdin=PASSPHRASE + "\n").code == 0
    assert list(out.iterdir()) == []


def test_panic_wipe_removes_what_a_killed_export_left(data_dir: Path, tmp_path: Path) -> None:
    make_vault(data_dir)
    out = tmp_path / "out"
    out.mkdir()
    kill_when(
        _PAUSE.format(data=str(data_dir), passphrase=PASSPHRASE)
        + f"""
from peerapp.core.transfer import export_entries
export_entries(v.connect(), "csv", Path({str(out / "j.csv")!r}), progress)
"""
    )
    assert hidden_parts(out)
    v = Vault(data_dir)
    v.unlock(PASSPHRASE)  # straight in (no sweep on unlock), then "Erase everything now"
    protection.wipe_now(v, "ERASE")
    assert list(out.iterdir()) == []


# -- the key file --------------------------------------------------------------------------------


def test_damaged_key_file_is_never_a_wrong_try_and_never_wipes(cli: Cli, data_dir: Path) -> None:
    make_vault(data_dir, entries=3)
    protection.UnlockGuard(data_dir).set_wipe_after(5)
    damage_wrapped_byte(data_dir)
    for _ in range(7):  # the right passphrase, more times than the wipe allows
        result = cli("journal", "list", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
        assert result.code == 1, result.stderr
        assert "damaged" in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert (data_dir / DB_NAME).exists() and (data_dir / SLOTS_NAME).exists()
    assert protection.UnlockGuard(data_dir).load().failures == 0


def test_damaged_key_file_repaired_from_a_backup(cli: Cli, data_dir: Path, tmp_path: Path) -> None:
    make_vault(data_dir, entries=3)
    v = Vault(data_dir)
    v.unlock(PASSPHRASE)
    create_backup(v, tmp_path / "b.peerbackup")
    v.lock()
    damage_wrapped_byte(data_dir)
    assert cli("journal", "list", "--passphrase-stdin", stdin=PASSPHRASE + "\n").code == 1
    wrong = cli(
        "restore",
        "--key-file-only",
        str(tmp_path / "b.peerbackup"),
        "--passphrase-stdin",
        stdin="nope nope\n",
    )
    assert wrong.code == 3
    fixed = cli(
        "restore",
        "--key-file-only",
        str(tmp_path / "b.peerbackup"),
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
    )
    assert fixed.code == 0, fixed.stderr
    listed = cli("journal", "list", "--passphrase-stdin", "--json", stdin=PASSPHRASE + "\n")
    assert listed.code == 0 and len(json.loads(listed.stdout)) == 3


def test_backup_of_another_journal_cannot_replace_the_key_file(
    cli: Cli, data_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    make_vault(other, entries=1)
    v = Vault(other)
    v.unlock(PASSPHRASE)
    create_backup(v, tmp_path / "other.peerbackup")
    v.lock()
    make_vault(data_dir, entries=1)
    before = (data_dir / SLOTS_NAME).read_bytes()
    result = cli(
        "restore", "--key-file-only", str(tmp_path / "other.peerbackup"), "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
    )  # fmt: skip
    assert result.code == 1 and "another journal" in result.stderr
    assert (data_dir / SLOTS_NAME).read_bytes() == before


def test_recovery_key_opens_a_journal_whose_passphrase_slot_is_damaged(data_dir: Path) -> None:
    recovery = make_vault(data_dir, entries=1, recovery=True)
    assert recovery is not None
    damage_wrapped_byte(data_dir, slot=0)
    with pytest.raises(DamagedKeyFile):
        protection.unlock(Vault(data_dir), PASSPHRASE)
    v = Vault(data_dir)
    protection.unlock(v, recovery, recovery=True)
    assert v.is_unlocked and v.key_file_damaged
    v.set_passphrase(OTHER_PASSPHRASE)  # rewrites the key file, checksum and all
    v.lock()
    protection.unlock(Vault(data_dir), OTHER_PASSPHRASE)


# -- text from standard input -----------------------------------------------------------------


def test_text_title_and_query_from_standard_input(cli: Cli, data_dir: Path) -> None:
    make_vault(data_dir, entries=0)
    body = "First line of a private note\nسطر ثانٍ بالعربية\n"
    added = cli(
        "journal", "add", "--passphrase-stdin", "--json", "--title", "-", "-",
        stdin=f"{PASSPHRASE}\nA private title\n{body}",
    )  # fmt: skip
    assert added.code == 0, added.stderr
    entry = json.loads(added.stdout)
    assert entry["title"] == "A private title"
    assert entry["text"] == body.rstrip("\n")
    found = cli("journal", "search", "--passphrase-stdin", "--json", "-", stdin=f"{PASSPHRASE}\nسطر\n")
    assert found.code == 0 and [e["id"] for e in json.loads(found.stdout)] == [entry["id"]]
    empty = cli("journal", "add", "--passphrase-stdin", "-", stdin=f"{PASSPHRASE}\n")
    assert empty.code == 2 and "Traceback" not in empty.stderr


# -- concurrency ---------------------------------------------------------------------------------


def _unlock_many(data_dir: str, n: int) -> None:
    for _ in range(n):
        v = Vault(Path(data_dir))
        protection.unlock(v, PASSPHRASE)  # counts the try first, then clears it: two writes each
        v.lock()


def test_parallel_correct_unlocks_all_succeed(data_dir: Path) -> None:
    make_vault(data_dir, entries=1)
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_unlock_many, args=(str(data_dir), 30)) for _ in range(6)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(180)
    assert [w.exitcode for w in workers] == [0] * 6
    assert protection.UnlockGuard(data_dir).load().failures == 0
    assert sorted(p.name for p in data_dir.iterdir()) == [
        "attempts.json",
        "spare.db",
        "vault.db",
        "vault.keys",
    ]


def _count_failures(data_dir: str, n: int) -> None:
    guard = protection.UnlockGuard(Path(data_dir))
    for _ in range(n):
        guard.failed(guard.begin_attempt())


def test_parallel_wrong_tries_are_all_counted(data_dir: Path) -> None:
    make_vault(data_dir, entries=0)
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_count_failures, args=(str(data_dir), 25)) for _ in range(6)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0] * 6
    assert protection.UnlockGuard(data_dir).load().failures == 150


def test_a_fresh_config_folder_does_not_reset_the_delay(
    cli: Cli, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_vault(data_dir, entries=0)
    for _ in range(3):
        assert cli("journal", "list", "--passphrase-stdin", stdin="wrong wrong\n").code == 3
    monkeypatch.setenv("PEERAPP_CONFIG_DIR", str(tmp_path / "somewhere-new"))
    assert protection.UnlockGuard(data_dir).load().failures == 3
    assert protection.UnlockGuard(data_dir).seconds_left() > 0


# -- damage inside vault.db --------------------------------------------------------------------


def test_deep_damage_is_found_and_nothing_more_is_written(cli: Cli, data_dir: Path, tmp_path: Path) -> None:
    make_vault(data_dir, entries=400)
    v = Vault(data_dir)
    v.unlock(PASSPHRASE)
    good = create_backup(v, tmp_path / "good.peerbackup")
    conn = v.connect()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("DELETE FROM kv WHERE key = 'integrity_checked_at'")  # as on a new day
    v.lock()
    flip_byte_in_the_middle(data_dir / DB_NAME)
    before = (data_dir / DB_NAME).read_bytes()
    for command in (
        ["journal", "list"],
        ["journal", "add", "more text"],
        ["journal", "search", "words"],
        ["export", "--format", "json", "-o", str(tmp_path / "e.json")],
        ["backup", "-o", str(tmp_path / "new.peerbackup")],
    ):
        result = cli(*command, "--passphrase-stdin", stdin=PASSPHRASE + "\n")
        assert result.code == 1, (command, result.stderr)
        assert "damaged" in result.stderr and str(good) in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "new.peerbackup").exists() and not (tmp_path / "e.json").exists()
    assert (data_dir / DB_NAME).read_bytes() == before


# -- restore, all or nothing -----------------------------------------------------------------------


def _backup_with_other_passphrase(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    v = Vault(source, kdf=FAST_KDF)
    v.create(OTHER_PASSPHRASE)
    JournalRepository(v.connect()).add(Entry(at=local_now(), text="from the backup"))
    target = create_backup(v, tmp_path / "b.peerbackup")
    v.lock()
    return target


def test_restore_killed_between_its_renames_finishes_on_the_next_start(
    data_dir: Path, tmp_path: Path
) -> None:
    backup = _backup_with_other_passphrase(tmp_path)
    make_vault(data_dir, entries=1)
    real_replace = os.replace
    calls: list[str] = []

    def die_after_first_move(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).parent == data_dir and Path(src).parent.name == crashsafe.STAGING_DIR:
            if calls:
                raise KeyboardInterrupt  # stands in for the kill: nothing after this line runs
            calls.append(str(dst))
        real_replace(src, dst)

    os.replace = die_after_first_move  # type: ignore[assignment]
    try:
        with pytest.raises(KeyboardInterrupt):
            restore_backup(backup, data_dir, overwrite=True)
    finally:
        os.replace = real_replace
    assert crashsafe.staging_dir(data_dir).is_dir()  # half done: one file moved, one not
    v = Vault(data_dir)
    protection.unlock(v, OTHER_PASSPHRASE)  # the next start rolls the restore forward
    assert [e.text for e in JournalRepository(v.connect()).page()] == ["from the backup"]
    v.lock()
    assert not crashsafe.staging_dir(data_dir).exists()


def test_restore_killed_before_its_commit_keeps_the_old_journal(data_dir: Path, tmp_path: Path) -> None:
    backup = _backup_with_other_passphrase(tmp_path)
    make_vault(data_dir, entries=1)
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    staging = crashsafe.stage_new(data_dir)
    (staging / DB_NAME).write_bytes(b"half a database")  # what a kill while copying leaves
    assert Vault(data_dir).exists()
    assert not staging.exists()
    assert {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()} == before
    protection.unlock(Vault(data_dir), PASSPHRASE)
    del backup


def test_concurrent_writers_never_collide_on_a_temp_name(tmp_path: Path) -> None:
    target = tmp_path / "f"
    seen = {crashsafe.temp_path(target) for _ in range(1000)}
    assert len(seen) == 1000
    for i in range(20):
        crashsafe.atomic_write(target, str(i).encode())
    assert target.read_bytes() == b"19" and list(tmp_path.iterdir()) == [target]


def test_rotation_never_replaces_good_backups_with_a_damaged_one(data_dir: Path, tmp_path: Path) -> None:
    from datetime import datetime, timedelta

    from peerapp.core.backup import auto_backups, rotate_backups
    from peerapp.core.errors import VaultDamaged

    make_vault(data_dir, entries=300)
    v = Vault(data_dir)
    v.unlock(PASSPHRASE)
    folder = tmp_path / "auto"
    start = datetime(2026, 1, 1, 12, 0)
    made = [rotate_backups(v, folder, keep=2, now=start + timedelta(days=i)) for i in range(2)]
    conn = v.connect()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    v.lock()
    flip_byte_in_the_middle(data_dir / DB_NAME)
    v = Vault(data_dir)
    v.unlock(PASSPHRASE)
    with pytest.raises(VaultDamaged):
        rotate_backups(v, folder, keep=2, now=start + timedelta(days=5))
    v.lock()
    assert auto_backups(folder) == made  # both good ones kept, no damaged one made
