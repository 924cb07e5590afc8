"""Arabic is complete: every string the code marks for translation has a finished Arabic translation,
and every plural message has Arabic's six forms (the .ts is checked against a fresh lupdate)."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from support import ROOT


def _lupdate() -> str | None:
    return shutil.which("pyside6-lupdate") or shutil.which("lupdate")


def test_every_marked_string_has_a_finished_arabic_translation(tmp_path: Path) -> None:
    tool = _lupdate()
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "peerapp_ar.ts"
    shutil.copy(ROOT / "i18n" / "peerapp_ar.ts", fresh)
    sources = [str(p) for p in sorted((ROOT / "peerapp").rglob("*.py"))]
    subprocess.run(
        [tool, *sources, "-ts", str(fresh), "-no-obsolete", "-locations", "none", "-silent"], check=True
    )
    root = ET.parse(fresh).getroot()
    missing, plurals = [], []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") == "unfinished":
                missing.append((name, message.findtext("source")))
            if message.get("numerus") == "yes" and len(list(translation.iter("numerusform"))) != 6:
                plurals.append((name, message.findtext("source")))
    assert missing == [], f"{len(missing)} strings without Arabic: {missing[:10]}"
    assert plurals == []
