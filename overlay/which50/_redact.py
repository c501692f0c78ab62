"""Keeping credentials out of logs, reprs and error messages."""

from __future__ import annotations

import json
from collections.abc import Sequence

import httpx

REDACTED = "<redacted>"


class Secret:
    """A credential. Its repr and str never show the value; `reveal()` does."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Secret({REDACTED!r})"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


def redact_url(url: httpx.URL | str) -> str:
    """The URL with any user info (``user:password@``) replaced."""
    parsed = httpx.URL(url) if isinstance(url, str) else url
    if parsed.userinfo:
        parsed = parsed.copy_with(username=REDACTED, password=None)
    return str(parsed)


def scrub(text: str, secrets: Sequence[str]) -> str:
    """``text`` with every occurrence of each secret replaced, as written and as a JSON string
    escapes it (a server that echoes the request's headers in an error body)."""
    for secret in secrets:
        for form in (secret, json.dumps(secret)[1:-1]):
            if form in text:
                text = text.replace(form, REDACTED)
    return text
