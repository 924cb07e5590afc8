"""Entry templates kept in the vault: a title, tags, emotions and text sections that start a new entry.

How the shipped templates appear: they are seeded into the vault the first time templates are listed,
in the language of the interface, and from then on they are the person's own, to edit or delete like
any other. A template is a starting point for writing, so it should read in the person's words: a
read-only built-in would make the common wish ("my thought record without the 0-100 ratings") a
two-step duplicate-then-hide dance, and would keep a template someone never wants in the list for good.
Seeding happens once per vault (a kv record), so a deleted one does not come back. `builtin` keeps which
shipped template a row came from: while its content is still exactly a shipped wording, listing in the
other language re-words it; once edited, it is left alone.

The shipped texts are in core/template_texts.py; the JSON export and import in core/template_transfer.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from . import kv
from .db import Connection, Transaction
from .entries import utc_stamp
from .errors import JournalBusy, PeerappError
from .i18n import QT_TRANSLATE_NOOP
from .template_texts import TEXTS, ShippedText
from .vocab import EMOTIONS

SEEDED_KEY = "templates_seeded"
LANGS = ("en", "ar")

# Bounds: generous for writing by hand, small enough that a hostile import cannot bloat the vault.
MAX_NAME = 80
MAX_TITLE = 200
MAX_TAGS = 20
MAX_TAG = 64
MAX_SECTIONS = 20
MAX_HEADING = 120
MAX_HINT = 500
# In a section typed on one line (the CLI): "Heading | hint".
SECTION_SEPARATOR = " | "


class TemplateNotFound(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "No template has that id.")


class TemplateNameMissing(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "A template needs a name.")


class TemplateNameTaken(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "You already have a template with that name. Choose another name.")


class TemplateSectionEmpty(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "Each section of a template needs a heading.")


class TemplateTooLong(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This template is too long to save: a name up to 80 characters, a title up to 200, "
        "up to 20 tags and 20 sections. Nothing was saved.",
    )


class TemplateUnknownEmotion(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "That feeling is not one the app knows. Nothing was saved.")


@dataclass(frozen=True)
class Section:
    """A heading of the entry's text and an optional hint under it (what to write there)."""

    heading: str
    hint: str = ""

    def to_json(self) -> dict[str, str]:
        return {"heading": self.heading, "hint": self.hint}

    @classmethod
    def parse(cls, line: str) -> Section:
        """A section typed on one line: "Heading" or "Heading | hint"."""
        heading, _, hint = line.partition(SECTION_SEPARATOR.strip())
        return cls(heading.strip(), hint.strip())


@dataclass
class Template:
    """What a new entry starts with. `builtin` names the shipped template it was seeded from, if any."""

    name: str
    title: str = ""
    tags: list[str] = field(default_factory=list)
    emotions: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    id: int | None = None
    builtin: str | None = None
    created_at: str = ""
    updated_at: str = ""

    def to_json(self) -> dict[str, object]:
        """The CLI's JSON shape: {"id", "name", "title", "tags", "emotions", "sections"}."""
        return {
            "id": self.id,
            "name": self.name,
            "title": self.title,
            "tags": list(self.tags),
            "emotions": list(self.emotions),
            "sections": [s.to_json() for s in self.sections],
        }

    def content(self) -> tuple[object, ...]:
        """What the person sees and edits (not the id or the times): equal content, the same template."""
        return (self.name, self.title, tuple(self.tags), tuple(self.emotions), tuple(self.sections))


# -- validation ------------------------------------------------------------------------------------


def _line(text: str) -> str:
    """One line, outer blanks gone: a heading or hint never breaks the Markdown built from it."""
    return " ".join(text.split())


def clean(template: Template) -> Template:
    """A tidied copy of `template`, or a translated error saying what is wrong with it."""
    name = _line(template.name)
    if not name:
        raise TemplateNameMissing()
    title = _line(template.title)
    tags = list(dict.fromkeys(t for t in (_line(t) for t in template.tags) if t))
    emotions = list(dict.fromkeys(e.strip() for e in template.emotions if e.strip()))
    for key in emotions:
        if key not in EMOTIONS:
            raise TemplateUnknownEmotion(key[:MAX_TAG])
    sections = [Section(_line(s.heading), _line(s.hint)) for s in template.sections]
    sections = [s for s in sections if s.heading or s.hint]
    if any(not s.heading for s in sections):
        raise TemplateSectionEmpty()
    if (
        len(name) > MAX_NAME
        or len(title) > MAX_TITLE
        or len(tags) > MAX_TAGS
        or any(len(t) > MAX_TAG for t in tags)
        or len(sections) > MAX_SECTIONS
        or any(len(s.heading) > MAX_HEADING or len(s.hint) > MAX_HINT for s in sections)
    ):
        raise TemplateTooLong()
    return Template(
        name,
        title,
        tags,
        emotions,
        sections,
        template.id,
        template.builtin,
        template.created_at,
        template.updated_at,
    )


# -- what a template gives the editor --------------------------------------------------------------


def _emphasis(text: str) -> str:
    """The hint in italics; its own asterisks and underscores escaped so they cannot end the emphasis."""
    return "*" + text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_") + "*"


def body_for(template: Template) -> str:
    """The entry's starting Markdown: each section a heading, its hint in italics, a blank line to write on."""
    parts = []
    for section in template.sections:
        part = f"## {section.heading}\n\n"
        if section.hint:
            part += _emphasis(section.hint) + "\n\n"
        parts.append(part)
    # Two blank lines between sections: what is written under one stays a paragraph of its own.
    return "\n\n".join(parts)


def first_writing_place(template: Template) -> int:
    """Where the cursor goes in `body_for(template)`: under the first section's heading and hint."""
    if not template.sections:
        return 0
    return len(body_for(Template("", sections=template.sections[:1])))


def draft_for(template: Template) -> dict[str, object]:
    """The editor's draft (gui/journal/page.py `new_entry_from_draft`) that starts an entry from it."""
    return {
        "title": template.title,
        "tags": ", ".join(template.tags),
        "emotions": list(template.emotions),
        "text": body_for(template),
    }


# -- the shipped templates (their texts: core/template_texts.py) ----------------------------------


def _from_text(key: str, text: ShippedText) -> Template:
    sections = [Section(heading, hint) for heading, hint in text.sections]
    return Template(text.name, text.title, list(text.tags), list(text.emotions), sections, builtin=key)


SHIPPED: dict[str, dict[str, Template]] = {
    key: {lang: _from_text(key, text) for lang, text in versions.items()} for key, versions in TEXTS.items()
}


def shipped(key: str, lang: str) -> Template:
    """A copy of the shipped template `key` in `lang` (English for a language it is not written in)."""
    return _from_text(key, TEXTS[key].get(lang, TEXTS[key]["en"]))


def shipped_wording(template: Template) -> str | None:
    """The language whose shipped wording `template` still has, untouched; None once edited."""
    if template.builtin not in SHIPPED:
        return None
    for lang, source in SHIPPED[template.builtin].items():
        if template.content() == source.content():
            return lang
    return None


# -- the vault's table -----------------------------------------------------------------------------

_COLUMNS = "id, name, title, tags, emotions, sections, builtin, created_at, updated_at"


def strings(value: object) -> list[str]:
    """The strings of a JSON list (anything else in it, or a value that is no list, left out)."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def sections_from(value: object) -> list[Section]:
    if not isinstance(value, list):
        return []
    return [
        Section(str(s.get("heading", "")), str(s.get("hint", "")))
        for s in value
        if isinstance(s, dict)
        and isinstance(s.get("heading", ""), str)
        and isinstance(s.get("hint", ""), str)
    ]


def _from_row(row: tuple[object, ...]) -> Template:
    id_, name, title, tags, emotions, sections, builtin, created, updated = row
    return Template(
        str(name),
        str(title),
        strings(json.loads(str(tags))),
        strings(json.loads(str(emotions))),
        sections_from(json.loads(str(sections))),
        int(str(id_)),
        None if builtin is None else str(builtin),
        str(created),
        str(updated),
    )


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


class TemplateRepository:
    """Creates, lists, changes and deletes the templates of one unlocked vault."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self, lang: str) -> list[Template]:
        """Every template by name; the first call seeds the shipped ones in `lang`, and untouched shipped
        ones follow `lang` from then on. Only those two cases write (a plain look is a read)."""
        templates = self.rows()
        if kv.get(self.conn, SEEDED_KEY) is None or any(self._stale(t, lang) for t in templates):
            try:
                with Transaction(self.conn):
                    if kv.get(self.conn, SEEDED_KEY) is None:
                        for key in SHIPPED:
                            self.insert(shipped(key, lang))
                        kv.put(self.conn, SEEDED_KEY, "1")
                    templates = [
                        self._write(self._reworded(t, lang)) if self._stale(t, lang) else t
                        for t in self.rows()
                    ]
            except JournalBusy:
                pass  # an import holds the journal: shown as stored now, seeded or re-worded on a later look
        return sorted(templates, key=lambda t: (t.name.casefold(), t.id or 0))

    @staticmethod
    def _stale(template: Template, lang: str) -> bool:
        """A shipped template, untouched, in another language than `lang` (which it is written in)."""
        wording = shipped_wording(template)
        return wording is not None and wording != lang and lang in SHIPPED[str(template.builtin)]

    def _reworded(self, template: Template, lang: str) -> Template:
        new = shipped(str(template.builtin), lang)
        new.id, new.created_at, new.updated_at = template.id, template.created_at, template.updated_at
        return new

    def rows(self) -> list[Template]:
        return [_from_row(r) for r in self.conn.execute(f"SELECT {_COLUMNS} FROM entry_template ORDER BY id")]

    def get(self, template_id: int) -> Template:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM entry_template WHERE id = ?", (template_id,)
        ).fetchone()
        if row is None:
            raise TemplateNotFound()
        return _from_row(row)

    def _check_name(self, name: str, own_id: int | None) -> None:
        wanted = name.casefold()
        for other_id, other in self.conn.execute("SELECT id, name FROM entry_template"):
            if other_id != own_id and str(other).casefold() == wanted:
                raise TemplateNameTaken()

    def add(self, template: Template) -> Template:
        """Store a new template (validated); returns it with its id and times."""
        stored = clean(template)
        stored.id = None
        with Transaction(self.conn):
            self._check_name(stored.name, None)
            return self.insert(stored)

    def insert(self, template: Template) -> Template:
        template.created_at = template.created_at or utc_stamp()
        template.updated_at = template.updated_at or template.created_at
        cursor = self.conn.execute(
            "INSERT INTO entry_template (name, title, tags, emotions, sections, builtin, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                template.name,
                template.title,
                _dump(template.tags),
                _dump(template.emotions),
                _dump([s.to_json() for s in template.sections]),
                template.builtin,
                template.created_at,
                template.updated_at,
            ),
        )
        template.id = cursor.lastrowid
        return template

    def update(self, template: Template) -> Template:
        """Replace a stored template's content (validated); its id and `builtin` stay."""
        if template.id is None:
            raise TemplateNotFound()
        stored = clean(template)
        with Transaction(self.conn):
            old = self.get(template.id)
            self._check_name(stored.name, old.id)
            stored.builtin, stored.created_at = old.builtin, old.created_at
            if stored.content() == old.content():
                return old
            stored.updated_at = utc_stamp()
            return self._write(stored)

    def _write(self, template: Template) -> Template:
        self.conn.execute(
            "UPDATE entry_template SET name = ?, title = ?, tags = ?, emotions = ?, sections = ?,"
            " updated_at = ? WHERE id = ?",
            (
                template.name,
                template.title,
                _dump(template.tags),
                _dump(template.emotions),
                _dump([s.to_json() for s in template.sections]),
                template.updated_at,
                template.id,
            ),
        )
        return template

    def delete(self, template_id: int) -> None:
        with Transaction(self.conn):
            if self.conn.execute("DELETE FROM entry_template WHERE id = ?", (template_id,)).rowcount == 0:
                raise TemplateNotFound()
