"""Journeys (#33-#35, #46-#49), their reports (#36-#45) and the sends (#50-#55)."""

from __future__ import annotations

from which50_client import AuthenticatedClient
from which50_client.api.contacts import (
    get_contact_summary,
    list_contact_communications,
    list_contact_emails,
    list_contact_text_messages,
)
from which50_client.api.journey_reports import (
    get_journey_email_report,
    get_journey_landing_page_report,
    get_journey_reports,
    get_journey_text_message_report,
    list_journey_email_contacts,
    list_journey_email_contacts_by_state,
    list_journey_landing_page_contacts,
    list_journey_landing_page_contacts_by_state,
    list_journey_text_message_contacts,
    list_journey_text_message_contacts_by_state,
)
from which50_client.api.journeys import (
    generate_landing_page_pdf,
    get_journey,
    get_journey_activity,
    list_journey_activities,
    list_journey_activity_contacts,
    list_journey_contacts,
    list_journeys,
)
from which50_client.api.sends import (
    send_email,
    send_text_message,
    update_matching_and_send_email,
    update_matching_and_send_text_message,
    upsert_and_send_email,
    upsert_and_send_text_message,
)
from which50_client.models import (
    Campaign,
    CampaignActivity,
    Contact,
    ContactInput,
    ContactSummary,
    EmailReport,
    EmailReportState,
    HttpError,
    JourneyChannelReports,
    LandingPageReportState,
    SendEmailRequestDTO,
    SendTextMessageRequestDTO,
    Target,
    TextMessageReport,
    UpdateMatchingAndSendEmailMatchValues,
    UpdateMatchingAndSendTextMessageMatchValues,
)

from .conftest import contact


def test_journeys_and_their_contacts(client: AuthenticatedClient) -> None:
    journeys = list_journeys.sync(client=client)
    assert isinstance(journeys, list) and [j.id for j in journeys] == [377, 381]
    journey = get_journey.sync(377, client=client)
    assert isinstance(journey, Campaign) and journey.list_id == 1042
    contacts = list_journey_contacts.sync(377, client=client)
    assert isinstance(contacts, list) and journey.reach == len(contacts)
    assert get_journey.sync_detailed(1, client=client).status_code == 404
    assert list_journey_contacts.sync_detailed(1, client=client).status_code == 404


def test_activities_with_their_targets(client: AuthenticatedClient) -> None:
    activities = list_journey_activities.sync(377, client=client)
    assert isinstance(activities, list) and [a.id for a in activities][:2] == [15502, 15503]
    activity = get_journey_activity.sync(377, 15503, client=client)
    assert isinstance(activity, CampaignActivity) and isinstance(activity.target, Target)
    assert activity.target.name == "Subscribers with a mobile number"
    # the target counts the list's contacts that have a mobile number
    assert activity.target.contacts_count == activity.target.contacts_count_sms_with_duplicates
    participants = list_journey_activity_contacts.sync(377, 15503, client=client)
    assert isinstance(participants, list) and participants
    assert get_journey_activity.sync_detailed(381, 15503, client=client).status_code == 404
    assert list_journey_activity_contacts.sync_detailed(377, 1, client=client).status_code == 404


def test_reports_count_the_stored_interactions(client: AuthenticatedClient) -> None:
    reports = get_journey_reports.sync(377, client=client)
    assert isinstance(reports, JourneyChannelReports)
    emails = get_journey_email_report.sync(377, client=client)
    texts = get_journey_text_message_report.sync(377, client=client)
    pages = get_journey_landing_page_report.sync(377, client=client)
    assert isinstance(emails, list) and isinstance(texts, list) and isinstance(pages, list)
    assert isinstance(reports.emails, list) and isinstance(reports.landing_pages, list)
    assert [e.to_dict() for e in reports.emails] == [e.to_dict() for e in emails]
    assert [p.to_dict() for p in reports.landing_pages] == [p.to_dict() for p in pages]
    report = next(e for e in emails if e.id == 9177)
    for state in EmailReportState:
        listed = list_journey_email_contacts_by_state.sync(377, 9177, state, client=client)
        assert isinstance(listed, list)
        assert len(listed) <= getattr(
            report, state.value.lower().replace("bounced", "_bounced").lstrip("_")
        )
    sent = list_journey_email_contacts.sync(377, 9177, client=client)
    assert isinstance(sent, list) and len(sent) == report.sent
    text = texts[0]
    assert isinstance(text, TextMessageReport) and text.sent == (text.delivered or 0) + (
        text.failed or 0
    )
    failed = list_journey_text_message_contacts_by_state.sync(377, 4410, "Failed", client=client)
    assert isinstance(failed, list) and len(failed) == text.failed
    all_texted = list_journey_text_message_contacts.sync(377, 4410, client=client)
    assert isinstance(all_texted, list) and len(all_texted) == text.sent
    visitors = list_journey_landing_page_contacts.sync(377, 2301, client=client)
    known = list_journey_landing_page_contacts_by_state.sync(
        377, 2301, LandingPageReportState.KNOWNVISITS, client=client
    )
    assert isinstance(visitors, list) and isinstance(known, list)
    assert len(visitors) == len(known) == pages[0].known_visits


def test_invalid_states_and_unknown_reports(client: AuthenticatedClient) -> None:
    response = list_journey_text_message_contacts_by_state.sync_detailed(
        377, 4410, "Opnd", client=client
    )
    assert response.status_code == 400
    assert (
        isinstance(response.parsed, HttpError)
        and response.parsed.message == "The state 'Opnd' is not valid."
    )
    raw = client.get_httpx_client()
    for url in (
        "/journeys/377/reports/emails/9177/contacts/opened",
        "/journeys/377/reports/landingpages/2301/contacts/Visits",
    ):
        assert raw.get(url).status_code == 400
    assert list_journey_email_contacts.sync_detailed(377, 4410, client=client).status_code == 404
    assert list_journey_email_contacts.sync_detailed(381, 9177, client=client).status_code == 404
    assert get_journey_email_report.sync_detailed(1, client=client).status_code == 404


def test_generate_pdf_upserts_and_returns_a_pdf(client: AuthenticatedClient) -> None:
    body = contact({"Email": "pdf@example.ie", "FirstName": "Pat"})
    response = generate_landing_page_pdf.sync_detailed(
        377, 2301, client=client, body=body, match=["Email"]
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-1.4") and response.content.rstrip().endswith(b"%%EOF")
    assert b"Pat" in response.content and b"Winter Sale landing page" in response.content
    missing = generate_landing_page_pdf.sync_detailed(377, 2350, client=client, body=body)
    assert missing.status_code == 404


def email_send(email: str, **values: object) -> SendEmailRequestDTO:
    return SendEmailRequestDTO(email_id=9120, contact=contact({"Email": email, **values}))


def test_email_sends_show_up_everywhere(client: AuthenticatedClient) -> None:
    before = get_journey_email_report.sync(377, client=client)
    assert isinstance(before, list)
    first = send_email.sync(client=client, body=email_send("s1@example.ie"), match=["Email"])
    assert isinstance(first, Contact) and isinstance(first.enc_contact_id, str)
    again = upsert_and_send_email.sync(
        client=client, body=email_send("s1@example.ie", City="Cork"), match=["Email"]
    )
    assert isinstance(again, Contact) and again.enc_contact_id == first.enc_contact_id
    patched = update_matching_and_send_email.sync(
        client=client,
        body=email_send("s1@example.ie", FirstName="Sam"),
        match=["Email"],
        match_values=UpdateMatchingAndSendEmailMatchValues.from_dict({"Email": "s1@example.ie"}),
    )
    assert isinstance(patched, Contact) and patched.enc_contact_id == first.enc_contact_id
    token = first.enc_contact_id
    emails = list_contact_emails.sync(token, client=client)
    assert isinstance(emails, list) and [(e.id, e.delivered) for e in emails] == [(9120, 1)] * 3
    communications = list_contact_communications.sync(token, client=client)
    assert isinstance(communications, list) and len(communications) == 3
    assert {(c.interaction, c.campaign_id) for c in communications} == {("Email", 377)}
    summary = get_contact_summary.sync(token, client=client)
    assert isinstance(summary, ContactSummary) and isinstance(summary.emails, list)
    assert len(summary.emails) == 3
    after = get_journey_email_report.sync(377, client=client)
    assert isinstance(after, list)
    sent = {r.id: r.sent for r in after if isinstance(r, EmailReport)}
    # the report counts contacts: three sends to one new contact add one
    assert sent[9120] == next(r.sent for r in before if r.id == 9120) + 1


def test_text_message_sends_show_up_everywhere(client: AuthenticatedClient) -> None:
    body = SendTextMessageRequestDTO(
        text_message_id=4410, contact=contact({"Mobile": "+353870000001"})
    )
    first = send_text_message.sync(client=client, body=body, match=["Mobile"])
    second = upsert_and_send_text_message.sync(client=client, body=body, match=["Mobile"])
    third = update_matching_and_send_text_message.sync(
        client=client,
        body=body,
        match=["Mobile"],
        match_values=UpdateMatchingAndSendTextMessageMatchValues.from_dict(
            {"Mobile": "+353870000001"}
        ),
    )
    assert isinstance(first, Contact) and isinstance(second, Contact) and isinstance(third, Contact)
    assert first.enc_contact_id == second.enc_contact_id == third.enc_contact_id
    assert isinstance(first.enc_contact_id, str)
    texts = list_contact_text_messages.sync(first.enc_contact_id, client=client)
    assert isinstance(texts, list) and [t.id for t in texts] == [4410] * 3
    summary = get_contact_summary.sync(first.enc_contact_id, client=client)
    assert isinstance(summary, ContactSummary) and isinstance(summary.text_messages, list)
    assert len(summary.text_messages) == 3


def test_send_errors(client: AuthenticatedClient) -> None:
    no_list = SendEmailRequestDTO(email_id=9120, contact=ContactInput())
    assert send_email.sync_detailed(client=client, body=no_list).status_code == 400
    unknown_email = SendEmailRequestDTO(email_id=1, contact=contact({"Email": "e@example.ie"}))
    assert send_email.sync_detailed(client=client, body=unknown_email).status_code == 404
    nobody = update_matching_and_send_email.sync_detailed(
        client=client,
        body=email_send("e@example.ie"),
        match=["Email"],
        match_values=UpdateMatchingAndSendEmailMatchValues.from_dict(
            {"Email": "nobody@example.ie"}
        ),
    )
    assert nobody.status_code == 404
    no_match = update_matching_and_send_email.sync_detailed(
        client=client, body=email_send("e@example.ie")
    )
    assert no_match.status_code == 400
