"""A small fake of the import-job API for the bulk-import tests: jobs in memory, `match` applied
as the spec describes (a staged contact whose match fields equal an existing one updates it).
The sandbox integration tests run the same drivers against the real stand-in."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx

from .conftest import JOB, json_response


def _field(number: int, name: str, map_type: str, values: list[Any] | None = None) -> Any:
    return {
        "Id": number,
        "Name": name,
        "DefaultValue": "",
        "MapType": map_type,
        "Position": number,
        "ContactSchemaFieldValues": values or [],
    }


FIELDS = [
    _field(1, "Email", "Email"),
    _field(2, "FirstName", "Text"),
    _field(
        3,
        "Store",
        "PickList",
        [
            {"Id": 1, "Value": "Galway", "Order": 1, "InUse": True},
            {"Id": 2, "Value": "Cork", "Order": 2, "InUse": False},
        ],
    ),
    _field(4, "Notes", "Text"),
]

MAX_POLLS = 1000
"""Polls of one job after which the fake fails the test: a client that polls forever."""


class FakeAPI:
    """Import jobs in memory, with `match` applied when a job runs.

    ``batch_answers`` are given, in turn, instead of accepting a batch (429s, 503s...).
    ``statuses`` script what polls of a run job report, the last one repeating; by default a
    run job completes on its second poll.
    """

    def __init__(self) -> None:
        self.contacts: dict[str, dict[str, Any]] = {}
        self.jobs: dict[int, dict[str, Any]] = {}
        self.batches_received = 0
        self.lose_answer_to: set[str] = set()
        self.batch_answers: list[httpx.Response] = []
        self.statuses: list[str] = []
        self.polls = 0

    def handler(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/Which50API")
        if request.method == "GET" and path == "/contactLists/1042/fields":
            return json_response(200, FIELDS)
        if request.method == "POST" and path == "/contactLists/1042/import":
            job_id = len(self.jobs) + 1
            names = json.loads(request.read())["FieldNames"]
            self.jobs[job_id] = {"staged": [], "status": "Created", "names": names, "polls": 0}
            return json_response(200, self._job(job_id))
        found = re.fullmatch(r"/contactLists/1042/import/(\d+)(/run)?", path)
        assert found, f"unexpected {request.method} {path}"
        job_id = int(found.group(1))
        job = self.jobs[job_id]
        if request.method == "POST" and found.group(2):
            job["status"] = "Running"
            self._apply(job, request.url.params["match"].split(","))
            return self._maybe_lose("run", request, json_response(200, self._job(job_id)))
        if request.method == "POST":
            if self.batch_answers:
                return self.batch_answers.pop(0)
            batch = json.loads(request.read())
            assert len(batch) <= 10_000
            job["staged"].extend(contact["Values"] for contact in batch)
            self.batches_received += 1
            return self._maybe_lose("batch", request, json_response(200, self._job(job_id)))
        job["polls"] += 1
        assert job["polls"] <= MAX_POLLS, f"job {job_id} polled {MAX_POLLS} times"
        if job["status"] not in ("Created", "Completed") and self.statuses:
            job["status"] = self.statuses.pop(0) if len(self.statuses) > 1 else self.statuses[0]
        elif job["status"] == "Running" and job["polls"] >= 2:
            job["status"] = "Completed"
        return json_response(200, self._job(job_id))

    def _maybe_lose(
        self, what: str, request: httpx.Request, response: httpx.Response
    ) -> httpx.Response:
        if what in self.lose_answer_to:
            self.lose_answer_to.discard(what)
            raise httpx.ReadError("connection reset after the request arrived", request=request)
        return response

    def _apply(self, job: dict[str, Any], match: list[str]) -> None:
        job["inserted"] = job["updated"] = 0
        for values in job["staged"]:
            key = "|".join(str(values[m]) for m in match)
            job["updated" if key in self.contacts else "inserted"] += 1
            self.contacts.setdefault(key, {}).update(values)

    def _job(self, job_id: int) -> dict[str, Any]:
        job = self.jobs[job_id]
        done = job["status"] == "Completed"
        inserted, updated = job.get("inserted", 0), job.get("updated", 0)
        return {
            **JOB,
            "Id": job_id,
            "ContactListId": 1042,
            "CurrentStatus": job["status"],
            "ProgressPercent": 100 if done else 0,
            "InsertedContacts": inserted,
            "UpdatedContacts": updated,
            "TotalContacts": inserted + updated,
            "StartDate": None if job["status"] == "Created" else "2025-11-25T10:46:30+00:00",
            "FinishDate": "2025-11-25T10:46:35+00:00" if done else None,
        }


def rows(count: int, bad_every: int = 0, tag: str = "c") -> list[dict[str, Any]]:
    return [
        {
            "Email": "" if bad_every and n % bad_every == 0 else f"{tag}{n}@example.ie",
            "FirstName": f"N{n}",
        }
        for n in range(1, count + 1)
    ]
