"""The personal safety plan: its steps, storing it in the vault, and Markdown/HTML for print and export."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date

from . import kv
from .db import Connection, Transaction
from .entries import utc_stamp
from .errors import InvalidInput
from .i18n import QT_TRANSLATE_NOOP, translate
from .textnorm import first_strong_direction

CONTEXT = "SafetyPlan"

SOURCE = (
    "Stanley, B., & Brown, G. K. (2012). Safety planning intervention: A brief intervention "
    "to mitigate suicide risk. Cognitive and Behavioral Practice, 19(2), 256–264."
)
"""The intervention the steps follow. Titles and prompts are our own words, not the copyrighted template."""

UPDATED_AT_KEY = "safety_plan_updated_at"
MAX_ITEM_CHARS = 2000
MAX_ITEMS_PER_STEP = 100


@dataclass(frozen=True)
class Step:
    """One part of the plan: a stable key, its number (None for reasons for living), title and prompt."""

    key: str
    number: int | None
    title: str  # English source, translate("SafetyPlan", ...) to show
    prompt: str

    def translated_title(self) -> str:
        return translate(CONTEXT, self.title)

    def translated_prompt(self) -> str:
        return translate(CONTEXT, self.prompt)


STEPS: tuple[Step, ...] = (
    Step(
        "warning_signs",
        1,
        QT_TRANSLATE_NOOP("SafetyPlan", "Warning signs"),
        QT_TRANSLATE_NOOP(
            "SafetyPlan",
            "What tells you that a hard time may be starting? Thoughts, feelings, situations, "
            "or things you notice yourself doing.",
        ),
    ),
    Step(
        "coping_strategies",
        2,
        QT_TRANSLATE_NOOP("SafetyPlan", "Things I can do on my own"),
        QT_TRANSLATE_NOOP(
            "SafetyPlan",
            "Small things that help you get through a difficult moment by yourself, like a walk, "
            "music, or slow breathing.",
        ),
    ),
    Step(
        "distractions",
        3,
        QT_TRANSLATE_NOOP("SafetyPlan", "People and places that take my mind off things"),
        QT_TRANSLATE_NOOP(
            "SafetyPlan",
            "People you can spend time with, and places where you can be around others, that help "
            "you think about something else for a while. You do not have to talk about how you feel.",
        ),
    ),
    Step(
        "people_to_ask",
        4,
        QT_TRANSLATE_NOOP("SafetyPlan", "People I can ask for help"),
        QT_TRANSLATE_NOOP(
            "SafetyPlan",
            "People you trust and could tell that you are struggling. You can add how to reach them.",
        ),
    ),
    Step(
        "professionals",
        5,
        QT_TRANSLATE_NOOP("SafetyPlan", "Professionals and crisis services"),
        QT_TRANSLATE_NOOP(
            "SafetyPlan",
            "Counsellors, doctors, crisis lines or support services you could contact, with their "
            "numbers. Choose ones you know are safe for you.",
        ),
    ),
    Step(
        "safe_environment",
        6,
        QT_TRANSLATE_NOOP("SafetyPlan", "Making my surroundings safer"),
        QT_TRANSLATE_NOOP(
            "SafetyPlan",
            "Ways of putting distance between you and things you could use to hurt yourself, "
            "with help from someone you trust.",
        ),
    ),
    Step(
        "reasons_for_living",
        None,
        QT_TRANSLATE_NOOP("SafetyPlan", "My reasons for living"),
        QT_TRANSLATE_NOOP(
            "SafetyPlan",
            "People, hopes, beliefs and small things that matter to you and make life worth living.",
        ),
    ),
)
STEP_KEYS: tuple[str, ...] = tuple(step.key for step in STEPS)

PLAN_TITLE = QT_TRANSLATE_NOOP("SafetyPlan", "My safety plan")
PLAN_INTRO = QT_TRANSLATE_NOOP(
    "SafetyPlan",
    "A plan in your own words for when things feel very hard. Start with the first step, "
    "and move on to the next one if you need more support.",
)
SOURCE_LABEL = QT_TRANSLATE_NOOP("SafetyPlan", "Based on the Safety Planning Intervention:")
STEP_HEADING = QT_TRANSLATE_NOOP("SafetyPlan", "Step %1: %2")


@dataclass
class SafetyPlan:
    """The person's own items for each step, in their order."""

    items: dict[str, list[str]] = field(default_factory=lambda: {key: [] for key in STEP_KEYS})
    updated_at: str = ""

    def get(self, key: str) -> list[str]:
        return self.items.get(key, [])

    def is_empty(self) -> bool:
        return not any(self.items.get(key) for key in STEP_KEYS)


def clean(plan: SafetyPlan) -> SafetyPlan:
    """Every step present, items stripped of outer blanks, empty items dropped; unknown steps refused."""
    unknown = set(plan.items) - set(STEP_KEYS)
    if unknown:
        raise InvalidInput("safety plan step")
    items: dict[str, list[str]] = {}
    for key in STEP_KEYS:
        texts = [t.strip() for t in plan.items.get(key, []) if t.strip()]
        if len(texts) > MAX_ITEMS_PER_STEP or any(len(t) > MAX_ITEM_CHARS for t in texts):
            raise InvalidInput("safety plan item")
        items[key] = texts
    return SafetyPlan(items, plan.updated_at)


class SafetyPlanRepository:
    """Reads and writes the one safety plan kept in the vault."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def load(self) -> SafetyPlan:
        plan = SafetyPlan()
        rows = self.conn.execute("SELECT step, text FROM safety_plan ORDER BY step, position").fetchall()
        for step, text in rows:
            # A step this version does not know (written by a newer one) is left in the table untouched.
            if step in plan.items:
                plan.items[step].append(text)
        plan.updated_at = kv.get(self.conn, UPDATED_AT_KEY) or ""
        return plan

    def save(self, plan: SafetyPlan) -> SafetyPlan:
        """Replace the stored plan with `plan` in one transaction; returns what was stored."""
        stored = clean(plan)
        stored.updated_at = utc_stamp()
        with Transaction(self.conn):
            self.conn.executemany("DELETE FROM safety_plan WHERE step = ?", [(key,) for key in STEP_KEYS])
            self.conn.executemany(
                "INSERT INTO safety_plan (step, position, text) VALUES (?, ?, ?)",
                [(key, i, text) for key in STEP_KEYS for i, text in enumerate(stored.items[key])],
            )
            kv.put(self.conn, UPDATED_AT_KEY, stored.updated_at)
        plan.updated_at = stored.updated_at
        return stored


# -- print and export ------------------------------------------------------------


def step_heading(step: Step, number_text: str | None = None) -> str:
    """ "Step 1: Warning signs"; the front end may pass the number in the interface's digits."""
    title = step.translated_title()
    if step.number is None:
        return title
    number = number_text if number_text is not None else str(step.number)
    return translate(CONTEXT, STEP_HEADING).replace("%1", number).replace("%2", title)


def _date_text(when: str | None) -> str:
    return when if when is not None else date.today().isoformat()


def to_markdown(plan: SafetyPlan, when: str | None = None) -> str:
    """The plan as Markdown, headings in the interface language, items as the person wrote them."""
    lines = [f"# {translate(CONTEXT, PLAN_TITLE)}", "", _date_text(when), ""]
    for step in STEPS:
        lines += [f"## {step_heading(step)}", "", f"*{step.translated_prompt()}*", ""]
        items = plan.get(step.key)
        # One line per item; a line break inside an item would otherwise start a new paragraph.
        lines += [f"- {' '.join(text.split())}" for text in items]
        lines += [""] if items else []
    lines += ["---", "", translate(CONTEXT, SOURCE_LABEL), SOURCE, ""]
    return "\n".join(lines)


def _item_html(text: str) -> str:
    direction = first_strong_direction(text)
    body = html.escape(text, quote=True).replace("\n", "<br>")
    return f'<li dir="{direction}">{body}</li>'


def to_html(plan: SafetyPlan, when: str | None = None, *, rtl: bool = False) -> str:
    """A standalone HTML page for printing or export; every piece of user text is escaped.

    `rtl` sets the page direction to the interface language's; each item keeps its own.
    """
    esc = html.escape
    direction = "rtl" if rtl else "ltr"
    lang = "ar" if rtl else "en"
    title = esc(translate(CONTEXT, PLAN_TITLE))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">',
        f"<title>{title}</title>",
        "<style>body{font-family:sans-serif;line-height:1.4;margin:2em}"
        "h2{margin-bottom:0.2em}p.prompt{color:#444;margin-top:0}"
        "ul.empty{min-height:3em}footer{margin-top:2em;font-size:small;color:#444}</style>",
        f'</head><body dir="{direction}">',
        f"<h1>{title}</h1>",
        f'<p class="date">{esc(_date_text(when))}</p>',
    ]
    for step in STEPS:
        parts.append(f'<section id="{step.key}"><h2>{esc(step_heading(step))}</h2>')
        parts.append(f'<p class="prompt">{esc(step.translated_prompt())}</p>')
        items = plan.get(step.key)
        if items:
            parts.append("<ul>" + "".join(_item_html(t) for t in items) + "</ul>")
        else:
            # Room to write by hand on paper.
            parts.append('<ul class="empty"><li>&nbsp;</li><li>&nbsp;</li></ul>')
        parts.append("</section>")
    parts.append(
        f"<footer><p>{esc(translate(CONTEXT, SOURCE_LABEL))}</p>"
        f'<p dir="ltr" lang="en" align="left">{esc(SOURCE)}</p></footer>'
    )
    parts.append("</body></html>")
    return "\n".join(parts)
