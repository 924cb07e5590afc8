"""Nothing readable on disk, private permissions, and quiet, correct failures on a wrong passphrase."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from peerapp.core import db, textnorm
from peerapp.core.journal import CopingUse, Entry, JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.vault import DB_NAME, SLOTS_NAME, Vault
from support import PASSPHRASE, ROOT, CliResult

SECRET_TEXTS = [
    "Zephyrine told me about the lighthouse keeper Quillfeather",
    "أشعر بالخوف من عائلتي بسبب سرّ الزنبقة البنفسجية",
    "Marmalade-Oxbow confession number 7741",
]
SECRET_TAGS = ["Vexillology-Tag", "حديقةالياسمين"]
SECRET_TITLE = "Heliotrope Summit"
SECRET_DRAFT = "unfinished thought about Saltmarsh Pennywhistle والقمرالأزرق"
SECRET_TECHNIQUE = "Candlewick-Breathing"


def needles(extra: list[str] | None = None) -> dict[str, bytes]:
    """Every distinctive word and phrase, as the app writes it and as the search index would keep it."""
    phrases = [*SECRET_TEXTS, *SECRET_TAGS, SECRET_TITLE, SECRET_DRAFT, SECRET_TECHNIQUE, PASSPHRASE]
    phrases += extra or []
    words = {w for p in phrases for w in re.findall(r"\w{6,}", p)}
    stems = {t for p in phrases for t in textnorm.index_text(p).split() if len(t) >= 6}
    found: dict[str, bytes] = {}
    for text in {*phrases, *words, *stems}:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            found[f"{text!r} {encoding}"] = text.encode(encoding)
    return found


def leaks(folder: Path, patterns: dict[str, bytes]) -> dict[str, list[str]]:
    """Which patterns occur in which files under `folder`."""
    hits: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        found = [name for name, pattern in patterns.items() if pattern in data]
        if found:
            hits[str(path.relative_to(folder))] = found
    return hits


def write_secrets(repo: JournalRepository) -> None:
    when = datetime(2024, 3, 9, 22, 15, tzinfo=timezone(timedelta(hours=2)))
    for i, text in enumerate(SECRET_TEXTS):
        repo.add(
            Entry(
                at=when + timedelta(hours=i),
                mood=2,
                emotions=["afraid", "hopeful"],
                tags=SECRET_TAGS,
                coping=[CopingUse(SECRET_TECHNIQUE, 7, 3, 4)],
                title=SECRET_TITLE,
                text=text,
            )
        )
    # Edits and deletions must not leave the old words behind either (secure_delete).
    doomed = repo.add(Entry(at=when, text="Obsidian-Pelican note to be erased " + SECRET_TEXTS[0]))
    assert doomed.id is not None
    repo.delete(doomed.id)
    repo.empty_trash()
    repo.save_draft("new", {"text": SECRET_DRAFT, "tags": SECRET_TAGS})
    assert len(repo.search("Quillfeather")) == 1  # searching touches the index, temp structures too
    assert len(repo.search("الزنبقة")) == 1


def test_leak_scanner_finds_plaintext(tmp_path: Path) -> None:
    """The scan must be able to fail: the same data in a plain SQLite file is found."""
    conn = sqlite3.connect(tmp_path / "plain.db")
    conn.execute("CREATE TABLE t (body TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(t,) for t in [*SECRET_TEXTS, SECRET_DRAFT]])
    conn.commit()
    conn.close()
    (tmp_path / "utf16.txt").write_bytes(SECRET_TAGS[1].encode("utf-16-le"))
    hits = leaks(tmp_path, needles())
    assert set(hits) == {"plain.db", "utf16.txt"}
    assert any("الزنبقة" in name for name in hits["plain.db"])


def test_nothing_readable_on_disk_while_open_and_after_lock(vault: Vault, data_dir: Path) -> None:
    conn = vault.connect()
    repo = JournalRepository(conn)
    write_secrets(repo)
    master = bytes(vault._key or b"")
    assert len(master) == 32
    patterns = needles(extra=["Obsidian-Pelican"])
    patterns["master key"] = master
    patterns["master key hex"] = master.hex().encode()

    # Still open: the write-ahead log holds the latest pages and must be encrypted too.
    names = {p.name for p in data_dir.iterdir()}
    assert f"{DB_NAME}-wal" in names, names
    assert names <= {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", SLOTS_NAME}
    assert leaks(data_dir, patterns) == {}
    assert not (data_dir / DB_NAME).read_bytes().startswith(b"SQLite format 3")

    vault.lock()
    assert {p.name for p in data_dir.iterdir()} <= {DB_NAME, SLOTS_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"}
    assert leaks(data_dir, patterns) == {}
    assert not (data_dir / DB_NAME).read_bytes().startswith(b"SQLite format 3")
    assert (data_dir / DB_NAME).read_bytes()[:16] != db.PLAINTEXT_HEADER

    # And the data really is in there: unlocking finds it.
    fresh = Vault(data_dir)
    fresh.unlock(PASSPHRASE)
    repo = JournalRepository(fresh.connect())
    assert {e.text for e in repo.page()} == set(SECRET_TEXTS)
    assert repo.load_draft("new") == {"text": SECRET_DRAFT, "tags": SECRET_TAGS}
    assert repo.search("Obsidian") == []
    fresh.lock()


def test_connections_keep_temporary_data_in_memory(vault: Vault) -> None:
    """SQLite unlinks its temp files as soon as it opens them, so a scan afterwards cannot see
    them; what keeps sorts and temp tables off the disk is temp_store = MEMORY on every connection."""
    for _ in range(2):
        conn = vault.connect()
        assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        # Off by design (§2, issue 14): it cost ~3x and cannot protect plaintext in Python objects.
        assert conn.execute("PRAGMA cipher_memory_security").fetchone()[0] == "0"
        # FULL: an entry the user was told is saved survives a power cut (issue 11, item 10).
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        vault.release(conn)


def test_no_plaintext_left_in_temp_dir(data_dir: Path, tmp_path: Path) -> None:
    """A whole session with big queries leaves nothing readable in TMPDIR or the data dir."""
    Vault(data_dir, kdf=FAST_KDF).create(PASSPHRASE)
    temp = tmp_path / "tmpdir"
    temp.mkdir()
    script = textwrap.dedent(
        f"""
        import sys
        sys.path[:0] = [{str(ROOT / "tests" / "core")!r}, {str(ROOT / "tests")!r}]
        from pathlib import Path
        from peerapp.core.vault import Vault
        from peerapp.core.journal import JournalRepository, EntryFilter
        import test_security as t
        v = Vault(Path({str(data_dir)!r}))
        v.unlock({PASSPHRASE!r})
        conn = v.connect()
        repo = JournalRepository(conn)
        t.write_secrets(repo)
        # Queries big enough to want temporary b-trees (sorting, grouping, DISTINCT).
        conn.execute("PRAGMA cache_size = 10")
        repo.add_many(t.Entry(at=t.datetime(2024, 1, 1, tzinfo=t.timezone.utc), text=t.SECRET_TEXTS[1] * 20)
                      for _ in range(300))
        rows = conn.execute(
            "SELECT DISTINCT body || title FROM entry ORDER BY body DESC, random()"
        ).fetchall()
        assert len(rows) >= 4
        repo.page(EntryFilter(query="Quillfeather الخوف"), limit=500)
        print(sorted(p.name for p in Path({str(temp)!r}).rglob("*")), flush=True)
        v.lock()
        """
    )
    env = dict(os.environ)
    env.update(TMPDIR=str(temp), SQLITE_TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp))
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    patterns = needles()
    assert leaks(temp, patterns) == {}
    assert leaks(data_dir, patterns) == {}


def test_data_dir_and_files_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "deep" / "data"
    v = Vault(folder, kdf=FAST_KDF)
    v.create(PASSPHRASE)
    conn = v.connect()
    JournalRepository(conn).add(Entry(at=datetime.now().astimezone(), text="x"))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path.name
    v.lock()


def test_existing_open_data_dir_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    Vault(folder, kdf=FAST_KDF).create(PASSPHRASE)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_key_file_holds_no_passphrase_or_key(vault: Vault, data_dir: Path) -> None:
    master = bytes(vault._key or b"")
    keys = (data_dir / SLOTS_NAME).read_bytes()
    for secret in (PASSPHRASE.encode(), master, master.hex().encode()):
        assert secret not in keys
    assert b"argon2id" in keys  # the KDF parameters are stored beside the salt


# -- the CLI on a wrong passphrase ------------------------------------------------------------


@pytest.fixture
def fast_vault(data_dir: Path) -> Path:
    """A locked vault with one entry, cheap to unlock from the CLI (its slot stores the KDF cost)."""
    v = Vault(data_dir, kdf=FAST_KDF)
    v.create(PASSPHRASE)
    JournalRepository(v.connect()).add(Entry(at=datetime.now().astimezone(), text=SECRET_TEXTS[0]))
    v.lock()
    return data_dir


Cli = Callable[..., CliResult]


def _snapshot(folder: Path) -> dict[str, bytes]:
    # The wrong-try counter lives beside the vault and is meant to change on a wrong try.
    return {
        p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != "attempts.json"
    }


def test_cli_wrong_passphrase(cli: Cli, fast_vault: Path) -> None:
    before = _snapshot(fast_vault)
    result = cli("journal", "list", "--passphrase-stdin", stdin="not the passphrase\n")
    assert result.code == 3
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "passphrase" in result.stderr.lower()
    assert SECRET_TEXTS[0] not in result.stderr
    assert _snapshot(fast_vault) == before


def test_cli_wrong_passphrase_in_arabic(cli: Cli, fast_vault: Path) -> None:
    result = cli("--lang", "ar", "journal", "list", "--passphrase-stdin", stdin="not the passphrase\n")
    assert result.code == 3
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    if not (ROOT / "i18n" / "peerapp_ar.ts").exists():
        pytest.skip("i18n/peerapp_ar.ts does not exist yet, so there is no Arabic message to check")
    assert re.search("[\u0600-\u06ff]", result.stderr), result.stderr
    assert "That passphrase is not right" not in result.stderr
