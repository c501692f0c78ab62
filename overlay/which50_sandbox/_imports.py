"""Import jobs: create, add batches, run in the background, poll.

A batch is parsed by the strict parser (`_json`) and validated with `which50_models` when it is
added (one TypeAdapter pass over the whole batch, not a model per contact), and stored as the
raw JSON it came in. Running the job processes the batches one at a time on the event loop,
yielding between batches so that polls (and other writes) are answered while it runs.

Each batch is one transaction: its match lookups (one query through the fields' indexes, see
`_matching`) read the store as it is then, so they see every contact created since the job
started, by another job or a single upsert; then one `executemany` of inserts, one of updates,
and the job's counters. A batch is applied whole or not at all; if one fails, the job is
`Failed` and the batches after it are left unprocessed.

States (`CurrentStatus`): `Created` (accepting batches), `Queued` (run was called),
`Running`, `Completed`, `Failed`. `ProgressPercent` is the share of received contacts processed.

With a frozen clock, nothing runs in the background: each poll (`getImportJob`) processes the
next quarter of the batches, so a recorded import polls through the same states every time.

Counters, as the API documents them: `InsertedContacts`, `UpdatedContacts` and
`NotUpdatedContacts` (matched, but every value already equal) say what processing did;
`TotalContacts` is the contacts inserted or updated; `DroppedContacts`, the existing contacts
the job deleted, is always 0 (no import here deletes). `InvalidEmailCount` and
`InvalidSmsCount` count the imported values of Email and Mobile fields that are malformed. A
record with no value for any of the job's fields, or none for a matched field, is skipped and
counted nowhere (logged at INFO); `ProgressPercent` is the share of received records processed.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError
from which50_models import ContactInput

from . import _json, _matching
from ._config import MAX_BATCH
from ._contacts import list_schema, record_custom_events, value_warning
from ._http import bad_request, not_found, parse_json, validation_detail
from ._state import Sandbox
from ._store import dumps, transaction

log = logging.getLogger("which50_sandbox")

_BATCH = TypeAdapter(list[ContactInput])
_FIRST_JOB_ID = 58211
_STEPS_WHEN_FROZEN = 4
_IN_CHUNK = 900  # ids per `IN (...)`, under SQLite's bound-parameter limit


@dataclass
class _Run:
    """What one running job needs between batches."""

    job_id: int
    list_id: int
    fields: list[str]
    #: the job's Email and Mobile fields (name to map type), whose values are checked
    checked: dict[str, str]
    match: list[str]
    custom_events: list[str]
    started: bool = False
    #: batches per poll when the clock is frozen (set at the first poll)
    step: int = 0


class ImportRunner:
    def __init__(self, sb: Sandbox) -> None:
        self.sb = sb
        self._tasks: set[asyncio.Task[None]] = set()
        self._runs: dict[int, _Run] = {}

    # ------------------------------------------------------------------ API operations
    def create(self, list_id: int, field_names: Sequence[str] | None) -> int:
        schema = list_schema(self.sb.conn, list_id)
        names = list(dict.fromkeys(field_names or ()))
        if not names:
            raise bad_request("FieldNames must name at least one field of the list.")
        schema.check_names(names, "FieldNames entry")
        conn = self.sb.conn
        with transaction(conn):
            row = conn.execute("SELECT MAX(id) FROM import_jobs").fetchone()
            job_id = max(_FIRST_JOB_ID, (row[0] or 0) + 1)
            conn.execute(
                "INSERT INTO import_jobs (id, list_id, field_names, status) VALUES (?, ?, ?, ?)",
                (job_id, list_id, dumps(names), "Created"),
            )
        return job_id

    def job(self, list_id: int, job_id: int) -> sqlite3.Row:
        row: sqlite3.Row | None = self.sb.conn.execute(
            "SELECT * FROM import_jobs WHERE id = ? AND list_id = ?", (job_id, list_id)
        ).fetchone()
        if row is None:
            if self.sb.conn.execute("SELECT 1 FROM lists WHERE id = ?", (list_id,)).fetchone():
                raise not_found("import job")
            raise not_found("contact list")
        return row

    def add_batch(self, list_id: int, job_id: int, body: bytes) -> None:
        job = self.job(list_id, job_id)
        if job["status"] != "Created":
            raise bad_request(f"Import job {job_id} is {job['status']}; it takes no more batches.")
        try:
            contacts = _BATCH.validate_python(parse_json(body))
        except ValidationError as exc:
            raise bad_request(validation_detail(exc)) from None
        if len(contacts) > MAX_BATCH:
            raise bad_request(
                f"A batch holds at most {MAX_BATCH} contacts; this one has {len(contacts)}."
            )
        with transaction(self.sb.conn):
            self.sb.conn.execute(
                "INSERT INTO import_batches (job_id, count, body) VALUES (?, ?, ?)",
                (job_id, len(contacts), body),
            )
            self.sb.conn.execute(
                "UPDATE import_jobs SET total = total + ? WHERE id = ?", (len(contacts), job_id)
            )

    def start(self, list_id: int, job_id: int, match: list[str], custom_events: list[str]) -> None:
        job = self.job(list_id, job_id)
        if job["status"] != "Created":
            raise bad_request(f"Import job {job_id} is {job['status']}; it can run only once.")
        schema = list_schema(self.sb.conn, list_id)
        schema.check_names(match, "Match field")
        fields: list[str] = json.loads(job["field_names"])
        missing = [name for name in match if name not in fields]
        if missing:
            raise bad_request(f"Match field '{missing[0]}' is not one of the job's FieldNames.")
        self.sb.conn.execute(
            "UPDATE import_jobs SET status = 'Queued', match = ?, custom_events = ? WHERE id = ?",
            (dumps(match), dumps(custom_events), job_id),
        )
        self._begin(self.job(list_id, job_id))

    def resume(self) -> None:
        """Carry on with the jobs a previous process left `Queued` or `Running` (a reopened
        database): each batch was committed whole with the job's counters, so the batches
        still stored are exactly the ones left to process. Called at app startup."""
        rows = self.sb.conn.execute(
            "SELECT * FROM import_jobs WHERE status IN ('Queued', 'Running') ORDER BY id"
        ).fetchall()
        for job in rows:
            if job["id"] not in self._runs:
                log.info("import job %d: resumed (%s)", job["id"], job["status"])
                self._begin(job)

    def _begin(self, job: sqlite3.Row) -> None:
        """Track a queued or running job, and process it in the background (real clock)."""
        schema = list_schema(self.sb.conn, job["list_id"])
        fields: list[str] = json.loads(job["field_names"])
        self._runs[job["id"]] = _Run(
            job_id=job["id"],
            list_id=job["list_id"],
            fields=fields,
            checked={
                n: schema.map_types[n] for n in fields if schema.map_types[n] in ("Email", "Mobile")
            },
            match=json.loads(job["match"]),
            custom_events=json.loads(job["custom_events"]),
            started=job["status"] == "Running",
        )
        if not self.sb.clock.frozen:
            task = asyncio.get_running_loop().create_task(self._run_all(job["id"]))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    def poll(self, list_id: int, job_id: int) -> sqlite3.Row:
        """The job; with a frozen clock, processing its next step first."""
        job = self.job(list_id, job_id)
        run = self._runs.get(job_id)
        if self.sb.clock.frozen and run is not None:
            batches = self._batch_ids(job_id)
            if run.step == 0:
                run.step = max(1, math.ceil(len(batches) / _STEPS_WHEN_FROZEN))
            self._guarded(job_id, batches[: run.step])
            job = self.job(list_id, job_id)
        return job

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    # ------------------------------------------------------------------ processing
    def _batch_ids(self, job_id: int) -> list[int]:
        rows = self.sb.conn.execute(
            "SELECT id FROM import_batches WHERE job_id = ? ORDER BY id", (job_id,)
        ).fetchall()
        return [row[0] for row in rows]

    async def _run_all(self, job_id: int) -> None:
        batch_ids = self._batch_ids(job_id)
        if not batch_ids:
            self._guarded(job_id, [])
        for batch_id in batch_ids:
            if not self._guarded(job_id, [batch_id]):
                return
            await asyncio.sleep(0)

    def _guarded(self, job_id: int, batch_ids: list[int]) -> bool:
        """`_process`; on an error, the job is `Failed` (its failed batch rolled back)."""
        try:
            self._process(job_id, batch_ids)
        except Exception:
            log.exception("import job %s failed", job_id)
            self.sb.conn.execute(
                "UPDATE import_jobs SET status = 'Failed', finish_date = ? WHERE id = ?",
                (self.sb.clock.iso(), job_id),
            )
            self._runs.pop(job_id, None)
            return False
        return True

    def _process(self, job_id: int, batch_ids: list[int]) -> None:
        """Process some batches of a running job, each in one transaction (none: just finish it
        if it is done)."""
        run = self._runs[job_id]
        conn = self.sb.conn
        if not run.started:
            run.started = True
            conn.execute(
                "UPDATE import_jobs SET status = 'Running', start_date = COALESCE(start_date, ?) "
                "WHERE id = ?",
                (self.sb.clock.iso(), job_id),
            )
        for batch_id in batch_ids:
            with transaction(conn):
                body = conn.execute(
                    "SELECT body FROM import_batches WHERE id = ?", (batch_id,)
                ).fetchone()[0]
                self._process_batch(run, _json.loads_checked(body))
                conn.execute("DELETE FROM import_batches WHERE id = ?", (batch_id,))
                conn.execute(
                    "UPDATE import_jobs SET progress = MIN(99, processed * 100 / MAX(total, 1)) "
                    "WHERE id = ?",
                    (job_id,),
                )
        remaining = conn.execute(
            "SELECT COUNT(*) FROM import_batches WHERE job_id = ?", (job_id,)
        ).fetchone()[0]
        if remaining == 0:
            conn.execute(
                "UPDATE import_jobs SET status = 'Completed', progress = 100, finish_date = ? "
                "WHERE id = ?",
                (self.sb.clock.iso(), job_id),
            )
            del self._runs[job_id]

    def _process_batch(self, run: _Run, contacts: list[Any]) -> None:
        """Apply one batch (inside its transaction): look every key up as the store is now."""
        conn = self.sb.conn
        counts = {"inserted": 0, "updated": 0, "not_updated": 0}
        skipped = 0
        invalid_email = invalid_sms = 0
        fields, match, list_id = run.fields, run.match, run.list_id
        records: list[dict[str, Any]] = []
        rows: list[list[Any]] = []  # the matched values of each record
        for contact in contacts:
            values = contact.get("Values") if isinstance(contact, dict) else None
            picked = {k: values[k] for k in fields if k in values} if values else {}
            row = [picked.get(name) for name in match]
            if not picked or None in row:
                skipped += 1
                continue
            for name in run.checked.keys() & picked.keys():
                if value_warning(name, run.checked[name], picked[name]):
                    if run.checked[name] == "Email":
                        invalid_email += 1
                    else:
                        invalid_sms += 1
            records.append(picked)
            rows.append(row)
        found = (
            _matching.lookup(conn, list_id, match, rows)
            if match
            else _matching.Found([None] * len(records), {})
        )
        next_id: int = (conn.execute("SELECT MAX(id) FROM contacts").fetchone()[0] or 0) + 1
        # new contacts: id -> (values, match key); a key seen again in the batch folds into the
        # insert of its first record
        inserts: dict[int, tuple[dict[str, Any], str | None]] = {}
        inserted: dict[str, int] = {}
        updates: dict[int, dict[str, Any]] = {}
        for position, picked in enumerate(records):
            ids = found.ids.get(position)
            if ids:
                for contact_id in ids:
                    updates.setdefault(contact_id, {}).update(picked)
                continue
            key = found.keys[position]
            new_id = inserted.get(key) if key is not None else None
            if new_id is not None:
                inserts[new_id][0].update(picked)
                counts["updated"] += 1
                continue
            inserts[next_id] = (picked, key)
            if key is not None:
                inserted[key] = next_id
            next_id += 1
            counts["inserted"] += 1
        conn.executemany(
            "INSERT INTO contacts (id, list_id, vals, warnings, match_key) "
            "VALUES (?, ?, ?, NULL, ?)",
            [(cid, list_id, dumps(vals), key) for cid, (vals, key) in inserts.items()],
        )
        changed = self._apply_updates(updates)
        counts["updated"] += changed
        counts["not_updated"] += len(updates) - changed
        if run.custom_events:
            record_custom_events(self.sb, run.custom_events, [*inserts, *updates])
        if skipped:
            log.info("import job %d: skipped %d records without values", run.job_id, skipped)
        conn.execute(
            "UPDATE import_jobs SET inserted = inserted + ?, updated = updated + ?, "
            "not_updated = not_updated + ?, invalid_email = invalid_email + ?, "
            "invalid_sms = invalid_sms + ?, processed = processed + ? WHERE id = ?",
            (
                counts["inserted"],
                counts["updated"],
                counts["not_updated"],
                invalid_email,
                invalid_sms,
                len(contacts),
                run.job_id,
            ),
        )

    def _apply_updates(self, updates: dict[int, dict[str, Any]]) -> int:
        """Merge the updates into the stored values; how many contacts really changed."""
        conn = self.sb.conn
        ids = list(updates)
        rows: list[tuple[str, int]] = []
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start : start + _IN_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for row in conn.execute(f"SELECT id, vals FROM contacts WHERE id IN ({marks})", chunk):
                old = json.loads(row[1])
                merged = {**old, **updates[row[0]]}
                if merged != old:
                    rows.append((dumps(merged), row[0]))
        conn.executemany("UPDATE contacts SET vals = ? WHERE id = ?", rows)
        return len(rows)


def render_job(row: sqlite3.Row) -> dict[str, Any]:
    """A stored job as the `ImportJob` DTO (by alias)."""
    return {
        "Id": row["id"],
        "ContactListId": row["list_id"],
        "InvalidEmailCount": row["invalid_email"],
        "InvalidSmsCount": row["invalid_sms"],
        "ProgressPercent": row["progress"],
        "CurrentStatus": row["status"],
        "StartDate": row["start_date"],
        "FinishDate": row["finish_date"],
        "InsertedContacts": row["inserted"],
        "UpdatedContacts": row["updated"],
        "DroppedContacts": row["dropped"],
        "NotUpdatedContacts": row["not_updated"],
        "TotalContacts": row["inserted"] + row["updated"],
    }
