"""Bilingual vocabularies: mood levels and emotion keys (design section 3)."""

from __future__ import annotations

from .i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "Vocab"

MOODS: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("Vocab", "Very bad"),
    2: QT_TRANSLATE_NOOP("Vocab", "Bad"),
    3: QT_TRANSLATE_NOOP("Vocab", "Okay"),
    4: QT_TRANSLATE_NOOP("Vocab", "Good"),
    5: QT_TRANSLATE_NOOP("Vocab", "Very good"),
}

# Keys are stable English snake_case; labels are translated for display.
EMOTIONS: dict[str, str] = {
    "anxious": QT_TRANSLATE_NOOP("Vocab", "anxious"),
    "lonely": QT_TRANSLATE_NOOP("Vocab", "lonely"),
    "hopeful": QT_TRANSLATE_NOOP("Vocab", "hopeful"),
    "proud": QT_TRANSLATE_NOOP("Vocab", "proud"),
    "angry": QT_TRANSLATE_NOOP("Vocab", "angry"),
    "sad": QT_TRANSLATE_NOOP("Vocab", "sad"),
    "calm": QT_TRANSLATE_NOOP("Vocab", "calm"),
    "grateful": QT_TRANSLATE_NOOP("Vocab", "grateful"),
    "afraid": QT_TRANSLATE_NOOP("Vocab", "afraid"),
    "ashamed": QT_TRANSLATE_NOOP("Vocab", "ashamed"),
    "relieved": QT_TRANSLATE_NOOP("Vocab", "relieved"),
    "loved": QT_TRANSLATE_NOOP("Vocab", "loved"),
    "tired": QT_TRANSLATE_NOOP("Vocab", "tired"),
    "overwhelmed": QT_TRANSLATE_NOOP("Vocab", "overwhelmed"),
    "connected": QT_TRANSLATE_NOOP("Vocab", "connected"),
    "empowered": QT_TRANSLATE_NOOP("Vocab", "empowered"),
    "happy": QT_TRANSLATE_NOOP("Vocab", "happy"),
    "confused": QT_TRANSLATE_NOOP("Vocab", "confused"),
    "guilty": QT_TRANSLATE_NOOP("Vocab", "guilty"),
    "frustrated": QT_TRANSLATE_NOOP("Vocab", "frustrated"),
    "numb": QT_TRANSLATE_NOOP("Vocab", "numb"),
    "excited": QT_TRANSLATE_NOOP("Vocab", "excited"),
    "accepted": QT_TRANSLATE_NOOP("Vocab", "accepted"),
    "rejected": QT_TRANSLATE_NOOP("Vocab", "rejected"),
    "safe": QT_TRANSLATE_NOOP("Vocab", "safe"),
    "unsafe": QT_TRANSLATE_NOOP("Vocab", "unsafe"),
}


def mood_label(mood: int) -> str:
    return translate(CONTEXT, MOODS[mood])


def emotion_label(key: str) -> str:
    """Translated label of an emotion key; unknown keys (from imports) show as they are."""
    source = EMOTIONS.get(key)
    return translate(CONTEXT, source) if source else key
