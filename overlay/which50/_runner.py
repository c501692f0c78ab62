"""Calling a generated endpoint: the one seam between `which50` and `which50_client`.

Every resource method ends in `SyncRunner.run` or `AsyncRunner.run`. They pass the generated
client, and turn what the generated code cannot say into `which50` errors: a 2xx body that does
not parse (the generated parsers raise `KeyError`, `TypeError`, `ValueError`, or `RecursionError`
on a body nested too deeply: whatever they raise once a response is in) or that parses to
nothing. Error statuses never get here: the transport raised them already.
"""

from __future__ import annotations

import datetime
import functools
import typing
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

import httpx
from which50_client import Client
from which50_client.types import File, Response

from ._errors import UnexpectedResponseError, Which50Error, make_status_error
from ._retry import RetryPolicy
from ._transport import Capture, begin_capture, end_capture

if TYPE_CHECKING:
    from pydantic import TypeAdapter
    from which50_client.models import Error

__all__ = ["AsyncRunner", "SyncRunner"]

T = TypeVar("T")


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


def _brief(exc: Exception) -> str:
    """An exception as one short line (a parser's message may quote the body at length)."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= 200 else text[:200] + "…"


class _Lazy:
    """Names from modules that load on first use (pydantic, the generated models)."""

    def __init__(self) -> None:
        from pydantic import ValidationError
        from which50_client.models import Error

        self.Error = Error
        self.ValidationError = ValidationError


@functools.cache
def _lazy() -> _Lazy:
    return _Lazy()


def _real_datetime(value: Any) -> Any:
    """A `ServerTime` whose text is a date-time Python can parse (else a validation error)."""
    datetime.datetime.fromisoformat(value.root)
    return value


@functools.cache
def _schema(endpoint: Callable[..., Any]) -> TypeAdapter[Any] | None:
    """The pydantic (`which50_models`) validator of an endpoint's 2xx JSON body, or ``None``
    for a binary body. The generated parsers check shapes only loosely (a wrong type, or an
    array for an object, slips through), so each body is also checked against the spec."""
    import which50_models
    from pydantic import TypeAdapter
    from which50_client.models import Error

    returned = typing.get_type_hints(endpoint)["return"]  # Response[X | Error]
    (union,) = typing.get_args(returned)
    (target,) = [member for member in typing.get_args(union) or (union,) if member is not Error]
    if target is File:
        return None
    if target is str:
        # The one bare-string answer, getServerTime's. The spec's pattern (ServerTime) lets a
        # month 13 through; the overlay parses the string, so it must be a real date-time too.
        from pydantic import AfterValidator

        real = AfterValidator(_real_datetime)
        return TypeAdapter(typing.Annotated[which50_models.ServerTime, real])
    if typing.get_origin(target) is list:
        (item,) = typing.get_args(target)
        model: Any = getattr(which50_models, item.__name__)
        return TypeAdapter(list[model])
    return TypeAdapter(getattr(which50_models, target.__name__))


def _checked(seen: Capture, endpoint: Callable[..., Any], response: Response[T | Error]) -> T:
    parsed = response.parsed
    lazy = _lazy()
    if parsed is None or isinstance(parsed, lazy.Error):
        raise _unparsable(seen, f"status {int(response.status_code)} is not in the spec")
    schema = _schema(endpoint)
    if schema is not None:
        try:
            schema.validator.validate_json(response.content)
        except lazy.ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "the body"
            raise _unparsable(seen, f"{where}: {first['msg']}") from None
    return parsed


class SyncRunner:
    """Runs generated ``sync_detailed`` functions against one configured client."""

    def __init__(self, api: Client, http: httpx.Client, retry: RetryPolicy) -> None:
        self.api = api
        self.http = http
        self.retry = retry

    def run(self, endpoint: Callable[..., Response[T | Error]], /, *args: Any, **kwargs: Any) -> T:
        seen, token = begin_capture()
        try:
            response = endpoint(*args, client=self.api, **kwargs)
        except Which50Error:
            raise
        except Exception as exc:
            if seen.response is None:  # raised while building the request: the caller's
                raise
            raise _unparsable(seen, f"the body does not parse: {_brief(exc)}") from exc
        finally:
            end_capture(token)
        return _checked(seen, endpoint, response)


class AsyncRunner:
    """Runs generated ``asyncio_detailed`` functions against one configured client."""

    def __init__(self, api: Client, http: httpx.AsyncClient, retry: RetryPolicy) -> None:
        self.api = api
        self.http = http
        self.retry = retry

    async def run(
        self,
        endpoint: Callable[..., Awaitable[Response[T | Error]]],
        /,
        *args: Any,
        **kwargs: Any,
    ) -> T:
        seen, token = begin_capture()
        try:
            response = await endpoint(*args, client=self.api, **kwargs)
        except Which50Error:
            raise
        except Exception as exc:
            if seen.response is None:
                raise
            raise _unparsable(seen, f"the body does not parse: {_brief(exc)}") from exc
        finally:
            end_capture(token)
        return _checked(seen, endpoint, response)
