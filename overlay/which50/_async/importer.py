# The sync twin is generated from this file: run `make unasync` after a change.
"""The bulk import driver behind ``contact_lists.import_contacts``.

1. Check the arguments and open the checkpoint, before any request (`ImportSettings`).
2. Read the list's fields, to check every row against them (rejected rows are reported, never
   sent). Create the job, or take it from the checkpoint.
3. Send batches of at most 10,000 with at most ``concurrency`` in flight, recording each
   acknowledged batch in the checkpoint, and checking the input against it as it is read.
4. Run the job (once), then poll it with backoff until it ends, for at most ``job_timeout``.

Interrupted (an error, Ctrl-C, a progress callback that raises, a cancelled or timed-out async
call), it starts no new batch and no new attempt, lets the requests already on the wire end,
records the batches the server acknowledged, then re-raises. A batch waiting between two
attempts is dropped at once; a resume sends it again. This is one text for both twins; where
they differ (tasks or threads) is `_workers`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from which50_resources import _operations as ops

from .. import _retry
from .._bulk import Batch, ImportReport
from .._errors import APIConnectionError, APIStatusError
from .._import_state import (
    ImportSettings,
    _acknowledge,
    _batch_request,
    _job_url,
    _not_started,
    _SendBudget,
    _Watch,
)
from .._workers import AsyncWorkers

if TYPE_CHECKING:
    from which50_models import ImportJob

    from ..resources.contact_lists import AsyncContactLists

__all__ = ["aimport_contacts"]


async def aimport_contacts(lists: AsyncContactLists, settings: ImportSettings) -> ImportReport:
    """Import as the module docstring says; the CSV file the settings opened is closed at the
    end, whatever happens."""
    try:
        return await _drive(lists, settings)
    finally:
        settings.close()


async def _drive(lists: AsyncContactLists, settings: ImportSettings) -> ImportReport:
    imports, cid = lists.imports, settings.contact_list_id
    ledger = settings.prepare(await lists.fields.list(cid))
    if ledger.job_id is None:
        ledger.job_id = (await imports.create(cid, settings.field_names)).id
        ledger.save()
    job_id = settings.job_id()
    runner = lists._runner
    policy = runner.retry
    workers = AsyncWorkers(settings.concurrency)

    async def send(batch: Batch) -> None:
        budget = _SendBudget(policy)
        request = _batch_request(cid, job_id, batch)
        while True:
            try:
                with workers.on_the_wire(batch):
                    await runner.run(ops.add_import_job_contacts, request)
                return
            except (APIConnectionError, APIStatusError) as error:
                delay = budget.wait_after(error)
                if delay is None or workers.stopping:
                    raise
                await workers.pause(delay)
                if workers.stopping:
                    raise

    async def run() -> ImportJob:
        return await imports.run(
            cid, job_id, match=settings.match, custom_events=settings.custom_events
        )

    # Once the job ran, the input is still read to the end (and sends nothing): the checkpoint
    # checks that it is the input the job ran over.
    async with workers:
        try:
            for batch in settings.pending_batches():
                while workers.full:
                    _acknowledge(settings, await workers.wait_first())
                workers.start(send, batch)
            while workers.busy:
                _acknowledge(settings, await workers.wait_first())
        except BaseException:
            # Interrupted: no new batch or attempt; the requests on the wire end, and the
            # batches the server acknowledged are recorded.
            settings.acknowledged(await workers.stop(), report=False)
            raise
    if not ledger.run_requested:
        job = await imports.get(cid, job_id) if ledger.resumed else None
        if job is None or _not_started(job):
            # Start the job. If the answer was lost, look before starting it again.
            try:
                job = await run()
            except APIConnectionError:
                job = await imports.get(cid, job_id)
                if _not_started(job):
                    job = await run()
        settings.ran()
    watch = _Watch(settings, job_id, _job_url(lists, job_id, cid))
    job = await imports.get(cid, job_id)
    while (delay := watch.next_wait(job)) is not None:
        await _retry.asleep(delay)
        job = await imports.get(cid, job_id)
    return settings.report(job)
