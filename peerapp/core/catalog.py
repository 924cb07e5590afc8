"""Translations without Qt: the CLI reads the same i18n/*.ts messages as a JSON catalog.

The GUI keeps Qt's QTranslator (.qm); the command line must not load PySide6 to print one line,
so the build (setup.py) and, in a source checkout, the first use turn each .ts file into
`peerapp/i18n/peerapp_<lang>.json`: {context: {source or source\\x04comment: text or [plural forms]}}.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from . import crashsafe, i18n, numerals
from .paths import translations_source_dir

PACKAGE_I18N = Path(__file__).resolve().parent.parent / "i18n"
_SEP = "\x04"  # between a source text and its disambiguation, as gettext does
Catalog = dict[str, dict[str, "str | list[str]"]]


def _arabic_form(n: int) -> int:
    """Qt's (and CLDR's) six Arabic forms: zero, one, two, few (3-10), many (11-99), other."""
    if n == 0:
        return 0
    if n == 1:
        return 1
    if n == 2:
        return 2
    if 3 <= n % 100 <= 10:
        return 3
    if 11 <= n % 100 <= 99:
        return 4
    return 5


def _other_form(n: int) -> int:
    return 0 if n == 1 else 1


PLURAL_RULES: dict[str, Callable[[int], int]] = {"ar": _arabic_form}


def parse_ts(ts: Path) -> Catalog:
    """Every finished translation of a Qt Linguist .ts file (unfinished and obsolete ones are left out)."""
    catalog: Catalog = {}
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        messages = catalog.setdefault(name, {})
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment")
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            key = f"{source}{_SEP}{comment}" if comment else source
            forms = [f.text or "" for f in translation.iter("numerusform")]
            value: str | list[str] = forms if message.get("numerus") == "yes" else (translation.text or "")
            if value:
                messages[key] = value
    return catalog


def catalog_path(lang: str) -> Path | None:
    """The JSON catalog for `lang`, built from i18n/<lang>.ts in a source checkout when missing or stale."""
    path = PACKAGE_I18N / f"peerapp_{lang}.json"
    ts = translations_source_dir() / f"peerapp_{lang}.ts"
    if ts.exists() and (not path.exists() or path.stat().st_mtime < ts.stat().st_mtime):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            crashsafe.atomic_write(path, json.dumps(parse_ts(ts), ensure_ascii=False).encode())
        except (OSError, ET.ParseError):
            pass  # a read-only install: fall back to what is there
    return path if path.exists() else None


def load(lang: str, digits: str = numerals.ARABIC_INDIC) -> i18n.Translator | None:
    """A core translator for `lang`, numbers in `digits` (Arabic only; English is always Western).

    English is the source language, but its plurals ("1 entry", "2 entries") come from
    peerapp_en.ts, which holds only plural messages; None when no catalog is found.
    """
    path = catalog_path(lang)
    if path is None:
        return None
    try:
        catalog: Catalog = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    rule: Callable[[int], int] = PLURAL_RULES.get(lang, _other_form)
    system = numerals.system_for(lang, digits)

    def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        key = f"{text}{_SEP}{disambiguation}" if disambiguation else text
        found = catalog.get(context, {}).get(key)
        if isinstance(found, list) and found:
            result = found[min(rule(n), len(found) - 1)] if n >= 0 else found[0]
        elif isinstance(found, str):
            result = found
        else:
            result = text
        # A number written into a translation ("آخر 3 أشهر") follows the chosen digits like %n does.
        result = numerals.localize(result, system)
        if n >= 0:
            # %Ln is Qt's "number in the locale's digits"; the CLI has one set of digits for both.
            result = result.replace("%Ln", "%n").replace("%n", numerals.number(n, system))
        return result

    return translate


def install(lang: str, digits: str = numerals.ARABIC_INDIC) -> None:
    """Route core's translate() to the catalog of `lang`, numbers in `digits` (the CLI's language set-up)."""
    numerals.set_system(numerals.system_for(lang, digits))
    i18n.set_translator(load(lang, digits))
