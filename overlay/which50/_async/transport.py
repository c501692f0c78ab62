# The sync twin is generated from this file: run `make unasync` after a change.
"""The retry transport's loop, and the transport over a caller's own client.

Only the I/O is here: sending, reading the body, waiting between attempts. Every decision
(retry or not, how long to wait, the deadline, the error to raise, the log lines) and the body's
decoding are made by `_Attempts` and `_Body` in `which50._transport`, shared by both twins.
"""

from __future__ import annotations

from collections.abc import AsyncIterable
from typing import TYPE_CHECKING, cast

import httpx

from .. import _retry
from .._errors import ClientClosedError
from .._transport import _Attempts, _Body, _BodyError

if TYPE_CHECKING:
    from .._config import ClientConfig

__all__ = ["AsyncClientTransport", "AsyncRetryTransport"]


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wraps the transport that talks to the network: retries, deadline, body reading, errors
    and logs (see `which50._transport`)."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        config: ClientConfig,
        *,
        owns_inner: bool = True,
    ) -> None:
        self._inner = inner
        self._config = config
        self._owns_inner = owns_inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        attempts = _Attempts(request, self._config)
        while True:
            attempts.begin()
            try:
                response = await self._inner.handle_async_request(request)
                gatherer = attempts.body(response)
                content = None if gatherer is None else await _aread(response, gatherer)
                delay = attempts.after_status(response)
                if delay is None:
                    return attempts.finish(response, content, bool(gatherer and gatherer.decoded))
            except httpx.TransportError as error:
                delay = attempts.after_error(error)
            except _BodyError as problem:
                raise attempts.unusable(response, problem) from None
            except OSError as error:
                raise attempts.local(error) from error
            finally:
                attempts.end()
            await _retry.asleep(delay)

    async def aclose(self) -> None:
        if self._owns_inner:
            await self._inner.aclose()


async def _aread(response: httpx.Response, body: _Body) -> bytes:
    """The decoded body, read to the end from the transport's stream, which is closed either
    way. The response itself is left unread, for its new stream."""
    stream = cast(AsyncIterable[bytes], response.stream)
    try:
        async for chunk in stream:
            body.add(chunk)
        return body.finish()
    finally:
        await cast(httpx.AsyncByteStream, stream).aclose()


class AsyncClientTransport(httpx.AsyncBaseTransport):
    """Sends through a caller's own `httpx.AsyncClient` (``http_client=``), which this never
    closes."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._client.is_closed:
            raise ClientClosedError(request=request)
        return await self._client.send(request, stream=True)
