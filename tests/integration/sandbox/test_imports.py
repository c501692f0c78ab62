"""Import jobs (#19-#22): create, add batches, run, poll; counts and limits."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable

from which50_client import AuthenticatedClient
from which50_client.api.contact_lists import list_contact_list_contacts, upsert_contact
from which50_client.api.import_jobs import (
    add_import_job_contacts,
    create_import_job,
    get_import_job,
    run_import_job,
)
from which50_client.models import (
    Contact,
    ContactInput,
    HttpError,
    ImportJob,
    ImportJobCreateRequest,
)
from which50_sandbox.testing import SandboxServer

from .conftest import client_for, contact, list_count, values_of

FIELDS = ImportJobCreateRequest(field_names=["Email", "FirstName", "City"])


def new_job(client: AuthenticatedClient) -> int:
    job = create_import_job.sync(1042, client=client, body=FIELDS)
    assert isinstance(job, ImportJob) and isinstance(job.id, int)
    assert job.current_status == "Created" and job.progress_percent == 0
    return job.id


def batch(prefix: str, size: int, **extra: object) -> list[ContactInput]:
    return [
        contact({"Email": f"{prefix}{n}@example.org", "FirstName": "F", **extra})
        for n in range(size)
    ]


def test_frozen_import_steps_a_quarter_per_poll(client: AuthenticatedClient) -> None:
    before = list_count(client)
    job_id = new_job(client)
    for n in range(8):
        added = add_import_job_contacts.sync(1042, job_id, client=client, body=batch(f"q{n}-", 5))
        # TotalContacts counts contacts inserted or updated: none until the job runs
        assert isinstance(added, ImportJob) and added.total_contacts == 0
    started = run_import_job.sync(1042, job_id, client=client, match=["Email"])
    assert isinstance(started, ImportJob) and started.current_status == "Queued"
    seen = []
    for _ in range(4):
        polled = get_import_job.sync(1042, job_id, client=client)
        assert isinstance(polled, ImportJob)
        seen.append((polled.current_status, polled.progress_percent, polled.inserted_contacts))
    assert seen == [
        ("Running", 25, 10),
        ("Running", 50, 20),
        ("Running", 75, 30),
        ("Completed", 100, 40),
    ]
    assert isinstance(polled, ImportJob) and polled.total_contacts == 40
    assert list_count(client) == before + 40


def test_import_counts_inserted_updated_not_updated_skipped(client: AuthenticatedClient) -> None:
    existing = upsert_contact.sync(1042, client=client, body=contact({"Email": "u0@example.org"}))
    assert isinstance(existing, Contact)
    job_id = new_job(client)
    rows = [
        contact({"Email": "u0@example.org", "City": "Cork"}),  # updates the existing contact
        contact({"Email": "u1@example.org", "City": "Cork"}),  # inserted
        contact({"Email": "u1@example.org", "City": "Cork"}),  # same again: folds into the insert
        contact({"FirstName": "no email"}),  # no value for the match field: dropped
        contact({"Shoe size": 9}),  # no value for any of the job's fields: dropped
        contact({"Email": "broken", "City": "Cork"}),  # inserted, but an invalid email
    ]
    add_import_job_contacts.sync(1042, job_id, client=client, body=rows)
    run_import_job.sync(1042, job_id, client=client, match=["Email"], customevents=["Imported"])
    job = get_import_job.sync(1042, job_id, client=client)
    assert isinstance(job, ImportJob) and job.current_status == "Completed"
    # the two records without values are skipped; none is deleted, so nothing is "dropped"
    assert (job.inserted_contacts, job.updated_contacts, job.dropped_contacts) == (2, 2, 0)
    assert job.invalid_email_count == 1 and job.total_contacts == 4
    # the same rows once more: the matched contacts are already as the rows say
    again = new_job(client)
    add_import_job_contacts.sync(1042, again, client=client, body=rows[:2])
    run_import_job.sync(1042, again, client=client, match=["Email"])
    job = get_import_job.sync(1042, again, client=client)
    assert isinstance(job, ImportJob)
    assert (job.inserted_contacts, job.updated_contacts, job.not_updated_contacts) == (0, 0, 2)


def test_batches_over_10000_are_refused(client: AuthenticatedClient) -> None:
    job_id = new_job(client)
    response = add_import_job_contacts.sync_detailed(
        1042, job_id, client=client, body=batch("big", 10_001)
    )
    assert response.status_code == 400
    assert isinstance(response.parsed, HttpError) and "10000" in str(response.parsed.message_detail)
    ok = add_import_job_contacts.sync_detailed(
        1042, job_id, client=client, body=batch("big", 10_000)
    )
    assert ok.status_code == 200


def test_a_job_runs_once_and_then_takes_no_batches(client: AuthenticatedClient) -> None:
    job_id = new_job(client)
    assert run_import_job.sync_detailed(1042, job_id, client=client).status_code == 200
    assert run_import_job.sync_detailed(1042, job_id, client=client).status_code == 400
    late = add_import_job_contacts.sync_detailed(1042, job_id, client=client, body=batch("late", 1))
    assert late.status_code == 400
    job = get_import_job.sync(1042, job_id, client=client)
    assert isinstance(job, ImportJob) and job.current_status == "Completed"


def test_import_job_errors(client: AuthenticatedClient) -> None:
    assert get_import_job.sync_detailed(1042, 1, client=client).status_code == 404
    assert get_import_job.sync_detailed(999, 58211, client=client).status_code == 404
    bad_fields = ImportJobCreateRequest(field_names=["Shoe size"])
    assert create_import_job.sync_detailed(1042, client=client, body=bad_fields).status_code == 400
    assert create_import_job.sync_detailed(999, client=client, body=FIELDS).status_code == 404
    job_id = new_job(client)
    wrong_match = run_import_job.sync_detailed(1042, job_id, client=client, match=["Mobile"])
    assert wrong_match.status_code == 400


def test_import_runs_in_the_background_with_a_real_clock(which50_sandbox_factory: object) -> None:
    start = which50_sandbox_factory  # the plugin's factory fixture
    assert callable(start)
    server: SandboxServer = start(frozen_time=False)
    with client_for(server) as client:
        job_id = new_job(client)
        for n in range(3):
            add_import_job_contacts.sync(1042, job_id, client=client, body=batch(f"bg{n}-", 2000))
        run_import_job.sync(1042, job_id, client=client, match=["Email"])
        deadline = time.monotonic() + 30
        statuses = []
        while True:
            job = get_import_job.sync(1042, job_id, client=client)
            assert isinstance(job, ImportJob)
            statuses.append(job.current_status)
            if job.current_status == "Completed" or time.monotonic() > deadline:
                break
            time.sleep(0.01)
        assert statuses[-1] == "Completed"
        assert job.inserted_contacts == 6000 and job.start_date and job.finish_date


def test_two_concurrent_imports_leave_one_contact_per_email(
    which50_sandbox_factory: Callable[..., SandboxServer],
) -> None:
    server = which50_sandbox_factory(frozen_time=False)
    emails = [f"both{n}@example.org" for n in range(10_000)]
    with client_for(server) as client:
        jobs = []
        for tag in ("A", "B"):
            job_id = new_job(client)
            for start in range(0, len(emails), 1000):
                rows = [
                    contact({"Email": e, "FirstName": tag}) for e in emails[start : start + 1000]
                ]
                add_import_job_contacts.sync(1042, job_id, client=client, body=rows)
            jobs.append(job_id)
        for job_id in jobs:  # both run at once, a batch of each in turn
            run_import_job.sync(1042, job_id, client=client, match=["Email"])
        deadline = time.monotonic() + 60
        while True:
            done = [get_import_job.sync(1042, job_id, client=client) for job_id in jobs]
            statuses = [job.current_status for job in done if isinstance(job, ImportJob)]
            if statuses == ["Completed", "Completed"] or time.monotonic() > deadline:
                break
            time.sleep(0.01)
        assert statuses == ["Completed", "Completed"]
        listed = list_contact_list_contacts.sync(1042, client=client)
        assert isinstance(listed, list)
        seen = Counter(values_of(c).get("Email") for c in listed)
        assert {seen[e] for e in emails} == {1}
        assert list_count(client) == 50 - 50 // 3 + len(emails)
