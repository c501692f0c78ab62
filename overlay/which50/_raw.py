"""`client.with_raw_response`: the same calls, returning the HTTP response beside the value.

``client.with_raw_response.contacts.get(contact_id)`` returns a `RawResponse` whose
``http_response`` is the `httpx.Response` (status, headers, body) and whose ``parsed`` is what
``client.contacts.get(contact_id)`` would have returned. Errors raise exactly as they do there.
An iterator (``iter_contacts``, ...) is handed back as it is: it holds its own ``response``
once iterated, since its answer is not in hand when the call returns.

The wrappers `_sync` and `_async` are left as two hand-written twins of seven lines, rather than
moved to `_async/` for scripts/unasync.py: what they do is shared already (`capture` records
the response, `_no_response` is the one error), and what is left is the call itself, which is
``await``ed in one and not in the other; a generated module for it would be larger than both.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx
from which50_resources import ITERATORS, RESOURCE_NAMES

from ._transport import capture

if TYPE_CHECKING:
    from ._client import AsyncWhich50, Which50

__all__ = ["RawResponse", "RawResponses"]

T = TypeVar("T")

_ITERATOR_NAMES = frozenset(dotted.rsplit(".", 1)[-1] for dotted in ITERATORS.values())


@dataclass(frozen=True)
class RawResponse(Generic[T]):
    """The `httpx.Response` of a call, and its parsed value."""

    http_response: httpx.Response
    parsed: T

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers


def _no_response() -> RuntimeError:
    return RuntimeError("the call completed without an HTTP response")


def _sync(method: Callable[..., T]) -> Callable[..., RawResponse[T]]:
    @functools.wraps(method)
    def call(*args: Any, **kwargs: Any) -> RawResponse[T]:
        with capture() as seen:
            parsed = method(*args, **kwargs)
        if seen.response is None:
            raise _no_response()
        return RawResponse(seen.response, parsed)

    return call


def _async(method: Callable[..., Awaitable[T]]) -> Callable[..., Awaitable[RawResponse[T]]]:
    @functools.wraps(method)
    async def call(*args: Any, **kwargs: Any) -> RawResponse[T]:
        with capture() as seen:
            parsed = await method(*args, **kwargs)
        if seen.response is None:
            raise _no_response()
        return RawResponse(seen.response, parsed)

    return call


class _RawResource:
    def __init__(self, resource: object) -> None:
        self._resource = resource

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._resource, name)
        if hasattr(found, "_runner"):  # a sub-resource
            return _RawResource(found)
        if name.startswith("_") or not callable(found) or name in _ITERATOR_NAMES:
            return found
        return _async(found) if inspect.iscoroutinefunction(found) else _sync(found)

    def __dir__(self) -> list[str]:
        return [name for name in dir(self._resource) if not name.startswith("_")]


class RawResponses:
    """``client.with_raw_response``: every resource, its methods returning `RawResponse`
    (awaited on an `AsyncWhich50`)."""

    def __init__(self, client: Which50 | AsyncWhich50) -> None:
        for name in RESOURCE_NAMES:
            setattr(self, name, _RawResource(getattr(client, name)))

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(f"no resource {name!r}")

    def __dir__(self) -> list[str]:
        return list(RESOURCE_NAMES)
