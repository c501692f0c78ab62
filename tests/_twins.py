"""Run one test body on either twin client: `Which50`, or `AsyncWhich50` in an event loop."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from typing import Any

import which50


def call_on(kind: str, settings: dict[str, Any], fn: Callable[[Any], Any]) -> Any:
    """`fn(client)` on a client of `kind` ("sync" or "async") built from `settings`.

    For the async client, `fn` returns the coroutine of the call, which is awaited here.
    """
    if kind == "sync":
        with which50.Which50(**settings) as client:
            return fn(client)

    async def main() -> Any:
        async with which50.AsyncWhich50(**settings) as client:
            result = fn(client)
            return await result if inspect.isawaitable(result) else result

    return asyncio.run(main())
