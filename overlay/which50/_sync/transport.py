# Generated from overlay/which50/_async/transport.py by scripts/unasync.py: do not edit.
"""The retry transport's loop, and the transport over a caller's own client.

Only the I/O is here: sending, reading the body, waiting between attempts. Every decision
(retry or not, how long to wait, the deadline, the error to raise, the log lines) and the body's
decoding are made by `_Attempts` and `_Body` in `which50._transport`, shared by both twins.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

import httpx

from .. import _retry
from .._errors import ClientClosedError
from .._transport import _Attempts, _Body, _BodyError

if TYPE_CHECKING:
    from .._config import ClientConfig

__all__ = ["ClientTransport", "RetryTransport"]


class RetryTransport(httpx.BaseTransport):
    """Wraps the transport that talks to the network: retries, deadline, body reading, errors
    and logs (see `which50._transport`)."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        config: ClientConfig,
        *,
        owns_inner: bool = True,
    ) -> None:
        self._inner = inner
        self._config = config
        self._owns_inner = owns_inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempts = _Attempts(request, self._config)
        while True:
            attempts.begin()
            try:
                response = self._inner.handle_request(request)
                gatherer = attempts.body(response)
                content = None if gatherer is None else _read(response, gatherer)
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
            _retry.sleep(delay)

    def close(self) -> None:
        if self._owns_inner:
            self._inner.close()


def _read(response: httpx.Response, body: _Body) -> bytes:
    """The decoded body, read to the end from the transport's stream, which is closed either
    way. The response itself is left unread, for its new stream."""
    stream = cast(Iterable[bytes], response.stream)
    try:
        for chunk in stream:
            body.add(chunk)
        return body.finish()
    finally:
        cast(httpx.SyncByteStream, stream).close()


class ClientTransport(httpx.BaseTransport):
    """Sends through a caller's own `httpx.Client` (``http_client=``), which this never
    closes."""

    def __init__(self, client: httpx.Client) -> None:
        self._client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._client.is_closed:
            raise ClientClosedError(request=request)
        return self._client.send(request, stream=True)
