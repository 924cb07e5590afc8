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

    def __reduce__(self) -> tuple[object, ...]:
        # Whole across processes (an import's reading process, transfer/read_ahead.py): made again from
        # its detail as this class's __init__ made it, then its own fields put back.
        return (_remade, (type(self), self.detail, dict(vars(self))))


def _remade(kind: type[PeerappError], detail: str, fields: dict[str, object]) -> PeerappError:
    error = kind.__new__(kind)
    PeerappError.__init__(error, detail)
    vars(error).update(fields)
    return error


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


class OperationCancelled(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "Cancelled. Nothing was written.")


class ExportTargetExists(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "That folder is not empty. Choose an empty or new folder for the exported files."
    )


class ImportFileInvalid(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "This file is not in the expected format, so nothing was imported.")


class ImportNotAFile(ImportFileInvalid):
    message = QT_TRANSLATE_NOOP(
        "Errors", "This is a folder or a special file, not a file to import. Nothing was imported."
    )


class ImportFileTooLarge(ImportFileInvalid):
    # The figures follow peerapp/core/untrusted.py (MAX_IMPORT_BYTES, MAX_PART_CHARS, MAX_DEPTH, MAX_BAD_ROWS).
    message = QT_TRANSLATE_NOOP(
        "Errors", "This file is larger than 512 MB, more than an import can read. Nothing was imported."
    )


class ImportNotText(ImportFileInvalid):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This file is not UTF-8 text; it may be damaged or in another format. Nothing was imported.",
    )


class ImportPartTooLarge(ImportFileInvalid):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "One entry or value in this file is larger than 8 MB, so the file looks damaged. "
        "Nothing was imported.",
    )


class ImportTooDeep(ImportFileInvalid):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This file nests values more than 64 levels deep, which no journal export does. "
        "Nothing was imported.",
    )


class ImportTooManyBadRows(ImportFileInvalid):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "More than 1000 rows of this file cannot be read, so it does not look like a journal "
        "export. Nothing was imported.",
    )


class UnknownMoodLabels(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Some mood labels in this file are unknown. Give each one a mood from 1 to 5 "
        "(for example --mood-map LABEL=4); nothing was imported yet.",
    )

    def __init__(self, labels: list[str]) -> None:
        super().__init__(", ".join(labels))
        self.labels = labels


class ImportRowError(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "This row could not be read and was skipped.")


class ImportBadDate(ImportRowError):
    message = QT_TRANSLATE_NOOP("Errors", "The date or time of this row is not valid; it was skipped.")


class ImportBadMood(ImportRowError):
    message = QT_TRANSLATE_NOOP("Errors", "The mood of this row is not valid; it was skipped.")


class ImportMissingField(ImportRowError):
    message = QT_TRANSLATE_NOOP("Errors", "This row is missing a required column; it was skipped.")


class CorruptBackup(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "This backup is damaged or incomplete, so it cannot be restored. Nothing was changed."
    )


class RestoreWouldOverwrite(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "A journal already exists in this folder. Restoring would replace it; "
        "confirm that first. Nothing was changed.",
    )


class VaultWiped(VaultNotFound):
    """A duress passphrase erased the journal; to whoever typed it this looks like a fresh install."""


class PassphraseInUse(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "That passphrase is already used for this journal. Choose a different one. Nothing was changed.",
    )


class WipeNotConfirmed(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The confirmation word was not typed correctly. Nothing was erased."
    )


class DamagedKeyFile(CorruptKeySlot):
    """The key file fails its checksum or cannot be parsed: damage, never counted as a wrong try."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The key file (vault.keys) is damaged, so your passphrase cannot open the journal. "
        "This was not counted as a wrong try and nothing was changed. Open it with your recovery key, "
        "or take the key file from a backup of this journal.",
    )

    def user_message(self) -> str:
        # The detail (which check failed) means nothing to a person; the message says what to do.
        return translate(CONTEXT, self.message)


class BackupKeyMismatch(PeerappError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The key file in this backup does not open this journal (it belongs to another journal). "
        "Nothing was changed.",
    )


class JournalBusy(PeerappError):
    """Another task (an import, a restore) holds the journal's write lock for longer than we wait."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Your journal is busy with another task, such as an import. Nothing was lost; try again in a moment.",
    )


class VaultDamaged(PeerappError):
    """A page of vault.db fails its authentication check: stop writing and offer a good backup."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The journal file is damaged. To protect what is left, nothing more will be written to it. "
        "Restore your newest good backup.",
    )


class TextTooLong(PeerappError):
    message = QT_TRANSLATE_NOOP("Errors", "The text is too long. Nothing was saved.")
