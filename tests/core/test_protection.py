"""Vault protection: look-alike key slots, duress wipe and decoy, failure delays, wipe after N, panic wipe."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest
from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_encrypt

from peerapp.core import backup, decoy, keyslot, protection, wipe
from peerapp.core.errors import (
    CorruptKeySlot,
    PassphraseInUse,
    VaultNotFound,
    VaultWiped,
    WeakPassphrase,
    WipeNotConfirmed,
    WrongPassphrase,
    WrongRecoveryKey,
)
from peerapp.core.journal import Entry, JournalRepository, local_now
from peerapp.core.keyslot import DURESS_DECOY, DURESS_WIPE, FAST_KDF
from peerapp.core.paths import config_dir
from peerapp.core.settings import Settings
from peerapp.core.vault import DB_NAME, SLOTS_NAME, SPARE_NAME, Vault, format_recovery_key
from support import PASSPHRASE, CliResult

DURESS = "a calm and boring passphrase"
REAL_TEXT = "Met K. at the community centre; I felt safe for the first time."


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def texts(vault: Vault) -> list[str]:
    conn = vault.connect()
    try:
        return sorted(e.text for e in JournalRepository(conn).page(limit=1000))
    finally:
        vault.release(conn)


def write(vault: Vault, text: str) -> None:
    conn = vault.connect()
    try:
        JournalRepository(conn).add(Entry(at=local_now(), mood=3, text=text))
    finally:
        vault.release(conn)


def make_vault(folder: Path, recovery: bool = False) -> tuple[Vault, str | None]:
    """A locked vault with one real entry and its spare, as the app leaves it."""
    v = Vault(folder, kdf=FAST_KDF)
    key = v.create(PASSPHRASE, with_recovery_key=recovery)
    write(v, REAL_TEXT)
    decoy.ensure_spare(v)
    v.lock()
    return v, key


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def shape(path: Path) -> list[dict[str, object]]:
    """What an observer sees of each slot: field names, decoded lengths, cost, and which salts repeat."""
    doc = json.loads(path.read_bytes())
    salts = [slot["salt"] for slot in doc["slots"]]
    return [
        {
            "fields": sorted(slot),
            "kdf": slot["kdf"],
            "lengths": [len(base64.b64decode(slot[k])) for k in ("salt", "nonce", "wrapped")],
            "salt group": salts.index(slot["salt"]),
        }
        for slot in doc["slots"]
    ] + [{"format": doc["format"], "size": path.stat().st_size}]


# -- key file shape -----------------------------------------------------------------------------


def test_key_file_looks_the_same_with_and_without_duress(tmp_path: Path) -> None:
    plain, _ = make_vault(tmp_path / "plain")
    wiping, _ = make_vault(tmp_path / "wiping")
    wiping.unlock(PASSPHRASE)
    wiping.set_duress(DURESS, DURESS_WIPE)
    wiping.lock()
    decoyed, _ = make_vault(tmp_path / "decoyed")
    decoyed.unlock(PASSPHRASE)
    decoy.set_up_decoy(decoyed, DURESS)
    decoyed.lock()
    shapes = [shape(v.slots_path) for v in (plain, wiping, decoyed)]
    assert shapes[0] == shapes[1] == shapes[2]
    assert len(shapes[0]) == keyslot.SLOT_COUNT + 1
    # Nothing in the file names a role.
    for v in (plain, wiping, decoyed):
        text = v.slots_path.read_text()
        for word in ("kind", "role", "duress", "decoy", "wipe", "recovery", "passphrase"):
            assert word not in text


def test_decoy_files_look_like_a_normal_vaults(tmp_path: Path) -> None:
    plain, _ = make_vault(tmp_path / "plain")
    decoyed, _ = make_vault(tmp_path / "decoyed")
    decoyed.unlock(PASSPHRASE)
    decoy.set_up_decoy(decoyed, DURESS)
    decoyed.lock()
    names = sorted(p.name for p in plain.directory.iterdir())
    assert (
        names
        == sorted(p.name for p in decoyed.directory.iterdir())
        == sorted([DB_NAME, SLOTS_NAME, SPARE_NAME])
    )
    for name in (SLOTS_NAME, SPARE_NAME):
        assert (plain.directory / name).stat().st_size == (decoyed.directory / name).stat().st_size, name
    for v in (plain, decoyed):
        spare = v.spare_path.read_bytes()
        assert len(spare) % 4096 == 0 and not spare.startswith(b"SQLite format 3")
        assert v.spare_path.stat().st_mode & 0o777 == 0o600


# -- duress passphrase ----------------------------------------------------------------------------


def test_duress_wipe_at_unlock_leaves_a_fresh_app(data_dir: Path) -> None:
    v, _ = make_vault(data_dir)
    v.unlock(PASSPHRASE)
    v.set_duress(DURESS, DURESS_WIPE)
    v.lock()
    Settings(language="ar", autolock_minutes=9).save()
    keys_before = v.slots_path.read_bytes()
    with pytest.raises(VaultWiped):
        protection.unlock(Vault(data_dir), DURESS)
    # The key file is gone (so the data can never be opened), then everything else.
    assert not v.slots_path.exists()
    assert sorted(p.name for p in data_dir.iterdir()) == []
    assert not Vault(data_dir).exists()
    assert not (config_dir() / "settings.json").exists()
    assert Settings.load().language == ""  # the first-run screen asks for a language again
    with pytest.raises(VaultNotFound):
        Vault(data_dir).unlock(PASSPHRASE)
    assert keys_before  # it existed before the wipe


def test_duress_decoy_opens_the_decoy_not_the_journal(data_dir: Path) -> None:
    v, _ = make_vault(data_dir)
    v.unlock(PASSPHRASE)
    decoy.set_up_decoy(v, DURESS)
    v.lock()
    real_db = (data_dir / DB_NAME).read_bytes()

    fake = Vault(data_dir)
    protection.unlock(fake, DURESS)
    seeded = texts(fake)
    assert len(seeded) == len(decoy.SEED) and REAL_TEXT not in seeded
    write(fake, "Watched a film with my cousin.")
    assert "Watched a film with my cousin." in texts(fake)
    fake.lock()
    assert (data_dir / DB_NAME).read_bytes() == real_db  # the journal was never touched

    real = Vault(data_dir)
    protection.unlock(real, PASSPHRASE)
    assert texts(real) == [REAL_TEXT]
    real.lock()
    protection.unlock(real, DURESS)  # and the decoy kept what was written in it
    assert "Watched a film with my cousin." in texts(real)
    real.lock()


def test_changing_passphrase_inside_the_decoy_keeps_the_journal(data_dir: Path) -> None:
    v, recovery = make_vault(data_dir, recovery=True)
    assert recovery is not None
    v.unlock(PASSPHRASE)
    decoy.set_up_decoy(v, DURESS)
    v.lock()
    fake = Vault(data_dir)
    fake.unlock(DURESS)
    fake.change_passphrase(DURESS, "someone else's choice")
    decoy_recovery = fake.new_recovery_key()
    fake.lock()
    with pytest.raises(WrongPassphrase):
        Vault(data_dir).unlock(DURESS)
    for open_decoy in (
        lambda w: w.unlock("someone else's choice"),
        lambda w: w.unlock_with_recovery_key(decoy_recovery),
    ):
        w = Vault(data_dir)
        open_decoy(w)
        assert REAL_TEXT not in texts(w)
        w.lock()
    for open_real in (lambda w: w.unlock(PASSPHRASE), lambda w: w.unlock_with_recovery_key(recovery)):
        w = Vault(data_dir)
        open_real(w)
        assert texts(w) == [REAL_TEXT]
        w.lock()


def test_duress_must_differ_from_the_passphrase_and_nothing_changes(data_dir: Path) -> None:
    v, _ = make_vault(data_dir)
    v.unlock(PASSPHRASE)
    before = snapshot(data_dir)
    with pytest.raises(PassphraseInUse):
        v.set_duress(PASSPHRASE, DURESS_WIPE)
    with pytest.raises(PassphraseInUse):
        decoy.set_up_decoy(v, PASSPHRASE)
    with pytest.raises(WeakPassphrase):
        v.set_duress("short", DURESS_WIPE)
    assert snapshot(data_dir) == before
    v.set_duress(DURESS, DURESS_WIPE)
    with pytest.raises(PassphraseInUse):
        v.set_passphrase(DURESS)
    v.lock()
    Vault(data_dir).unlock(PASSPHRASE)


def test_removing_the_duress_passphrase(data_dir: Path) -> None:
    v, _ = make_vault(data_dir)
    v.unlock(PASSPHRASE)
    v.set_duress(DURESS, DURESS_WIPE)
    size = v.slots_path.stat().st_size
    v.clear_duress()
    assert v.slots_path.stat().st_size == size
    v.lock()
    with pytest.raises(WrongPassphrase):
        Vault(data_dir).unlock(DURESS)
    assert (data_dir / DB_NAME).exists()
    Vault(data_dir).unlock(PASSPHRASE)


def test_decoy_survives_a_missing_spare(data_dir: Path) -> None:
    """A key file restored without its spare still opens an (empty) decoy instead of an error."""
    v, _ = make_vault(data_dir)
    v.unlock(PASSPHRASE)
    decoy.set_up_decoy(v, DURESS)
    v.lock()
    v.spare_path.unlink()
    fake = Vault(data_dir)
    fake.unlock(DURESS)
    assert texts(fake) == []
    fake.lock()
    Vault(data_dir).unlock(PASSPHRASE)


# -- failed unlocks ---------------------------------------------------------------------------------


def test_delays_grow_and_survive_a_restart(data_dir: Path) -> None:
    make_vault(data_dir)
    clock = FakeClock()
    assert [protection.delay_after(n) for n in range(1, 11)] == [0, 0, 1, 2, 4, 8, 16, 32, 60, 60]
    waits = []
    for _ in range(5):
        guard = protection.UnlockGuard(data_dir, clock=clock)  # a new guard each time: as after a restart
        left = guard.seconds_left()
        waits.append(left)
        if left:
            with pytest.raises(protection.UnlockDelayed):
                protection.unlock(Vault(data_dir), "not it", guard=guard)
            clock.now += left
        with pytest.raises(WrongPassphrase):
            protection.unlock(Vault(data_dir), "not it", guard=guard)
    assert waits == [0, 0, 0, 1, 2]
    state = protection.UnlockGuard(data_dir, clock=clock).load()
    assert state.failures == 5 and state.wait_until == clock.now + 4
    # The right passphrase waits too, then works and resets the count.
    guard = protection.UnlockGuard(data_dir, clock=clock)
    with pytest.raises(protection.UnlockDelayed):
        protection.unlock(Vault(data_dir), PASSPHRASE, guard=guard)
    clock.now += 4
    v = Vault(data_dir)
    protection.unlock(v, PASSPHRASE, guard=guard)
    assert texts(v) == [REAL_TEXT]
    assert guard.load().failures == 0 and guard.seconds_left() == 0


def test_turning_the_clock_back_does_not_lock_out_forever(data_dir: Path) -> None:
    make_vault(data_dir)
    clock = FakeClock()
    guard = protection.UnlockGuard(data_dir, clock=clock)
    for _ in range(9):
        guard.failed(guard.begin_attempt())
    clock.now -= 10 * 365 * 86400
    assert guard.seconds_left() == protection.MAX_DELAY


def _fail(data_dir: Path, clock: FakeClock, times: int) -> None:
    for _ in range(times):
        guard = protection.UnlockGuard(data_dir, clock=clock)
        clock.now += guard.seconds_left()
        with pytest.raises((WrongPassphrase, VaultWiped)):
            protection.unlock(Vault(data_dir), "not it", guard=guard)


def test_wipe_after_n_failures_when_turned_on(data_dir: Path) -> None:
    make_vault(data_dir)
    clock = FakeClock()
    protection.UnlockGuard(data_dir).set_wipe_after(5)
    _fail(data_dir, clock, 4)
    assert (data_dir / SLOTS_NAME).exists()
    guard = protection.UnlockGuard(data_dir, clock=clock)
    clock.now += guard.seconds_left()
    with pytest.raises(VaultWiped):
        protection.unlock(Vault(data_dir), "not it", guard=guard)
    assert list(data_dir.iterdir()) == []
    assert not (config_dir() / protection.ATTEMPTS_FILE).exists()


def test_no_wipe_when_turned_off(data_dir: Path) -> None:
    make_vault(data_dir)
    assert protection.UnlockGuard(data_dir).load().wipe_after == 0  # off by default
    clock = FakeClock()
    _fail(data_dir, clock, 12)
    v = Vault(data_dir)
    clock.now += 60
    protection.unlock(v, PASSPHRASE, guard=protection.UnlockGuard(data_dir, clock=clock))
    assert texts(v) == [REAL_TEXT]


def test_recovery_key_failures_count_too(data_dir: Path) -> None:
    make_vault(data_dir)
    for _ in range(3):
        with pytest.raises(WrongRecoveryKey):
            protection.unlock(Vault(data_dir), "AAAA-BBBB", recovery=True)
    assert protection.UnlockGuard(data_dir).load().failures == 3
    assert protection.UnlockGuard(data_dir).seconds_left() > 0


def test_the_counter_file_names_no_folder(data_dir: Path) -> None:
    make_vault(data_dir)
    with pytest.raises(WrongPassphrase):
        protection.unlock(Vault(data_dir), "not it")
    text = protection.UnlockGuard(data_dir).path.read_text()
    assert str(data_dir) not in text and data_dir.name not in text


# -- panic wipe ---------------------------------------------------------------------------------


def test_wipe_now_needs_the_word_then_erases_everything(data_dir: Path, tmp_path: Path) -> None:
    v, _ = make_vault(data_dir)
    v.unlock(PASSPHRASE)
    folder = tmp_path / "backups"
    conn = v.connect()
    backup.set_auto_backup(conn, backup.AutoBackupSettings(True, str(folder), 3))
    v.release(conn)
    made = backup.rotate_backups(v, folder, 3)
    other = folder / "my-notes.txt"
    other.write_text("not ours")
    (tmp_path / "cache").mkdir(exist_ok=True)
    (tmp_path / "cache" / "library-en.db").write_bytes(b"index")
    before = snapshot(data_dir)
    with pytest.raises(WipeNotConfirmed):
        protection.wipe_now(v, "erase me")
    assert snapshot(data_dir) == before and v.is_unlocked

    report = protection.wipe_now(v, "erase", include_backups=True)
    assert not v.is_unlocked
    assert list(data_dir.iterdir()) == []
    assert not made.exists() and other.exists()  # only our automatic backups
    assert not (tmp_path / "cache" / "library-en.db").exists()
    assert 0 <= report.unreadable_after <= report.finished_after and report.not_deleted == []


def test_wipe_keeps_backups_unless_asked(data_dir: Path, tmp_path: Path) -> None:
    v, _ = make_vault(data_dir)
    v.unlock(PASSPHRASE)
    made = backup.rotate_backups(v, tmp_path / "backups", 3)
    protection.wipe_now(v, protection.CONFIRM_WORD)
    assert made.exists()
    # A backup still opens with the passphrase: that is why the wipe offers to erase them.
    backup.restore_backup(made, data_dir)
    w = Vault(data_dir)
    w.unlock(PASSPHRASE)
    assert texts(w) == [REAL_TEXT]
    w.lock()


def test_overwritten_key_file_cannot_open_even_a_copy_of_the_database(data_dir: Path, tmp_path: Path) -> None:
    make_vault(data_dir)
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / DB_NAME).write_bytes((data_dir / DB_NAME).read_bytes())
    keys = (data_dir / SLOTS_NAME).read_bytes()
    assert wipe.overwrite(data_dir / SLOTS_NAME)
    overwritten = (data_dir / SLOTS_NAME).read_bytes()
    assert len(overwritten) == len(keys) and overwritten != keys
    (copy / SLOTS_NAME).write_bytes(overwritten)
    with pytest.raises(CorruptKeySlot):
        Vault(copy).unlock(PASSPHRASE)


# -- format 1 key files ---------------------------------------------------------------------------


def _legacy_key_file(path: Path, master: bytes, recovery: bytes) -> None:
    """A key file as versions before the look-alike slots wrote it."""
    slots = []
    for kind, secret in (("passphrase", PASSPHRASE.encode()), ("recovery", recovery)):
        salt = os.urandom(keyslot.SALT_BYTES)
        slot = keyslot.Slot(FAST_KDF, salt, os.urandom(keyslot.NONCE_BYTES), b"")
        wrapped = crypto_aead_xchacha20poly1305_ietf_encrypt(
            master, slot.header(kind, legacy=True), slot.nonce, keyslot.derive(secret, salt, FAST_KDF)
        )
        slots.append({"kind": kind, **keyslot.Slot(FAST_KDF, salt, slot.nonce, wrapped).to_json()})
    path.write_text(json.dumps({"format": 1, "slots": slots}, indent=1))


def test_format_1_key_file_still_opens_and_is_migrated_on_the_next_write(data_dir: Path) -> None:
    v = Vault(data_dir, kdf=FAST_KDF)
    v.create(PASSPHRASE)
    master = v.current_key()
    write(v, REAL_TEXT)
    v.lock()
    recovery = os.urandom(32)
    _legacy_key_file(v.slots_path, master, recovery)
    recovery_text = format_recovery_key(recovery)

    w = Vault(data_dir)
    w.unlock(PASSPHRASE)
    assert texts(w) == [REAL_TEXT]
    assert json.loads(v.slots_path.read_bytes())["format"] == 1  # reading writes nothing
    w.set_duress(DURESS, DURESS_DECOY, decoy_key=os.urandom(32))
    w.lock()
    doc = json.loads(v.slots_path.read_bytes())
    assert doc["format"] == 2 and len(doc["slots"]) == keyslot.SLOT_COUNT
    assert "kind" not in v.slots_path.read_text()
    for opener in (lambda x: x.unlock(PASSPHRASE), lambda x: x.unlock_with_recovery_key(recovery_text)):
        x = Vault(data_dir)
        opener(x)
        assert texts(x) == [REAL_TEXT]
        x.lock()


# -- the command line ------------------------------------------------------------------------------


def test_cli_counts_failures_and_a_duress_passphrase_wipes(cli: object, data_dir: Path) -> None:
    run = cli  # type: ignore[assignment]
    v, _ = make_vault(data_dir)
    for _ in range(2):
        result: CliResult = run("journal", "list", "--passphrase-stdin", stdin="not it\n")  # type: ignore[operator]
        assert result.code == 3
    assert protection.UnlockGuard(data_dir).load().failures == 2
    # Group commands open the vault through the same counter.
    result = run("group", "list", "--passphrase-stdin", stdin="not it\n")  # type: ignore[operator]
    assert result.code == 3
    assert protection.UnlockGuard(data_dir).load().failures == 3
    result = run("journal", "list", "--passphrase-stdin", stdin=PASSPHRASE + "\n")  # type: ignore[operator]
    assert result.code == 0 and REAL_TEXT in result.stdout
    assert protection.UnlockGuard(data_dir).load().failures == 0

    v.unlock(PASSPHRASE)
    v.set_duress(DURESS, DURESS_WIPE)
    v.lock()
    result = run("journal", "list", "--passphrase-stdin", stdin=DURESS + "\n")  # type: ignore[operator]
    assert result.code == 1 and "Traceback" not in result.stderr
    assert "no journal" in result.stderr.lower()
    assert list(data_dir.iterdir()) == []


def test_a_try_killed_mid_check_counts_once_it_is_stale(data_dir: Path) -> None:
    """Counting happens before the check, so killing the app while it checks skips nothing."""
    make_vault(data_dir)
    clock = FakeClock()
    guard = protection.UnlockGuard(data_dir, clock=clock)
    guard.begin_attempt()  # ... and the process dies here, before it knows the answer
    assert guard.load().failures == 0 and guard.seconds_left() == 0  # a try in flight is no failure yet
    clock.now += protection.STALE_AFTER + 1
    guard.begin_attempt()
    assert guard.load().failures == 1


def test_tries_in_flight_do_not_delay_each_other(data_dir: Path) -> None:
    make_vault(data_dir)
    guard = protection.UnlockGuard(data_dir)
    tokens = [guard.begin_attempt() for _ in range(8)]  # eight processes checking at once
    assert guard.seconds_left() == 0 and len(set(tokens)) == 8
    for token in tokens:
        guard.succeeded(token)
    assert guard.load().pending == [] and guard.load().failures == 0
