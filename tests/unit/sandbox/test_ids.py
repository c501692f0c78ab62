"""EncContactId minting: deterministic per seed, reversible, URL-safe, and unforgeable."""

from __future__ import annotations

import re

import pytest
from which50_sandbox._ids import ContactIds


def test_deterministic_per_seed_and_different_across_seeds() -> None:
    assert ContactIds(1).encode(42) == ContactIds(1).encode(42)
    assert ContactIds(1).encode(42) != ContactIds(2).encode(42)


@pytest.mark.parametrize("contact_id", [1, 2, 41, 2**32, 2**32 + 1, 2**63 - 1])
def test_round_trip(contact_id: int) -> None:
    ids = ContactIds(7)
    token = ids.encode(contact_id)
    assert re.fullmatch(r"[A-Za-z0-9_-]{16}", token)
    assert ids.decode(token) == contact_id


def test_tokens_hide_the_order_of_contacts() -> None:
    tokens = [ContactIds(1).encode(n) for n in range(1, 200)]
    assert len(set(tokens)) == len(tokens)
    assert tokens != sorted(tokens)
    assert len({t[:4] for t in tokens}) > 150


def test_foreign_and_malformed_tokens_decode_to_none() -> None:
    token = ContactIds(1).encode(5)
    assert ContactIds(2).decode(token) is None
    flipped = token[:3] + ("A" if token[3] != "A" else "B") + token[4:]
    for bad in (flipped, "", "x" * 16, "Q2w5TnZ4R2hKa0xtNw", "é" * 16, "!!!!!!!!!!!!!!!!"):
        assert ContactIds(1).decode(bad) is None


@pytest.mark.parametrize("contact_id", [0, -1, 2**63])
def test_out_of_range_ids_are_refused(contact_id: int) -> None:
    with pytest.raises(ValueError, match="out of range"):
        ContactIds(1).encode(contact_id)
