"""Library search evaluation set and a naive FTS5 baseline, shared by the tests and bench/bench_library.py.

Each query was written by reading the bundled articles, the way someone looking for
help might type it; the expected ids are the articles that answer it (any of them
counts). The `kind` says which difficulty the query exercises.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from peerapp.core.library import library_dir, scan_articles


@dataclass(frozen=True)
class EvalQuery:
    lang: str
    query: str
    expected: frozenset[str]
    kind: str


def _q(lang: str, query: str, expected: str, kind: str) -> EvalQuery:
    return EvalQuery(lang, query, frozenset(expected.split()), kind)


EVAL: list[EvalQuery] = [
    # -- English ---------------------------------------------------------------------------
    _q("en", "4-7-8 breathing", "breathing-4-7-8", "digits"),
    _q("en", "breathe in for 4 hold for 7", "breathing-4-7-8", "inflection, digits"),
    _q("en", "5-4-3-2-1", "grounding-5-4-3-2-1", "digits"),
    _q("en", "box breathing", "box-breathing", "title"),
    _q("en", "breaths in a square", "box-breathing", "inflection"),
    _q("en", "breathng exercise", "box-breathing breathing-4-7-8", "typo"),
    _q("en", "panicking", "panic-attacks", "inflection"),
    _q("en", "panicked, heart pounding", "panic-attacks", "inflection, multi-word"),
    _q("en", "anxeity grounding", "grounding-5-4-3-2-1", "typo"),
    _q("en", "worries all day long", "worry-time", "inflection"),
    _q("en", "postponing worrying", "worry-time", "inflection"),
    _q("en", "can't sleep, insomnia", "sleep", "multi-word"),
    _q("en", "lonelyness", "loneliness", "typo"),
    _q("en", "feeling isolated and lonely", "loneliness", "inflection, multi-word"),
    _q("en", "blackmailed after a date", "arrest-or-blackmail dating-app-entrapment", "inflection"),
    _q("en", "arrested by the police", "arrest-or-blackmail", "inflection"),
    _q("en", "police searching my phone at a checkpoint", "device-seizure", "multi-word"),
    _q("en", "fake profiles on dating apps", "dating-app-entrapment", "plural"),
    _q("en", "passwords and two-step verification", "digital-safety", "multi-word"),
    _q("en", "pressure to marry from my family", "family-pressure", "multi-word"),
    _q("en", "conversion therapy red flags", "affirming-therapist", "multi-word"),
    _q("en", "affirming therapists", "affirming-therapist", "plural"),
    _q("en", "what happens in the first session of therapy", "what-therapy-is-like", "multi-word"),
    _q("en", "online counseling privacy", "online-counselling", "spelling"),
    _q("en", "suicide hotlines by country", "crisis-lines", "plural"),
    _q("en", "warning signs of suicide", "crisis-warning-signs", "multi-word"),
    _q("en", "my friend is suicidal", "helping-a-friend", "inflection"),
    _q("en", "tensing and relaxing muscles", "progressive-muscle-relaxation", "inflection"),
    _q("en", "body scan mindfulness", "body-scan", "title"),
    _q("en", "walking meditation", "mindful-walking", "inflection"),
    _q("en", "angry and frustrated", "handling-anger", "inflection"),
    _q("en", "being kind to myself", "self-compassion", "multi-word"),
    _q("en", "thinking traps", "cognitive-reframing", "inflection"),
    _q("en", "thought records evidence for and against", "thought-record", "plural"),
    _q("en", "internalized homophobia", "internalised-stigma", "spelling"),
    _q("en", "minority stress", "minority-stress", "title"),
    _q("en", "chosen family", "chosen-family", "title"),
    _q("en", "making new friends", "friendship", "inflection"),
    _q("en", "coming out to my parents", "coming-out-planning", "multi-word"),
    _q("en", "discriminated against at work", "discrimination-work-school", "inflection"),
    _q("en", "bullied at school", "discrimination-work-school", "inflection"),
    _q("en", "religion and faith", "religion-and-identity", "multi-word"),
    _q("en", "small wins", "self-efficacy", "plural"),
    _q("en", "online pride events", "virtual-community-events", "plural"),
    _q("en", "joining peer support groups safely", "peer-groups-safely", "inflection"),
    _q("en", "consent in relationships", "relationships", "plural"),
    _q("en", "self soothing with the five senses", "distraction-self-soothing", "multi-word"),
    _q("en", "activism", "advocacy", "tag"),
    _q("en", "in crisis right now", "crisis-right-now", "title"),
    # words from inside the articles, not their titles
    _q("en", "tongue behind front teeth", "breathing-4-7-8", "body text, plural"),
    _q("en", "taught in the military to stay steady", "box-breathing", "body text"),
    _q("en", "tense each muscle group then release", "progressive-muscle-relaxation", "body text"),
    _q("en", "deleted photos in cloud backups", "device-seizure", "body text, plural"),
    _q("en", "intimate images shared without consent", "arrest-or-blackmail", "body text"),
    _q("en", "caffeine and naps", "sleep", "body text, plural"),
    _q("en", "count down from 100 taking away 7", "distraction-self-soothing", "body text, digits"),
    _q("en", "fight or flight alarm", "panic-attacks", "body text"),
    _q("en", "unlocking with a fingerprint or face", "digital-safety device-seizure", "body text"),
    _q("en", "Thich Nhat Hanh", "mindful-walking", "body text, name"),
    # related forms: the word as typed is in no article, a form of the same family is
    _q("en", "panicky and breathless", "panic-attacks", "related form"),
    _q("en", "lonesome evenings", "loneliness", "related form"),
    _q("en", "saddened by news of arrests", "grief-after-crackdowns", "related form"),
    _q("en", "guilty about leaving home", "forced-out-of-home", "related form"),
    _q("en", "being compassionate towards myself", "self-compassion", "related form"),
    _q("en", "worrisome thoughts", "worry-time thought-record", "related form"),
    _q("en", "unhappy with how my body looks", "body-image", "related form"),
    _q("en", "angrily shouting", "handling-anger", "related form"),
    # -- Arabic ----------------------------------------------------------------------------
    _q("ar", "تنفس ٤-٧-٨", "breathing-4-7-8", "Arabic-Indic digits"),
    _q("ar", "٥-٤-٣-٢-١", "grounding-5-4-3-2-1", "Arabic-Indic digits"),
    _q("ar", "التَّنَفُّسُ المُرَبَّعُ", "box-breathing", "diacritics"),
    _q("ar", "نَوْبَةُ هَلَعٍ", "panic-attacks", "diacritics, ta marbuta"),
    _q("ar", "نوبات الهلع", "panic-attacks", "plural"),
    _q("ar", "نوبه هلع", "panic-attacks", "ta marbuta"),
    _q("ar", "الهلغ", "panic-attacks", "typo"),
    _q("ar", "التنقس البطيء", "box-breathing breathing-4-7-8", "typo"),
    _q("ar", "الارق وقلة النوم", "sleep", "hamza, prefix و"),
    _q("ar", "تأجيل القلق", "worry-time", "hamza"),
    _q("ar", "الوحدة والعزلة", "loneliness", "prefix و"),
    _q("ar", "اشعر بالوحده", "loneliness", "hamza, prefix بال, ta marbuta"),
    _q("ar", "عائله", "family-pressure chosen-family", "ta marbuta"),
    _q("ar", "عائلتي ترفضني", "family-pressure", "suffix"),
    _q("ar", "عائلتي", "family-pressure chosen-family", "possessive after ta marbuta"),
    _q("ar", "هويتي", "religion-and-identity coming-out-planning", "possessive after ta marbuta"),
    _q("ar", "صديقاتي", "friendship helping-a-friend", "plural + possessive"),
    _q("ar", "جلسات العلاج", "what-therapy-is-like", "plural"),
    _q("ar", "ضغط العائلات للزواج", "family-pressure", "plural, prefix لل"),
    _q("ar", "العائلة المختارة", "chosen-family", "title"),
    _q("ar", "كيف أكسب أصدقاء", "friendship", "hamza, plural"),
    _q("ar", "مساعدة صديقة في أزمة", "helping-a-friend", "ta marbuta, hamza"),
    _q("ar", "أفكار انتحارية", "crisis-right-now crisis-warning-signs", "hamza"),
    _q("ar", "خطوط المساعدة حسب البلد", "crisis-lines", "plural"),
    _q("ar", "رقم خط ساخن للطوارئ", "crisis-lines", "prefix لل, ئ"),
    _q("ar", "علامات التحذير", "crisis-warning-signs", "plural"),
    _q("ar", "الابتزاز", "arrest-or-blackmail dating-app-entrapment", "prefix ال"),
    _q("ar", "إذا اعتقلتني الشرطة", "arrest-or-blackmail", "hamza, suffix"),
    _q("ar", "تفتيش هاتفي", "device-seizure", "suffix"),
    _q("ar", "كلمات المرور والتشفير", "digital-safety", "plural, prefix و"),
    _q("ar", "تطبيقات المواعدة", "dating-app-entrapment", "plural"),
    _q("ar", "معالج نفسي داعم", "affirming-therapist", "title"),
    _q("ar", "الجلسة الأولى مع المعالج", "what-therapy-is-like", "hamza, ta marbuta"),
    _q("ar", "الارشاد النفسي عبر الانترنت", "online-counselling", "hamza"),
    _q("ar", "الاسترخاء العضلي", "progressive-muscle-relaxation", "title"),
    _q("ar", "مسح الجسد", "body-scan", "title"),
    _q("ar", "المشي الواعي", "mindful-walking", "title"),
    _q("ar", "بالغضب", "handling-anger", "prefix بال"),
    _q("ar", "التعاطف مع الذات", "self-compassion", "title"),
    _q("ar", "فخ التفكير", "cognitive-reframing", "plural"),
    _q("ar", "سجل الأفكار", "thought-record", "hamza"),
    _q("ar", "الوصمة المستبطنة والعار", "internalised-stigma", "prefix و, ta marbuta"),
    _q("ar", "ضغط الاقليات", "minority-stress", "hamza"),
    _q("ar", "الإفصاح عن الهوية", "coming-out-planning", "hamza, ta marbuta"),
    _q("ar", "التمييز في العمل", "discrimination-work-school", "prefix ال"),
    _q("ar", "التنمر في المدرسه", "discrimination-work-school", "ta marbuta"),
    _q("ar", "الإيمان والدين", "religion-and-identity", "hamza, prefix و"),
    _q("ar", "الكفاءة الذاتية", "self-efficacy", "ta marbuta"),
    _q("ar", "مجموعات الاقران", "peer-groups-safely", "plural, hamza"),
    _q("ar", "فعاليات المجتمع", "virtual-community-events", "plural"),
    _q("ar", "صورة الجسد", "body-image", "title"),
    _q("ar", "الصمود النفسي", "building-resilience", "title"),
    _q("ar", "حل المشكلات", "problem-solving", "plural"),
    _q("ar", "الإلهاء وتهدئة النفس", "distraction-self-soothing", "hamza, prefix و"),
    _q("ar", "المناصرة", "advocacy", "title"),
    _q("ar", "الأدلة المؤيدة للفكرة", "thought-record", "ؤ, ta marbuta"),
    _q("ar", "أرقام الطوارئ", "crisis-lines crisis-right-now", "ئ, plural"),
    _q("ar", "خدمات الطوارىء", "crisis-lines crisis-right-now", "ئ written ىء"),
    # words from inside the articles, not their titles
    _q("ar", "طرف اللسان خلف الأسنان", "breathing-4-7-8", "body text, hamza"),
    _q("ar", "يتعلمه الجنود في الجيش", "box-breathing", "body text, plural"),
    _q("ar", "شد العضلات ثم إرخاؤها", "progressive-muscle-relaxation", "body text, hamza ؤ"),
    _q("ar", "الصور المحذوفة مؤخراً", "device-seizure", "body text, tanwin"),
    _q("ar", "البصمه والتعرف على الوجه", "digital-safety device-seizure", "body text, ta marbuta"),
    _q("ar", "القهوة والكافيين", "sleep", "body text, prefix و"),
    _q("ar", "ابدأ من مئة واطرح سبعة", "distraction-self-soothing", "body text, hamza"),
    _q("ar", "استجابة الكر أو الفر", "panic-attacks", "body text"),
    _q("ar", "ثيك نات هانه", "mindful-walking", "body text, name"),
    # related forms (the same root in another pattern)
    _q("ar", "خبر محزن عن الاعتقالات", "grief-after-crackdowns", "related form"),
    _q("ar", "وحيد ومعزول", "loneliness", "related form"),
    _q("ar", "غاضب جدا", "handling-anger", "related form"),
    _q("ar", "يائس من كل شيء", "crisis-warning-signs", "related form"),
    _q("ar", "مكتئب بسبب الوصمة", "internalised-stigma", "related form"),
    _q("ar", "مهلوع", "panic-attacks grounding-5-4-3-2-1", "related form"),
    _q("ar", "فخور بهويتي", "pride-privately", "related form"),
    _q("ar", "متفائل رغم الصعوبات", "building-resilience", "related form"),
]


def mrr_at_5(search: Callable[[EvalQuery], Sequence[str]], queries: Sequence[EvalQuery] = ()) -> float:
    """Mean reciprocal rank of the first expected id within the top five."""
    queries = queries or EVAL
    total = 0.0
    for q in queries:
        ids = list(search(q))[:5]
        rank = next((i for i, found in enumerate(ids, 1) if found in q.expected), None)
        total += 1.0 / rank if rank else 0.0
    return total / len(queries)


class NaiveIndex:
    """The baseline: plain FTS5 (unicode61) over the raw text, no normalisation or stemming.

    Same columns and bm25 weights as the real index; the query's words are ANDed, then
    ORed if that finds nothing.
    """

    def __init__(self, lang: str, resources: Path | None = None) -> None:
        self.conn = sqlite3.connect(":memory:")
        self.conn.execute("CREATE VIRTUAL TABLE doc USING fts5 (id UNINDEXED, title, tags, body)")
        for a in scan_articles(library_dir(resources) / lang, lang):
            self.conn.execute(
                "INSERT INTO doc (id, title, tags, body) VALUES (?, ?, ?, ?)",
                (a.id, a.title, ", ".join(a.tags), a.body),
            )

    def search(self, query: str, limit: int = 5) -> list[str]:
        words = ['"' + w.replace('"', '""') + '"' for w in dict.fromkeys(re.findall(r"\w+", query))]
        if not words:
            return []
        for joiner in (" AND ", " OR "):
            rows = self.conn.execute(
                "SELECT id FROM doc WHERE doc MATCH ? ORDER BY bm25(doc, 0, 8, 4, 1) LIMIT ?",
                (joiner.join(words), limit),
            ).fetchall()
            if rows:
                return [str(r[0]) for r in rows]
        return []
