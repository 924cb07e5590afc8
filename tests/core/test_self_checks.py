"""Self-checks (issue 19): scoring with reverse items, storage in the real vault, the rhythm, the kind
pointer after repeated low results, patterns only with enough changes, and export rows that import back."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from peerapp.core import self_checks
from peerapp.core.journal import CopingUse, Entry, JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.self_checks import INSTRUMENTS, InvalidSelfCheck
from peerapp.core.vault import Vault
from support import PASSPHRASE

TZ = timezone(timedelta(hours=3))


@pytest.fixture
def conn(tmp_path: Path):  # type: ignore[no-untyped-def]
    vault = Vault(tmp_path / "v", kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    connection = vault.connect()
    yield connection
    vault.release(connection)
    vault.lock()


def at(day: int) -> datetime:
    return datetime(2026, 1, 1, 20, 0, tzinfo=TZ) + timedelta(days=day)


def test_the_brief_resilience_scale_reverses_items_2_4_and_6() -> None:
    brs = INSTRUMENTS["resilience"]
    assert brs.measurement and len(brs.items) == 6
    assert self_checks.score(brs, [5, 1, 5, 1, 5, 1]) == 5.0
    assert self_checks.score(brs, [1, 5, 1, 5, 1, 5]) == 1.0
    assert self_checks.score(brs, [4, 2, 4, 2, 5, 1]) == pytest.approx(4.33)


def test_our_own_questions_say_they_are_not_a_measurement() -> None:
    for key in ("belonging", "coping"):
        found = INSTRUMENTS[key]
        assert not found.measurement
        assert "not a measurement" in found.source
    assert "Smith" in INSTRUMENTS["resilience"].source


@pytest.mark.parametrize(
    "answers", [[4, 4, 4], [4, 4, 4, 4, 4, 6], [0, 1, 2, 3, 4, 5], [True, 1, 1, 1, 1, 1]]
)
def test_bad_answers_are_refused_and_nothing_is_stored(conn, answers: list[int]) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidSelfCheck):
        self_checks.record(conn, "resilience", answers, at(0))
    with pytest.raises(InvalidSelfCheck):
        self_checks.record(conn, "no-such-check", [3, 3, 3, 3], at(0))
    assert conn.execute("SELECT count(*) FROM self_check").fetchone()[0] == 0


def test_checks_are_kept_in_the_vault_oldest_first(conn) -> None:  # type: ignore[no-untyped-def]
    self_checks.record(conn, "belonging", [4, 4, 4, 2], at(7))
    self_checks.record(conn, "belonging", [2, 2, 2, 4], at(0))
    self_checks.record(conn, "coping", [3, 3, 3, 3], at(3))
    days = [c.day for c in self_checks.history(conn)]
    assert days == sorted(days)
    assert [c.score for c in self_checks.history(conn, "belonging")] == [2.0, 4.0]


def test_the_rhythm_says_when_a_check_is_due(conn) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 1, 20)
    assert not self_checks.due(conn, today)  # off by default
    self_checks.set_every(conn, "week")
    assert self_checks.due(conn, today)  # never done
    self_checks.record(conn, "coping", [3, 3, 3, 3], datetime(2026, 1, 15, 9, tzinfo=TZ))
    assert not self_checks.due(conn, today)
    assert self_checks.due(conn, date(2026, 1, 22))
    self_checks.set_every(conn, "month")
    assert not self_checks.due(conn, date(2026, 2, 10))
    assert self_checks.due(conn, date(2026, 2, 14))
    with pytest.raises(InvalidSelfCheck):
        self_checks.set_every(conn, "daily")


def test_two_low_results_in_a_row_bring_the_kind_pointer(conn) -> None:  # type: ignore[no-untyped-def]
    found = INSTRUMENTS["belonging"]
    self_checks.record(conn, "belonging", [1, 1, 1, 5], at(0))
    assert not self_checks.low_run(found, self_checks.history(conn))  # one low result is not a run
    self_checks.record(conn, "coping", [1, 1, 1, 5], at(1))  # another outcome does not count
    assert not self_checks.low_run(found, self_checks.history(conn))
    self_checks.record(conn, "belonging", [2, 2, 2, 4], at(7))
    assert self_checks.low_run(found, self_checks.history(conn))
    self_checks.record(conn, "belonging", [4, 4, 4, 2], at(14))
    assert not self_checks.low_run(found, self_checks.history(conn))
    assert all(article for article in found.articles)


def test_library_articles_named_for_low_results_exist() -> None:
    from peerapp.core.library import library_dir

    for found in INSTRUMENTS.values():
        for article in found.articles:
            for lang in ("en", "ar"):
                assert (library_dir() / lang / f"{article}.md").is_file(), (lang, article)


def test_patterns_need_enough_changes_on_each_side_and_carry_counts(conn, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repo = JournalRepository(conn)
    # Seven weekly checks, six changes; breathing was used before three of them, which went up.
    scores = [
        [2, 2, 2, 4],
        [4, 4, 4, 2],
        [3, 3, 3, 3],
        [4, 4, 4, 2],
        [3, 3, 3, 3],
        [4, 4, 4, 2],
        [3, 3, 3, 3],
    ]
    for week, answers in enumerate(scores):
        self_checks.record(conn, "coping", answers, at(7 * week))
        if week % 2 == 0 and week < 6:  # in the span leading to weeks 1, 3 and 5 (the rises)
            repo.add(Entry(at=at(7 * week + 2), mood=3, coping=[CopingUse("box-breathing")], text="x"))
    checks = self_checks.history(conn)
    found = {p.what: p for p in self_checks.patterns(conn, checks)}
    assert "box-breathing" in found
    pattern = found["box-breathing"]
    assert (pattern.with_count, pattern.without_count) == (3, 3)
    assert pattern.with_change > 0 > pattern.without_change
    # With one change fewer there is not enough to show anything.
    assert self_checks.patterns(conn, checks[:-1]) == []


def test_export_rows_import_back_once(conn, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    self_checks.record(conn, "resilience", [4, 2, 4, 2, 5, 1], at(0))
    self_checks.record(conn, "belonging", [3, 3, 3, 3], at(1))
    rows = self_checks.rows_for_export(conn)
    other = Vault(tmp_path / "other", kdf=FAST_KDF)
    other.create(PASSPHRASE)
    target = other.connect()
    try:
        assert self_checks.import_rows(target, rows) == 2
        assert self_checks.import_rows(target, rows) == 0  # a second import adds nothing
        assert self_checks.rows_for_export(target) == rows
        with pytest.raises(InvalidSelfCheck):
            self_checks.import_rows(target, [{**rows[0], "answers": [9, 9, 9, 9, 9, 9]}])
        with pytest.raises(InvalidSelfCheck):
            self_checks.import_rows(target, [{**rows[0], "extra": 1}])
    finally:
        other.release(target)
        other.lock()
