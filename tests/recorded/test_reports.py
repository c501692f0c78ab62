"""A journey's channel reports and the contacts behind each count, recorded.

Covers getJourneyReports, getJourneyEmailReport, listJourneyEmailContacts,
listJourneyEmailContactsByState, getJourneyTextMessageReport, listJourneyTextMessageContacts,
listJourneyTextMessageContactsByState, getJourneyLandingPageReport,
listJourneyLandingPageContacts and listJourneyLandingPageContactsByState. The counts are checked
against each other and against the contact listings, and a send must raise them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, get_args

import pytest
import which50
import which50_client
from which50.types import Contact, EmailState, JourneyChannelReports, LandingPageState
from which50_client.api.journey_reports import (
    get_journey_email_report,
    list_journey_email_contacts_by_state,
)
from which50_client.models import EmailReportState

from .conftest import Fresh, Target, Twin

EMAIL_STATES: list[EmailState] = list(get_args(EmailState))
TEXT_MESSAGE_STATES = ["Sent", "Delivered", "Failed"]
#: Landing-page states whose listing holds exactly the contacts the report counts.
LANDING_PAGE_DISTINCT: list[LandingPageState] = ["KnownVisits", "KnownClicks", "WebformSubmits"]
#: States whose report counts events (a contact may visit or click twice): at least the contacts.
LANDING_PAGE_EVENTS: list[LandingPageState] = ["TotalVisits", "TotalClicks", "TotalSubmits"]
#: A state that is a listing, not a count (the spec's `LandingPageReportState`).
LANDING_PAGE_OTHER: list[LandingPageState] = ["LinkDetails"]


def _report(reports: Sequence[Any], item_id: int) -> dict[str, Any]:
    """The one report of `item_id` in a channel's reports (which50's pydantic models, or the
    raw client's attrs models), as the API's JSON (by alias)."""
    found = [
        report.model_dump(by_alias=True) if hasattr(report, "model_dump") else report.to_dict()
        for report in reports
        if report.id == item_id
    ]
    assert len(found) == 1, f"one report for item {item_id}"
    report: dict[str, Any] = found[0]
    return report


def _listed(reports: object) -> list[Any]:
    """A channel's reports in the overview: a list (the schema also allows null)."""
    assert isinstance(reports, list)
    return reports


def _ids(contacts: Sequence[Contact]) -> list[str]:
    ids = [str(contact.enc_contact_id) for contact in contacts]
    assert len(ids) == len(set(ids)), "a contact is listed twice"
    return ids


def _same_list(contacts: Sequence[Contact], target: Target) -> None:
    assert {contact.list_id for contact in contacts} <= {target.list_id}


def test_get_journey_reports_covers_every_channel(twin: Twin, target: Target) -> None:
    """One report per item, and counts that agree with each other."""
    overview = twin.call(lambda c: c.journeys.reports.get(target.journey_id))
    assert isinstance(overview, JourneyChannelReports)
    email = _report(_listed(overview.emails), target.email_id)
    assert email["Bounced"] == email["SoftBounced"] + email["HardBounced"]
    assert email["Delivered"] + email["Bounced"] <= email["Sent"]
    assert all(0 <= email[state] <= email["Sent"] for state in EMAIL_STATES)
    text = _report(_listed(overview.text_messages), target.text_message_id)
    assert text["Delivered"] + text["Failed"] <= text["Sent"]
    page = _report(_listed(overview.landing_pages), target.landing_page_id)
    assert page["KnownVisits"] <= page["TotalVisits"]
    assert page["KnownClicks"] <= page["TotalClicks"]
    assert email["Sent"] > 0 and text["Sent"] > 0 and page["TotalVisits"] > 0


def test_get_journey_email_report_matches_the_overview(
    client: which50.Which50, target: Target
) -> None:
    emails = client.journeys.reports.list_emails(target.journey_id)
    overview = client.journeys.reports.get(target.journey_id)
    assert [r.model_dump(by_alias=True) for r in emails] == [
        r.model_dump(by_alias=True) for r in _listed(overview.emails)
    ]
    assert _report(emails, target.email_id)["Id"] == target.email_id


def test_get_journey_text_message_report_matches_the_overview(
    client: which50.Which50, target: Target
) -> None:
    texts = client.journeys.reports.list_text_messages(target.journey_id)
    overview = client.journeys.reports.get(target.journey_id)
    assert [r.model_dump(by_alias=True) for r in texts] == [
        r.model_dump(by_alias=True) for r in _listed(overview.text_messages)
    ]
    assert _report(texts, target.text_message_id)["Id"] == target.text_message_id


def test_get_journey_landing_page_report_matches_the_overview(twin: Twin, target: Target) -> None:
    pages = twin.call(lambda c: c.journeys.reports.list_landing_pages(target.journey_id))
    overview = twin.call(lambda c: c.journeys.reports.get(target.journey_id))
    assert [r.model_dump(by_alias=True) for r in pages] == [
        r.model_dump(by_alias=True) for r in _listed(overview.landing_pages)
    ]
    assert _report(pages, target.landing_page_id)["Id"] == target.landing_page_id


def test_list_journey_email_contacts_are_the_contacts_sent_it(
    client: which50.Which50, target: Target
) -> None:
    report = _report(client.journeys.reports.list_emails(target.journey_id), target.email_id)
    contacts = client.journeys.reports.list_email_contacts(target.journey_id, target.email_id)
    assert len(_ids(contacts)) == report["Sent"]
    _same_list(contacts, target)


@pytest.mark.parametrize("state", EMAIL_STATES)
def test_list_journey_email_contacts_by_state_match_the_report(
    client: which50.Which50, target: Target, state: EmailState
) -> None:
    report = _report(client.journeys.reports.list_emails(target.journey_id), target.email_id)
    everyone = _ids(client.journeys.reports.list_email_contacts(target.journey_id, target.email_id))
    at_state = client.journeys.reports.list_email_contacts_by_state(
        target.journey_id, target.email_id, state=state
    )
    assert len(_ids(at_state)) == report[state]
    assert set(_ids(at_state)) <= set(everyone)
    _same_list(at_state, target)


def test_email_contacts_by_state_with_the_generated_client_alone(
    raw_client: which50_client.AuthenticatedClient, target: Target
) -> None:
    report = get_journey_email_report.sync_detailed(target.journey_id, client=raw_client)
    assert report.status_code == 200 and isinstance(report.parsed, list)
    opened = list_journey_email_contacts_by_state.sync_detailed(
        target.journey_id, target.email_id, EmailReportState.OPENED, client=raw_client
    )
    assert opened.status_code == 200 and isinstance(opened.parsed, list)
    assert len(opened.parsed) == _report(report.parsed, target.email_id)["Opened"]
    assert all(isinstance(contact, which50_client.models.Contact) for contact in opened.parsed)


def test_list_journey_text_message_contacts_are_the_contacts_sent_it(
    client: which50.Which50, target: Target
) -> None:
    report = _report(
        client.journeys.reports.list_text_messages(target.journey_id), target.text_message_id
    )
    contacts = client.journeys.reports.list_text_message_contacts(
        target.journey_id, target.text_message_id
    )
    assert len(_ids(contacts)) == report["Sent"]
    _same_list(contacts, target)


@pytest.mark.parametrize("state", TEXT_MESSAGE_STATES)
def test_list_journey_text_message_contacts_by_state_match_the_report(
    twin: Twin, target: Target, state: str
) -> None:
    journey, text = target.journey_id, target.text_message_id
    report = _report(twin.call(lambda c: c.journeys.reports.list_text_messages(journey)), text)
    everyone = _ids(
        twin.call(lambda c: c.journeys.reports.list_text_message_contacts(journey, text))
    )
    at_state = twin.call(
        lambda c: c.journeys.reports.list_text_message_contacts_by_state(journey, text, state=state)
    )
    assert len(_ids(at_state)) == report[state]
    assert set(_ids(at_state)) <= set(everyone)
    _same_list(at_state, target)


def test_list_journey_landing_page_contacts_are_the_known_visitors(
    client: which50.Which50, target: Target
) -> None:
    report = _report(
        client.journeys.reports.list_landing_pages(target.journey_id), target.landing_page_id
    )
    contacts = client.journeys.reports.list_landing_page_contacts(
        target.journey_id, target.landing_page_id
    )
    assert len(_ids(contacts)) == report["KnownVisits"]
    _same_list(contacts, target)


@pytest.mark.parametrize("state", LANDING_PAGE_DISTINCT + LANDING_PAGE_EVENTS + LANDING_PAGE_OTHER)
def test_list_journey_landing_page_contacts_by_state_match_the_report(
    client: which50.Which50, target: Target, state: LandingPageState
) -> None:
    journey, page = target.journey_id, target.landing_page_id
    report = _report(client.journeys.reports.list_landing_pages(journey), page)
    everyone = _ids(client.journeys.reports.list_landing_page_contacts(journey, page))
    at_state = client.journeys.reports.list_landing_page_contacts_by_state(
        journey, page, state=state
    )
    assert set(_ids(at_state)) <= set(everyone)
    _same_list(at_state, target)
    if state in LANDING_PAGE_DISTINCT:
        assert len(at_state) == report[state]
    elif state in LANDING_PAGE_EVENTS:
        assert len(at_state) <= report[state]
        assert (len(at_state) == 0) == (report[state] == 0)


def test_an_email_send_raises_the_email_report(
    client: which50.Which50, target: Target, fresh: Fresh
) -> None:
    """The contact an email is sent to is counted as sent, and listed at the `Sent` state."""
    journey, email = target.journey_id, target.email_id
    before = _report(client.journeys.reports.list_emails(journey), email)
    sent = client.sends.send_email(
        email,
        {"ListId": target.list_id, "Values": {"Email": fresh.email("reports.email@example.ie")}},
        match=["Email"],
    )
    after = _report(client.journeys.reports.list_emails(journey), email)
    assert after["Sent"] == before["Sent"] + 1
    assert all(after[state] >= before[state] for state in EMAIL_STATES)
    at_sent = _ids(
        client.journeys.reports.list_email_contacts_by_state(journey, email, state="Sent")
    )
    assert str(sent.enc_contact_id) in at_sent and len(at_sent) == after["Sent"]


def test_a_text_message_send_raises_the_text_message_report(
    twin: Twin, target: Target, fresh: Fresh
) -> None:
    journey, text = target.journey_id, target.text_message_id
    before = _report(twin.call(lambda c: c.journeys.reports.list_text_messages(journey)), text)
    values = {
        "Email": fresh.email("reports.text@example.ie"),
        "Mobile": fresh.phone("+353870000100"),
    }
    sent = twin.call(
        lambda c: c.sends.send_text_message(
            text, {"ListId": target.list_id, "Values": values}, match=["Email"]
        )
    )
    after = _report(twin.call(lambda c: c.journeys.reports.list_text_messages(journey)), text)
    assert after["Sent"] == before["Sent"] + 1
    assert all(after[state] >= before[state] for state in TEXT_MESSAGE_STATES)
    everyone = _ids(
        twin.call(lambda c: c.journeys.reports.list_text_message_contacts(journey, text))
    )
    assert str(sent.enc_contact_id) in everyone and len(everyone) == after["Sent"]
