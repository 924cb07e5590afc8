"""Pseudo-localisation for developers: every string 40% longer, accented and right to left.

Set PEERAPP_PSEUDO_LOCALE=1 (or call LanguageManager.set_language("pseudo")) to see at once which labels
are clipped by a longer translation, which texts skip tr(), and which layouts do not mirror. It is not a
language users can choose: the --lang choices and the Language menu do not list it.
"""

from __future__ import annotations

import math
import os
import re

from PySide6.QtCore import QTranslator

PSEUDO = "pseudo"
ENV_VARIABLE = "PEERAPP_PSEUDO_LOCALE"
STRETCH = 0.4

# Kept exactly as written: placeholders (%1, %L1, %n, %Ln), mnemonics (&&, &x), rich-text tags and
# entities, and escapes; changing any of them would break the code that fills or parses the text.
_KEEP = re.compile(r"%L?\d+|%L?n|&&|&[A-Za-z]+;|&(?=\S)|<[^>]*>|\{[^}]*\}")
_ACCENTS = str.maketrans(
    "AaCcDdEeGgHhIiJjKkLlNnOoRrSsTtUuWwYyZz",
    "ÅåÇçĐđÉéĜĝĤĥÎîĴĵĶķĻļÑñÖöŘřŠšŤťÛûŴŵÝýŽž",
)
# Qt reads the interface direction from this "translation"; key sequences are parsed from theirs.
_NOT_TEXT_CONTEXTS = {"QShortcut", "QKeySequence"}


def enabled_by_environment() -> bool:
    """True when a developer asked for the pseudo-locale through the environment."""
    return os.environ.get(ENV_VARIABLE, "") not in ("", "0")


def stretch(text: str) -> str:
    """`text` accented and padded to at least 140% of its visible length, placeholders untouched."""
    if not text.strip():
        return text
    parts: list[str] = []
    visible = 0
    last = 0
    for match in _KEEP.finditer(text):
        plain = text[last : match.start()]
        visible += len(plain)
        parts.append(plain.translate(_ACCENTS))
        parts.append(match.group())
        last = match.end()
    tail = text[last:]
    visible += len(tail)
    parts.append(tail.translate(_ACCENTS))
    extra = max(1, math.ceil(visible * STRETCH) - 3)
    # In short words, so a long wrapped text can still wrap (one long word would set its width).
    padding = " ".join("~" * min(4, extra - start) for start in range(0, extra, 5))
    # The brackets show where a string starts and ends, so a cut-off end is seen at a glance.
    return "[" + "".join(parts) + " " + padding + "]"


class PseudoTranslator(QTranslator):
    """Answers every lookup, in every context, with the stretched source text."""

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if source_text == "QT_LAYOUT_DIRECTION":
            return "RTL"
        if context in _NOT_TEXT_CONTEXTS or not source_text:
            return None
        return stretch(source_text)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override: an empty translator is never asked
        return False
