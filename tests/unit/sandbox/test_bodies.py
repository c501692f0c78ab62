"""JSON bodies the sandbox cannot store or send back are a 400 on every route that reads JSON.

Each bad value sits where a valid body holds a contact value (or an allowed extra member), so
only the value decides the answer. After every refusal the store still answers, and a matching
upsert on the same list still works.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from starlette.routing import Mount, Route
from which50_sandbox import SandboxConfig, _fallback, create_app

from ._inprocess import in_process

pytestmark = pytest.mark.anyio

V = b"@V@"  # where the value under test goes
MAX_DEPTH = 64  # the documented nesting limit (CONTRIBUTING.md, `which50_sandbox._json`)

# (method, path, body template) of every operation that reads a JSON body;
# {job} is an import job of list 1042 that takes batches
JSON_ROUTES: list[tuple[str, str, bytes]] = [
    ("POST", "/contactLists/1042/contact", b'{"Values": {"City": @V@}}'),
    ("PATCH", "/contactLists/1042/contact?match=Email&Email=a@b.ie", b'{"Values": {"City": @V@}}'),
    (
        "POST",
        "/contactLists/1042/registerDevice",
        b'{"DeviceId": "d1", "Contact": {"Values": {"City": @V@}}}',
    ),
    (
        "POST",
        "/journeys/sendEmail",
        b'{"EmailId": 9120, "Contact": {"ListId": 1042, "Values": {"City": @V@}}}',
    ),
    (
        "PUT",
        "/journeys/sendEmail",
        b'{"EmailId": 9120, "Contact": {"ListId": 1042, "Values": {"City": @V@}}}',
    ),
    (
        "PATCH",
        "/journeys/sendEmail?match=Email&Email=a@b.ie",
        b'{"EmailId": 9120, "Contact": {"ListId": 1042, "Values": {"City": @V@}}}',
    ),
    (
        "POST",
        "/journeys/sendTextMessage",
        b'{"TextMessageId": 4410, "Contact": {"ListId": 1042, "Values": {"City": @V@}}}',
    ),
    (
        "PUT",
        "/journeys/sendTextMessage",
        b'{"TextMessageId": 4410, "Contact": {"ListId": 1042, "Values": {"City": @V@}}}',
    ),
    (
        "PATCH",
        "/journeys/sendTextMessage?match=Email&Email=a@b.ie",
        b'{"TextMessageId": 4410, "Contact": {"ListId": 1042, "Values": {"City": @V@}}}',
    ),
    ("POST", "/journeys/377/landingpages/2301/generatePDF", b'{"Values": {"City": @V@}}'),
    ("POST", "/contactLists/1042/import", b'{"FieldNames": ["Email"], "Note": @V@}'),
    ("POST", "/contactLists/1042/import/{job}", b'[{"Values": {"Email": "x@y.ie", "City": @V@}}]'),
    (
        "POST",
        "/webhook/subscribe/ContactCreated",
        b'{"Url": "https://hooks.example.com/which50", "Note": @V@}',
    ),
    ("PUT", "/webhook/saltkey", b'{"SaltKey": "a salt", "Note": @V@}'),
    ("PUT", "/webhook/apikey", b'{"ApiKey": "whk-1", "Note": @V@}'),
]
# writes that read a form, or no body at all
NOT_JSON = {
    ("POST", "/contactLists/contactForm"),
    ("POST", "/files"),
    ("POST", "/contactLists/1042/import/{importJobId}/run"),
}


def nested(depth: int) -> bytes:
    """A value of `depth` nested arrays inside a body whose own nesting the template adds."""
    return b"[" * depth + b"]" * depth


# (name, value): each is refused wherever it appears
BAD_VALUES: list[tuple[str, bytes]] = [
    ("NaN", b"NaN"),
    ("Infinity", b"Infinity"),
    ("-Infinity", b"-Infinity"),
    ("overflow", b"1e400"),
    ("lone surrogate", b'"\\ud800"'),
    ("past the depth limit", nested(MAX_DEPTH)),  # plus the template's own levels
    ("a million levels", nested(1_000_000)),
]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    config = SandboxConfig(token="T", contacts=10, frozen_time=True)
    async with in_process(config, headers={"Content-Type": "application/json"}) as (c, _):
        yield c


async def new_job(client: httpx.AsyncClient) -> int:
    job = await client.post("/contactLists/1042/import", json={"FieldNames": ["Email", "City"]})
    assert job.status_code == 200
    job_id: int = job.json()["Id"]
    return job_id


async def test_the_table_covers_every_operation_that_reads_a_body() -> None:
    app = create_app(SandboxConfig(token="T", contacts=0))
    async with app.router.lifespan_context(app):
        mount = next(r for r in app.routes if isinstance(r, Mount))
    writes = {
        (method, route.path.replace("{contactListId}", "1042"))
        for route in mount.routes
        # the hand-written routes: an example-backed one (`_fallback`) reads no body
        if isinstance(route, Route) and _fallback.example_operation(route) is None
        for method in route.methods or ()
        if method in ("POST", "PUT", "PATCH")
    }
    listed = {
        (method, path.split("?")[0].replace("{job}", "{importJobId}").replace("377", "{journeyId}"))
        for method, path, _ in JSON_ROUTES
    }
    listed = {
        (m, p.replace("2301", "{landingPageId}").replace("ContactCreated", "{eventNameOrId}"))
        for m, p in listed
    }
    assert writes - NOT_JSON == listed


@pytest.mark.parametrize(("method", "path", "template"), JSON_ROUTES)
@pytest.mark.parametrize(("name", "value"), BAD_VALUES, ids=[name for name, _ in BAD_VALUES])
async def test_bad_values_are_a_400_with_the_error_body(
    client: httpx.AsyncClient, method: str, path: str, template: bytes, name: str, value: bytes
) -> None:
    if "{job}" in path:
        path = path.replace("{job}", str(await new_job(client)))
    before = (await client.get("/contactLists/1042/contacts")).json()
    response = await client.request(method, path, content=template.replace(V, value))
    assert response.status_code == 400, (name, response.text)
    body = response.json()
    assert set(body) == {"Message", "MessageDetail"} and body["MessageDetail"]
    # nothing was stored, and the store still answers
    listed = await client.get("/contactLists/1042/contacts")
    assert listed.status_code == 200 and listed.json() == before
    again = await client.post(
        "/contactLists/1042/contact?match=Email", json={"Values": {"Email": "a@b.ie"}}
    )
    assert again.status_code == 200


async def test_depth_up_to_the_limit_is_taken(client: httpx.AsyncClient) -> None:
    url = "/contactLists/1042/contact"
    # the body and Values are two levels, so the value may nest MAX_DEPTH - 2 more
    deepest = b'{"Values": {"City": ' + nested(MAX_DEPTH - 2) + b"}}"
    taken = await client.post(url, content=deepest)
    assert taken.status_code == 200, taken.text
    too_deep = b'{"Values": {"City": ' + nested(MAX_DEPTH - 1) + b"}}"
    refused = await client.post(url, content=too_deep)
    assert refused.status_code == 400
    assert str(MAX_DEPTH) in refused.json()["MessageDetail"]


async def test_messages_say_what_is_wrong(client: httpx.AsyncClient) -> None:
    url = "/contactLists/1042/contact"
    nan = await client.post(url, content=b'{"Values": {"City": NaN}}')
    assert "NaN and Infinity are not JSON" in nan.json()["MessageDetail"]
    big = await client.post(url, content=b'{"Values": {"Points": 1e400}}')
    assert "too large" in big.json()["MessageDetail"]
    bom = await client.post(url, content=b'\xef\xbb\xbf{"Values": {"City": "Cork"}}')
    assert bom.status_code == 200  # a UTF-8 byte order mark is skipped
