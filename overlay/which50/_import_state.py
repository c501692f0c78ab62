"""What the two bulk import drivers share, with no I/O (see `_importer` for the drivers, and
`_bulk` for the rows, batches and checkpoint).

- `ImportSettings`: one import's arguments, checked before any request, and the counts and
  checkpoint both drivers update;
- `_SendBudget`: whether to send a batch again after an error, and after how long;
- `_Watch`: when to poll a running job again, and when to stop waiting for it;
- `_acknowledge`: recording the batches the server acknowledged, before raising a failure.
"""

from __future__ import annotations

import itertools
import math
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from which50_resources import _operations as ops
from which50_resources._runtime import integer

from . import _retry
from ._bulk import (
    PENDING_STATUSES,
    TERMINAL_STATUSES,
    Batch,
    Checkpoint,
    Fingerprint,
    ImportProgress,
    ImportReport,
    RejectedRow,
    Row,
    RowChecker,
    batches,
    read_rows,
)
from ._constants import (
    DEFAULT_JOB_TIMEOUT,
    DEFAULT_POLL_INTERVAL,
    MAX_BATCH_SENDS,
    MAX_BATCH_THROTTLE_DELAY,
    MAX_BATCH_THROTTLE_WAIT,
    MAX_BATCH_THROTTLED_SENDS,
    MAX_IMPORT_BATCH,
    MAX_POLL_INTERVAL,
)
from ._errors import APIConnectionError, APIStatusError, ImportJobError, Which50Error
from ._redact import redact_url
from ._retry import RetryPolicy, parse_retry_after

if TYPE_CHECKING:
    from which50_models import ContactSchemaField, ImportJob

    from .resources.contact_lists import AsyncContactLists, ContactLists

__all__ = ["ImportSettings", "ProgressCallback"]

ProgressCallback = Callable[[ImportProgress], None]

_THROTTLED = frozenset({429, 502, 503, 504})
"""Statuses of a batch send that the batch's own budget retries (see `_SendBudget`)."""


def _not_started(job: ImportJob) -> bool:
    return job.current_status in (None, "Created")


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
        job_timeout: float = DEFAULT_JOB_TIMEOUT,
    ) -> None:
        self.contact_list_id = integer("contact_list_id", contact_list_id)
        if isinstance(match, str) or not match:
            raise ValueError("match must name the fields that identify a contact, e.g. ['Email']")
        if concurrency < 1:
            raise ValueError(f"concurrency must be >= 1, not {concurrency}")
        if not 1 <= batch_size <= MAX_IMPORT_BATCH:
            raise ValueError(f"batch_size must be 1..{MAX_IMPORT_BATCH}, not {batch_size}")
        if isinstance(job_timeout, bool) or not isinstance(job_timeout, int | float):
            raise TypeError(
                f"job_timeout must be a number of seconds, not {type(job_timeout).__name__}"
            )
        if not 0 < job_timeout < math.inf:
            raise ValueError(
                f"job_timeout must be a finite number of seconds > 0, not {job_timeout}"
            )
        self.match = list(match)
        self.custom_events = None if custom_events is None else list(custom_events)
        self.batch_size = batch_size
        self.concurrency = concurrency
        self.job_timeout = float(job_timeout)
        self._progress = progress
        rows_iter = read_rows(rows)
        # A CSV file is opened here, and closed by `close` (an iterable of the caller's is left
        # to the caller).
        self._opened = rows_iter if isinstance(rows, str | os.PathLike) else None
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
        self.fingerprint = Fingerprint()
        self.sent_contacts = 0
        self.sent_batches = 0
        self.checker: RowChecker | None = None
        settings = Checkpoint.settings_of(
            match=self.match,
            field_names=self.field_names,
            custom_events=self.custom_events,
            batch_size=self.batch_size,
        )
        try:
            self.ledger = Checkpoint.open(checkpoint, self.contact_list_id, settings)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Close the CSV file this import opened, if any (at the end, or when it failed)."""
        if isinstance(self._opened, Generator):
            self._opened.close()

    def prepare(self, fields: Sequence[ContactSchemaField]) -> Checkpoint:
        self.checker = RowChecker(fields, self.match, self.field_names)
        return self.ledger

    def pending_batches(self) -> Iterator[Batch]:
        """The batches the checkpoint does not record as sent; the input is checked against it
        as it is read (`CheckpointError` at the first difference).

        A batch missing before the last one recorded (it was in flight when an import with
        ``concurrency`` > 1 stopped) is held until the rows up to that last one are found
        unchanged, so nothing of a changed input is sent. At most about ``concurrency`` batches
        are held, as many as are in flight anyway."""
        assert self.checker is not None
        last_recorded = max(self.ledger.done, default=-1)
        held: list[Batch] = []
        for batch in batches(
            self._rows, self.checker, self.batch_size, self.rejected, self.read, self.fingerprint
        ):
            if not self.ledger.is_done(batch):
                held.append(batch)
            if batch.index >= last_recorded:
                yield from held
                held.clear()
        self.ledger.finish(self.read[0], self.fingerprint.whole())

    def acknowledged(self, done: Sequence[Batch], *, report: bool = True) -> None:
        """Record batches the server acknowledged (saved first, all at once), then count them,
        telling the progress callback after each unless ``report`` is false."""
        if not done:
            return
        self.ledger.record(*done)
        for batch in done:
            self.sent_contacts += len(batch.rows)
            self.sent_batches += 1
            if report:
                self.report_progress("batches")

    def ran(self) -> None:
        """The job was asked to run over the whole input, read to its end."""
        self.ledger.ran(self.read[0], self.fingerprint.whole())

    def report_progress(self, phase: str, job: ImportJob | None = None) -> None:
        if self._progress is None:
            return
        self._progress(
            ImportProgress(
                phase=phase,
                rows_read=self.read[0],
                rows_rejected=len(self.rejected),
                contacts_sent=self.sent_contacts,
                batches_sent=self.sent_batches,
                job_percent=None if job is None else job.progress_percent,
                job_status=None if job is None else job.current_status,
            )
        )

    def report(self, job: ImportJob) -> ImportReport:
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
        assert self.ledger.job_id is not None
        return self.ledger.job_id


class _SendBudget:
    """Whether to send one batch again after an error, and after how long (both drivers).

    A send cut short (`APIConnectionError`) is made up to `MAX_BATCH_SENDS` times in all, after
    the policy's backoff. A send turned away with 429, 502, 503 or 504 once the transport's own
    retries are spent is made up to `MAX_BATCH_THROTTLED_SENDS` times, after the error's
    `Retry-After` (honoured beyond the transport's cap) or else a backoff that starts where the
    transport's stopped, within `MAX_BATCH_THROTTLE_WAIT` seconds of waiting in all. Both are
    safe because the job upserts on ``match``: a batch that arrived twice updates the same
    contacts. Any other error is raised at once.
    """

    __slots__ = ("_cut_short", "_policy", "_throttled", "_waited")

    def __init__(self, policy: RetryPolicy) -> None:
        self._policy = policy
        self._cut_short = 0
        self._throttled = 0
        self._waited = 0.0

    def wait_after(self, error: Which50Error) -> float | None:
        """Seconds to wait before the next attempt, or ``None``: raise ``error``."""
        if isinstance(error, APIConnectionError):
            self._cut_short += 1
            if self._cut_short >= MAX_BATCH_SENDS:
                return None
            return self._policy.backoff(self._cut_short - 1)
        if not isinstance(error, APIStatusError) or error.status_code not in _THROTTLED:
            return None
        self._throttled += 1
        if self._throttled >= MAX_BATCH_THROTTLED_SENDS:
            return None
        delay = parse_retry_after(error.headers.get("Retry-After"))
        if delay is None:
            backoff = self._policy.max_delay * 2.0 ** (self._throttled - 1)
            delay = min(backoff, MAX_BATCH_THROTTLE_DELAY) * (1.0 - self._policy.jitter() / 4.0)
        if self._waited + delay > MAX_BATCH_THROTTLE_WAIT:
            return None
        self._waited += delay
        return delay


class _Watch:
    """When to poll a running job again (both drivers): ``None`` once it ended. Raises
    `ImportJobError` at a status this client does not know, or once ``job_timeout`` passed.

    The waits grow by half from `DEFAULT_POLL_INTERVAL` to `MAX_POLL_INTERVAL`; a wait is
    shorter when the job's ``ProgressPercent`` says it should end sooner (its pace since the
    first poll), though never shorter than `DEFAULT_POLL_INTERVAL`. So the end of a long job is
    seen within about a second rather than up to `MAX_POLL_INTERVAL` late, with no more polls
    than before while it is far from done."""

    def __init__(self, settings: ImportSettings, job_id: int, url: str) -> None:
        self._settings = settings
        self._job_id = job_id
        self._url = url
        self._deadline = _retry.clock() + settings.job_timeout
        self._waits = _poll_intervals()
        self._first: tuple[float, int] | None = None  # (clock, percent) at the first poll

    def next_wait(self, job: ImportJob) -> float | None:
        status = job.current_status
        if status in TERMINAL_STATUSES:
            return None
        if status is not None and status not in PENDING_STATUSES:
            known = ", ".join(sorted(PENDING_STATUSES | TERMINAL_STATUSES))
            raise self._error(
                job,
                f"reports the status {status!r}, which this client does not know (it knows "
                f"{known}), so the call stopped waiting for it",
                again=False,
            )
        now = _retry.clock()
        left = self._deadline - now
        if left <= 0:
            raise self._error(
                job,
                f"is still {status or 'without a status'} after "
                f"{self._settings.job_timeout:g} s (job_timeout), so the call stopped waiting; "
                f"the job goes on on the server",
                again=True,
            )
        self._settings.report_progress("running", job)
        return min(self._until_done(job.progress_percent, now, next(self._waits)), left)

    def _until_done(self, percent: object, now: float, backoff: float) -> float:
        """``backoff``, or less when the job's pace says it ends sooner."""
        if isinstance(percent, bool) or not isinstance(percent, int) or not 0 <= percent < 100:
            return backoff
        if self._first is None:
            self._first = (now, percent)
            return backoff
        since, then = self._first
        if percent <= then or now <= since:
            return backoff
        expected = (100 - percent) * (now - since) / (percent - then)
        return max(DEFAULT_POLL_INTERVAL, min(backoff, expected))

    def _error(self, job: ImportJob, detail: str, *, again: bool) -> ImportJobError:
        cid = self._settings.contact_list_id
        hint = (
            "call import_contacts again with the same checkpoint to wait for it"
            if again and self._settings.ledger.path is not None
            else f"look at it with contact_lists.imports.get({cid}, {self._job_id})"
        )
        return ImportJobError(
            f"import job {self._job_id} of list {cid} {detail}; {hint}",
            job_id=self._job_id,
            job=job,
            method="GET",
            url=self._url,
        )


_JSON = {"Content-Type": "application/json"}


def _batch_request(contact_list_id: int, job_id: int, batch: Batch) -> dict[str, Any]:
    """addImportJobContacts for a batch: its rows as the contacts the operation takes (each
    row is a contact's field values, in the list of the path, as the generated
    ``imports.add_contacts`` sends them), encoded once, whatever the attempts.

    The generated method would check every value of every contact again (`rt.json_object`),
    which `RowChecker` did already, and encode with the standard library's `json`; this is
    pydantic-core's encoder (Rust), a few times faster (benchmarks/bench_import_input.py).
    """
    from pydantic_core import to_json  # loaded with the models; `import which50` loads neither

    contacts = [
        {"Values": row if type(row) is dict else dict(row), "ListId": contact_list_id}
        for row in batch.rows
    ]
    path = {"contactListId": contact_list_id, "importJobId": job_id}
    return ops.add_import_job_contacts.request(path=path, content=to_json(contacts), headers=_JSON)


def _job_url(lists: ContactLists | AsyncContactLists, job_id: int, cid: int) -> str:
    return redact_url(lists._runner.http.base_url.join(f"contactLists/{cid}/import/{job_id}"))


def _acknowledge(
    settings: ImportSettings, outcomes: Iterable[tuple[Batch, BaseException | None]]
) -> None:
    """Record every batch the server acknowledged, then raise the first failure (the import
    stops there; the ledger keeps the rest, so a resume skips them)."""
    outcomes = list(outcomes)
    settings.acknowledged([batch for batch, error in outcomes if error is None])
    failures = [error for _, error in outcomes if error is not None]
    if failures:
        raise failures[0]


def _poll_intervals() -> Iterator[float]:
    """The waits between polls of a running job: growing by half, capped."""
    interval = DEFAULT_POLL_INTERVAL
    while True:
        yield interval
        interval = min(interval * 1.5, MAX_POLL_INTERVAL)
