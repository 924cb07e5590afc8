"""The JSON export's entries: built in one go, still exactly what Entry.to_json gives less the id, plus
"trashed", so files written before and after the change are the same."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from peerapp.core.journal import CopingUse, Entry
from peerapp.core.transfer.json_format import _ENCODE, entry_to_export


def _old_way(entry: Entry) -> dict[str, object]:
    data = entry.to_json()
    del data["id"]
    data["trashed"] = entry.deleted_at is not None
    return data


@pytest.mark.parametrize(
    "entry",
    [
        Entry(at=datetime(2024, 5, 1, 21, 30, tzinfo=timezone(timedelta(hours=3)))),
        Entry(
            at=datetime(2024, 5, 1, 21, 30, 5, 120, tzinfo=timezone(timedelta(hours=-5))),
            mood=4,
            emotions=["calm", "anxious"],
            tags=["work", "عائلة"],
            coping=[CopingUse("box-breathing", 7, 3, 4), CopingUse("walk")],
            title="A «title»",
            text='Line one\nسطر "ثانٍ"',
            id=12,
            uid="u-1",
            created_at="2024-05-01T18:30:00Z",
            updated_at="2024-05-02T18:30:00Z",
            deleted_at="2024-05-03T18:30:00Z",
        ),
    ],
)
def test_an_exported_entry_is_to_json_less_the_id_plus_trashed(entry: Entry) -> None:
    data = entry_to_export(entry)
    assert list(data.items()) == list(_old_way(entry).items())  # the same members in the same order
    assert _ENCODE(data) == _ENCODE(_old_way(entry))  # so the same bytes in the file
    data["tags"].append("changed")  # type: ignore[attr-defined]
    assert "changed" not in entry.tags  # the entry's own lists are not handed out
