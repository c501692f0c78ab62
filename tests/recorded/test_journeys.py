"""Journeys, their contacts and activities, and the landing-page PDF, recorded.

Covers listJourneys, getJourney, listJourneyContacts, listJourneyActivities, getJourneyActivity,
listJourneyActivityContacts and generateLandingPagePdf. The assertions are relations between
answers (a journey's reach is its contacts, an activity belongs to its journey, ...) rather
than the sandbox's display names, so that they also hold against the real API.
"""

from __future__ import annotations

from typing import Any

import which50
import which50_client
from which50.types import Campaign, CampaignActivity, Contact
from which50.types import Target as Audience
from which50_client.api.journeys import get_journey, list_journey_activities
from which50_client.models import Campaign as RawCampaign

from .conftest import Fresh, Target, Twin

PDF_EMAIL = "journeys.pdf@example.ie"


def _values(contact: Contact) -> dict[str, Any]:
    values: dict[str, Any] = contact.values
    return values


def _ids(contacts: list[Contact]) -> list[str]:
    return [str(contact.enc_contact_id) for contact in contacts]


def test_list_journeys_includes_the_target_journey(client: which50.Which50, target: Target) -> None:
    journeys = client.journeys.list()
    ids = [journey.id for journey in journeys]
    assert len(ids) == len(set(ids)), "each journey is listed once"
    assert all(isinstance(journey, Campaign) for journey in journeys)
    found = next(journey for journey in journeys if journey.id == target.journey_id)
    assert found.list_id == target.list_id


def test_get_journey_matches_the_listing(twin: Twin, target: Target) -> None:
    """getJourney gives the same journey as listJourneys, with the channels it sends."""
    journey = twin.call(lambda c: c.journeys.get(target.journey_id))
    listed = twin.call(lambda c: c.journeys.list())
    assert isinstance(journey, Campaign)
    assert journey.id == target.journey_id and journey.list_id == target.list_id
    assert [j for j in listed if j.id == target.journey_id] == [journey]
    # Emails, TextMessages and LandingPages map each item's id (as text) to its name.
    items = journey.model_dump(by_alias=True)
    assert str(target.email_id) in items["Emails"]
    assert str(target.text_message_id) in items["TextMessages"]
    assert str(target.landing_page_id) in items["LandingPages"]
    assert {"Email", "SMS", "LandingPage"} <= set(str(journey.channels).split(","))


def test_get_journey_with_the_generated_client_alone(
    raw_client: which50_client.AuthenticatedClient, target: Target
) -> None:
    response = get_journey.sync_detailed(target.journey_id, client=raw_client)
    assert response.status_code == 200
    assert isinstance(response.parsed, RawCampaign)
    assert response.parsed.id == target.journey_id
    assert response.parsed.list_id == target.list_id
    activities = list_journey_activities.sync_detailed(target.journey_id, client=raw_client)
    assert activities.status_code == 200 and isinstance(activities.parsed, list)
    assert {activity.campaign_id for activity in activities.parsed} == {target.journey_id}


def test_list_journey_contacts_are_the_journeys_reach(
    client: which50.Which50, target: Target
) -> None:
    """The journey's contacts are the distinct contacts it reached, all of the journey's list."""
    journey = client.journeys.get(target.journey_id)
    contacts = client.journeys.list_contacts(target.journey_id)
    ids = _ids(contacts)
    assert contacts and len(ids) == len(set(ids))
    assert len(contacts) == journey.reach
    assert {contact.list_id for contact in contacts} == {target.list_id}


def test_list_journey_activities_belong_to_the_journey(
    client: which50.Which50, target: Target
) -> None:
    activities = client.journeys.activities.list(target.journey_id)
    assert activities and all(isinstance(a, CampaignActivity) for a in activities)
    ids = [activity.id for activity in activities]
    assert len(ids) == len(set(ids))
    for activity in activities:
        assert activity.campaign_id == target.journey_id
        assert isinstance(activity.target, Audience)
        audience = activity.target.model_dump(by_alias=True)
        assert audience["ContactListId"] == target.list_id
        # Distinct addresses never outnumber addresses, which never outnumber contacts.
        assert audience["ContactsCountEmail"] <= audience["ContactsCountEmailWithDuplicates"]
        assert audience["ContactsCountEmailWithDuplicates"] <= audience["ContactsCount"]
        assert audience["ContactsCountSms"] <= audience["ContactsCountSmsWithDuplicates"]
        assert audience["ContactsCountSmsWithDuplicates"] <= audience["ContactsCount"]


def test_get_journey_activity_matches_the_listing(twin: Twin, target: Target) -> None:
    activities = twin.call(lambda c: c.journeys.activities.list(target.journey_id))
    last = activities[-1]
    activity = twin.call(lambda c: c.journeys.activities.get(target.journey_id, last.id))
    assert isinstance(activity, CampaignActivity)
    assert activity == last
    assert activity.campaign_id == target.journey_id


def test_list_journey_activity_contacts_are_journey_contacts(
    client: which50.Which50, target: Target
) -> None:
    """Every activity's contacts are contacts of the journey; together they reach someone."""
    journey_contacts = set(_ids(client.journeys.list_contacts(target.journey_id)))
    reached: set[str] = set()
    for activity in client.journeys.activities.list(target.journey_id):
        assert isinstance(activity.id, int)
        contacts = client.journeys.activities.list_contacts(target.journey_id, activity.id)
        ids = _ids(contacts)
        assert len(ids) == len(set(ids)), f"activity {activity.id} lists a contact twice"
        assert {contact.list_id for contact in contacts} <= {target.list_id}
        assert set(ids) <= journey_contacts
        reached |= set(ids)
    assert reached


def test_generate_landing_page_pdf_writes_the_contact(
    client: which50.Which50, target: Target, fresh: Fresh
) -> None:
    """The PDF is a whole PDF document, and the contact it was made for is stored."""
    pdf_email = fresh.email(PDF_EMAIL)
    values = {"Email": pdf_email, "FirstName": "Pdf", "City": "Galway"}
    pdf = client.journeys.generate_landing_page_pdf(
        target.journey_id,
        target.landing_page_id,
        values,
        list_id=target.list_id,
        match=["Email"],
        custom_events=["PdfRequested"],
    )
    assert isinstance(pdf, bytes)
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    # personalised with the contact's values (the sandbox writes them as PDF text)
    assert b"(City: Galway) '" in pdf and f"(Email: {pdf_email}) '".encode() in pdf
    stored = [
        contact
        for contact in client.contact_lists.list_contacts(target.list_id)
        if _values(contact).get("Email") == pdf_email
    ]
    assert len(stored) == 1
    assert {k: _values(stored[0]).get(k) for k in values} == values


def test_generate_landing_page_pdf_twice_updates_one_contact(
    twin: Twin, target: Target, fresh: Fresh
) -> None:
    """With `match`, a second PDF for the same address updates the contact it made first."""
    pdf_email = fresh.email(PDF_EMAIL)

    def pdf_for(city: str) -> bytes:
        made: bytes = twin.call(
            lambda c: c.journeys.generate_landing_page_pdf(
                target.journey_id,
                target.landing_page_id,
                {"Email": pdf_email, "City": city},
                list_id=target.list_id,
                match=["Email"],
            )
        )
        return made

    first, second = pdf_for("Galway"), pdf_for("Sligo")
    assert first.startswith(b"%PDF-") and second.startswith(b"%PDF-")
    assert b"(City: Galway) '" in first and b"(City: Sligo) '" in second
    contacts = twin.call(lambda c: c.contact_lists.list_contacts(target.list_id))
    stored = [c for c in contacts if _values(c).get("Email") == pdf_email]
    assert len(stored) == 1 and _values(stored[0])["City"] == "Sligo"
