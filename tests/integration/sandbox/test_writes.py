"""Single-contact writes: upsert and PATCH match semantics, the contact form, registerDevice."""

from __future__ import annotations

from which50_client import AuthenticatedClient
from which50_client.api.contact_lists import (
    register_device,
    submit_contact_form,
    update_matching_contacts,
    upsert_contact,
)
from which50_client.api.contacts import get_contact
from which50_client.models import (
    Contact,
    ContactFormRequest,
    HttpError,
    RegisterDeviceRequest,
    UpdateMatchingContactsMatchValues,
)

from .conftest import contact, list_count, values_of


def test_upsert_creates_then_updates_by_match(client: AuthenticatedClient) -> None:
    before = list_count(client)
    body = contact({"ReferanceAccountId": 123456, "Email": "a@example.ie", "FirstName": "Aoife"})
    created = upsert_contact.sync(
        1042, client=client, body=body, match=["ReferanceAccountId,Email"]
    )
    assert isinstance(created, Contact) and isinstance(created.enc_contact_id, str)
    assert list_count(client) == before + 1
    # the same match values (the number as a string this time) update the same contact
    body = contact(
        {"ReferanceAccountId": "123456", "Email": "a@example.ie", "Mobile": "+353871234567"}
    )
    updated = upsert_contact.sync(
        1042, client=client, body=body, match=["ReferanceAccountId,Email"]
    )
    assert isinstance(updated, Contact)
    assert updated.enc_contact_id == created.enc_contact_id
    assert list_count(client) == before + 1
    assert values_of(updated)["FirstName"] == "Aoife"
    assert values_of(updated)["Mobile"] == "+353871234567"
    # repeated match keys are accepted too
    again = upsert_contact.sync(
        1042, client=client, body=body, match=["ReferanceAccountId", "Email"]
    )
    assert isinstance(again, Contact) and again.enc_contact_id == created.enc_contact_id


def test_upsert_without_match_always_creates(client: AuthenticatedClient) -> None:
    before = list_count(client)
    for _ in range(2):
        created = upsert_contact.sync(1042, client=client, body=contact({"Email": "b@example.ie"}))
        assert isinstance(created, Contact)
    assert list_count(client) == before + 2


def test_upsert_rejects_what_the_spec_cannot(client: AuthenticatedClient) -> None:
    cases = [
        (["Email"], {"FirstName": "No email"}),  # match field missing from Values
        (["Shoe size"], {"Email": "c@example.ie"}),  # not a field of the list
        ([], {"PreferredStore": "Belfast"}),  # not a value of the pick list
    ]
    for match, values in cases:
        response = upsert_contact.sync_detailed(
            1042, client=client, body=contact(values), match=match
        )
        assert response.status_code == 400, values
        assert isinstance(response.parsed, HttpError) and response.parsed.message_detail
    assert upsert_contact.sync_detailed(999, client=client, body=contact({})).status_code == 404


def test_unknown_fields_are_dropped_with_a_warning(client: AuthenticatedClient) -> None:
    created = upsert_contact.sync(
        1042, client=client, body=contact({"Email": "not-an-email", "Shoe size": 42})
    )
    assert isinstance(created, Contact) and isinstance(created.validation_warnings, list)
    assert values_of(created) == {"Email": "not-an-email"}
    assert len(created.validation_warnings) == 2


def test_patch_updates_every_matching_contact(client: AuthenticatedClient) -> None:
    ids = []
    for email in ("x@example.ie", "y@example.ie", "z@example.ie"):
        city = "Galway" if email != "z@example.ie" else "Cork"
        made = upsert_contact.sync(
            1042, client=client, body=contact({"Email": email, "City": city, "Address1": "old"})
        )
        assert isinstance(made, Contact)
        ids.append(made.enc_contact_id)
    response = update_matching_contacts.sync_detailed(
        1042,
        client=client,
        body=contact({"Address1": "123 Red Street"}),
        match=["City,Address1"],
        match_values=UpdateMatchingContactsMatchValues.from_dict(
            {"City": "Galway", "Address1": "old"}
        ),
        customevents=["AddressChanged"],
    )
    assert response.status_code == 200 and isinstance(response.parsed, list)
    assert [c.enc_contact_id for c in response.parsed] == ids[:2]
    assert all(values_of(c)["Address1"] == "123 Red Street" for c in response.parsed)
    untouched = get_contact.sync(str(ids[2]), client=client)
    assert untouched is not None and values_of(untouched)["Address1"] == "old"


def test_patch_needs_a_query_value_for_each_match_field(client: AuthenticatedClient) -> None:
    response = update_matching_contacts.sync_detailed(
        1042, client=client, body=contact({"City": "Cork"}), match=["Email"]
    )
    assert response.status_code == 400
    no_match = update_matching_contacts.sync_detailed(1042, client=client, body=contact({}))
    assert no_match.status_code == 400


def test_patch_matching_nothing_updates_nothing(client: AuthenticatedClient) -> None:
    response = update_matching_contacts.sync_detailed(
        1042,
        client=client,
        body=contact({"City": "Cork"}),
        match=["Email"],
        match_values=UpdateMatchingContactsMatchValues.from_dict({"Email": "nobody@example.ie"}),
    )
    assert response.status_code == 200 and response.parsed == []


def test_contact_form_creates_then_updates_by_email(client: AuthenticatedClient) -> None:
    form = ContactFormRequest(list_id=1042)
    form.additional_properties = {"Email": "roisin@example.ie", "FirstName": "Róisín"}
    first = submit_contact_form.sync(client=client, body=form)
    form.additional_properties = {"Email": "roisin@example.ie", "City": "Sligo"}
    second = submit_contact_form.sync(client=client, body=form)
    assert isinstance(first, Contact) and isinstance(second, Contact)
    assert first.enc_contact_id == second.enc_contact_id
    assert values_of(second) == {
        "Email": "roisin@example.ie",
        "FirstName": "Róisín",
        "City": "Sligo",
    }
    bad = ContactFormRequest(list_id=1042)
    bad.additional_properties = {"PreferredStore": "Belfast"}
    assert submit_contact_form.sync_detailed(client=client, body=bad).status_code == 417
    missing = submit_contact_form.sync_detailed(client=client, body=ContactFormRequest(list_id=5))
    assert missing.status_code == 404


def test_register_device_upserts_the_contact(client: AuthenticatedClient) -> None:
    body = RegisterDeviceRequest(device_id="fcm:abc", contact=contact({"Email": "d@example.ie"}))
    made = register_device.sync(1042, client=client, body=body, match=["Email"])
    again = register_device.sync(1042, client=client, body=body, match=["Email"])
    assert isinstance(made, Contact) and isinstance(again, Contact)
    assert made.enc_contact_id == again.enc_contact_id
    no_device = RegisterDeviceRequest(contact=contact({"Email": "d@example.ie"}))
    assert register_device.sync_detailed(1042, client=client, body=no_device).status_code == 400
