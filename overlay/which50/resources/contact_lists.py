"""`client.contact_lists`: the methods generated from the spec (`which50_resources`), and the
bulk import, which no generator can write."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from which50_resources.contact_lists import AsyncContactListsResource, ContactListsResource

from .._bulk import ImportReport
from .._constants import DEFAULT_IMPORT_CONCURRENCY, DEFAULT_JOB_TIMEOUT, MAX_IMPORT_BATCH
from .._importer import ImportSettings, ProgressCallback, aimport_contacts, import_contacts
from .._runner import AsyncRunner, SyncRunner

__all__ = ["AsyncContactLists", "ContactLists"]


class ContactLists(ContactListsResource):
    """`client.contact_lists`: lists, their contacts, fields, linked data and import jobs."""

    _runner: SyncRunner

    def import_contacts(
        self,
        contact_list_id: int,
        rows: Iterable[Mapping[str, Any]] | str | os.PathLike[str],
        *,
        match: Sequence[str],
        field_names: Sequence[str] | None = None,
        custom_events: Sequence[str] | None = None,
        batch_size: int = MAX_IMPORT_BATCH,
        concurrency: int = DEFAULT_IMPORT_CONCURRENCY,
        progress: ProgressCallback | None = None,
        checkpoint: str | os.PathLike[str] | None = None,
        job_timeout: float = DEFAULT_JOB_TIMEOUT,
    ) -> ImportReport:
        """Import any number of contacts through an import job, and wait for it to finish.

        ``rows`` is an iterable of dicts (field name to value) or the path of a UTF-8 CSV file
        with a header row; it is streamed, never loaded whole. Each row is checked against the
        list's fields first: rejected rows are in the report with their number and reason.
        ``match`` names the fields that identify a contact (the job updates matching contacts
        rather than inserting them). ``field_names`` defaults to the first row's keys.
        ``progress`` receives an `ImportProgress` after each batch and each poll.
        ``checkpoint`` is a file that makes the import resumable: run the same call again after
        a crash or Ctrl-C and it carries on, with no duplicates and no gaps. It refuses
        (`CheckpointError`) an input that differs from the one it was made with in any row it
        sent or any row before one, and, once the job ran, in any row at all.
        ``job_timeout`` bounds, in seconds, the wait for the job to end once it runs (default
        an hour): past it, or at a job status this client does not know, `ImportJobError`.
        """
        settings = ImportSettings(
            contact_list_id,
            rows,
            match=match,
            field_names=field_names,
            custom_events=custom_events,
            batch_size=batch_size,
            concurrency=concurrency,
            progress=progress,
            checkpoint=checkpoint,
            job_timeout=job_timeout,
        )
        return import_contacts(self, settings)


class AsyncContactLists(AsyncContactListsResource):
    """`aclient.contact_lists`: the async twin of `ContactLists`."""

    _runner: AsyncRunner

    async def import_contacts(
        self,
        contact_list_id: int,
        rows: Iterable[Mapping[str, Any]] | str | os.PathLike[str],
        *,
        match: Sequence[str],
        field_names: Sequence[str] | None = None,
        custom_events: Sequence[str] | None = None,
        batch_size: int = MAX_IMPORT_BATCH,
        concurrency: int = DEFAULT_IMPORT_CONCURRENCY,
        progress: ProgressCallback | None = None,
        checkpoint: str | os.PathLike[str] | None = None,
        job_timeout: float = DEFAULT_JOB_TIMEOUT,
    ) -> ImportReport:
        """Import any number of contacts through an import job, and wait for it to finish.

        ``rows`` is an iterable of dicts (field name to value) or the path of a UTF-8 CSV file
        with a header row; it is streamed, never loaded whole. Each row is checked against the
        list's fields first: rejected rows are in the report with their number and reason.
        ``match`` names the fields that identify a contact (the job updates matching contacts
        rather than inserting them). ``field_names`` defaults to the first row's keys.
        ``progress`` receives an `ImportProgress` after each batch and each poll.
        ``checkpoint`` is a file that makes the import resumable: await the same call again after
        a crash or Ctrl-C and it carries on, with no duplicates and no gaps. It refuses
        (`CheckpointError`) an input that differs from the one it was made with in any row it
        sent or any row before one, and, once the job ran, in any row at all.
        ``job_timeout`` bounds, in seconds, the wait for the job to end once it runs (default
        an hour): past it, or at a job status this client does not know, `ImportJobError`.
        """
        settings = ImportSettings(
            contact_list_id,
            rows,
            match=match,
            field_names=field_names,
            custom_events=custom_events,
            batch_size=batch_size,
            concurrency=concurrency,
            progress=progress,
            checkpoint=checkpoint,
            job_timeout=job_timeout,
        )
        return await aimport_contacts(self, settings)
