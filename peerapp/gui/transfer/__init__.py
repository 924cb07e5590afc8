"""Export, import, backup and restore dialogs."""
