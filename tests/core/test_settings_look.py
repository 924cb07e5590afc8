"""The look settings (colour scheme, reduced motion) are kept, and a damaged value falls back to the default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerapp.core.settings import FILE_NAME, THEMES, Settings


@pytest.mark.parametrize("choice", THEMES)
def test_theme_and_motion_round_trip(tmp_path: Path, choice: str) -> None:
    Settings(theme=choice, reduce_motion=True).save(tmp_path)
    loaded = Settings.load(tmp_path)
    assert loaded.theme == choice and loaded.reduce_motion is True


@pytest.mark.parametrize("theme", ["purple", "", "DARK", 1, None, ["dark"]])
def test_an_unknown_theme_is_the_system_one(tmp_path: Path, theme: object) -> None:
    (tmp_path / FILE_NAME).write_text(json.dumps({"theme": theme, "language": "ar"}), encoding="utf-8")
    loaded = Settings.load(tmp_path)
    assert loaded.theme == "system"
    assert loaded.language == "ar"  # the rest of the file still counts


@pytest.mark.parametrize("value", [1, "true", None, [True]])
def test_reduce_motion_must_be_a_boolean(tmp_path: Path, value: object) -> None:
    (tmp_path / FILE_NAME).write_text(json.dumps({"reduce_motion": value}), encoding="utf-8")
    assert Settings.load(tmp_path).reduce_motion is False
