"""`peerapp checkin` (design section 7): a self-check from standard input, through the real CLI process."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from peerapp.core.keyslot import FAST_KDF
from peerapp.core.vault import Vault
from support import PASSPHRASE, CliResult

Cli = Callable[..., CliResult]
STDIN = PASSPHRASE + "\n"


@pytest.fixture
def fast_vault(data_dir: Path) -> Path:
    v = Vault(data_dir, kdf=FAST_KDF)
    v.create(PASSPHRASE)
    v.lock()
    return data_dir


def one_line(result: CliResult, code: int) -> str:
    assert result.code == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_check_from_stdin_is_recorded_and_listed(cli: Cli, fast_vault: Path) -> None:
    # Arabic-Indic digits and the Arabic comma are answers too.
    done = cli("checkin", "resilience", "--json", "--passphrase-stdin", stdin=STDIN + "4, 2 ٤،2\n5 1\n")
    assert done.code == 0, done.stderr
    item = json.loads(done.stdout)
    assert item["check"] == "resilience" and item["answers"] == [4, 2, 4, 2, 5, 1]
    assert item["score"] == pytest.approx(4.33) and item["measurement"] is True
    cli("checkin", "belonging", "--passphrase-stdin", stdin=STDIN + "3 3 3 3\n")
    listed = cli("checkin", "history", "--json", "--passphrase-stdin", stdin=STDIN)
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [r["check"] for r in rows] == ["resilience", "belonging"]
    assert rows[1]["measurement"] is False


@pytest.mark.parametrize("answers", ["4 4 4", "4 4 4 4 4 9", "a b c d e f", ""])
def test_wrong_answers_give_one_line_and_store_nothing(cli: Cli, fast_vault: Path, answers: str) -> None:
    line = one_line(cli("checkin", "resilience", "--passphrase-stdin", stdin=STDIN + answers + "\n"), 1)
    assert "1" in line and "5" in line
    listed = cli("checkin", "history", "--json", "--passphrase-stdin", stdin=STDIN)
    assert listed.code == 0 and listed.stdout.strip() == ""


def test_questions_need_no_journal_and_speak_arabic(cli: Cli, tmp_path: Path) -> None:
    shown = cli("--lang", "ar", "checkin", "belonging", "--questions", "--json", data=tmp_path / "none")
    assert shown.code == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert len(data["questions"]) == 4 and len(data["scale"]) == 5 and data["measurement"] is False
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in q) for q in data["questions"])


def test_wrong_passphrase_exits_3(cli: Cli, fast_vault: Path) -> None:
    result = cli("checkin", "coping", "--passphrase-stdin", stdin="not it at all\n3 3 3 3\n")
    assert result.code == 3 and "Traceback" not in result.stderr
