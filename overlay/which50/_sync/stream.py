# Generated from overlay/which50/_async/stream.py by scripts/unasync.py: do not edit.
"""The iterator behind every ``iter_*`` method: sends the request when iterated, and yields the
items of the answer's array as they stream in (the parsing, checks and errors are
`which50._stream.ArrayItems`, shared by both twins)."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any, Generic, Self, TypeVar

import httpx
from which50_resources._runtime import Items

from .._stream import STREAM_FAILURES, ArrayItems
from .._transport import STREAM_EXTENSION

__all__ = ["ItemIterator"]

T = TypeVar("T")


class ItemIterator(Generic[T]):
    """The items of one long answer: ``for item in ...``. The request is sent at the first
    item; retries, the deadline and errors apply to it as to any call until the answer's headers
    arrive, and the body then streams as long as each read keeps within the read timeout.

    One pass only: the API has no paging, so a failure part way cannot resume, and the items
    cannot be read twice without asking again. ``close()``, or leaving an ``with`` block,
    closes the connection of an answer left part way. ``response`` is the `httpx.Response` once
    the headers arrived (its body is the stream being read)."""

    def __init__(
        self, http: httpx.Client, items: Items[T], request: dict[str, Any], limit: int | None
    ) -> None:
        self._http = http
        self._items = items
        self._request = {**request, "extensions": {STREAM_EXTENSION: True}}
        self._limit = limit
        self._generator: Generator[T] | None = None
        self.response: httpx.Response | None = None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._items.operation.operation_id}>"

    def __iter__(self) -> Generator[T]:
        # The generator itself: a loop over the items runs no Python frame of this class.
        if self._generator is None:
            self._generator = self._each()
        return self._generator

    def __next__(self) -> T:
        return self.__iter__().__next__()

    def _each(self) -> Generator[T]:
        with self._http.stream(**self._request) as response:
            self.response = response
            array = ArrayItems(self._items, response, self._limit)
            try:
                for chunk in response.iter_bytes():
                    for item in array.feed(chunk):
                        yield item
            except STREAM_FAILURES as error:
                raise array.failed(error) from error
            for item in array.end():
                yield item

    def close(self) -> None:
        """Close the connection, if the answer was left part way; the iterator ends."""
        if self._generator is None:
            self._generator = self._each()
        self._generator.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
