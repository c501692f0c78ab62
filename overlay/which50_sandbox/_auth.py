"""Authentication: a bearer token or basic credentials; a read-only token gets 403 on writes."""

from __future__ import annotations

import base64
import binascii
import hmac

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from ._config import SandboxConfig
from ._http import ApiError, error_response

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CHALLENGE = 'Bearer realm="which50-sandbox", Basic realm="which50-sandbox"'


def _equal(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def access(config: SandboxConfig, authorization: str | None) -> str | None:
    """'full', 'read' or None (no valid credentials) for an Authorization header."""
    if not authorization:
        return None
    scheme, _, credentials = authorization.partition(" ")
    scheme, credentials = scheme.lower(), credentials.strip()
    if scheme == "bearer":
        if _equal(credentials, config.token):
            return "full"
        if config.readonly_token and _equal(credentials, config.readonly_token):
            return "read"
    elif scheme == "basic":
        try:
            decoded = base64.b64decode(credentials, validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return None
        user, _, password = decoded.partition(":")
        if _equal(user, config.username) & _equal(password, config.password):
            return "full"
    return None


class AuthMiddleware:
    def __init__(self, app: ASGIApp, config: SandboxConfig) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        level = access(self.config, Headers(scope=scope).get("authorization"))
        if level is None:
            error = ApiError(
                401,
                "Authorization has been denied for this request.",
                headers={"WWW-Authenticate": CHALLENGE},
            )
            await error_response(error)(scope, receive, send)
            return
        if level == "read" and scope["method"] not in READ_METHODS:
            error = ApiError(403, "You do not have permission to perform this action.")
            await error_response(error)(scope, receive, send)
            return
        await self.app(scope, receive, send)
