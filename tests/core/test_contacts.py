"""Verified contacts (resources/library/contacts.json): checks, what may be shown, staleness, the article."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from peerapp.core import contacts
from peerapp.core.contacts import (
    ContactsUnreadable,
    expand,
    fresh_since,
    is_stale,
    load_contacts,
    parse_contacts,
    problems,
    render_contacts,
    shown_contacts,
    stale_contacts,
)
from peerapp.core.library import read_article
from peerapp.core.markdown_render import render

ROOT = Path(__file__).resolve().parent.parent.parent
LIBRARY = ROOT / "resources" / "library"
BUNDLED = LIBRARY / "contacts.json"
CHECKED = date(2026, 12, 3)
# The countries the issue asks for, besides Lebanon, and the Gulf states.
REQUIRED_REGIONS = {
    "EG",
    "JO",
    "MA",
    "TN",
    "DZ",
    "IQ",
    "PS",
    "SD",
    "SY",
    "LB",
    "AE",
    "QA",
    "SA",
    "KW",
    "BH",
    "OM",
}


def bundled_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(BUNDLED.read_text("utf-8"))
    return data


def texts(en: str, ar: str) -> dict[str, str]:
    return {"en": en, "ar": ar}


def small_data(**overrides: Any) -> dict[str, Any]:
    """A complete, valid contacts file with one verified and one unverified contact."""
    data = bundled_data()
    verified = {
        "id": "quiet-line",
        "region": "LB",
        "kind": "crisis-line",
        "verified": True,
        "checked_on": "2026-12-03",
        "name": texts("Quiet Line", "الخط الهادئ"),
        "note": {},
        "run_by": texts("A made-up charity.", "جمعية متخيَّلة."),
        "state": texts("Not linked to the police.", "لا صلة لها بالشرطة."),
        "languages": texts("Arabic.", "العربية."),
        "hours": texts("Every evening.", "كل مساء."),
        "reach": [{"kind": "phone", "value": "+961 1 234 567"}],
        "sources": [{"title": "A made-up report", "url": "https://example.org/quiet-line"}],
    }
    unverified = copy.deepcopy(verified)
    unverified.update(id="rumoured-line", verified=False, name=texts("Rumoured Line", "الخط المشاع"))
    unverified["reach"] = [{"kind": "phone", "value": "+961 9 999 999"}]
    data["contacts"] = [verified, unverified]
    data["regions"] = [
        {"id": "LB", "name": texts("Lebanon", "لبنان"), "note": {}},
        {"id": "JO", "name": texts("Jordan", "الأردن"), "note": texts("Nothing verified.", "لا شيء.")},
    ]
    data.update(overrides)
    return data


def write(folder: Path, data: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / contacts.FILE_NAME
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


# -- the bundled list ---------------------------------------------------------------------------


def test_bundled_list_has_no_problems_and_every_contact_is_dated_and_sourced() -> None:
    book = load_contacts(BUNDLED)
    assert [p.text() for p in problems(book, CHECKED)] == []
    assert len(book.contacts) >= 20
    for contact in book.contacts:
        assert contact.checked_on is not None, contact.id
        assert contact.sources, contact.id
        for source in contact.sources:
            assert source.title and source.url.startswith(("https://", "http://")), (contact.id, source)


def test_bundled_list_covers_the_region_honestly() -> None:
    book = load_contacts(BUNDLED)
    regions = {r.id: r for r in book.regions}
    assert REQUIRED_REGIONS <= set(regions)
    shown = {c.region for c in shown_contacts(book)}
    for region_id in REQUIRED_REGIONS:
        region = regions[region_id]
        # Either something verified is shown there, or the list says so plainly in both languages.
        assert region_id in shown or (region.note.get("en") and region.note.get("ar")), region_id
    # The digital-security helpline and relocation help are reachable from anywhere.
    international = {c.id for c in shown_contacts(book) if c.region == "international"}
    assert {"access-now-helpline", "smex-helpdesk", "rainbow-railroad"} <= international


def test_crisis_line_facts_from_the_review() -> None:
    """988 is run by a nonprofit, not the state; 988 and Trevor work only from the US; Access Now vets."""
    by_id = {c.id: c for c in load_contacts(BUNDLED).contacts}
    line_988 = by_id["us-988"].text
    assert "Vibrant Emotional Health" in line_988["run_by"]["en"] and "nonprofit" in line_988["run_by"]["en"]
    assert "state-run" not in json.dumps(line_988).lower()
    for contact_id in ("us-988", "trevor-project"):
        note = by_id[contact_id].text["note"]
        assert "only from the United States" in note["en"], contact_id
        assert "إلا من داخل الولايات المتحدة" in note["ar"], contact_id
    access_now = by_id["access-now-helpline"].text["note"]
    assert "civil society" in access_now["en"] and "vetting" in access_now["en"]
    assert "المجتمع المدني" in access_now["ar"] and "يتحقق من هوية" in access_now["ar"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_bundled_article_shows_every_verified_contact_and_nothing_else(lang: str) -> None:
    article = read_article(LIBRARY / lang / "crisis-lines.md", lang)
    book = load_contacts(BUNDLED)
    assert "{{contacts" not in article.body
    for contact in book.contacts:
        name = contact.text["name"][lang]
        if contact.verified:
            assert name in article.body, contact.id
        else:
            assert name not in article.body, contact.id
    labels = book.labels[lang]
    assert labels["checked"] in article.body and labels["sources"] in article.body
    if lang == "ar":
        # Every label in the Arabic article is Arabic.
        for key in ("checked", "sources", "state", "run_by", "reach"):
            assert book.labels["en"][key] not in article.body, key


def test_both_articles_have_the_marker_with_a_fallback_in_their_own_language() -> None:
    for lang in ("en", "ar"):
        text = (LIBRARY / lang / "crisis-lines.md").read_text("utf-8")
        match = contacts._MARKER.search(text)
        assert match is not None and match.group("fallback"), lang
        assert "findahelpline.com" in match.group("fallback")
        assert "\nReviewed: 2026-12-03\n" in text.split("\n\n", 1)[0] + "\n"
    english = (LIBRARY / "en" / "crisis-lines.md").read_text("utf-8")
    arabic = (LIBRARY / "ar" / "crisis-lines.md").read_text("utf-8")
    assert english.count("\n## ") == arabic.count("\n## ")


# -- what may be shown ----------------------------------------------------------------------------


@pytest.mark.parametrize("marking", [False, "true", "yes", 1, None, "missing"])
def test_an_unverified_contact_is_never_shown(marking: object, tmp_path: Path) -> None:
    data = small_data()
    if marking == "missing":
        del data["contacts"][1]["verified"]
    else:
        data["contacts"][1]["verified"] = marking
    book = load_contacts(write(tmp_path, data))
    assert [c.id for c in shown_contacts(book)] == ["quiet-line"]
    for lang in ("en", "ar"):
        text = render_contacts(book, lang, CHECKED)
        assert "Quiet Line" in text or "الخط الهادئ" in text
        assert "Rumoured" not in text and "الخط المشاع" not in text and "999" not in text
    if marking is not False:  # only a real false is a valid marking
        assert any(p.subject == "rumoured-line" and p.message == contacts.WRONG_TYPE for p in problems(book))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("checked_on", None, contacts.NO_CHECKED_ON),
        ("checked_on", "3 December 2026", contacts.NO_CHECKED_ON),
        ("sources", [], contacts.NO_SOURCE),
        ("sources", None, contacts.NO_SOURCE),
        ("sources", [{"title": "A report"}], contacts.BAD_SOURCE),
        ("sources", [{"title": "", "url": "https://example.org"}], contacts.BAD_SOURCE),
        ("sources", [{"title": "A report", "url": "javascript:alert(1)"}], contacts.BAD_SOURCE),
        ("reach", [], contacts.NO_REACH),
        ("reach", [{"kind": "pigeon", "value": "x"}], contacts.BAD_REACH),
        ("region", "XX", contacts.UNKNOWN_REGION),
        ("kind", "hotline", contacts.UNKNOWN_KIND),
        ("id", "Quiet Line", contacts.NO_ID),
        ("hours", {"en": "Every evening."}, contacts.MISSING_TEXT),
    ],
)
def test_a_contact_missing_its_date_source_or_details_is_a_problem_and_is_not_shown(
    field: str, value: object, message: str, tmp_path: Path
) -> None:
    data = small_data()
    if value is None:
        del data["contacts"][0][field]
    else:
        data["contacts"][0][field] = value
    book = load_contacts(write(tmp_path, data))
    assert message in [p.message for p in problems(book)]
    assert shown_contacts(book) == []
    assert "Quiet" not in render_contacts(book, "en", CHECKED)


def test_duplicate_ids_and_future_dates_are_problems(tmp_path: Path) -> None:
    data = small_data()
    data["contacts"][1]["id"] = "quiet-line"
    data["contacts"][0]["checked_on"] = "2027-01-01"
    book = load_contacts(write(tmp_path, data))
    messages = [p.message for p in problems(book, CHECKED)]
    assert contacts.DUPLICATE_ID in messages
    assert contacts.FUTURE_CHECKED_ON in messages
    # A wrong clock on someone's computer must not hide the list: the future date only fails the check.
    assert shown_contacts(book) == []  # duplicated ids: neither is shown
    data["contacts"][1]["id"] = "rumoured-line"
    book = load_contacts(write(tmp_path, data))
    assert [c.id for c in shown_contacts(book)] == ["quiet-line"]


def test_a_country_with_nothing_verified_must_say_so(tmp_path: Path) -> None:
    data = small_data()
    for region in data["regions"]:
        if region["id"] == "JO":
            region["note"] = {"en": "Nothing verified."}
    book = load_contacts(write(tmp_path, data))
    assert [p.subject for p in problems(book) if p.message == contacts.NO_REGION_NOTE] == ["region JO"]


def test_missing_labels_are_problems(tmp_path: Path) -> None:
    data = small_data()
    del data["labels"]["ar"]["stale"]
    book = load_contacts(write(tmp_path, data))
    assert [(p.subject, p.arg) for p in problems(book) if p.message == contacts.MISSING_LABEL] == [
        ("labels.ar", "stale")
    ]


def test_data_cannot_inject_links_or_markup(tmp_path: Path) -> None:
    data = small_data()
    data["contacts"][0]["name"] = texts("[Call us](https://evil.example) **now**", "الخط الهادئ")
    data["contacts"][0]["note"] = texts("Line one\n\n## Not a heading", "سطر")
    book = load_contacts(write(tmp_path, data))
    html = render(render_contacts(book, "en", CHECKED))
    assert "evil.example" in html and "<a " not in html
    assert "<strong>now</strong>" not in html
    assert "<h2" not in html


def test_numbers_and_dates_stay_left_to_right_inside_arabic(tmp_path: Path) -> None:
    book = load_contacts(write(tmp_path, small_data()))
    text = render_contacts(book, "ar", CHECKED)
    assert "\u202a+961 1 234 567\u202c" in text
    assert "\u202a2026-12-03\u202c" in text


# -- staleness ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "stale"),
    [
        (date(2026, 12, 3), False),
        (date(2027, 6, 1), False),
        (date(2027, 12, 3), False),  # exactly twelve months later: still fresh
        (date(2027, 12, 4), True),  # more than twelve months
        (date(2030, 1, 1), True),
    ],
)
def test_staleness_is_marked_against_an_injected_today(today: date, stale: bool, tmp_path: Path) -> None:
    book = load_contacts(write(tmp_path, small_data()))
    contact = book.contacts[0]
    assert is_stale(contact, today) is stale
    assert (contact in stale_contacts(book, today)) is stale
    for lang in ("en", "ar"):
        label = book.labels[lang]["stale"]
        rendered = render_contacts(book, lang, today)
        assert (label in rendered) is stale, (lang, today)
    # Stale contacts are still shown (marked), because an old number is better than none.
    assert "Quiet Line" in render_contacts(book, "en", today)


def test_fresh_since_handles_month_ends() -> None:
    assert fresh_since(date(2026, 12, 3)) == date(2025, 12, 3)
    assert fresh_since(date(2028, 2, 29)) == date(2027, 2, 28)
    assert fresh_since(date(2027, 1, 31)) == date(2026, 1, 31)


# -- damaged files --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[]",
        b'{"format": 2}',
        b'{"format": 1, "contacts": {}}',
        b"[" * 200_000 + b"]" * 200_000,  # nesting deep enough to exhaust the parser's recursion
        BUNDLED.read_bytes() + b" " * contacts.MAX_FILE_BYTES,  # valid, but far too large
    ],
    ids=["empty", "not-json", "not-utf8", "list", "format-2", "contacts-not-list", "deep", "too-large"],
)
def test_a_damaged_file_shows_the_articles_own_fallback_line(content: bytes, tmp_path: Path) -> None:
    library = tmp_path / "library"
    for lang in ("en", "ar"):
        (library / lang).mkdir(parents=True)
        shutil.copy(LIBRARY / lang / "crisis-lines.md", library / lang / "crisis-lines.md")
    (library / contacts.FILE_NAME).write_bytes(content)
    with pytest.raises(ContactsUnreadable):
        load_contacts(library / contacts.FILE_NAME)
    english = read_article(library / "en" / "crisis-lines.md", "en").body
    arabic = read_article(library / "ar" / "crisis-lines.md", "ar").body
    assert "The list of verified contacts could not be read." in english
    assert "تعذّرت قراءة قائمة الجهات التي تحققنا منها." in arabic
    assert "{{contacts" not in english + arabic


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_contacts_json_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / contacts.FILE_NAME)
    assert expand("{{contacts | Fallback line.}}", tmp_path, "en") == "Fallback line."
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / contacts.FILE_NAME).mkdir()
    assert expand("{{contacts | Fallback line.}}", tmp_path / "folder", "en") == "Fallback line."


def test_a_missing_file_and_other_articles(tmp_path: Path) -> None:
    body = "Intro.\n\n{{contacts | Fallback line.}}\n\nEnd."
    assert expand(body, tmp_path, "en") == "Intro.\n\nFallback line.\n\nEnd."
    assert expand("No marker here.", tmp_path, "en") == "No marker here."
    with pytest.raises(ContactsUnreadable):
        parse_contacts({"format": 1, "regions": [], "contacts": [], "labels": []})


# -- the content check command ---------------------------------------------------------------------


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "peerapp.core.contacts", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=False,
    )


def test_check_command_lists_stale_contacts_with_exit_status(tmp_path: Path) -> None:
    path = write(tmp_path, small_data())
    fresh = run_check("--stale", "--file", str(path), "--today", "2027-12-03")
    assert fresh.returncode == 0, fresh.stderr
    assert "No contact was checked more than 12 months ago." in fresh.stdout
    stale = run_check("--stale", "--file", str(path), "--today", "2027-12-04")
    assert stale.returncode == 1
    assert "quiet-line\t2026-12-03" in stale.stdout and "rumoured-line" in stale.stdout
    assert stale.stderr == ""


def test_check_command_validates_and_fails_in_one_line_on_a_damaged_file(tmp_path: Path) -> None:
    good = run_check("--file", str(write(tmp_path / "good", small_data())), "--today", "2026-12-03")
    assert good.returncode == 0, good.stdout + good.stderr
    data = small_data()
    del data["contacts"][0]["sources"]
    bad = run_check("--file", str(write(tmp_path / "bad", data)))
    assert bad.returncode == 1
    assert "quiet-line: has no source it was checked against" in bad.stdout
    damaged = tmp_path / "damaged.json"
    damaged.write_text("{", "utf-8")
    broken = run_check("--file", str(damaged))
    assert broken.returncode == 1
    assert broken.stdout == "" and len(broken.stderr.strip().splitlines()) == 1
    assert "Traceback" not in broken.stderr
    assert run_check("--today", "yesterday").returncode == 2


def test_bundled_list_passes_the_check_command() -> None:
    result = run_check("--today", "2026-12-03")
    assert result.returncode == 0, result.stdout + result.stderr
    assert run_check("--stale", "--today", "2026-12-03").returncode == 0


# -- the "I need help now" dialog --------------------------------------------------------------------


def test_crisis_dialog_shows_the_verified_contacts_in_both_languages(qtbot) -> None:  # type: ignore[no-untyped-def]
    from peerapp.gui.library.crisis_dialog import CrisisDialog

    dialog = CrisisDialog()
    qtbot.addWidget(dialog)
    book = load_contacts(BUNDLED)
    for lang in ("en", "ar"):
        dialog.show_articles(lang)
        shown = dialog.text("crisis-lines")
        for contact in book.contacts:
            assert (contact.text["name"][lang] in shown) is contact.verified, (lang, contact.id)
        assert "1564" in shown and "help@accessnow.org" in shown
