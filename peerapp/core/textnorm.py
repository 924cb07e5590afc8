"""Text normalisation and stemming shared by journal and library search (design section 4)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Harakat, Quranic marks, superscript alef and tatweel.
_AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
    }
)
_TOKEN = re.compile(r"\w+")
_ARABIC = re.compile("[\u0600-\u06ff]")
# Conjunction + article prefixes the Snowball stemmer leaves whole (it handles ال, بال, لل).
_CONJ_ARTICLE = ("وال", "فال", "وبال", "وكال", "ولل", "فلل")

_stemmers = {
    "ar": snowballstemmer.stemmer("arabic"),
    "en": snowballstemmer.stemmer("english"),
}


def normalise(text: str) -> str:
    """NFKC, strip Arabic marks, unify letter variants and digits, case-fold."""
    text = unicodedata.normalize("NFKC", text)
    text = _AR_MARKS.sub("", text)
    return text.translate(_FOLD).casefold()


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """Stem one normalised token with the stemmer of its script."""
    if _ARABIC.search(token):
        for prefix in _CONJ_ARTICLE:
            if token.startswith(prefix) and len(token) - len(prefix) >= 2:
                # keep the last two letters (ال or لل) for the stemmer to handle
                token = token[len(prefix) - 2 :]
                break
        stemmed: str = _stemmers["ar"].stemWord(token) or token
        # ة was folded to ه before stemming, so the stemmer keeps it; drop it here.
        if stemmed.endswith("ه") and len(stemmed) >= 4:
            stemmed = stemmed[:-1]
        return stemmed
    if token.isascii() and token.isalpha():
        stemmed = _stemmers["en"].stemWord(token)
        return stemmed or token
    return token


def tokens(text: str) -> list[str]:
    """Normalised tokens of `text`, before stemming."""
    return _TOKEN.findall(normalise(text))


def index_text(text: str) -> str:
    """What goes into an FTS column: stemmed tokens separated by spaces."""
    return " ".join(stem(t) for t in tokens(text))


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_expression(query: str, *, any_term: bool = False) -> str | None:
    """An FTS5 MATCH expression for a user's query, or None if it has no words.

    Each word matches by prefix, as its stem or as typed, so results appear while
    the last word is still being typed. `any_term` ORs the words (a fallback).
    """
    parts = []
    for token in dict.fromkeys(tokens(query)):
        stemmed = stem(token)
        options = {_quote(stemmed) + "*", _quote(token) + "*"}
        parts.append("(" + " OR ".join(sorted(options)) + ")")
    if not parts:
        return None
    return (" OR " if any_term else " AND ").join(parts)


def first_strong_direction(text: str) -> str:
    """'rtl' or 'ltr' from the first strongly directional character (Unicode bidi rule P2)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"
