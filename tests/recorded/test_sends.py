"""Sends: write contacts, then send them an email or a text message, recorded.

Covers sendEmail (POST), upsertAndSendEmail (PUT), updateMatchingAndSendEmail (PATCH),
sendTextMessage, upsertAndSendTextMessage and updateMatchingAndSendTextMessage. Each test
checks the contact the send returns (the values it wrote, the contact it matched) and that the
send then shows in the contact's history. Contacts are written first with `match`, and the
history compared before and after, so the tests also hold on an account that already has them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import which50
from which50.types import Contact

from .conftest import Fresh, Target, Twin


def _values(contact: Contact) -> dict[str, Any]:
    values: dict[str, Any] = contact.values
    return values


def _id(contact: Contact) -> str:
    assert isinstance(contact.enc_contact_id, str) and contact.enc_contact_id
    return contact.enc_contact_id


def _wrote(contact: Contact, values: Mapping[str, Any]) -> bool:
    """Whether the contact holds every value written."""
    stored = _values(contact)
    return all(stored.get(name) == value for name, value in values.items())


def _item_ids(history: object) -> Counter[int]:
    """How many times each email or text message appears in a contact's history."""
    assert isinstance(history, list)
    return Counter(entry.id for entry in history)


def _added(before: object, after: object) -> Counter[int]:
    """The emails or text messages the history gained."""
    return _item_ids(after) - _item_ids(before)


# ------------------------------------------------------------------------------------ email


def test_send_email_sends_to_the_contact_it_matches(
    twin: Twin, target: Target, fresh: Fresh
) -> None:
    """POST updates the contact matched on Email, returns it, and sends it the email once."""
    email = fresh.email("sends.post@example.ie")
    stored = twin.call(
        lambda c: c.contact_lists.upsert(target.list_id, {"Email": email}, match=["Email"])
    )
    contact_id = _id(stored)
    emails_before = twin.call(lambda c: c.contacts.list_emails(contact_id))
    events_before = twin.call(lambda c: c.contacts.list_communications(contact_id))
    values = {"Email": email, "FirstName": "Posted", "City": "Galway"}
    sent = twin.call(
        lambda c: c.sends.send_email(
            target.email_id, {"ListId": target.list_id, "Values": values}, match=["Email"]
        )
    )
    assert isinstance(sent, Contact)
    assert _id(sent) == contact_id and sent.list_id == target.list_id
    assert _wrote(sent, values)
    emails = twin.call(lambda c: c.contacts.list_emails(contact_id))
    assert _added(emails_before, emails) == Counter({target.email_id: 1})
    events = twin.call(lambda c: c.contacts.list_communications(contact_id))
    new = [e for e in events if e.id not in {b.id for b in events_before}]
    assert [(e.interaction, e.campaign_id) for e in new] == [("Email", target.journey_id)]


def test_send_email_without_match_creates_a_contact_each_time(
    client: which50.Which50, target: Target, fresh: Fresh
) -> None:
    values = {"Email": fresh.email("sends.nomatch@example.ie"), "FirstName": "Unmatched"}
    first = client.sends.send_email(target.email_id, {"ListId": target.list_id, "Values": values})
    second = client.sends.send_email(target.email_id, {"ListId": target.list_id, "Values": values})
    assert _id(first) != _id(second)
    for sent in (first, second):
        assert sent.list_id == target.list_id and _wrote(sent, values)
        emails = client.contacts.list_emails(_id(sent))
        assert _item_ids(emails) == Counter({target.email_id: 1})


def test_upsert_and_send_email_sends_to_every_match(
    client: which50.Which50, target: Target, fresh: Fresh
) -> None:
    """PUT updates every contact whose matched field equals the body's value, and sends to each."""
    address = fresh.text("1 Upsert Quay")
    ids = [
        _id(
            client.contact_lists.upsert(
                target.list_id, {"Email": email, "Address1": address}, match=["Email"]
            )
        )
        for email in (fresh.email("sends.put.1@example.ie"), fresh.email("sends.put.2@example.ie"))
    ]
    before = {contact_id: client.contacts.list_emails(contact_id) for contact_id in ids}
    sent = client.sends.upsert_and_send_email(
        target.email_id,
        {"ListId": target.list_id, "Values": {"Address1": address, "City": "Cork"}},
        match=["Address1"],
    )
    assert _id(sent) in ids
    assert _wrote(sent, {"Address1": address, "City": "Cork"})
    for contact_id in ids:
        assert _values(client.contacts.get(contact_id))["City"] == "Cork"
        after = client.contacts.list_emails(contact_id)
        assert _added(before[contact_id], after) == Counter({target.email_id: 1})


def test_update_matching_and_send_email_uses_the_query_values(
    client: which50.Which50, target: Target, fresh: Fresh
) -> None:
    """PATCH matches on the query's values, sets the body's values, then sends the email."""
    email = fresh.email("sends.patch@example.ie")
    contact_id = _id(
        client.contact_lists.upsert(
            target.list_id, {"Email": email, "City": "Galway"}, match=["Email"]
        )
    )
    before = client.contacts.get_summary(contact_id)
    sent = client.sends.update_matching_and_send_email(
        target.email_id,
        {"ListId": target.list_id, "Values": {"City": "Sligo"}},
        match={"Email": email},
    )
    assert _id(sent) == contact_id and _wrote(sent, {"Email": email, "City": "Sligo"})
    assert _values(client.contacts.get(contact_id))["City"] == "Sligo"
    after = client.contacts.get_summary(contact_id)
    assert _added(before.emails, after.emails) == Counter({target.email_id: 1})


# ----------------------------------------------------------------------------- text message


def test_send_text_message_sends_to_the_contact_it_matches(
    client: which50.Which50, target: Target, fresh: Fresh
) -> None:
    email = fresh.email("sends.text.post@example.ie")
    contact_id = _id(client.contact_lists.upsert(target.list_id, {"Email": email}, match=["Email"]))
    texts_before = client.contacts.list_text_messages(contact_id)
    values = {"Email": email, "Mobile": fresh.phone("+353870000201")}
    sent = client.sends.send_text_message(
        target.text_message_id, {"ListId": target.list_id, "Values": values}, match=["Email"]
    )
    assert _id(sent) == contact_id and sent.list_id == target.list_id and _wrote(sent, values)
    texts = client.contacts.list_text_messages(contact_id)
    assert _added(texts_before, texts) == Counter({target.text_message_id: 1})
    journeys = client.contacts.list_journeys(contact_id)
    assert target.journey_id in {journey.id for journey in journeys}


def test_upsert_and_send_text_message_updates_the_match(
    twin: Twin, target: Target, fresh: Fresh
) -> None:
    email = fresh.email("sends.text.put@example.ie")
    stored = twin.call(
        lambda c: c.contact_lists.upsert(
            target.list_id,
            {"Email": email, "Mobile": fresh.phone("+353870000202")},
            match=["Email"],
        )
    )
    contact_id = _id(stored)
    before = twin.call(lambda c: c.contacts.list_text_messages(contact_id))
    values = {"Email": email, "Mobile": fresh.phone("+353870000203")}
    sent = twin.call(
        lambda c: c.sends.upsert_and_send_text_message(
            target.text_message_id, {"ListId": target.list_id, "Values": values}, match=["Email"]
        )
    )
    assert isinstance(sent, Contact)
    assert _id(sent) == contact_id and _wrote(sent, values)
    after = twin.call(lambda c: c.contacts.list_text_messages(contact_id))
    assert _added(before, after) == Counter({target.text_message_id: 1})


def test_update_matching_and_send_text_message_matches_a_number_field(
    client: which50.Which50, target: Target, fresh: Fresh
) -> None:
    """PATCH on a Number field: the int match value goes in the query as text, and matches."""
    account, mobile = fresh.number(990001), fresh.phone("+353870000204")
    values = {"Email": fresh.email("sends.text.patch@example.ie"), "ReferanceAccountId": account}
    contact_id = _id(client.contact_lists.upsert(target.list_id, values, match=["Email"]))
    before = client.contacts.list_text_messages(contact_id)
    sent = client.sends.update_matching_and_send_text_message(
        target.text_message_id,
        {"ListId": target.list_id, "Values": {"Mobile": mobile}},
        match={"ReferanceAccountId": account},
    )
    assert _id(sent) == contact_id
    assert _wrote(sent, {**values, "Mobile": mobile})
    after = client.contacts.list_text_messages(contact_id)
    assert _added(before, after) == Counter({target.text_message_id: 1})
