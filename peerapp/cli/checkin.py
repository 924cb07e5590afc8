"""The `checkin` command (design section 7): record a self-check of coping, belonging or resilience.

`peerapp checkin CHECK` reads the answers from standard input (after the passphrase line with
`--passphrase-stdin`): one number from 1 to 5 per question, separated by spaces, commas or new lines, in
the interface's digits or Western ones. On a terminal it asks each question in turn. `--questions` prints
the questions and the answer scale without opening the journal; `checkin history` lists past checks.
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from ..core import numerals
from ..core.i18n import translate
from ..core.self_checks import (
    CONTEXT,
    INSTRUMENTS,
    NOT_A_DIAGNOSIS,
    SCALE,
    InvalidSelfCheck,
    SelfCheck,
    instrument,
)
from .common import (
    EXIT_OK,
    Handler,
    Secrets,
    Subparsers,
    UsageError,
    json_option,
    open_journal,
    passphrase_option,
)

HISTORY = "history"
WESTERN_FROM_ANY = str.maketrans(numerals.ARABIC_INDIC_DIGITS + "۰۱۲۳۴۵۶۷۸۹", numerals.WESTERN_DIGITS * 2)


def add_parsers(commands: Subparsers) -> None:
    checkin = commands.add_parser(
        "checkin", help="record a self-check of coping, belonging or resilience (answers from standard input)"
    )
    checkin.add_argument(
        "check",
        choices=[*INSTRUMENTS, HISTORY],
        metavar="CHECK",
        help=f"{', '.join(INSTRUMENTS)} or {HISTORY}",
    )
    checkin.add_argument(
        "--questions", action="store_true", help="print the questions and the answer scale only"
    )
    passphrase_option(checkin)
    json_option(checkin)


def _questions(check: str, as_json: bool) -> None:
    found = instrument(check)
    items = [translate(CONTEXT, item) for item in found.items]
    scale = [translate(CONTEXT, s) for s in SCALE]
    if as_json:
        print(
            json.dumps(
                {"check": found.id, "questions": items, "scale": scale, "measurement": found.measurement},
                ensure_ascii=False,
            )
        )
        return
    print(translate(CONTEXT, found.name))
    print(translate(CONTEXT, found.intro))
    for n, item in enumerate(items, start=1):
        print(f"{numerals.number(n)}. {item}")
    print(" · ".join(f"{numerals.number(n)} {label}" for n, label in enumerate(scale, start=1)))
    print(translate(CONTEXT, found.source))


def _parse_answers(text: str, count: int) -> list[int]:
    """The answers as numbers; any digits the user's keyboard gives (Arabic-Indic ones too)."""
    words = [w for w in re.split(r"[\s,،؛;]+", text.strip()) if w]
    answers: list[int] = []
    for word in words:
        digits = word.translate(WESTERN_FROM_ANY)
        if not digits.isascii() or not digits.isdigit():
            raise InvalidSelfCheck()
        answers.append(int(digits))
    if len(answers) != count:
        raise InvalidSelfCheck()
    return answers


def _ask(check: str) -> str:
    """On a terminal: each question with the scale, one answer a line."""
    found = instrument(check)
    scale = " · ".join(f"{numerals.number(n)} {translate(CONTEXT, s)}" for n, s in enumerate(SCALE, start=1))
    print(translate(CONTEXT, found.intro), file=sys.stderr)
    print(scale, file=sys.stderr)
    answers = []
    for n, item in enumerate(found.items, start=1):
        answers.append(input(f"{numerals.number(n)}. {translate(CONTEXT, item)} "))
    return " ".join(answers)


def _print(check: SelfCheck, as_json: bool) -> None:
    found = INSTRUMENTS[check.instrument]
    if as_json:
        print(
            json.dumps(
                {
                    "id": check.id,
                    "at": check.at,
                    "check": check.instrument,
                    "answers": list(check.answers),
                    "score": check.score,
                    "measurement": found.measurement,
                },
                ensure_ascii=False,
            )
        )
        return
    score = numerals.convert(f"{check.score:.2f}")
    print(f"{check.id}\t{check.at}\t{translate(CONTEXT, found.name)}\t{score}")


def cmd_checkin(args: argparse.Namespace) -> int:
    if args.questions:
        if args.check == HISTORY:
            raise UsageError(translate("CLI", "--questions needs one of the checks, not history."))
        _questions(args.check, args.json)
        return EXIT_OK
    from ..core import self_checks
    from ..core.journal import local_now

    with open_journal(args) as session:
        if args.check == HISTORY:
            for check in self_checks.history(session.conn):
                _print(check, args.json)
            return EXIT_OK
        found = instrument(args.check)
        secrets = Secrets(args.passphrase_stdin)
        text = secrets.text() if args.passphrase_stdin or not sys.stdin.isatty() else _ask(args.check)
        answers = _parse_answers(text, len(found.items))
        check = self_checks.record(session.conn, found.id, answers, local_now())
        _print(check, args.json)
        if not args.json:
            print(translate(CONTEXT, NOT_A_DIAGNOSIS), file=sys.stderr)
    return EXIT_OK


COMMANDS: dict[str, Handler] = {"checkin": cmd_checkin}
