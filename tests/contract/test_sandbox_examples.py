"""Every example-backed answer the sandbox can send conforms to the spec.

The sandbox answers an operation from the spec's example when no hand-written route serves it
(`which50_sandbox._fallback`). Here every operation of the spec is served that way, none by a
hand-written route, so the example answer of each one is checked, not only of those that lack a
route today. Each is called once, on its example path, and its response (status, headers, body)
is validated with openapi-core, as the cassettes are (test_cassettes.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Mount
from werkzeug.datastructures import Headers
from which50_sandbox import BASE_PATH, _fallback

from tests.conftest import load_spec

from ._spec import example_path
from .test_cassettes import Exchange, RecordedRequest, RecordedResponse, response_errors

pytestmark = pytest.mark.anyio

OPERATIONS = _fallback.operations(load_spec())


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def examples_only() -> AsyncIterator[httpx.AsyncClient]:
    """A sandbox of example-backed routes only: one for every operation of the spec."""
    routes = _fallback.ordered(_fallback.example_routes(load_spec(), []))
    app = Starlette(routes=[Mount(BASE_PATH, routes=routes)])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
        yield client


@pytest.mark.parametrize("op", OPERATIONS, ids=[op.operation_id for op in OPERATIONS])
async def test_the_example_answer_conforms_to_the_spec(
    examples_only: httpx.AsyncClient, op: _fallback.Operation
) -> None:
    path = example_path(load_spec(), op.path, op.parameters)
    response = await examples_only.request(op.method, BASE_PATH + path)
    assert 200 <= response.status_code < 300, response.text
    assert response.headers[_fallback.MARKER] == _fallback.EXAMPLE
    headers = Headers(list(response.headers.multi_items()))
    exchange = Exchange(
        cassette="example-backed",
        index=0,
        request=RecordedRequest(
            uri=load_spec()["servers"][0]["url"] + path,
            method=op.method,
            body=None,
            content_type="",
        ),
        response=RecordedResponse(response.status_code, headers, response.content),
    )
    assert response_errors(exchange) == []
