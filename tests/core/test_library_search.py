"""Library search (design section 4): relevance on our evaluation set, the cache, odd files, the CLI."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from peerapp.core import textnorm
from peerapp.core.library import load_articles
from peerapp.core.library_index import LibraryHit, LibraryIndex
from peerapp.core.spelling import osa_distance
from support.library_eval import EVAL, EvalQuery, NaiveIndex, mrr_at_5

CliResult = Any  # conftest.CliResult: code, stdout, stderr
Cli = Callable[..., CliResult]
LANGS = ("en", "ar")


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, LibraryIndex]]:
    """Indexes of the bundled library, built once for this module in its own cache folder."""
    cache = tmp_path_factory.mktemp("library-cache")
    indexes = {lang: LibraryIndex(lang, cache=cache) for lang in LANGS}
    yield indexes
    for index in indexes.values():
        index.close()


def write_article(
    folder: Path,
    article_id: str,
    title: str,
    tags: str,
    body: str,
    category: str = "coping",
    sources: str = "A made-up source (2024)",
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{article_id}.md"
    path.write_text(
        f"Title: {title}\nCategory: {category}\nTags: {tags}\nSources: {sources}\n\n{body}\n", "utf-8"
    )
    return path


@pytest.fixture
def small_library(tmp_path: Path) -> Path:
    """A resources folder with three short articles in English and one in Arabic."""
    root = tmp_path / "res"
    en = root / "library" / "en"
    write_article(
        en,
        "sea-breeze",
        "Sea breeze breathing",
        "breathing, calm",
        "Imagine a slow sea breeze while you breathe out for a count of six.",
    )
    write_article(
        en,
        "lantern-walk",
        "Lantern walk",
        "walking, evening",
        "Walk slowly after sunset and notice each lantern you pass.",
        category="belonging",
    )
    write_article(
        en,
        "quiet-kettle",
        "The quiet kettle",
        "tea, routine",
        "Make tea without your phone. Listen to the kettle until it boils.",
        sources="Kettle Institute (2021)\n    Second Source (2022)",
    )
    write_article(
        root / "library" / "ar",
        "sea-breeze",
        "تنفس نسيم البحر",
        "تنفس, هدوء",
        "تخيل نسيم البحر البطيء مع كل زفير.",
    )
    return root


# -- relevance ---------------------------------------------------------------------------------


def test_evaluation_set_is_large_bilingual_and_points_at_real_articles() -> None:
    assert len(EVAL) >= 60
    assert len({(q.lang, q.query) for q in EVAL}) == len(EVAL), "duplicate queries"
    for lang in LANGS:
        ids = {a.id for a in load_articles(lang)}
        queries = [q for q in EVAL if q.lang == lang]
        assert len(queries) >= 25
        for q in queries:
            assert q.expected and q.expected <= ids, q
    kinds = " ".join(q.kind for q in EVAL)
    for needed in (
        "diacritics",
        "hamza",
        "ta marbuta",
        "prefix و",
        "prefix بال",
        "prefix لل",
        "plural",
        "Arabic-Indic digits",
        "inflection",
        "typo",
        "multi-word",
    ):
        assert needed in kinds, needed


def test_mrr_at_5_beats_the_naive_baseline(bundled: dict[str, LibraryIndex]) -> None:
    naive = {lang: NaiveIndex(lang) for lang in LANGS}

    def ours(q: EvalQuery) -> list[str]:
        return [hit.id for hit in bundled[q.lang].search(q.query, limit=5)]

    def baseline(q: EvalQuery) -> list[str]:
        return naive[q.lang].search(q.query, limit=5)

    ours_mrr, naive_mrr = mrr_at_5(ours), mrr_at_5(baseline)
    for lang in LANGS:
        subset = [q for q in EVAL if q.lang == lang]
        print(f"MRR@5 {lang}: ours {mrr_at_5(ours, subset):.3f}, naive {mrr_at_5(baseline, subset):.3f}")
    print(f"MRR@5 all ({len(EVAL)} queries): ours {ours_mrr:.3f}, naive FTS5 baseline {naive_mrr:.3f}")
    missed = [(q.lang, q.query, ours(q)) for q in EVAL if not set(ours(q)[:5]) & q.expected]
    assert ours_mrr >= 0.95, missed
    assert ours_mrr > naive_mrr


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("en", "breathng", "box-breathing"),  # typo: one letter missing
        ("en", "anxeity", "grounding-5-4-3-2-1"),  # typo: two letters swapped
        ("en", "panicking", "panic-attacks"),  # -ic verb takes a k
        ("en", "internalized", "internalised-stigma"),  # American spelling of a British text
        ("ar", "عائله", "family-pressure"),  # ta marbuta written as ha
        ("ar", "٤-٧-٨", "breathing-4-7-8"),  # Arabic-Indic digits, as a phrase
        ("ar", "٥-٤-٣-٢-١", "grounding-5-4-3-2-1"),
        ("ar", "الهلغ", "panic-attacks"),  # typo in Arabic
    ],
)
def test_forgiving_queries_find_something_sensible(
    bundled: dict[str, LibraryIndex], lang: str, query: str, expected: str
) -> None:
    ids = [hit.id for hit in bundled[lang].search(query, limit=5)]
    assert expected in ids


def test_words_together_rank_above_either_alone(bundled: dict[str, LibraryIndex]) -> None:
    hits = bundled["en"].search("panic breathing", limit=10)
    assert hits[0].id in {"panic-attacks", "box-breathing", "breathing-4-7-8"}
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_nothing_sensible_gives_no_results(bundled: dict[str, LibraryIndex]) -> None:
    index = bundled["en"]
    assert index.search("") == []
    assert index.search("  ?!… ") == []
    assert index.search("qzxwvjk") == []
    assert index.search("breathing", limit=0) == []


def test_fts_syntax_in_a_query_is_plain_text(bundled: dict[str, LibraryIndex]) -> None:
    for query in ['"breathing', "breathing AND", "NOT panic", "sleep*", "title:sleep", "(calm", "a OR"]:
        assert isinstance(bundled["en"].search(query), list)


def test_hits_show_the_original_text(bundled: dict[str, LibraryIndex]) -> None:
    hit = bundled["ar"].search("التَّنَفُّسُ المُرَبَّعُ", limit=1)[0]
    assert isinstance(hit, LibraryHit)
    assert hit.id == "box-breathing"
    assert hit.title == "التنفس المربع"  # as written, not the normalised index terms
    assert hit.category == "coping"
    assert hit.score > 0
    assert 0 < len(hit.snippet) <= 170
    assert "**" not in hit.snippet and not hit.snippet.startswith("#")
    en = bundled["en"].search("fight or flight alarm", limit=1)[0]
    assert en.id == "panic-attacks"
    assert "fight or flight" in en.snippet


def test_normaliser_rules_the_library_relies_on() -> None:
    same = [
        ("panicking", "panic"),
        ("panicked", "panic"),
        ("internalized", "internalised"),
        ("organization", "organisation"),
        ("نوبات", "نوبة"),
        ("جلسات", "جلسة"),
        ("عائلتي", "عائلة"),
        ("هويتي", "الهوية"),
        ("صديقاتي", "صديقة"),
    ]
    for a, b in same:
        assert textnorm.index_text(a) == textnorm.index_text(b), (a, b)
    # Short words keep their final ت: it belongs to the root.
    assert textnorm.index_text("وقتي") == textnorm.index_text("وقت")
    assert textnorm.index_text("kicking") == "kick"
    assert textnorm.query_units("How do I stop panicking?") == [("stop",), ("panicking",)]
    assert textnorm.query_units("٤-٧-٨ breathing") == [("4", "7", "8"), ("breathing",)]
    assert textnorm.query_units("the") == [("the",)]


def test_edit_distance() -> None:
    assert osa_distance("anxeity", "anxiety") == 1  # a swap is one edit
    assert osa_distance("breathng", "breathing") == 1
    assert osa_distance("", "abc") == 3
    assert osa_distance("كتاب", "كتاب") == 0


# -- any resources folder, the cache and odd files ---------------------------------------------


def test_index_over_another_resources_folder(small_library: Path, tmp_path: Path) -> None:
    index = LibraryIndex("en", small_library, cache=tmp_path / "c")
    assert index.article_ids() == ["lantern-walk", "quiet-kettle", "sea-breeze"]
    hits = index.search("breeze")
    assert [h.id for h in hits] == ["sea-breeze"]
    assert hits[0].title == "Sea breeze breathing"
    assert "sea breeze" in hits[0].snippet
    assert [h.id for h in index.search("kettles")] == ["quiet-kettle"]
    assert [h.id for h in index.search("lantrn")] == ["lantern-walk"]  # typo
    assert [h.id for h in LibraryIndex("ar", small_library, cache=tmp_path / "c").search("نسيم")] == [
        "sea-breeze"
    ]
    assert LibraryIndex("fr", small_library, cache=tmp_path / "c").search("breeze") == []


def test_cached_index_is_reused_and_rebuilt_when_an_article_changes(
    small_library: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = LibraryIndex("en", small_library, cache=cache)
    assert first.open() is True  # built
    assert first.builds == 1
    stamp = first.path.stat().st_mtime_ns
    first.close()

    second = LibraryIndex("en", small_library, cache=cache)
    assert second.open() is False  # reused
    assert second.builds == 0
    assert second.path.stat().st_mtime_ns == stamp
    assert second.search("seagull") == []
    second.close()

    write_article(
        small_library / "library" / "en",
        "sea-breeze",
        "Sea breeze breathing",
        "breathing",
        "Listen for a seagull while you breathe out.",
    )
    third = LibraryIndex("en", small_library, cache=cache)
    assert third.open() is True
    assert [h.id for h in third.search("seagull")] == ["sea-breeze"]
    third.close()

    (small_library / "library" / "en" / "lantern-walk.md").unlink()
    fourth = LibraryIndex("en", small_library, cache=cache)
    assert fourth.open() is True
    assert fourth.article_ids() == ["quiet-kettle", "sea-breeze"]
    fourth.close()
    assert sorted(p.name for p in cache.iterdir()) == [first.path.name]  # one file, no leftovers


def test_build_forces_a_rebuild(small_library: Path, tmp_path: Path) -> None:
    index = LibraryIndex("en", small_library, cache=tmp_path / "c")
    index.open()
    index.build()
    assert index.builds == 2
    assert [h.id for h in index.search("kettle")] == ["quiet-kettle"]


def test_cache_folder_comes_from_the_environment(
    small_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEERAPP_CACHE_DIR", str(tmp_path / "env-cache"))
    with LibraryIndex("en", small_library) as index:
        assert index.path.parent == tmp_path / "env-cache"
        assert index.path.is_file()


def test_damaged_cache_file_is_rebuilt(small_library: Path, tmp_path: Path) -> None:
    index = LibraryIndex("en", small_library, cache=tmp_path / "c")
    index.open()
    index.close()
    index.path.write_bytes(b"this is not a database" * 100)
    again = LibraryIndex("en", small_library, cache=tmp_path / "c")
    assert again.open() is True
    assert [h.id for h in again.search("kettle")] == ["quiet-kettle"]


def test_unwritable_cache_falls_back_to_memory(small_library: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    index = LibraryIndex("en", small_library, cache=blocker)
    assert [h.id for h in index.search("lantern")] == ["lantern-walk"]
    assert blocker.is_file()


def test_malformed_articles_do_not_break_the_index(small_library: Path, tmp_path: Path) -> None:
    folder = small_library / "library" / "en"
    (folder / "no-header.md").write_text("Just a paragraph about marmalade and nothing else.\n", "utf-8")
    (folder / "junk.md").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.md").write_bytes(b"")
    (folder / "only-header.md").write_text("Title: Only a header\nCategory: coping\n", "utf-8")
    (folder / "odd-header.md").write_text("Title\nTags: ::::\n\n# Heading only\n\n- \n", "utf-8")
    index = LibraryIndex("en", small_library, cache=tmp_path / "c")
    ids = index.article_ids()
    assert "junk" not in ids  # not text: skipped
    assert {"no-header", "empty", "only-header", "odd-header", "sea-breeze"} <= set(ids)
    hit = index.search("marmalade")[0]
    assert (hit.id, hit.title) == ("no-header", "no-header")  # no header: the id is the title
    assert [h.id for h in index.search("empty")] == ["empty"]
    assert index.search("kettle")[0].id == "quiet-kettle"
    # The plain loader skips the same files instead of failing.
    assert "junk" not in {a.id for a in load_articles("en", small_library)}


def test_index_never_stores_queries(small_library: Path, tmp_path: Path) -> None:
    index = LibraryIndex("en", small_library, cache=tmp_path / "c")
    index.search("zanzibarquokka kettle")
    index.close()
    for path in (tmp_path / "c").iterdir():
        assert b"zanzibarquokka" not in path.read_bytes()


# -- the CLI ------------------------------------------------------------------------------------


def ok(result: CliResult) -> CliResult:
    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def one_error_line(result: CliResult, code: int = 1) -> str:
    assert result.code == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_cli_library_list(cli: Cli, data_dir: Path) -> None:
    items = json.loads(ok(cli("library", "list", "--json")).stdout)
    assert len(items) == len(load_articles("en")) >= 42
    for item in items:
        assert {"id", "title", "category", "tags"} <= set(item)
        assert isinstance(item["tags"], list)
    assert {"id": "box-breathing", "title": "Box breathing", "category": "coping"}.items() <= next(
        i for i in items if i["id"] == "box-breathing"
    ).items()
    arabic = json.loads(ok(cli("library", "list", "--lang", "ar", "--json")).stdout)
    assert next(i for i in arabic if i["id"] == "box-breathing")["title"] == "التنفس المربع"
    text = ok(cli("library", "list")).stdout
    assert "box-breathing\tcoping\tBox breathing" in text.splitlines()
    assert not data_dir.exists()  # the library never opens or creates the vault


def test_cli_library_show(cli: Cli) -> None:
    out = ok(cli("library", "show", "box-breathing")).stdout
    assert out.splitlines()[0] == "Box breathing"
    assert "## " in out  # the Markdown body as written
    assert "Sources:" in out and "Cleveland Clinic" in out
    arabic = ok(cli("library", "show", "box-breathing", "--lang", "ar")).stdout
    assert arabic.splitlines()[0] == "التنفس المربع"
    line = one_error_line(cli("library", "show", "no-such-article"))
    assert "no-such-article" in line
    assert one_error_line(cli("library", "show", "../../etc/passwd"))


def test_cli_library_search(cli: Cli) -> None:
    hits = json.loads(ok(cli("library", "search", "breathng", "--json")).stdout)
    assert hits and hits[0]["id"] in {"box-breathing", "breathing-4-7-8"}
    for hit in hits:
        assert {"id", "title", "category", "score"} <= set(hit)
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    arabic = json.loads(ok(cli("library", "search", "نوبات الهلع", "--lang", "ar", "--json")).stdout)
    assert arabic[0]["id"] == "panic-attacks" and arabic[0]["title"] == "نوبات الهلع"
    assert json.loads(ok(cli("library", "search", "qzxwvjk", "--json")).stdout) == []
    text = ok(cli("library", "search", "panic")).stdout
    assert text.splitlines()[0] == "panic-attacks\tPanic attacks"
    assert ok(cli("library", "search", "qzxwvjk")).stdout.strip()  # says that nothing matched


def test_cli_global_lang_picks_content_language_unless_overridden(cli: Cli) -> None:
    arabic = json.loads(ok(cli("--lang", "ar", "library", "search", "breathing 4-7-8", "--json")).stdout)
    assert arabic and arabic[0]["id"] == "breathing-4-7-8" and arabic[0]["title"] == "تنفس 4-7-8"
    english = json.loads(
        ok(cli("--lang", "ar", "library", "search", "breathing 4-7-8", "--lang", "en", "--json")).stdout
    )
    assert english[0]["title"] == "4-7-8 breathing"


def test_cli_library_with_resources(cli: Cli, small_library: Path, tmp_path: Path) -> None:
    res = str(small_library)
    items = json.loads(ok(cli("library", "list", "--resources", res, "--json")).stdout)
    assert sorted(i["id"] for i in items) == ["lantern-walk", "quiet-kettle", "sea-breeze"]
    hits = json.loads(ok(cli("library", "search", "kettle", "--resources", res, "--json")).stdout)
    assert [h["id"] for h in hits] == ["quiet-kettle"]
    out = ok(cli("library", "show", "quiet-kettle", "--resources", res)).stdout
    assert out.startswith("The quiet kettle\n")
    assert "Kettle Institute (2021)" in out and "Second Source (2022)" in out
    missing = str(tmp_path / "nowhere")
    for args in (("list",), ("show", "x"), ("search", "x")):
        assert one_error_line(cli("library", *args, "--resources", missing))


def test_cli_library_usage_errors(cli: Cli) -> None:
    assert cli("library").code == 2
    assert cli("library", "search").code == 2
    assert cli("library", "list", "--lang", "fr").code == 2


def test_cache_dir_env_reaches_the_cli(cli: Cli, small_library: Path) -> None:
    ok(cli("library", "search", "kettle", "--resources", str(small_library)))
    cache = Path(os.environ["PEERAPP_CACHE_DIR"])
    assert any(p.name.startswith("library-en-") for p in cache.iterdir())
