"""An answer parsed by its operation, with a mismatch reported as the `which50` error (both
runners use it: the sync one is generated from `_async/runner.py`)."""

from __future__ import annotations

from typing import TypeVar

import httpx
from which50_resources._runtime import Mismatch, Operation

from ._errors import UnexpectedResponseError, make_status_error

__all__ = ["parsed"]

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


def parsed(operation: Operation[T], response: httpx.Response) -> T:
    """The operation's parse of a 2xx answer, or `UnexpectedResponseError`."""
    try:
        return operation.parse(response.status_code, response.content)
    except Mismatch as problem:
        raise _unparsable(response, problem.reason) from None
