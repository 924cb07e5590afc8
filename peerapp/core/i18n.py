"""Translation hook for Qt-free code: core marks strings, a front end translates them."""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str, str | None, int], str]


def _identity(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    if n >= 0:
        return text.replace("%Ln", "%n").replace("%n", str(n))
    return text


_translator: Translator = _identity


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    """Mark a string for extraction by pyside6-lupdate without translating it yet."""
    return text


def set_translator(translator: Translator | None) -> None:
    """Install the function that turns (context, source, disambiguation, n) into the UI language."""
    global _translator
    _translator = translator or _identity


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate with whatever translator the front end installed.

    The signature mirrors QCoreApplication.translate so pyside6-lupdate extracts
    calls. lupdate marks a bare translate() call as plural only when its count is a literal number;
    a message with a count goes through a class's `tr` instead (cli.common.CLI.tr("%n seconds", "", n)).
    """
    return _translator(context, text, disambiguation, n)
