"""Running operations: the one seam between `which50` and the generated code.

Every resource method ends in `SyncRunner.run` or `AsyncRunner.run` with an `Operation` (see
`_operation.py`): the request it builds is sent through the configured client, whose transport
retries and raises the `which50` error for any non-2xx status, and the operation parses the
answer.
"""

from __future__ import annotations

from typing import Any, TypeVar

import httpx

from ._operation import Operation
from ._retry import RetryPolicy

__all__ = ["AsyncRunner", "Operation", "SyncRunner"]

T = TypeVar("T")


class SyncRunner:
    """Runs operations against one configured `httpx.Client`."""

    def __init__(self, http: httpx.Client, retry: RetryPolicy) -> None:
        self.http = http
        self.retry = retry

    def run(self, operation: Operation[T], /, *args: Any, **kwargs: Any) -> T:
        response = self.http.request(**operation.request(*args, **kwargs))
        return operation.parse(response)


class AsyncRunner:
    """Runs operations against one configured `httpx.AsyncClient`."""

    def __init__(self, http: httpx.AsyncClient, retry: RetryPolicy) -> None:
        self.http = http
        self.retry = retry

    async def run(self, operation: Operation[T], /, *args: Any, **kwargs: Any) -> T:
        response = await self.http.request(**operation.request(*args, **kwargs))
        return operation.parse(response)
