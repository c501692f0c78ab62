"""Recorded: contact lists, their fields, journeys and contacts, and single-contact writes
(`client.contact_lists`, operations #10-#18, #28 and #29).

The write tests read back what they wrote: an upsert on a match value updates the same contact,
a PATCH reaches every contact that matches and no other, a form submission and a device
registration land on the contact they name.
"""

from __future__ import annotations

import datetime
import json
from http import HTTPStatus
from typing import Any

import which50
import which50_client
from which50_client.api.contact_lists import get_contact_list, get_server_time
from which50_client.models import ContactsList

from .conftest import Fresh, Target, Twin


def _values(contact: Any) -> dict[str, Any]:
    values: dict[str, Any] = contact.values
    return values


def _count(client: which50.Which50, list_id: int) -> int:
    count = client.contact_lists.get(list_id).count
    assert isinstance(count, int)
    return count


# --- reading lists ----------------------------------------------------------------------------


def test_list_contact_lists_counts_each_lists_contacts(
    client: which50.Which50, target: Target
) -> None:
    lists = {item.id: item for item in client.contact_lists.list()}
    assert {target.list_id, target.other_list_id} <= set(lists)
    listed = client.contact_lists.list_contacts(target.list_id)
    assert lists[target.list_id].count == len(listed)


def test_get_contact_list_matches_the_listing(twin: Twin, target: Target) -> None:
    lists = twin.call(lambda c: c.contact_lists.list())
    one = twin.call(lambda c: c.contact_lists.get(target.list_id))
    assert one.id == target.list_id
    assert [item for item in lists if item.id == target.list_id] == [one]


def test_get_contact_list_with_the_generated_client(
    raw_client: which50_client.AuthenticatedClient, target: Target
) -> None:
    """The generated client works on its own, without the `which50` overlay."""
    response = get_contact_list.sync_detailed(target.list_id, client=raw_client)
    assert response.status_code == HTTPStatus.OK
    assert isinstance(response.parsed, ContactsList)
    assert response.parsed.id == target.list_id
    assert json.loads(response.content)["Id"] == target.list_id


def test_list_fields_of_each_list(client: which50.Which50, target: Target) -> None:
    fields = client.contact_lists.fields.list(target.list_id)
    names = [field.name for field in fields]
    assert "Email" in names
    ids = [field.id for field in fields]
    assert len(set(ids)) == len(ids)
    other = client.contact_lists.fields.list(target.other_list_id)
    assert other
    assert not set(ids) & {field.id for field in other}


def test_get_field_matches_the_listing(client: which50.Which50, target: Target) -> None:
    """The first field, and the first pick list (with its choices), read one by one."""
    fields = client.contact_lists.fields.list(target.list_id)
    picks = [field for field in fields if field.contact_schema_field_values]
    chosen = [fields[0], *picks[:1]]
    for listed in chosen:
        assert isinstance(listed.id, int)
        one = client.contact_lists.fields.get(target.list_id, listed.id)
        assert one.id == listed.id
        assert one == listed


def test_list_journeys_of_the_list(client: which50.Which50, target: Target) -> None:
    journeys = client.contact_lists.list_journeys(target.list_id)
    assert target.journey_id in [journey.id for journey in journeys]
    assert {journey.list_id for journey in journeys} == {target.list_id}


def test_list_contacts_belong_to_the_list(client: which50.Which50, target: Target) -> None:
    contacts = client.contact_lists.list_contacts(target.list_id)
    assert len(contacts) == _count(client, target.list_id)
    assert {contact.list_id for contact in contacts} == {target.list_id}
    ids = [contact.enc_contact_id for contact in contacts]
    assert all(ids) and len(set(ids)) == len(ids)


# --- writing contacts -------------------------------------------------------------------------


def test_upsert_by_match_updates_the_same_contact(twin: Twin, target: Target, fresh: Fresh) -> None:
    email = fresh.email("recorded.upsert@example.ie")
    before = twin.call(lambda c: c.contact_lists.get(target.list_id)).count
    first = twin.call(
        lambda c: c.contact_lists.upsert(
            target.list_id,
            {"Email": email, "FirstName": "Ada", "City": "Galway"},
            match=["Email"],
        )
    )
    assert first.list_id == target.list_id
    assert _values(first)["City"] == "Galway"
    second = twin.call(
        lambda c: c.contact_lists.upsert(
            target.list_id, {"Email": email, "City": "Sligo"}, match=["Email"]
        )
    )
    assert second.enc_contact_id == first.enc_contact_id
    stored = twin.call(lambda c: c.contacts.get(str(first.enc_contact_id)))
    assert _values(stored)["Email"] == email
    assert _values(stored)["City"] == "Sligo"
    assert _values(stored)["FirstName"] == "Ada"  # a value not sent again is kept
    assert twin.call(lambda c: c.contact_lists.get(target.list_id)).count == before + 1


def test_update_matching_sets_values_on_every_match(
    client: which50.Which50, target: Target, fresh: Fresh
) -> None:
    """Three contacts share a City; a fourth does not. The PATCH reaches exactly the three."""
    town = fresh.text("Recordedtown")
    matched = {
        str(
            client.contact_lists.upsert(
                target.list_id,
                {"Email": fresh.email(f"recorded.patch.{n}@example.ie"), "City": town},
                match=["Email"],
            ).enc_contact_id
        )
        for n in range(3)
    }
    decoy = client.contact_lists.upsert(
        target.list_id,
        {"Email": fresh.email("recorded.patch.decoy@example.ie"), "City": "Galway"},
        match=["Email"],
    )
    updated = client.contact_lists.update_matching(
        target.list_id, {"Address1": "1 Quay Street"}, match={"City": town}
    )
    assert {str(contact.enc_contact_id) for contact in updated} == matched
    for contact in updated:
        assert _values(contact)["Address1"] == "1 Quay Street"
        assert _values(contact)["City"] == town
    for contact_id in sorted(matched):
        assert _values(client.contacts.get(contact_id))["Address1"] == "1 Quay Street"
    untouched = client.contacts.get(str(decoy.enc_contact_id))
    assert _values(untouched).get("Address1") is None


def test_update_matching_on_a_number_field(twin: Twin, target: Target, fresh: Fresh) -> None:
    """Match values go in the query as text; a Number field still matches them."""
    account = fresh.number(990001)
    stored = twin.call(
        lambda c: c.contact_lists.upsert(
            target.list_id,
            {"Email": fresh.email("recorded.account@example.ie"), "ReferanceAccountId": account},
            match=["Email"],
        )
    )
    updated = twin.call(
        lambda c: c.contact_lists.update_matching(
            target.list_id, {"Address1": "2 Shop Street"}, match={"ReferanceAccountId": account}
        )
    )
    assert [contact.enc_contact_id for contact in updated] == [stored.enc_contact_id]
    assert _values(updated[0])["Address1"] == "2 Shop Street"
    assert _values(updated[0])["ReferanceAccountId"] == account


def test_submit_form_creates_then_updates_the_named_contact(
    client: which50.Which50, target: Target, fresh: Fresh
) -> None:
    email = fresh.email("recorded.form@example.ie")
    created = client.contact_lists.submit_form(
        target.list_id, {"Email": email, "FirstName": "Form", "City": "Cork"}
    )
    assert created.list_id == target.list_id
    assert {k: _values(created)[k] for k in ("Email", "FirstName", "City")} == {
        "Email": email,
        "FirstName": "Form",
        "City": "Cork",
    }
    contact_id = str(created.enc_contact_id)
    again = client.contact_lists.submit_form(
        target.list_id, {"City": "Limerick"}, contact_id=contact_id
    )
    assert again.enc_contact_id == contact_id
    stored = _values(client.contacts.get(contact_id))
    assert stored["City"] == "Limerick"
    assert stored["Email"] == email and stored["FirstName"] == "Form"


def test_register_device_writes_the_matched_contact(
    client: which50.Which50, target: Target, fresh: Fresh
) -> None:
    email = fresh.email("recorded.device@example.ie")
    stored = client.contact_lists.upsert(
        target.list_id, {"Email": email, "FirstName": "Phone"}, match=["Email"]
    )
    before = _count(client, target.list_id)
    device = client.contact_lists.register_device(
        target.list_id,
        fresh.text("fcm:recorded-device-0001"),
        {"ListId": target.list_id, "Values": {"Email": email, "FirstName": "Tablet"}},
        match=["Email"],
    )
    assert device.enc_contact_id == stored.enc_contact_id
    assert device.list_id == target.list_id
    assert _values(client.contacts.get(str(stored.enc_contact_id)))["FirstName"] == "Tablet"
    assert _count(client, target.list_id) == before


def test_server_time_is_an_aware_datetime(
    client: which50.Which50, raw_client: which50_client.AuthenticatedClient
) -> None:
    """The overlay parses the clock the generated client hands back as an ISO 8601 string."""
    now = client.contact_lists.get_server_time()
    assert isinstance(now, datetime.datetime)
    assert now.utcoffset() is not None
    raw = get_server_time.sync_detailed(client=raw_client)
    assert raw.status_code == HTTPStatus.OK
    assert isinstance(raw.parsed, str)
    assert abs(datetime.datetime.fromisoformat(raw.parsed) - now) < datetime.timedelta(minutes=5)
