"""The field types the group API's models share (ids, keys, signatures, sealed blobs, seqs); the models
themselves are in peerapp.sync.wire, which re-exports what callers use from here."""

from __future__ import annotations

from . import protocol
from .wire_model import Base64, Hex, Integer

# The largest seq anyone hands out or accepts: JSON numbers are exact up to here everywhere, and no
# real room gets near it. A larger one can only come from a broken or hostile server.
MAX_SEQ = 2**53 - 1


V2_EPOCH_BYTES = 4  # a version 2 blob names its epoch after the version byte


def envelope_ok(blob: bytes) -> bool:
    """A post blob is version | (v2: epoch) | nonce | ciphertext of one padding bucket | tag."""
    header = {1: 1, 2: 1 + V2_EPOCH_BYTES}.get(blob[0] if blob else 0)
    return (
        header is not None
        and len(blob) - header - protocol.NONCE_BYTES - protocol.TAG_BYTES in protocol.BUCKETS
    )


def report_ok(blob: bytes) -> bool:
    """A report is a sealed box (32-byte key + 16-byte tag) over a padded plaintext."""
    return len(blob) - 48 in protocol.BUCKETS


ROOM = Hex(protocol.ROOM_ID_BYTES, doc="the room id")
ROOM_PATH = Hex(
    protocol.ROOM_ID_BYTES, reason="The room id must be 64 lowercase hex characters.", doc="the room id"
)
POST_PATH = Hex(
    protocol.POST_ID_BYTES, reason="The post id must be 32 lowercase hex characters.", doc="the post id"
)
POST_ID = Hex(protocol.POST_ID_BYTES, doc="the post id")
PUBLIC_KEY = Base64(32, doc="an Ed25519 public key")
SIGNATURE = Base64(64, doc="an Ed25519 signature")
DELETE_HASH = Base64(32, doc="protocol.delete_hash of the author's delete secret")
DELETE_SECRET = Base64(protocol.DELETE_SECRET_BYTES, doc="the delete secret")
POST_BLOB = Base64(
    protocol.MAX_BLOB + V2_EPOCH_BYTES,
    exact=False,
    shape=envelope_ok,
    shape_name="a post envelope",
    doc="the sealed post",
)
REPORT_BLOB = Base64(
    protocol.MAX_REPORT_BLOB, exact=False, shape=report_ok, shape_name="a sealed report", doc="the report"
)
SEQ = Integer(1, MAX_SEQ, doc="the event's place in the room's sequence")
