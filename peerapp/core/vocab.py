"""Bilingual vocabularies: mood levels and emotion keys (design section 3)."""

from __future__ import annotations

from functools import lru_cache

from .i18n import QT_TRANSLATE_NOOP, Translator, translate

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


# The emotions grouped by pleasantness and energy, the four quadrants How We Feel made familiar. Every
# key of EMOTIONS is in exactly one group (tests/core/test_vocab_groups.py); the keys never change.
EMOTION_GROUPS: dict[str, tuple[str, ...]] = {
    "unpleasant_high": ("anxious", "angry", "afraid", "overwhelmed", "frustrated", "confused", "unsafe"),
    "unpleasant_low": ("sad", "lonely", "tired", "numb", "guilty", "ashamed", "rejected"),
    "pleasant_low": ("calm", "relieved", "grateful", "safe", "loved", "accepted", "connected"),
    "pleasant_high": ("happy", "hopeful", "excited", "proud", "empowered"),
}
EMOTION_GROUP_TITLES: dict[str, str] = {
    "unpleasant_high": QT_TRANSLATE_NOOP("Vocab", "Unpleasant, high energy"),
    "unpleasant_low": QT_TRANSLATE_NOOP("Vocab", "Unpleasant, low energy"),
    "pleasant_low": QT_TRANSLATE_NOOP("Vocab", "Pleasant, low energy"),
    "pleasant_high": QT_TRANSLATE_NOOP("Vocab", "Pleasant, high energy"),
}
EMOTION_GROUP_DESCRIPTIONS: dict[str, str] = {
    "unpleasant_high": QT_TRANSLATE_NOOP("Vocab", "Stirred up and uneasy, like worry, anger or fear."),
    "unpleasant_low": QT_TRANSLATE_NOOP(
        "Vocab", "Heavy and drained, like sadness, tiredness or feeling alone."
    ),
    "pleasant_low": QT_TRANSLATE_NOOP(
        "Vocab", "Settled and at ease, like calm, safety or feeling cared for."
    ),
    "pleasant_high": QT_TRANSLATE_NOOP("Vocab", "Lifted and lively, like joy, pride or hope."),
}


def emotion_group(key: str) -> str | None:
    """The group an emotion key belongs to; None for keys that came in with an import."""
    for group, keys in EMOTION_GROUPS.items():
        if key in keys:
            return group
    return None


def group_title(group: str) -> str:
    return translate(CONTEXT, EMOTION_GROUP_TITLES[group])


def group_description(group: str) -> str:
    return translate(CONTEXT, EMOTION_GROUP_DESCRIPTIONS[group])


def emotion_names(key: str) -> list[str]:
    """Every name a person may type to find an emotion: its label now, its English and Arabic labels, its key."""
    source = EMOTIONS.get(key, key)
    names = [emotion_label(key), source, key.replace("_", " ")]
    arabic = _arabic_labels()
    if arabic is not None:
        names.append(arabic("Vocab", source, None, -1))
    return list(dict.fromkeys(names))


@lru_cache(maxsize=1)
def _arabic_labels() -> Translator | None:
    # The Arabic labels are found even while the interface is in English: a person who thinks of the
    # feeling in Arabic can type it in either interface. Loaded once, on the first search.
    from . import catalog

    return catalog.load("ar")


def emotion_matches(query: str, names: list[str]) -> bool:
    """Whether every word typed finds one of `names`: as the start of a word or a part of a name, as the
    same stem, or as a related form (حزين finds حزن, anxiety finds anxious); Arabic marks and hamza forms are ignored."""
    from . import textnorm
    from .related_forms import related_stems

    words = textnorm.tokens(query)
    if not words:
        return True
    folded = [textnorm.normalise(name) for name in names]
    tokens = [token for name in names for token in textnorm.tokens(name)]
    stems = {textnorm.stem(token) for token in tokens}
    for word in words:
        # Two letters find words that start with them ("gr": grateful, not angry); from three on, any
        # part of a name (وحدة inside بالوحدة).
        if any(token.startswith(word) for token in tokens):
            continue
        if len(word) >= 3 and any(word in name for name in folded):
            continue
        if textnorm.stem(word) in stems or related_stems(word) & stems:
            continue
        return False
    return True
