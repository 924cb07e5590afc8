"""The emotion groups (pleasantness by energy) and finding an emotion by typing, in English or Arabic."""

from __future__ import annotations

import pytest

from peerapp.core import vocab
from peerapp.core.i18n import set_translator
from peerapp.core.vocab import (
    EMOTION_GROUP_DESCRIPTIONS,
    EMOTION_GROUP_TITLES,
    EMOTION_GROUPS,
    EMOTIONS,
    emotion_group,
    emotion_matches,
    emotion_names,
)

# The stored keys: entries, imports and exports name emotions by these; grouping must not change them.
KEYS = (
    "anxious lonely hopeful proud angry sad calm grateful afraid ashamed relieved loved tired overwhelmed "
    "connected empowered happy confused guilty frustrated numb excited accepted rejected safe unsafe"
).split()


def test_every_key_is_in_exactly_one_group_and_no_key_changed() -> None:
    assert list(EMOTIONS) == KEYS
    grouped = [key for keys in EMOTION_GROUPS.values() for key in keys]
    assert sorted(grouped) == sorted(KEYS)
    assert len(grouped) == len(set(grouped))
    assert list(EMOTION_GROUPS) == ["unpleasant_high", "unpleasant_low", "pleasant_low", "pleasant_high"]
    assert set(EMOTION_GROUP_TITLES) == set(EMOTION_GROUPS) == set(EMOTION_GROUP_DESCRIPTIONS)
    assert emotion_group("anxious") == "unpleasant_high"
    assert emotion_group("calm") == "pleasant_low"
    assert emotion_group("from-an-import") is None


def _found(query: str) -> list[str]:
    return [key for key in EMOTIONS if emotion_matches(query, emotion_names(key))]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", KEYS),
        ("gr", ["grateful"]),  # the start of a word, not the middle of "angry"
        ("Anxiety", ["anxious"]),  # a related form, whatever the case
        ("overwhelming", ["overwhelmed"]),  # the same stem
        ("حزين", ["sad"]),  # the adjective finds the noun's label (حزن)
        ("خائف", ["afraid"]),  # hamza on its seat, folded
        ("خايف", ["afraid"]),
        ("اِمتنان", ["grateful"]),  # a kasra typed, ignored
        ("إمتنان", ["grateful"]),  # hamza under alef, ignored
        ("الخوف", ["afraid"]),  # with the article
        ("اِمت", ["grateful"]),  # the start of a word, a kasra typed (no stem can help a part word)
        ("حزِ", ["sad"]),
        ("الامان", ["safe", "unsafe"]),  # «الأمان» typed without its hamza
        ("وحدة", ["lonely"]),  # inside «شعور بالوحدة»
        ("calm lonely", []),  # every word must be found
        ("xyzzy", []),
    ],
)
def test_typing_finds_emotions_in_either_language(query: str, expected: list[str]) -> None:
    # The interface is in English here (no translator): the Arabic names come from the Arabic catalog.
    assert _found(query) == expected


def test_names_include_the_interface_label_english_and_arabic() -> None:
    def upper(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return text.upper() if context == "Vocab" else text

    set_translator(upper)
    try:
        names = emotion_names("lonely")
        assert names[0] == "LONELY"  # what the interface shows comes first
        assert "lonely" in names and "شعور بالوحدة" in names
        assert emotion_matches("LONE", names)
    finally:
        set_translator(None)
    assert vocab.emotion_names("from-an-import")[0] == "from-an-import"
