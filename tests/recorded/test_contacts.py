"""Recorded: one contact and its history (`client.contacts`, operations #1-#9).

Most tests write their own contact (an upsert on `Email`), send it the target journey's email
and text message, and then read the history back, so the assertions are about what the test
did rather than about seeded rows. The landing-page and web-form histories cannot be written
through the API, so those tests find a contact that already has one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import which50

from .conftest import Fresh, Target, Twin

EMAIL = "recorded.history@example.ie"
MOBILE = "+353870001234"


def written(fresh: Fresh) -> dict[str, Any]:
    """The values each test writes to its own contact."""
    return {"Email": fresh.email(EMAIL), "FirstName": "Recorded", "City": "Galway"}


def _values(contact: Any) -> dict[str, Any]:
    values: dict[str, Any] = contact.values
    return values


#: Runs a call on a client: `twin.call`, or `on(client)` for the sync client alone.
Run = Callable[[Callable[[Any], Any]], Any]


def on(client: which50.Which50) -> Run:
    return lambda fn: fn(client)


def _new_contact(run: Run, target: Target, fresh: Fresh) -> str:
    """A contact of the target list with no history yet; its encrypted id."""
    values = written(fresh)
    stored = run(lambda c: c.contact_lists.upsert(target.list_id, values, match=["Email"]))
    assert stored.enc_contact_id
    return str(stored.enc_contact_id)


def _send_both(run: Run, target: Target, fresh: Fresh) -> None:
    """Send the contact (by `Email`) the journey's email, then its text message."""
    email, mobile = fresh.email(EMAIL), fresh.phone(MOBILE)
    run(
        lambda c: c.sends.send_email(
            target.email_id, {"ListId": target.list_id, "Values": {"Email": email}}, match=["Email"]
        )
    )
    run(
        lambda c: c.sends.send_text_message(
            target.text_message_id,
            {"ListId": target.list_id, "Values": {"Email": email, "Mobile": mobile}},
            match=["Email"],
        )
    )


def test_get_contact_returns_the_contact_written(twin: Twin, target: Target, fresh: Fresh) -> None:
    contact_id = _new_contact(twin.call, target, fresh)
    contact = twin.call(lambda c: c.contacts.get(contact_id))
    assert contact.enc_contact_id == contact_id
    assert contact.list_id == target.list_id
    values = written(fresh)
    assert {name: _values(contact).get(name) for name in values} == values


def test_get_contact_of_a_listed_contact(client: which50.Which50, target: Target) -> None:
    """A contact read on its own is the one the list's listing shows."""
    listed = client.contact_lists.list_contacts(target.list_id)[0]
    contact = client.contacts.get(str(listed.enc_contact_id))
    assert contact.enc_contact_id == listed.enc_contact_id
    assert contact.list_id == target.list_id
    assert _values(contact) == _values(listed)


def test_list_journeys_names_the_journey_of_a_send(
    client: which50.Which50, target: Target, fresh: Fresh
) -> None:
    contact_id = _new_contact(on(client), target, fresh)
    assert client.contacts.list_journeys(contact_id) == []
    _send_both(on(client), target, fresh)
    journeys = client.contacts.list_journeys(contact_id)
    assert [journey.id for journey in journeys] == [target.journey_id]
    assert journeys[0].list_id == target.list_id


def test_list_communications_holds_each_send(twin: Twin, target: Target, fresh: Fresh) -> None:
    contact_id = _new_contact(twin.call, target, fresh)
    assert twin.call(lambda c: c.contacts.list_communications(contact_id)) == []
    _send_both(twin.call, target, fresh)
    communications = twin.call(lambda c: c.contacts.list_communications(contact_id))
    emails = twin.call(lambda c: c.contacts.list_emails(contact_id))
    texts = twin.call(lambda c: c.contacts.list_text_messages(contact_id))
    assert len(communications) == 2
    assert {item.campaign_id for item in communications} == {target.journey_id}
    assert sorted(item.name for item in communications) == sorted([emails[0].name, texts[0].name])
    assert len({item.id for item in communications}) == 2


def test_list_journey_activities_is_the_journey_share(
    client: which50.Which50, target: Target, fresh: Fresh
) -> None:
    """Every interaction of the contact is in the target journey, so the two listings agree."""
    contact_id = _new_contact(on(client), target, fresh)
    _send_both(on(client), target, fresh)
    activities = client.contacts.list_journey_activities(contact_id, target.journey_id)
    communications = client.contacts.list_communications(contact_id)
    assert len(activities) == 2
    assert {item.campaign_id for item in activities} == {target.journey_id}
    assert [item.id for item in activities] == [item.id for item in communications]


def test_summary_lists_the_sends(twin: Twin, target: Target, fresh: Fresh) -> None:
    contact_id = _new_contact(twin.call, target, fresh)
    _send_both(twin.call, target, fresh)
    summary = twin.call(lambda c: c.contacts.get_summary(contact_id))
    assert [email.id for email in summary.emails] == [target.email_id]
    assert [text.id for text in summary.text_messages] == [target.text_message_id]
    assert summary.landing_pages == []
    assert summary.web_forms == []
    assert summary.rsvp_events == []
    assert summary.competitions == []


def test_list_emails_after_a_send(client: which50.Which50, target: Target, fresh: Fresh) -> None:
    contact_id = _new_contact(on(client), target, fresh)
    assert client.contacts.list_emails(contact_id) == []
    _send_both(on(client), target, fresh)
    emails = client.contacts.list_emails(contact_id)
    assert [email.id for email in emails] == [target.email_id]
    assert emails[0].delivered == 1


def test_list_text_messages_after_a_send(
    client: which50.Which50, target: Target, fresh: Fresh
) -> None:
    contact_id = _new_contact(on(client), target, fresh)
    assert client.contacts.list_text_messages(contact_id) == []
    _send_both(on(client), target, fresh)
    texts = client.contacts.list_text_messages(contact_id)
    assert [text.id for text in texts] == [target.text_message_id]
    assert texts[0].delivered == 1
    assert client.contacts.list_emails(contact_id)[0].id == target.email_id


def test_list_landing_pages_of_a_visitor(client: which50.Which50, target: Target) -> None:
    """A contact in the journey's landing-page report has that page in its own history."""
    visitors = client.journeys.reports.list_landing_page_contacts(
        target.journey_id, target.landing_page_id
    )
    assert visitors
    contact_id = str(visitors[0].enc_contact_id)
    pages = client.contacts.list_landing_pages(contact_id)
    assert target.landing_page_id in [page.id for page in pages]
    summary = client.contacts.get_summary(contact_id)
    assert isinstance(summary.landing_pages, list)
    assert [page for page in summary.landing_pages] == [page for page in pages[:10]]


def test_list_web_forms_of_a_submitter(client: which50.Which50, target: Target) -> None:
    """The first listed contact with a web form: its forms are submitted, and in its summary."""
    forms: list[Any] = []
    contact_id = ""
    for contact in client.contact_lists.list_contacts(target.list_id):
        contact_id = str(contact.enc_contact_id)
        forms = client.contacts.list_web_forms(contact_id)
        if forms:
            break
    assert forms, "no contact of the list has submitted a web form"
    assert all(form.submitted == 1 for form in forms)
    assert all(isinstance(form.landing_page_id, int) for form in forms)
    summary = client.contacts.get_summary(contact_id)
    assert isinstance(summary.web_forms, list)
    assert summary.web_forms == forms[:10]
