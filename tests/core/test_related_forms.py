"""Related forms (hope/hopeless, حزين/حزن) in library search: each form finds the other, ranked below itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerapp.core import related_forms, textnorm
from peerapp.core.library_index import LibraryIndex
from support.related_pairs import PAIRS


def library_with(root: Path, lang: str, words: dict[str, str]) -> Path:
    """A resources folder with one short article per id, its body holding the given word."""
    folder = root / "library" / lang
    folder.mkdir(parents=True, exist_ok=True)
    # Filler articles, so that a word in one article is rare enough for bm25 to score it.
    fillers = {f"filler-{i}": "kettle" for i in range(6)}
    for article_id, word in {**fillers, **words}.items():
        (folder / f"{article_id}.md").write_text(
            f"Title: Note {article_id}\nCategory: coping\nTags: note\n\nsome words then {word} then more\n",
            "utf-8",
        )
    return root


@pytest.mark.parametrize(("lang", "one", "other"), PAIRS)
def test_each_form_finds_the_other(tmp_path: Path, lang: str, one: str, other: str) -> None:
    root = library_with(tmp_path / "res", lang, {"first": one, "second": other})
    index = LibraryIndex(lang, root, cache=tmp_path / "cache")
    assert "second" in [h.id for h in index.search(one)]
    assert "first" in [h.id for h in index.search(other)]
    assert {h.id for h in index.search(one) + index.search(other)} == {"first", "second"}


@pytest.mark.parametrize(("lang", "one", "other"), PAIRS)
def test_the_word_as_typed_ranks_above_its_related_form(
    tmp_path: Path, lang: str, one: str, other: str
) -> None:
    root = library_with(tmp_path / "res", lang, {"first": one, "second": other})
    index = LibraryIndex(lang, root, cache=tmp_path / "cache")
    for query, own in ((one, "first"), (other, "second")):
        hits = index.search(query)
        assert hits[0].score > 0
        if len(hits) == 2 and hits[0].score == hits[1].score:
            continue  # one stem (مساعد, مساعدة): both are the word itself
        assert hits[0].id == own, (query, [(h.id, h.score) for h in hits])


def test_a_word_only_in_related_forms_is_never_empty(tmp_path: Path) -> None:
    # "panicky" is in no article, and no typo of any word in it: only its family finds "panic".
    root = library_with(tmp_path / "res", "en", {"panic-note": "panic"})
    index = LibraryIndex("en", root, cache=tmp_path / "cache")
    assert [h.id for h in index.search("panicky")] == ["panic-note"]


def test_related_stems_are_whole_terms_not_prefixes(tmp_path: Path) -> None:
    # "alone" is related to "lonely"; its stem "alon" must not match "along" by prefix.
    root = library_with(tmp_path / "res", "en", {"walk": "along the river", "solo": "alone at home"})
    index = LibraryIndex("en", root, cache=tmp_path / "cache")
    assert [h.id for h in index.search("lonely")] == ["solo"]


def test_family_table_and_arabic_pattern() -> None:
    def related(word: str) -> frozenset[str]:
        return related_forms.related_stems(textnorm.tokens(word)[0])

    assert textnorm.stem("hope") in related("hopeless")
    assert textnorm.stem(textnorm.normalise("خوف")) in related("خائف")
    # The light pattern rule for roots the table lacks: فاعل and فعيل against the root.
    assert "كتب" in related("كاتب")
    assert "كاتب" in related("كتب")
    # Weak roots and words the table knows are not guessed at (ساعد is not سعد, "happiness").
    assert "سعد" not in related("ساعد")
    assert related("قال") == frozenset()
    assert related("kettle") == frozenset()
    # A word's own stem and its prefix matches are never "related".
    assert all(not s.startswith(textnorm.stem("hope")) for s in related("hope"))


def test_match_expression_adds_related_forms_only_when_asked() -> None:
    assert textnorm.match_expression("hopeless") == '("hopeless"*)'
    assert textnorm.match_expression("hopeless", related=True) == '("hope" OR "hopeless"*)'
    both = textnorm.match_expression("حزين خائف", related=True)
    assert both is not None and '"حزن"' in both and '"خوف"' in both and " AND " in both
