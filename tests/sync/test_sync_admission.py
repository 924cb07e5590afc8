"""Creating a group on a restricted server through the app's GroupService (issue 18): the operator's creation
token rides in the address's fragment and never reaches an invite or the group list; a proof-of-work server
gets its proof; refusals (no token, a wrong one, a suspended room) are one translated sentence each."""

from __future__ import annotations

from pathlib import Path

import pytest
from server.scale_support import admin, start

from peerapp.sync import errors
from peerapp.sync.creation import FRAGMENT_KEY, MAX_POW_BITS, POW_BITS_HEADER
from peerapp.sync.v2.invite import InviteV2
from support.sync_tools import HostileServer, json_reply, new_service


def test_a_token_in_the_address_creates_the_group_and_stays_on_this_device(tmp_path: Path) -> None:
    server = start(tmp_path, data_plane={"creation": "token"})
    try:
        token = admin(server.db_url, "token", "issue").stdout.strip()
        alice = new_service(tmp_path / "alice")
        # Without the token the server refuses, and says what to ask the operator for.
        plain, _ = alice.create_group(server.url, "No token", "Alice")
        with pytest.raises(errors.ServerRejected) as refused:
            alice.sync(plain.id)
        assert errors.error_code(refused.value) == "refused:creation_token_required"
        assert "creation token from its operator" in refused.value.user_message()
        assert alice.group(plain.id).last_error == "refused:creation_token_required"
        wrong, _ = alice.create_group(f"{server.url}/#{FRAGMENT_KEY}=0000.nothing", "Wrong", "Alice")
        with pytest.raises(errors.ServerRejected) as refused:
            alice.sync(wrong.id)
        assert refused.value.code == "bad_creation_token"

        group, invite = alice.create_group(f"{server.url}/#{FRAGMENT_KEY}={token}", "With token", "Alice")
        assert token not in invite and token not in InviteV2.decode(invite).server_url
        assert all(token not in g.server_url for g in alice.groups())
        alice.sync(group.id)
        bob = new_service(tmp_path / "bob")
        joined = bob.join_group(invite, "Bob")
        bob.sync(joined.id)
        bob.post(joined.id, "hello from a restricted server")
        bob.sync(joined.id)
        alice.sync(group.id)
        assert "hello from a restricted server" in [p.text for p in alice.feed(group.id)]
    finally:
        server.stop()


def test_a_proof_of_work_server_gets_its_proof(tmp_path: Path) -> None:
    server = start(tmp_path, data_plane={"creation": "pow", "pow_bits": 12})
    try:
        alice = new_service(tmp_path / "alice")
        group, _invite = alice.create_group(server.url, "Worked for", "Alice")
        alice.sync(group.id)
        assert alice.group(group.id).last_error is None
    finally:
        server.stop()


def test_a_server_asking_too_much_work_is_refused_in_one_sentence(tmp_path: Path) -> None:
    # An honest server cannot ask this (its --pow-bits stops at creation.MAX_POW_BITS); a hostile one can.
    def respond(method: str, path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
        if method != "POST":  # the room does not exist yet
            return json_reply({"error": {"code": "no_room", "message": "no such room"}}, 404)
        refusal = {"error": {"code": "pow_required", "message": "work"}}
        return json_reply(refusal, 403, {POW_BITS_HEADER: str(MAX_POW_BITS + 4)})

    hostile = HostileServer(respond)
    try:
        alice = new_service(tmp_path / "alice")
        group, _invite = alice.create_group(hostile.url, "Too hard", "Alice")
        with pytest.raises(errors.ServerRejected) as refused:
            alice.sync(group.id)
        assert refused.value.code == "pow_too_hard"
        assert "more work than this device will do" in refused.value.user_message()
        assert [m for m, _path, _headers in hostile.requests].count("POST") == 1  # no second try, no work
    finally:
        hostile.close()
