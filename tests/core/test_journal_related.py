"""Journal search finds related forms (hopeless for hope, حزن for حزين) when the words themselves are in
no entry, in a real vault; the words themselves always come first."""

from __future__ import annotations

import pytest

from peerapp.core.journal import Entry, EntryFilter, JournalRepository, local_now
from support.related_pairs import PAIRS


@pytest.mark.parametrize(("lang", "one", "other"), PAIRS)
def test_each_form_finds_the_other_in_the_journal(
    repo: JournalRepository, lang: str, one: str, other: str
) -> None:
    repo.add(Entry(at=local_now(), text=f"today I wrote {other} and more", mood=3))
    repo.add(Entry(at=local_now(), text="kettle on the stove", mood=3))
    found = repo.search(one)
    assert [e.text for e in found] == [f"today I wrote {other} and more"]
    assert repo.count(EntryFilter(query=one)) == 1


def test_the_word_itself_hides_its_related_forms(repo: JournalRepository) -> None:
    repo.add(Entry(at=local_now(), text="so much anxiety today", mood=2))
    repo.add(Entry(at=local_now(), text="anxious about the visit", mood=3))
    assert [e.text for e in repo.search("anxious")] == ["anxious about the visit"]
    assert repo.count(EntryFilter(query="anxious")) == 1


def test_a_word_with_no_relative_still_finds_nothing(repo: JournalRepository) -> None:
    repo.add(Entry(at=local_now(), text="kettle on the stove", mood=3))
    assert repo.search("zebra") == []
    assert repo.count(EntryFilter(query="zebra")) == 0
