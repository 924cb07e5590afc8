"""`peerapp template list|add|delete` through the real `python -m peerapp` on a real vault: JSON shape,
sections from arguments and from standard input, the shipped ones in the CLI's language, exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from peerapp.core.keyslot import FAST_KDF
from peerapp.core.templates import Section, TemplateRepository
from peerapp.core.vault import Vault
from support import PASSPHRASE, CliResult

Cli = Callable[..., CliResult]
STDIN = PASSPHRASE + "\n"
TEMPLATE_KEYS = {"id", "name", "title", "tags", "emotions", "sections"}


@pytest.fixture
def fast_vault(data_dir: Path) -> Path:
    v = Vault(data_dir, kdf=FAST_KDF)
    v.create(PASSPHRASE)
    v.lock()
    return data_dir


def ok(result: CliResult) -> CliResult:
    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def one_line(result: CliResult, code: int) -> str:
    assert result.code == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return str(lines[0])


def stored(data_dir: Path) -> dict[str, list[Section]]:
    v = Vault(data_dir)
    v.unlock(PASSPHRASE)
    try:
        return {t.name: t.sections for t in TemplateRepository(v.connect()).rows()}
    finally:
        v.lock()


def test_add_list_delete_with_json(cli: Cli, fast_vault: Path) -> None:
    listed = json.loads(ok(cli("template", "list", "--json", "--passphrase-stdin", stdin=STDIN)).stdout)
    assert [t["name"] for t in listed] == [
        "After a hard conversation",
        "Evening reflection",
        "Thought record",
    ]
    for item in listed:
        assert set(item) == TEMPLATE_KEYS and isinstance(item["id"], int)
        assert all(set(s) == {"heading", "hint"} for s in item["sections"])

    added = ok(
        cli(
            "template", "add", "--name", "Before therapy", "--title", "Session notes",
            "--tag", "therapy", "--tag", "علاج", "--emotion", "anxious", "--emotion", "hopeful",
            "--section", "What I want to bring up | The one thing that matters most",
            "--section", "Questions",
            "--json", "--passphrase-stdin", stdin=STDIN,
        )
    )  # fmt: skip
    item = json.loads(added.stdout)
    assert set(item) == TEMPLATE_KEYS
    assert (item["name"], item["title"], item["tags"], item["emotions"]) == (
        "Before therapy", "Session notes", ["therapy", "علاج"], ["anxious", "hopeful"]
    )  # fmt: skip
    assert item["sections"] == [
        {"heading": "What I want to bring up", "hint": "The one thing that matters most"},
        {"heading": "Questions", "hint": ""},
    ]
    assert stored(fast_vault)["Before therapy"][0] == Section(
        "What I want to bring up", "The one thing that matters most"
    )

    text = ok(cli("template", "list", "--passphrase-stdin", stdin=STDIN)).stdout
    assert f"{item['id']}\tBefore therapy\tWhat I want to bring up · Questions" in text.splitlines()

    out = ok(cli("template", "delete", str(item["id"]), "--passphrase-stdin", stdin=STDIN)).stdout
    assert out.strip() == f"Deleted template {item['id']}."
    assert "Before therapy" not in stored(fast_vault)


def test_sections_from_standard_input_after_the_passphrase(cli: Cli, fast_vault: Path) -> None:
    lines = "الموقف | أين كنت؟\n\nالفكرة\n"
    item = json.loads(
        ok(
            cli(
                "--lang", "ar", "template", "add", "--name", "قالبي", "--section", "-", "--section", "خاتمة",
                "--json", "--passphrase-stdin", stdin=STDIN + lines,
            )
        ).stdout
    )  # fmt: skip
    assert [s["heading"] for s in item["sections"]] == ["الموقف", "الفكرة", "خاتمة"]
    assert item["sections"][0]["hint"] == "أين كنت؟"
    # The first look seeded the shipped templates in the CLI's language (Arabic here).
    assert {"قالبي", "سجلّ الأفكار", "تأمّل المساء", "بعد محادثة صعبة"} == set(stored(fast_vault))
    # Nothing after the passphrase: a usage error, nothing added.
    line = one_line(
        cli("template", "add", "--name", "empty", "--section", "-", "--passphrase-stdin", stdin=STDIN), 2
    )
    assert line == "peerapp: No text was given on standard input."
    assert "empty" not in stored(fast_vault)


def test_failures_are_one_translated_line_and_the_right_exit_code(cli: Cli, fast_vault: Path) -> None:
    line = one_line(cli("template", "delete", "999", "--passphrase-stdin", stdin=STDIN), 1)
    assert line == "peerapp: No template has that id."
    line = one_line(
        cli(
            "template", "add", "--name", "x", "--emotion", "not_a_feeling", "--passphrase-stdin", stdin=STDIN
        ),
        1,
    )
    assert line.startswith("peerapp: That feeling is not one the app knows.")
    line = one_line(cli("template", "add", "--name", "Thought RECORD", "--passphrase-stdin", stdin=STDIN), 1)
    assert line == "peerapp: You already have a template with that name. Choose another name."
    line = one_line(cli("template", "add", "--name", "  ", "--passphrase-stdin", stdin=STDIN), 1)
    assert line == "peerapp: A template needs a name."
    assert one_line(cli("template", "list", "--passphrase-stdin", stdin="wrong passphrase\n"), 3)
    assert cli("template", "add", "--passphrase-stdin", stdin=STDIN).code == 2  # --name is required
    assert cli("template", "delete", "one", "--passphrase-stdin", stdin=STDIN).code == 2
    assert set(stored(fast_vault)) == {"Evening reflection", "Thought record", "After a hard conversation"}
