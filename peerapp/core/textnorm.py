"""Text normalisation and stemming shared by journal and library search (design section 4)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Bump whenever normalise() or stem() changes what they return: stored indexes built with
# another version hold other terms and must be rebuilt (the library index checks this).
VERSION = 2

# Harakat, Quranic marks, superscript alef and tatweel.
_AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
    }
)
_TOKEN = re.compile(r"\w+")
_ARABIC = re.compile("[\u0600-\u06ff]")
# Conjunction + article prefixes the Snowball stemmer leaves whole (it handles ال, بال, لل).
_CONJ_ARTICLE = ("وال", "فال", "وبال", "وكال", "ولل", "فلل")
# Possessive endings after a ta marbuta, which turns into ت before them (عائلة → عائلتي).
_TA_POSSESSIVE = ("تي", "تك", "ته", "تها", "تنا", "تكم", "تكن", "تهم", "تهن", "تكما", "تهما")
# Sound feminine plural, possibly with a possessive (نوبات, صديقاتي).
_AT_PLURAL = re.compile("ات(?:ي|ك|ه|ها|نا|كم|كن|هم|هن|كما|هما)?$")
# English spellings Snowball does not unify: -ic verbs take a k (panic → panicking), and
# British -ise/-isation (the library's spelling) against American -ize/-ization.
_EN_IC_K = re.compile(r"^([a-z]{3,}ic)k(ing|ed|er|ers|y)$")
_EN_ISE = re.compile(r"(?<=[a-z]{2}[b-df-hj-np-tv-z])is(e|es|ed|ing|ation|ations|er|ers)$")

_STEMMER_NAMES = {"ar": "arabic", "en": "english"}
_stemmers = {lang: snowballstemmer.stemmer(name) for lang, name in _STEMMER_NAMES.items()}


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
        # Sound feminine plurals: the stemmer leaves the ا of ات on short words (نوبات → نوبا),
        # and all of ات before a possessive (صديقاتي → صديقات).
        elif _AT_PLURAL.search(token) and stemmed.endswith("ات") and len(stemmed) >= 5:
            stemmed = stemmed[:-2]
        elif _AT_PLURAL.search(token) and stemmed.endswith("ا") and len(stemmed) >= 4:
            stemmed = stemmed[:-1]
        # A possessive after ta marbuta leaves its ت (عائلتي → عايلت): same stem as عائلة.
        elif stemmed.endswith("ت") and len(stemmed) >= 4 and token.endswith(_TA_POSSESSIVE):
            stemmed = stemmed[:-1]
        return stemmed
    if token.isascii() and token.isalpha():
        token = _EN_ISE.sub(r"iz\1", _EN_IC_K.sub(r"\1\2", token))
        stemmed = _stemmers["en"].stemWord(token)
        return stemmed or token
    return token


def forget_words() -> None:
    """Drop every journal word the search caches hold; the vault calls this when it locks.

    stem()'s cache keeps up to 65,536 words written or searched, related_stems() the words searched
    for, and each stemmer its last word (PyStemmer, when snowballstemmer uses it, a cache of its own):
    none of them should keep the journal's words referenced behind the lock screen. The memory is
    freed, not wiped (SECURITY.md). Fresh stemmers cost a tenth of a millisecond.
    """
    stem.cache_clear()
    for lang, name in _STEMMER_NAMES.items():
        _stemmers[lang] = snowballstemmer.stemmer(name)
    # Imported here: related_forms imports this module.
    from .related_forms import related_stems

    related_stems.cache_clear()


def tokens(text: str) -> list[str]:
    """Normalised tokens of `text`, before stemming."""
    return _TOKEN.findall(normalise(text))


# Words that carry no topic in a search box; dropped from queries (never from the index)
# unless the query has nothing else. Normalised spellings.
STOP_WORDS = frozenset(
    """
    a an and are as at be been but by can could do does for from had has have how i if im in
    into is it its me my of on or our so than that the their them then there these they this
    to was we were what when where which who why will with would you your
    في من الي علي عن مع و او ان ما ماذا كيف هل لا لم لن هذا هذه ذلك تلك التي الذي الذين انا
    انت انتم هو هي نحن عند كل بعد قبل اذا لماذا متى اين حين عندما لي كان يكون قد ثم
    """.split()
)


# Words joined by hyphens ("5-4-3-2-1", "self-compassion") are searched as a phrase first.
_HYPHENATED = re.compile(r"\w+(?:[-\u2010\u2011\u2013]\w+)*")


def query_units(query: str) -> list[tuple[str, ...]]:
    """The distinct normalised words of a search query, hyphenated runs kept together.

    Stop words (and single Latin letters, like the t of "can't") are dropped unless
    the query has nothing else.
    """
    units = list(dict.fromkeys(tuple(_TOKEN.findall(run)) for run in _HYPHENATED.findall(normalise(query))))
    content = [u for u in units if len(u) > 1 or not _is_filler(u[0])]
    return content or units


def _is_filler(word: str) -> bool:
    return word in STOP_WORDS or (len(word) == 1 and word.isalpha() and word.isascii())


def index_text(text: str) -> str:
    """What goes into an FTS column: stemmed tokens separated by spaces."""
    return " ".join(stem(t) for t in tokens(text))


class IndexWords(dict[str, str]):
    """index_text for bulk work: each whitespace-separated word's index form, kept once computed.

    An import indexes millions of words but only thousands of distinct ones, so looking a word up
    costs far less than normalising, tokenising and stemming it again (bench/RESULTS.md, "Transfer").
    The result equals index_text's: no whitespace character normalises to a word character or
    combines with its neighbours under NFKC (each is a starter no composition uses), so the tokens
    of a text are the tokens of its words in order (tests/core/test_import_bulk.py checks this over
    every character). Bounded: past `limit` words the cache starts again. Make one per bulk job and
    drop it after, so the journal's words do not stay in memory with it.
    """

    def __init__(self, limit: int = 100_000) -> None:
        super().__init__()
        self.limit = limit

    def __missing__(self, word: str) -> str:
        if len(self) >= self.limit:
            self.clear()
        form = self[word] = index_text(word)
        return form

    def index_text(self, text: str) -> str:
        """The same as the module's index_text(text)."""
        # map() calls dict.__getitem__ in C; only a word not seen yet reaches __missing__. Words of
        # punctuation alone have an empty form and are left out, as index_text leaves them out.
        return " ".join(filter(None, map(self.__getitem__, text.split())))


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_expression(query: str, *, any_term: bool = False, related: bool = False) -> str | None:
    """An FTS5 MATCH expression for a user's query, or None if it has no words.

    Each word matches by prefix, as its stem or as typed, so results appear while
    the last word is still being typed. `any_term` ORs the words (a fallback).
    `related` also accepts each word's related forms as whole stems (hopeless for hope).
    """
    parts = []
    for token in dict.fromkeys(tokens(query)):
        stemmed = stem(token)
        options = {_quote(stemmed) + "*", _quote(token) + "*"}
        if related:
            # Imported here: related_forms imports this module.
            from .related_forms import fts_terms

            options.update(fts_terms(token))
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
