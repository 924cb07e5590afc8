"""User-facing error types; each carries a translatable message."""

from __future__ import annotations

from .i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "Errors"


class PeerappError(Exception):
    """Base class: `message` is the English source, `user_message()` the translated text."""

    message = QT_TRANSLATE_NOOP("Errors", "Something went wrong.")

    def __init__(self, detail: str = "") -> None:
        super().__init__(self.message if not detail else f"{self.message} ({detail})")
        self.detail = detail

    def user_message(self) -> str:
        text = translate(CONTEXT, self.message)
        return f"{text} ({self.detail})" if self.detail else text


class WrongPassphrase(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "That passphrase is not right. Nothing was changed.")


class WrongRecoveryKey(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "That recovery key is not right. Nothing was changed.")


class VaultNotFound(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "There is no journal in this folder yet. Create one first (peerapp init)."
    )


class VaultExists(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "A journal already exists in this folder.")


class CorruptKeySlot(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The key file of this journal is damaged or missing, so it cannot be opened. "
        "Nothing was changed; restore it from a backup.",
    )


class CorruptVault(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The journal database is damaged or incomplete, so it cannot be opened. "
        "Nothing was changed; restore it from a backup.",
    )


class VaultTooNew(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This journal was written by a newer version of peerapp. "
        "Update the app to open it; the file was not touched.",
    )


class VaultLocked(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "The journal is locked.")


class EntryNotFound(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "No journal entry has that id.")


class InvalidInput(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "That value is not valid.")


class WeakPassphrase(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "The passphrase must be at least 8 characters long.")
