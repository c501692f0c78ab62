"""Running operations: the one seam between `which50` and the generated resources.

Every generated resource method (`which50_resources`) builds its request and hands it, with its
`Operation`, to `SyncRunner.run` or `AsyncRunner.run`. The request is sent through the
configured client, whose transport retries and raises the `which50` error for any non-2xx
status; the operation then parses the 2xx answer, and an answer that does not fit the spec is
`UnexpectedResponseError`, naming the member at fault.
"""

from __future__ import annotations

from typing import Any, TypeVar

import httpx
from which50_resources._runtime import Mismatch, Operation

from ._errors import UnexpectedResponseError, make_status_error
from ._retry import RetryPolicy

__all__ = ["AsyncRunner", "SyncRunner"]

T = TypeVar("T")


def _unparsable(response: httpx.Response, reason: str) -> UnexpectedResponseError:
    error = make_status_error(
        method=response.request.method,
        url=response.request.url,
        status_code=response.status_code,
        headers=response.headers,
        content=response.content,
        reason=reason,
    )
    assert isinstance(error, UnexpectedResponseError)
    return error


def _parsed(operation: Operation[T], response: httpx.Response) -> T:
    try:
        return operation.parse(response.status_code, response.content)
    except Mismatch as problem:
        raise _unparsable(response, problem.reason) from None


class SyncRunner:
    """Runs operations against one configured `httpx.Client`."""

    def __init__(self, http: httpx.Client, retry: RetryPolicy) -> None:
        self.http = http
        self.retry = retry

    def run(self, operation: Operation[T], request: dict[str, Any], /) -> T:
        return _parsed(operation, self.http.request(**request))


class AsyncRunner:
    """Runs operations against one configured `httpx.AsyncClient`."""

    def __init__(self, http: httpx.AsyncClient, retry: RetryPolicy) -> None:
        self.http = http
        self.retry = retry

    async def run(self, operation: Operation[T], request: dict[str, Any], /) -> T:
        return _parsed(operation, await self.http.request(**request))
