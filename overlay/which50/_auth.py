"""Authentication as `httpx.Auth` flows. Upstream does not document its scheme, so the spec
allows a bearer token or basic credentials, and any other `httpx.Auth` can be passed in."""

from __future__ import annotations

import base64
from collections.abc import Generator

import httpx

from ._redact import Secret

__all__ = ["BasicAuth", "BearerAuth", "static_header"]


def static_header(auth: httpx.Auth | None) -> Secret | None:
    """The `Authorization` value of a bearer or basic auth, which never changes per request.

    The clients send it as a default header: the same bytes on the wire as the auth flow,
    without the per-request flow machinery on the hot path. Other `httpx.Auth`s run as flows.
    """
    if isinstance(auth, BearerAuth):
        return Secret(f"Bearer {auth._token.reveal()}")
    if isinstance(auth, BasicAuth):
        return auth._header
    return None


class BearerAuth(httpx.Auth):
    """``Authorization: Bearer <token>``."""

    def __init__(self, token: str | Secret) -> None:
        self._token = token if isinstance(token, Secret) else Secret(token)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token.reveal()}"
        yield request

    def __repr__(self) -> str:
        return "BearerAuth(token=<redacted>)"


class BasicAuth(httpx.Auth):
    """``Authorization: Basic <base64(username:password)>``."""

    def __init__(self, username: str, password: str | Secret) -> None:
        secret = password.reveal() if isinstance(password, Secret) else password
        encoded = base64.b64encode(f"{username}:{secret}".encode()).decode("ascii")
        self._username = username
        self._header = Secret(f"Basic {encoded}")

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header.reveal()
        yield request

    def __repr__(self) -> str:
        return f"BasicAuth(username={self._username!r}, password=<redacted>)"
