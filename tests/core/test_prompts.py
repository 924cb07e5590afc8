"""core.prompts without Qt: loading (cached, checked), themes, today's prompt (stable for the date,
different the next day, no recent repeat), shuffle, by id, the vault's recent prompts and the hidden
flag, and Entry.prompt kept by the real vault."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from peerapp.core import i18n, prompts
from peerapp.core.errors import InvalidInput, PeerappError
from peerapp.core.journal import Entry, EntryFilter, JournalRepository
from peerapp.core.settings import LANGUAGES
from support import ROOT

RESOURCES = ROOT / "resources"
DAY = date(2026, 12, 3)


def write_pack(folder: Path, lang: str, items: list[dict[str, str]], declared: str = "") -> Path:
    """A pack file for `lang` whose header says `declared` (by default, the same language)."""
    (folder / "prompts").mkdir(parents=True, exist_ok=True)
    data = {"format": 1, "lang": declared or lang, "about": "test", "prompts": items}
    (folder / "prompts" / f"{lang}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return folder


def test_loading_is_cached_and_gives_plain_prompts() -> None:
    first = prompts.load_prompts("en", RESOURCES)
    assert prompts.load_prompts("en", RESOURCES) is first  # one read per process and language
    assert all(isinstance(p, prompts.Prompt) and p.lang == "en" for p in first)
    assert prompts.by_id("ar", first[0].id, RESOURCES) is not None
    assert prompts.by_id("en", "no-such-prompt", RESOURCES) is None


def test_themes_have_translated_names() -> None:
    assert prompts.themes("en", RESOURCES) == list(prompts.THEMES)
    assert prompts.theme_label("hard-days") == "Hard days"
    seen: list[tuple[str, str]] = []

    def translator(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        seen.append((context, text))
        return "«" + text + "»"

    i18n.set_translator(translator)
    try:
        assert prompts.theme_label("gratitude") == "«Gratitude»"
    finally:
        i18n.set_translator(None)
    assert ("Prompts", "Gratitude") in seen


def test_todays_prompt_is_stable_for_the_date_and_the_same_in_both_languages() -> None:
    en = prompts.prompt_for_today("en", DAY, resources=RESOURCES)
    assert prompts.prompt_for_today("en", DAY, resources=RESOURCES) == en
    ar = prompts.prompt_for_today("ar", DAY, resources=RESOURCES)
    assert ar.id == en.id and ar.lang == "ar" and ar.text != en.text


@pytest.mark.parametrize("theme", [None, *prompts.THEMES])
def test_todays_prompt_varies_and_never_repeats_a_recent_one(theme: str | None) -> None:
    pool = len([p for p in prompts.load_prompts("en", RESOURCES) if theme in (None, p.theme)])
    window = min(prompts.RECENT_DAYS, pool // 3)
    # A year and a half, across several cycles of the pool and their seams.
    ids = [
        prompts.prompt_for_today("en", DAY + timedelta(i), theme, resources=RESOURCES).id for i in range(550)
    ]
    for i, pid in enumerate(ids):
        assert pid not in ids[max(0, i - window) : i], (i, pid)
    assert set(ids) == {p.id for p in prompts.load_prompts("en", RESOURCES) if theme in (None, p.theme)}
    if theme is not None:
        assert all(pid.startswith(theme) for pid in ids)


def test_todays_prompt_skips_prompts_lately_answered() -> None:
    today = prompts.prompt_for_today("en", DAY, resources=RESOURCES)
    other = prompts.prompt_for_today("en", DAY, recent={today.id}, resources=RESOURCES)
    assert other.id != today.id
    # Every prompt of a theme recent: one is still given.
    theme_ids = {p.id for p in prompts.load_prompts("en", RESOURCES) if p.theme == "gratitude"}
    assert prompts.prompt_for_today("en", DAY, "gratitude", theme_ids, RESOURCES).id in theme_ids


def test_shuffle_gives_another_prompt_within_the_theme() -> None:
    rng = random.Random(7)
    current = prompts.prompt_for_today("en", DAY, resources=RESOURCES)
    for _ in range(50):
        nxt = prompts.shuffle("en", current.id, rng=rng, resources=RESOURCES)
        assert nxt.id != current.id
        current = nxt
    for _ in range(30):
        nxt = prompts.shuffle("ar", current.id, "reframing", rng=rng, resources=RESOURCES)
        assert nxt.theme == "reframing" and nxt.id != current.id and nxt.lang == "ar"
        current = nxt


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "empty"),
        (b"\xff\xfe not utf-8", "bytes"),
        (b'{"format": 1, "lang": "en", "prompts": [', "cut short"),
        (b"[1, 2, 3]", "not an object"),
    ],
)
def test_a_damaged_pack_is_one_clear_error(tmp_path: Path, content: bytes, why: str) -> None:
    (tmp_path / "prompts").mkdir()
    (tmp_path / "prompts" / "en.json").write_bytes(content)
    with pytest.raises(prompts.PromptPackDamaged) as caught:
        prompts.load_prompts("en", tmp_path)
    assert isinstance(caught.value, PeerappError)
    assert "could not be read" in caught.value.user_message()
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["en.json", "prompts"]  # nothing left behind


@pytest.mark.parametrize(
    "item",
    [
        {"id": "x-01", "theme": "no-such-theme", "text": "Hello?"},
        {"id": "", "theme": "gratitude", "text": "Hello?"},
        {"id": "x-01", "theme": "gratitude", "text": "   "},
        {"id": "x-01", "theme": "gratitude", "text": "two\nlines"},
        {"id": "x-01", "theme": "gratitude", "text": "x" * (prompts.MAX_PROMPT_CHARS + 1)},
        {"id": "x-01", "theme": "gratitude", "text": 5},
    ],
)
def test_a_pack_with_a_bad_prompt_is_refused(tmp_path: Path, item: dict[str, object]) -> None:
    good = {"id": "good-01", "theme": "gratitude", "text": "What went right?"}
    write_pack(tmp_path, "en", [good, item])  # type: ignore[list-item]
    with pytest.raises(prompts.PromptPackDamaged):
        prompts.load_prompts("en", tmp_path)


def test_duplicate_ids_wrong_language_and_missing_pack_are_refused(tmp_path: Path) -> None:
    item = {"id": "a-01", "theme": "gratitude", "text": "What went right?"}
    write_pack(tmp_path / "dup", "en", [item, item])
    write_pack(tmp_path / "lang", "en", [item], declared="ar")
    for folder in (tmp_path / "dup", tmp_path / "lang", tmp_path / "none"):
        with pytest.raises(prompts.PromptPackDamaged):
            prompts.load_prompts("en", folder)


def test_an_oversized_pack_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    (tmp_path / "prompts").mkdir()
    (tmp_path / "prompts" / "en.json").write_bytes(b" " * (prompts.MAX_PACK_BYTES + 1))
    with pytest.raises(prompts.PromptPackDamaged):
        prompts.load_prompts("en", tmp_path)


def test_the_vault_keeps_an_entrys_prompt(repo: JournalRepository) -> None:
    today = prompts.prompt_for_today("ar", DAY, resources=RESOURCES)
    entry = repo.add(Entry(at=datetime(2026, 12, 3, 20, 0).astimezone(), text="جواب", prompt=today.text))
    plain = repo.add(Entry(at=datetime(2026, 12, 3, 21, 0).astimezone(), text="no prompt"))
    assert entry.id is not None and plain.id is not None
    assert repo.get(entry.id).prompt == today.text
    assert repo.get(plain.id).prompt is None
    assert {e.text: e.prompt for e in repo.page(EntryFilter())} == {"جواب": today.text, "no prompt": None}
    assert repo.get(entry.id).to_json()["prompt"] == today.text
    assert "prompt" not in repo.get(plain.id).to_json()  # the shape entries without one always had
    # Edited: the prompt changes with the entry, and can be let go.
    stored = repo.get(entry.id)
    stored.prompt = "  "
    repo.update(stored)
    assert repo.get(entry.id).prompt is None
    with pytest.raises(InvalidInput):
        repo.add(Entry(at=datetime(2026, 12, 3, 22, 0).astimezone(), prompt="x" * 5000))
    assert len(repo.page(EntryFilter())) == 2


def test_recent_ids_come_from_the_latest_entries_in_either_language(repo: JournalRepository) -> None:
    base = datetime(2026, 12, 1, 9, 0).astimezone()
    now = base + timedelta(days=1)
    assert prompts.recent_ids(repo.conn, RESOURCES, now) == set()

    def text(lang: str, pid: str) -> str:
        found = prompts.by_id(lang, pid, RESOURCES)
        assert found is not None
        return found.text

    repo.add(Entry(at=base, prompt=text("en", "gratitude-03")))
    repo.add(Entry(at=base + timedelta(hours=1), prompt=text("ar", "belonging-02")))
    repo.add(Entry(at=base + timedelta(hours=2), prompt="A prompt of the user's own"))
    trashed = repo.add(Entry(at=base + timedelta(hours=3), prompt=text("en", "hard-days-01")))
    assert trashed.id is not None
    repo.delete(trashed.id)
    # Answered longer ago than RECENT_DAYS: free to come back.
    repo.add(Entry(at=base - timedelta(days=prompts.RECENT_DAYS + 1), prompt=text("en", "strengths-04")))
    assert prompts.recent_ids(repo.conn, RESOURCES, now) == {"gratitude-03", "belonging-02"}


def test_the_hidden_flag_lives_in_the_vault(repo: JournalRepository) -> None:
    assert not prompts.is_hidden(repo.conn)
    prompts.set_hidden(repo.conn, True)
    assert prompts.is_hidden(repo.conn)
    prompts.set_hidden(repo.conn, False)
    assert not prompts.is_hidden(repo.conn)


def test_core_prompts_imports_no_qt() -> None:
    import subprocess
    import sys

    code = "import sys, peerapp.core.prompts; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"
    assert set(LANGUAGES) == {"en", "ar"}
