"""Authentication as `httpx.Auth` flows. Upstream does not document its scheme, so the spec
allows a bearer token or basic credentials, and any other `httpx.Auth` can be passed in."""

from __future__ import annotations

import base64
from collections.abc import Generator

import httpx

from ._redact import Secret

__all__ = ["BasicAuth", "BearerAuth"]


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
