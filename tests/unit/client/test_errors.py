"""Every non-2xx status raises its class, carrying the status, the body and the request."""

from __future__ import annotations

import httpx
import pytest
import which50
from which50._errors import make_status_error

from .conftest import BASE, CONTACT, TOKEN, Harness, json_response

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
    job = {"Id": 5, "CurrentStatus": "Paused-By-Ops", "ProgressPercent": 10}
    contact = harness.call(lambda r: json_response(200, body), lambda c: c.contacts.get("Q2w5"))
    assert contact["Brand"] == "new"
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
