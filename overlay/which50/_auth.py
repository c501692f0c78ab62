"""Authentication as `httpx.Auth` flows. Upstream does not document its scheme, so the spec
allows a bearer token or basic credentials, and any other `httpx.Auth` can be passed in."""

from __future__ import annotations

import base64
from collections.abc import Generator

import httpx

from ._redact import Secret

__all__ = ["BasicAuth", "BearerAuth", "check_credential", "secret_values", "static_header"]


def check_credential(setting: str, value: object) -> str:
    """A credential fit for an HTTP header, or a `ValueError` that names ``setting`` and never
    the value.

    Surrounding whitespace is stripped: a token read from a file keeps its trailing newline,
    and a CRLF ``.env`` file leaves a ``\\r``. What remains must be printable ASCII: a control
    character would be refused by the HTTP stack with the value in its message, and the
    encoding of anything beyond ASCII in a header is not documented upstream.
    """
    if not isinstance(value, str):
        raise TypeError(f"{setting} must be a str, not {type(value).__name__}")
    cleaned = value.strip()
    if not cleaned:
        raise ValueError(f"{setting} is empty")
    for position, char in enumerate(cleaned, start=1):
        if not " " <= char <= "~":
            kind = "a non-ASCII" if ord(char) > 0x7F else "a control"
            raise ValueError(
                f"{setting} contains {kind} character (at position {position}); credentials "
                "must be printable ASCII"
            )
    return cleaned


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


def secret_values(auth: httpx.Auth | None) -> tuple[str, ...]:
    """The credential strings of a bearer or basic auth, longest first, for scrubbing what a
    server echoes back (an error body that quotes the request's headers). Other `httpx.Auth`s
    keep their secrets to themselves."""
    if isinstance(auth, BearerAuth):
        found = [auth._token.reveal()]
    elif isinstance(auth, BasicAuth):
        found = [auth._password.reveal(), auth._header.reveal().removeprefix("Basic ")]
    else:
        return ()
    return tuple(sorted(set(found), key=len, reverse=True))


class BearerAuth(httpx.Auth):
    """``Authorization: Bearer <token>``."""

    def __init__(self, token: str | Secret) -> None:
        self._token = (
            token if isinstance(token, Secret) else Secret(check_credential("token", token))
        )

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token.reveal()}"
        yield request

    def __repr__(self) -> str:
        return "BearerAuth(token=<redacted>)"


class BasicAuth(httpx.Auth):
    """``Authorization: Basic <base64(username:password)>``."""

    def __init__(self, username: str, password: str | Secret) -> None:
        username = check_credential("username", username)
        if ":" in username:
            raise ValueError("username contains ':', which basic credentials cannot carry")
        secret = check_credential(
            "password", password.reveal() if isinstance(password, Secret) else password
        )
        encoded = base64.b64encode(f"{username}:{secret}".encode()).decode("ascii")
        self._username = username
        self._password = Secret(secret)
        self._header = Secret(f"Basic {encoded}")

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header.reveal()
        yield request

    def __repr__(self) -> str:
        return f"BasicAuth(username={self._username!r}, password=<redacted>)"
