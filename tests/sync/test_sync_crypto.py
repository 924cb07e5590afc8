"""Post envelopes as the client makes them: tampering, replay under another id or room, padding."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerapp.sync import protocol
from peerapp.sync.protocol import ProtocolError
from peerapp.sync.service import GroupService
from support.sync_tools import new_service, record


@pytest.fixture
def service(tmp_path: Path) -> GroupService:
    return new_service(tmp_path / "vault")


def _queued(service: GroupService, text: str) -> tuple[protocol.GroupKeys, str, bytes]:
    group, _invite = service.create_group_v1("http://127.0.0.1:9", "Circle", "Quiet Fox")
    post = service.post(group.id, text)
    stored = service.store.post(group.id, post.id)
    assert stored is not None and stored.blob is not None
    return record(service, group.id).keys, post.id, stored.blob


def _flip(blob: bytes, index: int) -> bytes:
    return blob[:index] + bytes([blob[index] ^ 1]) + blob[index + 1 :]


def test_the_outbox_blob_opens_to_the_post(service: GroupService) -> None:
    keys, post_id, blob = _queued(service, "It was a hard week")
    value = protocol.open_post(keys, post_id, blob)
    assert value["b"] == "It was a hard week" and value["a"] == "Quiet Fox"
    assert b"hard week" not in blob and b"Quiet Fox" not in blob


@pytest.mark.parametrize("where", ["version", "nonce", "ciphertext", "tag"])
def test_tampered_bytes_are_rejected(service: GroupService, where: str) -> None:
    keys, post_id, blob = _queued(service, "Tamper with me")
    index = {"version": 0, "nonce": 5, "ciphertext": 40, "tag": len(blob) - 3}[where]
    with pytest.raises(ProtocolError):
        protocol.open_post(keys, post_id, _flip(blob, index))
    with pytest.raises(ProtocolError):
        protocol.open_post(keys, post_id, blob[:-1])  # a cut tag


def test_a_blob_replayed_under_another_id_or_room_fails(service: GroupService, tmp_path: Path) -> None:
    keys, post_id, blob = _queued(service, "Bound to its id and room")
    with pytest.raises(ProtocolError):
        protocol.open_post(keys, protocol.new_post_id(), blob)
    other = new_service(tmp_path / "other")
    group, _ = other.create_group_v1("http://127.0.0.1:9", "Other", "River")
    with pytest.raises(ProtocolError):
        protocol.open_post(record(other, group.id).keys, post_id, blob)


def _seal_padded(keys: protocol.GroupKeys, post_id: str, padded: bytes) -> bytes:
    from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_encrypt

    nonce = bytes(protocol.NONCE_BYTES)
    ct = crypto_aead_xchacha20poly1305_ietf_encrypt(
        padded, protocol.post_aad(keys.room_id, post_id), nonce, keys.content_key
    )
    return bytes([protocol.VERSION]) + nonce + ct


def test_malformed_padding_is_rejected_even_when_authentic(service: GroupService) -> None:
    keys, post_id, _blob = _queued(service, "padding")
    good = protocol.pad(b'{"v":1}')
    bad_length = (10_000).to_bytes(4, "big") + good[4:]
    nonzero_tail = good[:-1] + b"\x01"
    odd_size = good + b"\x00"
    for padded in (bad_length, nonzero_tail, odd_size):
        with pytest.raises(ProtocolError):
            protocol.open_post(keys, post_id, _seal_padded(keys, post_id, padded))


def test_the_same_text_twice_gives_different_blobs_of_the_same_size(service: GroupService) -> None:
    group, _ = service.create_group_v1("http://127.0.0.1:9", "Circle", "Quiet Fox")
    a = service.post(group.id, "same words")
    b = service.post(group.id, "same words")
    blob_a = service.store.post(group.id, a.id).blob  # type: ignore[union-attr]
    blob_b = service.store.post(group.id, b.id).blob  # type: ignore[union-attr]
    assert blob_a and blob_b and blob_a != blob_b
    assert len(blob_a) == len(blob_b)  # padded to a bucket: the length says little


def test_secrets_stay_out_of_reprs(service: GroupService) -> None:
    group, invite = service.create_group_v1("http://127.0.0.1:9", "Circle", "Quiet Fox")
    rec = record(service, group.id)
    assert rec.secret.hex() not in repr(rec) and "PEERAPP1" not in repr(service.group(group.id))
    assert invite.startswith(protocol.INVITE_PREFIX)


@pytest.mark.parametrize(
    "value",
    [
        "00 11 22 33 44 55 66 77 88 99 aa",  # 32 characters; bytes.fromhex skips the spaces
        "0011223344556677 8899aabbccdd ee",
        "0011223344556677\t8899aabbccddeef",
        "0011223344556677\n8899aabbccddeef",
        "0011223344556677889AABBCCDDEEFF0",
        "0011223344556677889gaabbccddeeff",
        "0011223344556677889aabbccddeeff",
    ],
)
def test_ids_are_strict_lowercase_hex(value: str) -> None:
    with pytest.raises(ProtocolError):
        protocol.hex_id(value, protocol.POST_ID_BYTES)
    plaintext = {"v": 1, "k": "post", "a": "Someone", "b": "hi", "cw": "", "r": value, "t": 0,
                 "d": "00" * 32, "seen": []}  # fmt: skip
    with pytest.raises(ProtocolError):
        protocol.validate_post_plaintext(plaintext)
    assert protocol.hex_id("0011223344556677889aabbccddeeff0", 16).hex() == "0011223344556677889aabbccddeeff0"
