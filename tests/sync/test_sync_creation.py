"""The client half of restricted room creation: the token in the server address, and the proof of work."""

from __future__ import annotations

import os
import threading

import pytest

from peerapp.server.creation import pow_ok as server_pow_ok
from peerapp.sync import creation


@pytest.mark.parametrize(
    ("given", "base", "token"),
    [
        ("https://groups.example.org/#creation-token=ab12.XyZ", "https://groups.example.org/", "ab12.XyZ"),
        ("https://groups.example.org", "https://groups.example.org", None),
        ("  http://x.onion:8765/#creation-token=t1  ", "http://x.onion:8765/", "t1"),
        ("https://h/#other=1", "https://h/", None),
        ("https://h/#creation-token=", "https://h/", None),
    ],
)
def test_the_token_rides_in_the_fragment_and_is_stripped(given: str, base: str, token: str | None) -> None:
    assert creation.split_server_url(given) == (base, token)


def test_a_solved_proof_verifies_on_the_server_side_and_only_for_its_room() -> None:
    # Fixed rooms, so the outcome is the same on every run.
    room, other = bytes(32), b"\x01" * 32
    nonce = creation.solve(room, 14)
    assert server_pow_ok(room, nonce, 14)
    assert creation.pow_ok(room, nonce, 14)
    assert not creation.pow_ok(other, nonce, 14)
    assert not creation.pow_ok(room, nonce, 40)


@pytest.mark.parametrize("header", [None, "", "zz", "0" * 15, "g" * 16, "0" * 17])
def test_malformed_proofs_are_refused(header: str | None) -> None:
    assert not server_pow_ok(os.urandom(32), header, 1)


def test_a_hostile_server_cannot_ask_for_endless_work() -> None:
    with pytest.raises(creation.PowTooHard):
        creation.solve(os.urandom(32), creation.MAX_POW_BITS + 1)
    assert creation.pow_bits({creation.POW_BITS_HEADER: "999"}) is None
    assert creation.pow_bits({creation.POW_BITS_HEADER: "x"}) is None
    assert creation.pow_bits({}) is None
    assert creation.pow_bits({creation.POW_BITS_HEADER: " 20 "}) == 20


def test_solving_stops_when_cancelled() -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(InterruptedError):
        creation.solve(os.urandom(32), creation.MAX_POW_BITS, cancel)


def test_admission_headers() -> None:
    room = os.urandom(32)
    assert creation.admission_headers(room, None) == {}
    assert creation.admission_headers(room, "t") == {creation.TOKEN_HEADER: "t"}
    headers = creation.admission_headers(room, None, 8)
    assert creation.pow_ok(room, headers[creation.POW_HEADER], 8)
