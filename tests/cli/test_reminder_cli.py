"""An entry added with the CLI today counts as today's check-in for the reminders (issue 19): the app, even
running locked, reads it from the settings file and shows no reminder that day. Older entries do not count."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from peerapp.core.keyslot import FAST_KDF
from peerapp.core.settings import Settings
from peerapp.core.vault import Vault
from support import PASSPHRASE, CliResult

Cli = Callable[..., CliResult]


def test_a_cli_entry_dated_today_is_todays_check_in(cli: Cli, data_dir: Path) -> None:
    v = Vault(data_dir, kdf=FAST_KDF)
    v.create(PASSPHRASE)
    v.lock()
    settings = Settings()
    settings.reminders_on = True
    settings.save()
    yesterday = (datetime.now().astimezone() - timedelta(days=1)).isoformat(timespec="minutes")
    old = cli(
        "journal", "add", "--at", yesterday, "--passphrase-stdin", "-", stdin=f"{PASSPHRASE}\nyesterday\n"
    )
    assert old.code == 0, old.stderr
    assert Settings.load().reminder_memory().checked_in != date.today()
    new = cli("journal", "add", "--passphrase-stdin", "-", stdin=f"{PASSPHRASE}\ntoday\n")
    assert new.code == 0, new.stderr
    assert Settings.load().reminder_memory().checked_in == date.today()


def test_nothing_is_written_while_reminders_are_off(cli: Cli, data_dir: Path) -> None:
    v = Vault(data_dir, kdf=FAST_KDF)
    v.create(PASSPHRASE)
    v.lock()
    Settings().save()
    before = Settings.load().reminder_state
    assert cli("journal", "add", "--passphrase-stdin", "-", stdin=f"{PASSPHRASE}\ntoday\n").code == 0
    assert Settings.load().reminder_state == before == {}
