"""Writing prompts: the bundled packs (resources/prompts/<lang>.json), their themes, today's prompt and shuffle."""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

from . import kv
from .db import Connection
from .errors import PeerappError
from .i18n import QT_TRANSLATE_NOOP, translate
from .paths import resources_dir
from .settings import LANGUAGES

# The packs are a few KB; a folder given by someone else is refused well before it costs anything.
MAX_PACK_BYTES = 512 * 1024
MAX_PROMPT_CHARS = 400
PACK_FORMAT = 1
# Today's prompt is not one of the prompts of the last this many days (nor one just answered).
RECENT_DAYS = 14

# Whether the editor's prompt line is folded away (kept in the vault: it says something about the writer).
HIDDEN_KEY = "prompts_hidden"
# At most this many of those days' prompts are read (more than anyone answers in RECENT_DAYS).
RECENT_ENTRIES = 100

# The eight themes of issue 19, in the order the theme picker shows them.
THEMES: dict[str, str] = {
    "minority-stress": QT_TRANSLATE_NOOP("Prompts", "Minority stress and everyday discrimination"),
    "coming-out": QT_TRANSLATE_NOOP("Prompts", "Coming out and family"),
    "belonging": QT_TRANSLATE_NOOP("Prompts", "Belonging and chosen family"),
    "strengths": QT_TRANSLATE_NOOP("Prompts", "Strengths and resilience"),
    "gratitude": QT_TRANSLATE_NOOP("Prompts", "Gratitude"),
    "reframing": QT_TRANSLATE_NOOP("Prompts", "Reframing a thought"),
    "after-group": QT_TRANSLATE_NOOP("Prompts", "After a group conversation"),
    "hard-days": QT_TRANSLATE_NOOP("Prompts", "Hard days"),
}


class PromptPackDamaged(PeerappError):
    """A prompt pack that is missing, unreadable or not in the expected shape."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "The writing prompts could not be read. The journal is not affected."
    )


@dataclass(frozen=True)
class Prompt:
    """One writing prompt in one language; `id` is the same in every language."""

    id: str
    theme: str
    text: str
    lang: str

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "theme": self.theme, "text": self.text, "lang": self.lang}


def theme_label(key: str) -> str:
    """The translated name of a theme."""
    source = THEMES.get(key)
    return translate("Prompts", source) if source else key


def prompts_dir(resources: Path | None = None) -> Path:
    return (resources or resources_dir()) / "prompts"


def load_prompts(lang: str, resources: Path | None = None) -> tuple[Prompt, ...]:
    """Every prompt of one language in the pack's order; PromptPackDamaged if the pack is not usable."""
    return _load_cached(str(prompts_dir(resources) / f"{lang}.json"), lang)


@lru_cache(maxsize=8)
def _load_cached(path: str, lang: str) -> tuple[Prompt, ...]:
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_PACK_BYTES + 1)
        if len(raw) > MAX_PACK_BYTES:
            raise PromptPackDamaged(Path(path).name)
        data = json.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise PromptPackDamaged(Path(path).name) from exc
    return parse_pack(data, lang)


def parse_pack(data: object, lang: str) -> tuple[Prompt, ...]:
    """The prompts of a decoded pack, checked: known format and themes, unique ids, short plain texts."""
    if not isinstance(data, dict) or data.get("format") != PACK_FORMAT or data.get("lang") != lang:
        raise PromptPackDamaged(lang)
    items = data.get("prompts")
    if not isinstance(items, list) or not items:
        raise PromptPackDamaged(lang)
    found: dict[str, Prompt] = {}
    for item in items:
        if not isinstance(item, dict):
            raise PromptPackDamaged(lang)
        pid, theme, text = item.get("id"), item.get("theme"), item.get("text")
        if not (isinstance(pid, str) and isinstance(theme, str) and isinstance(text, str)):
            raise PromptPackDamaged(lang)
        text = text.strip()
        if not pid or pid in found or theme not in THEMES:
            raise PromptPackDamaged(pid or lang)
        # A prompt is one or two sentences on one line: the editor shows it as a single quiet line.
        if not text or len(text) > MAX_PROMPT_CHARS or any(c in text for c in "\n\r\t\x00"):
            raise PromptPackDamaged(pid)
        found[pid] = Prompt(pid, theme, text, lang)
    return tuple(found.values())


def themes(lang: str, resources: Path | None = None) -> list[str]:
    """The themes that have prompts in this language, in THEMES order."""
    present = {p.theme for p in load_prompts(lang, resources)}
    return [key for key in THEMES if key in present]


def by_id(lang: str, prompt_id: str, resources: Path | None = None) -> Prompt | None:
    return next((p for p in load_prompts(lang, resources) if p.id == prompt_id), None)


def _pool(lang: str, theme: str | None, resources: Path | None) -> list[Prompt]:
    pool = [p for p in load_prompts(lang, resources) if theme is None or p.theme == theme]
    if not pool:
        raise PromptPackDamaged(theme or lang)
    # Ordered by id, not by the file: the same day gives the same prompt in every language.
    return sorted(pool, key=lambda p: p.id)


def _cycle_order(ids: list[str], cycle: int, salt: str) -> list[str]:
    """A fixed shuffle of `ids` for one cycle through the pool (the same on every machine)."""
    seed = int.from_bytes(hashlib.sha256(f"{salt}:{cycle}".encode()).digest()[:8], "big")
    order = list(ids)
    random.Random(seed).shuffle(order)
    return order


def _day_sequence(ids: list[str], day: date, salt: str) -> list[str]:
    """The pool from `day`'s place on: each day takes the next prompt of a shuffled cycle, so a prompt
    comes back only after the whole pool has been shown.

    Where two cycles meet, the new cycle opens with prompts not shown in the old cycle's last days
    (up to RECENT_DAYS, a third of the pool at most). Only the first two of those spans are reordered,
    so a cycle's last days are those of its plain shuffle and the previous cycle needs no reordering.
    """
    n = len(ids)
    cycle, place = divmod(day.toordinal(), n)
    order = _cycle_order(ids, cycle, salt)
    span = min(RECENT_DAYS, n // 3)
    if span:
        shown = set(_cycle_order(ids, cycle - 1, salt)[n - span :])
        opening = [i for i in order if i not in shown][:span]
        order = opening + [i for i in order if i not in opening]
    return order[place:] + order[:place]


def prompt_for_today(
    lang: str,
    day: date,
    theme: str | None = None,
    recent: Collection[str] = (),
    resources: Path | None = None,
) -> Prompt:
    """The prompt for a local date: the same all day, another the next day, none of `recent` (ids of
    prompts lately answered) unless every prompt of the pool is recent."""
    pool = {p.id: p for p in _pool(lang, theme, resources)}
    sequence = _day_sequence(list(pool), day, theme or "all")
    chosen = next((i for i in sequence if i not in recent), sequence[0])
    return pool[chosen]


def shuffle(
    lang: str,
    current: str | None = None,
    theme: str | None = None,
    rng: random.Random | None = None,
    resources: Path | None = None,
) -> Prompt:
    """Another prompt than `current` (by id), from one theme or from all."""
    pool = _pool(lang, theme, resources)
    others = [p for p in pool if p.id != current] or pool
    return (rng or random.Random()).choice(others)


def recent_ids(conn: Connection, resources: Path | None = None, now: datetime | None = None) -> set[str]:
    """Ids of the prompts that entries of the last RECENT_DAYS days answered, in any language (entries
    keep the prompt's text). Only those days' rows are read: the timeline index starts there, so a
    journal of years costs no more than a new one when the editor opens."""
    since = int((now or datetime.now(UTC)).timestamp()) - RECENT_DAYS * 86400
    texts = {
        row[0]
        for row in conn.execute(
            "SELECT prompt FROM entry WHERE deleted_at IS NULL AND at_utc >= ? AND prompt IS NOT NULL"
            " ORDER BY at_utc DESC LIMIT ?",
            (since, RECENT_ENTRIES),
        )
    }
    if not texts:
        return set()
    found: set[str] = set()
    for lang in LANGUAGES:
        try:
            found.update(p.id for p in load_prompts(lang, resources) if p.text in texts)
        except PromptPackDamaged:
            continue  # a missing pack only means fewer prompts are known as recent
    return found


def is_hidden(conn: Connection) -> bool:
    return kv.get(conn, HIDDEN_KEY) == "1"


def set_hidden(conn: Connection, hidden: bool) -> None:
    if hidden:
        kv.put(conn, HIDDEN_KEY, "1")
    else:
        kv.delete(conn, HIDDEN_KEY)
