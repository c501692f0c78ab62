"""Request parsing and response building shared by every route.

Responses are built from `which50_models` and serialised by alias, so the JSON has the spec's
PascalCase names; request bodies are validated with the same models. A problem is raised as
`ApiError` and answered with the spec's Error body (`{"Message": ..., "MessageDetail": ...}`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterator
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from which50_models import HttpError

from . import _json
from ._store import MAX_ID

M = TypeVar("M", bound=BaseModel)


class ApiError(Exception):
    """An answer other than success: its status and the Error body's message and detail."""

    def __init__(
        self,
        status: int,
        message: str,
        detail: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.detail = detail
        self.headers = headers or {}


def not_found(what: str) -> ApiError:
    return ApiError(404, f"No {what} found with that id.")


def found(row: sqlite3.Row | None, what: str) -> sqlite3.Row:
    """The row, or 404 for `what` when there is none."""
    if row is None:
        raise not_found(what)
    return row


def bad_request(detail: str) -> ApiError:
    return ApiError(400, "The request is invalid.", detail)


def error_response(error: ApiError) -> Response:
    body = HttpError(message=error.message, message_detail=error.detail)
    return Response(
        body.model_dump_json(by_alias=True, exclude_none=True),
        status_code=error.status,
        media_type="application/json",
        headers=error.headers,
    )


@cache
def _list_adapter(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def model_json(model: type[BaseModel], data: dict[str, Any]) -> Response:
    """One object, validated by `model` and serialised by alias."""
    body = model.model_validate(data).model_dump_json(by_alias=True)
    return Response(body, media_type="application/json")


def models_json(model: type[BaseModel], rows: list[dict[str, Any]]) -> Response:
    """A bare JSON array of `model`, validated and serialised by alias."""
    adapter = _list_adapter(model)
    body = adapter.dump_json(adapter.validate_python(rows), by_alias=True)
    return Response(body, media_type="application/json")


def models_json_pages(model: type[BaseModel], pages: Iterator[bytes]) -> Response:
    """A bare JSON array of `model`, from pages of raw JSON arrays of its items.

    One page is checked by `model` and serialised by alias, as `models_json` does, and sent
    whole with its Content-Length. More pages stream, chunked, each sent as it is made (raw:
    the store's own JSON, which the models checked on the way in), made on the event loop when
    the last one is sent: the sandbox holds one page however long the array, answers other
    requests in between, and sends a million contacts faster than a client parses them."""
    first = next(pages, b"[]")
    second = next(pages, None)
    if second is None:
        adapter = _list_adapter(model)
        body = adapter.dump_json(adapter.validate_json(first), by_alias=True)
        return Response(body, media_type="application/json")

    async def chunks() -> AsyncIterator[bytes]:
        yield first[:-1]
        yield b"," + second[1:-1]
        for page in pages:
            yield b"," + page[1:-1]
        yield b"]"

    return StreamingResponse(chunks(), media_type="application/json")


def id_param(request: Request, name: str, what: str) -> int:
    """An integer path parameter; anything that is not a stored id is a 404."""
    raw: str = request.path_params[name]
    try:
        value = int(raw)
    except ValueError:
        raise not_found(what) from None
    if not 0 <= value <= MAX_ID:
        raise not_found(what)
    return value


def body_id(value: int | None) -> int | None:
    """An id from a body, or None when it cannot be a stored id."""
    return value if value is not None and 0 <= value <= MAX_ID else None


def query_list(request: Request, name: str) -> list[str]:
    """A comma-separated query array (`?match=A,B`); repeated keys are accepted too."""
    items: list[str] = []
    for raw in request.query_params.getlist(name):
        items.extend(part.strip() for part in raw.split(",") if part.strip())
    return list(dict.fromkeys(items))


async def json_body(request: Request) -> Any:
    """The body parsed by the strict parser (`_json`), or 400."""
    return parse_json(await request.body())


def parse_json(raw: bytes) -> Any:
    try:
        return _json.loads(raw)
    except _json.JsonBodyError as exc:
        raise bad_request(str(exc)) from None


async def model_body(request: Request, model: type[M]) -> M:
    """The JSON body validated by `model`, or 400 with pydantic's first complaint."""
    data = await json_body(request)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise bad_request(validation_detail(exc)) from None


def validation_detail(exc: ValidationError) -> str:
    first = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first["loc"]) or "body"
    return f"{where}: {first['msg']}"
