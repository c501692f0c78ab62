# The sync twin is generated from this file: run `make unasync` after a change.
"""The iterator behind every ``iter_*`` method: sends the request when iterated, and yields the
items of the answer's array as they stream in (the parsing, checks and errors are
`which50._stream.ArrayItems`, shared by both twins)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any, Generic, Self, TypeVar

import httpx
from which50_resources._runtime import Items

from .._stream import STREAM_FAILURES, ArrayItems
from .._transport import STREAM_EXTENSION

__all__ = ["AsyncItemIterator"]

T = TypeVar("T")


class AsyncItemIterator(Generic[T]):
    """The items of one long answer: ``async for item in ...``. The request is sent at the first
    item; retries, the deadline and errors apply to it as to any call until the answer's headers
    arrive, and the body then streams as long as each read keeps within the read timeout.

    One pass only: the API has no paging, so a failure part way cannot resume, and the items
    cannot be read twice without asking again. ``aclose()``, or leaving an ``async with`` block,
    closes the connection of an answer left part way. ``response`` is the `httpx.Response` once
    the headers arrived (its body is the stream being read)."""

    def __init__(
        self, http: httpx.AsyncClient, items: Items[T], request: dict[str, Any], limit: int | None
    ) -> None:
        self._http = http
        self._items = items
        self._request = {**request, "extensions": {STREAM_EXTENSION: True}}
        self._limit = limit
        self._generator: AsyncGenerator[T] | None = None
        self.response: httpx.Response | None = None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._items.operation.operation_id}>"

    def __aiter__(self) -> AsyncGenerator[T]:
        # The generator itself: a loop over the items runs no Python frame of this class.
        if self._generator is None:
            self._generator = self._each()
        return self._generator

    async def __anext__(self) -> T:
        return await self.__aiter__().__anext__()

    async def _each(self) -> AsyncGenerator[T]:
        async with self._http.stream(**self._request) as response:
            self.response = response
            array = ArrayItems(self._items, response, self._limit)
            try:
                async for chunk in response.aiter_bytes():
                    for item in array.feed(chunk):
                        yield item
            except STREAM_FAILURES as error:
                raise array.failed(error) from error
            for item in array.end():
                yield item

    async def aclose(self) -> None:
        """Close the connection, if the answer was left part way; the iterator ends."""
        if self._generator is None:
            self._generator = self._each()
        await self._generator.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
