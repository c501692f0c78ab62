"""Recorded: batch imports, one call at a time (`client.contact_lists.imports`, operations
#19-#22) and through the `import_contacts` helper.

Each test first writes the contacts it expects the import to update, so the job's counters
(inserted vs updated) are known in advance, and then reads the imported contacts back. The
sandbox processes a quarter of a job's batches per poll (frozen clock), so a recording polls
through the same states every time; the polling loops are bounded, never timed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import which50

from .conftest import Fresh, Target, Twin

FIELDS = ["Email", "FirstName", "City"]
MAX_POLLS = 20
#: Between polls against the real API (the `pause` fixture waits only there).
POLL_SECONDS = 3.0


def _contacts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of values as the contacts of a batch (the list id comes from the route)."""
    return [{"Values": row} for row in rows]


def _values(contact: Any) -> dict[str, Any]:
    values: dict[str, Any] = contact.values
    return values


def _by_email(contacts: list[Any]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for contact in contacts:
        values = _values(contact)
        found.setdefault(str(values.get("Email")), []).append(values)
    return found


def _job_rows(count: int, fresh: Fresh) -> list[dict[str, Any]]:
    return [
        {
            "Email": fresh.email(f"recorded.job.{n}@example.ie"),
            "FirstName": f"Imported{n}",
            "City": "Cork",
        }
        for n in range(count)
    ]


def _upsert(twin: Twin, target: Target, values: dict[str, Any]) -> None:
    twin.call(lambda c: c.contact_lists.upsert(target.list_id, values, match=["Email"]))


def _poll_until_finished(
    twin: Twin, list_id: int, job_id: int, pause: Callable[[float], None]
) -> list[Any]:
    """Every job state seen, the finished one last."""
    seen: list[Any] = []
    for _ in range(MAX_POLLS):
        job = twin.call(lambda c: c.contact_lists.imports.get(list_id, job_id))
        seen.append(job)
        if job.current_status in ("Completed", "Failed"):
            return seen
        pause(POLL_SECONDS)
    raise AssertionError(f"import job {job_id} did not finish in {MAX_POLLS} polls: {seen[-1]}")


def test_import_job_lifecycle(
    twin: Twin, target: Target, pause: Callable[[float], None], fresh: Fresh
) -> None:
    """Create, add two batches, run matching on Email, poll: 4 new contacts and 2 updated."""
    rows = _job_rows(6, fresh)
    for row in rows[:2]:  # the two contacts the job must update, not insert
        _upsert(twin, target, {**row, "FirstName": "Before", "City": "Galway"})
    before = twin.call(lambda c: c.contact_lists.get(target.list_id)).count

    job = twin.call(lambda c: c.contact_lists.imports.create(target.list_id, FIELDS))
    assert isinstance(job.id, int)
    assert job.contact_list_id == target.list_id
    assert job.total_contacts == 0
    job_id: int = job.id
    first = twin.call(
        lambda c: c.contact_lists.imports.add_contacts(target.list_id, job_id, _contacts(rows[:3]))
    )
    assert first.id == job_id and first.total_contacts == 0  # inserted or updated: none yet
    second = twin.call(
        lambda c: c.contact_lists.imports.add_contacts(target.list_id, job_id, _contacts(rows[3:]))
    )
    assert second.id == job_id and second.total_contacts == 0
    started = twin.call(
        lambda c: c.contact_lists.imports.run(target.list_id, job_id, match=["Email"])
    )
    assert started.id == job_id and started.contact_list_id == target.list_id

    polled = _poll_until_finished(twin, target.list_id, job_id, pause)
    progress = [job.progress_percent for job in polled]
    assert progress == sorted(progress)
    done = polled[-1]
    assert done.current_status == "Completed"
    assert done.progress_percent == 100
    assert (done.inserted_contacts, done.updated_contacts) == (4, 2)
    assert (done.dropped_contacts, done.not_updated_contacts) == (0, 0)
    assert done.total_contacts == 6  # inserted or updated
    assert done.invalid_email_count == 0

    assert twin.call(lambda c: c.contact_lists.get(target.list_id)).count == before + 4
    stored = _by_email(twin.call(lambda c: c.contact_lists.list_contacts(target.list_id)))
    for row in rows:
        assert len(stored[row["Email"]]) == 1
        assert {k: stored[row["Email"]][0][k] for k in FIELDS} == row


def test_get_import_job_before_it_runs(
    client: which50.Which50, target: Target, fresh: Fresh
) -> None:
    """Nothing reaches the list, or the job's counters, until the job is run."""
    email = fresh.email("recorded.pending@example.ie")
    before = client.contact_lists.get(target.list_id).count
    job = client.contact_lists.imports.create(target.list_id, ["Email"])
    assert isinstance(job.id, int)
    new = client.contact_lists.imports.get(target.list_id, job.id)
    assert new.id == job.id and new.contact_list_id == target.list_id
    assert new.current_status == "Created"
    assert new.total_contacts == 0
    client.contact_lists.imports.add_contacts(
        target.list_id, job.id, [{"Values": {"Email": email}}]
    )
    pending = client.contact_lists.imports.get(target.list_id, job.id)
    assert pending.current_status == "Created"
    assert pending.total_contacts == 0
    assert pending.inserted_contacts == 0 and pending.finish_date is None
    assert client.contact_lists.get(target.list_id).count == before
    assert email not in _by_email(client.contact_lists.list_contacts(target.list_id))


def test_run_without_match_inserts_every_contact(
    client: which50.Which50, target: Target, pause: Callable[[float], None], fresh: Fresh
) -> None:
    """Without `match` the job matches nothing: a contact that exists is inserted again."""
    email = fresh.email("recorded.nomatch@example.ie")
    client.contact_lists.upsert(target.list_id, {"Email": email, "FirstName": "First"})
    job = client.contact_lists.imports.create(target.list_id, ["Email", "FirstName"])
    assert isinstance(job.id, int)
    rows = [
        {"Email": email, "FirstName": "Second"},
        {"Email": fresh.email("recorded.nomatch.other@example.ie"), "FirstName": "Other"},
    ]
    client.contact_lists.imports.add_contacts(target.list_id, job.id, _contacts(rows))
    client.contact_lists.imports.run(target.list_id, job.id)
    job_id: int = job.id
    polled: Any = None
    for _ in range(MAX_POLLS):
        polled = client.contact_lists.imports.get(target.list_id, job_id)
        if polled.current_status == "Completed":
            break
        pause(POLL_SECONDS)
    assert polled is not None and polled.current_status == "Completed"
    assert (polled.inserted_contacts, polled.updated_contacts) == (2, 0)
    stored = _by_email(client.contact_lists.list_contacts(target.list_id))
    assert sorted(values["FirstName"] for values in stored[email]) == ["First", "Second"]


def test_import_contacts_in_batches(twin: Twin, target: Target, fresh: Fresh) -> None:
    """31 rows, one rejected by the client, 30 sent in batches of 12: 28 new, 2 updated."""
    rows: list[dict[str, Any]] = [
        {
            "Email": fresh.email(f"recorded.bulk.{n:02d}@example.ie"),
            "FirstName": f"Bulk{n}",
            "PreferredStore": "Dublin",
        }
        for n in range(31)
    ]
    rows[15]["PreferredStore"] = "Atlantis"  # row 16: not a value of the pick list
    for row in rows[:2]:
        _upsert(twin, target, {"Email": row["Email"], "FirstName": "Before"})
    before = twin.call(lambda c: c.contact_lists.get(target.list_id)).count
    seen: list[which50.ImportProgress] = []

    report = twin.call(
        lambda c: c.contact_lists.import_contacts(
            target.list_id,
            rows,
            match=["Email"],
            batch_size=12,
            concurrency=1,
            progress=seen.append,
        )
    )
    assert isinstance(report, which50.ImportReport)
    assert report.succeeded and report.status == "Completed"
    assert (report.rows_read, report.contacts_sent, report.batches_sent) == (31, 30, 3)
    assert [rejected.row for rejected in report.rejected] == [16]
    assert "PreferredStore" in report.rejected[0].reason
    assert (report.inserted, report.updated, report.dropped) == (28, 2, 0)
    assert not report.resumed
    assert report.job.total_contacts == 30
    assert report.job.contact_list_id == target.list_id
    assert [(p.phase, p.batches_sent) for p in seen[:3]] == [("batches", n) for n in (1, 2, 3)]
    assert seen[-1].phase == "done" and seen[-1].job_status == "Completed"

    assert twin.call(lambda c: c.contact_lists.get(target.list_id)).count == before + 28
    stored = _by_email(twin.call(lambda c: c.contact_lists.list_contacts(target.list_id)))
    assert rows[15]["Email"] not in stored
    for row in rows[:15] + rows[16:]:
        assert len(stored[row["Email"]]) == 1
        assert stored[row["Email"]][0]["FirstName"] == row["FirstName"]
        assert stored[row["Email"]][0]["PreferredStore"] == "Dublin"
