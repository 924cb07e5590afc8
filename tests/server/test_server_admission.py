"""Who may create a room, against real server processes: open, operator tokens (hashed, revocable), proof of work."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import httpx
import nacl.signing
import pytest
from scale_support import admin, error_code, start

from peerapp.server.creation import effective_mode
from peerapp.sync import creation, protocol
from peerapp.sync.v2.room_keys import create_message
from support.servers import Room


def v2_create(url: str, headers: dict[str, str] | None = None) -> httpx.Response:
    """A signed v2 room creation (fresh keys), with extra headers."""
    admin_key = nacl.signing.SigningKey.generate()
    room, write_pub, door_pub = os.urandom(32), os.urandom(32), os.urandom(32)
    admin_pub = bytes(admin_key.verify_key)
    body = {
        "room": room.hex(),
        "write_pub": protocol.b64e(write_pub),
        "admin_pub": protocol.b64e(admin_pub),
        "door_pub": protocol.b64e(door_pub),
        "door_expires": 0,
        "sig": protocol.b64e(
            protocol.sign(admin_key, create_message(room, write_pub, admin_pub, door_pub, 0))
        ),
    }
    return httpx.post(f"{url}/v2/rooms", json=body, headers=headers or {}, timeout=30)


def create_with(room: Room, headers: dict[str, str]) -> httpx.Response:
    answer: httpx.Response = room.http.post("/v1/rooms", json=room.create_body(), headers=headers)
    return answer


@pytest.mark.parametrize(
    ("configured", "host", "mode"),
    [
        ("", "0.0.0.0", "token"),
        ("", "203.0.113.9", "token"),
        ("", "::", "token"),
        ("", "127.0.0.1", "open"),
        ("", "::1", "open"),
        ("", "localhost", "open"),
        ("open", "0.0.0.0", "open"),
        ("pow", "127.0.0.1", "pow"),
    ],
)
def test_the_default_is_token_unless_only_loopback_listens(configured: str, host: str, mode: str) -> None:
    assert effective_mode(configured, host) == mode


def test_token_mode(tmp_path: Path) -> None:
    server = start(tmp_path, data_plane={"creation": "token"})
    try:
        room = Room(server.url)
        assert error_code(room.create()) == "creation_token_required"
        assert error_code(create_with(room, {creation.TOKEN_HEADER: "0000.nothing"})) == "bad_creation_token"
        assert error_code(v2_create(server.url)) == "creation_token_required"

        issued = admin(server.db_url, "token", "issue")
        assert issued.returncode == 0, issued.stderr
        token = issued.stdout.strip()
        token_id = token.split(".")[0]
        assert token_id in issued.stderr
        second = admin(server.db_url, "token", "issue").stdout.strip()  # several tokens at once
        assert create_with(room, {creation.TOKEN_HEADER: token}).status_code == 201
        assert v2_create(server.url, {creation.TOKEN_HEADER: second}).status_code == 201
        # A member's retry for a room that exists needs no token: nothing new is stored.
        assert room.create().status_code == 200
        # Only the token's hash is in the database.
        db = Path(server.db_url.removeprefix("sqlite:///"))
        stored = b"".join(p.read_bytes() for p in (db, db.with_name(db.name + "-wal")) if p.exists())
        assert token.encode() not in stored
        assert hashlib.sha256(token.encode()).digest() in stored

        revoked = admin(server.db_url, "token", "revoke", token_id)
        assert revoked.returncode == 0, revoked.stderr
        later = Room(server.url)
        assert error_code(create_with(later, {creation.TOKEN_HEADER: token})) == "bad_creation_token"
        assert create_with(later, {creation.TOKEN_HEADER: second}).status_code == 201
        again = admin(server.db_url, "token", "revoke", token_id)
        assert again.returncode == 1
        assert again.stderr.strip() == "peerapp: There is no creation token with that id."
        for r in (room, later):
            r.close()
    finally:
        server.stop()


def test_pow_mode(tmp_path: Path) -> None:
    bits = 12
    server = start(
        tmp_path, data_plane={"creation": "pow", "pow_bits": bits}, create_rate=0.001, create_burst=2
    )
    try:
        room, other = Room(server.url), Room(server.url)
        # Requests without a valid proof are refused before the shared bucket: five of them leave
        # both of its tokens for honest creators.
        for headers in ({}, {creation.POW_HEADER: "zz"}, {creation.POW_HEADER: "0" * 16}):
            refused = create_with(room, headers)
            assert error_code(refused) == "pow_required"
            assert creation.pow_bits(refused.headers) == bits
        # A proof for another room does not create this one.
        elsewhere = creation.solve(other.keys.room_id, bits)
        if not creation.pow_ok(room.keys.room_id, elsewhere, bits):
            assert error_code(create_with(room, {creation.POW_HEADER: elsewhere})) == "pow_required"
        answer = create_with(room, creation.admission_headers(room.keys.room_id, None, bits))
        assert answer.status_code == 201
        assert create_with(other, {creation.POW_HEADER: elsewhere}).status_code == 201
        for r in (room, other):
            r.close()
    finally:
        server.stop()


def test_open_mode_on_loopback_needs_nothing(tmp_path: Path) -> None:
    server = start(tmp_path)
    try:
        room = Room(server.url)
        assert room.create().status_code == 201
        room.close()
        # The document names the data plane's refusals where they can happen.
        paths = httpx.get(server.url + "/v1/openapi.json").json()["paths"]
        create = paths["/v1/rooms"]["post"]
        assert "creation_token_required" in create["responses"]["403"]["description"]
        assert "Peerapp-Creation-Token" in create["description"]
        put = paths["/v1/rooms/{room}/posts/{post_id}"]["put"]["responses"]
        assert "quota_bytes" in put["507"]["description"]
        assert "Retry-After" in put["403"]["headers"]
        assert "room_suspended" in paths["/v1/rooms/{room}/events"]["get"]["responses"]["403"]["description"]
    finally:
        server.stop()


def leading_zero_bits(digest: bytes) -> int:
    value = int.from_bytes(digest, "big")
    return len(digest) * 8 - value.bit_length()


def test_a_solution_has_the_bits_asked_for() -> None:
    room = os.urandom(32)
    nonce = creation.solve(room, 10)
    assert leading_zero_bits(creation.pow_digest(room, bytes.fromhex(nonce))) >= 10
    assert creation.pow_ok(room, nonce, 10)
