"""A database file is reopened with its data: not seeded again, jobs left running resumed, and
a file that is not a sandbox database refused untouched."""

from __future__ import annotations

import asyncio
import contextlib
import pathlib
import sqlite3
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from which50_sandbox import SandboxConfig, create_app

from ._inprocess import in_process

pytestmark = pytest.mark.anyio

LIST = "/contactLists/1042"
DEADLINE_S = 30.0


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@contextlib.asynccontextmanager
async def sandbox(db: pathlib.Path, *, frozen: bool = True, seed: int = 1) -> AsyncIterator[Any]:
    config = SandboxConfig(token="T", contacts=12, frozen_time=frozen, db=str(db), seed=seed)
    async with in_process(config) as (client, _):
        yield client


async def new_job(client: httpx.AsyncClient, emails: list[str], batch: int) -> int:
    job_id: int = (await client.post(f"{LIST}/import", json={"FieldNames": ["Email"]})).json()["Id"]
    for start in range(0, len(emails), batch):
        rows = [{"Values": {"Email": e}} for e in emails[start : start + batch]]
        assert (await client.post(f"{LIST}/import/{job_id}", json=rows)).status_code == 200
    assert (await client.post(f"{LIST}/import/{job_id}/run?match=Email")).status_code == 200
    return job_id


async def until_done(client: httpx.AsyncClient, job_id: int) -> dict[str, Any]:
    deadline = time.monotonic() + DEADLINE_S
    while True:
        job: dict[str, Any] = (await client.get(f"{LIST}/import/{job_id}")).json()
        if job["CurrentStatus"] in ("Completed", "Failed"):
            return job
        assert time.monotonic() < deadline, job
        await asyncio.sleep(0.005)


async def emails_of(client: httpx.AsyncClient) -> list[str]:
    return [c["Values"].get("Email") for c in (await client.get(f"{LIST}/contacts")).json()]


async def test_a_database_file_keeps_its_data_and_is_not_seeded_again(
    tmp_path: pathlib.Path,
) -> None:
    db = tmp_path / "sandbox.db"
    async with sandbox(db) as client:
        made = await client.post(
            f"{LIST}/contact?match=Email", json={"Values": {"Email": "kept@example.org"}}
        )
        token = made.json()["EncContactId"]
        lists = (await client.get("/contactLists")).json()
        before = await emails_of(client)
    async with sandbox(db) as client:
        assert (await client.get("/contactLists")).json() == lists  # same counts: no re-seed
        assert await emails_of(client) == before
        again = await client.get(f"/contacts/{token}")
        assert again.status_code == 200 and again.json()["Values"] == {"Email": "kept@example.org"}
        # the stored match key still guards the email
        matched = await client.post(
            f"{LIST}/contact?match=Email", json={"Values": {"Email": "kept@example.org"}}
        )
        assert matched.json()["EncContactId"] == token


async def test_a_job_left_running_is_resumed(tmp_path: pathlib.Path) -> None:
    db = tmp_path / "sandbox.db"
    emails = [f"r{n}@example.org" for n in range(40)]
    async with sandbox(db) as client:
        job_id = await new_job(client, emails, batch=10)
        polled = (await client.get(f"{LIST}/import/{job_id}")).json()  # a quarter, then stop
        assert (polled["CurrentStatus"], polled["InsertedContacts"]) == ("Running", 10)
    async with sandbox(db) as client:
        job = await until_done(client, job_id)
        assert (job["CurrentStatus"], job["InsertedContacts"]) == ("Completed", 40)
        stored = await emails_of(client)
        assert sorted(e for e in stored if e in emails) == sorted(emails)


async def test_a_job_left_queued_is_resumed_in_the_background(tmp_path: pathlib.Path) -> None:
    db = tmp_path / "sandbox.db"
    emails = [f"q{n}@example.org" for n in range(2000)]
    async with sandbox(db, frozen=False) as client:
        job_id = await new_job(client, emails, batch=100)
    # the app stopped at once: the job is Queued or Running, with batches left
    left = sqlite3.connect(db).execute(
        "SELECT status, (SELECT COUNT(*) FROM import_batches WHERE job_id = ?) FROM import_jobs "
        "WHERE id = ?",
        (job_id, job_id),
    )
    status, batches = left.fetchone()
    assert status in ("Queued", "Running") and batches > 0
    async with sandbox(db, frozen=False) as client:
        job = await until_done(client, job_id)
        assert (job["CurrentStatus"], job["InsertedContacts"]) == ("Completed", 2000)
        stored = await emails_of(client)
        assert sorted(e for e in stored if e in set(emails)) == sorted(emails)


def test_a_file_that_is_not_a_sandbox_database_is_refused_untouched(
    tmp_path: pathlib.Path,
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 100)
    other = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY)")
        conn.commit()
    for path in (text, other):
        before = path.read_bytes()
        with pytest.raises(ValueError, match="is not a which50 sandbox database"):
            create_app(SandboxConfig(token="T", db=str(path)))
        assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "other.db"]


async def test_a_database_is_reopened_only_with_its_seed(tmp_path: pathlib.Path) -> None:
    db = tmp_path / "sandbox.db"
    async with sandbox(db, seed=3):
        pass
    with pytest.raises(ValueError, match="--seed 3"):
        create_app(SandboxConfig(token="T", db=str(db), seed=4))


async def test_an_empty_file_is_a_new_database(tmp_path: pathlib.Path) -> None:
    db = tmp_path / "empty.db"
    db.touch()
    async with sandbox(db) as client:
        assert (await client.get(LIST)).json()["Count"] == 8  # 12 seeded, a third in list 1057
