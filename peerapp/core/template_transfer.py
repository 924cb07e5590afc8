"""Entry templates in the JSON export and back (the transfer code calls these two; see core/templates.py)."""

from __future__ import annotations

from collections.abc import Iterable

from . import kv
from .db import Connection, Transaction
from .errors import PeerappError
from .templates import (
    SEEDED_KEY,
    SHIPPED,
    Template,
    TemplateRepository,
    TemplateTooLong,
    clean,
    sections_from,
    shipped_wording,
    strings,
)
from .vocab import EMOTIONS

# More rows than this is not an export of ours: a person keeps a handful of templates.
MAX_IMPORT_ROWS = 1000


def rows_for_export(conn: Connection) -> list[dict[str, object]]:
    """Every template as plain JSON values, oldest first; seeding is not triggered (exported as stored)."""
    return [
        {
            "name": t.name,
            "title": t.title,
            "tags": list(t.tags),
            "emotions": list(t.emotions),
            "sections": [s.to_json() for s in t.sections],
            "builtin": t.builtin,
            "created_at": t.created_at,
            "updated_at": t.updated_at,
        }
        for t in TemplateRepository(conn).rows()
    ]


def _from_export(row: object) -> Template | None:
    """A template from an export row, validated; None for a row that is not one (skipped, not fatal)."""
    if not isinstance(row, dict):
        return None
    name, title, builtin = row.get("name"), row.get("title", ""), row.get("builtin")
    created, updated = row.get("created_at", ""), row.get("updated_at", "")
    texts = (name, title, created, updated)
    if not all(isinstance(v, str) for v in texts) or not (builtin is None or isinstance(builtin, str)):
        return None
    tags, emotions, sections = row.get("tags", []), row.get("emotions", []), row.get("sections", [])
    if not all(isinstance(v, list) for v in (tags, emotions, sections)):
        return None
    assert (
        isinstance(name, str)
        and isinstance(title, str)
        and isinstance(created, str)
        and isinstance(updated, str)
    )
    template = Template(
        name,
        title,
        strings(tags),
        # A feeling a newer version knows is dropped, not the whole template.
        [e for e in strings(emotions) if e in EMOTIONS],
        sections_from(sections),
        builtin=builtin if builtin in SHIPPED else None,
        created_at=created[:40],
        updated_at=updated[:40],
    )
    try:
        return clean(template)
    except PeerappError:
        return None


def _free_name(name: str, taken: set[str]) -> str:
    """`name`, or "name (2)", "name (3)"... when a different template already has it."""
    candidate, n = name, 2
    while candidate.casefold() in taken:
        candidate, n = f"{name} ({n})", n + 1
    return candidate


def import_rows(conn: Connection, rows: Iterable[object]) -> int:
    """Add the templates of an export in one transaction; returns how many were added.

    Importing the same file twice adds nothing the second time: a template equal to one already here
    (or a shipped one still untouched on both sides, in whatever language) is skipped. A different
    template under a name already used is kept under "name (2)". Rows that are not templates are
    skipped; more than MAX_IMPORT_ROWS rows is not an export of ours, and nothing is added.
    """
    candidates = []
    for i, row in enumerate(rows):
        if i >= MAX_IMPORT_ROWS:
            raise TemplateTooLong()
        template = _from_export(row)
        if template is not None:
            candidates.append(template)
    repo = TemplateRepository(conn)
    added = 0
    with Transaction(conn):
        existing = repo.rows()
        contents = {t.content() for t in existing}
        untouched = {t.builtin for t in existing if shipped_wording(t) is not None}
        taken = {t.name.casefold() for t in existing}
        for template in candidates:
            if template.content() in contents or (
                shipped_wording(template) is not None and template.builtin in untouched
            ):
                continue
            template.name = _free_name(template.name, taken)
            repo.insert(template)
            contents.add(template.content())
            taken.add(template.name.casefold())
            added += 1
        # The export is what its owner kept: shipped ones they deleted must not be seeded back here.
        if candidates and kv.get(conn, SEEDED_KEY) is None:
            kv.put(conn, SEEDED_KEY, "1")
    return added
