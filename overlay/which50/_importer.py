"""Bulk import drivers: `import_contacts` and its async twin (see `_bulk` for the pure parts).

1. Read the list's fields and check every row against them (rejected rows are reported, never
   sent). 2. Create the job, or take it from the checkpoint. 3. Send batches of at most 10,000
   with at most ``concurrency`` in flight, recording each acknowledged batch in the checkpoint.
4. Run the job (once), then poll it with backoff until it ends.
"""

from __future__ import annotations

import asyncio
import datetime
import itertools
import os
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import TYPE_CHECKING

from . import _retry
from ._bulk import (
    TERMINAL_STATUSES,
    Batch,
    Checkpoint,
    ImportProgress,
    ImportReport,
    RejectedRow,
    Row,
    RowChecker,
    batches,
    read_rows,
)
from ._constants import DEFAULT_POLL_INTERVAL, MAX_BATCH_SENDS, MAX_POLL_INTERVAL
from ._errors import APIConnectionError
from ._params import int_id

if TYPE_CHECKING:
    from which50_client.models import ImportJob
    from which50_client.models.contact_schema_field import ContactSchemaField

    from .resources.contact_lists import AsyncContactLists, ContactLists

__all__ = ["ImportSettings", "aimport_contacts", "import_contacts"]

ProgressCallback = Callable[[ImportProgress], None]


def _status(job: ImportJob) -> str | None:
    value = job.current_status
    return value if isinstance(value, str) else None


def _finished(job: ImportJob) -> bool:
    """Ended: a terminal status, or a finish date (for a status this client does not know)."""
    return _status(job) in TERMINAL_STATUSES or isinstance(job.finish_date, datetime.datetime)


def _not_started(job: ImportJob) -> bool:
    return _status(job) in (None, "Created")


class ImportSettings:
    """One import's arguments, checked, and the state the drivers share."""

    def __init__(
        self,
        contact_list_id: int,
        rows: Iterable[Row] | str | os.PathLike[str],
        *,
        match: Sequence[str],
        field_names: Sequence[str] | None,
        custom_events: Sequence[str] | None,
        batch_size: int,
        concurrency: int,
        progress: ProgressCallback | None,
        checkpoint: str | os.PathLike[str] | None,
    ) -> None:
        self.contact_list_id = int_id("contact_list_id", contact_list_id)
        if isinstance(match, str) or not match:
            raise ValueError("match must name the fields that identify a contact, e.g. ['Email']")
        if concurrency < 1:
            raise ValueError(f"concurrency must be >= 1, not {concurrency}")
        self.match = list(match)
        self.custom_events = None if custom_events is None else list(custom_events)
        self.batch_size = batch_size
        self.concurrency = concurrency
        self._progress = progress
        self._checkpoint_path = checkpoint
        rows_iter = read_rows(rows)
        first = next(rows_iter, None)
        self._rows: Iterator[Row] = (
            rows_iter if first is None else itertools.chain([first], rows_iter)
        )
        if field_names is not None:
            self.field_names = list(field_names)
        elif isinstance(first, Mapping):
            self.field_names = [str(name) for name in first]
        else:  # no rows, or a first row that will be rejected
            self.field_names = list(self.match)
        self.rejected: list[RejectedRow] = []
        self.read = [0]
        self.sent_contacts = 0
        self.sent_batches = 0
        self.ledger: Checkpoint | None = None
        self.checker: RowChecker | None = None

    def prepare(self, fields: Sequence[ContactSchemaField]) -> Checkpoint:
        self.checker = RowChecker(fields, self.match, self.field_names)
        settings = Checkpoint.settings_of(
            match=self.match,
            field_names=self.field_names,
            custom_events=self.custom_events,
            batch_size=self.batch_size,
        )
        self.ledger = Checkpoint.open(self._checkpoint_path, self.contact_list_id, settings)
        return self.ledger

    def pending_batches(self) -> Iterator[Batch]:
        assert self.checker is not None and self.ledger is not None
        for batch in batches(self._rows, self.checker, self.batch_size, self.rejected, self.read):
            if not self.ledger.is_done(batch):
                yield batch

    def acknowledged(self, batch: Batch) -> None:
        assert self.ledger is not None
        self.ledger.record(batch)
        self.sent_contacts += len(batch.rows)
        self.sent_batches += 1
        self.report_progress("batches")

    def report_progress(self, phase: str, job: ImportJob | None = None) -> None:
        if self._progress is None:
            return
        percent = job.progress_percent if job is not None else None
        self._progress(
            ImportProgress(
                phase=phase,
                rows_read=self.read[0],
                rows_rejected=len(self.rejected),
                contacts_sent=self.sent_contacts,
                batches_sent=self.sent_batches,
                job_percent=percent if isinstance(percent, int) else None,
                job_status=None if job is None else _status(job),
            )
        )

    def report(self, job: ImportJob) -> ImportReport:
        assert self.ledger is not None
        self.report_progress("done", job)
        return ImportReport(
            job=job,
            rows_read=self.read[0],
            contacts_sent=self.sent_contacts,
            batches_sent=self.sent_batches,
            rejected=self.rejected,
            resumed=self.ledger.resumed,
        )

    def job_id(self) -> int:
        assert self.ledger is not None and self.ledger.job_id is not None
        return self.ledger.job_id


def _job_id(job: ImportJob) -> int:
    if not isinstance(job.id, int):
        raise ValueError("the server created an import job without an Id")
    return job.id


def import_contacts(lists: ContactLists, settings: ImportSettings) -> ImportReport:
    """The sync driver (see the module docstring)."""
    imports, cid = lists.imports, settings.contact_list_id
    ledger = settings.prepare(lists.fields.list(cid))
    if ledger.job_id is None:
        ledger.job_id = _job_id(imports.create(cid, settings.field_names))
        ledger.save()
    job_id = settings.job_id()
    policy = lists._runner.retry

    def send(batch: Batch) -> None:
        for attempt in range(MAX_BATCH_SENDS):
            try:
                imports.add_contacts(cid, job_id, batch.rows)
                return
            except APIConnectionError:
                if attempt == MAX_BATCH_SENDS - 1:
                    raise
                _retry.sleep(policy.backoff(attempt))

    if not ledger.run_requested:
        with ThreadPoolExecutor(settings.concurrency, thread_name_prefix="which50-import") as pool:
            pending: dict[Future[None], Batch] = {}
            try:
                for batch in settings.pending_batches():
                    while len(pending) >= settings.concurrency:
                        _settle(pending, settings, wait(pending, return_when=FIRST_COMPLETED).done)
                    pending[pool.submit(send, batch)] = batch
                while pending:
                    _settle(pending, settings, wait(pending, return_when=FIRST_COMPLETED).done)
            finally:
                # Interrupted: record what the server acknowledged, drop what never started.
                for future in list(pending):
                    future.cancel()
                done = wait(pending).done if pending else set()
                for future in done:
                    if not future.cancelled() and future.exception() is None:
                        settings.acknowledged(pending.pop(future))
        job = imports.get(cid, job_id) if ledger.resumed else None
        if job is None or _not_started(job):
            job = _run_once(
                lambda: imports.run(
                    cid, job_id, match=settings.match, custom_events=settings.custom_events
                ),
                lambda: imports.get(cid, job_id),
            )
        ledger.run_requested = True
        ledger.save()
    job = imports.get(cid, job_id)
    waits = _poll_intervals()
    while not _finished(job):
        settings.report_progress("running", job)
        _retry.sleep(next(waits))
        job = imports.get(cid, job_id)
    return settings.report(job)


def _settle(
    pending: dict[Future[None], Batch], settings: ImportSettings, done: Iterable[Future[None]]
) -> None:
    _acknowledge(settings, [(pending.pop(future), future.exception()) for future in done])


def _acknowledge(
    settings: ImportSettings, outcomes: Iterable[tuple[Batch, BaseException | None]]
) -> None:
    """Record every batch the server acknowledged, then raise the first failure (the import
    stops there; the ledger keeps the rest, so a resume skips them)."""
    failures = []
    for batch, error in outcomes:
        if error is None:
            settings.acknowledged(batch)
        else:
            failures.append(error)
    if failures:
        raise failures[0]


def _poll_intervals() -> Iterator[float]:
    """The waits between polls of a running job: growing by half, capped."""
    interval = DEFAULT_POLL_INTERVAL
    while True:
        yield interval
        interval = min(interval * 1.5, MAX_POLL_INTERVAL)


def _run_once(run: Callable[[], ImportJob], get: Callable[[], ImportJob]) -> ImportJob:
    """Start the job. If the answer was lost, look before starting it again."""
    try:
        return run()
    except APIConnectionError:
        job = get()
        return run() if _not_started(job) else job


async def _arun_once(
    run: Callable[[], Awaitable[ImportJob]], get: Callable[[], Awaitable[ImportJob]]
) -> ImportJob:
    """`_run_once`, awaited."""
    try:
        return await run()
    except APIConnectionError:
        job = await get()
        return await run() if _not_started(job) else job


async def aimport_contacts(lists: AsyncContactLists, settings: ImportSettings) -> ImportReport:
    """The async driver: `import_contacts`, with tasks instead of threads."""
    imports, cid = lists.imports, settings.contact_list_id
    ledger = settings.prepare(await lists.fields.list(cid))
    if ledger.job_id is None:
        ledger.job_id = _job_id(await imports.create(cid, settings.field_names))
        ledger.save()
    job_id = settings.job_id()
    policy = lists._runner.retry

    async def send(batch: Batch) -> None:
        for attempt in range(MAX_BATCH_SENDS):
            try:
                await imports.add_contacts(cid, job_id, batch.rows)
                return
            except APIConnectionError:
                if attempt == MAX_BATCH_SENDS - 1:
                    raise
                await _retry.asleep(policy.backoff(attempt))

    if not ledger.run_requested:
        pending: set[asyncio.Task[None]] = set()
        tasks: dict[asyncio.Task[None], Batch] = {}
        try:
            for batch in settings.pending_batches():
                while len(pending) >= settings.concurrency:
                    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                    _acknowledge(settings, [(tasks[t], t.exception()) for t in done])
                task = asyncio.ensure_future(send(batch))
                tasks[task] = batch
                pending.add(task)
            while pending:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                _acknowledge(settings, [(tasks[t], t.exception()) for t in done])
        finally:
            for task in pending:
                task.cancel()
        job: ImportJob | None = await imports.get(cid, job_id) if ledger.resumed else None
        if job is None or _not_started(job):
            job = await _arun_once(
                lambda: imports.run(
                    cid, job_id, match=settings.match, custom_events=settings.custom_events
                ),
                lambda: imports.get(cid, job_id),
            )
        ledger.run_requested = True
        ledger.save()
    job = await imports.get(cid, job_id)
    waits = _poll_intervals()
    while not _finished(job):
        settings.report_progress("running", job)
        await _retry.asleep(next(waits))
        job = await imports.get(cid, job_id)
    return settings.report(job)
