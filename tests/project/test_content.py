"""Content checks from docs/CONTENT.md: glossary terms, Arabic punctuation, Reviewed dates, twin articles.

Run `python tests/project/test_content.py --due` to list the articles due for their yearly review.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

from peerapp.core.markdown_render import render_with_meta

ROOT = Path(__file__).resolve().parent.parent.parent
LIBRARY = ROOT / "resources" / "library"
GLOSSARY = ROOT / "i18n" / "glossary.tsv"
TS_FILE = ROOT / "i18n" / "peerapp_ar.ts"
HEADER_ORDER = ("title", "category", "tags", "sources", "reviewed")
REVIEW_MONTHS = 12

# Harakat, tanween, shadda, sukun, dagger alif, Quranic marks and tatweel: ignored when matching.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTER = "\u0621-\u064a"
# What may stand in front of the first word of a variant: و/ف, then ب/ك/ل, then the article.
_PROCLITICS = "(?:[وف]?(?:[بك]?ال|لل|[بكل])?)"
# Emotion words that mark a list of emotions (the .ts emotion labels are added at run time).
_CORE_EMOTIONS = {
    "خوف", "خزي", "غضب", "حزن", "قلق", "أمل", "فخر", "هدوء", "امتنان", "ارتياح", "تعب", "إرهاق",
    "سعادة", "حيرة", "إحباط", "حماس", "خدر", "ذنب", "رفض", "قبول", "وحدة", "تواصل", "أمان", "فرح",
    "ألم", "ضيق", "يأس", "عار", "غيرة", "توتر", "جرح",
}  # fmt: skip


def normalise(text: str) -> str:
    """Text as the glossary check sees it: without diacritics or tatweel."""
    return _MARKS.sub("", text)


def is_arabic(text: str) -> bool:
    return re.search(f"[{_ARABIC_LETTER}]", text) is not None


@dataclass(frozen=True)
class Rule:
    """One forbidden variant from the glossary."""

    variant: str
    use: str  # the approved term, for the message
    pattern: re.Pattern[str]
    arabic: bool
    emotion: bool  # forbidden only as an emotion label


def compile_variant(variant: str) -> re.Pattern[str]:
    """Whole words; `*` ends a word with any ending; the first Arabic word may carry proclitics."""
    words = normalise(variant).split()
    arabic = is_arabic(variant)
    parts = []
    for index, word in enumerate(words):
        stem = word.rstrip("*")
        part = re.escape(stem) + (r"[\w/]*" if word.endswith("*") else "")
        if index == 0 and arabic:
            part = _PROCLITICS + part
        parts.append(part)
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", 0 if arabic else re.IGNORECASE)


def load_glossary(path: Path = GLOSSARY) -> list[Rule]:
    rules: list[Rule] = []
    lines = [line for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    assert lines and lines[0].split("\t") == ["arabic", "english", "notes", "forbidden"], lines[:1]
    for number, line in enumerate(lines[1:], 2):
        columns = line.split("\t")
        assert len(columns) == 4, f"{path.name}: row {number} has {len(columns)} columns, not 4: {line!r}"
        arabic, english, _notes, forbidden = columns
        use = arabic if is_arabic(forbidden) else english
        for variant in (v.strip() for v in forbidden.split(" | ") if v.strip()):
            if variant.startswith("emotion:"):
                word = normalise(variant.removeprefix("emotion:").strip())
                pattern = re.compile(r"(?<!\w)و?" + re.escape(word) + r"(?!\w)")
                rules.append(Rule(word, use, pattern, True, True))
            else:
                rules.append(Rule(variant, use, compile_variant(variant), is_arabic(variant), False))
    return rules


def ts_translations(path: Path = TS_FILE) -> Iterator[tuple[str, str, str]]:
    """(context, source, translation) for every live translation, one per plural form."""
    root = ElementTree.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("obsolete", "vanished"):
                continue
            source = message.findtext("source", "")
            forms = [n.text or "" for n in translation.findall("numerusform")] or [translation.text or ""]
            for form in forms:
                yield name, source, form


@lru_cache(maxsize=1)
def emotion_words() -> frozenset[str]:
    """The core emotion words and every one-word emotion label in the .ts (context Vocab)."""
    words = set(_CORE_EMOTIONS)
    if TS_FILE.exists():
        words |= {
            normalise(t.strip()) for c, _s, t in ts_translations() if c == "Vocab" and " " not in t.strip()
        }
    return frozenset(normalise(w) for w in words)


_SEP = r"[\s،,؛;:()\-–—/]*"


def _is_emotion_use(text: str, start: int, end: int, joined: bool, emotions: frozenset[str]) -> bool:
    """Is the word at text[start:end] an emotion label: a list item beside another emotion, or scored?

    `joined` says the word carried the conjunction و, which makes it a list item by itself.
    """
    before, after = text[:start], text[end:]
    if re.match(r"\s*[0-9\u0660-\u0669]", after):  # «وحدة 70»: an intensity
        return True
    follow = re.match(f"(?P<sep>{_SEP})(?P<conj>(?:أو|و)\\s+)?(?P<word>\\w+)", after)
    if follow:
        word = follow.group("word")
        listed = "،" in follow.group("sep") or "," in follow.group("sep") or follow.group("conj")
        if (listed or word.startswith("و")) and _bare(word) in emotions:
            return True
    lead = re.search(f"(?P<word>\\w+)(?P<sep>{_SEP})(?P<conj>(?:أو|و)\\s+)?$", before)
    if lead:
        listed = "،" in lead.group("sep") or "," in lead.group("sep") or lead.group("conj") or joined
        if listed and _bare(lead.group("word")) in emotions:
            return True
    return False


def _bare(word: str) -> str:
    """A list neighbour without a leading و (the conjunction), as it appears in the emotion set."""
    return word[1:] if word.startswith("و") and len(word) > 3 else word


def find_violations(text: str, rules: list[Rule], arabic: bool, whole_label: bool = False) -> list[str]:
    """Forbidden glossary variants in `text`, as messages; `whole_label` marks a .ts translation."""
    plain = normalise(text)
    emotions = emotion_words() if any(r.emotion for r in rules) else frozenset()
    found = []
    for rule in rules:
        if rule.arabic != arabic:
            continue
        if rule.emotion:
            if whole_label and plain.strip(" .،,") == rule.variant:
                found.append(f"«{rule.variant}» alone as an emotion label (use «{rule.use}»)")
                continue
            for match in rule.pattern.finditer(plain):
                joined = len(match.group(0)) > len(rule.variant)
                if _is_emotion_use(plain, match.start(), match.end(), joined, emotions):
                    found.append(f"«{match.group(0)}» as an emotion label (use «{rule.use}»)")
        else:
            for match in rule.pattern.finditer(plain):
                found.append(f"«{match.group(0)}» is a forbidden variant «{rule.variant}» (use «{rule.use}»)")
    return found


_PUNCTUATION = [
    (re.compile(f'"[^"\n]*[{_ARABIC_LETTER}][^"\n]*"'), "ASCII quotation marks around Arabic text (use «»)"),
    (
        re.compile(f"[“”][^“”\n]*[{_ARABIC_LETTER}][^“”\n]*[“”]"),
        "curly quotation marks around Arabic text (use «»)",
    ),
    (re.compile(f"[{_ARABIC_LETTER}]\\s*,"), "ASCII comma after Arabic text (use «،»)"),
    (re.compile(f"[{_ARABIC_LETTER}]\\s*\\?"), "ASCII question mark after Arabic text (use «؟»)"),
    (re.compile(f"[{_ARABIC_LETTER}]\\s*;"), "ASCII semicolon after Arabic text (use «؛»)"),
]


def punctuation_problems(text: str) -> list[str]:
    plain = normalise(text)
    return [
        f"{message}: {m.group(0)!r}" for pattern, message in _PUNCTUATION for m in pattern.finditer(plain)
    ]


def articles(lang: str) -> list[Path]:
    """Every article file of one language, including ones added after this test was written."""
    return sorted((LIBRARY / lang).glob("*.md"))


def header_and_body(text: str) -> tuple[str, str]:
    head, _, body = text.partition("\n\n")
    return head, body


def reviewed_date(path: Path) -> date | None:
    """The article's Reviewed: date as the app's own header parser reads it; None when missing or bad."""
    _html, meta = render_with_meta(path.read_text("utf-8"))
    values = meta.get("reviewed", [])
    if len(values) != 1:
        return None
    try:
        return date.fromisoformat(values[0].strip())
    except ValueError:
        return None


def review_deadline(reviewed: date) -> date:
    """The last day on which a review done on `reviewed` still counts (12 months later)."""
    month = reviewed.month - 1 + REVIEW_MONTHS
    year, month = reviewed.year + month // 12, month % 12 + 1
    day = min(reviewed.day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
    return date(year, month, day)


def due_for_review(today: date, paths: list[Path] | None = None) -> list[tuple[Path, date | None]]:
    """Articles whose Reviewed: date is missing or more than 12 months before `today`."""
    due = []
    for path in paths if paths is not None else articles("en") + articles("ar"):
        reviewed = reviewed_date(path)
        if reviewed is None or today > review_deadline(reviewed):
            due.append((path, reviewed))
    return due


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


# -- the glossary itself -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rules() -> list[Rule]:
    return load_glossary()


def test_glossary_is_well_formed_and_its_own_terms_pass(rules: list[Rule]) -> None:
    assert len(rules) >= 20
    lines = [line for line in GLOSSARY.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:
        arabic, english, _notes, _forbidden = line.split("\t")
        assert arabic.strip() and english.strip(), line
        # An approved term must never trip a rule: that would make the glossary contradict itself.
        assert not find_violations(arabic, rules, arabic=True), arabic
        assert not find_violations(english, rules, arabic=False), english


@pytest.mark.parametrize(
    ("text", "caught"),
    [
        ("في قائمة التأريض", True),
        ("التثبيت بالحواس 5-4-3-2-1", False),
        ("نُقلت المُدخلةُ إلى المهملات", True),  # diacritics do not hide a variant
        ("أُضيفت %Ln مدخلات.", True),
        ("مدخلتان", True),
        ("إدخال عبارة المرور", False),  # typing something in is not an entry
        ("مدخلًا في قائمة البرامج", False),  # a desktop menu entry
        ("العابرين والعابرات جنسيا", True),
        ("العابرون/ات جندريًا", False),
        ("نظرة عابرة", False),
        ("بميولك الجنسية", True),
        ("التوجه الجنسي", False),
        ("أشعر بالخجل", True),
        ("أشعر بالخزي", False),
        ("منظمة إلغا", True),
        ("إلغاء", False),  # Cancel
        ("8 محارف", True),
        ("## علامات تحذير", True),
        ("علامات التحذير", False),
        ("تعيين عبارة مرور الطوارئ…", True),
        ("عبارة المرور تحت الإكراه", False),
    ],
)
def test_glossary_rules_catch_variants_and_spare_lookalikes(
    rules: list[Rule], text: str, caught: bool
) -> None:
    assert bool(find_violations(text, rules, arabic=True)) is caught, find_violations(
        text, rules, arabic=True
    )


@pytest.mark.parametrize(
    ("text", "whole_label", "caught"),
    [
        ("وحدة", True, True),  # the .ts label for "lonely"
        ("شعور بالوحدة", True, False),
        ("**المشاعر:** قلق، وحدة، حزن", False, True),
        ("المشاعر: خوف ووحدة", False, True),
        ("وحدة 70، خوف 40", False, True),
        ("الشعور بالوحدة", False, False),
        ("وحدة القياس", False, False),
        ("تقرير عن الوحدة والعزلة", False, False),
        ("حمل سر ثقيل في وحدة تامة", False, False),
        ("رفض العائلة أو الأصدقاء", False, False),
        ("خوف، رفض، حزن", False, True),
        ("ابق على تواصل", False, False),
    ],
)
def test_emotion_rules_only_fire_on_emotion_labels(
    rules: list[Rule], text: str, whole_label: bool, caught: bool
) -> None:
    found = find_violations(text, rules, arabic=True, whole_label=whole_label)
    assert bool(found) is caught, found


def test_punctuation_rule_spares_tags_digits_and_english() -> None:
    assert punctuation_problems('قل: "لست بخير"')
    assert punctuation_problems("أولا, ثانيا")
    assert punctuation_problems("هل أنت بخير?")
    assert not punctuation_problems("20,000 حرف")
    assert not punctuation_problems('"All This Terror Because of a Photo"')
    assert not punctuation_problems("«لست بخير»، ثم؟")


# -- the library ---------------------------------------------------------------------------------


def test_every_article_uses_the_glossary(rules: list[Rule]) -> None:
    problems = []
    for lang in ("en", "ar"):
        for path in articles(lang):
            text = path.read_text("utf-8")
            for line_number, line in enumerate(text.splitlines(), 1):
                for problem in find_violations(line, rules, arabic=lang == "ar"):
                    problems.append(f"{_rel(path)}:{line_number}: {problem}")
    assert not problems, "\n".join(problems)


def test_arabic_articles_use_arabic_punctuation() -> None:
    problems = []
    for path in articles("ar"):
        head, body = header_and_body(path.read_text("utf-8"))
        first_body_line = head.count("\n") + 3
        for offset, line in enumerate(body.splitlines()):
            for problem in punctuation_problems(line):
                problems.append(f"{_rel(path)}:{first_body_line + offset}: {problem}")
    assert not problems, "\n".join(problems)


def test_every_article_has_a_reviewed_date_in_its_header() -> None:
    problems = []
    today = date.today()
    for path in articles("en") + articles("ar"):
        head, _body = header_and_body(path.read_text("utf-8"))
        keys = [
            line.split(":", 1)[0].strip().lower() for line in head.splitlines() if not line.startswith(" ")
        ]
        reviewed = reviewed_date(path)
        if reviewed is None:
            problems.append(f"{_rel(path)}: no valid 'Reviewed: YYYY-MM-DD' line in the header")
        elif reviewed > today:
            problems.append(f"{_rel(path)}: Reviewed: {reviewed} is in the future")
        known = [k for k in keys if k in HEADER_ORDER]
        if known != [k for k in HEADER_ORDER if k in known]:
            problems.append(f"{_rel(path)}: header order {keys}, expected {list(HEADER_ORDER)}")
    assert not problems, "\n".join(problems)


def test_every_article_has_a_twin_in_the_other_language() -> None:
    english = {p.stem for p in articles("en")}
    arabic = {p.stem for p in articles("ar")}
    assert english, "no English articles found"
    assert not english - arabic, f"English articles without an Arabic twin: {sorted(english - arabic)}"
    assert not arabic - english, f"Arabic articles without an English twin: {sorted(arabic - english)}"


def test_due_for_review_lists_articles_older_than_twelve_months(tmp_path: Path) -> None:
    def article(name: str, reviewed: str | None) -> Path:
        path = tmp_path / f"{name}.md"
        line = f"Reviewed: {reviewed}\n" if reviewed else ""
        path.write_text(f"Title: {name}\nCategory: coping\nTags: x\nSources: s\n{line}\nBody.\n", "utf-8")
        return path

    fresh = article("fresh", "2026-01-10")
    year = article("year", "2025-12-03")
    old = article("old", "2025-12-02")
    missing = article("missing", None)
    due = due_for_review(date(2026, 12, 3), [fresh, year, old, missing])
    assert [p.name for p, _ in due] == ["old.md", "missing.md"]


# -- the interface translations ------------------------------------------------------------------


def test_ts_translations_use_the_glossary(rules: list[Rule]) -> None:
    problems = []
    for context, source, translation in ts_translations():
        # Accelerator markers (&) split words; the check reads the text as shown.
        shown = translation.replace("&&", "\0").replace("&", "").replace("\0", "&")
        for problem in find_violations(shown, rules, arabic=True, whole_label=True):
            problems.append(f"{context} / {source!r}: {problem}")
        for problem in punctuation_problems(shown):
            problems.append(f"{context} / {source!r}: {problem}")
    assert not problems, "\n".join(problems)


if __name__ == "__main__":
    if sys.argv[1:] == ["--due"]:
        for path, reviewed in due_for_review(date.today()):
            print(f"{_rel(path)}\t{reviewed or 'never reviewed'}")
    else:
        print("usage: python tests/project/test_content.py --due", file=sys.stderr)
        sys.exit(2)
