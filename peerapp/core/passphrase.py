"""A simple passphrase strength estimate for the meter on the first-run screen."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .i18n import QT_TRANSLATE_NOOP, translate

MIN_PASSPHRASE = 8  # the one rule: vault creation, rewrapping and the strength meter all use it

LABELS = (
    QT_TRANSLATE_NOOP("Passphrase", "Too short"),
    QT_TRANSLATE_NOOP("Passphrase", "Weak"),
    QT_TRANSLATE_NOOP("Passphrase", "Fair"),
    QT_TRANSLATE_NOOP("Passphrase", "Strong"),
    QT_TRANSLATE_NOOP("Passphrase", "Very strong"),
)
_COMMON = {"password", "passw0rd", "123456", "12345678", "qwerty", "letmein", "iloveyou", "admin"}


@dataclass(frozen=True)
class Strength:
    score: int  # 0..4
    bits: float

    @property
    def label(self) -> str:
        return translate("Passphrase", LABELS[self.score])


def estimate(passphrase: str) -> Strength:
    """Rough entropy from length and character variety, punished for repeats and common words."""
    if len(passphrase) < MIN_PASSPHRASE:
        return Strength(0, 0.0)
    pool = 0
    if re.search(r"[a-z]", passphrase):
        pool += 26
    if re.search(r"[A-Z]", passphrase):
        pool += 26
    if re.search(r"[0-9]", passphrase):
        pool += 10
    if re.search(r"[\u0600-\u06ff]", passphrase):
        pool += 36
    if re.search(r"[^\w\s]|\s", passphrase):
        pool += 20
    pool = max(pool, 10)
    distinct = len(set(passphrase))
    effective_length = min(len(passphrase), distinct * 2)
    bits = effective_length * math.log2(pool)
    if passphrase.lower() in _COMMON or distinct <= 3:
        bits = min(bits, 20.0)
    score = 1 if bits < 45 else 2 if bits < 65 else 3 if bits < 90 else 4
    return Strength(score, bits)
