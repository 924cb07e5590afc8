"""How long an article takes to read, from its word count and the reading rate of its language."""

from __future__ import annotations

import re
from functools import lru_cache

# Silent reading rates in words per minute, for adults reading non-fiction on a screen or page:
# - English 238: Brysbaert, M. (2019). How many words do we read per minute? A review and
#   meta-analysis of reading rate. Journal of Memory and Language, 109, 104047.
# - Arabic 138: Trauzettel-Klosinski, S., Dietz, K., & the IReST Study Group (2012). Standardized
#   assessment of reading performance: the new International Reading Speed Texts IReST.
#   Investigative Ophthalmology & Visual Science, 53(9), 5452-5461 (Arabic 138 ± 20 wpm, English
#   228 ± 30 on the same texts). An Arabic word carries what English writes as separate words (the
#   article, "and", "with", pronouns), so fewer of them are read per minute for the same content.
WORDS_PER_MINUTE = {"en": 238, "ar": 138}
DEFAULT_WORDS_PER_MINUTE = WORDS_PER_MINUTE["en"]

# A word: letters or digits (any script), joined by an apostrophe or hyphen ("don't", "4-7-8").
# Arabic diacritics and the tatweel are marks inside a word, not breaks between words.
_WORD = re.compile(r"[^\W_][\w\u064b-\u065f\u0670\u0640]*(?:['’\-][^\W_][\w\u064b-\u065f\u0670\u0640]*)*")
# Markdown link targets are not read: "[a helpline](https://…)" counts as "a helpline".
_LINK_TARGET = re.compile(r"\]\([^)]*\)")


def word_count(text: str) -> int:
    """The words of a Markdown text as a reader sees them (link addresses and markup left out)."""
    return len(_WORD.findall(_LINK_TARGET.sub("]", text)))


@lru_cache(maxsize=512)
def reading_minutes(text: str, lang: str) -> int:
    """Whole minutes to read `text` in `lang` at that language's rate, rounded, at least one."""
    rate = WORDS_PER_MINUTE.get(lang, DEFAULT_WORDS_PER_MINUTE)
    return max(1, round(word_count(text) / rate))
