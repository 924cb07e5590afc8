"""English plurals: every plural message in the code has its English forms ("1 entry", "2 entries").

English is the source language, so Qt would show the source ("%n entries") for every count; the
plural-only i18n/peerapp_en.ts gives the singular. This fails when a new plural has no English forms.
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from support import ROOT


def test_every_plural_message_has_english_singular_and_plural(tmp_path: Path) -> None:
    tool = shutil.which("pyside6-lupdate") or shutil.which("lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "peerapp_en.ts"
    shutil.copy(ROOT / "i18n" / "peerapp_en.ts", fresh)
    sources = [str(p) for p in sorted((ROOT / "peerapp").rglob("*.py"))]
    subprocess.run(
        [tool, *sources, "-ts", str(fresh), "-pluralonly", "-no-obsolete", "-locations", "none", "-silent"],
        check=True,
    )
    root = ET.parse(fresh).getroot()
    messages = [(c.findtext("name"), m) for c in root.iter("context") for m in c.iter("message")]
    assert messages, "lupdate found no plural message"
    missing = []
    for context, message in messages:
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")]
        if translation.get("type") == "unfinished" or len(forms) != 2 or not all(forms):
            missing.append((context, message.findtext("source")))
    assert missing == [], f"plural messages without English forms: {missing}"
