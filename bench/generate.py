"""Generate a realistic journal vault for benchmarks.

    python bench/generate.py --entries 50000 --data-dir bench/out/v50k [--seed 1]

The vault uses the default (production) KDF parameters so that unlocking it
costs what it costs for a user. Entries are spread over several years, newest
last in insertion order (with some back-dated ones), in Arabic, English and a
mix of both, with Markdown bodies of very varied length, moods, emotions, tags
and coping techniques with distress ratings. The same --seed gives the same
entries (the master key and file bytes differ: they are random by design).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from peerapp.core.journal import CopingUse, Entry, JournalRepository  # noqa: E402
from peerapp.core.vault import Vault  # noqa: E402
from peerapp.core.vocab import EMOTIONS  # noqa: E402

DEFAULT_PASSPHRASE = "bench passphrase 1234"
BATCH = 2000
# Bump when the generated content changes, so cached vaults are rebuilt.
GENERATOR_VERSION = 1

try:
    from zoneinfo import ZoneInfo

    HOME_TZ: tzinfo = ZoneInfo("Asia/Beirut")  # +02:00 winter, +03:00 summer
    TRAVEL_TZ: list[tzinfo] = [ZoneInfo("Europe/Berlin"), ZoneInfo("America/Toronto"), ZoneInfo("Asia/Dubai")]
except Exception:  # noqa: BLE001 - no tz database: fixed offsets are good enough
    HOME_TZ = timezone(timedelta(hours=3))
    TRAVEL_TZ = [timezone(timedelta(hours=1)), timezone(timedelta(hours=-5)), timezone(timedelta(hours=4))]

# --------------------------------------------------------------------------- English

EN_TIME = [
    "This morning",
    "Tonight",
    "After lunch",
    "Around midnight",
    "On the bus home",
    "Before the meeting",
    "After work",
    "All afternoon",
    "When I woke up",
    "Late at night",
    "During the weekend",
    "Today",
    "Yesterday evening",
    "At the gym",
    "In the shower",
    "While cooking dinner",
]
EN_FEEL = [
    "anxious",
    "lonely",
    "hopeful",
    "proud",
    "calm",
    "overwhelmed",
    "tired",
    "numb",
    "relieved",
    "grateful",
    "ashamed",
    "angry",
    "sad",
    "safe",
    "loved",
    "rejected",
    "confused",
    "restless",
    "exhausted",
    "content",
    "nervous",
    "disappointed",
    "peaceful",
    "guilty",
    "excited",
]
EN_THING = [
    "the deadline",
    "my exams",
    "the future",
    "money",
    "my family",
    "what people think of me",
    "coming out to my sister",
    "the new job",
    "my health",
    "the rent",
    "the visa appointment",
    "my friends",
    "being alone",
    "the breakup",
    "my thesis",
    "the move",
    "my father's surgery",
    "the interview",
    "my sleep",
    "the group chat",
    "my performance review",
    "the holidays",
]
EN_PERSON = [
    "My mother",
    "My sister",
    "My brother",
    "My best friend",
    "A colleague",
    "My therapist",
    "My father",
    "My cousin",
    "Sam",
    "Layla",
    "Omar",
    "Nour",
    "My roommate",
    "My manager",
]
EN_SENTENCES = [
    "{time}, I felt {feel} about {thing}.",
    "I couldn't stop thinking about {thing}.",
    "{person} called and we talked about {thing}.",
    "{person} said something that made me feel {feel}.",
    "Slept {hours} hours last night, {sleepq}.",
    "Tried {tech} for {n} minutes and my chest felt lighter.",
    "Tried {tech} but honestly it didn't help much today.",
    "Work was {workadj}; {workevent}.",
    "I'm hopeful that {hope}.",
    "My anxiety was around {n} out of 10 {timeref}.",
    "I want to remember that {remember}.",
    "{time} I went for a walk with {companion} and it helped.",
    "I keep worrying that {worry}.",
    "Breathing slowly helped when the panic started.",
    "Three things I'm grateful for: {grat1}, {grat2} and {grat3}.",
    "I noticed my shoulders were tense and my breathing was shallow.",
    "I cried a little, and then I felt {feel}.",
    "I skipped dinner again, I need to eat properly.",
    "Felt {feel} and {feel2} at the same time, which is confusing.",
    "{person} didn't answer my messages and I started overthinking.",
    "I'm proud that I {proud}.",
    "Couldn't sleep, kept replaying {thing} in my head.",
    "Meditation for {n} minutes before bed.",
    "Everything feels heavy today.",
    "Small win: I {proud}.",
]
EN_FILL = {
    "hours": ["three", "four", "five", "six", "seven", "eight", "nine"],
    "sleepq": [
        "woke up tired",
        "kept waking up",
        "had strange dreams",
        "woke up rested for once",
        "fell asleep only after 3am",
        "sleeping better than last week",
    ],
    "tech": [
        "box breathing",
        "the 4-7-8 breathing",
        "grounding 5-4-3-2-1",
        "a body scan",
        "mindful walking",
        "progressive muscle relaxation",
        "a thought record",
        "worry time",
        "self-compassion",
    ],
    "workadj": ["exhausting", "quiet", "stressful", "full of meetings", "better than expected", "chaotic"],
    "workevent": [
        "my manager asked for another report",
        "the meeting ran an hour late",
        "I finally finished the project",
        "nobody seemed to listen to me",
        "a colleague helped me a lot",
        "I made a mistake in the budget",
    ],
    "hope": [
        "things will get better soon",
        "I'll find a better job",
        "I'll sleep well this week",
        "my family will accept me as I am",
        "I can travel this summer",
        "I'll get back to running",
    ],
    "timeref": ["most of the day", "this evening", "before the exam", "after the call", "at night"],
    "remember": [
        "feelings pass",
        "I am not alone",
        "asking for help is not weakness",
        "rest is not laziness",
        "I deserve love and respect",
        "one bad day is not a bad life",
    ],
    "companion": ["Nour", "my dog", "my sister", "Sam", "nobody", "my neighbour", "Omar"],
    "worry": [
        "I'm not good enough",
        "they will find out",
        "I'll lose my job",
        "something bad will happen",
        "my friends are tired of me",
        "I'm wasting my life",
    ],
    "grat": [
        "good coffee",
        "a sunny walk",
        "my sister's message",
        "a quiet evening",
        "my cat",
        "music",
        "a kind stranger",
        "finishing the report",
        "dinner with friends",
        "the rain",
    ],
    "proud": [
        "went to the gym",
        "said no to extra work",
        "called the doctor",
        "cleaned my room",
        "told my friend how I feel",
        "finished the chapter",
        "went outside",
        "asked for help",
    ],
}
EN_TITLES = [
    "Rough night",
    "A better day",
    "Work stress",
    "Family dinner",
    "Panic at the office",
    "Grateful",
    "Sleep again",
    "Therapy session",
    "Weekend",
    "Lonely evening",
    "Small wins",
    "Breathing helped",
    "Exam week",
    "Coming out",
    "Hope",
    "Too tired",
    "Talked to Mum",
    "Anxiety spike",
    "Quiet Sunday",
    "New job",
    "Missing home",
    "Morning pages",
    "Birthday",
    "Doctor's appointment",
]

# --------------------------------------------------------------------------- Arabic

AR_TIME = [
    "اليوم",
    "هذا الصباح",
    "في المساء",
    "بعد العمل",
    "قبل النوم",
    "بعد الظهر",
    "في منتصف الليل",
    "أمس",
    "في عطلة نهاية الأسبوع",
    "في الطريق إلى البيت",
    "بعد صلاة الفجر",
    "قبل الاجتماع",
]
AR_FEEL_B = [
    "بالقلق",
    "بالوحدة",
    "بالأمل",
    "بالفخر",
    "بالهدوء",
    "بالإرهاق",
    "بالتعب",
    "بالراحة",
    "بالامتنان",
    "بالخجل",
    "بالغضب",
    "بالحزن",
    "بالأمان",
    "بالحب",
    "بالرفض",
    "بالحيرة",
    "بالضياع",
    "بالذنب",
    "بالخوف",
    "بالسعادة",
    "بالإحباط",
    "بالطمأنينة",
]
AR_THING = [
    "الامتحانات",
    "المستقبل",
    "العمل",
    "عائلتي",
    "المال",
    "الإيجار",
    "كلام الناس",
    "صحتي",
    "الموعد في السفارة",
    "أصدقائي",
    "الوظيفة الجديدة",
    "المسؤولية",
    "الجامعة",
    "الانتقال إلى بيت جديد",
    "عملية أبي",
    "المقابلة",
    "رسالة الماجستير",
    "الانفصال",
    "الإقامة",
    "الديون",
]
# (name, feminine?)
AR_PERSON = [
    ("أمي", True),
    ("أختي", True),
    ("أخي", False),
    ("صديقي", False),
    ("صديقتي", True),
    ("أبي", False),
    ("زميلي في العمل", False),
    ("معالجتي النفسية", True),
    ("ابن عمي", False),
    ("ليلى", True),
    ("عمر", False),
    ("نور", True),
    ("مديري", False),
    ("جارتي", True),
]
AR_SENTENCES = [
    "{time}، شعرت {feel} بسبب {thing}.",
    "لم أستطع التوقف عن التفكير في {thing}.",
    "{person} {called} بي وتكلمنا عن {thing}.",
    "{person} {said} شيئاً جعلني أشعر {feel}.",
    "نمت {hours} ساعات فقط، و{sleepq}.",
    "جربت {tech} لمدة {n} دقائق وصار تنفسي أهدأ.",
    "جربت {tech} لكنه لم يساعدني كثيراً اليوم.",
    "العمل كان {workadj} اليوم، {workevent}.",
    "عندي أمل أن {hope}.",
    "كان قلقي تقريباً {n_ar} من ١٠ {timeref}.",
    "أريد أن أتذكر أن {remember}.",
    "{time} ذهبت إلى {place} مع {companion} وارتحت قليلاً.",
    "أخاف دائماً أن {worry}.",
    "التنفس ببطء ساعدني عندما بدأت نوبة الهلع.",
    "ثلاثة أشياء أنا ممتن لها: {grat1}، {grat2}، و{grat3}.",
    "لاحظت أن كتفيّ مشدودان وأن تنفسي سريع.",
    "بكيت قليلاً، ثم شعرت {feel}.",
    "لم آكل جيداً اليوم، يجب أن أهتم بنفسي أكثر.",
    "أشعر أني {state}.",
    "{person} لم {reply} على رسائلي وبدأت أفكر كثيراً.",
    "أنا فخور لأني {proud}.",
    "ما قدرت أنام، كنت أعيد التفكير في {thing}.",
    "الحمد لله على كل شيء.",
    "شُكراً لنفسي لأني لم أستسلم.",
    "كل شيء ثقيل اليوم.",
    "إنجاز صغير: {proud}.",
    "سؤال يتكرر في رأسي: هل أنا كافٍ؟",
    "أحتاج إلى هدوء وإلى وقت لنفسي.",
    "عندي {mixed} بكرة وأنا متوتر جداً.",
]
AR_FILL = {
    "hours": ["ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني"],
    "sleepq": [
        "استيقظت متعباً",
        "كان نومي متقطعاً",
        "رأيت أحلاماً مزعجة",
        "استيقظت أكثر هدوءاً",
        "لم أنم إلا بعد الثالثة فجراً",
        "نومي أفضل من الأسبوع الماضي",
    ],
    "tech": [
        "التنفس المربع",
        "تمرين التنفس ٤-٧-٨",
        "التأريض ٥-٤-٣-٢-١",
        "المشي بتأمل",
        "الاسترخاء العضلي التدريجي",
        "مسح الجسم",
        "كتابة الأفكار",
        "التعاطف مع الذات",
        "وقت القلق",
    ],
    "workadj": ["مرهقاً", "هادئاً", "صعباً", "مليئاً بالاجتماعات", "أفضل من المتوقع", "فوضوياً"],
    "workevent": [
        "المدير طلب مني تقريراً جديداً",
        "الاجتماع تأخر ساعة",
        "أنهيت المشروع أخيراً",
        "شعرت أن لا أحد يسمعني",
        "زميلتي ساعدتني كثيراً",
        "أخطأت في الميزانية",
    ],
    "hope": [
        "تتحسن الأمور قريباً",
        "أجد عملاً أفضل",
        "أنام جيداً هذا الأسبوع",
        "تتقبلني عائلتي كما أنا",
        "أسافر في الصيف",
        "أرجع للرياضة",
        "أشعر بالأمان يوماً ما",
    ],
    "timeref": ["معظم اليوم", "هذا المساء", "قبل الامتحان", "بعد المكالمة", "في الليل"],
    "remember": [
        "المشاعر تمر",
        "لست وحدي",
        "طلب المساعدة ليس ضعفاً",
        "الراحة ليست كسلاً",
        "أستحق الحب والاحترام",
        "يوم سيئ لا يعني حياة سيئة",
    ],
    "place": ["البحر", "المقهى", "الحديقة", "بيت جدتي", "السوق", "المسجد", "الجامعة"],
    "companion": ["نور", "أختي", "صديقي", "عمر", "ليلى", "ابن خالتي"],
    "worry": [
        "لست جيداً بما يكفي",
        "يكتشفوا سري",
        "أخسر عملي",
        "يحدث شيء سيئ",
        "يملّ أصدقائي مني",
        "أضيّع حياتي",
    ],
    "grat": [
        "قهوة الصباح",
        "مشية تحت الشمس",
        "رسالة من أختي",
        "مساء هادئ",
        "قطتي",
        "الموسيقى",
        "شخص غريب لطيف",
        "إنهاء التقرير",
        "عشاء مع الأصدقاء",
        "المطر",
    ],
    "state": [
        "متعب جداً",
        "أفضل قليلاً",
        "ضائع",
        "بخير",
        "مرتاح",
        "وحيد",
        "ممتن",
        "مُرهَق",
        "هادئ",
        "مسؤول عن كل شيء",
    ],
    "proud": [
        "ذهبت إلى النادي",
        "رفضت عملاً إضافياً",
        "اتصلت بالطبيب",
        "رتبت غرفتي",
        "قلت لصديقي ما أشعر به",
        "أنهيت الفصل",
        "خرجت من البيت",
        "طلبت المساعدة",
    ],
    "mixed": ["deadline", "presentation", "meeting", "exam", "interview"],
    "n_ar": ["٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"],
}
AR_TITLES = [
    "ليلة صعبة",
    "يوم أفضل",
    "ضغط العمل",
    "عشاء العائلة",
    "نوبة هلع في المكتب",
    "امتنان",
    "النوم مرة أخرى",
    "جلسة العلاج",
    "عطلة نهاية الأسبوع",
    "مساء وحيد",
    "إنجازات صغيرة",
    "التنفس ساعدني",
    "أسبوع الامتحانات",
    "الإفصاح",
    "أمل",
    "متعب جداً",
    "كلمت أمي",
    "قلق شديد",
    "يوم جمعة هادئ",
    "وظيفة جديدة",
    "الحنين إلى البيت",
    "صفحات الصباح",
    "عيد ميلادي",
    "موعد الطبيب",
    "رمضان",
    "مسؤولية كبيرة",
    "تفاؤل",
]

TAGS = [
    # English
    "work",
    "family",
    "sleep",
    "therapy",
    "exercise",
    "friends",
    "anxiety",
    "panic",
    "breathing",
    "exams",
    "university",
    "money",
    "health",
    "mum",
    "dad",
    "sister",
    "love",
    "breakup",
    "coming-out",
    "gratitude",
    "weekend",
    "travel",
    "meditation",
    "food",
    "rest",
    "loneliness",
    "hope",
    "nightmares",
    "meds",
    "doctor",
    # Arabic
    "عمل",
    "عائلة",
    "نوم",
    "علاج",
    "رياضة",
    "أصدقاء",
    "قلق",
    "هلع",
    "تنفس",
    "امتحانات",
    "جامعة",
    "مال",
    "صحة",
    "أمي",
    "أبي",
    "أختي",
    "حب",
    "انفصال",
    "امتنان",
    "سفر",
    "تأمل",
    "أكل",
    "راحة",
    "وحدة",
    "أمل",
    "كوابيس",
    "أدوية",
    "طبيب",
    "رمضان",
    "مسؤولية",
]

# Library ids of coping techniques (resources/library/<lang>/<id>.md).
TECHNIQUES = [
    "box-breathing",
    "breathing-4-7-8",
    "grounding-5-4-3-2-1",
    "body-scan",
    "mindful-walking",
    "progressive-muscle-relaxation",
    "cognitive-reframing",
    "thought-record",
    "worry-time",
    "self-compassion",
    "problem-solving",
    "handling-anger",
]

EMOTION_KEYS = list(EMOTIONS)
NEGATIVE = [
    "anxious",
    "lonely",
    "angry",
    "sad",
    "afraid",
    "ashamed",
    "tired",
    "overwhelmed",
    "confused",
    "guilty",
    "frustrated",
    "numb",
    "rejected",
    "unsafe",
]
POSITIVE = [
    "hopeful",
    "proud",
    "calm",
    "grateful",
    "relieved",
    "loved",
    "connected",
    "empowered",
    "happy",
    "excited",
    "accepted",
    "safe",
]
POSITIVE = [k for k in POSITIVE if k in EMOTIONS]
NEGATIVE = [k for k in NEGATIVE if k in EMOTIONS]

_HAMZA_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
_TA_MARBUTA = str.maketrans({"ة": "ه"})
_ALEF_MAQSURA = str.maketrans({"ى": "ي"})
_HARAKAT = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652"]


class Writer:
    """Produces entries in one person's style (random but reproducible)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.tag_weights = [1.0 / (i + 1) ** 0.9 for i in range(len(TAGS))]
        self.tags_order = TAGS[:]
        rng.shuffle(self.tags_order)

    # -- sentences ---------------------------------------------------------------

    def _en_sentence(self) -> str:
        r = self.rng
        template = r.choice(EN_SENTENCES)
        values = {k: r.choice(v) for k, v in EN_FILL.items()}
        grats = r.sample(EN_FILL["grat"], 3)
        feel, feel2 = r.sample(EN_FEEL, 2)
        return template.format(
            time=r.choice(EN_TIME),
            feel=feel,
            feel2=feel2,
            thing=r.choice(EN_THING),
            person=r.choice(EN_PERSON),
            n=r.randint(2, 15),
            grat1=grats[0],
            grat2=grats[1],
            grat3=grats[2],
            **{k: v for k, v in values.items() if k != "grat"},
        )

    def _ar_sentence(self) -> str:
        r = self.rng
        template = r.choice(AR_SENTENCES)
        values = {k: r.choice(v) for k, v in AR_FILL.items()}
        grats = r.sample(AR_FILL["grat"], 3)
        person, fem = r.choice(AR_PERSON)
        return template.format(
            time=r.choice(AR_TIME),
            feel=r.choice(AR_FEEL_B),
            thing=r.choice(AR_THING),
            person=person,
            called="اتصلت" if fem else "اتصل",
            said="قالت" if fem else "قال",
            reply="ترد" if fem else "يرد",
            n=r.randint(2, 15),
            grat1=grats[0],
            grat2=grats[1],
            grat3=grats[2],
            **{k: v for k, v in values.items() if k != "grat"},
        )

    def _casual(self, text: str, style: tuple[bool, bool, bool]) -> str:
        """Type Arabic the way many people do on a phone: no hamza on alef, ه for ة, ي for ى."""
        drop_hamza, ha, ya = style
        if drop_hamza:
            text = text.translate(_HAMZA_ALEF)
        if ha:
            text = text.translate(_TA_MARBUTA)
        if ya:
            text = text.translate(_ALEF_MAQSURA)
        return text

    def _diacritise(self, text: str) -> str:
        """Now and then put a haraka on a word, as people do for emphasis or ambiguity."""
        words = text.split(" ")
        for i, word in enumerate(words):
            if len(word) > 2 and self.rng.random() < 0.04:
                # after a consonant, never after a long vowel or on the first letter's left
                spots = [
                    p
                    for p in range(1, len(word) + 1)
                    if "\u0628" <= word[p - 1] <= "\u0646" and word[p - 1] not in "اوي"
                ]
                if spots:
                    pos = self.rng.choice(spots)
                    words[i] = word[:pos] + self.rng.choice(_HARAKAT) + word[pos:]
        return " ".join(words)

    # -- entries -----------------------------------------------------------------

    def _body(self, lang: str) -> str:
        r = self.rng
        n_sentences = max(1, min(150, int(math.exp(r.gauss(math.log(8), 0.85)))))
        style = (r.random() < 0.45, r.random() < 0.25, r.random() < 0.3)

        def sentence() -> str:
            use = lang if lang != "mixed" else ("ar" if r.random() < 0.7 else "en")
            if use == "ar":
                return self._diacritise(self._casual(self._ar_sentence(), style))
            return self._en_sentence()

        paragraphs: list[str] = []
        left = n_sentences
        while left > 0:
            k = min(left, r.randint(1, 5))
            paragraphs.append(" ".join(sentence() for _ in range(k)))
            left -= k
        roll = r.random()
        if roll < 0.12:
            head = "**ثلاثة أشياء جيدة:**" if lang == "ar" else "**Three good things:**"
            fill = AR_FILL["grat"] if lang == "ar" else EN_FILL["grat"]
            items = "\n".join(f"- {g}" for g in r.sample(fill, r.randint(2, 5)))
            paragraphs.insert(r.randint(0, len(paragraphs)), f"{head}\n\n{items}")
        elif roll < 0.17:
            head = "## ما الذي ساعدني" if lang == "ar" else "## What helped"
            paragraphs.insert(0, head)
        elif roll < 0.21:
            quote = r.choice(AR_FILL["remember"] if lang == "ar" else EN_FILL["remember"])
            paragraphs.append(f"> {quote}")
        elif roll < 0.24:
            todo = (
                ["اتصل بالطبيب", "اشرب ماء", "امشِ ١٠ دقائق"]
                if lang == "ar"
                else ["call the doctor", "drink water", "walk 10 minutes"]
            )
            paragraphs.append("\n".join(f"- [{' x'[r.random() < 0.5]}] {t}" for t in todo))
        if r.random() < 0.1:
            word = r.choice(["*", "**"])
            p = paragraphs[-1]
            cut = p.find(" ")
            if cut > 0:
                paragraphs[-1] = f"{word}{p[:cut]}{word}{p[cut:]}"
        return "\n\n".join(paragraphs)

    def entry(self, at: datetime, created: datetime) -> Entry:
        r = self.rng
        lang = r.choices(["ar", "en", "mixed"], weights=[55, 35, 10])[0]
        mood = r.choices([1, 2, 3, 4, 5], weights=[8, 22, 35, 25, 10])[0] if r.random() < 0.95 else None
        pool = NEGATIVE if (mood or 3) <= 2 else POSITIVE if (mood or 3) >= 4 else EMOTION_KEYS
        n_emotions = r.choices([0, 1, 2, 3, 4], weights=[15, 30, 30, 18, 7])[0]
        emotions = r.sample(pool, min(n_emotions, len(pool)))
        n_tags = r.choices([0, 1, 2, 3, 4], weights=[20, 35, 25, 13, 7])[0]
        tags = list(dict.fromkeys(r.choices(self.tags_order, weights=self.tag_weights, k=n_tags)))
        coping: list[CopingUse] = []
        if r.random() < 0.3:
            for tech in r.sample(TECHNIQUES, r.choice([1, 1, 1, 2])):
                before = r.randint(3, 10) if r.random() < 0.9 else None
                after = None if before is None or r.random() < 0.1 else max(0, before - r.randint(-1, 5))
                helpful = r.randint(1, 5) if r.random() < 0.8 else None
                coping.append(CopingUse(tech, before, min(after, 10) if after is not None else None, helpful))
        title = ""
        if r.random() < 0.7:
            title = r.choice(
                AR_TITLES if lang == "ar" else EN_TITLES if lang == "en" else AR_TITLES + EN_TITLES
            )
            if lang == "ar" and r.random() < 0.4:
                title = title.translate(_HAMZA_ALEF)
        created_s = created.astimezone(UTC).isoformat(timespec="seconds")
        updated = created + timedelta(minutes=r.randint(5, 600)) if r.random() < 0.15 else created
        return Entry(
            at=at,
            mood=mood,
            emotions=emotions,
            tags=tags,
            coping=coping,
            title=title,
            text=self._body(lang),
            uid=uuid.UUID(int=r.getrandbits(128), version=4).hex,
            created_at=created_s,
            updated_at=updated.astimezone(UTC).isoformat(timespec="seconds"),
        )


_HOUR_WEIGHTS = [3, 2, 1, 1, 1, 1, 2, 6, 8, 6, 4, 4, 5, 5, 4, 3, 3, 4, 6, 7, 9, 10, 10, 7]


def timestamps(rng: random.Random, n: int, end: datetime) -> list[tuple[datetime, datetime]]:
    """(at, created) pairs in insertion order: mostly chronological, some back-dated."""
    years = max(2.0, min(10.0, n / 4000))
    start = end - timedelta(days=365.25 * years)
    span_days = (end - start).days
    moments = []
    for _ in range(n):
        day = start + timedelta(days=rng.randrange(span_days))
        hour = rng.choices(range(24), weights=_HOUR_WEIGHTS)[0]
        moments.append(day.replace(hour=hour, minute=rng.randrange(60), second=rng.randrange(60)))
    moments.sort()
    pairs = []
    for naive in moments:
        tz = HOME_TZ if rng.random() < 0.93 else rng.choice(TRAVEL_TZ)
        created = naive.replace(tzinfo=tz)
        at = created
        if rng.random() < 0.04:  # written later about an earlier moment
            at = created - timedelta(days=rng.randint(0, 20), hours=rng.randint(1, 12))
        pairs.append((at.replace(microsecond=0), created + timedelta(minutes=rng.randint(0, 30))))
    return pairs


def generate(
    n: int, data_dir: Path, seed: int, passphrase: str, *, quiet: bool = False, trash_share: float = 0.005
) -> None:
    rng = random.Random(seed)
    vault = Vault(data_dir)  # default KdfParams: unlocking costs what it costs a user
    vault.create(passphrase)
    conn = vault.connect()
    repo = JournalRepository(conn)
    writer = Writer(rng)
    end = datetime(2025, 5, 31, 22, 0, 0)
    pairs = timestamps(rng, n, end)

    def batches() -> Iterator[list[Entry]]:
        for i in range(0, n, BATCH):
            yield [writer.entry(at, created) for at, created in pairs[i : i + BATCH]]

    t0 = time.perf_counter()
    done = 0
    for batch in batches():
        done += repo.add_many(batch)
        if not quiet:
            rate = done / (time.perf_counter() - t0)
            print(f"\r  generated {done}/{n} entries ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
    # A few entries in the trash, as in any real journal.
    ids = [r[0] for r in conn.execute("SELECT id FROM entry")]
    trashed = rng.sample(ids, int(len(ids) * trash_share))
    conn.execute("BEGIN IMMEDIATE")
    for entry_id in trashed:
        repo.delete(entry_id)
    conn.execute("COMMIT")
    # No ANALYZE / PRAGMA optimize: the app runs neither, so the planner works without statistics.
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    vault.release(conn)
    vault.lock()
    if not quiet:
        print(
            f"\r  generated {n} entries in {time.perf_counter() - t0:.1f}s ({len(trashed)} in the trash)"
            f" -> {data_dir}",
            file=sys.stderr,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, required=True)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--passphrase", default=DEFAULT_PASSPHRASE)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    vault = Vault(args.data_dir)
    if vault.exists():
        parser.error(f"{args.data_dir} already holds a vault")
    generate(args.entries, args.data_dir, args.seed, args.passphrase, quiet=args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
