"""Random pseudonym suggestions for groups: a kind adjective and a thing from nature, in English or Arabic.

The lists are our own. Every word is neutral and describes no person: no gender, age, faith,
nationality, body or mood that could hurt. Arabic puts the adjective after the noun and makes it
agree with the noun's grammatical gender ("نهر هادئ", "شجرة هادئة").
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass


@dataclass(frozen=True)
class Noun:
    en: str
    ar: str
    feminine: bool  # the Arabic noun's grammatical gender


@dataclass(frozen=True)
class Adjective:
    en: str
    ar_masculine: str
    ar_feminine: str


ADJECTIVES: tuple[Adjective, ...] = (
    Adjective("Quiet", "هادئ", "هادئة"),
    Adjective("Gentle", "لطيف", "لطيفة"),
    Adjective("Warm", "دافئ", "دافئة"),
    Adjective("Bright", "مشرق", "مشرقة"),
    Adjective("Steady", "ثابت", "ثابتة"),
    Adjective("Soft", "ناعم", "ناعمة"),
    Adjective("Kind", "طيب", "طيبة"),
    Adjective("Peaceful", "وادع", "وادعة"),
    Adjective("Silver", "فضي", "فضية"),
    Adjective("Golden", "ذهبي", "ذهبية"),
    Adjective("Shining", "لامع", "لامعة"),
    Adjective("Little", "صغير", "صغيرة"),
    Adjective("Distant", "بعيد", "بعيدة"),
    Adjective("Patient", "صبور", "صبورة"),
)

NOUNS: tuple[Noun, ...] = (
    Noun("River", "نهر", False),
    Noun("Sea", "بحر", False),
    Noun("Mountain", "جبل", False),
    Noun("Moon", "قمر", False),
    Noun("Rain", "مطر", False),
    Noun("Meadow", "مرج", False),
    Noun("Stone", "حجر", False),
    Noun("Spring", "ينبوع", False),
    Noun("Dawn", "فجر", False),
    Noun("Horizon", "أفق", False),
    Noun("Shore", "شاطئ", False),
    Noun("Field", "حقل", False),
    Noun("Tree", "شجرة", True),
    Noun("Cloud", "غيمة", True),
    Noun("Star", "نجمة", True),
    Noun("Breeze", "نسمة", True),
    Noun("Leaf", "ورقة", True),
    Noun("Garden", "حديقة", True),
    Noun("Wave", "موجة", True),
    Noun("Lake", "بحيرة", True),
    Noun("Forest", "غابة", True),
    Noun("Flower", "زهرة", True),
    Noun("Palm", "نخلة", True),
    Noun("Oasis", "واحة", True),
    Noun("Island", "جزيرة", True),
    Noun("Feather", "ريشة", True),
    Noun("Sky", "سماء", True),
    Noun("Sun", "شمس", True),
)


def compose(adjective: Adjective, noun: Noun, lang: str) -> str:
    """One pseudonym in `lang` ("ar" or anything else for English)."""
    if lang.lower().startswith("ar"):
        return f"{noun.ar} {adjective.ar_feminine if noun.feminine else adjective.ar_masculine}"
    return f"{adjective.en} {noun.en}"


def suggest_pseudonym(lang: str) -> str:
    """A random pseudonym such as "Quiet River" or "نهر هادئ"; never derived from anything about the user."""
    return compose(secrets.choice(ADJECTIVES), secrets.choice(NOUNS), lang)
