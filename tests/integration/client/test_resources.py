"""Every resource method against the sandbox, sync and async, with the behaviour it promises."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import which50

from .conftest import JOURNEY_ID, LIST_ID, Live


def _values(contact: Any) -> dict[str, Any]:
    values: dict[str, Any] = contact.values
    return values


def _first_contact_id(live: Live) -> str:
    contacts = live.call(lambda c: c.contact_lists.list_contacts(LIST_ID))
    assert contacts, "the seeded list has contacts"
    return str(contacts[0].enc_contact_id)


def test_contacts(live: Live) -> None:
    contact_id = _first_contact_id(live)
    contact = live.call(lambda c: c.contacts.get(contact_id))
    assert contact.enc_contact_id == contact_id and contact.list_id == LIST_ID
    for method in (
        "list_journeys",
        "list_communications",
        "list_emails",
        "list_text_messages",
        "list_landing_pages",
        "list_web_forms",
    ):
        listed = live.call(lambda c: getattr(c.contacts, method)(contact_id))  # noqa: B023
        assert isinstance(listed, list)
    assert isinstance(
        live.call(lambda c: c.contacts.list_journey_activities(contact_id, JOURNEY_ID)), list
    )
    summary = live.call(lambda c: c.contacts.get_summary(contact_id))
    assert isinstance(summary.emails, list)


def test_contact_lists_and_fields(live: Live) -> None:
    lists = live.call(lambda c: c.contact_lists.list())
    assert LIST_ID in {item.id for item in lists}
    assert live.call(lambda c: c.contact_lists.get(LIST_ID)).name
    fields = live.call(lambda c: c.contact_lists.fields.list(LIST_ID))
    names = {field.name for field in fields}
    assert {"Email", "FirstName", "City"} <= names
    one = live.call(lambda c: c.contact_lists.fields.get(LIST_ID, fields[0].id))
    assert one.name == fields[0].name
    journeys = live.call(lambda c: c.contact_lists.list_journeys(LIST_ID))
    assert JOURNEY_ID in {journey.id for journey in journeys}
    assert isinstance(live.call(lambda c: c.contact_lists.get_server_time()), datetime.datetime)


def test_upsert_by_match_updates_the_same_contact(live: Live) -> None:
    email = f"{live.kind}.upsert@example.ie"
    first = live.call(
        lambda c: c.contact_lists.upsert(
            LIST_ID, {"Email": email, "City": "Galway"}, match=["Email"], custom_events=["Welcome"]
        )
    )
    second = live.call(
        lambda c: c.contact_lists.upsert(
            LIST_ID, {"Email": email, "City": "Sligo"}, match=["Email"]
        )
    )
    assert first.enc_contact_id == second.enc_contact_id
    assert (
        _values(live.call(lambda c: c.contacts.get(str(second.enc_contact_id))))["City"] == "Sligo"
    )


def test_update_matching_sets_values_on_every_match(live: Live) -> None:
    tag = f"{live.kind}-bulk-{id(live)}"
    for n in range(3):
        live.call(
            lambda c: c.contact_lists.upsert(
                LIST_ID,
                {"Email": f"{tag}{n}@example.ie", "City": tag},  # noqa: B023
                match=["Email"],
            )
        )
    updated = live.call(
        lambda c: c.contact_lists.update_matching(
            LIST_ID, {"Address1": "1 Quay St"}, match={"City": tag}
        )
    )
    assert len(updated) == 3
    assert {_values(contact)["Address1"] for contact in updated} == {"1 Quay St"}


def test_form_and_device(live: Live) -> None:
    email = f"{live.kind}.form@example.ie"
    formed = live.call(
        lambda c: c.contact_lists.submit_form(LIST_ID, {"Email": email, "City": "Cork"})
    )
    assert _values(formed)["Email"] == email
    device = live.call(
        lambda c: c.contact_lists.register_device(
            LIST_ID, f"fcm:{live.kind}", {"Values": {"Email": email}}, match=["Email"]
        )
    )
    assert device.enc_contact_id == formed.enc_contact_id


def test_linked_data_records_are_limited_to_the_selection(live: Live) -> None:
    linked = live.call(lambda c: c.contact_lists.linked_data.list(LIST_ID))
    first = linked[0]
    assert (
        live.call(lambda c: c.contact_lists.linked_data.get(LIST_ID, first.id)).name == first.name
    )
    fields = live.call(lambda c: c.contact_lists.linked_data.list_fields(LIST_ID, first.id))
    field = live.call(
        lambda c: c.contact_lists.linked_data.get_field(LIST_ID, first.id, fields[0].id)
    )
    assert field.name == fields[0].name
    chosen = [str(f.name) for f in fields[:2]]
    records = live.call(
        lambda c: c.contact_lists.linked_data.list_records(str(LIST_ID), first.id, select=chosen)
    )
    assert records and all(set(record) <= set(chosen) for record in records)


def test_import_job_lifecycle_one_call_at_a_time(live: Live) -> None:
    job = live.call(lambda c: c.contact_lists.imports.create(LIST_ID, ["Email", "FirstName"]))
    rows = [{"Email": f"{live.kind}.job{n}@example.ie", "FirstName": "J"} for n in range(5)]
    contacts = [{"Values": row} for row in rows]
    live.call(lambda c: c.contact_lists.imports.add_contacts(LIST_ID, job.id, contacts))
    started = live.call(lambda c: c.contact_lists.imports.run(LIST_ID, job.id, match=["Email"]))
    assert started.id == job.id
    for _ in range(200):
        polled = live.call(lambda c: c.contact_lists.imports.get(LIST_ID, job.id))
        if polled.current_status == "Completed":
            break
    assert polled.current_status == "Completed"
    assert polled.inserted_contacts + polled.updated_contacts == 5


def test_files_round_trip(live: Live, tmp_path: Path) -> None:
    local = tmp_path / f"{live.kind}.csv"
    local.write_bytes(b"Email\n" + b"x@example.ie\n" * 10_000)
    uploaded = live.call(lambda c: c.files.upload(local, sub_folder="it"))
    assert uploaded.size == local.stat().st_size
    remote = str(uploaded.file_path)
    assert live.call(lambda c: c.files.read(remote)) == local.read_bytes()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    copy = live.call(lambda c: c.files.download(remote, inbox))
    assert copy.parent == inbox.resolve() and copy.read_bytes() == local.read_bytes()
    live.call(lambda c: c.files.delete(remote))
    with pytest.raises(which50.NotFoundError):
        live.call(lambda c: c.files.read(remote))
    with pytest.raises(which50.BadRequestError):
        live.call(lambda c: c.files.read("../outside.txt"))


def test_journeys_activities_and_pdf(live: Live) -> None:
    journeys = live.call(lambda c: c.journeys.list())
    assert JOURNEY_ID in {journey.id for journey in journeys}
    assert live.call(lambda c: c.journeys.get(JOURNEY_ID)).id == JOURNEY_ID
    assert isinstance(live.call(lambda c: c.journeys.list_contacts(JOURNEY_ID)), list)
    activities = live.call(lambda c: c.journeys.activities.list(JOURNEY_ID))
    one = live.call(lambda c: c.journeys.activities.get(JOURNEY_ID, activities[0].id))
    assert one.id == activities[0].id
    assert isinstance(
        live.call(lambda c: c.journeys.activities.list_contacts(JOURNEY_ID, one.id)), list
    )
    landing = live.call(lambda c: c.journeys.reports.list_landing_pages(JOURNEY_ID))[0]
    pdf = live.call(
        lambda c: c.journeys.generate_landing_page_pdf(
            JOURNEY_ID, landing.id, {"Email": "pdf@example.ie"}, list_id=LIST_ID
        )
    )
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")


def test_reports_derive_from_interactions(live: Live) -> None:
    overview = live.call(lambda c: c.journeys.reports.get(JOURNEY_ID))
    assert overview is not None
    emails = live.call(lambda c: c.journeys.reports.list_emails(JOURNEY_ID))
    email = emails[0]
    everyone = live.call(lambda c: c.journeys.reports.list_email_contacts(JOURNEY_ID, email.id))
    opened = live.call(
        lambda c: c.journeys.reports.list_email_contacts_by_state(
            JOURNEY_ID, email.id, state="Opened"
        )
    )
    assert len(everyone) == email.sent and len(opened) == email.opened
    texts = live.call(lambda c: c.journeys.reports.list_text_messages(JOURNEY_ID))
    all_texts = live.call(
        lambda c: c.journeys.reports.list_text_message_contacts(JOURNEY_ID, texts[0].id)
    )
    delivered = live.call(
        lambda c: c.journeys.reports.list_text_message_contacts_by_state(
            JOURNEY_ID, texts[0].id, state="Delivered"
        )
    )
    assert len(delivered) <= len(all_texts)
    pages = live.call(lambda c: c.journeys.reports.list_landing_pages(JOURNEY_ID))
    visitors = live.call(
        lambda c: c.journeys.reports.list_landing_page_contacts(JOURNEY_ID, pages[0].id)
    )
    visits = live.call(
        lambda c: c.journeys.reports.list_landing_page_contacts_by_state(
            JOURNEY_ID, pages[0].id, state="TotalVisits"
        )
    )
    assert len(visits) <= len(visitors) or visitors


@pytest.mark.parametrize(
    "send",
    [
        lambda c, v: c.sends.send_email(9120, {"ListId": LIST_ID, "Values": v}, match=["Email"]),
        lambda c, v: c.sends.upsert_and_send_email(
            9120, {"ListId": LIST_ID, "Values": v}, match=["Email"]
        ),
        lambda c, v: c.sends.update_matching_and_send_email(
            9120, {"ListId": LIST_ID, "Values": v}, match={"Email": v["Email"]}
        ),
    ],
    ids=["post", "put", "patch"],
)
def test_email_sends_show_up_in_the_history(live: Live, send: Any) -> None:
    values = {"Email": f"{live.kind}.send.{id(send)}@example.ie", "City": "Galway"}
    stored = live.call(lambda c: c.contact_lists.upsert(LIST_ID, values, match=["Email"]))
    contact_id = str(stored.enc_contact_id)
    before = len(live.call(lambda c: c.contacts.list_emails(contact_id)))
    live.call(lambda c: send(c, values))
    emails = live.call(lambda c: c.contacts.list_emails(contact_id))
    assert len(emails) == before + 1 and emails[-1].id == 9120
    communications = live.call(lambda c: c.contacts.list_communications(contact_id))
    assert communications
    assert len(live.call(lambda c: c.contacts.get_summary(contact_id)).emails) == before + 1


@pytest.mark.parametrize(
    "send",
    [
        lambda c, v: c.sends.send_text_message(
            4410, {"ListId": LIST_ID, "Values": v}, match=["Email"]
        ),
        lambda c, v: c.sends.upsert_and_send_text_message(
            4410, {"ListId": LIST_ID, "Values": v}, match=["Email"]
        ),
        lambda c, v: c.sends.update_matching_and_send_text_message(
            4410, {"ListId": LIST_ID, "Values": v}, match={"Email": v["Email"]}
        ),
    ],
    ids=["post", "put", "patch"],
)
def test_text_sends_show_up_in_the_history(live: Live, send: Any) -> None:
    values = {"Email": f"{live.kind}.text.{id(send)}@example.ie", "Mobile": "+353870000000"}
    stored = live.call(lambda c: c.contact_lists.upsert(LIST_ID, values, match=["Email"]))
    contact_id = str(stored.enc_contact_id)
    live.call(lambda c: send(c, values))
    texts = live.call(lambda c: c.contacts.list_text_messages(contact_id))
    assert [text.id for text in texts][-1:] == [4410]


def test_documented_errors(live: Live) -> None:
    with pytest.raises(which50.NotFoundError):
        live.call(lambda c: c.contacts.get("no-such-contact"))
    with pytest.raises(which50.NotFoundError):
        live.call(lambda c: c.contact_lists.get(999_999))
    with pytest.raises(which50.NotFoundError):
        live.call(lambda c: c.journeys.get(999_999))
    with pytest.raises(which50.BadRequestError):
        live.call(
            lambda c: c.journeys.reports.list_text_message_contacts_by_state(
                JOURNEY_ID, 4410, state="Nope"
            )
        )
    job = live.call(lambda c: c.contact_lists.imports.create(LIST_ID, ["Email"]))
    with pytest.raises(which50.BadRequestError):
        live.call(
            lambda c: c.contact_lists.imports.add_contacts(
                LIST_ID, job.id, [{"Values": {"Email": "x@y.z"}}] * 10_001
            )
        )


def test_credentials(live: Live) -> None:
    with pytest.raises(which50.AuthenticationError):
        live.call(lambda c: c.contact_lists.list(), token="wrong-token")
    basic = live.call(
        lambda c: c.contact_lists.list(),
        token=None,
        username=live.server.username,
        password=live.server.password,
    )
    assert basic
    reader = {"token": live.server.readonly_token}
    assert live.call(lambda c: c.contact_lists.list(), **reader)
    with pytest.raises(which50.PermissionDeniedError):
        live.call(lambda c: c.contact_lists.upsert(LIST_ID, {"Email": "ro@example.ie"}), **reader)


def test_raw_responses(live: Live) -> None:
    raw = live.call(lambda c: c.with_raw_response.contact_lists.get(LIST_ID))
    assert raw.status_code == 200 and raw.http_response.json()["Id"] == LIST_ID
    assert raw.parsed.id == LIST_ID
