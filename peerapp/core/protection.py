"""Vault protection: growing delays after wrong passphrases, optional wipe after N failures, panic wipe."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import crashsafe, db, wipe
from .errors import (
    PeerappError,
    VaultWiped,
    WipeNotConfirmed,
    WrongPassphrase,
    WrongRecoveryKey,
)
from .i18n import QT_TRANSLATE_NOOP, translate
from .paths import atomic_write, cache_dir, config_dir
from .settings import FILE_NAME as SETTINGS_FILE
from .vault import Vault

ATTEMPTS_FILE = "attempts.json"
FREE_FAILURES = 2  # a typo or two costs nothing
STALE_AFTER = 60.0  # a check is one Argon2id run (well under a second); older pending tries were killed
MAX_PENDING = 64
MAX_DELAY = 60.0
WIPE_AFTER_CHOICES = (0, 5, 10, 20)  # 0 = off, the default
CONFIRM_WORD = QT_TRANSLATE_NOOP("Protection", "ERASE")


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` wrong tries in a row: 0, 0, 1, 2, 4, ... capped at a minute."""
    if failures <= FREE_FAILURES:
        return 0.0
    return min(MAX_DELAY, float(2 ** (failures - FREE_FAILURES - 1)))


def confirm_word() -> str:
    """The word to type before a wipe, in the interface language."""
    return translate("Protection", CONFIRM_WORD)


@dataclass
class Attempts:
    """The failure counter of one vault, kept outside it so it survives a restart."""

    failures: int = 0
    wait_until: float = 0.0
    wipe_after: int = 0
    # Start times of tries being checked right now (several processes may check at once). A try
    # still here after STALE_AFTER seconds was killed mid-check, and then counts as a failure.
    pending: list[float] = field(default_factory=list)


class UnlockGuard:
    """Counts wrong passphrases in `attempts.json` beside the vault, under the vault folder's lock.

    It must be readable before unlocking (the delay and the wipe-after-N apply before anyone is in),
    so anyone with the computer can read whether the wipe-after-N is on; see SECURITY.md. It lives
    beside the vault, not in the config folder, so pointing PEERAPP_CONFIG_DIR elsewhere cannot reset
    it, and every read-modify-write holds the folder lock, so parallel tries are all counted.
    """

    def __init__(
        self, data_dir: Path, config: Path | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        self.directory = Path(data_dir)
        # Records written by earlier versions sat in the config folder, keyed by a hash of the path.
        self.legacy_id = hashlib.sha256(str(self.directory.resolve()).encode()).hexdigest()[:16]
        self.config = config
        self.clock = clock

    @property
    def path(self) -> Path:
        return self.directory / ATTEMPTS_FILE

    @property
    def legacy_path(self) -> Path:
        return (self.config or config_dir()) / ATTEMPTS_FILE

    def _read(self) -> dict[str, object] | None:
        try:
            if self.path.stat().st_size > 4096:
                return {}
            raw = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            return {}
        return raw if isinstance(raw, dict) else {}

    def _read_legacy(self) -> dict[str, object]:
        try:
            raw = json.loads(self.legacy_path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        record = raw.get(self.legacy_id) if isinstance(raw, dict) else None
        return record if isinstance(record, dict) else {}

    def load(self) -> Attempts:
        raw = self._read()
        if raw is None:
            raw = self._read_legacy()
        try:
            failures = max(0, int(raw.get("failures", 0)))  # type: ignore[call-overload]
            wait_until = float(raw.get("wait_until", 0.0))  # type: ignore[arg-type]
            wipe_after = int(raw.get("wipe_after", 0))  # type: ignore[call-overload]
            pending_raw = raw.get("pending", [])
            pending = [float(t) for t in pending_raw][:MAX_PENDING] if isinstance(pending_raw, list) else []
        except (TypeError, ValueError, OverflowError):
            return Attempts()
        return Attempts(failures, wait_until, wipe_after if wipe_after in WIPE_AFTER_CHOICES else 0, pending)

    def _save(self, state: Attempts) -> None:
        record = {
            "failures": state.failures,
            "wait_until": state.wait_until,
            "wipe_after": state.wipe_after,
            "pending": state.pending[-MAX_PENDING:],
        }
        atomic_write(self.path, json.dumps(record, sort_keys=True).encode())

    def _settle(self, state: Attempts) -> Attempts:
        """Count tries that were killed mid-check (still pending after STALE_AFTER) as failures."""
        now = self.clock()
        stale = [t for t in state.pending if not (now - STALE_AFTER <= t <= now + STALE_AFTER)]
        if stale:
            state.pending = [t for t in state.pending if t not in stale]
            state.failures += len(stale)
            state.wait_until = now + delay_after(state.failures)
        return state

    def _update(self, change: Callable[[Attempts], Attempts | None]) -> Attempts:
        """Read, change and write the record under the folder lock (None from `change`: write nothing)."""
        if not self.directory.is_dir():
            return Attempts()
        with crashsafe.folder_lock(self.directory):
            state = self.load()
            changed = change(state)
            if changed is not None:
                self._save(changed)
                state = changed
        return state

    def seconds_left(self) -> float:
        """How long before the next try is allowed; a clock turned back cannot stretch it past the cap."""
        left = self.load().wait_until - self.clock()
        return max(0.0, min(left, MAX_DELAY))

    def begin_attempt(self) -> float:
        """Note a try before checking it (returns its token), so killing the app mid-check cannot skip
        the count: an unfinished try becomes a failure once stale. Tries still being checked are not
        failures yet, so two correct unlocks at once never delay each other."""
        token = self.clock()

        def note(state: Attempts) -> Attempts:
            state = self._settle(state)
            mine = token
            while mine in state.pending:  # two tries in the same clock tick: keep them apart
                mine += 1e-6
            state.pending.append(mine)
            return state

        state = self._update(note)
        return state.pending[-1] if state.pending else token

    def failed(self, token: float) -> Attempts:
        """The try was a wrong passphrase: count it, and make the next one wait."""

        def count(state: Attempts) -> Attempts:
            state = self._settle(state)
            if token in state.pending:
                state.pending.remove(token)
            state.failures += 1
            state.wait_until = self.clock() + delay_after(state.failures)
            return state

        return self._update(count)

    def abandon(self, token: float) -> None:
        """The try ended without a verdict (damage, not a wrong passphrase): it is not counted."""

        def drop(state: Attempts) -> Attempts:
            if token in state.pending:
                state.pending.remove(token)
            return state

        self._update(drop)

    def succeeded(self, token: float | None = None) -> None:
        def reset(state: Attempts) -> Attempts | None:
            others = [t for t in state.pending if t != token]
            if state.failures or state.wait_until or others != state.pending or not self.path.exists():
                return Attempts(wipe_after=state.wipe_after, pending=others)
            return None

        self._update(reset)

    def set_wipe_after(self, failures: int) -> None:
        """0 turns the wipe off (the default); otherwise one of WIPE_AFTER_CHOICES."""
        if failures not in WIPE_AFTER_CHOICES:
            raise ValueError(failures)

        def choose(state: Attempts) -> Attempts:
            state.wipe_after = failures
            return state

        self._update(choose)


class UnlockDelayed(PeerappError):
    """A try came before the delay was over; `seconds` says how long is left (the GUI counts down)."""

    message = QT_TRANSLATE_NOOP("Errors", "Too many wrong tries. Wait a moment, then try again.")

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds


def unlock(
    vault: Vault,
    secret: str,
    *,
    recovery: bool = False,
    guard: UnlockGuard | None = None,
    wait: Callable[[float], None] | None = None,
) -> None:
    """Unlock through the failure counter; every front end uses this, so none can skip the delay.

    With `wait`, an early try waits out the delay (the CLI); without it, raises UnlockDelayed.
    A duress passphrase, or the last allowed failure when wipe-after-N is on, wipes everything and
    raises VaultWiped.
    """
    guard = guard or UnlockGuard(vault.directory)
    # Damage is told apart from a wrong passphrase before anything is counted: a damaged key file
    # must never cost a try, and never trigger the wipe-after-N.
    key_file = vault.read_key_file()
    left = guard.seconds_left()
    if left > 0:
        if wait is None:
            raise UnlockDelayed(left)
        wait(left)
    token: float | None = None
    try:
        if not key_file.intact:
            _try(vault, secret, recovery)  # a miss raises DamagedKeyFile
        else:
            token = _counted_try(vault, secret, recovery, guard)
    except VaultWiped:
        finish_wipe(guard=guard)
        raise
    guard.succeeded(token)
    after_unlock(vault)


def _try(vault: Vault, secret: str, recovery: bool) -> None:
    if recovery:
        vault.unlock_with_recovery_key(secret)
    else:
        vault.unlock(secret)


def _counted_try(vault: Vault, secret: str, recovery: bool, guard: UnlockGuard) -> float:
    token = guard.begin_attempt()
    try:
        _try(vault, secret, recovery)
    except (WrongPassphrase, WrongRecoveryKey):
        state = guard.failed(token)
        if state.wipe_after and state.failures >= state.wipe_after:
            panic_wipe(vault, guard=guard)
            raise VaultWiped(str(vault.directory)) from None
        raise
    except VaultWiped:
        raise
    except (PeerappError, db.DatabaseError, OSError):
        # Damage (a key file changed while we checked, a damaged or too new database) is not a
        # wrong try: it never brings a wait or the wipe-after-N closer.
        guard.abandon(token)
        raise
    return token


def after_unlock(vault: Vault) -> list[Path]:
    """Housekeeping every front end needs once the journal is open: leftovers of killed operations
    are removed, and the spare database is made if missing. Returns leftovers that could not be removed.
    """
    failed: list[Path] = []
    try:
        conn = vault.connect()
        try:
            failed = crashsafe.sweep(conn)
        finally:
            vault.release(conn)
        with crashsafe.folder_lock(vault.directory):
            failed += crashsafe.sweep_folder(vault.directory)
    except (OSError, PeerappError, db.DatabaseError):
        pass  # tried again on the next unlock; the record stays in the vault
    # The decoy (and the journal code it writes with) is loaded here, after an unlock, not with
    # the lock screen that imports this module.
    from . import decoy

    try:
        decoy.ensure_spare(vault)
    except (OSError, PeerappError, db.DatabaseError):
        # Best effort: the journal is open; the spare is made on a later unlock instead.
        pass
    return failed


@dataclass
class WipeReport:
    """How the wipe went: seconds until the data was unreadable and until everything was gone."""

    unreadable_after: float = 0.0
    finished_after: float = 0.0
    not_deleted: list[Path] = field(default_factory=list)


def automatic_backups(vault: Vault) -> list[Path]:
    """The automatic backups of an unlocked vault (their folder is known only inside the vault)."""
    from .backup import auto_backups, get_auto_backup  # only when wiping: not on the lock screen

    conn = vault.connect()
    try:
        settings = get_auto_backup(conn)
    finally:
        vault.release(conn)
    return auto_backups(Path(settings.folder)) if settings.folder else []


def finish_wipe(guard: UnlockGuard | None = None, extra: Iterable[Path] = ()) -> list[Path]:
    """Everything after the journal files: extra files, caches, settings and the failure counter."""
    targets = list(extra)
    cache = cache_dir()
    if cache.is_dir():
        # Only rebuildable public content lives here, but a fresh install has none.
        targets.extend(p for p in cache.rglob("*") if p.is_file())
    config = guard.config if guard and guard.config else config_dir()
    targets.extend([config / SETTINGS_FILE, config / ATTEMPTS_FILE])
    if guard is not None:
        targets.append(guard.path)
    return wipe.delete_files(targets)


def panic_wipe(
    vault: Vault,
    *,
    backups: Iterable[Path] = (),
    guard: UnlockGuard | None = None,
    clock: Callable[[], float] = time.perf_counter,
) -> WipeReport:
    """Erase the journal now: key file first (unreadable from here), then databases, backups, caches, settings.

    Leaves what a fresh install leaves: nothing. Automatic backups are erased only when passed in
    (the caller asks the user); they carry the key file and stay openable with the passphrase.
    """
    start = clock()
    report = WipeReport()
    guard = guard or UnlockGuard(vault.directory)
    leftovers = _leftovers(vault)
    try:
        vault.destroy()
    finally:
        report.unreadable_after = clock() - start
    report.not_deleted = [p for p in leftovers if not crashsafe.remove_leftover(p)]
    report.not_deleted += finish_wipe(guard, backups)
    report.finished_after = clock() - start
    return report


def _leftovers(vault: Vault) -> list[Path]:
    """Plaintext temp files a killed export left (known only inside the vault, so only while unlocked)."""
    if not vault.is_unlocked:
        return []
    try:
        conn = vault.connect()
        try:
            return crashsafe.in_flight(conn)
        finally:
            vault.release(conn)
    except (OSError, PeerappError, db.DatabaseError):
        return []


def wipe_now(vault: Vault, typed_word: str, *, include_backups: bool = False) -> WipeReport:
    """The confirmed "Wipe everything now" action: the user must have typed the confirmation word."""
    if typed_word.strip().casefold() not in {confirm_word().casefold(), CONFIRM_WORD.casefold()}:
        raise WipeNotConfirmed()
    backups = automatic_backups(vault) if include_backups and vault.is_unlocked else []
    return panic_wipe(vault, backups=backups)
