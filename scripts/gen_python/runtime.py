"""What every generated resource method uses: the operation's description, argument checks, the
request it builds, and the parse of its answer.

The resource methods (see `resources.py`) check their arguments here, build the request with
`Operation.request` and hand it to the runner the client gave them; the runner sends it and
hands the answer back to `Operation.parse`. Nothing here sends a byte: the client's transport
does (retries, deadline, errors), and the client is `which50`, which imports this package, never
the reverse.

The answer is parsed once, from its bytes, into the `which50_models` type the spec gives it
(pydantic's `validate_json`); a body that does not fit raises `Mismatch`, which the client turns
into its `UnexpectedResponseError`.

An operation whose answer is a bare array that may be too long to hold also has `Items`, what
its iterator method hands the runner's `stream`: the runner parses the array as it streams in
and has `Items.parse` check each item, into the same type as the list method's items.
"""

from __future__ import annotations

import importlib
import math
import typing
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any, Generic, Protocol, TypeVar
from urllib.parse import quote

if TYPE_CHECKING:
    from pydantic import TypeAdapter

__all__ = [
    "MAX_JSON_DEPTH",
    "AsyncItemStream",
    "AsyncRunner",
    "FileContent",
    "ItemStream",
    "Items",
    "Mismatch",
    "Operation",
    "SyncRunner",
    "boolean",
    "choice",
    "form_fields",
    "integer",
    "json_object",
    "json_problem",
    "mapping",
    "names",
    "pairs",
    "path_text",
    "strings",
    "text",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

SUCCESS_STATUS = 200
"""The only success status the spec documents, for every operation."""

MAX_JSON_DEPTH = 64
"""Nesting the API's .NET serializer reads by default (its `MaxDepth`); deeper is refused."""

_INT_BITS = {"int32": 32, "int64": 64}

FileContent = tuple[str, IO[bytes] | bytes] | tuple[str, IO[bytes] | bytes, str]
"""A file part of a multipart body: (file name, bytes or a binary handle[, content type])."""


class Mismatch(Exception):
    """An answer that does not fit the spec: why, in one short line naming the member (and,
    for an item of an array parsed on its own, ``at``: its index)."""

    def __init__(self, reason: str, at: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.at = at


class ItemStream(Protocol[T_co]):
    """The items of a long answer, parsed as it streams in (``for item in stream``).

    The request is sent when the iteration starts; ``close()``, or leaving a ``with`` block,
    closes the connection of a stream left part way."""

    def __iter__(self) -> Iterator[T_co]: ...

    def __next__(self) -> T_co: ...

    def close(self) -> None: ...

    def __enter__(self) -> ItemStream[T_co]: ...

    def __exit__(self, *exc_info: object) -> None: ...


class AsyncItemStream(Protocol[T_co]):
    """`ItemStream` of the async client: ``async for item in stream``, ``async with``,
    ``await stream.aclose()``."""

    def __aiter__(self) -> AsyncIterator[T_co]: ...

    async def __anext__(self) -> T_co: ...

    async def aclose(self) -> None: ...

    async def __aenter__(self) -> AsyncItemStream[T_co]: ...

    async def __aexit__(self, *exc_info: object) -> None: ...


class SyncRunner(Protocol):
    """What sends a request for a sync resource and parses its answer (the client's)."""

    def run(self, operation: Operation[T], request: dict[str, Any], /) -> T: ...

    def stream(self, items: Items[T], request: dict[str, Any], /) -> ItemStream[T]: ...


class AsyncRunner(Protocol):
    """What sends a request for an async resource and parses its answer (the client's)."""

    async def run(self, operation: Operation[T], request: dict[str, Any], /) -> T: ...

    def stream(self, items: Items[T], request: dict[str, Any], /) -> AsyncItemStream[T]: ...


class Operation(Generic[T]):
    """One operation of the spec: its route, and the `which50_models` type of its 2xx answer
    (``None``: the answer is bytes), with ``convert`` applied to the parsed value."""

    __slots__ = ("_adapter", "_convert", "_many", "_model", "method", "operation_id", "path")

    def __init__(
        self,
        operation_id: str,
        method: str,
        path: str,
        model: str | None,
        *,
        many: bool = False,
        convert: Callable[[Any], T] | None = None,
    ) -> None:
        self.operation_id = operation_id
        self.method = method
        self.path = path
        self._model = model
        self._many = many
        self._convert = convert
        self._adapter: TypeAdapter[Any] | None = None

    def __repr__(self) -> str:
        return f"Operation({self.operation_id}: {self.method} {self.path})"

    def url(self, path: Mapping[str, str | int]) -> str:
        """The route with its path parameters in place, each percent-encoded whole (so a `/`,
        `?` or `#` in an id cannot change the route). Relative to the base URL."""
        filled = self.path.format_map({k: quote(str(v), safe="") for k, v in path.items()})
        return filled.lstrip("/")

    def request(
        self,
        path: Mapping[str, str | int] | None = None,
        query: Mapping[str, str | int | None] | None = None,
        **body: Any,
    ) -> dict[str, Any]:
        """The keyword arguments of `httpx.Client.request` (``body``: one of ``json``,
        ``data``, ``files``). Query values that are ``None`` are left out."""
        built: dict[str, Any] = {"method": self.method, "url": self.url(path or {})}
        params = {k: v for k, v in (query or {}).items() if v is not None}
        if params:
            built["params"] = params
        built.update(body)
        return built

    def parse(self, status: int, content: bytes) -> T:
        """The answer as the spec types it, or `Mismatch`."""
        if status != SUCCESS_STATUS:
            raise Mismatch(f"status {status} is not in the spec")
        if self._model is None:
            return typing.cast(T, content)
        adapter = self._adapter or self._load()
        try:
            parsed = adapter.validate_json(content)
            if self._convert is not None:
                parsed = self._convert(parsed)
        except Exception as exc:  # pydantic's ValidationError, or anything stranger
            raise Mismatch(_describe(exc)) from None
        return typing.cast(T, parsed)

    def _load(self) -> TypeAdapter[Any]:
        from pydantic import TypeAdapter

        model: Any = self.model_type()
        self._adapter = TypeAdapter(list[model] if self._many else model)
        return self._adapter

    def model_type(self) -> Any:
        """The `which50_models` type of the answer, or of one item of an array answer."""
        from pydantic import RootModel

        models = importlib.import_module("which50_models")
        model: Any = getattr(models, typing.cast(str, self._model))
        if isinstance(model, type) and issubclass(model, RootModel):
            # A root model (ServerTime, LinkedDataRecord) stands for its one value.
            model = model.model_fields["root"].annotation
        return model


class Items(Generic[T]):
    """The items of an operation whose answer is a bare JSON array, checked one at a time: what
    an iterator method hands the runner's ``stream``. Each item is checked into the type the
    operation's list method gives its items."""

    __slots__ = ("_validate", "operation")

    def __init__(self, operation: Operation[list[T]]) -> None:
        self.operation = operation
        self._validate: Callable[[Any], Any] | None = None

    def __repr__(self) -> str:
        return f"Items({self.operation.operation_id})"

    def parse(self, index: int, item: object) -> T:
        """Item ``index`` (from 0) of the array, already parsed from JSON, as the spec types
        it; `Mismatch` naming the member at fault (``[7].EncContactId is missing``)."""
        validate = self._validate or self._load()
        try:
            return typing.cast(T, validate(item))
        except Exception as exc:  # pydantic's ValidationError, or anything stranger
            raise Mismatch(_describe(exc, (index,)), at=index) from None

    def parse_all(self, start: int, items: list[Any]) -> list[T]:
        """Items ``start``, ``start + 1``, ... of the array, as `parse` gives each (one call
        into pydantic-core per item, no Python between them); `Mismatch` at the first that
        does not fit (found by `parse`, item by item)."""
        validate = self._validate or self._load()
        try:
            return list(map(validate, items))
        except Exception:  # the first item at fault says why, as `parse` does
            for offset, item in enumerate(items):
                self.parse(start + offset, item)
            raise

    def _load(self) -> Callable[[Any], Any]:
        from pydantic import TypeAdapter

        # The schema validator itself, not `TypeAdapter.validate_python`, whose wrapping
        # costs about as much again per item on a long answer.
        self._validate = TypeAdapter(self.operation.model_type()).validator.validate_python
        return self._validate


REPORT_HINT = (
    "the spec says the API always sends it; please report the answer (README: When the API "
    "and the spec disagree)"
)


def _where(location: tuple[str | int, ...]) -> str:
    """A pydantic error location as a path into the JSON: ``[0].DefaultValue``."""
    path = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in location)
    return path.lstrip(".") or "the body"


def _describe(exc: Exception, within: tuple[int, ...] = ()) -> str:
    """The first problem pydantic found, in one short line naming the member at fault
    (``within``: where the value checked sits in the answer)."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors(include_url=False)[0]
        where = _where((*within, *first["loc"]))
        if first["type"] == "missing":
            return f"{where} is missing: {REPORT_HINT}"
        return f"{where}: {first['msg']}"
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    if within:
        text = f"{_where(within)}: {text}"
    return text if len(text) <= 200 else text[:200] + "…"


# ---------------------------------------------------------------------------- argument checks
# Each raises TypeError or ValueError naming the argument, before anything is sent.


def integer(name: str, value: object, width: str = "int32") -> int:
    """An integer argument that fits the spec's ``format`` (int32 unless said otherwise)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    bits = _INT_BITS.get(width, 64)
    if not -(2 ** (bits - 1)) <= value < 2 ** (bits - 1):
        raise ValueError(f"{name} must fit in {bits} bits ({width}), not {value}")
    return value


def text(name: str, value: object) -> str:
    """A string argument, non-empty."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty")
    return value


def path_text(name: str, value: object) -> str:
    """A string path parameter. Percent-encoding keeps `/`, `?`, `#` and `%` from changing the
    route; `.` and `..` would, because URL resolution removes dot segments, so they are
    refused."""
    checked = text(name, value)
    if checked in (".", ".."):
        raise ValueError(f"{name} {checked!r} is not an id")
    return checked


def boolean(name: str, value: object) -> str:
    """A boolean query value, as the API reads it (``true`` / ``false``)."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, not {type(value).__name__}")
    return "true" if value else "false"


def form_fields(name: str, values: object) -> dict[str, str]:
    """Form fields of a url-encoded body: names to text (the form carries text only)."""
    if not isinstance(values, Mapping):
        raise TypeError(f"{name} must be a mapping of field name to text")
    for key, value in values.items():
        text(f"{name} field", key)
        if not isinstance(value, str):
            raise TypeError(f"form field {key!r} must be a str (the form is url-encoded)")
    return dict(values)


def choice(name: str, value: object, allowed: tuple[str, ...]) -> str:
    """One of a closed set of values (a `Literal` argument)."""
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"{name} {value!r} is not one of: {', '.join(allowed)}")
    return value


def names(name: str, values: Iterable[str] | None, *, required: bool = False) -> str | None:
    """Names sent as one comma-separated query value (``style: form, explode: false``); a
    required parameter needs at least one."""
    if values is None:
        if required:
            raise ValueError(f"{name} needs at least one name")
        return None
    if isinstance(values, str):
        raise TypeError(f"{name} must be a list of names, not a str")
    items = list(values)
    for item in items:
        text(name, item)
        if "," in item:
            raise ValueError(f"{name}: {item!r} contains a comma, which separates names")
    if required and not items:
        raise ValueError(f"{name} needs at least one name")
    return ",".join(items) if items else None


def pairs(name: str, values: Mapping[str, str | int]) -> dict[str, str]:
    """A free-form object sent as one query pair per member (``style: form, explode: true``)."""
    if not isinstance(values, Mapping) or not values:
        raise ValueError(f"{name} needs at least one field and its value")
    found: dict[str, str] = {}
    for key, value in values.items():
        text(f"{name} field", key)
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise TypeError(f"{name} value for {key!r} must be a str or int")
        found[key] = str(value)
    return found


def json_problem(value: object, depth: int = 0) -> str | None:
    """Why ``value`` cannot travel as JSON the API reads, or ``None``: NaN and infinities (not
    JSON), text with a lone surrogate (not UTF-8), nesting deeper than `MAX_JSON_DEPTH`."""
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{value!r} is not a JSON number"
    if isinstance(value, str):
        if value.isascii():
            return None
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "text with a lone surrogate is not valid Unicode"
        return None
    if isinstance(value, Mapping | list | tuple):
        if depth >= MAX_JSON_DEPTH:
            return f"nested more than {MAX_JSON_DEPTH} deep"
        items = value.values() if isinstance(value, Mapping) else value
        for item in items:
            found = json_problem(item, depth + 1)
            if found is not None:
                return found
    return None


def json_object(name: str, value: object) -> dict[str, Any]:
    """An object argument as the JSON it is sent as: a mapping (by the API's member names), or
    a `which50.types` model (its members by alias, those left unset left out)."""
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        found: dict[str, Any] = dump(by_alias=True, exclude_unset=True)
    elif isinstance(value, Mapping):
        found = dict(value)
    else:
        raise TypeError(f"{name} must be a mapping or a which50 model, not {type(value).__name__}")
    for key, member in found.items():
        problem = json_problem(member)
        if problem is not None:
            raise ValueError(f"{name}: {key!r} cannot be sent: {problem}")
    return found


def mapping(name: str, value: object) -> dict[str, Any]:
    """A free-form mapping argument (a contact's values), checked to travel as JSON."""
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a mapping, not {type(value).__name__}")
    for key, member in value.items():
        problem = json_problem(member)
        if problem is not None:
            raise ValueError(f"field {key!r} cannot be sent: {problem}")
    return dict(value)


def strings(name: str, values: Iterable[str]) -> list[str]:
    """A list of non-empty strings (not one str)."""
    if isinstance(values, str):
        raise TypeError(f"{name} must be a list of str, not a str")
    return [text(name, value) for value in values]
