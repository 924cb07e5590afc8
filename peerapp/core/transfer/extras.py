"""The JSON export's lists beside the entries: the templates and the self-checks (issue 19).

They are written after the entries (`"entries": [...], "templates": [...], "self_checks": [...]`), only
when there are any, so an export of a journal without them keeps its old bytes. On import each list is
one row of the reader's stream (transfer/base.Row.extra), stored after the entries inside the import's one
transaction: a bad list stops the whole import with its own translated line, and nothing is changed.
"""

from __future__ import annotations

import json

from .. import self_checks, template_transfer
from ..db import Connection
from ..errors import ImportFileInvalid

KEYS = ("templates", "self_checks")
# More than this is not an export of ours (a weekly check for twenty years is about 1,000).
MAX_ROWS = 20_000


def export_tail(conn: Connection) -> str:
    """What closes the entries' list: the other lists when there are any, then the end of the object."""
    parts = []
    templates = template_transfer.rows_for_export(conn)
    if templates:
        parts.append('"templates": ' + json.dumps(templates, ensure_ascii=False))
    checks = self_checks.rows_for_export(conn)
    if checks:
        parts.append('"self_checks": ' + json.dumps(checks, ensure_ascii=False))
    return "\n]" + "".join(",\n" + part for part in parts) + "}\n"


def checked(value: object) -> list[object]:
    """A list of at most MAX_ROWS items; each item is checked when stored."""
    if not isinstance(value, list) or len(value) > MAX_ROWS:
        raise ImportFileInvalid("format")
    return value


def store(conn: Connection, key: str, rows: object) -> int:
    """Add one list's new rows (the import's transaction is open); how many were added."""
    if key == "templates":
        return template_transfer.import_rows(conn, checked(rows))
    return self_checks.import_rows(conn, checked(rows))
