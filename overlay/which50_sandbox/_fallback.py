"""Example-backed answers for the operations of the spec that no hand-written route serves.

When the app is built, the sandbox reads the spec: the copy `make generate` writes beside the
models (`which50_models/openapi.json`), so an installed `which50[sandbox]` has it without the
repository. Every operation whose method and path no hand-written route serves gets a route of
its own, under the same path template, that answers the spec's example of its first documented
2xx response:

- the status code, the media type (the response's first), the headers that have an example,
  and the body: a JSON example serialised, any other example string as its UTF-8 bytes, no
  body when the response has no content;
- marked `X-Which50-Sandbox: example` (`MARKER`, `EXAMPLE`).

Such a route stores nothing and reads neither the query nor the body. The app's auth and fault
middleware apply to it as to every route. A path parameter that does not fit its schema (`abc`
or `2147483648` for an `int32` id) is a 404 with the Error body, as no route matched. When the
2xx response has content but no example (the spec's lint rules require one), the answer is a
501 with the Error body, marked `X-Which50-Sandbox: no-example`: the sandbox does not invent
data that the spec does not give.

`ordered` sorts routes so that a concrete path segment wins over a template (the rule OpenAPI
states for path matching), whichever kind of route each is: `GET /journeys/active`, added to
the spec, is not swallowed by the hand-written `GET /journeys/{journeyId}`, and a hand-written
route is never shadowed by an example-backed one, which exists only where none serves.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from ._http import ApiError, error_response

Spec = Mapping[str, Any]

#: The response header that says where an answer came from.
MARKER = "X-Which50-Sandbox"
#: Its value on an answer taken from the spec's example.
EXAMPLE = "example"
#: Its value on the 501 of an operation whose 2xx answer has no example.
NO_EXAMPLE = "no-example"
#: Where `make generate` puts the spec as JSON (package data of which50_models).
SPEC_PACKAGE, SPEC_FILE = "which50_models", "openapi.json"

HTTP_METHODS = ("get", "put", "post", "patch", "delete", "head", "options", "trace")
_PARAM = re.compile(r"\{([^}]+)\}")
_SUCCESS = re.compile(r"^2\d\d$")
# application/json, text/json, application/problem+json, ...
_JSON_MEDIA = re.compile(r"^[\w.-]+/([\w.-]+\+)?json$")
_INTEGER = re.compile(r"^-?[0-9]+$")
_INT_BOUNDS = {"int32": 2**31, "int64": 2**63}
#: What `example_of` returns when a node has no example (None is an example: JSON null).
MISSING = object()


@cache
def packaged_spec() -> Spec:
    """The spec the installed packages were generated from (read once per process)."""
    text = resources.files(SPEC_PACKAGE).joinpath(SPEC_FILE).read_text(encoding="utf-8")
    spec: dict[str, Any] = json.loads(text)
    return spec


def resolve(spec: Spec, node: Any) -> Any:
    """Follow local `$ref`s until a node that is not a reference."""
    while isinstance(node, Mapping) and "$ref" in node:
        ref: str = node["$ref"]
        if not ref.startswith("#/"):
            raise ValueError(f"only local references are supported: {ref}")
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


@dataclass(frozen=True)
class Operation:
    """One operation of the spec: its method, path template, id and first tag."""

    method: str
    path: str
    operation_id: str
    tag: str
    node: Mapping[str, Any]
    #: resolved parameters, the path item's overridden by the operation's of the same name
    parameters: tuple[Mapping[str, Any], ...]


def operations(spec: Spec) -> list[Operation]:
    """Every operation of the spec, in the spec's order."""
    found = []
    for path, item in spec.get("paths", {}).items():
        shared = [resolve(spec, p) for p in item.get("parameters", [])]
        for method, node in item.items():
            if method not in HTTP_METHODS:
                continue
            own = [resolve(spec, p) for p in node.get("parameters", [])]
            keys = {(p["name"], p["in"]) for p in own}
            params = [p for p in shared if (p["name"], p["in"]) not in keys] + own
            found.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    operation_id=node.get("operationId", f"{method.upper()} {path}"),
                    tag=(node.get("tags") or [""])[0],
                    node=node,
                    parameters=tuple(params),
                )
            )
    return found


def wire_template(path: str) -> str:
    """A path with every parameter name blanked: what travels on the wire."""
    return _PARAM.sub("{}", path)


def serves(route: BaseRoute, op: Operation) -> bool:
    """Whether a route answers the operation's method on the operation's path."""
    return (
        isinstance(route, Route)
        and op.method in (route.methods or ())
        and wire_template(route.path) == wire_template(op.path)
    )


def handled(spec: Spec, routes: Sequence[BaseRoute]) -> list[Operation]:
    """The operations of the spec that one of `routes` serves."""
    return [op for op in operations(spec) if any(serves(r, op) for r in routes)]


# --- the answer ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """What an example-backed route sends, every time."""

    status: int
    media_type: str | None
    headers: Mapping[str, str]
    body: bytes


def success_response(spec: Spec, op: Operation) -> tuple[int, Mapping[str, Any]] | None:
    """The first documented 2xx response (lowest code; `2XX` counts as 200), resolved."""
    responses: Mapping[str, Any] = op.node.get("responses", {})
    codes = sorted((code for code in responses if _SUCCESS.match(str(code))), key=int)
    if codes:
        return int(codes[0]), resolve(spec, responses[codes[0]])
    if "2XX" in responses:
        return 200, resolve(spec, responses["2XX"])
    return None


def example_of(spec: Spec, node: Mapping[str, Any]) -> Any:
    """The example of a media type, parameter or header object: the first of `examples`, else
    `example`, else its schema's `example`; `MISSING` when there is none."""
    for named in (node.get("examples") or {}).values():
        example = resolve(spec, named)
        if "value" in example:
            return example["value"]
    if "example" in node:
        return node["example"]
    schema = resolve(spec, node.get("schema", {}))
    return schema.get("example", MISSING)


def header_text(value: Any) -> str:
    """A header example as it travels (OpenAPI's `simple` style)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(header_text(v) for v in value)
    if isinstance(value, Mapping):
        return ",".join(f"{k},{header_text(v)}" for k, v in value.items())
    return str(value)


def body_bytes(media_type: str, value: Any) -> bytes:
    """A body example as bytes: JSON serialised, any other string as its UTF-8 bytes."""
    if _JSON_MEDIA.match(media_type.split(";")[0].strip()) or not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    return value.encode()


def answer(spec: Spec, op: Operation) -> Answer | None:
    """The example-backed answer of an operation; None when its 2xx answer has no example."""
    success = success_response(spec, op)
    if success is None:
        return None
    status, response = success
    headers = {}
    for name, header in (response.get("headers") or {}).items():
        value = example_of(spec, resolve(spec, header))
        if value is not MISSING and name.lower() != "content-type":
            headers[name] = header_text(value)
    content: Mapping[str, Any] = response.get("content") or {}
    if not content:
        return Answer(status, None, headers, b"")
    media_type, media = next(iter(content.items()))
    value = example_of(spec, media)
    if value is MISSING:
        return None
    return Answer(status, media_type, headers, body_bytes(media_type, value))


# --- the path parameters ------------------------------------------------------------------------


def fits(raw: str, schema: Mapping[str, Any]) -> bool:
    """Whether a path parameter's text fits its (resolved) schema."""
    kind = schema.get("type")
    value: Any = raw
    if kind == "integer":
        if not _INTEGER.match(raw):
            return False
        value = int(raw)
        bound = _INT_BOUNDS.get(schema.get("format", ""))
        if bound is not None and not -bound <= value < bound:
            return False
    elif kind == "number":
        try:
            value = float(raw)
        except ValueError:
            return False
        if not math.isfinite(value):
            return False
    elif kind == "boolean":
        return raw in ("true", "false")
    if kind in ("integer", "number"):
        return _within(value, schema)
    if "enum" in schema and raw not in schema["enum"]:
        return False
    if not schema.get("minLength", 0) <= len(raw) <= schema.get("maxLength", math.inf):
        return False
    pattern = schema.get("pattern")
    return pattern is None or re.search(pattern, raw) is not None


def _within(value: float, schema: Mapping[str, Any]) -> bool:
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and (value < low or (schema.get("exclusiveMinimum") and value == low)):
        return False
    return high is None or not (value > high or (schema.get("exclusiveMaximum") and value == high))


# --- the routes ---------------------------------------------------------------------------------


class ExampleEndpoint:
    """The endpoint of one example-backed operation (`respond` is the Starlette endpoint)."""

    def __init__(self, spec: Spec, op: Operation) -> None:
        self.operation = op
        self.answer = answer(spec, op)
        names = [m.group(1) for m in _PARAM.finditer(op.path)]
        by_name = {p["name"]: p for p in op.parameters if p.get("in") == "path"}
        # Starlette's own names are p0, p1, ...: a spec's parameter name need not be one that
        # a regular expression group may have.
        self.path_schemas = [
            (f"p{i}", resolve(spec, by_name.get(name, {}).get("schema", {})))
            for i, name in enumerate(names)
        ]
        self.route_path = _PARAM.sub(_numbered(), op.path)

    async def respond(self, request: Request) -> Response:
        for key, schema in self.path_schemas:
            if not fits(request.path_params[key], schema):
                raise ApiError(404, "No resource matches the request URI.")
        if self.answer is None:
            error = ApiError(
                501,
                "The sandbox has no answer for this operation.",
                f"The spec gives no example of the 2xx answer of {self.operation.operation_id}.",
                headers={MARKER: NO_EXAMPLE},
            )
            return error_response(error)
        return Response(
            self.answer.body,
            status_code=self.answer.status,
            media_type=self.answer.media_type,
            headers={**self.answer.headers, MARKER: EXAMPLE},
        )


def _numbered() -> Callable[[re.Match[str]], str]:
    """A `re.sub` replacement that names the parameters of one path p0, p1, ..."""
    counter = iter(range(1_000_000))
    return lambda _: f"{{p{next(counter)}}}"


def example_routes(spec: Spec, hand_written: Sequence[BaseRoute]) -> list[Route]:
    """A route for every operation of the spec that none of `hand_written` serves."""
    routes = []
    for op in operations(spec):
        if any(serves(route, op) for route in hand_written):
            continue
        endpoint = ExampleEndpoint(spec, op)
        name = f"example:{op.operation_id}"
        routes.append(Route(endpoint.route_path, endpoint.respond, methods=[op.method], name=name))
    return routes


def example_operation(route: BaseRoute) -> Operation | None:
    """The operation an example-backed route answers; None for any other route."""
    endpoint = getattr(route, "endpoint", None)
    owner = getattr(endpoint, "__self__", None)
    return owner.operation if isinstance(owner, ExampleEndpoint) else None


def _specificity(route: BaseRoute) -> tuple[tuple[int, str], ...]:
    path: str = getattr(route, "path", "")
    return tuple((1, "") if _PARAM.fullmatch(s) else (0, s) for s in path.split("/"))


def ordered(routes: Sequence[BaseRoute]) -> list[BaseRoute]:
    """The routes, a concrete segment before a template at the first place two paths differ;
    routes of the same template keep their order (stable)."""
    return sorted(routes, key=_specificity)
