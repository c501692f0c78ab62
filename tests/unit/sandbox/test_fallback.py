"""Every operation of the spec is answered: statefully by a hand-written route, or from the
spec's example (`which50_sandbox._fallback`). Operations are added to a copy of the spec here,
and the app is built in-process from that copy, as `make generate` would ship it."""

from __future__ import annotations

import copy
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import BaseRoute, Match, Mount, Route
from which50_sandbox import FaultConfig, SandboxConfig, _app, _fallback

from scripts import sandbox_operations
from tests.conftest import ROOT, load_spec
from tests.contract._spec import example_path

from ._inprocess import in_process

pytestmark = pytest.mark.anyio

CONFIG = SandboxConfig(token="T", readonly_token="R", contacts=0, frozen_time=True)
KEY = {"ApiKey": "whk_3vD0c2", "Rotated": "2025-11-25T10:46:35.1282548+00:00"}
CSV = "Email,FirstName\nniamh.kelly@example.ie,Niamh\n"


def error_responses(*codes: str) -> dict[str, Any]:
    names = {"400": "BadRequest", "401": "Unauthorized", "403": "Forbidden"}
    return {code: {"$ref": f"#/components/responses/{names[code]}"} for code in codes}


def operation(op_id: str, response: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "operationId": op_id,
        "tags": ["Widgets"],
        "summary": op_id,
        "description": "Inferred: everything.",
        "x-which50-source": "index-only",
        **extra,
        "responses": {**response, **error_responses("401", "403")},
    }


def with_new_operations() -> dict[str, Any]:
    """The spec with operations no hand-written route serves: a Widget group (a plain GET
    with a header, a PUT), a concrete path beside a hand-written template, a new method on a
    hand-written path, a binary answer, a 204, and a 2xx without an example."""
    spec: dict[str, Any] = copy.deepcopy(load_spec())
    spec["components"]["schemas"]["WidgetKey"] = {
        "type": "object",
        "description": "Inferred: a widget key.",
        "properties": {"ApiKey": {"type": "string"}, "Rotated": {"type": "string"}},
    }
    key_json = {
        "application/json": {
            "schema": {"$ref": "#/components/schemas/WidgetKey"},
            "examples": {"key": {"value": KEY}},
        }
    }
    key = {
        "description": "The key.",
        "headers": {
            "X-Key-Version": {"schema": {"type": "integer"}, "example": 3},
            "X-Scopes": {
                "schema": {"type": "array", "items": {"type": "string"}},
                "example": ["a", "b"],
            },
        },
        "content": key_json,
    }
    journey = {"$ref": "#/components/parameters/JourneyId"}
    campaigns = {"$ref": "#/paths/~1journeys/get/responses/200"}
    paths = spec["paths"]
    paths["/widget/apikey"] = {
        "get": operation("getWidgetApiKey", {"200": key}),
        "put": operation(
            "updateWidgetApiKey",
            {"200": {"description": "Updated.", "content": key_json}},
            requestBody={"content": key_json},
        ),
    }
    paths["/journeys/active"] = {"get": operation("listActiveJourneys", {"200": campaigns})}
    paths["/journeys/{journeyId}"]["delete"] = operation(
        "deleteJourney", {"204": {"description": "Deleted."}}, parameters=[journey]
    )
    paths["/journeys/{journeyId}/export"] = {
        "get": operation(
            "downloadJourneyExport",
            {
                "200": {
                    "description": "A CSV.",
                    "content": {
                        "application/octet-stream": {
                            "schema": {"type": "string", "format": "binary"},
                            "example": CSV,
                        }
                    },
                }
            },
            parameters=[journey],
        )
    }
    paths["/widget/saltkey"] = {
        "get": operation(
            "getWidgetSaltKey",
            {"200": {"description": "No example.", "content": {"text/plain": {"schema": {}}}}},
        )
    }
    return spec


NEW_SPEC = with_new_operations()


def mount(app: Starlette) -> Mount:
    return next(r for r in app.routes if isinstance(r, Mount))


def first_full_match(app: Starlette, method: str, path: str) -> BaseRoute | None:
    """The route Starlette's router picks for a request (the first full match)."""
    scope = {"type": "http", "method": method, "path": path, "root_path": ""}
    return next((r for r in mount(app).routes if r.matches(scope)[0] is Match.FULL), None)


def build(spec: dict[str, Any]) -> Starlette:
    return _app.create_app(CONFIG, spec=spec)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with in_process(CONFIG, spec=NEW_SPEC) as (c, _):
        yield c


@pytest.mark.parametrize("spec", [load_spec(), NEW_SPEC], ids=["the spec", "with new operations"])
def test_every_operation_is_served_by_its_own_route(spec: dict[str, Any]) -> None:
    """A hand-written route for each operation one serves (never shadowed), the operation's
    example-backed route for every other."""
    app = build(spec)
    stateful = {op.operation_id for op in _fallback.handled(spec, _app.stateful_routes())}
    every = _fallback.operations(spec)
    for op in every:
        route = first_full_match(app, op.method, example_path(spec, op.path, op.parameters))
        assert route is not None, op.operation_id
        backed = _fallback.example_operation(route)
        if op.operation_id in stateful:
            assert backed is None and _fallback.serves(route, op), op.operation_id
        else:
            assert backed is not None and backed.operation_id == op.operation_id
    example_routes = [r for r in mount(app).routes if _fallback.example_operation(r)]
    assert len(example_routes) == len(every) - len(stateful)


def test_the_real_spec_is_the_packaged_one() -> None:
    assert _fallback.packaged_spec() == load_spec()


async def test_a_new_get_answers_its_example_with_the_marker(client: httpx.AsyncClient) -> None:
    response = await client.get("/widget/apikey")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-which50-sandbox"] == "example"
    assert response.headers["x-key-version"] == "3" and response.headers["x-scopes"] == "a,b"
    assert response.json() == KEY
    assert json.loads(response.content) == KEY


async def test_a_concrete_path_beats_a_hand_written_template(client: httpx.AsyncClient) -> None:
    active = await client.get("/journeys/active")
    assert active.headers["x-which50-sandbox"] == "example"
    assert active.json() == NEW_SPEC["components"]["examples"]["Campaigns"]["value"]
    stored = await client.get("/journeys/377")
    assert stored.status_code == 200 and "x-which50-sandbox" not in stored.headers


async def test_a_new_method_on_a_hand_written_path(client: httpx.AsyncClient) -> None:
    deleted = await client.delete("/journeys/377")
    assert deleted.status_code == 204 and deleted.content == b""
    assert deleted.headers["x-which50-sandbox"] == "example"
    # nothing was stored or removed: the hand-written GET still finds the journey
    assert (await client.get("/journeys/377")).status_code == 200


async def test_a_binary_example_is_sent_as_bytes(client: httpx.AsyncClient) -> None:
    response = await client.get("/journeys/377/export")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.content == CSV.encode()


@pytest.mark.parametrize("journey", ["abc", "1.5", "2147483648", "-2147483649", "0x10"])
async def test_a_path_parameter_outside_its_schema_is_a_404(
    client: httpx.AsyncClient, journey: str
) -> None:
    response = await client.get(f"/journeys/{journey}/export")
    assert response.status_code == 404
    assert response.json() == {"Message": "No resource matches the request URI."}


async def test_an_int32_at_its_bounds_fits(client: httpx.AsyncClient) -> None:
    for journey in ("2147483647", "-2147483648", "0"):
        assert (await client.get(f"/journeys/{journey}/export")).status_code == 200


async def test_a_2xx_without_an_example_is_a_501(client: httpx.AsyncClient) -> None:
    response = await client.get("/widget/saltkey")
    assert response.status_code == 501
    assert response.headers["x-which50-sandbox"] == "no-example"
    assert "getWidgetSaltKey" in response.json()["MessageDetail"]


async def test_auth_applies() -> None:
    async with in_process(CONFIG, spec=NEW_SPEC, headers={"Authorization": "Bearer R"}) as (
        reader,
        _,
    ):
        assert (await reader.get("/widget/apikey")).status_code == 200
        refused = await reader.put("/widget/apikey", json=KEY)
        assert refused.status_code == 403 and "x-which50-sandbox" not in refused.headers
        anonymous = await reader.get("/widget/apikey", headers={"Authorization": ""})
        assert anonymous.status_code == 401


async def test_faults_apply() -> None:
    faulty = SandboxConfig(token="T", contacts=0, faults=FaultConfig(error_rate=1.0))
    async with in_process(faulty, spec=NEW_SPEC) as (c, _):
        assert (await c.get("/widget/apikey")).status_code == 503


def test_fits_follows_the_schema() -> None:
    assert _fallback.fits("7", {"type": "integer", "minimum": 1, "maximum": 9})
    assert not _fallback.fits("0", {"type": "integer", "minimum": 0, "exclusiveMinimum": True})
    assert not _fallback.fits("10", {"type": "integer", "maximum": 9})
    assert _fallback.fits("9223372036854775807", {"type": "integer", "format": "int64"})
    assert not _fallback.fits("9223372036854775808", {"type": "integer", "format": "int64"})
    assert _fallback.fits("1.5", {"type": "number"})
    assert not _fallback.fits("nan", {"type": "number"}) and not _fallback.fits(
        "x", {"type": "number"}
    )
    assert _fallback.fits("true", {"type": "boolean"}) and not _fallback.fits(
        "1", {"type": "boolean"}
    )
    assert _fallback.fits("Open", {"type": "string", "enum": ["Open"]})
    assert not _fallback.fits("open", {"type": "string", "enum": ["Open"]})
    assert not _fallback.fits("ab", {"type": "string", "pattern": "^a$"})
    assert not _fallback.fits("abc", {"type": "string", "maxLength": 2})
    assert _fallback.fits("anything", {})


def test_parameter_names_need_not_be_python_identifiers() -> None:
    spec = with_new_operations()
    spec["paths"]["/widget/{key-id}"] = {
        "get": operation(
            "getWidgetKey",
            {
                "200": {
                    "description": "A key.",
                    "content": {"application/json": {"schema": {}, "example": 1}},
                }
            },
            parameters=[
                {"name": "key-id", "in": "path", "required": True, "schema": {"type": "integer"}}
            ],
        )
    }
    route = first_full_match(build(spec), "GET", "/widget/12")
    assert isinstance(route, Route) and route.path == "/widget/{p0}"


def test_contributing_lists_the_stateful_operations() -> None:
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    start, end = sandbox_operations.STATEFUL_START, sandbox_operations.STATEFUL_END
    assert contributing.count(start) == contributing.count(end) == 1
    listed = contributing.split(start)[1].split(end)[0].strip()
    stateful, _ = sandbox_operations.served(_fallback.packaged_spec())
    assert listed == sandbox_operations.stateful_table(stateful), (
        "CONTRIBUTING.md's table of stateful operations is stale: paste in what "
        "`python -m scripts.sandbox_operations` prints"
    )


def test_new_operations_leave_the_stateful_table_alone() -> None:
    """Adding operations to the spec is a spec-only change: CONTRIBUTING.md's table stays true."""
    stateful, examples = sandbox_operations.served(NEW_SPEC)
    real, _ = sandbox_operations.served(load_spec())
    assert sandbox_operations.stateful_table(stateful) == sandbox_operations.stateful_table(real)
    added = {op.operation_id for op in _fallback.operations(NEW_SPEC)} - {
        op.operation_id for op in _fallback.operations(load_spec())
    }
    assert added and added <= {op.operation_id for op in examples}


def test_the_first_documented_2xx_is_the_lowest_code() -> None:
    def op(responses: dict[str, Any]) -> _fallback.Operation:
        return _fallback.Operation("GET", "/x", "getX", "", {"responses": responses}, ())

    created, ok = {"description": "201"}, {"description": "200"}
    assert _fallback.success_response({}, op({"201": created, "200": ok})) == (200, ok)
    assert _fallback.success_response({}, op({"2XX": created, "404": ok})) == (200, created)
    assert _fallback.success_response({}, op({"404": ok})) is None


def test_examples_travel_as_the_spec_says() -> None:
    assert _fallback.header_text(True) == "true" and _fallback.header_text(None) == ""
    assert _fallback.header_text({"a": 1, "b": [2, 3]}) == "a,1,b,2,3"
    assert _fallback.body_bytes("application/json; charset=utf-8", "é") == '"é"'.encode()
    assert _fallback.body_bytes("application/problem+json", {"A": None}) == b'{"A":null}'
    assert _fallback.body_bytes("text/csv", "a,é\n") == "a,é\n".encode()
    assert _fallback.body_bytes("application/octet-stream", [1]) == b"[1]"
    spec = {"components": {"examples": {"E": {"value": 5}}}}
    assert _fallback.example_of(spec, {"examples": {"e": {"$ref": "#/components/examples/E"}}}) == 5
    assert _fallback.example_of(spec, {"schema": {"example": None}}) is None
    assert _fallback.example_of(spec, {"schema": {}}) is _fallback.MISSING
