"""Import jobs: create, add batches, run in the background, poll.

A batch is parsed by the strict parser (`_json`) and validated with `which50_models` when it is
added (one TypeAdapter pass over the whole batch, not a model per contact), and stored as the
raw JSON it came in. Running the job processes the batches one at a time on the event loop,
yielding between batches so that polls are answered while it runs; every batch is one
`executemany` of inserts and one of updates.

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
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError
from which50_models import Contact

from . import _json
from ._config import MAX_BATCH
from ._contacts import list_schema, record_custom_events, value_warning
from ._http import bad_request, not_found, parse_json, validation_detail
from ._state import Sandbox
from ._store import dumps, json_path

log = logging.getLogger("which50_sandbox")

_BATCH = TypeAdapter(list[Contact])
_FIRST_JOB_ID = 58211
_STEPS_WHEN_FROZEN = 4
_IN_CHUNK = 900  # ids per `IN (...)`, under SQLite's bound-parameter limit


def _text(value: Any) -> str | None:
    """A value's text form, as `CAST(json_extract(...) AS TEXT)` gives it."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return repr(value)
    return dumps(value)


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
    index: dict[tuple[str | None, ...], list[int]] = field(default_factory=dict)
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
        self._runs[job_id] = _Run(
            job_id=job_id,
            list_id=list_id,
            fields=fields,
            checked={
                n: schema.map_types[n] for n in fields if schema.map_types[n] in ("Email", "Mobile")
            },
            match=match,
            custom_events=custom_events,
        )
        if not self.sb.clock.frozen:
            task = asyncio.get_running_loop().create_task(self._run_all(job_id))
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
            self._process(job_id, batches[: run.step])
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
        try:
            batch_ids = self._batch_ids(job_id)
            if not batch_ids:
                self._process(job_id, [])
            for batch_id in batch_ids:
                self._process(job_id, [batch_id])
                await asyncio.sleep(0)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("import job %s failed", job_id)
            self.sb.conn.execute(
                "UPDATE import_jobs SET status = 'Failed', finish_date = ? WHERE id = ?",
                (self.sb.clock.iso(), job_id),
            )
            self._runs.pop(job_id, None)

    def _process(self, job_id: int, batch_ids: list[int]) -> None:
        """Process some batches of a running job (none: just finish it if it is done)."""
        run = self._runs[job_id]
        conn = self.sb.conn
        if not run.started:
            run.started = True
            self._build_index(run)
            conn.execute(
                "UPDATE import_jobs SET status = 'Running', start_date = ? WHERE id = ?",
                (self.sb.clock.iso(), job_id),
            )
        for batch_id in batch_ids:
            body = conn.execute(
                "SELECT body FROM import_batches WHERE id = ?", (batch_id,)
            ).fetchone()[0]
            self._process_batch(run, _json.loads(body))
            conn.execute("DELETE FROM import_batches WHERE id = ?", (batch_id,))
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
        else:
            conn.execute(
                "UPDATE import_jobs SET progress = MIN(99, processed * 100 / MAX(total, 1)) "
                "WHERE id = ?",
                (job_id,),
            )

    def _build_index(self, run: _Run) -> None:
        if not run.match:
            return
        columns = ", ".join("CAST(json_extract(vals, ?) AS TEXT)" for _ in run.match)
        params: list[Any] = [json_path(name) for name in run.match] + [run.list_id]
        for row in self.sb.conn.execute(
            f"SELECT id, {columns} FROM contacts WHERE list_id = ?", params
        ):
            key = tuple(row[1:])
            if None not in key:
                run.index.setdefault(key, []).append(row[0])

    def _process_batch(self, run: _Run, contacts: list[Any]) -> None:
        conn = self.sb.conn
        counts = {"inserted": 0, "updated": 0, "not_updated": 0}
        skipped = 0
        invalid_email = invalid_sms = 0
        next_id: int = (conn.execute("SELECT MAX(id) FROM contacts").fetchone()[0] or 0) + 1
        inserts: dict[int, dict[str, Any]] = {}
        updates: dict[int, dict[str, Any]] = {}
        fields, match, index, list_id = run.fields, run.match, run.index, run.list_id
        for contact in contacts:
            values = contact.get("Values") if isinstance(contact, dict) else None
            picked = {k: values[k] for k in fields if k in values} if values else {}
            key = tuple([_text(picked.get(name)) for name in match])
            if not picked or None in key:
                skipped += 1
                continue
            for name in run.checked.keys() & picked.keys():
                if value_warning(name, run.checked[name], picked[name]):
                    if run.checked[name] == "Email":
                        invalid_email += 1
                    else:
                        invalid_sms += 1
            ids = index.get(key) if match else None
            if not ids:
                inserts[next_id] = picked
                if match:
                    index[key] = [next_id]
                next_id += 1
                counts["inserted"] += 1
                continue
            for contact_id in ids:
                if contact_id in inserts:
                    inserts[contact_id].update(picked)
                    counts["updated"] += 1
                else:
                    updates.setdefault(contact_id, {}).update(picked)
        conn.executemany(
            "INSERT INTO contacts (id, list_id, vals, warnings) VALUES (?, ?, ?, NULL)",
            [(cid, list_id, dumps(vals)) for cid, vals in inserts.items()],
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
