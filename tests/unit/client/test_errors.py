"""Every non-2xx status raises its class, carrying the status, the body and the request."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
import which50
from which50._errors import make_status_error

from .conftest import BASE, CONTACT, FIELD, JOB, TOKEN, Harness, json_response

STATUS_TABLE = [
    (400, which50.BadRequestError),
    (401, which50.AuthenticationError),
    (403, which50.PermissionDeniedError),
    (404, which50.NotFoundError),
    (409, which50.UnexpectedResponseError),
    (417, which50.BadRequestError),
    (429, which50.RateLimitError),
    (500, which50.InternalServerError),
    (502, which50.InternalServerError),
    (503, which50.InternalServerError),
    (599, which50.InternalServerError),
    # outside 100-599 HTTP defines no class of status: not a server error
    (600, which50.UnexpectedResponseError),
    (999, which50.UnexpectedResponseError),
    (302, which50.UnexpectedResponseError),
]


def test_the_hierarchy_has_one_root() -> None:
    for cls in (which50.APIConnectionError, which50.APIStatusError):
        assert issubclass(cls, which50.Which50Error)
    assert issubclass(which50.APITimeoutError, which50.APIConnectionError)
    for _, cls in STATUS_TABLE:
        assert issubclass(cls, which50.APIStatusError)


@pytest.mark.parametrize(("status", "cls"), STATUS_TABLE)
def test_status_maps_to_class(status: int, cls: type[which50.APIStatusError]) -> None:
    error = make_status_error(
        method="GET", url=httpx.URL(BASE), status_code=status, headers=httpx.Headers(), content=b""
    )
    assert type(error) is cls
    assert error.status_code == status


@pytest.mark.parametrize(("status", "cls"), STATUS_TABLE)
def test_every_error_status_raises(
    harness: Harness, status: int, cls: type[which50.APIStatusError]
) -> None:
    body = {"Message": "Contact not found", "MessageDetail": "no such id"}
    with pytest.raises(cls) as caught:
        harness.call(
            lambda r: json_response(status, body), lambda c: c.contacts.get("Q2w5"), max_retries=0
        )
    error = caught.value
    assert error.status_code == status
    assert error.body == body
    assert error.error_message == "Contact not found"
    assert error.method == "GET"
    assert error.url == f"{BASE}/contacts/Q2w5"
    assert f"GET {BASE}/contacts/Q2w5 -> {status}: Contact not found (no such id)" == str(error)
    assert TOKEN not in repr(error.__dict__)


def test_a_body_that_is_not_json_is_kept_as_text(harness: Harness) -> None:
    with pytest.raises(which50.InternalServerError) as caught:
        harness.call(
            lambda r: httpx.Response(500, text="<html>oops</html>"),
            lambda c: c.contacts.get("Q2w5"),
            max_retries=0,
        )
    assert caught.value.body == "<html>oops</html>"
    assert caught.value.error_message is None


@pytest.mark.parametrize(
    "content",
    [b"[1, 2", b'{"EncContactId": 5, "ListId": "x"}', b'"just a string"', b"[]", b""],
    ids=["truncated", "wrong-types", "wrong-shape", "array-for-object", "empty"],
)
def test_a_2xx_body_that_does_not_parse_is_unexpected(harness: Harness, content: bytes) -> None:
    with pytest.raises(which50.UnexpectedResponseError) as caught:
        harness.call(
            lambda r: httpx.Response(200, content=content), lambda c: c.contacts.get("Q2w5")
        )
    assert caught.value.status_code == 200
    assert caught.value.method == "GET"
    assert str(caught.value).startswith(f"GET {BASE}/contacts/Q2w5 -> 200: ")


def test_an_undocumented_2xx_status_is_unexpected(harness: Harness) -> None:
    with pytest.raises(which50.UnexpectedResponseError, match="204 is not in the spec"):
        harness.call(lambda r: httpx.Response(204), lambda c: c.contacts.get("Q2w5"))


def test_unknown_members_and_values_are_kept(harness: Harness) -> None:
    body = {**CONTACT, "Brand": "new", "Values": {"Email": "a@example.ie", "Tier": {"x": 1}}}
    job = {**JOB, "CurrentStatus": "Paused-By-Ops", "ProgressPercent": 10}
    contact = harness.call(lambda r: json_response(200, body), lambda c: c.contacts.get("Q2w5"))
    assert contact.model_extra == {"Brand": "new"}
    assert contact.values["Tier"] == {"x": 1}
    found = harness.call(
        lambda r: json_response(200, job), lambda c: c.contact_lists.imports.get(1, 5)
    )
    assert found.current_status == "Paused-By-Ops"


def test_errors_never_carry_the_token_in_a_basic_url() -> None:
    error = make_status_error(
        method="GET",
        url=httpx.URL("https://user:hunter2@which50.test/x"),
        status_code=401,
        headers=httpx.Headers(),
        content=b"{}",
    )
    assert "hunter2" not in str(error)
    assert "hunter2" not in error.url


def test_errors_print_under_the_package_name() -> None:
    assert repr(which50.NotFoundError) == "<class 'which50.NotFoundError'>"
    for name in which50.__all__:
        found = getattr(which50, name)
        if isinstance(found, type) and issubclass(found, which50.Which50Error):
            assert found.__module__ == "which50" and getattr(which50, found.__name__) is found


def test_a_user_subclass_keeps_its_own_module() -> None:
    class Mine(which50.NotFoundError):
        pass

    assert Mine.__module__ == __name__


NESTED = b"[" * 100_000 + b"]" * 100_000


NESTED_CASES: list[tuple[int, type[which50.APIStatusError]]] = [
    (200, which50.UnexpectedResponseError),
    *STATUS_TABLE,
]


@pytest.mark.parametrize(("status", "cls"), NESTED_CASES)
def test_a_body_nested_too_deeply_is_a_typed_error(
    harness: Harness, status: int, cls: type[which50.APIStatusError]
) -> None:
    with pytest.raises(cls) as caught:
        harness.call(
            lambda r: httpx.Response(
                status, content=NESTED, headers={"Content-Type": "application/json"}
            ),
            lambda c: c.contacts.get("Q2w5"),
            max_retries=0,
        )
    assert caught.value.status_code == status
    if status != 200:  # an error body that does not parse is kept as text
        assert caught.value.body == NESTED.decode()


def test_an_id_too_long_for_a_url_is_a_value_error_before_any_request(harness: Harness) -> None:
    with pytest.raises(ValueError, match="no valid request URL"):
        harness.call(lambda r: json_response(200, CONTACT), lambda c: c.contacts.get("Q" * 70_000))
    assert harness.requests == []


def test_a_call_after_close_is_client_closed_error() -> None:
    transport = httpx.MockTransport(lambda r: json_response(200, CONTACT))
    client = which50.Which50(base_url=BASE, token=TOKEN, transport=transport)
    client.close()
    with pytest.raises(which50.ClientClosedError) as caught:
        client.contacts.get("Q2w5")
    assert isinstance(caught.value, RuntimeError)
    assert caught.value.method == "GET" and caught.value.url == f"{BASE}/contacts/Q2w5"


def test_a_call_after_aclose_is_client_closed_error() -> None:
    async def main() -> None:
        transport = httpx.MockTransport(lambda r: json_response(200, CONTACT))
        client = which50.AsyncWhich50(base_url=BASE, token=TOKEN, transport=transport)
        await client.aclose()
        with pytest.raises(which50.ClientClosedError):
            await client.contacts.get("Q2w5")

    asyncio.run(main())


def test_a_closed_http_client_of_the_caller_is_client_closed_error() -> None:
    mine = httpx.Client(transport=httpx.MockTransport(lambda r: json_response(200, CONTACT)))
    mine.close()
    client = which50.Which50(base_url=BASE, token=TOKEN, http_client=mine)
    with pytest.raises(which50.ClientClosedError):
        client.contacts.get("Q2w5")


def test_a_closed_async_http_client_of_the_caller_is_client_closed_error() -> None:
    async def main() -> None:
        mine = httpx.AsyncClient(
            transport=httpx.MockTransport(lambda r: json_response(200, CONTACT))
        )
        await mine.aclose()
        async with which50.AsyncWhich50(base_url=BASE, token=TOKEN, http_client=mine) as client:
            with pytest.raises(which50.ClientClosedError):
                await client.contacts.get("Q2w5")

    asyncio.run(main())


def test_a_credential_the_server_echoes_is_scrubbed_from_the_error(harness: Harness) -> None:
    secret = 'tok"with\\quotes'
    echoed = {"Message": "denied", "Headers": {"Authorization": f"Bearer {secret}"}}
    with pytest.raises(which50.AuthenticationError) as caught:
        harness.call(
            lambda r: json_response(401, echoed, **{"X-Echo": f"Bearer {secret}"}),
            lambda c: c.contacts.get("Q2w5"),
            token=secret,
        )
    error = caught.value
    assert error.body == {"Message": "denied", "Headers": {"Authorization": "Bearer <redacted>"}}
    assert error.headers["X-Echo"] == "Bearer <redacted>"
    assert secret not in str(error) and secret not in repr(vars(error))


def test_basic_credentials_the_server_echoes_are_scrubbed(harness: Harness) -> None:
    with pytest.raises(which50.AuthenticationError) as caught:
        harness.call(
            lambda r: httpx.Response(401, text=f"you sent {r.headers['Authorization']} (hunter2)"),
            lambda c: c.contacts.get("Q2w5"),
            token=None,
            username="ann",
            password="hunter2",
        )
    assert caught.value.body == "you sent Basic <redacted> (<redacted>)"


@pytest.mark.parametrize(
    ("body", "call", "message"),
    [
        (
            {k: v for k, v in CONTACT.items() if k != "EncContactId"},
            lambda c: c.contacts.get("Q2w5"),
            "EncContactId is missing: the spec says the API always sends it",
        ),
        (
            [{k: v for k, v in FIELD.items() if k != "DefaultValue"}],
            lambda c: c.contact_lists.fields.list(1042),
            r"\[0\].DefaultValue is missing",
        ),
        ({**CONTACT, "ListId": "ten"}, lambda c: c.contacts.get("Q2w5"), "ListId: Input should"),
    ],
)
def test_an_answer_short_of_the_spec_names_the_member(
    harness: Harness, body: object, call: Any, message: str
) -> None:
    with pytest.raises(which50.UnexpectedResponseError, match=message) as caught:
        harness.call(lambda r: json_response(200, body), call)
    assert caught.value.status_code == 200 and caught.value.body == body
