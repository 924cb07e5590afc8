"""Widgets several features share: passphrase fields and the safe text browser."""
