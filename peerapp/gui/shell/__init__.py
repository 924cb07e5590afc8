"""The window around the pages: first run, lock screen, main window, language, damage notices."""
