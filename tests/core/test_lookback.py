"""Look back (issue 19): "on this day" in earlier years (and off when turned off), and a month's or a year's
summary whose every figure carries its count, on the real vault."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from peerapp.core import lookback
from peerapp.core.errors import OperationCancelled
from peerapp.core.journal import CopingUse, Entry, JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.tasks import CancelToken
from peerapp.core.vault import Vault
from support import PASSPHRASE

TZ = timezone(timedelta(hours=3))


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[JournalRepository]:
    vault = Vault(tmp_path / "v", kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    conn = vault.connect()
    yield JournalRepository(conn)
    vault.release(conn)
    vault.lock()


def add(repo: JournalRepository, when: datetime, text: str, mood: int | None = 3, **kw: object) -> Entry:
    return repo.add(Entry(at=when, mood=mood, text=text, **kw))  # type: ignore[arg-type]


def test_on_this_day_finds_earlier_years_only_and_can_be_turned_off(repo: JournalRepository) -> None:
    today = date(2026, 3, 14)
    two_years = add(repo, datetime(2024, 3, 14, 23, 30, tzinfo=TZ), "a late night two years ago")
    one_year = add(repo, datetime(2025, 3, 14, 0, 15, tzinfo=TZ), "just after midnight last year")
    add(repo, datetime(2025, 3, 15, 0, 15, tzinfo=TZ), "the day after")
    add(repo, datetime(2026, 3, 14, 9, 0, tzinfo=TZ), "today itself")
    trashed = add(repo, datetime(2023, 3, 14, 9, 0, tzinfo=TZ), "in the trash")
    repo.delete(trashed.id)
    found = lookback.on_this_day(repo.conn, today)
    assert [(m.id, m.years_ago) for m in found] == [(one_year.id, 1), (two_years.id, 2)]
    lookback.set_on_this_day(repo.conn, False)
    assert lookback.on_this_day(repo.conn, today) == []
    lookback.set_on_this_day(repo.conn, True)
    assert len(lookback.on_this_day(repo.conn, today)) == 2


def test_a_month_summary_counts_moods_what_helped_and_recurring_words(repo: JournalRepository) -> None:
    start = datetime(2026, 2, 1, 20, 0, tzinfo=TZ)
    texts = [
        "Walked by the sea with Sami",
        "The sea was calm, Sami laughed",
        "Sea again, alone",
        "Work was long",
    ]
    for n, text in enumerate(texts):
        coping = [CopingUse("box-breathing", helpfulness=4 + (n % 2))] if n < 3 else []
        add(repo, start + timedelta(days=n), text, mood=2 + n % 3, coping=coping)
    add(repo, datetime(2026, 3, 1, 9, tzinfo=TZ), "the sea in March does not count")
    first, last = lookback.month_range(2026, 2)
    assert (first, last) == (date(2026, 2, 1), date(2026, 2, 28))
    s = lookback.summary(repo.conn, first, last)
    assert (s.entries, s.days, s.mood_days) == (4, 4, 4)
    assert s.moods == {2: 2, 3: 1, 4: 1}
    assert s.mood_mean == pytest.approx((2 + 3 + 4 + 2) / 4, abs=0.01)
    assert [(h.technique, h.uses, h.rated) for h in s.helped] == [("box-breathing", 3, 3)]
    assert s.helped[0].helpful_mean == pytest.approx((4 + 5 + 4) / 3, abs=0.01)
    assert s.words == [("sea", 3)]  # "sami" is in two entries only; "the", "was", "with" carry no topic


def test_arabic_words_recur_whatever_their_hamza_and_stop_words_drop(repo: JournalRepository) -> None:
    start = datetime(2026, 5, 2, 21, 0, tzinfo=TZ)
    for n, text in enumerate(
        ["أمي اتصلت اليوم", "امي كانت لطيفة", "تكلمت مع أمي عن العمل", "اليوم كان طويلا"]
    ):
        add(repo, start + timedelta(days=n), text)
    s = lookback.summary(repo.conn, *lookback.month_range(2026, 5))
    assert s.words == [("أمي", 3)]


def test_periods_and_cancel(repo: JournalRepository) -> None:
    add(repo, datetime(2025, 12, 31, 12, tzinfo=TZ), "end of a year")
    add(repo, datetime(2026, 1, 2, 12, tzinfo=TZ), "start of another")
    months, years = lookback.periods(repo.conn)
    assert months == [(2026, 1), (2025, 12)] and years == [2026, 2025]
    token = CancelToken()
    token.cancel()
    with pytest.raises(OperationCancelled):
        lookback.summary(repo.conn, date(2025, 1, 1), date(2026, 12, 31), token)


def test_summary_of_an_empty_period_says_nothing_rather_than_something(repo: JournalRepository) -> None:
    s = lookback.summary(repo.conn, date(2020, 1, 1), date(2020, 1, 31))
    assert (s.entries, s.mood_mean, s.helped, s.words, s.moods) == (0, None, [], [], {})
