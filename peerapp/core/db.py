"""Opening SQLCipher connections with the vault's settings, and migrating them."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CorruptVault, JournalBusy, VaultTooNew
from .migrations import MIGRATIONS, SCHEMA_VERSION

# sqlcipher3 ships no type information; its DB-API is the standard library's, so type it as that.
if TYPE_CHECKING:
    Connection = sqlite3.Connection
    DatabaseError = sqlite3.DatabaseError
    OperationalError = sqlite3.OperationalError

_DRIVER_NAMES = ("Connection", "DatabaseError", "OperationalError")


def _driver() -> Any:
    """SQLCipher's DB-API module, imported on first use: the lock screen shows before any database opens."""
    import sqlcipher3.dbapi2 as sqlcipher

    return sqlcipher


def __getattr__(name: str) -> Any:
    """`db.Connection`, `db.DatabaseError` and `db.OperationalError` are SQLCipher's, loaded when asked."""
    if name in _DRIVER_NAMES:
        return getattr(_driver(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


PAGE_SIZE = 4096
PLAINTEXT_HEADER = b"SQLite format 3\x00"


def check_file(path: Path) -> None:
    """Cheap structural checks done before SQLCipher sees the file."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise CorruptVault("unreadable") from exc
    if size < PAGE_SIZE or size % PAGE_SIZE:
        raise CorruptVault("truncated")
    if head == PLAINTEXT_HEADER:
        raise CorruptVault("not encrypted")


def connect(path: Path, key: bytes, *, create: bool = False, read_only: bool = False) -> Connection:
    """Open the vault database keyed with the raw master key, migrated to the current schema."""
    if not create:
        check_file(path)
    conn: Connection = _driver().connect(str(path), isolation_level=None, check_same_thread=True, timeout=10)
    try:
        # SQLCipher logs page errors to stderr itself; our errors already say what happened,
        # and the CLI promises a single line on stderr.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if not create:
                _verify_pages(conn)
        except _driver().DatabaseError as exc:
            raise CorruptVault(str(exc)) from exc
        if version > SCHEMA_VERSION:
            raise VaultTooNew(f"{version} > {SCHEMA_VERSION}")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit is on disk before the app says "saved", so a power cut cannot take back an
        # entry the user was told is kept (NORMAL in WAL mode may lose the last commits).
        conn.execute("PRAGMA synchronous = FULL")
        if read_only:
            conn.execute("PRAGMA query_only = ON")  # a damaged journal: nothing more is written
        else:
            _migrate(conn, version)
    except BaseException:
        conn.close()
        raise
    if create:
        os.chmod(path, 0o600)
    return conn


def _verify_pages(conn: Connection) -> None:
    """Catch truncation the size check cannot: the header knows how many pages there should be."""
    page_count = conn.execute("PRAGMA page_count").fetchone()[0]
    if page_count < 1:
        raise CorruptVault("empty")
    # Reading the schema touches the root pages; a damaged file fails here rather than later.
    conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()


def _migrate(conn: Connection, version: int) -> None:
    for number in range(version, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _split(MIGRATIONS[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _split(script: str) -> list[str]:
    """Split a migration script into statements; `--` comments are dropped first.

    A trigger's body holds ';' too, so pieces are joined until SQLite calls the statement complete.
    None of our statements has ';' inside a string literal.
    """
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    statements: list[str] = []
    current = ""
    for piece in "\n".join(lines).split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if current[:-1].strip():
                statements.append(current[:-1].strip())
            current = ""
    if current[:-1].strip():
        statements.append(current[:-1].strip())  # an unfinished statement: executing it says what is wrong
    return statements


def is_busy(exc: BaseException) -> bool:
    """Whether a database error only says another connection holds the lock (SQLITE_BUSY)."""
    return "database is locked" in str(exc) or "database is busy" in str(exc)


@contextmanager
def busy_timeout(conn: Connection, ms: int) -> Iterator[None]:
    """Wait at most `ms` for another connection's lock inside this block (the GUI thread must not
    freeze for the default 10 s while an import holds the journal)."""
    before = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute(f"PRAGMA busy_timeout = {int(ms)}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(before)}")


class Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on error; nests by doing nothing inside."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.outer = False

    def __enter__(self) -> None:
        self.outer = not self.conn.in_transaction
        if self.outer:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except _driver().OperationalError as exc:
                if is_busy(exc):  # another connection holds the write lock (an import's one transaction)
                    raise JournalBusy() from exc
                raise

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if not self.outer:
            return
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
