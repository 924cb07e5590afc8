"""The CLI's Qt-free translations: the same words as Qt's translator, six Arabic plural forms, no PySide6."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from peerapp.core import catalog, i18n, numerals
from support import ROOT

AI = numerals.ARABIC_INDIC


def test_a_cli_command_in_arabic_never_loads_pyside6(data_dir: Path) -> None:
    script = (
        "import sys\n"
        "from peerapp import cli\n"
        f"code = cli.main(['--lang', 'ar', '--data-dir', {str(data_dir)!r}, 'journal', 'list', '--passphrase-stdin'])\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'PySide6 was imported'\n"
        "print(code)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    result = subprocess.run(
        [sys.executable, "-c", script],
        input="",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2"  # no passphrase on stdin: a usage error, said in Arabic
    assert "عبارة" in result.stderr


@pytest.mark.parametrize(
    ("n", "form"),
    [(0, 0), (1, 1), (2, 2), (3, 3), (10, 3), (11, 4), (99, 4), (100, 5), (102, 5), (103, 3), (111, 4)],
)
def test_arabic_plural_forms_follow_qt_and_cldr(n: int, form: int) -> None:
    assert catalog.PLURAL_RULES["ar"](n) == form


def test_the_catalog_says_what_the_qt_translator_says() -> None:
    from peerapp.gui.shell.translations import app_translator

    translator = app_translator("ar")
    assert translator is not None
    core = catalog.load("ar")
    assert core is not None
    messages = catalog.parse_ts(ROOT / "i18n" / "peerapp_ar.ts")
    checked = 0
    for context, items in messages.items():
        for key, value in items.items():
            source, _, comment = key.partition("\x04")
            # Both write the numbers of a translation in Arabic-Indic digits (the app through its
            # DigitsTranslator and the default locale, which this raw translator has neither of).
            if isinstance(value, list):
                for n in (0, 1, 2, 5, 11, 100):
                    qt = numerals.localize(
                        translator.translate(context, source, comment or None, n) or "", AI
                    )
                    digits = numerals.number(n, AI)
                    expected = qt.replace("%Ln", digits).replace("%n", digits)
                    assert core(context, source, comment or None, n) == expected
            else:
                qt = numerals.localize(translator.translate(context, source, comment or None) or "", AI)
                assert core(context, source, comment or None, -1) == qt
            checked += 1
    assert checked > 800


def test_english_is_the_source_with_only_its_plural_forms() -> None:
    english = catalog.load("en")
    assert english is not None
    assert english("JournalPage", "%Ln entries", None, 1) == "1 entry"
    assert english("JournalPage", "%Ln entries", None, 12) == "12 entries"
    catalog.install("en")
    assert i18n.translate("CLI", "Passphrase: ") == "Passphrase: "
    i18n.set_translator(None)
