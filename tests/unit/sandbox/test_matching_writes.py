"""Matching writes never duplicate: concurrent import jobs and single upserts on the same keys
leave one contact per key, and the store itself refuses a second contact with a match key."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from which50_sandbox import SandboxConfig
from which50_sandbox._state import Sandbox

from ._inprocess import in_process

pytestmark = pytest.mark.anyio

LIST = "/contactLists/1042"
DEADLINE_S = 60.0

Client = tuple[httpx.AsyncClient, Sandbox]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def open_client(frozen: bool) -> AsyncIterator[Client]:
    config = SandboxConfig(token="T", contacts=10, frozen_time=frozen)
    async with in_process(config, timeout=DEADLINE_S) as (client, app):
        yield client, app.state.sandbox


@pytest.fixture
async def frozen() -> AsyncIterator[Client]:
    """Frozen clock: each poll of a running job processes its next quarter of the batches."""
    async for pair in open_client(frozen=True):
        yield pair


@pytest.fixture
async def live() -> AsyncIterator[Client]:
    """Real clock: running jobs are processed in the background, a batch at a time."""
    async for pair in open_client(frozen=False):
        yield pair


def emails(count: int, start: int = 0) -> list[str]:
    return [f"m{n}@example.org" for n in range(start, start + count)]


async def job_with(client: httpx.AsyncClient, addresses: list[str], tag: str, batch: int) -> int:
    """A job over `addresses` in batches of `batch`, not yet run."""
    job = await client.post(f"{LIST}/import", json={"FieldNames": ["Email", "FirstName"]})
    job_id: int = job.json()["Id"]
    for start in range(0, len(addresses), batch):
        rows = [
            {"Values": {"Email": e, "FirstName": tag}} for e in addresses[start : start + batch]
        ]
        added = await client.post(f"{LIST}/import/{job_id}", json=rows)
        assert added.status_code == 200
    return job_id


async def run(client: httpx.AsyncClient, job_id: int) -> None:
    started = await client.post(f"{LIST}/import/{job_id}/run", params={"match": "Email"})
    assert started.status_code == 200


async def poll(client: httpx.AsyncClient, job_id: int) -> dict[str, Any]:
    polled: dict[str, Any] = (await client.get(f"{LIST}/import/{job_id}")).json()
    return polled


async def until_done(client: httpx.AsyncClient, *job_ids: int) -> list[dict[str, Any]]:
    deadline = time.monotonic() + DEADLINE_S
    while True:
        jobs = [await poll(client, job_id) for job_id in job_ids]
        if all(job["CurrentStatus"] in ("Completed", "Failed") for job in jobs):
            return jobs
        assert time.monotonic() < deadline, jobs
        await asyncio.sleep(0.005)


async def email_counts(client: httpx.AsyncClient) -> Counter[str]:
    listed = (await client.get(f"{LIST}/contacts")).json()
    return Counter(c["Values"].get("Email") for c in listed)


async def assert_one_each(client: httpx.AsyncClient, addresses: list[str]) -> None:
    counts = await email_counts(client)
    duplicated = {e: counts[e] for e in addresses if counts[e] != 1}
    assert not duplicated, f"{len(duplicated)} emails not exactly once, e.g. {list(duplicated)[:3]}"


async def test_two_interleaved_jobs_leave_one_contact_per_email(frozen: Client) -> None:
    client, _ = frozen
    addresses = emails(400)
    first = await job_with(client, addresses, "A", batch=100)
    second = await job_with(client, addresses, "B", batch=100)
    await run(client, first)
    await run(client, second)
    # batch by batch, alternately: each job's batch n comes after the other's batch n
    for _ in range(4):
        await poll(client, first)
        await poll(client, second)
    a, b = await until_done(client, first, second)
    assert a["CurrentStatus"] == b["CurrentStatus"] == "Completed"
    await assert_one_each(client, addresses)
    assert a["InsertedContacts"] + b["InsertedContacts"] == 400
    assert a["UpdatedContacts"] + b["UpdatedContacts"] == 400


async def test_two_jobs_in_the_background_leave_one_contact_per_email(live: Client) -> None:
    client, _ = live
    addresses = emails(3000)
    first = await job_with(client, addresses, "A", batch=250)
    second = await job_with(client, list(reversed(addresses)), "B", batch=250)
    await run(client, first)
    await run(client, second)
    a, b = await until_done(client, first, second)
    assert a["CurrentStatus"] == b["CurrentStatus"] == "Completed"
    await assert_one_each(client, addresses)
    assert a["InsertedContacts"] + b["InsertedContacts"] == 3000


# every single write that upserts with ?match=Email: (method, path, body of one email)
SINGLE_UPSERTS: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("POST", f"{LIST}/contact?match=Email", lambda e: {"Values": {"Email": e}}),
    (
        "POST",
        f"{LIST}/registerDevice?match=Email",
        lambda e: {"DeviceId": "d", "Contact": {"Values": {"Email": e}}},
    ),
    (
        "PUT",
        "/journeys/sendEmail?match=Email",
        lambda e: {"EmailId": 9120, "Contact": {"ListId": 1042, "Values": {"Email": e}}},
    ),
    (
        "POST",
        "/journeys/sendTextMessage?match=Email",
        lambda e: {"TextMessageId": 4410, "Contact": {"ListId": 1042, "Values": {"Email": e}}},
    ),
    (
        "POST",
        "/journeys/377/landingpages/2301/generatePDF?match=Email",
        lambda e: {"Values": {"Email": e}},
    ),
]


async def single_upsert(client: httpx.AsyncClient, n: int, email: str) -> None:
    if n % (len(SINGLE_UPSERTS) + 1) == len(SINGLE_UPSERTS):  # the form matches on Email
        response = await client.post(
            "/contactLists/contactForm", data={"ListId": "1042", "Email": email}
        )
    else:
        method, path, body = SINGLE_UPSERTS[n % (len(SINGLE_UPSERTS) + 1)]
        response = await client.request(method, path, json=body(email))
    assert response.status_code == 200, response.text


async def test_an_import_racing_single_upserts_leaves_one_contact_per_email(
    frozen: Client,
) -> None:
    client, _ = frozen
    addresses = emails(400)
    job_id = await job_with(client, addresses, "A", batch=100)
    await run(client, job_id)
    await poll(client, job_id)  # the job is running: batch 1 done, batches 2 to 4 to come
    # single writes of emails the job has inserted, and of emails it has yet to reach
    for n, email in enumerate(addresses[50:350:7]):
        await single_upsert(client, n, email)
    [job] = await until_done(client, job_id)
    assert job["CurrentStatus"] == "Completed"
    await assert_one_each(client, addresses)


async def test_an_import_racing_single_upserts_in_the_background(live: Client) -> None:
    client, _ = live
    addresses = emails(3000)
    job_id = await job_with(client, addresses, "A", batch=250)
    await run(client, job_id)
    # the last batches' emails first, each write followed by a turn of the event loop (in
    # which the job may process a batch)
    for n, email in enumerate(reversed(addresses[::5])):
        await single_upsert(client, n, email)
        await asyncio.sleep(0)
    [job] = await until_done(client, job_id)
    assert job["CurrentStatus"] == "Completed"
    await assert_one_each(client, addresses)


async def test_writes_without_match_may_share_an_email(frozen: Client) -> None:
    """The API creates a contact on every POST without `match`; a matching write then updates
    every contact with that email, and creates none."""
    client, _ = frozen
    url = f"{LIST}/contact"
    one = await client.post(url, json={"Values": {"Email": "twice@example.org"}})
    two = await client.post(url, json={"Values": {"Email": "twice@example.org"}})
    assert one.json()["EncContactId"] != two.json()["EncContactId"]
    matched = await client.patch(
        url, params={"match": "Email", "Email": "twice@example.org"}, json={"Values": {}}
    )
    assert len(matched.json()) == 2
    upserted = await client.post(
        url + "?match=Email", json={"Values": {"Email": "twice@example.org", "City": "Cork"}}
    )
    assert upserted.json()["EncContactId"] == one.json()["EncContactId"]
    job_id = await job_with(client, ["twice@example.org"], "A", batch=1)
    await run(client, job_id)
    [job] = await until_done(client, job_id)
    assert (job["InsertedContacts"], job["UpdatedContacts"]) == (0, 2)
    assert (await email_counts(client))["twice@example.org"] == 2


async def test_the_store_refuses_a_second_contact_with_a_match_key(frozen: Client) -> None:
    client, sb = frozen
    url = f"{LIST}/contact?match=Email"
    await client.post(url, json={"Values": {"Email": "key@example.org"}})
    [(key,)] = sb.conn.execute(
        "SELECT match_key FROM contacts WHERE match_key IS NOT NULL"
    ).fetchall()
    assert "key@example.org" in key
    with pytest.raises(sqlite3.IntegrityError):
        sb.conn.execute(
            "INSERT INTO contacts (list_id, vals, match_key) VALUES (1042, '{}', ?)", (key,)
        )
    # the same key in another list is another key
    sb.conn.execute(
        "INSERT INTO contacts (list_id, vals, match_key) VALUES (1057, '{}', ?)", (key,)
    )


async def test_a_write_that_changes_a_matched_field_frees_its_key(frozen: Client) -> None:
    client, sb = frozen
    url = f"{LIST}/contact"
    made = (
        await client.post(url + "?match=Email", json={"Values": {"Email": "old@ex.org"}})
    ).json()
    moved = await client.patch(
        url,
        params={"match": "Email", "Email": "old@ex.org"},
        json={"Values": {"Email": "new@ex.org"}},
    )
    assert [c["EncContactId"] for c in moved.json()] == [made["EncContactId"]]
    # old@ex.org is free again: a matching write creates it, without tripping the store
    again = await client.post(url + "?match=Email", json={"Values": {"Email": "old@ex.org"}})
    assert again.status_code == 200 and again.json()["EncContactId"] != made["EncContactId"]
    # and the moved contact is found under its new email
    found = await client.post(url + "?match=Email", json={"Values": {"Email": "new@ex.org"}})
    assert found.json()["EncContactId"] == made["EncContactId"]
    # a write that leaves the matched field as it is keeps the key
    await client.post(url + "?match=Email", json={"Values": {"Email": "old@ex.org", "City": "X"}})
    keys = sb.conn.execute("SELECT match_key FROM contacts WHERE match_key IS NOT NULL")
    assert ["old@ex.org" in k for (k,) in keys] == [True]


async def test_a_lookup_that_misses_cannot_store_a_duplicate(
    frozen: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were a lookup ever to miss a contact (as the old in-memory index did), the store's
    unique match key refuses the insert: the batch rolls back and the job fails."""
    client, sb = frozen
    addresses = emails(20)
    done = await job_with(client, addresses, "A", batch=20)
    await run(client, done)
    await until_done(client, done)
    before = await email_counts(client)

    from which50_sandbox import _matching

    real = _matching.lookup

    def blind(*args: Any) -> _matching.Found:
        found = real(*args)
        found.ids.clear()  # sees no contact
        return found

    monkeypatch.setattr(_matching, "lookup", blind)
    job_id = await job_with(client, addresses, "B", batch=20)
    await run(client, job_id)
    [job] = await until_done(client, job_id)
    assert job["CurrentStatus"] == "Failed" and job["InsertedContacts"] == 0
    assert await email_counts(client) == before
    pending = sb.conn.execute("SELECT COUNT(*) FROM import_batches WHERE job_id = ?", (job_id,))
    assert pending.fetchone()[0] == 1  # the failed batch was rolled back, not half applied


async def test_a_null_match_value_matches_nothing(frozen: Client) -> None:
    client, _ = frozen
    before = (await client.get(f"{LIST}/contacts")).json()
    made = await client.post(
        f"{LIST}/contact?match=Address1", json={"Values": {"Address1": None, "City": "Nowhere"}}
    )
    assert made.status_code == 200
    after = (await client.get(f"{LIST}/contacts")).json()
    assert after[: len(before)] == before  # no other contact was touched
    assert [c["Values"] for c in after[len(before) :]] == [{"Address1": None, "City": "Nowhere"}]


async def test_match_lookups_go_through_an_index(frozen: Client) -> None:
    client, sb = frozen
    seen: list[str] = []
    sb.conn.set_trace_callback(seen.append)
    try:
        await client.post(f"{LIST}/contact?match=Email", json={"Values": {"Email": "i@ex.org"}})
    finally:
        sb.conn.set_trace_callback(None)
    [lookup] = [sql for sql in seen if "json_each" in sql and "LEFT JOIN contacts" in sql]
    plan = " ".join(row[3] for row in sb.conn.execute("EXPLAIN QUERY PLAN " + lookup))
    assert "SEARCH c USING INDEX contacts_match_" in plan, plan
