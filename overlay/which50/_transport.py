"""The transports beneath every endpoint: retries, logging, error mapping and body buffering.

`RetryTransport` and `AsyncRetryTransport` wrap the transport that talks to the network. For each
request they:

- send it, retrying connect errors, dropped connections, timeouts and retryable statuses as the
  `RetryPolicy` decides, waiting through `_retry.sleep` (which tests replace);
- read the whole body inside the retry loop (unless the request is marked streaming), so a body
  cut short is a retryable transport error instead of an exception deep in a parser;
- raise the `which50` error for any non-2xx status, with the method, URL, status and body;
- log method, URL, status, elapsed time and retries to the ``which50`` logger.
"""

from __future__ import annotations

import contextvars
import logging
import time
from typing import cast

import httpx

from . import _retry
from ._errors import APIConnectionError, APITimeoutError, make_status_error
from ._redact import redact_url
from ._retry import RetryPolicy, parse_retry_after

__all__ = [
    "STREAM_EXTENSION",
    "AsyncRetryTransport",
    "Capture",
    "RetryTransport",
    "begin_capture",
    "capture",
    "end_capture",
    "logger",
]

logger = logging.getLogger("which50")

STREAM_EXTENSION = "which50.stream"
"""Request extension: leave a 2xx body unread, for the caller to stream."""


class Capture:
    """The last response the transport handed up in this context (see `capture`), also
    recorded on the enclosing captures (a raw response around a call, for instance)."""

    __slots__ = ("parent", "response")

    def __init__(self, parent: Capture | None = None) -> None:
        self.parent = parent
        self.response: httpx.Response | None = None


_capture: contextvars.ContextVar[Capture | None] = contextvars.ContextVar(
    "which50_capture", default=None
)


class capture:
    """Record the response of the calls made inside the block (for raw responses and for
    errors about bodies that do not parse). A class rather than a generator: it is on every
    call's path."""

    __slots__ = ("_token",)

    def __enter__(self) -> Capture:
        holder = Capture(_capture.get())
        self._token = _capture.set(holder)
        return holder

    def __exit__(self, *exc_info: object) -> None:
        _capture.reset(self._token)


def begin_capture() -> tuple[Capture, contextvars.Token[Capture | None]]:
    """`capture` without the `with`, for the hot path: reset the token when done."""
    holder = Capture(_capture.get())
    return holder, _capture.set(holder)


def end_capture(token: contextvars.Token[Capture | None]) -> None:
    _capture.reset(token)


class _Attempts:
    """One request's attempts: the decisions and the log lines, shared by both transports."""

    __slots__ = ("buffered", "policy", "request", "retries", "started")

    def __init__(self, request: httpx.Request, policy: RetryPolicy) -> None:
        self.request = request
        self.policy = policy
        self.retries = 0
        self.started = time.monotonic()
        self.buffered = not request.extensions.get(STREAM_EXTENSION, False)

    def after_error(self, error: httpx.TransportError) -> float:
        """The wait before the next attempt, or raise the `which50` error."""
        method = self.request.method
        if self.policy.should_retry_error(method, error, self.retries):
            return self._retry_in(self.policy.backoff(self.retries), type(error).__name__)
        self._log_outcome(type(error).__name__)
        cls = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
        detail = str(error) or type(error).__name__
        raise cls(
            f"{method} {redact_url(self.request.url)} failed after {self.retries} retries: "
            f"{detail}",
            request=self.request,
        ) from error

    def after_status(self, response: httpx.Response) -> float | None:
        """The wait before the next attempt, or ``None`` to hand this response up."""
        status = response.status_code
        if status < 400 or not self.policy.should_retry_status(
            self.request.method, status, self.retries
        ):
            return None
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        delay = self.policy.retry_delay(self.retries, retry_after)
        return None if delay is None else self._retry_in(delay, str(status))

    def finish(self, response: httpx.Response, content: bytes | None) -> httpx.Response:
        """Raise for an error status; otherwise the response, with its body if buffered."""
        self._log_outcome(response.status_code)
        if not 200 <= response.status_code < 300:
            raise make_status_error(
                method=self.request.method,
                url=self.request.url,
                status_code=response.status_code,
                headers=response.headers,
                content=content or b"",
            )
        if content is not None:
            # The body is in memory: hand it up as a fresh stream of the same response.
            response.stream = httpx.ByteStream(content)
        holder = _capture.get()
        while holder is not None:
            holder.response = response
            holder = holder.parent
        return response

    def _retry_in(self, delay: float, why: str) -> float:
        self.retries += 1
        if logger.isEnabledFor(logging.INFO):
            logger.info(
                "retrying %s %s in %.2f s (retry %d of %d) after %s",
                self.request.method,
                redact_url(self.request.url),
                delay,
                self.retries,
                self.policy.max_retries,
                why,
            )
        return delay

    def _log_outcome(self, outcome: object) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %s in %.1f ms (retries: %d)",
                self.request.method,
                redact_url(self.request.url),
                outcome,
                (time.monotonic() - self.started) * 1000.0,
                self.retries,
            )


class RetryTransport(httpx.BaseTransport):
    """The sync transport wrapper (see the module docstring)."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        policy: RetryPolicy,
        *,
        owns_inner: bool = True,
    ) -> None:
        self._inner = inner
        self._policy = policy
        self._owns_inner = owns_inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempts = _Attempts(request, self._policy)
        while True:
            try:
                response = self._inner.handle_request(request)
                buffer = attempts.buffered or not 200 <= response.status_code < 300
                content = _read(response) if buffer else None
            except httpx.TransportError as error:
                _retry.sleep(attempts.after_error(error))
                continue
            delay = attempts.after_status(response)
            if delay is None:
                return attempts.finish(response, content)
            _retry.sleep(delay)

    def close(self) -> None:
        if self._owns_inner:
            self._inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The async twin of `RetryTransport`."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        *,
        owns_inner: bool = True,
    ) -> None:
        self._inner = inner
        self._policy = policy
        self._owns_inner = owns_inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        attempts = _Attempts(request, self._policy)
        while True:
            try:
                response = await self._inner.handle_async_request(request)
                buffer = attempts.buffered or not 200 <= response.status_code < 300
                content = await _aread(response) if buffer else None
            except httpx.TransportError as error:
                await _retry.asleep(attempts.after_error(error))
                continue
            delay = attempts.after_status(response)
            if delay is None:
                return attempts.finish(response, content)
            await _retry.asleep(delay)

    async def aclose(self) -> None:
        if self._owns_inner:
            await self._inner.aclose()


def _read(response: httpx.Response) -> bytes:
    """The raw (still encoded) body, read to the end from the transport's stream, which is
    closed either way. The response itself is left unread, for its new stream."""
    stream = cast(httpx.SyncByteStream, response.stream)
    try:
        return b"".join(stream)
    finally:
        stream.close()


async def _aread(response: httpx.Response) -> bytes:
    stream = cast(httpx.AsyncByteStream, response.stream)
    try:
        return b"".join([chunk async for chunk in stream])
    finally:
        await stream.aclose()


class ClientTransport(httpx.BaseTransport):
    """Sends through a caller's own `httpx.Client` (``http_client=``), which this never closes."""

    def __init__(self, client: httpx.Client) -> None:
        self._client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._client.send(request, stream=True)


class AsyncClientTransport(httpx.AsyncBaseTransport):
    """Sends through a caller's own `httpx.AsyncClient`, which this never closes."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._client.send(request, stream=True)
