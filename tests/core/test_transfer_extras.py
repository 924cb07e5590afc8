"""The JSON export carries the templates and the self-checks beside the entries, and an import brings them
back inside its one transaction (issue 19): once only, and a damaged list stops the whole import with one
line and changes nothing. A journal without them exports the same bytes as before."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from peerapp.core import self_checks
from peerapp.core.errors import PeerappError
from peerapp.core.journal import Entry, JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.templates import TemplateRepository
from peerapp.core.transfer import export_entries, import_entries
from peerapp.core.vault import Vault
from support import PASSPHRASE

TZ = timezone(timedelta(hours=2))


def _repo(folder: Path) -> Iterator[JournalRepository]:
    vault = Vault(folder, kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    conn = vault.connect()
    yield JournalRepository(conn)
    vault.release(conn)
    vault.lock()


@pytest.fixture
def source(tmp_path: Path) -> Iterator[JournalRepository]:
    yield from _repo(tmp_path / "source")


@pytest.fixture
def target(tmp_path: Path) -> Iterator[JournalRepository]:
    yield from _repo(tmp_path / "target")


def test_templates_and_self_checks_go_out_and_come_back_once(
    source: JournalRepository, target: JournalRepository, tmp_path: Path
) -> None:
    source.add(Entry(at=datetime(2026, 1, 2, 20, tzinfo=TZ), mood=4, text="an entry"))
    templates = TemplateRepository(source.conn).all("en")  # seeds the three shipped ones
    assert len(templates) == 3
    self_checks.record(source.conn, "resilience", [4, 2, 4, 2, 5, 1], datetime(2026, 1, 3, 9, tzinfo=TZ))
    out = tmp_path / "out.json"
    assert export_entries(source.conn, "json", out) == 1
    data = json.loads(out.read_text("utf-8"))
    assert len(data["entries"]) == 1 and len(data["templates"]) == 3 and len(data["self_checks"]) == 1

    report = import_entries(target.conn, "json", out)
    assert report.added == 1
    assert sorted(t.name for t in TemplateRepository(target.conn).rows()) == sorted(t.name for t in templates)
    assert [c.score for c in self_checks.history(target.conn)] == [4.33]
    again = import_entries(target.conn, "json", out)  # nothing twice
    assert again.added == 0
    assert len(TemplateRepository(target.conn).rows()) == 3 and len(self_checks.history(target.conn)) == 1


def test_a_damaged_list_stops_the_import_and_keeps_the_journal_as_it_was(
    source: JournalRepository, target: JournalRepository, tmp_path: Path
) -> None:
    source.add(Entry(at=datetime(2026, 1, 2, 20, tzinfo=TZ), mood=4, text="an entry"))
    self_checks.record(source.conn, "coping", [3, 3, 3, 3], datetime(2026, 1, 3, 9, tzinfo=TZ))
    out = tmp_path / "out.json"
    export_entries(source.conn, "json", out)
    data = json.loads(out.read_text("utf-8"))
    data["self_checks"][0]["answers"] = [9, 9, 9, 9]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), "utf-8")
    with pytest.raises(PeerappError) as refused:
        import_entries(target.conn, "json", bad)
    assert refused.value.user_message()
    assert target.count() == 0 and self_checks.history(target.conn) == []
    data["self_checks"] = "not a list"
    bad.write_text(json.dumps(data), "utf-8")
    with pytest.raises(PeerappError):
        import_entries(target.conn, "json", bad)
    assert target.count() == 0


def test_a_journal_without_them_exports_as_before(source: JournalRepository, tmp_path: Path) -> None:
    source.add(Entry(at=datetime(2026, 1, 2, 20, tzinfo=TZ), mood=4, text="an entry"))
    out = tmp_path / "out.json"
    export_entries(source.conn, "json", out)
    assert set(json.loads(out.read_text("utf-8"))) == {"format", "version", "entries"}
    assert out.read_text("utf-8").endswith("\n]}\n")
