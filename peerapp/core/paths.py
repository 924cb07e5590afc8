"""Where peerapp keeps its files: data dir, config dir and bundled resources."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from .crashsafe import atomic_write as atomic_write  # re-exported: the writer lives in crashsafe

APP_NAME = "peerapp"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The vault folder: --data-dir, then PEERAPP_DATA_DIR, then the platform default."""
    if override:
        return Path(override)
    env = os.environ.get("PEERAPP_DATA_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME))


def config_dir() -> Path:
    """Folder for the small non-revealing settings file."""
    env = os.environ.get("PEERAPP_CONFIG_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_config_dir(APP_NAME))


def cache_dir() -> Path:
    """Folder for rebuildable caches of public content (the library search index), never user data."""
    env = os.environ.get("PEERAPP_CACHE_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_cache_dir(APP_NAME))


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by the owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        os.chmod(path, 0o700)
    except OSError:  # e.g. a filesystem without POSIX modes
        pass
    return path


def _package_root() -> Path:
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """Bundled resources: inside the installed package, or the source tree's resources/."""
    packaged = _package_root() / "resources"
    if packaged.is_dir():
        return packaged
    return _package_root().parent / "resources"


def translations_source_dir() -> Path:
    """The i18n/ folder of a source checkout (holds the .ts files)."""
    return _package_root().parent / "i18n"
