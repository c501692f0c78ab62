"""One operation of the spec, as the overlay runs it: how its request is built and how its 2xx
answer is read.

The request comes from the generated endpoint module's `build_request` (openapi-python-client,
with one custom template: see openapi/templates/). The 2xx body is parsed once, straight from
its bytes, into the `which50_models` type the spec gives the answer (pydantic's
`validate_json`). A body that does not match (a missing member the spec calls always present,
a wrong type, bytes that are not JSON, JSON nested too deeply) is `UnexpectedResponseError`,
naming the first member at fault.
"""

from __future__ import annotations

import importlib
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

from ._errors import UnexpectedResponseError, make_status_error

if TYPE_CHECKING:
    from types import ModuleType

    from pydantic import TypeAdapter

__all__ = ["Operation"]

T = TypeVar("T")

SUCCESS_STATUS = 200
"""The only success status the spec documents, for every operation."""


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


class Operation(Generic[T]):
    """One operation of the spec: its generated endpoint module, which builds the request, and
    the `which50_models` type of its 2xx answer (``None``: the answer is bytes), with
    ``convert`` applied to the parsed value (its failure is the body's too).

    Both load on first use, so `import which50` loads neither pydantic nor the endpoints.
    """

    __slots__ = ("_adapter", "_convert", "_endpoint", "_many", "_model", "name")

    def __init__(
        self,
        name: str,
        model: str | None,
        *,
        many: bool = False,
        convert: Callable[[Any], T] | None = None,
    ) -> None:
        self.name = name
        self._model = model
        self._many = many
        self._convert = convert
        self._endpoint: ModuleType | None = None
        self._adapter: TypeAdapter[Any] | None = None

    def request(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The keyword arguments of `httpx.Client.request` (bad arguments raise here)."""
        if self._endpoint is None:
            from . import _endpoints

            self._endpoint = getattr(_endpoints, self.name)
        built: dict[str, Any] = self._endpoint.build_request(*args, **kwargs)
        return built

    def parse(self, response: httpx.Response) -> T:
        """The answer as the spec types it, or `UnexpectedResponseError`."""
        if response.status_code != SUCCESS_STATUS:
            raise _unparsable(response, f"status {response.status_code} is not in the spec")
        if self._model is None:
            return typing.cast(T, response.content)
        adapter = self._adapter or self._load()
        try:
            parsed = adapter.validate_json(response.content)
            if self._convert is not None:
                parsed = self._convert(parsed)
        except Exception as exc:  # pydantic's ValidationError, or anything stranger
            raise _unparsable(response, _describe(exc)) from None
        return typing.cast(T, parsed)

    def _load(self) -> TypeAdapter[Any]:
        from pydantic import RootModel, TypeAdapter

        models = importlib.import_module("which50_models")
        model: Any = getattr(models, typing.cast(str, self._model))
        if issubclass(model, RootModel):
            # A root model (ServerTime, LinkedDataRecord) stands for its one value: a
            # date-time, a plain dict.
            model = model.model_fields["root"].annotation
        self._adapter = TypeAdapter(list[model] if self._many else model)
        return self._adapter


REPORT_HINT = (
    "the spec says the API always sends it; please report the answer (README: When the API "
    "and the spec disagree)"
)


def _where(location: tuple[str | int, ...]) -> str:
    """A pydantic error location as a path into the JSON: ``[0].DefaultValue``."""
    path = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in location)
    return path.lstrip(".") or "the body"


def _describe(exc: Exception) -> str:
    """The first problem pydantic found, in one short line naming the member at fault."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors(include_url=False)[0]
        where = _where(tuple(first["loc"]))
        if first["type"] == "missing":
            return f"{where} is missing: {REPORT_HINT}"
        return f"{where}: {first['msg']}"
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= 200 else text[:200] + "…"
