"""The always-on slice of bench/torture.py: a few SIGKILLs per operation and a small damage matrix."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from support import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import torture


@pytest.mark.parametrize("op", torture.OPERATIONS)
def test_kills_lose_nothing_and_leave_nothing(op: str, tmp_path: Path) -> None:
    figures = torture.torture(op, 3, tmp_path, random.Random(op), lambda _text: None)
    assert figures.killed == 3 or figures.tries == 12  # three kills mid-way (or the try cap)
    assert figures.clean(), (figures.row(), figures.notes)


def test_damage_matrix_leaves_the_vault_as_it_was(tmp_path: Path) -> None:
    matrix = torture.damage_matrix(tmp_path, random.Random(5), lambda _text: None, per_target=4)
    for target, (cases, rejected, changed, tracebacks, not_one_line) in matrix.items():
        assert cases == 4 and rejected >= 1, target
        assert (changed, tracebacks, not_one_line) == (0, 0, 0), target
