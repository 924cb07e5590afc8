"""The shipped prompt packs: enough prompts in each language and theme, ids paired across languages,
no duplicates, our own header, and no word naming a method of self-harm (a check shown able to fail)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from peerapp.core import prompts
from peerapp.core.settings import LANGUAGES
from support import ROOT

PACKS = ROOT / "resources" / "prompts"

# Words that name or point at a means of self-harm. Prompts are read on hard days: none of them may
# carry one, however innocent its sense there ("cut", "hang in there"), so the check is strict.
METHOD_WORDS = {
    "en": [
        r"cut(s|ting)?",
        r"blades?",
        r"razors?",
        r"pills?",
        r"overdos\w*",
        r"tablets?",
        r"poison\w*",
        r"bleach",
        r"hang(s|ing|ed)?",
        r"ropes?",
        r"noose",
        r"jump(s|ing|ed)?",
        r"bridges?",
        r"ledge",
        r"rooftop",
        r"guns?",
        r"firearms?",
        r"shoot\w*",
        r"knife|knives",
        r"suffocat\w*",
        r"wrists?",
        r"drown\w*",
        r"burn(s|ing|ed)?",
        r"self-harm\w*",
        r"suicid\w*",
        r"kill\w*",
    ],
    # Arabic words take prefixes (و، ف، ب، ل، ال) and suffixes (ة، ات، ها…): matched as a whole word
    # with any of them, so اسم or موسيقى never count as سم or موس.
    "ar": [
        "جرح",
        "جروح",
        "شفرة",
        "موس",
        "حبوب",
        "أقراص",
        "جرعة",
        "سموم",
        "تسمم",
        "مبيد",
        "شنق",
        "حبل",
        "مشنقة",
        "قفز",
        "جسر",
        "سطح",
        "مسدس",
        "سلاح",
        "رصاص",
        "سكين",
        "خنق",
        "معصم",
        "غرق",
        "حرق",
        "انتحار",
        "إيذاء النفس",
        "قتل",
    ],
}
_AR_PREFIX = "(?:و|ف)?(?:ب|ل|ك)?(?:ال)?"
_AR_SUFFIX = "(?:ة|ات|ي|ه|ها|هم|ك|ين|ون|ان)?"


def unsafe_words(text: str, lang: str) -> list[str]:
    """The method words found in `text` (empty when it is safe)."""
    found = []
    for word in METHOD_WORDS[lang]:
        if lang == "en":
            pattern = rf"\b(?:{word})\b"
        else:
            pattern = rf"(?:^|\W){_AR_PREFIX}{word}{_AR_SUFFIX}(?:\W|$)"
        if re.search(pattern, text, flags=re.IGNORECASE):
            found.append(word)
    return found


def raw(lang: str) -> dict[str, object]:
    data = json.loads((PACKS / f"{lang}.json").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def pack_problems(lang: str, items: list[dict[str, str]]) -> list[str]:
    return [f"{item['id']}: {w}" for item in items for w in unsafe_words(item["text"], lang)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_enough_prompts_in_every_theme(lang: str) -> None:
    loaded = prompts.load_prompts(lang, ROOT / "resources")
    assert len(loaded) >= 80
    per_theme = Counter(p.theme for p in loaded)
    assert set(per_theme) == set(prompts.THEMES)
    assert min(per_theme.values()) >= 10, per_theme


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_duplicates_and_a_header_saying_they_are_ours(lang: str) -> None:
    data = raw(lang)
    items = data["prompts"]
    assert isinstance(items, list)
    ids = [item["id"] for item in items]
    texts = [" ".join(item["text"].split()).casefold() for item in items]
    assert len(set(ids)) == len(ids) and len(set(texts)) == len(texts)
    assert data["lang"] == lang and data["format"] == prompts.PACK_FORMAT
    about = str(data["about"])
    assert "our own words" in about and "peerapp" in about


def test_ids_pair_across_languages_with_the_same_theme() -> None:
    by_lang = {
        lang: {p.id: p.theme for p in prompts.load_prompts(lang, ROOT / "resources")} for lang in LANGUAGES
    }
    assert by_lang["en"] == by_lang["ar"]
    # Stable ids: <theme>-<two digits>, so a reader of an old entry's export can tell what it was.
    assert all(re.fullmatch(rf"{theme}-\d\d", pid) for pid, theme in by_lang["en"].items())


def test_arabic_prompts_are_in_arabic_and_english_ones_in_english() -> None:
    for p in prompts.load_prompts("ar", ROOT / "resources"):
        letters = [c for c in p.text if c.isalpha()]
        assert sum("\u0600" <= c <= "\u06ff" for c in letters) / len(letters) > 0.95, p.id
        assert "," not in p.text and ";" not in p.text, p.id  # the Arabic comma and semicolon
    for p in prompts.load_prompts("en", ROOT / "resources"):
        assert p.text.isascii() or set(p.text) - set(map(chr, range(128))) <= {"“", "”"}, p.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_prompt_names_a_method_of_self_harm(lang: str) -> None:
    items = raw(lang)["prompts"]
    assert isinstance(items, list)
    assert pack_problems(lang, items) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "When it gets heavy, do you think about pills?"),
        ("en", "Hang in there and write one line."),
        ("ar", "هل فكرتُ في الحبوب اليوم؟"),
        ("ar", "وبالشفرة"),
    ],
)
def test_the_word_check_fails_when_a_method_word_is_added(lang: str, text: str, tmp_path: Path) -> None:
    data = raw(lang)
    items = data["prompts"]
    assert isinstance(items, list)
    items.append({"id": "hard-days-99", "theme": "hard-days", "text": text})
    assert pack_problems(lang, items) == [f"hard-days-99: {w}" for w in unsafe_words(text, lang)] != []
    # The pack itself still loads: this check is the tests' job, the loader checks the shape.
    (tmp_path / "prompts").mkdir()
    (tmp_path / "prompts" / f"{lang}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert prompts.by_id(lang, "hard-days-99", tmp_path) is not None


def test_the_word_check_does_not_flag_ordinary_words() -> None:
    # Words that share letters with a method word but are not one.
    assert unsafe_words("A cutting-edge idea? No: a shortcut, a hangout, a jumper.", "en") == ["cut(s|ting)?"]
    assert unsafe_words("a shortcut, a hangout, a jumper, scuttle", "en") == []
    assert unsafe_words("اسمي وبسمة وسماء وموسيقى", "ar") == []


def test_hard_days_prompts_are_short_and_never_send_to_a_hotline() -> None:
    for lang in LANGUAGES:
        for p in prompts.load_prompts(lang, ROOT / "resources"):
            if p.theme != "hard-days":
                continue
            assert len(p.text) <= 110, p.id
            assert not re.search(r"hotline|helpline|call \d|خط ساخن|خط المساعدة|\d{3,}", p.text), p.id
