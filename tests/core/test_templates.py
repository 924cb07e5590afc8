"""Entry templates in the real vault: create, edit, delete, list; validation; the shipped ones in both
languages; the body and draft an entry starts from; export rows and their import back."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest

from peerapp.core import db
from peerapp.core.errors import PeerappError
from peerapp.core.journal import JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.template_transfer import import_rows, rows_for_export
from peerapp.core.templates import (
    SHIPPED,
    Section,
    Template,
    TemplateNameMissing,
    TemplateNameTaken,
    TemplateNotFound,
    TemplateRepository,
    TemplateSectionEmpty,
    TemplateTooLong,
    TemplateUnknownEmotion,
    body_for,
    draft_for,
    first_writing_place,
)
from peerapp.core.vault import Vault

ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture
def conn(vault: Vault) -> db.Connection:
    return vault.connect()


@pytest.fixture
def templates(conn: db.Connection) -> TemplateRepository:
    return TemplateRepository(conn)


def mine(name: str = "Morning pages") -> Template:
    return Template(
        name,
        title="  Morning  ",
        tags=[" morning ", "writing", "morning", ""],
        emotions=["calm", "calm", "hopeful"],
        sections=[Section("Right now", "What is on my mind?"), Section("Today", "")],
    )


def test_create_read_edit_delete_in_the_vault(templates: TemplateRepository, conn: db.Connection) -> None:
    added = templates.add(mine())
    assert added.id is not None and added.created_at and added.updated_at == added.created_at
    # Tidied on the way in: blanks and repeats gone, order kept.
    got = templates.get(added.id)
    assert (got.name, got.title, got.tags, got.emotions) == (
        "Morning pages",
        "Morning",
        ["morning", "writing"],
        ["calm", "hopeful"],
    )
    assert got.sections == [Section("Right now", "What is on my mind?"), Section("Today", "")]
    assert got.builtin is None
    # Stored as JSON arrays in the table of migration 12.
    row = conn.execute("SELECT tags, sections FROM entry_template WHERE id = ?", (added.id,)).fetchone()
    assert json.loads(row[0]) == ["morning", "writing"]
    assert json.loads(row[1])[0] == {"heading": "Right now", "hint": "What is on my mind?"}

    got.name = "عند الاستيقاظ"
    got.sections = [Section("الآن", "ما الذي يشغل بالي؟")]
    changed = templates.update(got)
    assert templates.get(added.id).name == "عند الاستيقاظ"
    assert templates.get(added.id).sections == [Section("الآن", "ما الذي يشغل بالي؟")]
    assert changed.created_at == added.created_at

    templates.delete(added.id)
    with pytest.raises(TemplateNotFound):
        templates.get(added.id)
    with pytest.raises(TemplateNotFound):
        templates.delete(added.id)
    with pytest.raises(TemplateNotFound):
        templates.update(got)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (lambda t: setattr(t, "name", "   "), TemplateNameMissing),
        (lambda t: setattr(t, "name", "x" * 81), TemplateTooLong),
        (lambda t: setattr(t, "title", "x" * 201), TemplateTooLong),
        (lambda t: setattr(t, "tags", [f"t{i}" for i in range(21)]), TemplateTooLong),
        (lambda t: setattr(t, "tags", ["x" * 65]), TemplateTooLong),
        (lambda t: setattr(t, "sections", [Section(f"s{i}") for i in range(21)]), TemplateTooLong),
        (lambda t: setattr(t, "sections", [Section("s", "x" * 501)]), TemplateTooLong),
        (lambda t: setattr(t, "sections", [Section("  ", "a hint without a heading")]), TemplateSectionEmpty),
        (lambda t: setattr(t, "emotions", ["calm", "not_a_feeling"]), TemplateUnknownEmotion),
    ],
)
def test_bad_templates_are_refused_with_a_translated_line_and_nothing_stored(
    templates: TemplateRepository, conn: db.Connection, change: object, error: type[PeerappError]
) -> None:
    template = mine()
    change(template)  # type: ignore[operator]
    with pytest.raises(error) as raised:
        templates.add(template)
    assert isinstance(raised.value, PeerappError)
    line = raised.value.user_message()
    assert line and "\n" not in line and "Traceback" not in line
    assert conn.execute("SELECT count(*) FROM entry_template").fetchone()[0] == 0


def test_names_are_unique_whatever_the_case(templates: TemplateRepository) -> None:
    first = templates.add(mine("Morning pages"))
    with pytest.raises(TemplateNameTaken):
        templates.add(mine("MORNING pages"))
    other = templates.add(mine("Evening"))
    other.name = "morning PAGES"
    with pytest.raises(TemplateNameTaken):
        templates.update(other)
    first.name = "Morning Pages"  # its own name in another case is fine
    assert templates.update(first).name == "Morning Pages"


def test_a_line_break_cannot_break_the_markdown(templates: TemplateRepository) -> None:
    t = templates.add(Template("A\nB", sections=[Section("One\n## injected", "two\nlines")]))
    assert t.name == "A B"
    assert t.sections == [Section("One ## injected", "two lines")]
    assert body_for(t).count("\n## ") + body_for(t).startswith("## ") == 1


def test_shipped_templates_are_seeded_once_in_the_language_asked(templates: TemplateRepository) -> None:
    listed = templates.all("ar")
    assert (
        {t.builtin for t in listed}
        == set(SHIPPED)
        == {"evening_reflection", "thought_record", "hard_conversation"}
    )
    for t in listed:
        assert ARABIC.search(t.name) and t.sections and all(ARABIC.search(s.heading) for s in t.sections)
    # Deleted: it does not come back on the next look.
    thought = next(t for t in listed if t.builtin == "thought_record")
    assert thought.id is not None
    templates.delete(thought.id)
    assert {t.builtin for t in templates.all("ar")} == {"evening_reflection", "hard_conversation"}
    assert {t.builtin for t in templates.all("en")} == {"evening_reflection", "hard_conversation"}


def test_untouched_shipped_templates_follow_the_language_edited_ones_stay(
    templates: TemplateRepository,
) -> None:
    english = {t.builtin: t for t in templates.all("en")}
    assert english["thought_record"].name == "Thought record"
    assert [s.heading for s in english["thought_record"].sections][-1] == "A kinder thought"
    assert english["hard_conversation"].name == "After a hard conversation"
    assert english["evening_reflection"].name == "Evening reflection"
    # Edited: it is the person's own now.
    edited = english["evening_reflection"]
    edited.sections = edited.sections[:2]
    templates.update(edited)
    arabic = {t.builtin: t for t in templates.all("ar")}
    assert arabic["thought_record"].name == "سجلّ الأفكار"
    assert arabic["thought_record"].id == english["thought_record"].id
    assert arabic["evening_reflection"].name == "Evening reflection"
    assert len(arabic["evening_reflection"].sections) == 2
    # A language the shipped ones are not written in changes nothing.
    assert {t.name for t in templates.all("fr")} == {t.name for t in arabic.values()}


def test_the_shipped_templates_are_complete_in_both_languages() -> None:
    for key, versions in SHIPPED.items():
        assert set(versions) == {"en", "ar"}, key
        en, ar = versions["en"], versions["ar"]
        assert len(en.sections) == len(ar.sections) >= 4, key
        assert all(s.hint for s in en.sections + ar.sections), key
        assert not ARABIC.search(en.name + "".join(s.heading + s.hint for s in en.sections)), key
        assert ARABIC.search(ar.name) and all(ARABIC.search(s.heading + s.hint) for s in ar.sections), key
        for version in (en, ar):
            assert (
                Template(
                    version.name, version.title, version.tags, version.emotions, version.sections
                ).content()
                == version.content()
            )
    thought = [s.heading for s in SHIPPED["thought_record"]["en"].sections]
    assert thought == [
        "Situation",
        "Thought",
        "Feeling",
        "Evidence for the thought",
        "Evidence against the thought",
        "A kinder thought",
    ]


def test_the_draft_fills_title_tags_emotions_and_a_body_of_sections() -> None:
    t = Template(
        "x",
        title="After the meeting",
        tags=["work", "عمل"],
        emotions=["anxious"],
        sections=[Section("What happened", "Just *the* facts_first"), Section("Now", "")],
    )
    draft = draft_for(t)
    assert draft["title"] == "After the meeting"
    assert draft["tags"] == "work, عمل"
    assert draft["emotions"] == ["anxious"]
    body = str(draft["text"])
    assert body == "## What happened\n\n*Just \\*the\\* facts\\_first*\n\n\n\n## Now\n\n"
    # The cursor goes under the first hint, before the next heading.
    place = first_writing_place(t)
    assert body[:place].endswith("facts\\_first*\n\n") and body[place:].startswith("\n\n## Now")
    assert first_writing_place(Template("empty")) == 0 and body_for(Template("empty")) == ""


def test_export_rows_round_trip_into_another_vault(templates: TemplateRepository, tmp_path: Path) -> None:
    templates.all("en")
    templates.add(mine())
    rows = rows_for_export(templates.conn)
    assert len(rows) == 4
    json.dumps(rows)  # plain JSON values
    assert {"name", "title", "tags", "emotions", "sections", "builtin", "created_at", "updated_at"} <= set(
        rows[-1]
    )

    other = Vault(tmp_path / "other", kdf=FAST_KDF)
    other.create("another passphrase here")
    try:
        conn = other.connect()
        assert import_rows(conn, rows) == 4
        there = TemplateRepository(conn)
        assert [t.content() for t in there.rows()] == [t.content() for t in templates.rows()]
        assert [t.builtin for t in there.rows()] == [t.builtin for t in templates.rows()]
        # Importing the same file again adds nothing; listing does not seed a second set.
        assert import_rows(conn, rows) == 0
        assert len(there.all("en")) == 4
    finally:
        other.lock()


def test_import_keeps_a_different_template_of_the_same_name_and_skips_shipped_in_another_language(
    templates: TemplateRepository,
) -> None:
    templates.all("ar")  # this vault has the shipped ones in Arabic, untouched
    templates.add(mine())
    incoming = [
        {**mine().to_json(), "sections": [{"heading": "Different", "hint": ""}], "tags": [], "emotions": []},
        # The English export of the same shipped template, untouched: not a second copy.
        {
            "name": "Thought record",
            "title": "Thought record",
            "tags": ["thought record"],
            "emotions": [],
            "sections": [s.to_json() for s in SHIPPED["thought_record"]["en"].sections],
            "builtin": "thought_record",
        },
    ]
    assert import_rows(templates.conn, incoming) == 1
    names = [t.name for t in templates.all("ar")]
    assert "Morning pages (2)" in names and "Morning pages" in names
    assert "Thought record" not in names


def test_import_skips_rows_that_are_not_templates_and_adds_nothing_on_a_flood(
    templates: TemplateRepository,
) -> None:
    hostile: list[object] = [
        "a string",
        None,
        {"name": 5},
        {"name": "ok", "tags": "not a list"},
        {"name": "", "title": "no name"},
        {"name": "x" * 10_000},
        {"name": "bad feeling", "emotions": ["calm", "from_a_newer_version"], "sections": [{"heading": 3}]},
        {"name": "fine", "sections": [{"heading": "A", "hint": "b"}, "junk"], "builtin": "not_shipped"},
    ]
    assert import_rows(templates.conn, hostile) == 2
    stored = {t.name: t for t in templates.rows()}
    assert set(stored) == {"bad feeling", "fine"}
    assert stored["bad feeling"].emotions == ["calm"] and stored["bad feeling"].sections == []
    assert stored["fine"].builtin is None and stored["fine"].sections == [Section("A", "b")]
    before = len(templates.rows())
    with pytest.raises(TemplateTooLong):
        import_rows(templates.conn, [{"name": f"t{i}"} for i in range(5000)])
    assert len(templates.rows()) == before


def test_templates_are_inside_the_encryption(vault: Vault, templates: TemplateRepository) -> None:
    templates.add(Template("Secret template name", sections=[Section("Very private heading")]))
    vault.lock()
    raw = b"".join(p.read_bytes() for p in vault.directory.iterdir() if p.is_file())
    assert b"Secret template name" not in raw and b"Very private heading" not in raw


def test_a_template_and_the_journal_share_one_vault(repo: JournalRepository) -> None:
    # The journal's connection serves templates too (the GUI's repo.conn).
    t = TemplateRepository(repo.conn).add(mine())
    assert t.id is not None


def test_listing_while_an_import_holds_the_journal_reads_and_seeds_later(vault: Vault) -> None:
    held, done = threading.Event(), threading.Event()

    def hold_write_lock() -> None:
        other = vault.connect()  # this thread's own connection
        other.execute("BEGIN IMMEDIATE")
        held.set()
        done.wait()
        other.execute("COMMIT")
        vault.release(other)

    worker = threading.Thread(target=hold_write_lock)
    worker.start()
    try:
        held.wait()
        templates = TemplateRepository(vault.connect())
        with db.busy_timeout(templates.conn, 20):
            assert templates.all("en") == []  # no error, nothing half-written
    finally:
        done.set()
        worker.join()
    assert len(templates.all("en")) == 3
