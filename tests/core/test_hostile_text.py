"""Text from outside (imported entries, group posts, a resources folder) cannot hang or crash the readers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from peerapp.core import contacts, spelling
from peerapp.core.markdown_render import render


@pytest.mark.parametrize(
    "text",
    [
        "\n".join("    " * i + "- item" for i in range(400)),  # lists nested 400 deep
        ">" * 20000 + " quoted",  # quotes nested 20,000 deep
        "- a\n" * 10 + "x" * (2 * 1024 * 1024),  # longer than the Markdown cap
    ],
)
def test_markdown_bombs_render_as_plain_text(text: str) -> None:
    html = render(text)
    assert html.startswith('<p dir="auto">') and "<li" not in html and "<blockquote" not in html


def test_ordinary_markdown_still_renders() -> None:
    html = render("# Title\n\n- one\n- two\n\n> said kindly\n\nنص **عريض**")
    assert '<h1 dir="auto">' in html and '<li dir="auto">' in html and "<strong>عريض</strong>" in html


def test_a_very_long_query_word_gets_no_corrections() -> None:
    assert not spelling.correctable("a" * 5000)
    assert spelling.correctable("breathing")


def test_a_fifo_named_contacts_json_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "contacts.json"
    os.mkfifo(fifo)
    with pytest.raises(contacts.ContactsUnreadable):
        contacts.load_contacts(fifo)
    nested = tmp_path / "nested.json"
    nested.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(contacts.ContactsUnreadable):
        contacts.load_contacts(nested)
