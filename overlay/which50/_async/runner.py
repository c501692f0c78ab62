# The sync twin is generated from this file: run `make unasync` after a change.
"""The runner: sends an operation's request through the configured client and parses the
answer, or streams a long answer's items (see `which50._runner`)."""

from __future__ import annotations

from typing import Any, TypeVar

import httpx
from which50_resources._runtime import Items, Operation

from .._parse import parsed
from .._retry import RetryPolicy
from .stream import AsyncItemIterator

__all__ = ["AsyncRunner"]

T = TypeVar("T")


class AsyncRunner:
    """Runs operations against one configured `httpx.AsyncClient`."""

    def __init__(
        self, http: httpx.AsyncClient, retry: RetryPolicy, max_item_size: int | None = None
    ) -> None:
        self.http = http
        self.retry = retry
        self.max_item_size = max_item_size

    async def run(self, operation: Operation[T], request: dict[str, Any], /) -> T:
        return parsed(operation, await self.http.request(**request))

    def stream(self, items: Items[T], request: dict[str, Any], /) -> AsyncItemIterator[T]:
        """The items of the answer, parsed as it streams in (sent when iterated)."""
        return AsyncItemIterator(self.http, items, request, self.max_item_size)
