"""`peerapp prompt [--theme THEME] [--json]` through the real `python -m peerapp`: today's prompt in the
chosen language, the JSON shape, themes, an unknown theme as a usage error, and no vault needed; and
`journal show --json` carrying an entry's prompt."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from peerapp.core import prompts
from peerapp.core.journal import Entry, JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.settings import Settings
from peerapp.core.vault import Vault
from support import PASSPHRASE, CliResult

Cli = Callable[..., CliResult]


def todays(lang: str, theme: str | None = None) -> set[str]:
    """Today's prompt id, and tomorrow's in case the command runs just after midnight."""
    today = date.today()
    return {prompts.prompt_for_today(lang, today + timedelta(days=n), theme).id for n in (0, 1)}


def test_prints_todays_prompt_without_a_vault(cli: Cli, data_dir: Path) -> None:
    result = cli("--lang", "en", "prompt")
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    texts = {prompts.by_id("en", pid).text for pid in todays("en")}  # type: ignore[union-attr]
    assert result.stdout.strip() in texts
    # Nothing was made: no vault, no folder.
    assert not data_dir.exists() or not any(data_dir.iterdir())


def test_json_in_both_languages_names_the_same_prompt(cli: Cli) -> None:
    shown = {}
    for lang in ("en", "ar"):
        result = cli("--lang", lang, "prompt", "--json")
        assert result.code == 0, result.stderr
        data = json.loads(result.stdout)
        assert set(data) == {"id", "theme", "text", "lang"}
        assert data["lang"] == lang and data["id"] in todays(lang)
        assert data["text"] == prompts.by_id(lang, data["id"]).text  # type: ignore[union-attr]
        shown[lang] = data
    assert shown["en"]["id"] == shown["ar"]["id"] and shown["en"]["text"] != shown["ar"]["text"]


def test_the_saved_language_is_the_default(cli: Cli) -> None:
    Settings(language="ar").save()
    data = json.loads(cli("prompt", "--json").stdout)
    assert data["lang"] == "ar"


def test_a_theme_gives_that_themes_prompt(cli: Cli) -> None:
    for theme in prompts.THEMES:
        result = cli("--lang", "en", "prompt", "--theme", theme, "--json")
        assert result.code == 0, result.stderr
        data = json.loads(result.stdout)
        assert data["theme"] == theme and data["id"] in todays("en", theme)


def test_an_unknown_theme_is_a_usage_error_listing_the_themes(cli: Cli) -> None:
    result = cli("--lang", "en", "prompt", "--theme", "nonsense", "--json")
    assert result.code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert "nonsense" in line
    assert all(theme in line for theme in prompts.THEMES)


def test_help_lists_the_command(cli: Cli) -> None:
    result = cli("--help")
    assert result.code == 0 and "prompt" in result.stdout
    result = cli("prompt", "--help")
    assert result.code == 0 and "--theme" in result.stdout and "--json" in result.stdout


def test_journal_show_json_carries_the_entrys_prompt(cli: Cli, data_dir: Path) -> None:
    vault = Vault(data_dir, kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    repo = JournalRepository(vault.connect())
    asked = prompts.by_id("ar", "strengths-01")
    assert asked is not None
    with_prompt = repo.add(Entry(at=datetime(2026, 12, 3, 20).astimezone(), text="جواب", prompt=asked.text))
    without = repo.add(Entry(at=datetime(2026, 12, 3, 21).astimezone(), text="plain"))
    vault.lock()
    shown = cli(
        "journal", "show", str(with_prompt.id), "--json", "--passphrase-stdin", stdin=PASSPHRASE + "\n"
    )
    assert shown.code == 0, shown.stderr
    assert json.loads(shown.stdout)["prompt"] == asked.text
    plain = cli("journal", "show", str(without.id), "--json", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert "prompt" not in json.loads(plain.stdout)
