"""One digit system per line, without Qt: numerals, the CLI's catalog and the real CLI's count messages."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from peerapp.cli.common import retry_message
from peerapp.core import catalog, i18n, numerals
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.library import get_article
from peerapp.core.markdown_render import render
from peerapp.core.settings import Settings
from peerapp.core.vault import Vault
from support import PASSPHRASE, CliResult

AI, WE = numerals.ARABIC_INDIC, numerals.WESTERN
COUNTS = (0, 1, 2, 3, 11, 100)  # one of each Arabic plural form: zero, one, two, few, many, other
ARABIC_LETTER = re.compile("[\u0621-\u064a]")


@pytest.fixture(autouse=True)
def english_afterwards() -> object:
    """Each test may install a language; the next one starts from the untranslated source."""
    yield
    i18n.set_translator(None)
    numerals.set_system(WE)


def digitless(text: str) -> str:
    return re.sub("[0-9\u0660-\u0669]", "#", text)


# -- numerals ----------------------------------------------------------------------------------


def test_numbers_convert_both_ways() -> None:
    assert numerals.number(2026, AI) == "٢٠٢٦"
    assert numerals.number(-5, AI) == "-٥"
    assert numerals.convert("١٢٣", WE) == "123"
    assert numerals.convert("20,000.5", AI) == "٢٠٬٠٠٠٫٥"
    assert numerals.convert("٢٠٬٠٠٠٫٥", WE) == "20,000.5"


@pytest.mark.parametrize(
    ("text", "arabic_indic"),
    [
        ("آخر 3 أشهر", "آخر ٣ أشهر"),
        ("الفائدة %1/5", "الفائدة %1/٥"),  # the placeholder keeps its digit
        ("%Ln تدوينة من أصل 12", "%Ln تدوينة من أصل ١٢"),
        ("التثبيت بالحواس 5-4-3-2-1", "التثبيت بالحواس ٥-٤-٣-٢-١"),
        ("1. ال&موقف", "١. ال&موقف"),
        ("حجم أكبر من 512 ميغابايت و20,000 حرف", "حجم أكبر من ٥١٢ ميغابايت و٢٠٬٠٠٠ حرف"),
        # Typed exactly as shown: words with Latin letters, times, addresses.
        ("بصيغة ISO-8601، مثل 2024-05-01T21:30.", "بصيغة ISO-8601، مثل 2024-05-01T21:30."),
        ("مثل socks5h://127.0.0.1:9050 أو SOCKS5", "مثل socks5h://127.0.0.1:9050 أو SOCKS5"),
        ("عند 21:30 أو 127.0.0.1", "عند 21:30 أو 127.0.0.1"),
        ("happy=5 من 1 إلى 5", "happy=5 من ١ إلى ٥"),
        # A phone number or date the app set apart left to right stays as verified.
        (
            "الهاتف: \u202a+961 81 633 133\u202c، منذ 12 شهرًا",
            "الهاتف: \u202a+961 81 633 133\u202c، منذ ١٢ شهرًا",
        ),
    ],
)
def test_localize_changes_only_the_apps_own_numbers(text: str, arabic_indic: str) -> None:
    assert numerals.localize(text, AI) == arabic_indic
    assert numerals.localize(arabic_indic, WE) == text


def test_english_always_uses_western_digits_arabic_follows_the_setting() -> None:
    assert numerals.system_for("en", AI) == WE
    assert numerals.system_for("ar", AI) == AI
    assert numerals.system_for("ar", WE) == WE
    assert numerals.system_for("ar", "klingon") == AI


def test_the_setting_is_saved_and_a_bad_value_falls_back(tmp_path: Path) -> None:
    assert Settings().digits == AI and Settings().show_hijri is False
    Settings(digits=WE, show_hijri=True).save(tmp_path)
    loaded = Settings.load(tmp_path)
    assert (loaded.digits, loaded.show_hijri) == (WE, True)
    (tmp_path / "settings.json").write_text(json.dumps({"digits": "roman", "show_hijri": "yes"}))
    loaded = Settings.load(tmp_path)
    assert (loaded.digits, loaded.show_hijri) == (AI, False)


def test_an_arabic_article_changes_its_prose_numbers_not_its_phone_numbers() -> None:
    body = get_article("crisis-lines", "ar")
    assert body is not None
    verbatim = re.compile("\u202a[^\u202c]*\u202c")
    as_written = render(body.body)
    shown = render(body.body, AI)
    assert verbatim.findall(shown) == verbatim.findall(as_written) != []
    prose = re.sub("<[^>]*>", " ", verbatim.sub("", shown))
    assert numerals.localize(prose, AI) == prose  # nothing left to convert
    assert "١٢ شهرًا" in prose
    # Numbered lists are numbered by hand: Qt would draw their numbers in Western digits.
    steps = render(get_article("abuse-in-relationships", "ar").body, AI)  # type: ignore[union-attr]
    assert "list-style-type: none" in steps and "١. " in steps


# -- the CLI's catalog -------------------------------------------------------------------------------


def test_numbers_written_into_translations_follow_the_digits() -> None:
    for digits, expected in ((AI, "آخر ٣ أشهر"), (WE, "آخر 3 أشهر")):
        translate = catalog.load("ar", digits)
        assert translate is not None
        assert translate("InsightsPage", "Last 3 months", None, -1) == expected
        # %n and %Ln alike, in the same digits as the rest of the line.
        line = translate("SyncStatusBar", "%n waiting to send", None, 5)
        assert numerals.digit_systems(line) == {digits}, line
        line = translate("JournalPage", "%Ln entries", None, 14)
        assert numerals.digit_systems(line) == {digits}, line


def _check_forms(lines: dict[int, str], digits: str) -> None:
    """Arabic: six different forms, the number shown from 3 on, never two digit systems."""
    for n, line in lines.items():
        assert ARABIC_LETTER.search(line), line
        assert numerals.digit_systems(line) <= {digits}, line
        shown = numerals.number(n, digits)
        assert (shown in line) == (n >= 3), line
    assert len({digitless(line) for line in lines.values()}) == 6, lines


def test_the_clis_wait_message_uses_the_plural_forms() -> None:
    catalog.install("ar", AI)
    _check_forms({n: retry_message(n) for n in COUNTS}, AI)
    catalog.install("ar", WE)
    _check_forms({n: retry_message(n - 0.5 if n else 0) for n in COUNTS}, WE)  # rounded up
    catalog.install("en")
    assert retry_message(1) == "Too many wrong tries; waiting 1 second."
    for n in (0, 2, 3, 11, 100):
        assert retry_message(n) == f"Too many wrong tries; waiting {n} seconds."


# -- the real CLI ----------------------------------------------------------------------------------


def _export_file(folder: Path, n: int, tag: str) -> Path:
    """Our JSON export with `n` entries none of the journal has yet (each has its own uid)."""
    entries = [
        {
            "uid": f"{tag}-{i}",
            "at": f"2026-01-{1 + i % 28:02d}T10:{i % 60:02d}:00+00:00",
            "mood": 3,
            "text": "x",
        }
        for i in range(n)
    ]
    path = folder / f"{tag}.json"
    path.write_text(json.dumps({"format": "peerapp-journal", "version": 1, "entries": entries}), "utf-8")
    return path


def _imports(cli: Callable[..., CliResult], folder: Path, lang: str) -> dict[int, str]:
    lines = {}
    for n in COUNTS:
        path = _export_file(folder, n, f"{lang}{n}")
        result = cli(
            "--lang", lang, "import", "--from", "json", str(path), "--passphrase-stdin", stdin=PASSPHRASE
        )
        assert result.code == 0, result.stderr
        assert "Traceback" not in result.stderr
        lines[n] = result.stdout.strip().splitlines()[0]
    return lines


def test_the_real_cli_counts_in_arabic_and_english(
    cli: Callable[..., CliResult], data_dir: Path, tmp_path: Path
) -> None:
    Vault(data_dir, kdf=FAST_KDF).create(PASSPHRASE)
    _check_forms(_imports(cli, tmp_path, "ar"), AI)
    english = _imports(cli, tmp_path, "en")
    assert english[1] == "Added 1 entry."
    assert [english[n] for n in (0, 2, 3, 11, 100)] == [f"Added {n} entries." for n in (0, 2, 3, 11, 100)]
    # The digits setting of the app reaches the CLI.
    Settings(digits=WE).save()
    path = _export_file(tmp_path, 11, "western")
    result = cli(
        "--lang", "ar", "import", "--from", "json", str(path), "--passphrase-stdin", stdin=PASSPHRASE
    )
    assert result.code == 0, result.stderr
    line = result.stdout.strip().splitlines()[0]
    assert "11" in line and numerals.digit_systems(line) == {WE}, line
