"""Arguments become exactly the requests the API expects; hostile ids never change the route."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

import pytest
import which50
import which50.types

from .conftest import BASE, CONTACT, FIELD, JOB, Harness, json_response

PREFIX = "/Which50API/contacts/"


@pytest.mark.parametrize(
    ("contact_id", "raw"),
    [
        ("../x", "..%2Fx"),
        ("a/b", "a%2Fb"),
        ("what?now", "what%3Fnow"),
        ("frag#ment", "frag%23ment"),
        ("%2F", "%252F"),
        ("séan ó", "s%C3%A9an%20%C3%B3"),
        ("..%2F..%2Fadmin", "..%252F..%252Fadmin"),
        ("a\\b", "a%5Cb"),
    ],
)
def test_hostile_contact_ids_are_percent_encoded(
    harness: Harness, contact_id: str, raw: str
) -> None:
    harness.call(lambda r: json_response(200, CONTACT), lambda c: c.contacts.get(contact_id))
    request = harness.requests[0]
    assert request.url.raw_path.decode() == PREFIX + raw
    assert str(request.url).startswith(BASE + "/contacts/")


@pytest.mark.parametrize("contact_id", ["", "   ", ".", ".."])
def test_ids_that_would_change_the_route_are_refused(harness: Harness, contact_id: str) -> None:
    with pytest.raises(ValueError, match="contact_id"):
        harness.call(lambda r: json_response(200, CONTACT), lambda c: c.contacts.get(contact_id))
    assert harness.requests == []


@pytest.mark.parametrize("bad", [True, "12", 1.5, None])
def test_numeric_ids_must_be_ints(harness: Harness, bad: Any) -> None:
    with pytest.raises(TypeError, match="contact_list_id must be an int"):
        harness.call(lambda r: json_response(200, {}), lambda c: c.contact_lists.get(bad))
    assert harness.requests == []


def test_match_and_custom_events_are_comma_separated(harness: Harness) -> None:
    harness.call(
        lambda r: json_response(200, CONTACT),
        lambda c: c.contact_lists.upsert(
            1042, {"Email": "a@b.c"}, match=["Email", "FirstName"], custom_events=["A", "B"]
        ),
    )
    request = harness.requests[0]
    assert request.method == "POST"
    assert request.url.params.get_list("match") == ["Email,FirstName"]
    assert request.url.params.get_list("customevents") == ["A,B"]
    assert json.loads(request.read()) == {"ListId": 1042, "Values": {"Email": "a@b.c"}}


def test_patch_sends_each_match_value_as_its_own_pair(harness: Harness) -> None:
    harness.call(
        lambda r: json_response(200, [CONTACT]),
        lambda c: c.contact_lists.update_matching(
            1042, {"City": "Galway"}, match={"ReferanceAccountId": 123456, "Email": "a@b.c"}
        ),
    )
    params = harness.requests[0].url.params
    assert harness.requests[0].method == "PATCH"
    assert params["match"] == "ReferanceAccountId,Email"
    assert params["ReferanceAccountId"] == "123456"
    assert params["Email"] == "a@b.c"


@pytest.mark.parametrize(
    ("match", "error"),
    [(["Em,ail"], ValueError), (["", "Email"], ValueError), ("Email", TypeError)],
)
def test_bad_names_are_refused(harness: Harness, match: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        harness.call(
            lambda r: json_response(200, CONTACT),
            lambda c: c.contact_lists.upsert(1, {"Email": "x"}, match=match),
        )
    assert harness.requests == []


def test_select_is_required_and_joined(harness: Harness) -> None:
    harness.call(
        lambda r: json_response(200, [{"OrderId": 1}]),
        lambda c: c.contact_lists.linked_data.list_records("1042", 31, select=["A", "B"]),
    )
    assert harness.requests[0].url.params["$select"] == "A,B"
    with pytest.raises(ValueError, match="select needs at least one name"):
        harness.call(
            lambda r: json_response(200, []),
            lambda c: c.contact_lists.linked_data.list_records("1042", 31, select=[]),
        )


def test_closed_report_states_are_checked_before_sending(harness: Harness) -> None:
    with pytest.raises(ValueError, match="not one of: Sent, Delivered, Read"):
        harness.call(
            lambda r: json_response(200, []),
            lambda c: c.journeys.reports.list_email_contacts_by_state(377, 9120, state="Lost"),
        )
    assert harness.requests == []


def test_form_fields_are_url_encoded(harness: Harness) -> None:
    harness.call(
        lambda r: json_response(200, CONTACT),
        lambda c: c.contact_lists.submit_form(1042, {"Email": "a@b.c"}, contact_id="Q2"),
    )
    request = harness.requests[0]
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qs(request.read().decode()) == {
        "ListId": ["1042"],
        "EncContactId": ["Q2"],
        "Email": ["a@b.c"],
    }


def test_raw_responses_carry_the_http_response(harness: Harness) -> None:
    raw = harness.call(
        lambda r: json_response(200, CONTACT, **{"X-Trace": "t1"}),
        lambda c: c.with_raw_response.contacts.get("Q2w5"),
    )
    assert isinstance(raw, which50.RawResponse)
    assert raw.status_code == 200 and raw.headers["X-Trace"] == "t1"
    assert raw.parsed.enc_contact_id == "Q2w5"
    assert raw.http_response.json() == CONTACT


def test_raw_responses_reach_nested_resources(harness: Harness) -> None:
    raw = harness.call(
        lambda r: json_response(200, [FIELD]),
        lambda c: c.with_raw_response.contact_lists.fields.list(1042),
    )
    assert raw.parsed[0].name == "Email"
    assert "list" in dir(
        harness.call(
            lambda r: json_response(200, {}), lambda c: c.with_raw_response.contact_lists.fields
        )
    )


def _deep(levels: int) -> object:
    value: object = "x"
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (float("nan"), "nan is not a JSON number"),
        (float("inf"), "inf is not a JSON number"),
        ("caf\ud800", "lone surrogate"),
        (_deep(70), "nested more than 64 deep"),
    ],
)
def test_values_json_cannot_carry_are_a_value_error_before_any_request(
    harness: Harness, value: object, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        harness.call(
            lambda r: json_response(200, CONTACT),
            lambda c: c.contact_lists.upsert(1042, {"Email": "a@b.c", "Notes": value}),
        )
    assert harness.requests == []


def test_a_batch_takes_models_as_a_read_returned_them(harness: Harness) -> None:
    """Contacts read back (`which50.types.Contact`) go into an import batch as they are, with
    the members they hold; a mapping is a contact as the API spells it."""
    read = which50.types.Contact.model_validate({**CONTACT, "Values": {"Email": "m@x.ie"}})
    harness.call(
        lambda r: json_response(200, JOB),
        lambda c: c.contact_lists.imports.add_contacts(
            1042, 5, [read, {"Values": {"Email": "d@x.ie"}}]
        ),
    )
    sent = json.loads(harness.requests[0].read())
    assert sent == [
        {"EncContactId": "Q2w5", "ListId": 1042, "Values": {"Email": "m@x.ie"}},
        {"ListId": 1042, "Values": {"Email": "d@x.ie"}},
    ]


def test_a_batch_refuses_what_is_neither_a_mapping_nor_a_model(harness: Harness) -> None:
    with pytest.raises(TypeError, match="contacts must be a mapping or a which50 model"):
        harness.call(
            lambda r: json_response(200, JOB),
            lambda c: c.contact_lists.imports.add_contacts(1042, 5, [("Email", "x")]),
        )
    assert harness.requests == []
