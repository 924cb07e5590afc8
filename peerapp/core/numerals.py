"""Digits in one system, Arabic-Indic (٠١٢…) or Western (012…), for the CLI and the app alike."""

from __future__ import annotations

import re

ARABIC_INDIC = "arabic-indic"
WESTERN = "western"
SYSTEMS = (ARABIC_INDIC, WESTERN)

WESTERN_DIGITS = "0123456789"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"  # U+0660…U+0669, what QLocale("ar") writes
# The Arabic thousands and decimal separators go with Arabic-Indic digits, as QLocale("ar") writes them.
_TO_ARABIC_INDIC = str.maketrans(WESTERN_DIGITS, ARABIC_INDIC_DIGITS)
_TO_WESTERN = str.maketrans(ARABIC_INDIC_DIGITS + "٬٫", WESTERN_DIGITS + ",.")
_ANY_DIGIT = f"[{WESTERN_DIGITS}{ARABIC_INDIC_DIGITS}]"
# A placeholder (%1, %L2, %n, %Ln) is filled in later and must keep its Western digit.
_PLACEHOLDER = re.compile(r"%L?(?:\d+|n)")
# A digit group: digits, with thousands or decimal separators between digits.
_NUMBER = re.compile(f"{_ANY_DIGIT}+(?:[,.٬٫]{_ANY_DIGIT}+)*")
_LATIN = re.compile("[A-Za-z]")
# Times, ports and addresses (21:30, 127.0.0.1:9050) are written as typed, whatever the interface digits.
_MACHINE = re.compile(f"{_ANY_DIGIT}:{_ANY_DIGIT}|{_ANY_DIGIT}[.٫]{_ANY_DIGIT}+[.٫]{_ANY_DIGIT}")
# Text the app set apart left to right (a phone number, an address, a date in a contact card) is
# shown exactly as verified: it is never converted.
_VERBATIM = re.compile("(\u202a[^\u202c]*\u202c|\u2066[^\u2069]*\u2069)")

_current = WESTERN


def system_for(language: str, setting: str) -> str:
    """The digits shown for `language`: the setting in Arabic (Arabic-Indic unless set), Western in English.

    English text is never written with Arabic-Indic digits; Arabic readers differ (the Maghreb uses
    Western digits), so the choice is theirs.
    """
    if language != "ar":
        return WESTERN
    return setting if setting in SYSTEMS else ARABIC_INDIC


def set_system(system: str) -> None:
    """Choose the digits that `number()` and `localize()` write when no system is given."""
    global _current
    _current = system if system in SYSTEMS else WESTERN


def current_system() -> str:
    return _current


def convert(text: str, system: str | None = None) -> str:
    """Every digit of `text` in `system` (a number the app wrote; never use this on prose or user text)."""
    if (system or _current) == ARABIC_INDIC:
        return text.translate(_TO_ARABIC_INDIC).replace(",", "٬").replace(".", "٫")
    return text.translate(_TO_WESTERN)


def number(n: int, system: str | None = None) -> str:
    """An integer in the chosen digits (no grouping, as the CLI prints counts and ids)."""
    return convert(str(n), system)


def localize(text: str, system: str | None = None) -> str:
    """The numbers in a sentence of the app's own (a translation, a bundled title) in the chosen digits.

    Left as written: placeholders (%1, %Ln), any word with a Latin letter or the look of a time,
    port or address (ISO-8601, socks5h://127.0.0.1:9050, 2024-05-01T21:30), since those are typed
    exactly as shown, and text isolated left to right (a phone number). Never apply this to what the
    person wrote.
    """
    target = system or _current
    return "".join(
        part if _VERBATIM.fullmatch(part) else _localize_words(part, target) for part in _VERBATIM.split(text)
    )


def _localize_words(text: str, target: str) -> str:
    out: list[str] = []
    for word in re.split(r"(\s+)", text):
        if not re.search(_ANY_DIGIT, word) or _LATIN.search(word) or _MACHINE.search(word):
            out.append(word)
            continue
        pieces: list[str] = []
        last = 0
        for hole in _PLACEHOLDER.finditer(word):
            pieces.append(_NUMBER.sub(lambda m: convert(m.group(), target), word[last : hole.start()]))
            pieces.append(hole.group())
            last = hole.end()
        pieces.append(_NUMBER.sub(lambda m: convert(m.group(), target), word[last:]))
        out.append("".join(pieces))
    return "".join(out)


def digit_systems(text: str) -> set[str]:
    """Which digit systems appear in `text` (for checks that no line mixes them)."""
    found = set()
    if any(ch in WESTERN_DIGITS for ch in text):
        found.add(WESTERN)
    if any(ch in ARABIC_INDIC_DIGITS for ch in text):
        found.add(ARABIC_INDIC)
    return found
