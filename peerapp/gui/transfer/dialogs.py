"""The transfer dialogs by their old names (export, import, backup, restore, automatic backups)."""

from __future__ import annotations

from .backup_dialogs import BackupSettingsDialog, backup_dialog, restore_dialog
from .export_dialog import ExportDialog, export_dialog
from .import_dialog import ImportDialog, MoodMapDialog, import_dialog

__all__ = [
    "BackupSettingsDialog",
    "ExportDialog",
    "ImportDialog",
    "MoodMapDialog",
    "backup_dialog",
    "export_dialog",
    "import_dialog",
    "restore_dialog",
]
