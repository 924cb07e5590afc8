"""The vault's small key-value table: settings and records kept inside the encryption."""

from __future__ import annotations

from .db import Connection


def get(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def put(conn: Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def delete(conn: Connection, key: str) -> None:
    conn.execute("DELETE FROM kv WHERE key = ?", (key,))
