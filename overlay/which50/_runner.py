"""Calling a generated endpoint: the one seam between `which50` and `which50_client`.

Every resource method ends in `SyncRunner.run` or `AsyncRunner.run`. They pass the generated
client, and turn what the generated code cannot say into `which50` errors: a 2xx body that does
not parse (the generated parsers raise `KeyError`, `TypeError` or `ValueError`) or that parses to
nothing. Error statuses never get here: the transport raised them already.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx
from which50_client import Client
from which50_client.models.error import Error
from which50_client.types import Response

from ._errors import UnexpectedResponseError, make_status_error
from ._transport import Capture, capture

__all__ = ["AsyncRunner", "SyncRunner"]

T = TypeVar("T")

# What the generated parsers raise on a body that is not what the spec says.
_PARSE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError)


def _unparsable(seen: Capture, reason: str) -> UnexpectedResponseError:
    response = seen.response
    assert response is not None
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


def _checked(seen: Capture, response: Response[T | Error]) -> T:
    parsed = response.parsed
    if parsed is None or isinstance(parsed, Error):
        raise _unparsable(seen, f"status {int(response.status_code)} is not in the spec")
    return parsed


class SyncRunner:
    """Runs generated ``sync_detailed`` functions against one configured client."""

    def __init__(self, api: Client, http: httpx.Client) -> None:
        self.api = api
        self.http = http

    def run(self, endpoint: Callable[..., Response[T | Error]], /, *args: Any, **kwargs: Any) -> T:
        with capture() as seen:
            try:
                response = endpoint(*args, client=self.api, **kwargs)
            except _PARSE_ERRORS as exc:
                if seen.response is None:  # raised while building the request: the caller's
                    raise
                raise _unparsable(seen, f"the body does not parse: {exc!r}") from exc
            return _checked(seen, response)


class AsyncRunner:
    """Runs generated ``asyncio_detailed`` functions against one configured client."""

    def __init__(self, api: Client, http: httpx.AsyncClient) -> None:
        self.api = api
        self.http = http

    async def run(
        self,
        endpoint: Callable[..., Awaitable[Response[T | Error]]],
        /,
        *args: Any,
        **kwargs: Any,
    ) -> T:
        with capture() as seen:
            try:
                response = await endpoint(*args, client=self.api, **kwargs)
            except _PARSE_ERRORS as exc:
                if seen.response is None:
                    raise
                raise _unparsable(seen, f"the body does not parse: {exc!r}") from exc
            return _checked(seen, response)
