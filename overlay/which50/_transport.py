"""The transports beneath every endpoint: retries, deadline, logging, error mapping and body
buffering.

`RetryTransport` and `AsyncRetryTransport` (`_sync/transport.py`, `_async/transport.py`) wrap
the transport that talks to the network. For each request they:

- send it, retrying connect errors, dropped connections, timeouts and retryable statuses as the
  `RetryPolicy` decides, waiting through `_retry.sleep` (which tests replace);
- hold the call to its total deadline (`_deadline`): no attempt, wait or read goes past it, and a
  call that reaches it raises `APITimeoutError`;
- read the whole body inside the retry loop (unless the request is marked streaming), so a body
  cut short is a retryable transport error instead of an exception deep in a parser; the body is
  decoded here too (gzip, deflate), and one longer than ``max_response_size`` once decoded stops
  the read with `UnexpectedResponseError`, so a decompression bomb cannot exhaust memory;
- raise the `which50` error for any non-2xx status, with the method, URL, status and body;
- log method, URL, status, elapsed time and retries to the ``which50`` logger.

This module is what both twins share, with no I/O: `_Attempts` makes every decision of one
request's attempts and `_Body` gathers and decodes a body fed chunk by chunk, so the twins are
only their loops (send, read, wait). That loop is written once, in `_async/transport.py`, and
the sync twin is generated from it (scripts/unasync.py).
"""

from __future__ import annotations

import contextvars
import logging
import time
import zlib
from typing import TYPE_CHECKING

import httpx

from ._auth import secret_values
from ._config import config_hint
from ._errors import (
    APIConnectionError,
    APITimeoutError,
    LocalFileError,
    UnexpectedResponseError,
    make_status_error,
)
from ._redact import redact_url
from ._retry import parse_retry_after
from ._time_left import deadline_at

if TYPE_CHECKING:
    from ._config import ClientConfig

__all__ = [
    "STREAM_EXTENSION",
    "Capture",
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


class _BodyError(Exception):
    """The body cannot be used as it came (too long, or not decodable): why."""


class _Inflate:
    """One zlib stage of a body's Content-Encoding, its output bounded."""

    def __init__(self, encoding: str) -> None:
        self._gzip = encoding in ("gzip", "x-gzip")
        self._first = True
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16 if self._gzip else zlib.MAX_WBITS)

    def feed(self, data: bytes, room: int | None) -> bytes:
        """Decode ``data``; more than ``room`` bytes out is an error."""
        try:
            out = self._zlib.decompress(data, 0 if room is None else room + 1)
        except zlib.error:
            if self._gzip or not self._first:
                raise _BodyError("the body does not decode as its Content-Encoding says") from None
            # "deflate" is sometimes sent raw, without the zlib header (as httpx allows too).
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            self._first = False
            return self.feed(data, room)
        self._first = False
        if room is not None and len(out) > room:
            raise _BodyError("")
        return out

    def flush(self) -> bytes:
        return self._zlib.flush()


class _Body:
    """A response body gathered chunk by chunk: decoded, bounded in size and by the deadline."""

    __slots__ = ("_limit", "_parts", "_size", "_stages", "deadline")

    _stages: list[_Inflate]

    def __init__(self, headers: httpx.Headers, limit: int | None, deadline: float | None) -> None:
        self._limit = limit
        self._size = 0
        self._parts: list[bytes] = []
        self.deadline = deadline
        self._stages: list[_Inflate] = []
        encoding = headers.get("content-encoding")  # several headers come comma-joined
        if not encoding:
            return
        names = [part.strip().lower() for part in encoding.split(",")]
        names = [name for name in names if name and name != "identity"]
        unknown = [name for name in names if name not in _ENCODINGS]
        if unknown:
            raise _BodyError(f"the body's Content-Encoding {unknown[0]!r} is not supported")
        # Applied in the reverse order of the header's listing, as RFC 9110 says.
        self._stages = [_Inflate(name) for name in reversed(names)]

    @property
    def decoded(self) -> bool:
        """Whether the body came encoded (and so changed here)."""
        return bool(self._stages)

    def add(self, chunk: bytes) -> None:
        if self.deadline is not None and time.monotonic() >= self.deadline:
            raise httpx.ReadTimeout("the call's deadline passed")
        for stage in self._stages:
            chunk = stage.feed(chunk, self._room())
        self._keep(chunk)

    def finish(self) -> bytes:
        for index, stage in enumerate(self._stages):
            tail = stage.flush()
            for later in self._stages[index + 1 :]:
                tail = later.feed(tail, self._room())
            self._keep(tail)
        return b"".join(self._parts)

    def _room(self) -> int | None:
        return None if self._limit is None else self._limit - self._size

    def _keep(self, chunk: bytes) -> None:
        if not chunk:
            return
        self._size += len(chunk)
        if self._limit is not None and self._size > self._limit:
            raise _BodyError("")
        self._parts.append(chunk)


_ENCODINGS = frozenset({"gzip", "x-gzip", "deflate"})


class _Attempts:
    """One request's attempts: the decisions and the log lines, shared by both transports."""

    __slots__ = ("_token", "buffered", "config", "deadline", "request", "retries", "started")

    def __init__(self, request: httpx.Request, config: ClientConfig) -> None:
        self.request = request
        self.config = config
        self.retries = 0
        self.started = time.monotonic()
        self.deadline = None if config.deadline is None else self.started + config.deadline
        self.buffered = not request.extensions.get(STREAM_EXTENSION, False)
        self._token: contextvars.Token[float | None] | None = None

    def begin(self) -> None:
        """Start an attempt: the deadline goes to the network backend (`_deadline`), and each
        phase's timeout is cut to the time left (the pool wait is bounded only here)."""
        if self.deadline is None:
            return
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise self._expired(None)
        timeouts: dict[str, float | None] = self.request.extensions.get("timeout") or {}
        if any(value is None or value > left for value in timeouts.values()):
            self.request.extensions["timeout"] = {
                phase: left if value is None else min(value, left)
                for phase, value in timeouts.items()
            }
        self._token = deadline_at.set(self.deadline)

    def end(self) -> None:
        if self._token is not None:
            deadline_at.reset(self._token)
            self._token = None

    def body(self, response: httpx.Response) -> _Body | None:
        """A gatherer for the body, or ``None`` to leave a 2xx body to stream to the caller."""
        if self.buffered or not 200 <= response.status_code < 300:
            return _Body(response.headers, self.config.max_response_size, self.deadline)
        return None

    def after_error(self, error: httpx.TransportError) -> float:
        """The wait before the next attempt, or raise the `which50` error."""
        method = self.request.method
        if self._past_deadline(0.0):
            raise self._expired(error)
        if self.config.retry.should_retry_error(method, error, self.retries):
            delay = self.config.retry.backoff(self.retries)
            if not self._past_deadline(delay):
                return self._retry_in(delay, type(error).__name__)
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
        policy = self.config.retry
        if status < 400 or not policy.should_retry_status(
            self.request.method, status, self.retries
        ):
            return None
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        delay = policy.retry_delay(self.retries, retry_after)
        if delay is None or self._past_deadline(delay):
            return None
        return self._retry_in(delay, str(status))

    def unusable(self, response: httpx.Response, problem: _BodyError) -> UnexpectedResponseError:
        """The error for a body that is too long or does not decode."""
        self._log_outcome(response.status_code)
        reason = str(problem) or (
            f"the body is longer than max_response_size ({self.config.max_response_size:,} "
            "bytes once decoded); raise it on the client if this answer is expected"
        )
        error = make_status_error(
            method=self.request.method,
            url=self.request.url,
            status_code=response.status_code,
            headers=response.headers,
            content=b"",
            reason=reason,
            secrets=secret_values(self.config.auth),
        )
        assert isinstance(error, UnexpectedResponseError)
        return error

    def local(self, error: OSError) -> LocalFileError:
        """A request body (an upload's file) that failed to read."""
        return LocalFileError(
            f"{self.request.method} {redact_url(self.request.url)}: reading the request body "
            f"failed: {error.strerror or error}",
            request=self.request,
            errno=error.errno,
            filename=str(error.filename or ""),
        )

    def finish(
        self, response: httpx.Response, content: bytes | None, decoded: bool = False
    ) -> httpx.Response:
        """Raise for an error status; otherwise the response, with its body if buffered
        (``decoded``: the body came encoded, and ``content`` is what it decoded to)."""
        self._log_outcome(response.status_code)
        if not 200 <= response.status_code < 300:
            raise make_status_error(
                method=self.request.method,
                url=self.request.url,
                status_code=response.status_code,
                headers=response.headers,
                content=content or b"",
                secrets=secret_values(self.config.auth),
                hint=config_hint(self.config, response.status_code),
            )
        if content is not None:
            # The body is in memory, decoded: hand it up as a fresh stream of the same response.
            response.stream = httpx.ByteStream(content)
            if decoded:
                del response.headers["Content-Encoding"]
                response.headers["Content-Length"] = str(len(content))
        holder = _capture.get()
        while holder is not None:
            holder.response = response
            holder = holder.parent
        return response

    def _past_deadline(self, wait: float) -> bool:
        return self.deadline is not None and time.monotonic() + wait >= self.deadline

    def _expired(self, error: Exception | None) -> APITimeoutError:
        self._log_outcome("deadline")
        timeout = APITimeoutError(
            f"{self.request.method} {redact_url(self.request.url)} passed its deadline of "
            f"{self.config.deadline:g} s (after {self.retries} retries)",
            request=self.request,
        )
        timeout.__cause__ = error
        return timeout

    def _retry_in(self, delay: float, why: str) -> float:
        self.retries += 1
        if logger.isEnabledFor(logging.INFO):
            logger.info(
                "retrying %s %s in %.2f s (retry %d of %d) after %s",
                self.request.method,
                redact_url(self.request.url),
                delay,
                self.retries,
                self.config.max_retries,
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
