"""Non-revealing settings (language, window size, auto-lock) in a small JSON file."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from .disguise import PRESETS, exit_view_for
from .paths import atomic_write, config_dir, ensure_private_dir

FILE_NAME = "settings.json"
LANGUAGES = ("en", "ar")


@dataclass
class Settings:
    """Everything here is safe for anyone with the computer to see."""

    language: str = ""  # empty until the first-run screen asks
    autolock_minutes: int = 5
    window_geometry: str = ""
    # Discreet mode (core/disguise.py): a neutral preset key such as "notes", and what quick exit shows.
    appearance: str = ""
    exit_view: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path | None = None) -> Settings:
        path = (directory or config_dir()) / FILE_NAME
        try:
            raw = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        settings = cls(**{k: v for k, v in raw.items() if k in known})
        if settings.language not in ("", *LANGUAGES):
            settings.language = ""
        if not isinstance(settings.autolock_minutes, int) or not 0 <= settings.autolock_minutes <= 240:
            settings.autolock_minutes = 5
        if settings.appearance not in {p.key for p in PRESETS}:
            settings.appearance = ""
        settings.exit_view = exit_view_for(settings.exit_view)
        return settings

    def save(self, directory: Path | None = None) -> None:
        folder = ensure_private_dir(directory or config_dir())
        atomic_write(folder / FILE_NAME, json.dumps(asdict(self), indent=1).encode())
