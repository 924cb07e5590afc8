"""Related forms of a word (hope/hopeless, حزين/حزن) for journal and library search, as index stems.

Stemming unifies inflections (worried/worrying) but not derivations: "hopeless" does not stem
to "hope", nor "anxiety" to "anxious", and the Arabic stemmer keeps خائف apart from خوف. A
small family table written for the feelings and topics people write and read about here
bridges them, with a light, reversible Arabic pattern rule (فاعل and فعيل against their
three-letter root). Related stems are matched as whole terms, never as prefixes, and
callers rank them below the word as typed.
"""

from __future__ import annotations

from functools import lru_cache

from . import textnorm

# Bump when the table or the rule changes what a word expands to (stored indexes need no
# rebuild: expansion happens at query time over the stems already in them).
VERSION = 1

# One family per line: words that share a meaning across parts of speech. Any form may be
# written; each is reduced to its stem. Keep families narrow: a wrong member floods results.
_FAMILIES = """
hope hopeful hopefully hopeless hopelessly hopelessness
anxious anxiously anxiety anxieties
worry worried worrying worries worrisome
support supportive supporter supporters
lonely loneliness alone lonesome
sad sadness saddened
afraid fear fearful fearless
angry anger angrily
ashamed shame shameful
guilt guilty
depressed depression depressive
stress stressed stressful
panic panicky
calm calmness calmly
safe safety safely unsafe
friend friendly friendship
help helpful helpless helplessness
trust trusting trustworthy distrust
relax relaxed relaxation relaxing
breathe breath breathing breathless
sleep asleep sleepy sleepless sleeplessness
tired tiredness
kind kindness kindly
compassion compassionate
confident confidence
accept acceptance accepting
isolated isolation
reject rejected rejection
embarrassed embarrassment embarrassing
empty emptiness
nervous nervousness
overwhelm overwhelmed overwhelming
suicide suicidal
proud pride
hurt hurtful
cry crying tears tearful
happy happiness unhappy unhappiness
joy joyful
grateful gratitude
peace peaceful
strong strength strengthen
brave bravery courage courageous
hate hatred hateful
jealous jealousy
exhausted exhaustion
حزن حزين حزينة احزان محزن حزنت
خوف خائف خائفة مخاوف مخيف
ساعد مساعدة مساعد يساعد ساعدني
قلق قلقة قلقان مقلق قلقت
وحدة وحيد وحيدة
غضب غاضب غاضبة غضبت
دعم داعم داعمة يدعم
امل متفائل تفاؤل
ياس يائس يائسة
تعب متعب متعبة تعبان
خجل خجلان خجول
ذنب مذنب
اكتئاب مكتئب مكتئبة
ضغط مضغوط ضغوط
هدوء هادئ هادئة تهدئة
نوم نائم ينام
ارق مؤرق
امان امن آمن
ثقة واثق واثقة
صداقة صديق صديقة اصدقاء
فرح فرحان سعادة سعيد سعيدة
هلع مهلوع
عزلة منعزل معزول
رفض مرفوض
فخر فخور فخورة
شجاعة شجاع
كره كراهية
غيرة غيور
راحة مرتاح استرخاء
"""

_WEAK = frozenset("اوي")


def _is_arabic(stem: str) -> bool:
    return any("\u0621" <= ch <= "\u064a" for ch in stem)


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    """Each member's stem → the stems of every family it belongs to."""
    table: dict[str, set[str]] = {}
    for line in _FAMILIES.strip().splitlines():
        stems = {textnorm.stem(t) for t in textnorm.tokens(line)}
        for stem in stems:
            table.setdefault(stem, set()).update(stems)
    return {stem: frozenset(family) for stem, family in table.items()}


def _arabic_pattern(stem: str) -> set[str]:
    """فاعل and فعيل against their root: غاضب ↔ غضب, حزين ↔ حزن. Sound roots only (no weak letters)."""
    if len(stem) == 3 and not set(stem) & _WEAK:
        return {stem[0] + "ا" + stem[1:], stem[:2] + "ي" + stem[2]}
    if len(stem) == 4:
        root = ""
        if stem[1] == "ا":  # فاعل
            root = stem[0] + stem[2:]
        elif stem[2] == "ي":  # فعيل
            root = stem[:2] + stem[3]
        if len(root) == 3 and not set(root) & _WEAK:
            return {root}
    return set()


@lru_cache(maxsize=4096)
def related_stems(token: str) -> frozenset[str]:
    """Index stems related to one normalised query token, without its own stem or its prefix matches.

    Empty for words with no known relatives. The word's own stem is matched by prefix
    already, so stems that start with it are left out too.
    """
    own = textnorm.stem(token)
    table = _table()
    related = set(table.get(own, ())) | set(table.get(token, ()))
    if not related and _is_arabic(own):
        # Only for words the table does not know: its families are the better word (ساعد is
        # فاعل of سعد, "happiness", by form alone).
        related = _arabic_pattern(own)
    return frozenset(s for s in related if s and not s.startswith(own))


def fts_terms(token: str) -> list[str]:
    """The related stems as FTS5 whole-term phrases ('"hopeless"'), sorted, for an OR group."""
    return sorted('"' + s.replace('"', '""') + '"' for s in related_stems(token))
