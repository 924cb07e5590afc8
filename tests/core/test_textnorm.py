"""Unit tests of the shared text normaliser (design section 4)."""

from __future__ import annotations

import pytest

from peerapp.core import textnorm


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أشعر", "اشعر"),  # hamza above alef
        ("إيمان", "ايمان"),  # hamza below alef
        ("آمل", "امل"),  # madda
        ("ٱلله", "الله"),  # wasla
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("مدرسة", "مدرسه"),  # ta marbuta
        ("مؤلم", "مولم"),  # waw with hamza
        ("بئر", "بير"),  # ya with hamza
        ("مُتْعَبٌ", "متعب"),  # harakat
        ("كتـــاب", "كتاب"),  # tatweel
        ("٢٠٢٤", "2024"),  # Arabic-Indic digits
        ("۱۴۰۳", "1403"),  # Persian digits
        ("Breathing", "breathing"),  # Latin case fold
        ("STRASSE", "strasse"),
        ("ﬁne", "fine"),  # NFKC ligature
        ("ﻻ", "لا"),  # NFKC presentation form
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert textnorm.normalise(raw) == expected


def test_normalise_keeps_other_text_and_spacing() -> None:
    assert textnorm.normalise("Hello, عالم! 42") == "hello, عالم! 42"


def test_tokens_split_words_and_drop_punctuation() -> None:
    assert textnorm.tokens("Breathing, slowly… أَشْعُرُ بالتعب!") == ["breathing", "slowly", "اشعر", "بالتعب"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("breathing", "breathe"),
        ("Breathes", "breathing"),
        ("المدرسة", "مدرسه"),
        ("والمدرسة", "المدرسه"),
        ("أشعر", "اشعر"),
        ("مُتْعَب", "متعب"),
    ],
)
def test_index_text_maps_variants_to_the_same_terms(a: str, b: str) -> None:
    assert textnorm.index_text(a) == textnorm.index_text(b)
    assert textnorm.index_text(a) != ""


def test_index_text_is_space_separated_stems() -> None:
    text = "I was breathing slowly in the مدرسة"
    indexed = textnorm.index_text(text)
    assert indexed.split() == [textnorm.stem(t) for t in textnorm.tokens(text)]
    assert "breath" in indexed.split()
    assert "breathing" not in indexed.split()


def test_index_text_of_empty_text() -> None:
    assert textnorm.index_text("") == ""
    assert textnorm.index_text(" ... !! ") == ""


def test_match_expression_no_words_gives_none() -> None:
    assert textnorm.match_expression("") is None
    assert textnorm.match_expression("   ?!  …") is None


def test_match_expression_prefixes_stem_and_typed_word() -> None:
    expr = textnorm.match_expression("Breathing")
    assert expr is not None
    assert '"breath"*' in expr
    assert '"breathing"*' in expr


def test_match_expression_and_by_default_or_on_fallback() -> None:
    both = textnorm.match_expression("calm sea")
    either = textnorm.match_expression("calm sea", any_term=True)
    assert both is not None and either is not None
    assert " AND " in both and " OR (" not in both
    assert ") OR (" in either and " AND " not in either


def test_match_expression_quotes_fts_syntax() -> None:
    """Words that are FTS5 operators or carry quotes are matched as text, not syntax."""
    expr = textnorm.match_expression('NOT "near" or')
    assert expr is not None
    # Every word is inside double quotes, so FTS5 sees no bare operator.
    for word in ("not", "near", "or"):
        assert f'"{word}"*' in expr
    assert " NOT " not in expr


def test_match_expression_repeats_count_once() -> None:
    assert textnorm.match_expression("sad sad SAD") == textnorm.match_expression("sad")


def test_match_expression_normalises_arabic_query() -> None:
    assert textnorm.match_expression("أَشْعُرُ") == textnorm.match_expression("اشعر")


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("مرحبا hello", "rtl"),
        ("hello مرحبا", "ltr"),
        ("123 — مرحبا", "rtl"),  # digits and punctuation are not strong
        ("  (42) Hello", "ltr"),
        ("שלום", "rtl"),  # Hebrew is strong R
        ("", "ltr"),
        ("123 !?", "ltr"),
    ],
)
def test_first_strong_direction(text: str, direction: str) -> None:
    assert textnorm.first_strong_direction(text) == direction
