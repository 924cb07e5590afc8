"""The `prompt` command: today's writing prompt in the chosen language, no journal needed (design section 7)."""

from __future__ import annotations

import argparse
import json
from datetime import date

from ..core import prompts
from ..core.i18n import translate
from ..core.settings import Settings
from .common import EXIT_OK, Handler, Subparsers, UsageError, json_option


def add_parsers(commands: Subparsers) -> None:
    p = commands.add_parser("prompt", help="print today's writing prompt (no journal needed)")
    # Not argparse choices: an unknown theme gets one translated line that lists the themes.
    p.add_argument("--theme", metavar="THEME", help="one of: " + ", ".join(prompts.THEMES))
    json_option(p)


def cmd_prompt(args: argparse.Namespace) -> int:
    lang: str = args.lang or Settings.load().language or "en"
    theme = args.theme
    if theme is not None and theme not in prompts.themes(lang):
        raise UsageError(
            translate("CLI", "There is no prompt theme %1. The themes are: %2.")
            .replace("%1", theme)
            .replace("%2", translate("CLI", ", ").join(prompts.themes(lang)))
        )
    prompt = prompts.prompt_for_today(lang, date.today(), theme)
    if args.json:
        print(json.dumps(prompt.to_json(), ensure_ascii=False))
    else:
        print(prompt.text)
    return EXIT_OK


COMMANDS: dict[str, Handler] = {"prompt": cmd_prompt}
