"""Helpers shared by the test folders: constants, real servers, sync tools, GUI helpers.

Importable as `support` because pyproject's pytest settings put tests/ on sys.path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PASSPHRASE = "correct horse battery staple"


@dataclass
class CliResult:
    """What a run of the real `python -m peerapp` gave back."""

    code: int
    stdout: str
    stderr: str
