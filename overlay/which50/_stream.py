"""A long answer's bare JSON array, parsed as it streams in: what the iterators share, with no
I/O (``contact_lists.iter_contacts`` and the other ``iter_*`` methods; the loops that read the
body are `which50/_async/stream.py` and its generated sync twin).

The API has no paging: a list's contacts come back as one array, which can be hundreds of
megabytes. `ArrayItems` takes the body chunk by chunk and hands back the items completed so
far, each checked by its operation (`Items.parse`) into the same type as the list method's
items, so memory holds one chunk and the items of that chunk, whatever the answer's length.

The parser is ijson's C backend (yajl2_c, which its wheels carry), through its push interface
(``items_coro``): the same calls serve both twins. benchmarks/bench_stream_parsers.py measured
it against ijson's pure-Python backend and json-stream with its Rust tokenizer (about seven
times faster than either, and within about twice `json.loads` of the whole body).

Every failure is a `which50` error: a connection cut part way is `APIConnectionError` (a
timeout `APITimeoutError`), a body that is not a JSON array, ends early or holds an item that
does not fit the spec is `UnexpectedResponseError`. The items before the failure were yielded
already; nothing can resume the answer.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Generic, TypeVar

import httpx
import ijson
from which50_resources._runtime import Items, Mismatch

from ._errors import (
    APIConnectionError,
    APITimeoutError,
    UnexpectedResponseError,
    Which50Error,
    make_status_error,
)
from ._redact import redact_url

__all__ = ["FEED_SIZE", "STREAM_FAILURES", "ArrayItems"]

T = TypeVar("T")

_WHITESPACE = b" \t\r\n"
_BOM = b"\xef\xbb\xbf"

FEED_SIZE = 16 * 1024
"""Bytes of the body fed to the parser at a time, at most (a longer chunk from the network is
fed in slices, each slice's items handed out before the next): the items of one feed are alive
together, and fewer at once leave less work to Python's garbage
collector (7.9 µs of CPU per item rather than 11.0 with the network's own chunks, in one
side-by-side trial of 200,000 contacts)."""

STREAM_FAILURES = (httpx.TransportError, httpx.DecodingError)
"""What reading the body may raise part way (see `ArrayItems.failed`)."""


class ArrayItems(Generic[T]):
    """One streamed answer: fed the body's chunks, it returns the items each one completes.

    ``limit`` (the client's ``max_response_size``) bounds what one item may take: more bytes
    than that without an item completing is `UnexpectedResponseError`, so an answer that is one
    endless item cannot exhaust memory. The whole answer has no bound.
    """

    __slots__ = (
        "_coro",
        "_found",
        "_index",
        "_items",
        "_limit",
        "_pending",
        "_started",
        "response",
    )

    def __init__(self, items: Items[T], response: httpx.Response, limit: int | None) -> None:
        self._items = items
        self.response = response
        self._limit = limit
        self._found: list[Any] = ijson.sendable_list()
        self._coro: Any = ijson.items_coro(self._found, "item", use_float=True)
        self._index = 0
        self._pending = 0  # bytes fed since an item last completed
        self._started = False  # the first byte of the JSON was seen, and it opens an array

    def feed(self, chunk: bytes) -> Iterator[T]:
        """The items that ``chunk`` completes, checked (fed `FEED_SIZE` bytes at a time)."""
        if len(chunk) <= FEED_SIZE:
            yield from self._feed(chunk)
            return
        for start in range(0, len(chunk), FEED_SIZE):
            yield from self._feed(chunk[start : start + FEED_SIZE])

    def _feed(self, chunk: bytes) -> list[T]:
        if not self._started:
            chunk = self._opening(chunk)
        self._pending += len(chunk)
        try:
            self._coro.send(chunk)
        except ijson.JSONError as error:
            raise self._unparsable(f"the body is not valid JSON: {error}") from None
        if not self._found:
            if self._limit is not None and self._pending > self._limit:
                raise self._unparsable(
                    f"an item of the array is longer than max_response_size ({self._limit:,} "
                    "bytes); raise it on the client if this answer is expected"
                )
            return []
        self._pending = 0
        return self._take()

    def end(self) -> list[T]:
        """The body ended: the items it completes, or an error when the array is not closed."""
        if not self._started:
            raise self._unparsable("the body is empty, not a JSON array")
        try:
            self._coro.close()
        except ijson.JSONError as error:
            raise self._unparsable(f"the body ends before its array does: {error}") from None
        return self._take()

    def failed(self, error: Exception) -> Which50Error:
        """The `which50` error for a failure while the body streamed (`STREAM_FAILURES`)."""
        request = self.response.request
        where = f"{request.method} {redact_url(request.url)}"
        if isinstance(error, httpx.TransportError):
            cls = (
                APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
            )
            detail = str(error) or type(error).__name__
            return cls(
                f"{where}: the answer was cut short after {self._index:,} items, and cannot be "
                f"resumed (the API has no paging): {detail}",
                request=request,
            )
        return self._unparsable(f"the body does not decode as its Content-Encoding says: {error}")

    def _opening(self, chunk: bytes) -> bytes:
        """Before the first byte of JSON: it must open an array (a body of another shape would
        give no items, silently)."""
        if chunk.startswith(_BOM):
            chunk = chunk[len(_BOM) :]
        text = chunk.lstrip(_WHITESPACE)
        if text:
            if text[:1] != b"[":
                raise self._unparsable("the body is not a JSON array")
            self._started = True
        return chunk

    def _take(self) -> list[T]:
        found = self._found
        try:
            out = self._items.parse_all(self._index, found)
        except Mismatch as problem:
            at = self._index if problem.at is None else problem.at
            raise self._unparsable(problem.reason, found[at - self._index]) from None
        self._index += len(found)
        found.clear()
        return out

    def _unparsable(self, reason: str, item: object = None) -> UnexpectedResponseError:
        response = self.response
        content = b"" if item is None else json.dumps(item, default=str).encode("utf-8")
        error = make_status_error(
            method=response.request.method,
            url=response.request.url,
            status_code=response.status_code,
            headers=response.headers,
            content=content,
            reason=reason,
        )
        assert isinstance(error, UnexpectedResponseError)
        return error
