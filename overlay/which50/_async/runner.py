# The sync twin is generated from this file: run `make unasync` after a change.
"""The runner: sends an operation's request through the configured client and parses the
answer (see `which50._runner`)."""

from __future__ import annotations

from typing import Any, TypeVar

import httpx
from which50_resources._runtime import Operation

from .._parse import parsed
from .._retry import RetryPolicy

__all__ = ["AsyncRunner"]

T = TypeVar("T")


class AsyncRunner:
    """Runs operations against one configured `httpx.AsyncClient`."""

    def __init__(self, http: httpx.AsyncClient, retry: RetryPolicy) -> None:
        self.http = http
        self.retry = retry

    async def run(self, operation: Operation[T], request: dict[str, Any], /) -> T:
        return parsed(operation, await self.http.request(**request))
