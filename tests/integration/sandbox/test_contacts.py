"""Contacts (#1-#9) and contact lists (#10-#15, #29) on the seed data."""

from __future__ import annotations

from which50_client import AuthenticatedClient
from which50_client.api.contact_lists import (
    get_contact_list,
    get_contact_list_field,
    get_server_time,
    list_contact_list_contacts,
    list_contact_list_fields,
    list_contact_list_journeys,
    list_contact_lists,
)
from which50_client.api.contacts import (
    get_contact,
    get_contact_summary,
    list_contact_communications,
    list_contact_emails,
    list_contact_journey_activities,
    list_contact_journeys,
    list_contact_landing_pages,
    list_contact_text_messages,
    list_contact_web_forms,
)
from which50_client.models import Contact, ContactSchemaField, ContactSummary, HttpError
from which50_sandbox import FROZEN_AT

from .conftest import values_of


def first_contact(client: AuthenticatedClient, list_id: int = 1042) -> Contact:
    contacts = list_contact_list_contacts.sync(list_id, client=client)
    assert isinstance(contacts, list) and contacts
    return contacts[0]


def test_lists_count_their_contacts(client: AuthenticatedClient) -> None:
    lists = list_contact_lists.sync(client=client)
    assert isinstance(lists, list)
    assert [(x.id, x.count) for x in lists] == [(1042, 34), (1057, 16)]
    one = get_contact_list.sync(1057, client=client)
    assert one is not None and one.to_dict() == lists[1].to_dict()
    missing = get_contact_list.sync_detailed(999, client=client)
    assert missing.status_code == 404 and isinstance(missing.parsed, HttpError)


def test_fields_and_pick_list_values(client: AuthenticatedClient) -> None:
    fields = list_contact_list_fields.sync(1042, client=client)
    assert isinstance(fields, list)
    assert [f.name for f in fields][:3] == ["Email", "FirstName", "LastName"]
    store = get_contact_list_field.sync(1042, 7, client=client)
    assert isinstance(store, ContactSchemaField) and store.name == "PreferredStore"
    assert isinstance(store.contact_schema_field_values, list)
    assert [v.value for v in store.contact_schema_field_values][:2] == ["Galway", "Dublin"]
    # a field of the other list is not a field of this one
    assert get_contact_list_field.sync_detailed(1042, 11, client=client).status_code == 404


def test_list_journeys_and_contacts(client: AuthenticatedClient) -> None:
    journeys = list_contact_list_journeys.sync(1057, client=client)
    assert isinstance(journeys, list) and [j.id for j in journeys] == [381]
    contacts = list_contact_list_contacts.sync(1057, client=client)
    assert isinstance(contacts, list) and len(contacts) == 16
    assert all(c.list_id == 1057 for c in contacts)


def test_contact_by_its_minted_id(client: AuthenticatedClient) -> None:
    listed = first_contact(client)
    assert isinstance(listed.enc_contact_id, str)
    got = get_contact.sync(listed.enc_contact_id, client=client)
    assert got is not None and got.to_dict() == listed.to_dict()
    assert values_of(got)["Email"].endswith("@example.ie")


def test_unknown_contact_ids_are_404(client: AuthenticatedClient) -> None:
    token = first_contact(client).enc_contact_id
    assert isinstance(token, str)
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    for contact_id in (forged, "Q2w5TnZ4R2hKa0xtNw", "x"):
        response = get_contact.sync_detailed(contact_id, client=client)
        assert response.status_code == 404
        assert isinstance(response.parsed, HttpError) and response.parsed.message


def test_interactions_of_a_contact(client: AuthenticatedClient) -> None:
    contacts = list_contact_list_contacts.sync(1042, client=client)
    assert isinstance(contacts, list)
    seen_kinds: set[str] = set()
    for c in contacts:
        assert isinstance(c.enc_contact_id, str)
        communications = list_contact_communications.sync(c.enc_contact_id, client=client)
        assert isinstance(communications, list)
        kinds = {str(i.interaction) for i in communications}
        seen_kinds |= kinds
        emails = list_contact_emails.sync(c.enc_contact_id, client=client)
        texts = list_contact_text_messages.sync(c.enc_contact_id, client=client)
        pages = list_contact_landing_pages.sync(c.enc_contact_id, client=client)
        forms = list_contact_web_forms.sync(c.enc_contact_id, client=client)
        assert isinstance(emails, list) and isinstance(texts, list)
        assert isinstance(pages, list) and isinstance(forms, list)
        # each channel listing is exactly the communications of that kind
        assert len(emails) == sum(i.interaction == "Email" for i in communications)
        assert len(texts) == sum(i.interaction == "SMS" for i in communications)
        assert len(pages) == sum(i.interaction == "LandingPage" for i in communications)
        assert len(forms) == sum(i.interaction == "WebForm" for i in communications)
        assert all(f.landing_page_id == 2301 for f in forms)
        summary = get_contact_summary.sync(c.enc_contact_id, client=client)
        assert isinstance(summary, ContactSummary) and isinstance(summary.emails, list)
        assert len(summary.emails) == min(10, len(emails))
        journeys = list_contact_journeys.sync(c.enc_contact_id, client=client)
        assert isinstance(journeys, list)
        assert [j.id for j in journeys] == ([377] if communications else [])
    assert {"Email", "SMS", "LandingPage", "WebForm"} <= seen_kinds


def test_journey_activities_of_a_contact(client: AuthenticatedClient) -> None:
    token = first_contact(client).enc_contact_id
    assert isinstance(token, str)
    in_journey = list_contact_journey_activities.sync(token, 377, client=client)
    everything = list_contact_communications.sync(token, client=client)
    assert isinstance(in_journey, list) and isinstance(everything, list)
    assert [i.id for i in in_journey] == [i.id for i in everything if i.campaign_id == 377]
    response = list_contact_journey_activities.sync_detailed(token, 1, client=client)
    assert response.status_code == 404


def test_contact_routes_404_for_unknown_contacts(client: AuthenticatedClient) -> None:
    for op in (
        list_contact_communications,
        list_contact_emails,
        list_contact_text_messages,
        list_contact_landing_pages,
        list_contact_web_forms,
        get_contact_summary,
        list_contact_journeys,
    ):
        assert op.sync_detailed("nope", client=client).status_code == 404


def test_server_time_is_frozen(client: AuthenticatedClient) -> None:
    # A bare ISO 8601 string (ServerTime is a string with a pattern, not a date-time type).
    assert get_server_time.sync(client=client) == FROZEN_AT
