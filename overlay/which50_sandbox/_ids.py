"""Minting `EncContactId`: an opaque, URL-safe, deterministic and reversible contact token.

The internal contact id (a positive 64-bit integer) goes through a four-round Feistel network
keyed by the seed, and a 4-byte keyed MAC is appended; the 12 bytes are base64url-encoded without
padding (16 characters). The same seed always mints the same token for the same contact, tokens
reveal nothing about the order of contacts, and a token that was not minted by this sandbox
decodes to None (so it is a 404, never a wrong contact). No index is needed to look one up.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

_ROUNDS = 4
_MASK32 = 0xFFFFFFFF


class ContactIds:
    def __init__(self, seed: int) -> None:
        root = hashlib.sha256(f"which50-sandbox:{seed}".encode()).digest()
        # Keyed hash states, copied for each use: cheaper than keying a new one each time
        # (a long contact list mints a token per contact), and the same digests.
        self._rounds = [
            hashlib.blake2b(bytes((round_,)), key=root[:16], digest_size=4)
            for round_ in range(_ROUNDS)
        ]
        self._mac_state = hashlib.blake2b(key=root[16:], digest_size=4)

    def _f(self, round_: int, half: int) -> int:
        state = self._rounds[round_].copy()
        state.update(half.to_bytes(4, "big"))
        return int.from_bytes(state.digest(), "big")

    def _mac(self, block: bytes) -> bytes:
        state = self._mac_state.copy()
        state.update(block)
        return state.digest()

    def encode(self, contact_id: int) -> str:
        if not 0 < contact_id < 2**63:
            raise ValueError(f"contact id out of range: {contact_id}")
        left, right = contact_id >> 32, contact_id & _MASK32
        for round_ in range(_ROUNDS):
            left, right = right, left ^ self._f(round_, right)
        block = left.to_bytes(4, "big") + right.to_bytes(4, "big")
        return base64.urlsafe_b64encode(block + self._mac(block)).rstrip(b"=").decode("ascii")

    def decode(self, token: str) -> int | None:
        if len(token) != 16 or not token.isascii():
            return None
        try:
            raw = base64.urlsafe_b64decode(token + "==")
        except (binascii.Error, ValueError):
            return None
        block, mac = raw[:8], raw[8:]
        if len(raw) != 12 or not hmac.compare_digest(mac, self._mac(block)):
            return None
        left, right = int.from_bytes(block[:4], "big"), int.from_bytes(block[4:], "big")
        for round_ in reversed(range(_ROUNDS)):
            left, right = right ^ self._f(round_, left), left
        contact_id = (left << 32) | right
        return contact_id if 0 < contact_id < 2**63 else None
