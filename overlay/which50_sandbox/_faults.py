"""Fault injection, as ASGI middleware in front of everything (auth included).

See `FaultConfig` for the faults and their rates. Dropping a connection or cutting a body needs
the socket, which ASGI does not expose: the sandbox's uvicorn protocol (`_server`) puts the
transport in `scope["extensions"]["which50.transport"]`. Without it (in-process ASGI
transports), a drop or a cut raises `ConnectionAbortedError` instead, which is what an HTTP
client sees as a broken connection.
"""

from __future__ import annotations

import asyncio
import random
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._config import FaultConfig
from ._http import ApiError, error_response

TRANSPORT_KEY = "which50.transport"


def _abort(scope: Scope) -> None:
    transport: Any = scope.get("extensions", {}).get(TRANSPORT_KEY)
    if transport is None:
        raise ConnectionAbortedError("which50 sandbox: fault injected")
    transport.close()


class FaultMiddleware:
    def __init__(self, app: ASGIApp, faults: FaultConfig) -> None:
        self.app = app
        self.faults = faults
        self.rng = random.Random(faults.seed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        f = self.faults
        # one draw per fault kind per request, always in the same order: repeatable
        draws = [self.rng.random() for _ in range(4)]
        if f.latency_ms:
            await asyncio.sleep(f.latency_ms / 1000)
        if draws[0] < f.rate_limit:
            error = ApiError(
                429,
                "Too many requests.",
                f"Retry after {f.retry_after} s.",
                headers={"Retry-After": str(f.retry_after)},
            )
            await error_response(error)(scope, receive, send)
            return
        if draws[1] < f.error_rate:
            error = ApiError(503, "The service is unavailable.", "Injected fault.")
            await error_response(error)(scope, receive, send)
            return
        if draws[2] < f.drop_rate:
            _abort(scope)
            return
        if draws[3] < f.truncate_rate:
            await self.app(scope, receive, _Truncating(scope, send))
            return
        await self.app(scope, receive, send)


class _Truncating:
    """Sends the headers as they are, then half of the body, then closes the connection."""

    def __init__(self, scope: Scope, send: Send) -> None:
        self.scope = scope
        self.send = send
        self.body = b""

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.start = message
            return
        if message["type"] != "http.response.body":
            await self.send(message)
            return
        self.body += message.get("body", b"")
        if message.get("more_body", False):
            return
        headers = [(k, v) for k, v in self.start["headers"] if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(self.body)).encode()))
        await self.send({**self.start, "headers": headers})
        await self.send(
            {
                "type": "http.response.body",
                "body": self.body[: len(self.body) // 2],
                "more_body": True,
            }
        )
        _abort(self.scope)
