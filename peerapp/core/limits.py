"""The limits on files read from outside the vault: size, size of one part, nesting, number length."""

from __future__ import annotations

MIB = 1024 * 1024
# The limits below are written into the error messages (errors.py); change both together.
MAX_IMPORT_BYTES = 512 * MIB  # years of daily writing are tens of MB
MAX_PART_CHARS = 8 * MIB  # one CSV record, one JSON entry, one top-level JSON value
MAX_DEPTH = 64  # an export nests 4 levels; json.loads recurses once per level
MAX_NUMBER_CHARS = 100  # int("9" * 5000) is refused by Python and slow before that
MAX_BAD_ROWS = 1000  # more unreadable rows than this: not a journal export at all
CHUNK_BYTES = MIB
